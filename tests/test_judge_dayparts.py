"""Parts of the day ('in the morning', 'late Tuesday night', 'overnight') read as ranges of the clock and
compared with clock times and with each other."""

from __future__ import annotations

import pytest
from test_facts_times import times
from test_judge import make, pair_of, run_apart

from compare.model import FindingType, Relation, Severity, Verdict


def dayparts(text: str) -> list[tuple[str, str, float | None, float | None]]:
    return [(f.text, f.key, f.low, f.high) for f in times(text) if f.label == "DAYPART"]


READ = [
    (
        "The guard checked in on Thursday morning.",
        [("Thursday morning", "daypart:thursday:morning", 300, 720)],
    ),
    ("The bomb went off in the morning, police said.", [("morning", "daypart::morning", 300, 720)]),
    ("The talks resumed this afternoon.", [("this afternoon", "daypart:today:afternoon", 720, 1080)]),
    ("They met again the next evening.", [("the next evening", "daypart::evening", 1020, 1320)]),
    # a night runs past midnight: 20:00 to 30:00 is 8 p.m. to 6 a.m.
    ("The rebels attacked the town overnight.", [("overnight", "daypart::night", 1200, 1800)]),
    ("Looters roamed the streets at night.", [("night", "daypart::night", 1200, 1800)]),
    (
        "The blast came late Tuesday night.",
        [("late Tuesday night", "daypart:tuesday:late-night", 1260, 1620)],
    ),
    # wire style: 'early Tuesday' is after midnight, 'late Tuesday' its evening
    ("The ferry sank early Tuesday.", [("early Tuesday", "daypart:tuesday:early", 0, 540)]),
    (
        "Police raided the flat late on Wednesday.",
        [("late on Wednesday", "daypart:wednesday:late", 1020, 1440)],
    ),
    (
        "The ferry sank early Tuesday morning.",
        [("early Tuesday morning", "daypart:tuesday:early-morning", 0, 540)],
    ),
    (
        "The vote ended late Friday afternoon.",
        [("late Friday afternoon", "daypart:friday:late-afternoon", 900, 1140)],
    ),
    ("Troops moved in at dawn.", [("dawn", "daypart::dawn", 240, 420)]),
    ("The raid began shortly before dawn.", [("before dawn", "daypart::predawn", 0, 420)]),
    ("The storm reached the coast after dark.", [("after dark", "daypart::after-dark", 1020, 1680)]),
    ("The convoy left at dusk.", [("dusk", "daypart::dusk", 1020, 1260)]),
    (
        "The dam gave way in the early hours of Monday.",
        [("early hours of Monday", "daypart:monday:early-hours", 0, 420)],
    ),
    (
        "Fighting raged across the city last night.",
        [("last night", "daypart:yesterday:evening-night", 1020, 1800)],
    ),
    ("The minister will speak tonight.", [("tonight", "daypart:today:evening-night", 1020, 1800)]),
    ("It was an early morning raid.", [("early morning", "daypart::early-morning", 0, 540)]),
    ("The crash happened on the morning of 3 March.", [("morning", "daypart::morning", 300, 720)]),
    ("Blast Hits Capital Tuesday Night", [("Tuesday Night", "daypart:tuesday:night", 1200, 1800)]),
]


@pytest.mark.parametrize(("sentence", "expected"), READ)
def test_parts_of_the_day_are_ranges_of_the_clock(
    sentence: str, expected: list[tuple[str, str, int, int]]
) -> None:
    assert dayparts(sentence) == [(t, k, float(lo), float(hi)) for t, k, lo, hi in expected]


NOT_READ = [
    "He read about it in the morning paper.",
    "Good Morning America aired the clip first.",
    "Morning prayers were cut short.",
    "Workers on the Tuesday night shift walked out.",
    "The nurses worked the night shift.",
    "Tickets for Fight Night sold out.",
    "He hosted Saturday Night Live twice.",
    "She talked about it on This Morning.",
    "The vote could come as early as Tuesday.",
    "She became an overnight sensation.",
    "The morning was cold and grey.",
]


