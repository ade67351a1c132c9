"""Story-level judgement: past events a story recalls are not set against it, and a hedge is one finding."""

from __future__ import annotations

from compare import Document, compare_documents
from compare.judge.base import Draft, number_findings
from compare.model import Comparison, FindingType, Severity, Span


def _compare(reports: dict[str, str]) -> Comparison:
    return compare_documents(
        [Document.from_text(text, id=name, outlet=name.title()) for name, text in reports.items()]
    )


def _numbers(comparison: Comparison) -> list[str]:
    return [f.message for f in comparison.findings if f.type is FindingType.NUMBER]


RECALLED = [
    # (a report that recalls a past event with its own figure, another giving the story's figure)
    (
        "A passenger jet crashed into the sea off the coast on Wednesday, killing all 143 people on board. "
        "In October 1999 a jet of the same type crashed off the same coast, killing 217 people.",
        "A passenger jet crashed into the sea on Wednesday. All 143 people on board were killed.",
    ),
    (
        "A strong earthquake struck the province on Tuesday, killing at least 24 people. "
        "In 2004 a massive quake there triggered a tsunami that killed 170,000 people.",
        "The earthquake that struck the province on Tuesday killed 24 people, officials said.",
    ),
    (
        "Fire swept through the market on Sunday, destroying 40 stalls. "
        "The last big fire at the market, in 1987, destroyed 300 stalls.",
        "A fire destroyed 40 stalls at the market on Sunday.",
    ),
    # a time the report itself sets in another year, no year named
    (
        "A 5.9-magnitude quake shook the island on Friday. "
        "In March last year a 7.4-magnitude quake struck off the same island.",
        "A magnitude 5.9 quake shook the island on Friday, the survey said.",
    ),
]


def test_a_figure_of_a_past_event_the_story_recalls_is_not_set_against_the_story() -> None:
    for recalled, plain in RECALLED:
        comparison = _compare({"north": recalled, "south": plain})
        assert _numbers(comparison) == [], (recalled, _numbers(comparison))


def test_two_reports_recalling_the_same_past_event_differently_are_still_compared() -> None:
    comparison = _compare(
        {
            "north": "A quake hit the coast on Monday. "
            "In 2004 a tsunami there killed 230,000 people in 13 countries.",
            "south": "A quake hit the coast on Monday. "
            "In 2004 a tsunami killed 230,000 people in 14 countries.",
        }
    )
    assert any("13 countries" in m and "14 countries" in m for m in _numbers(comparison))


def test_two_different_past_events_are_not_set_against_each_other() -> None:
    reports = {
        "north": "A quake hit the coast on Monday. In 2009 a quake at the port killed 1,100 people.",
        "south": "A quake hit the coast on Monday. Last year a quake out west killed one person.",
    }
    dated = [
        Document.from_text(text, id=name, outlet=name.title(), published="2026-03-04")
        for name, text in reports.items()
    ]
    assert _numbers(compare_documents(dated)) == []


def test_a_magnitude_is_compared_only_with_a_magnitude() -> None:
    # headlines with one figure each: the magnitude does not count quakes, so it never meets the toll
    comparison = _compare(
        {
            "north": "Five dead as quake hits the island",
            "south": "6.2-magnitude quake hits the island",
            "east": "Magnitude-6.4 quake hits the island",
        }
    )
    messages = _numbers(comparison)
    assert len(messages) == 1 and "6.2" in messages[0] and "6.4" in messages[0], messages
    assert "Five" not in messages[0]


def test_the_storys_own_figures_still_differ_beside_a_recalled_event() -> None:
    comparison = _compare(
        {
            "north": "The ferry sank on Friday with 80 people aboard. "
            "In 1994 a ferry sank there with 852 aboard.",
            "south": "The ferry sank on Friday with 60 people aboard.",
        }
    )
    messages = _numbers(comparison)
    assert len(messages) == 1 and "80" in messages[0] and "60" in messages[0] and "852" not in messages[0]


def test_one_report_hedging_what_several_state_is_one_finding_naming_them_all() -> None:
    flat = "The driver struck the cyclist and fled the scene on Monday night."
    comparison = _compare(
        {
            "alpha": "The driver allegedly struck the cyclist and fled the scene on Monday night.",
            "beta": flat,
            "gamma": flat.replace("Monday night", "Monday evening"),
            "delta": "Police said the driver struck the cyclist and fled the scene on Monday night.",
        }
    )
    hedges = [f for f in comparison.findings if f.type is FindingType.CERTAINTY]
    assert len(hedges) == 1, [f.message for f in hedges]
    message = hedges[0].message
    assert message.startswith("Alpha hedges")
    assert "Beta" in message and "Gamma" in message
    assert {s.document for s in hedges[0].spans} >= {"alpha", "beta", "gamma"}


