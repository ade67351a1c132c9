"""Text is read in NFC without invisible format characters, and every span still points exactly into the
text the user gave (compare/text.py, compare/segment.py)."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.model import Document
from compare.segment import segment
from compare.text import INVISIBLE, REPLACEMENT, reading_text, valid_text

SHY, ZWSP, ZWJ, LRM, BOM = "\u00ad", "\u200b", "\u200d", "\u200e", "\ufeff"


def _visible(text: str) -> str:
    return unicodedata.normalize("NFC", INVISIBLE.sub("", text))


@pytest.mark.parametrize(
    ("given_text", "read"),
    [
        (f"4{SHY}0 people", "40 people"),
        (f"1{ZWSP}2 killed", "12 killed"),
        (f"{BOM}Mayor{LRM} Ruiz", "Mayor Ruiz"),
        (unicodedata.normalize("NFD", "José Müller"), "José Müller"),
        (f"e{SHY}\u0301", "é"),  # a mark after an invisible character still composes
    ],
)
def test_the_reading_is_nfc_without_invisible_characters(given_text: str, read: str) -> None:
    reading = reading_text(given_text)
    assert reading.text == read
    assert reading.span(0, len(reading.text)) == (0, len(given_text))


def test_a_span_of_the_reading_quotes_the_given_text() -> None:
    given_text = "About " + unicodedata.normalize("NFD", "Zoë") + f" and 4{SHY}0 more."
    reading = reading_text(given_text)
    name = reading.text.index("Zoë")
    start, end = reading.span(name, name + 3)
    assert given_text[start:end] == unicodedata.normalize("NFD", "Zoë")
    figure = reading.text.index("40")
    start, end = reading.span(figure, figure + 2)
    assert given_text[start:end] == f"4{SHY}0"


def test_plain_text_is_read_as_it_is() -> None:
    reading = reading_text("Plain ASCII, and “typographic” quotes — in NFC.")
    assert reading.exact and reading.text == reading.original


def test_invisible_characters_are_format_characters_only() -> None:
    invisible = [chr(cp) for cp in range(sys.maxunicode + 1) if INVISIBLE.fullmatch(chr(cp))]
    assert all(unicodedata.category(char) == "Cf" for char in invisible)
    assert {SHY, ZWSP, ZWJ, LRM, BOM} <= set(invisible)
    assert "\u0600" not in invisible  # an Arabic number sign is drawn: it stays


def test_lone_surrogates_are_replaced_and_counted() -> None:
    assert valid_text("caf\udce9.txt") == (f"caf{REPLACEMENT}.txt", 1)
    assert valid_text("\ud800 and \udfff") == (f"{REPLACEMENT} and {REPLACEMENT}", 2)
    assert valid_text("plain") == ("plain", 0)


def test_invisible_characters_neither_split_nor_join_statements() -> None:
    clean = "The council approved 40 million. The mayor said so.\nWork starts in May.\n"
    hostile = (
        f"The coun{SHY}cil approved 4{SHY}0 million.{ZWSP} The mayor said so.{ZWSP}\n"
        f"{BOM}Work starts in May.\n"
    )
    expected = [s.text for s in segment(Document.from_text(clean, id="a"))]
    statements = segment(Document.from_text(hostile, id="b"))
    assert [_visible(s.text) for s in statements] == expected
    for statement in statements:
        assert hostile[statement.start : statement.end] == statement.text


_ALPHABET = st.sampled_from(
    [*"ab cd.\n!?", "4", "0", SHY, ZWSP, ZWJ, LRM, BOM, "\u0301", "\u0308", "e", "\u1100", "\u1161", "\u11a8"]
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_the_reading_maps_back_in_order(text: str) -> None:
    reading = reading_text(text)
    assert reading.text == _visible(text) or not unicodedata.is_normalized("NFC", reading.text)
    previous = 0
    for index in range(len(reading.text)):
        start, end = reading.span(index, index + 1)
        assert previous <= start < end <= len(text)
        previous = start


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=200))
def test_statements_tile_text_with_invisible_characters_and_marks(text: str) -> None:
    statements = segment(Document.from_text(text, id="x"))
    covered = [0] * len(text)
    for statement in statements:
        assert text[statement.start : statement.end] == statement.text
        for position in range(statement.start, statement.end):
            covered[position] += 1
    if any(not char.isspace() and not INVISIBLE.fullmatch(char) for char in text):
        lost = [i for i, count in enumerate(covered) if count != 1 and not text[i].isspace()]
        assert not lost, (text, statements)


def test_invisible_characters_and_nfd_give_no_false_findings() -> None:
    from compare.model import FindingType
    from compare.options import Options
    from compare.pipeline import compare_documents

    name = "mayor José Müller"
    a = f"Bridge falls in Ostrava\n\nThe bridge fell on Monday and 40 people were hurt, said {name}.\n"
    b = (
        "Ostrava bridge collapse\n\nOn Monday the bridge fell and "
        f"4{SHY}0 people were hurt, according to {unicodedata.normalize('NFD', name)}.\n"
    )
    comparison = compare_documents(
        [Document.from_text(a, id="a"), Document.from_text(b, id="b")],
        options=Options(embedder="lexical", judge="rules"),
    )
    raised = {finding.type for finding in comparison.findings}
    assert not raised & {FindingType.NUMBER, FindingType.ATTRIBUTION}, comparison.findings


@pytest.mark.parametrize(
    ("given", "same"),
    [
        (f"4{SHY}0", True),
        ("4\u200b0", True),
        ("\u200d40", True),
        (f"3{SHY}5", False),
        ("4\u200b5", False),
    ],
)
def test_a_figure_with_invisible_characters_is_read_as_written_and_quoted_as_given(
    given: str, same: bool
) -> None:
    from compare.model import FindingType
    from compare.options import Options
    from compare.pipeline import compare_documents

    said = "passengers were rescued, the coast guard said.\n"
    a = f"Ferry sinks off Crete\n\nThe ferry sank on Friday and 40 {said}"
    b = f"Crete ferry sinking\n\nOn Friday the ferry sank and {given} {said}"
    comparison = compare_documents(
        [Document.from_text(a, id="a"), Document.from_text(b, id="b")],
        options=Options(embedder="lexical", judge="rules"),
    )
    numbers = [f for f in comparison.findings if f.type is FindingType.NUMBER]
    assert (not numbers) is same, numbers
    by_id = {document.id: document for document in comparison.documents}
    for fact in comparison.facts:
        statement = comparison.statement(fact.statement)
        assert statement.start <= fact.start <= fact.end <= statement.end
    for finding in numbers:
        for span in finding.spans:
            assert by_id[span.document].text[span.start : span.end] == span.text
        assert any(given in span.text for span in finding.spans)