@pytest.mark.parametrize("sentence", NOT_READ)
def test_words_of_the_day_in_names_and_compounds_are_no_time(sentence: str) -> None:
    assert dayparts(sentence) == []


def test_the_weekday_keeps_its_own_fact() -> None:
    facts = times("The guard checked in on Thursday morning.")
    assert [(f.text, f.label, f.key) for f in facts] == [
        ("Thursday", "DATE", "weekday:thursday"),
        ("Thursday morning", "DAYPART", "daypart:thursday:morning"),
    ]


@pytest.mark.parametrize(
    ("sentence", "clock"),
    [
        ("They were woken at 3 in the morning.", ("3 in the morning", "03:00")),
        ("The fire started at about 10 o'clock at night.", ("10 o'clock at night", "22:00")),
        ("The train left at 7:30 in the evening.", ("7:30 in the evening", "19:30")),
        ("The shop opens around 2 in the afternoon.", ("2 in the afternoon", "14:00")),
    ],
)
def test_an_hour_told_with_its_part_of_the_day_is_a_clock_time(sentence: str, clock: tuple[str, str]) -> None:
    assert [(f.text, f.key) for f in times(sentence) if f.label in ("TIME", "DAYPART")] == [clock]


def test_a_count_before_a_part_of_the_day_is_no_clock_time() -> None:
    assert [f for f in times("Gunmen killed 3 in the morning attack.") if f.label == "TIME"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The quake struck at 2 a.m. Sunday morning.",
        "The quake struck Sunday morning at 2:15 a.m.",
        "Early Friday morning, around 1:30 a.m., the actress arrived.",
        "The bomb exploded at 11 p.m. local time on Tuesday night.",
    ],
)
def test_a_part_of_the_day_beside_a_clock_time_is_not_read_again(sentence: str) -> None:
    assert dayparts(sentence) == []
    assert [f.label for f in times(sentence)].count("TIME") == 1


CONFLICTS = [
    (
        "The guard checked in on Thursday morning.",
        "The guard checked in on Thursday around 3 p.m.",
        ("Thursday morning", "3 p.m."),
    ),
    ("The blast came late Tuesday night.", "The blast came early Tuesday morning.", None),
    ("The bomb went off in the morning.", "The bomb went off at 3 p.m.", ("morning", "3 p.m.")),
    ("The plane landed in the morning.", "The plane landed in the afternoon.", ("morning", "afternoon")),
    ("The quake struck in the evening.", "The quake struck at 7 a.m.", ("evening", "7 a.m.")),
    ("The ferry sank early Tuesday.", "The ferry sank at 11 p.m. on Tuesday.", ("early Tuesday", "11 p.m.")),
    ("The ferry sank on Tuesday night.", "The ferry sank early Tuesday.", None),
    ("Rebels shelled the town overnight.", "Rebels shelled the town at noon.", ("overnight", "noon")),
    ("Troops stormed the compound at dawn.", "Troops stormed the compound in the afternoon.", None),
    ("Troops stormed the compound at dawn.", "Troops stormed the compound at 4 p.m.", ("dawn", "4 p.m.")),
    ("The polls closed in the evening.", "The polls closed at 7 a.m. local time.", None),
    ("The fire broke out late Friday afternoon.", "The fire broke out at 9:30 a.m. Friday.", None),
]


@pytest.mark.parametrize(("a", "b", "quoted"), CONFLICTS)
def test_a_part_of_the_day_and_a_time_outside_it_conflict(
    a: str, b: str, quoted: tuple[str, str] | None
) -> None:
    judged, findings = pair_of(a, b)
    times_found = [f for f in findings if f.type is FindingType.TIME_DATE]
    assert len(times_found) == 1, findings
    if quoted is not None:
        assert tuple(s.text for s in times_found[0].spans) == quoted
    assert times_found[0].severity is Severity.MEDIUM
    assert judged.verdict is Verdict.CONFLICT


