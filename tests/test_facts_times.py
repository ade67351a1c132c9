"""Time facts: clock times, dates, seasons and durations, resolved against the publication date."""

from __future__ import annotations

from datetime import date

from compare.facts import extract_facts
from compare.facts.times import reference_date, since_as_duration
from compare.model import Document, Fact, FactKind, Statement, StatementKind


def times(text: str, published: str | None = None) -> list[Fact]:
    document = Document.from_text(text, id="d", published=published)
    statement = Statement("d:s0", "d", 0, 0, len(text), text, StatementKind.BODY)
    return [f for f in extract_facts(statement, document) if f.kind is FactKind.TIME]


def keyed(text: str, published: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.text, f.label, f.key) for f in times(text, published)]


def test_clock_times() -> None:
    assert keyed("The plane went down at 5:50 p.m. local time, not at 17:30.") == [
        ("5:50 p.m.", "TIME", "17:50"),
        ("17:30", "TIME", "17:30"),
    ]


def test_numeric_dates_day_first_and_year_from_publication() -> None:
    assert keyed("After the first launches on 19/11/2024, use fell.") == [
        ("19/11/2024", "DATE", "2024-11-19")
    ]
    assert keyed("The WSJ reported on 23/8.", "2025-08-24") == [("23/8", "DATE", "2025-08-23")]
    assert keyed("The WSJ reported on 23/8.") == [("23/8", "DATE", "--08-23")]


def test_named_month_dates_and_weekdays() -> None:
    assert keyed("It crashed on Wednesday, August 23, 2000.", "08/24/00 10:30") == [
        ("Wednesday", "DATE", "2000-08-23"),
        ("August 23, 2000", "DATE", "2000-08-23"),
    ]


def test_seasons_resolved_and_since_becomes_a_duration() -> None:
    spring = times("The last delivery arrived in spring 2025.")[0]
    assert (spring.label, spring.key) == ("PERIOD", "2025-spring")
    since = times("No strikes since late spring this year.", "2025-08-24")[0]
    assert (since.label, since.key) == ("SINCE", "since:2025-late-spring")
    span = since_as_duration(since, "2025-08-24")
    assert span is not None and 80 < span[0] < span[1] < 120


def test_durations_with_qualifiers_and_vague_counts() -> None:
    two, several = times("Banned for at least two months, indeed for several months.")
    assert (two.label, two.qualifier, two.high) == ("DURATION", "at least", None)
    assert two.low is not None and two.low == 2 * 28  # the shortest two months
    assert several.low is not None and several.high is not None and several.low < several.high
    war = times("The war that has lasted more than three years.")[0]
    assert war.qualifier == "more than" and war.low is not None and war.low > 1000


def test_ages_and_the_verb_may_are_not_times() -> None:
    assert times("The 31-year-old courier may have carried papers.") == []


def test_reference_date_formats() -> None:
    assert reference_date("2025-08-24T10:00:00Z") == date(2025, 8, 24)
    assert reference_date("08/23/00 13:09") == date(2000, 8, 23)
    assert reference_date(None) is None


def test_duration_ranges() -> None:
    [fact] = times("All were sentenced to between two and nine years in prison.")
    assert fact.text == "between two and nine years" and fact.qualifier == "range"
    assert fact.low == 2 * 365 and fact.high == 9 * 366  # the shortest and the longest years


def test_a_span_in_months_or_years_allows_the_lengths_of_the_calendar() -> None:
    three_months, ninety_days, two_years = times("It took three months, or 90 days, of two years.")
    assert (three_months.low, three_months.high) == (3 * 28, 3 * 31)
    assert (ninety_days.low, ninety_days.high) == (90, 90)
    assert (two_years.low, two_years.high) == (730, 732)
