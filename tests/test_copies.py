"""Copies of one wire story: found, said once in every format, counted as one source."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from compare import Document, compare_documents
from compare.copies import copy_groups
from compare.model import Comparison, CopyGroup
from compare.options import Options
from compare.render import render
from compare.render.pdf import brief_html
from compare.render.view import build_view
from compare.segment import segment

# An invented wire story, one sentence a line.
WIRE = [
    "A cargo ferry ran aground on a sandbar near the port of Velmora early on Tuesday, the coast guard said.",
    "Rescuers lifted 41 crew members from the deck of the listing vessel within three hours.",
    "Two sailors were taken to the regional hospital with broken bones, according to harbour officials.",
    "The ferry was carrying 300 tonnes of grain and a load of timber bound for the northern islands.",
    "Harbour master Ilse Varga said the captain had reported a steering failure shortly before midnight.",
    "Divers inspected the hull on Tuesday afternoon and found a gash four metres long below the waterline.",
    "A salvage company from the mainland is expected to reach the wreck by Thursday if the weather holds.",
    "Fishermen in the area were told to keep at least two kilometres away from the stranded ship.",
    "The shipping line that owns the ferry said it was cooperating fully with the investigation.",
    "It was the second grounding near Velmora this year after a fishing trawler struck rocks in March.",
]


def _document(doc_id: str, outlet: str, title: str, lines: list[str]) -> Document:
    return Document(id=doc_id, text=title + "\n\n" + "\n\n".join(lines), title=title, outlet=outlet)


def _copy() -> Document:
    """The wire text as a second outlet ran it: a new headline, a dateline, a rewritten lead, a word
    changed and the last paragraph trimmed."""
    lines = [
        "VELMORA (Wire) - A grain ferry ran onto a sandbar outside Velmora before dawn, stranding its crew.",
        *WIRE[1:4],
        WIRE[4].replace("shortly", "just"),
        *WIRE[5:9],
    ]
    return _document("b", "Daily Lantern", "Ferry stuck on Velmora sandbar", lines)


def _independent() -> Document:
    """Its own reporting of the same event, sharing one quote and two wire sentences word for word."""
    lines = [
        "Residents of Velmora woke on Tuesday to see a ferry tilted on the sandbar off the old pier.",
        "Local volunteers said they had helped bring the sailors ashore in small boats.",
        WIRE[1],
        "One volunteer, a retired pilot, said the channel had been poorly marked for years.",
        WIRE[4],
        "The town council plans to meet on Friday to discuss dredging the harbour approach.",
        "Shops near the quay stayed open late to give the rescued crew hot food and dry clothes.",
        "Environmental groups asked for the grain to be unloaded before any fuel could leak.",
        WIRE[7],
        "A spokesman for the regional government promised a full report within a month.",
    ]
    return _document("c", "Harbour Voice", "Velmora rallies after ferry runs aground", lines)


def _wire() -> Document:
    return _document("a", "Northern Post", "Ferry runs aground near Velmora", WIRE)


def _groups(*documents: Document) -> tuple[CopyGroup, ...]:
    return copy_groups(documents, [s for d in documents for s in segment(d)])


def test_a_lightly_edited_copy_is_found() -> None:
    (group,) = _groups(_wire(), _copy())
    assert group.documents == ("a", "b")
    assert 0.6 <= group.shared < 1.0


def test_independent_reports_sharing_a_quote_and_wire_sentences_are_not_copies() -> None:
    assert _groups(_wire(), _independent()) == ()
    assert _groups(_copy(), _independent()) == ()


def test_groups_are_transitive_and_in_document_order() -> None:
    third = _document("d", "Coastal Herald", "Ferry aground", WIRE[2:])  # the wire text less its lead
    (group,) = _groups(third, _independent(), _copy(), _wire())
    assert group.documents == ("d", "b", "a")


def test_short_documents_and_short_statements_prove_nothing() -> None:
    tiny = ["He said.", "It sank.", "No one died."]
    assert _groups(_document("x", "X", "Ferry", tiny), _document("y", "Y", "Ferry", tiny)) == ()


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    found = compare_documents(
        [_wire(), _copy(), _independent()], options=Options(embedder="lexical"), now=None
    )
    return dataclasses.replace(found, generated="2026-01-01T00:00:00+00:00")


def test_the_pipeline_hands_the_groups_forward(comparison: Comparison) -> None:
    assert [g.documents for g in comparison.copies] == [("a", "b")]
    assert comparison.sources(["a", "b"]) == 1
    assert comparison.sources(["a", "b", "c"]) == 2


def test_claims_only_the_copies_share_are_not_agreements(comparison: Comparison) -> None:
    view = build_view(comparison)
    copied = [c for c in comparison.claims if len(c.documents) > 1 and set(c.documents) <= {"a", "b"}]
    assert copied  # the copies share most of their claims
    agreed = {c.id for c in view.agreed}
    assert not agreed & {c.id for c in copied}
    assert view.copied_only == sum(1 for c in copied if c.verdict.value in ("agree", "partial"))
    # a claim the independent report carries too is still an agreement
    assert any("c" in c.documents for c in comparison.claims if c.id in agreed)


def test_key_figures_share_one_column_and_count_copies_once(comparison: Comparison) -> None:
    view = build_view(comparison)
    assert view.figure_columns == ("Northern Post = Daily Lantern", "Harbour Voice")
    assert all(len(row.cells) == 2 for row in view.key_figures)
    for figure in comparison.key_figures:
        givers = {c.document for c in figure.cells if any(v.fact for v in c.values)}
        assert figure.outlets == comparison.sources(givers)
    # a figure only the copies give is one outlet's, not shown as given by two
    assert all(figure.outlets >= 2 or figure.findings for figure in comparison.key_figures)


def test_every_format_says_it_once(comparison: Comparison) -> None:
    line = "Northern Post and Daily Lantern carry the same text"
    for fmt in ("html", "md"):
        assert render(comparison, fmt).decode().count(line) == 1
    data = json.loads(render(comparison, "json"))
    assert data["copies"] == [
        {"documents": ["a", "b"], "shared": pytest.approx(comparison.copies[0].shared, abs=1e-3)}
    ]
    assert [d["id"] for d in data["documents"]] == ["a", "b", "c"]  # nothing lost


def test_the_pdf_says_it(comparison: Comparison, tmp_path: Path) -> None:
    assert "Northern Post and Daily Lantern carry the same text" in brief_html(
        build_view(comparison), page_size="A4"
    )
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render(comparison, "pdf"))
    page_one = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "carry the same text" in " ".join(page_one.split())


def test_outlet_names_are_escaped(comparison: Comparison) -> None:
    hostile = "<script>alert(1)</script>*Lantern*"
    documents = tuple(
        dataclasses.replace(d, outlet=hostile) if d.id == "b" else d for d in comparison.documents
    )
    html = render(dataclasses.replace(comparison, documents=documents), "html").decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;*Lantern* carry the same text" in html
    md = render(dataclasses.replace(comparison, documents=documents), "md").decode()
    assert "*Lantern* carry" not in md