def test_a_percentage_is_one_unit_however_it_is_spelled() -> None:
    for sign in ("%", " percent", " per cent"):
        for other in ("%", " percent", " per cent"):
            comparison = _compare(
                {
                    "north": f"Turnout reached 94{sign} in Sunday's vote.",
                    "south": f"Turnout was almost 90{other} in Sunday's vote.",
                }
            )
            assert len(_numbers(comparison)) == 1, (sign, other)
            same = _compare(
                {
                    "north": f"Turnout reached 94{sign} in Sunday's vote.",
                    "south": f"Turnout was 94{other} in Sunday's vote.",
                }
            )
            assert _numbers(same) == [], (sign, other)


def test_one_finding_for_the_same_quotes_met_through_two_claims() -> None:
    x = Span(document="north", start=10, end=20, text="26th floor", statement="north:s0")
    y = Span(document="south", start=12, end=22, text="25th floor", statement="south:s0")
    first = Draft(FindingType.NUMBER, Severity.HIGH, 0, ("north:s0", "south:s0"), "m", (x, y))
    again = Draft(FindingType.NUMBER, Severity.HIGH, 3, ("south:s0", "north:s0"), "m", (y, x))
    other = Draft(FindingType.TIME_DATE, Severity.MEDIUM, 3, ("south:s0", "north:s0"), "m", (y, x))
    findings = number_findings([first, again, other], ["c1", "c2", "c3", "c4"])
    kept = [(f.type, f.claim) for f in findings]
    assert kept == [(FindingType.NUMBER, "c1"), (FindingType.TIME_DATE, "c4")]


def test_the_day_an_article_was_posted_is_not_the_day_of_the_event() -> None:
    comparison = _compare(
        {
            "north": "Posted in Local News on Wednesday, March 4, 2026. A bus overturned on the ring road.",
            "south": "Posted in Traffic on Friday, March 6, 2026. A bus overturned on the ring road.",
        }
    )
    assert [f for f in comparison.findings if f.type is FindingType.TIME_DATE] == []
    # the days the bus overturned still differ
    comparison = _compare(
        {
            "north": "A bus overturned on the ring road on Wednesday, March 4, 2026.",
            "south": "A bus overturned on the ring road on Friday, March 6, 2026.",
        }
    )
    assert [f for f in comparison.findings if f.type is FindingType.TIME_DATE] != []


def test_a_past_event_two_reports_recall_alike_is_still_the_past() -> None:
    # the two reports that recall it align with each other: neither gives the story's own time for it
    recalled = "In March last year a 7.4-magnitude quake struck off the same island, officials recalled."
    comparison = _compare(
        {
            "north": f"A 5.9-magnitude quake shook the island on Friday. {recalled}",
            "south": f"A magnitude 5.9 quake shook the island on Friday, the survey said. {recalled}",
            "east": "A 5.9-magnitude quake shook the island on Friday, damaging homes.",
        }
    )
    assert _numbers(comparison) == [], _numbers(comparison)


def test_outlets_giving_one_figure_in_two_spellings_are_listed_together() -> None:
    comparison = _compare(
        {
            "north": "A 6.1-magnitude quake hit the island on Friday, damaging homes.",
            "south": "A magnitude-6. 1 quake hit the island on Friday, damaging homes.",
            "east": "A 6.4-magnitude quake hit the island on Friday, damaging homes.",
        }
    )
    (message,) = _numbers(comparison)
    assert message.count(" — ") == 1, message  # two readings: 6.1 (north and south) and 6.4 (east)
    assert "North, South:" in message or "South, North:" in message, message


def test_last_year_is_the_year_before_the_story_when_the_story_year_is_known() -> None:
    # 'April last year' in a 2026 report is April 2025: the same past event another report dates
    reports = {
        "north": "A quake hit the coast on Monday. In April last year a 7.9-magnitude quake struck offshore.",
        "south": "A quake hit the coast on Monday. A 7.6-magnitude quake struck offshore in April 2025.",
    }
    dated = [
        Document.from_text(text, id=name, outlet=name.title(), published="2026-03-04")
        for name, text in reports.items()
    ]
    assert any("7.9" in m and "7.6" in m for m in _numbers(compare_documents(dated)))
    # ... and not the past event of another year
    reports["south"] = reports["south"].replace("April 2025", "April 2019")
    dated = [
        Document.from_text(text, id=name, outlet=name.title(), published="2026-03-04")
        for name, text in reports.items()
    ]
    assert _numbers(compare_documents(dated)) == []


def test_a_later_year_two_reports_name_is_the_story_year_not_the_recalled_one_most_name() -> None:
    # undated reports of a 2026 quake: all recall the 2011 disaster, two date the quake itself
    recalled = "In 2011 a tsunami there killed 16,000 people."
    comparison = _compare(
        {
            "north": f"A quake hit the coast on Monday, March 2, 2026, killing 12 people. {recalled}",
            "south": f"A quake hit the coast on March 2, 2026, killing 12 people. {recalled}",
            "east": f"A quake hit the coast on Monday, killing 14 people. {recalled}",
        }
    )
    # the story's toll (12 / 14) is one finding; the 2011 figure is never set against it
    messages = _numbers(comparison)
    assert any("12" in m and "14" in m for m in messages), messages
    assert not any("16,000" in m for m in messages), messages