QUIET = [
    ("Rebels shelled the town overnight.", "Rebels shelled the town at 2 a.m."),
    ("The bomb exploded on Tuesday night.", "The bomb exploded at 11:30 p.m. Tuesday."),
    ("The bomb exploded late Tuesday night.", "The bomb exploded shortly after midnight."),
    # the boundary: noon ends the morning
    ("The plane landed around noon.", "The plane landed in the morning."),
    ("The plane landed at 12 noon.", "The plane landed late in the morning."),
    ("The plane landed in the afternoon.", "The plane landed in the evening."),
    ("The ferry sank in the early hours.", "The ferry sank at 4:10 a.m."),
    ("The ferry sank early Tuesday morning.", "The ferry sank at 2 a.m. on Tuesday."),
    ("Fighting raged in the city last night.", "Fighting raged in the city at 10 p.m."),
    ("Fighting raged in the city last night.", "Fighting raged in the city at 3 a.m."),
    ("Troops stormed the compound at dawn.", "Troops stormed the compound at 6:15 a.m."),
    ("Troops stormed the compound at dawn.", "Troops stormed the compound early in the morning."),
    ("The storm hit after dark.", "The storm hit at 9 p.m."),
    # different acts: the times of arriving and of leaving are two slots
    ("The troops arrived in the morning.", "The troops left at 9 p.m."),
    # a part of the day is local time: a clock time in GMT or UTC is not compared with it
    ("The quake struck in the morning.", "The quake struck at 0300 GMT."),
    ("The quake struck in the evening.", "The quake struck at 7 p.m. local time."),
    ("Polls closed in the evening.", "Polls closed at 1100 UTC."),
    # an hour told with its part of the day is that clock time
    ("The fire started at 3 in the morning.", "The fire started at 3 a.m."),
    # names that hold the words of a day are no times
    ("The interview aired on Good Morning America.", "The interview aired at 9 p.m."),
    ("Nurses on the night shift walked out.", "Nurses walked out at 10 a.m."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_parts_of_the_day_that_can_hold_raise_no_conflict(a: str, b: str) -> None:
    judged, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.TIME_DATE] == [], findings
    assert judged.pairs[0].relation is not Relation.CONFLICT


def test_two_nights_are_one_finding_about_the_days() -> None:
    _, findings = pair_of(
        "The plane crashed into the sea on Wednesday night.",
        "The plane crashed into the sea on Thursday night.",
    )
    assert [[s.text for s in f.spans] for f in findings] == [["Wednesday", "Thursday"]]


def test_a_night_told_from_either_side_of_midnight_is_a_low_finding_with_a_note() -> None:
    judged, findings = pair_of("The bomb exploded late Tuesday night.", "The bomb exploded early Wednesday.")
    assert [(f.type, f.severity) for f in findings] == [(FindingType.TIME_DATE, Severity.LOW)]
    assert [s.text for s in findings[0].spans] == ["Tuesday", "Wednesday"]
    assert findings[0].note is not None and "across midnight" in findings[0].note
    assert judged.verdict is not Verdict.CONFLICT


def test_other_days_with_parts_that_do_not_meet_stay_a_conflict() -> None:
    judged, findings = pair_of(
        "The bomb exploded on Tuesday morning.", "The bomb exploded on Wednesday evening."
    )
    days = [f for f in findings if f.message.startswith("Different days")]
    assert len(days) == 1 and days[0].severity is Severity.MEDIUM
    assert judged.verdict is Verdict.CONFLICT


def test_statements_kept_apart_compare_parts_of_the_day_of_one_act() -> None:
    case = make(
        {
            "CNN": ["The actress checked into the Hilltop clinic on Thursday morning, her lawyer said."],
            "BBC": [
                "Photographers waited outside.",
                "The actress checked into the Hilltop clinic at 11 p.m.",
            ],
        }
    )
    found = [f for f in run_apart(case) if f.type is FindingType.TIME_DATE]
    assert len(found) == 1 and [s.text for s in found[0].spans] == ["Thursday morning", "11 p.m."]


def test_statements_kept_apart_telling_one_act_done_to_two_things_are_two_acts() -> None:
    case = make(
        {
            "CNN": ["The actress checked into the Hilltop clinic on Thursday morning, her lawyer said."],
            "BBC": [
                "Photographers waited outside.",
                "The actress checked into the Seaview centre at 11 p.m.",
            ],
        }
    )
    assert [f for f in run_apart(case) if f.type is FindingType.TIME_DATE] == []
