"""Clock times and their zones: wire-style 'HHMM GMT', a bracketed conversion, local time against GMT."""

from __future__ import annotations

import pytest
from test_judge import claim, make, pair_of, run

from compare.model import FactKind, FindingType, Severity


def _clock_facts(sentence: str) -> list[tuple[str, str]]:
    case = make({"CNN": [sentence]})
    return [(f.text, f.key) for f in case.facts["cnn:s0"] if f.kind is FactKind.TIME and f.label == "TIME"]


@pytest.mark.parametrize(
    ("sentence", "clocks"),
    [
        ("The ferry sank at 0415 GMT on Monday.", [("0415", "04:15")]),
        ("Shelling resumed at 2130 UTC, monitors said.", [("2130", "21:30")]),
        ("Polls opened at 7 a.m. local time (2300 GMT Saturday).", [("7 a.m.", "07:00"), ("2300", "23:00")]),
        # four digits with no zone may be a count; 'hours' after them is a duration or a count
        ("Rescuers logged 1400 hours of searching.", []),
        ("The 1200 residents were moved to a school.", []),
        ("The ceasefire ran out at 2400 GMT.", []),  # no such reading on a clock
    ],
)
def test_four_digits_are_a_clock_time_only_with_a_zone(sentence: str, clocks: list[tuple[str, str]]) -> None:
    assert _clock_facts(sentence) == clocks


LOCAL_AGAINST_GMT = [
    ("The tremor struck at 0737 GMT, the survey said.", "The tremor struck at 7:37 a.m. local time."),
    ("The blast happened at 14:05 local time.", "The blast was heard at 1405 UTC."),
    ("The tremor took place at 9:20 p.m. local time.", "The tremor hit at 2120 GMT on Friday."),
    ("Voting ended at 1800 GMT.", "Voting ended at 6 p.m. local time."),
]


@pytest.mark.parametrize(("a", "b"), LOCAL_AGAINST_GMT)
def test_one_reading_as_local_time_and_as_gmt_is_a_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    zones = [f for f in findings if f.message.startswith("The same clock time in two time zones")]
    assert len(zones) == 1, [f.message for f in findings]
    finding = zones[0]
    assert finding.type is FindingType.TIME_DATE and finding.severity is Severity.MEDIUM
    assert "unless local time there is GMT" in (finding.note or "")
    # the quotes carry the zones, which are what differs
    texts = [s.text for s in finding.spans]
    assert any(t.endswith(("GMT", "UTC")) for t in texts) and any(t.endswith("local time") for t in texts)


QUIET = [
    # one report converts: the same moment in two zones, and it agrees with the other
    ("Polls opened at 8 a.m. local time (0300 GMT).", "Polls opened at 0300 GMT."),
    # a report that gives the reading in both zones itself
    (
        "The quake struck at 0737 GMT, or 7:37 a.m. local time by some accounts.",
        "The quake struck at 0737 GMT.",
    ),
    # another named zone may be the local one: only GMT/UTC is nobody's local time
    ("The launch came at 6 p.m. EDT.", "The launch came at 6 p.m. local time."),
    # different readings in different zones may be one moment
    ("The tremor struck at 7:37 a.m. local time.", "The tremor struck at 0037 GMT."),
    # times of two acts
    ("Rescuers arrived at 0900 GMT.", "The building collapsed at 9 a.m. local time."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_zones_that_can_be_one_moment_are_quiet(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert not [f for f in findings if f.type is FindingType.TIME_DATE], [f.message for f in findings]


def test_a_bracketed_conversion_sits_in_the_slot_of_the_time_it_converts() -> None:
    # 'as of 4 p.m. (1100 GMT)' is the time a tally stood at, like the local time it converts: it is not
    # the time voting began ('at 8 a.m. (0300 GMT)'), in either zone
    case = make(
        {
            "CNN": ["Voters began casting ballots at 8 a.m. local time (0300 GMT) on Sunday."],
            "MSNBC": ["Turnout was 70 percent as of 4 p.m. local time (1100 GMT), officials said."],
        }
    )
    args = {f.text: f.arg for s in ("cnn:s0", "msnbc:s0") for f in case.facts[s] if f.label == "TIME"}
    assert args["1100"] == args["4 p.m."] == "of" and args["0300"] == args["8 a.m."]
    _, findings = run(case, [claim("c1", "cnn:s0"), claim("c2", "msnbc:s0")])
    assert not [f for f in findings if f.type is FindingType.TIME_DATE]
