"""Time and date findings: one event told at two times or on two days; zones, ranges and news days."""

from __future__ import annotations

import pytest
from test_judge import make, pair_of, run_apart

from compare.model import FindingType, Relation, Verdict

CONFLICTS = [
    (
        "The plane crashed into the sea on Wednesday night.",
        "The plane crashed into the sea on Thursday night.",
        ("Wednesday", "Thursday"),
    ),
    (
        "The Cessna hit the Pirelli tower at 5:50 p.m. local time.",
        "The Cessna hit the Pirelli tower at 4:50 p.m. local time.",
        ("5:50 p.m. local time", "4:50 p.m. local time"),  # a clock time is quoted with its zone
    ),
    ("The flight left Cairo at 7 p.m.", "The flight left Cairo at 9 p.m.", ("7 p.m.", "9 p.m.")),
    # spans no length of month or year reconciles
    (
        "The council approved a two-year budget freeze.",
        "The council approved a six-month budget freeze.",
        ("two-year", "six-month"),
    ),
    ("The dock strike lasted six months.", "The dock strike lasted 150 days.", ("six months", "150 days")),
    # a tally told as of two times is still one slot
    (
        "Turnout stood at 40 percent as of noon, the commission said.",
        "Turnout stood at 40 percent as of 3 p.m., the commission said.",
        ("noon", "3 p.m."),
    ),
]


@pytest.mark.parametrize(("a", "b", "quoted"), CONFLICTS)
def test_one_event_at_two_times_conflicts(a: str, b: str, quoted: tuple[str, str]) -> None:
    judged, findings = pair_of(a, b)
    assert [f.type for f in findings] == [FindingType.TIME_DATE]
    assert tuple(s.text for s in findings[0].spans) == quoted
    assert judged.verdict is Verdict.CONFLICT


QUIET = [
    # within a few minutes: the same moment told loosely
    ("The plane hit the building at about 5:45 p.m.", "The plane hit the building at 5:50 p.m."),
    # two zones may be one moment
    (
        "The hacker extended the contest until 6 p.m. EDT Sunday.",
        "The hacker extended the contest until 3 p.m. Arizona time Sunday.",
    ),
    # the day a statement was made is not the day of the event
    (
        "The militants ambushed the convoy Saturday near Spinboldak, a military spokesman said.",
        "The militants ambushed the convoy near Spinboldak, a military spokesman said Sunday.",
    ),
    # the time of an act and the time a tally stood at
    (
        "Voters began casting their ballots at 8 a.m. in the capital.",
        "Some 2 million voters had cast their ballots as of 4 p.m. in the capital.",
    ),
    # one span counted in other units of the calendar: a month is 28 to 31 days, a year 365 or 366
    (
        "He entered a 90-day treatment programme in Arizona.",
        "He entered a three-month treatment programme in Arizona.",
    ),
    ("The council approved a 24-month budget freeze.", "The council approved a two-year budget freeze."),
    ("The dock strike lasted six months.", "The dock strike lasted 180 days."),
    ("The drought in the valley has lasted a decade.", "The drought in the valley has lasted ten years."),
    # one date each, nothing in common but the day: two acts
    (
        "A camp in the north was the target of an air raid on Thursday, a witness said.",
        "The refugee agency on Friday strongly condemned the bombing of the camp.",
    ),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_times_that_can_both_hold_raise_no_conflict(a: str, b: str) -> None:
    judged, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.TIME_DATE] == [], findings
    assert judged.pairs[0].relation is not Relation.CONFLICT


def test_a_range_of_years_holds_a_figure_inside_it() -> None:
    judged, findings = pair_of(
        "All were sentenced to between two and nine years in prison.",
        "The court sentenced them to five years in prison.",
    )
    assert judged.pairs[0].relation is not Relation.CONFLICT
    assert [(f.type, f.severity.value) for f in findings] == [(FindingType.TIME_DATE, "low")]
    assert findings[0].spans[0].text == "between two and nine years"


