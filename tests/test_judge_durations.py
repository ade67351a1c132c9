"""Durations: how long one thing lasted, read whole ('an hour and a half') and compared by what lasted,
in one claim or across claims; spans of different acts, rates and spans told loosely are left alone."""

from __future__ import annotations

import pytest
from test_facts_times import times
from test_judge import make, pair_of, run_apart

from compare.facts.times import vague
from compare.model import FindingType, Relation, Verdict

HOUR = 1 / 24
MINUTE = HOUR / 60
SECOND = MINUTE / 60


@pytest.mark.parametrize(
    ("text", "span", "days"),
    [
        ("The rally went on for an hour and a half.", "an hour and a half", 1.5 * HOUR),
        ("The hail fell for a minute and a half.", "a minute and a half", 1.5 * MINUTE),
        ("The vote count took two and a half hours.", "two and a half hours", 2.5 * HOUR),
        ("The hearing was adjourned for three-and-a-half hours.", "three-and-a-half hours", 3.5 * HOUR),
        ("The road stayed shut for two hours and a half.", "two hours and a half", 2.5 * HOUR),
        ("The convoy waited half an hour at the border.", "half an hour", 0.5 * HOUR),
        ("A half-hour delay followed.", "half-hour", 0.5 * HOUR),
        ("The ferry crossing lasted two hours and 20 minutes.", "two hours and 20 minutes", 140 * MINUTE),
        ("The repairs took one and a half years.", "one and a half years", 1.5 * 365.25),
        ("The engine had run for 12,400 hours.", "12,400 hours", 12400 * HOUR),
    ],
)
def test_a_duration_is_read_whole(text: str, span: str, days: float) -> None:
    [fact] = times(text)
    assert fact.label == "DURATION" and span in fact.text
    assert fact.value == pytest.approx(days)


def test_a_vague_count_is_a_range_not_a_figure() -> None:
    [few] = times("The lights flickered for a few seconds.")
    [two] = times("The lights flickered for two seconds.")
    assert vague(few) and not vague(two)
    assert few.key != two.key  # 'a few seconds' is not the figure 'two seconds'
    assert few.low is not None and few.high is not None and few.low < few.high
    assert times("The region has suffered drought for years.") == []  # no count: nothing to compare


@pytest.mark.parametrize(
    "text",
    [
        "The station broadcasts 24 hours a day.",
        "Trains leave twice a day from the port.",
        "Aftershocks struck every 20 seconds.",
        "Buses arrived at 15-minute intervals.",
        "The clinic opens for 12 hours daily.",
        "The planes deliver seven loads a day.",
        "Cleaners earn $15 an hour.",
        "A second round of shelling hit the town.",
    ],
)
def test_rates_and_ordinals_are_not_durations(text: str) -> None:
    assert [f for f in times(text) if f.label == "DURATION"] == []


CONFLICTS = [
    # one event, whatever the verbs
    (
        "The tremor was felt for about 20 seconds, residents said.",
        "The tremor shook buildings for nearly two minutes, residents said.",
        ("about 20 seconds", "nearly two minutes"),
    ),
    # one event told by two nouns of one claim, each with a verb of lasting
    (
        "The siege at the bank lasted three hours.",
        "The standoff at the bank went on for five hours.",
        ("three hours", "five hours"),
    ),
    (
        "The blackout in the city lasted about 40 minutes.",
        "The blackout in the city lasted two hours.",
        ("about 40 minutes", "two hours"),
    ),
    (
        "A 10-second quake jolted the island before dawn.",
        "The quake jolted the island for around a minute before dawn.",
        ("10-second", "around a minute"),
    ),
]


@pytest.mark.parametrize(("a", "b", "quoted"), CONFLICTS)
def test_one_event_lasting_two_lengths_conflicts(a: str, b: str, quoted: tuple[str, str]) -> None:
    judged, findings = pair_of(a, b)
    assert [(f.type, f.severity.value) for f in findings] == [(FindingType.TIME_DATE, "medium")]
    assert tuple(s.text for s in findings[0].spans) == quoted
    assert findings[0].message.startswith("Different time spans")
    assert judged.verdict is Verdict.CONFLICT


