"""Nothing is lost, whatever the documents look like (hypothesis).

- statements tile each document's text: every non-space character is in exactly one statement;
- every headline/body statement is in exactly one claim, and nothing else is in any claim;
- every claim and finding appears in every output format;
- the same inputs give byte-identical JSON (clock injected), and the same claims in any document order.

Example counts are modest and the lexical embedder is used, so the file runs in well under a minute.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from compare.model import Comparison, Document, FindingType, Statement
from compare.options import Options
from compare.pipeline import compare_documents
from compare.render import render
from compare.render.view import build_view
from compare.segment import segment

NOW = datetime(2025, 8, 24, 12, 0, tzinfo=UTC)
LEXICAL = Options(embedder="lexical")
# Whole-pipeline examples cost about a second each, so they are few and not shrunk (a failure
# prints the full generated documents instead of spending minutes minimising them).
PIPELINE = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SUBJECTS = ("The council", "Mayor Anna Kovacs", "The Pentagon", "Officials in Kyiv", "The company", "Police")
VERBS = ("approved", "rejected", "announced", "delayed", "confirmed", "denied")
OBJECTS = ("the new bridge", "a plan to cut 300 jobs", "the missile request", "the budget", "an inquiry")
WHEN = ("on Monday", "last week", "in late spring", "on 23 August 2025", "at 9 a.m.", "")
EXTRAS = (
    "",
    ", according to sources",
    ", Reuters reported",
    " after a two-hour debate",
    " at a cost of $40 million",
    " — but not unanimously",
)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    subject = draw(st.sampled_from(SUBJECTS))
    verb = draw(st.sampled_from(VERBS))
    obj = draw(st.sampled_from(OBJECTS))
    when = draw(st.sampled_from(WHEN))
    extra = draw(st.sampled_from(EXTRAS))
    number = draw(st.integers(min_value=1, max_value=900))
    end = draw(st.sampled_from((".", ".", ".", "!", "?", '."', ".”", "")))
    words = [subject, verb, obj, when, f"with {number} votes" if number % 3 == 0 else ""]
    return " ".join(w for w in words if w) + extra + end


@st.composite
def lines(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(("body", "body", "body", "headline", "caption", "more", "byline", "markup", "long"))
    )
    if kind == "headline":
        return draw(sentences()).rstrip('.!?"”')
    if kind == "caption":
        return "Illustrative photo: " + draw(sentences()) + " / Photo credit: Reuters"
    if kind == "more":
        return "Read more: " + draw(sentences())
    if kind == "byline":
        return draw(
            st.sampled_from(("By Jane Doe", "Nhu Tam (According to WSJ, Reuters)", "Reporting by Tom Ng"))
        )
    if kind == "markup":
        return draw(st.sampled_from(("#", "![]() |", "* * *", "1067", "—")))
    if kind == "long":
        return " ".join(["word"] * draw(st.integers(min_value=300, max_value=700)))
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    body = draw(st.lists(lines(), min_size=2, max_size=9))
    separators = st.sampled_from(("\n", "\n\n", "\n\n", "\n \n", "\r\n", "\n\t\n", "\u00a0\n"))
    text = draw(sentences()).rstrip(".") + "\n\n"
    for line in body:
        text += line + draw(separators)
    return draw(st.sampled_from(("", " ", "\n"))) + text


@st.composite
def document_sets(draw: st.DrawFn) -> list[Document]:
    texts = draw(st.lists(article_texts(), min_size=2, max_size=4, unique_by=lambda t: " ".join(t.split())))
    return [
        Document.from_text(text, id=f"d{index}", outlet=f"Outlet {index}") for index, text in enumerate(texts)
    ]


# --- statements tile the text -------------------------------------------------------------------------


def assert_tiles(document: Document, statements: Sequence[Statement]) -> None:
    text = document.text
    covered = [0] * len(text)
    previous_end = 0
    for index, statement in enumerate(statements):
        assert statement.id == f"{document.id}:s{index}" and statement.index == index
        assert statement.document == document.id
        assert 0 <= statement.start < statement.end <= len(text)
        assert statement.start >= previous_end, "statements overlap or are out of order"
        assert text[statement.start : statement.end] == statement.text
        assert statement.text.strip(), "an empty statement"
        previous_end = statement.end
        for position in range(statement.start, statement.end):
            covered[position] += 1
    lost = [(i, text[i]) for i, count in enumerate(covered) if count != 1 and not text[i].isspace()]
    assert not lost, f"characters in no statement: {lost[:10]}"


TEXT_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="\n\n\n.!?\"“”'’ \t\r#|*-",
    exclude_characters="\x00",
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.text(alphabet=TEXT_ALPHABET, min_size=1, max_size=800))
def test_statements_tile_any_text(text: str) -> None:
    document = Document.from_text(text, id="x")
    assert_tiles(document, segment(document))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(article_texts())
def test_statements_tile_article_like_text(text: str) -> None:
    document = Document.from_text(text, id="x")
    assert_tiles(document, segment(document))


# --- the pipeline: claims, formats, determinism, order ---------------------------------------------------


def run(documents: Sequence[Document]) -> Comparison:
    return compare_documents(documents, options=LEXICAL, now=NOW)


def assert_claims_partition(comparison: Comparison) -> None:
    statements = {s.id: s for s in comparison.statements}
    seen = Counter(sid for claim in comparison.claims for sid in claim.statements)
    claimable = {s.id for s in comparison.statements if s.kind.is_claim}
    assert set(seen) == claimable, "a headline/body statement is in no claim, or another kind is in one"
    assert all(count == 1 for count in seen.values()), "a statement is in more than one claim"
    for claim in comparison.claims:
        documents = {statements[sid].document for sid in claim.statements}
        assert set(claim.documents) == documents
        for pair in claim.pairs:
            assert {pair.a, pair.b} <= set(claim.statements)
            assert statements[pair.a].document != statements[pair.b].document
            assert 0.0 <= pair.score <= 1.0
        if len(documents) == 1:
            # one report's claim is its own, unless another report contradicts one of its statements
            touched = any(
                set(claim.statements) & set(f.statements)
                and len({statements[s].document for s in f.statements}) > 1
                for f in comparison.findings
            )
            assert claim.verdict.value == "unique" or (claim.verdict.value == "conflict" and touched)
    assert len({claim.id for claim in comparison.claims}) == len(comparison.claims)
    claim_ids = {claim.id for claim in comparison.claims}
    for finding in comparison.findings:
        assert finding.claim in claim_ids
        for span in finding.spans:
            document = comparison.document(span.document)
            assert document.text[span.start : span.end] == span.text


def _plain(text: str) -> str:
    """Text with Markdown backslash escapes, soft hyphens and all white space removed, for matching."""
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"[\s\u00ad]+", "", text)


def _pdf_text(pdf: bytes) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8", errors="replace")


def assert_json_html_pdf_show_everything(comparison: Comparison, *, with_pdf: bool) -> None:
    from lxml import html as lxml_html

    statements = {s.id: s for s in comparison.statements}
    report = json.loads(render(comparison, "json"))
    assert [c["id"] for c in report["claims"]] == [c.id for c in comparison.claims]
    assert [f["id"] for f in report["findings"]] == [f.id for f in comparison.findings]
    assert report == json.loads(json.dumps(comparison.to_dict()))

    raw_html = render(comparison, "html").decode("utf-8")
    html_text = _plain(lxml_html.document_fromstring(raw_html).text_content())
    pdf_text = _pdf_text(render(comparison, "pdf")) if with_pdf else None
    pdf_plain = _plain(pdf_text) if pdf_text is not None else None
    view = build_view(comparison)
    # The PDF is a brief: it names the shared claims most outlets carry and a few one-report items per
    # outlet, and counts the rest; the HTML report shows every claim.
    in_brief = {c.id for c in view.agreed_brief} | {i.claim.id for g in view.one_source for i in g.brief}
    for claim in comparison.claims:
        texts = [_plain(statements[sid].text) for sid in claim.statements]
        assert all(t in html_text for t in texts), f"html lacks a statement of claim {claim.id}"
        if pdf_plain is not None and claim.id in in_brief:
            assert any(t[:30] in pdf_plain for t in texts), f"pdf lacks claim {claim.id}"
    # A finding is shown by who says what (its quoted facts, cut for the line), not by its message; one
    # where the outlets disagree carries its review controls under its stable id ('only one source' is
    # listed, not reviewed).
    for finding in view.findings:
        if finding.is_discrepancy:
            assert f'data-finding="{finding.id}"' in raw_html, f"html lacks finding {finding.id}"
        else:
            assert f'id="{finding.anchor}"' in raw_html, f"html lacks finding {finding.id}"
        quoted = [_plain(q.rstrip(" …"))[:30] for side in finding.sides for q in side.quotes]
        assert all(q in html_text for q in quoted), f"html lacks the quotes of finding {finding.id}"
        if pdf_plain is not None:
            assert any(q in pdf_plain for q in quoted), f"pdf lacks finding {finding.id}"


def assert_markdown_shows_everything(comparison: Comparison) -> None:
    """Each claim by one of its statements (or a finding about it), each finding by its message or quote."""
    statements = {s.id: s for s in comparison.statements}
    markdown = _plain(render(comparison, "md").decode("utf-8"))
    for claim in comparison.claims:
        prefixes = [_plain(statements[sid].text)[:30] for sid in claim.statements]
        about = [f for f in comparison.findings if f.claim == claim.id]
        shown = any(p in markdown for p in prefixes) or any(_plain(f"({f.id})") in markdown for f in about)
        assert shown, f"markdown lacks claim {claim.id}: {prefixes[0]}"
    for finding in build_view(comparison).findings:
        if finding.type == FindingType.UNIQUE.value:
            quoted = [_plain(q.text)[:30] for q in finding.quotes]
            assert any(q in markdown for q in quoted), f"markdown lacks finding {finding.id}"
        else:
            assert _plain(f"({finding.id})") in markdown, f"markdown lacks finding {finding.id}"
            assert all(_plain(q.rstrip(" …"))[:30] in markdown for side in finding.sides for q in side.quotes)


@PIPELINE
@given(document_sets())
def test_nothing_is_lost_between_stages_and_formats(documents: list[Document]) -> None:
    comparison = run(documents)
    for document in documents:
        assert_tiles(document, [s for s in comparison.statements if s.document == document.id])
    assert_claims_partition(comparison)
    assert_json_html_pdf_show_everything(comparison, with_pdf=False)


@PIPELINE
@given(document_sets())
def test_every_claim_and_finding_reaches_the_markdown(documents: list[Document]) -> None:
    assert_markdown_shows_everything(run(documents))


@settings(PIPELINE, max_examples=3)
@given(document_sets())
@pytest.mark.slow
def test_every_claim_and_finding_reaches_the_pdf(documents: list[Document]) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert_json_html_pdf_show_everything(run(documents), with_pdf=True)


@PIPELINE
@given(document_sets())
def test_same_inputs_give_byte_identical_json(documents: list[Document]) -> None:
    first = render(run(documents), "json")
    second = render(run([Document.from_text(d.text, id=d.id, outlet=d.outlet) for d in documents]), "json")
    assert first == second


def _claim_set(comparison: Comparison) -> set[tuple[frozenset[str], str]]:
    return {(frozenset(claim.statements), claim.verdict.value) for claim in comparison.claims}


@PIPELINE
@given(document_sets(), st.randoms(use_true_random=False))
def test_same_claims_whatever_the_document_order(documents: list[Document], random: object) -> None:
    shuffled = list(documents)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    reversed_order = list(reversed(documents))
    reference = run(documents)
    for order in (shuffled, reversed_order):
        other = run(order)
        assert _claim_set(other) == _claim_set(reference)
        assert [c.statements for c in other.claims] == [c.statements for c in reference.claims], "claim order"
        assert {(f.type, f.claim, f.statements) for f in other.findings} == {
            (f.type, f.claim, f.statements) for f in reference.findings
        }