def test_each_reports_own_day_is_shown_as_likely_two_days_of_a_story() -> None:
    # context annotates, it does not delete: the reader sees the difference and why it may be benign
    judged, findings = pair_of(
        "Salvage attempts were continuing at the crash site Thursday.",
        "Salvage attempts were continuing at the crash site Friday.",
        {"CNN": "2000-08-24T16:22", "MSNBC": "2000-08-25T18:30"},
    )
    assert judged.verdict is not Verdict.CONFLICT
    assert [(f.type, f.severity.value) for f in findings] == [(FindingType.TIME_DATE, "low")]
    assert findings[0].note is not None and "own publication day" in findings[0].note


def test_days_of_one_event_are_compared_across_claims() -> None:
    case = make(
        {
            "CNN": ["Gulf Air Flight 072 crashed into the sea off Bahrain on Wednesday, killing all 143."],
            "BBC": ["Rescuers searched the area.", "The Airbus crashed into the sea on Thursday night."],
        }
    )
    times = [f for f in run_apart(case) if f.type is FindingType.TIME_DATE]
    assert len(times) == 1 and set(times[0].statements) == {"cnn:s0", "bbc:s1"}
    assert times[0].note and "not aligned" in times[0].note
    assert [s.text for s in times[0].spans] == ["Wednesday", "Thursday"]


@pytest.mark.parametrize(
    ("sentence", "predicate"),
    [
        ("Planes dropped three bombs on the depot at 2:45 p.m.", "bomb"),
        ("The militia carried out the attack at dawn on Friday.", "attack"),
        ("Gunmen opened fire on the bus at 9 a.m.", "fire"),
        ("The pilot dropped the cargo at 9 a.m.", "drop"),  # not an act its object names
    ],
)
def test_a_verb_that_carries_out_an_act_takes_the_act_as_its_predicate(sentence: str, predicate: str) -> None:
    case = make({"CNN": [sentence]})
    clock = next(f for f in case.facts["cnn:s0"] if f.kind.value == "time")
    assert clock.predicate == predicate


def test_times_of_one_raid_told_by_its_means_meet_across_claims() -> None:
    case = make(
        {
            "CNN": ["Jets attacked the fuel depot near Orlak at 2:10 p.m., the army said."],
            "BBC": ["Planes dropped three bombs on the fuel depot near Orlak at 2:45 p.m., the army said."],
        }
    )
    times = [f for f in run_apart(case) if f.type is FindingType.TIME_DATE]
    assert [tuple(s.text for s in f.spans) for f in times] == [("2:10 p.m.", "2:45 p.m.")]


def test_counts_of_bombs_and_of_raids_are_different_things() -> None:
    _, findings = pair_of(
        "The jets dropped four bombs on the camp.", "The jets launched two bombing raids on the camp."
    )
    assert not [f for f in findings if f.type is FindingType.NUMBER]


@pytest.mark.parametrize(
    ("a", "b", "flagged"),
    [
        # a month nobody gives a year is in the year of the other's: both tell of one past time
        ("In April last year a storm hit the coast.", "A storm hit the coast in May 2019.", True),
        ("In May last year a storm hit the coast.", "A storm hit the coast in May 2019.", False),
        # two dated months still compare with their years
        ("The storm hit the coast in May 2024.", "The storm hit the coast in May 2025.", True),
    ],
)
def test_a_bare_month_meets_a_dated_one(a: str, b: str, flagged: bool) -> None:
    _, findings = pair_of(a, b)
    assert bool([f for f in findings if f.type is FindingType.TIME_DATE]) is flagged, [
        f.message for f in findings
    ]


def test_struck_and_hit_tell_one_act() -> None:
    _, findings = pair_of("The tremor struck the valley on Monday.", "The tremor hit the valley on Tuesday.")
    assert [f.type for f in findings if f.type is FindingType.TIME_DATE] == [FindingType.TIME_DATE]