QUIET = [
    # one span in other words
    ("The meeting lasted an hour and a half.", "The meeting lasted 90 minutes."),
    ("The crossing took half an hour.", "The crossing took 30 minutes."),
    ("The surgery lasted two and a half hours.", "The surgery lasted 150 minutes."),
    # told loosely, within the step between two round figures
    ("The quake was felt for about 15 seconds.", "The quake was felt for 20 seconds."),
    ("The storm battered the coast for nearly three hours.", "The storm battered the coast for two hours."),
    # vague counts that may be one span
    ("The protest lasted several hours.", "The protest lasted a few hours."),
    # durations of different acts
    (
        "Refugees walked for seven days to reach the camp near the border.",
        "Fighting near the border has gone on for three weeks.",
    ),
    ("He was held at the airport for two hours.", "The flight from the airport lasted five hours."),
    ("Police questioned the driver for five hours.", "The driver waited at the station for an hour."),
    # a span within which something happened is not how long it lasted
    ("It was the strongest quake in 20 years.", "The quake lasted about 30 seconds."),
    # a duration and a rate
    ("The station broadcast for two hours.", "The station broadcasts 24 hours a day."),
    # no count
    ("The ceasefire held for years.", "The ceasefire held for six months."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_spans_that_can_both_hold_or_are_of_different_things_are_quiet(a: str, b: str) -> None:
    judged, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.TIME_DATE] == [], findings
    assert judged.pairs[0].relation is not Relation.CONFLICT


def test_loosely_told_spans_two_round_figures_apart_differ() -> None:
    # 'about 15 seconds' may be told '20 seconds', not '30 seconds' (the tolerance is one round step)
    _, findings = pair_of("The quake was felt for about 15 seconds.", "The quake was felt for 30 seconds.")
    assert [f.type for f in findings] == [FindingType.TIME_DATE]
    _, findings = pair_of("The tremor lasted a few seconds.", "The tremor lasted nearly two minutes.")
    assert [f.type for f in findings] == [FindingType.TIME_DATE]


def test_the_length_of_one_event_is_compared_across_claims() -> None:
    case = make(
        {
            "CNN": [
                "Rescue teams were sent to the valley.",
                "The earthquake was felt strongly for around 15 seconds across the province.",
            ],
            "BBC": ["Residents fled as the quake shook houses for around one minute, a reporter said."],
        }
    )
    spans = [f for f in run_apart(case) if f.type is FindingType.TIME_DATE]
    assert len(spans) == 1 and set(spans[0].statements) == {"cnn:s1", "bbc:s0"}
    assert [s.text for s in spans[0].spans] == ["around 15 seconds", "around one minute"]
    assert spans[0].note and "not aligned" in spans[0].note


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # nothing names what lasted
        ("It lasted about 15 seconds, witnesses said.", "It went on for nearly two minutes, officials said."),
        # the same person, two acts
        ("The suspect was questioned for five hours.", "The suspect was held for two hours."),
        # two things, one verb of lasting
        ("The flight lasted two hours.", "The delay lasted five hours."),
        # the same event noun, a span within which something happened
        ("The town had its strongest quake in 20 years.", "The quake lasted about 30 seconds."),
    ],
)
def test_spans_kept_apart_meet_only_when_one_named_thing_lasted(a: str, b: str) -> None:
    case = make({"CNN": [a], "BBC": [b]})
    assert [f for f in run_apart(case) if f.type is FindingType.TIME_DATE] == []


def test_a_range_holding_the_figure_is_told_differently_not_disputed() -> None:
    judged, findings = pair_of(
        "The strike at the port lasted between two and four weeks.",
        "The strike at the port lasted three weeks.",
    )
    assert [(f.type, f.severity.value) for f in findings] == [(FindingType.TIME_DATE, "low")]
    assert judged.pairs[0].relation is not Relation.CONFLICT


@pytest.mark.parametrize(
    "b",
    [
        "Fighting near the camp has gone on since June.",
        "Rebels have fought the army near the camp since June.",
    ],
)
def test_a_walk_is_not_the_fighting_since_a_month(b: str) -> None:
    # two acts in one claim (a walk; the fighting), each with its span: not one span told two ways
    _, findings = pair_of(
        "Many of the refugees walked for at least seven days to reach the camp.",
        b,
        {"CNN": "2011-11-11", "MSNBC": "2011-11-11"},
    )
    assert [f for f in findings if f.type is FindingType.TIME_DATE] == []
