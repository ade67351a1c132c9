"""Segmentation: exact spans, tiling, and telling body text from captions, bylines and boilerplate."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.model import Document, StatementKind
from compare.segment import MAX_STATEMENT_CHARS, is_time_stamp, segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def kinds_by_text(text: str) -> list[tuple[str, str]]:
    document = Document.from_text(text, id="d")
    return [(statement.kind.value, statement.text) for statement in segment(document)]


def test_spans_point_into_the_text_and_tile_it() -> None:
    text = "  First sentence here. Second one!\n\nA third, on its own line\n"
    statements = segment(Document.from_text(text, id="d"))
    assert [s.text for s in statements] == ["First sentence here.", "Second one!", "A third, on its own line"]
    covered = [False] * len(text)
    for statement in statements:
        assert text[statement.start : statement.end] == statement.text
        for position in range(statement.start, statement.end):
            assert not covered[position]
            covered[position] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


def test_ids_and_indexes_follow_document_order() -> None:
    statements = segment(Document.from_text("One is here. Two is here.", id="doc-a"))
    assert [(s.id, s.index, s.document) for s in statements] == [
        ("doc-a:s0", 0, "doc-a"),
        ("doc-a:s1", 1, "doc-a"),
    ]


def test_sentences_do_not_run_across_lines() -> None:
    text = (
        "Neither side commented on the report.\n![]() |\n"
        "A missile launches during a test. Photo: Lockheed Martin |\n"
    )
    found = kinds_by_text(text)
    assert found[0] == ("body", "Neither side commented on the report.")
    assert found[1] == ("boilerplate", "![]() |")
    assert {kind for kind, _ in found[2:]} == {"caption"}


def test_hard_wrapped_lines_are_joined_into_sentences() -> None:
    text = (
        "The airliner was carrying 143 people when it plunged into the\n"
        "warm waters of the Gulf shortly after nightfall, officials said. Rescue\n"
        "Teams from Bahrain and the United States Navy searched the area\n"
        "through the night for the flight recorders and for survivors.\n"
    )
    found = kinds_by_text(text)
    assert [sentence[:12] for _, sentence in found] == ["The airliner", "Rescue\nTeams"]
    assert found[0][1].endswith("officials said.") and found[1][1].endswith("for survivors.")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Read more: Beyond ATACMS: What Alternatives Does Ukraine Have?", "boilerplate"),
        ("Related stories: Markets rally after the vote", "boilerplate"),
        ("1067", "boilerplate"),
        ("2,345 views", "boilerplate"),
        ("#", "boilerplate"),
        ("Firefighters at the scene on Tuesday. Photo: AP", "caption"),
        ("The wreckage / Photo credit: U.S. Department of Defense", "caption"),
        ("Illustrative photo: a missile launch", "caption"),
        ("Rescue workers search the sea (Reuters/Hamad Mohammed)", "caption"),
        ("By Jane Smith", "byline"),
        # a time stamp dates the page and states nothing: two of them never disagree about the story
        ("Updated: March 4, 2024 15:01 IST", "boilerplate"),
        ("Tuesday, March 5th, 2024", "boilerplate"),
        ("Originally published 03/05/2024 at 10:20 AM EDT", "boilerplate"),
        ("2024-03-05", "boilerplate"),
        ("Posted on Tue Mar 5, 2024 08:45 AM PST", "boilerplate"),
    ],
)
def test_non_body_lines_are_recognised(line: str, kind: str) -> None:
    text = (
        "Officials confirmed the crash on Wednesday evening, the ministry said.\n"
        f"{line}\nThe search continued overnight near the coast of Bahrain.\n"
    )
    found = kinds_by_text(text)
    assert found[0][0] == "body" and found[-1][0] == "body"
    assert {k for k, _ in found[1:-1]} == {kind}, found


@pytest.mark.parametrize(
    "line",
    [
        "March 2024 was the wettest month on record.",
        "On 5 March, the minister resigned.",
        "Sunday 5 May: markets",
    ],
)
def test_a_line_that_says_something_about_a_date_is_not_a_time_stamp(line: str) -> None:
    assert not is_time_stamp(line)


def test_repeated_caption_with_other_credit_is_a_caption() -> None:
    text = (
        "Officials confirmed the strike on Wednesday evening, the ministry said.\n"
        "A launcher fires at night / Defense Express / Main headline of the day\n"
        "A launcher fires at night / Screenshot credit: General Staff\n"
        "The strike hit a depot, officials said on Thursday morning.\n"
    )
    kinds = [kind for kind, _ in kinds_by_text(text)]
    assert kinds == ["body", "caption", "caption", "body"]


def test_headline_at_top_and_closing_byline() -> None:
    text = (
        "Gulf Air Jet Crashes in Persian Gulf\n\n"
        "A Gulf Air Airbus A320 carrying 143 people crashed today in the Persian Gulf.\n\n"
        "Nhu Tam (According to WSJ, Reuters)\n"
    )
    assert [kind for kind, _ in kinds_by_text(text)] == ["headline", "body", "byline"]


def test_over_long_unpunctuated_line_is_cut_into_bounded_statements() -> None:
    text = ("word " * 50_000).strip()
    statements = segment(Document.from_text(text, id="d"))
    assert len(statements) > 100
    assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in statements)
    assert "".join(s.text for s in statements).replace(" ", "") == text.replace(" ", "")


def test_seed_reports_are_classified_as_a_reader_would() -> None:
    text = (SEEDS / "000_61b340d040c2e522.txt").read_text(encoding="utf-8")
    found = kinds_by_text(text)
    by_kind: dict[str, list[str]] = {}
    for kind, sentence in found:
        by_kind.setdefault(kind, []).append(sentence)
    assert by_kind["headline"][0].startswith("WSJ: Ukraine Still Has Some ATACMS")
    assert "1067" in by_kind["boilerplate"] and "#" in by_kind["boilerplate"]
    assert sum(s.startswith("Read more:") for s in by_kind["boilerplate"]) == 2
    assert len(by_kind["caption"]) == 6
    assert all("credit" in s.lower() or "/ Defense Express /" in s for s in by_kind["caption"])
    assert any(s.startswith("Under this procedure") for s in by_kind["body"])

    other = (SEEDS / "002_aae5ea8bc86aca5c.txt").read_text(encoding="utf-8")
    found = kinds_by_text(other)
    assert found[-1] == ("byline", "Nhu Tam (According to WSJ, Reuters)")
    assert ("boilerplate", "![]() |") in found
    captions = [s for k, s in found if k == StatementKind.CAPTION.value]
    assert (
        len(captions) == 4
        and captions.count("An ATACMS missile launches from a platform during a test in the US.") == 2
    )
    assert sum(k == "body" for k, _ in found) == 15


def test_a_decimal_written_with_a_space_does_not_end_a_sentence() -> None:
    text = (
        "A magnitude-7. 2 quake struck the coast. It hit at a depth of 10 kilometres (6. 2 miles). "
        "The toll was 12. Officials said more."
    )
    statements = [s.text for s in segment(Document.from_text(text, id="a"))]
    assert statements == [
        "A magnitude-7. 2 quake struck the coast.",
        "It hit at a depth of 10 kilometres (6. 2 miles).",
        "The toll was 12.",
        "Officials said more.",
    ]
