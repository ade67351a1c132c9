"""The speed-ups that overlap work (background spaCy load and encoding, WeasyPrint in a child process,
batched parses) give exactly what the plain, one-thing-at-a-time path gives."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from compare import Document, Options, compare_documents
from compare.align.embed import LexicalEmbedder, Prefetch, get_embedder
from compare.errors import ModelError
from compare.facts import nlp
from compare.render import pdf, render, render_many

TEXTS = [
    "The council approved the bridge on Monday.",
    "Officials put the cost at 45 million dollars.",
    "The mayor said the bridge would open in 2027.",
]


def test_prefetched_vectors_are_the_ones_encode_gives() -> None:
    embedder = Prefetch("lexical", TEXTS).embedder()
    assert embedder.name == "lexical"
    assert np.array_equal(embedder.encode(TEXTS), LexicalEmbedder().encode(TEXTS))


def test_prefetch_encodes_any_other_list_afresh() -> None:
    embedder = Prefetch("lexical", TEXTS).embedder()
    other = [TEXTS[2], TEXTS[0]]
    assert np.array_equal(embedder.encode(other), LexicalEmbedder().encode(other))
    assert np.array_equal(embedder.encode(TEXTS), LexicalEmbedder().encode(TEXTS))
    assert np.array_equal(embedder.encode(TEXTS), LexicalEmbedder().encode(TEXTS))  # served once, then afresh


def test_prefetch_raises_the_load_error_in_the_callers_thread() -> None:
    prefetch = Prefetch("/no/such/model/folder", TEXTS)
    with pytest.raises(ModelError):
        prefetch.embedder()


@pytest.mark.slow
def test_prefetched_minilm_vectors_are_bit_identical() -> None:
    embedder = Prefetch("minilm", TEXTS).embedder()
    assert np.array_equal(embedder.encode(TEXTS), get_embedder("minilm").encode(TEXTS))


@pytest.mark.slow
def test_batched_parses_equal_one_parse_each() -> None:
    if not nlp.available():
        pytest.skip("no spaCy model installed")
    nlp.reset()
    try:
        nlp.prepare_many([*TEXTS, TEXTS[0]])  # a repeated text is parsed once
        batched = [nlp.parse(t) for t in TEXTS]
        nlp.reset()
        alone = [nlp.parse(t) for t in TEXTS]
    finally:
        nlp.reset()
    for a, b in zip(batched, alone, strict=True):
        assert a.to_json() == b.to_json()


@pytest.mark.slow
def test_preload_then_load_gives_the_model() -> None:
    nlp.reset()
    try:
        nlp.preload()
        assert nlp.load() is not None or not nlp.available()
    finally:
        nlp.reset()


@pytest.mark.slow
def test_pdf_child_process_gives_the_same_bytes_and_relays_warnings() -> None:
    html = (
        "<html><head><style>p { colr: red; }</style></head><body><p>Zürich · Київ · Việt Nam</p>"
        "</body></html>"
    )
    process = pdf.PdfProcess()
    try:
        with pdf.weasyprint_warnings() as warnings:
            from_child = process.render(html)
    finally:
        process.close()
    assert from_child is not None and from_child == pdf.html_to_pdf(html)
    assert any("colr" in message for message in warnings)
    assert process.render(html) is None  # one document per child: later ones render in-process


@pytest.mark.slow
def test_render_many_lays_out_the_pdf_in_the_child_while_the_others_render(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    comparison = compare_documents(
        [
            Document.from_text("Rescuers found 12 people. The mayor praised them.\n", id="a", outlet="A"),
            Document.from_text("Rescuers found 14 people. The river kept rising.\n", id="b", outlet="B"),
        ],
        options=Options(embedder="lexical"),
        now=datetime(2025, 1, 1, tzinfo=UTC),
    )
    alone = {fmt: render(comparison, fmt) for fmt in ("json", "html", "md", "pdf")}
    child = pdf.PdfProcess()  # prepare() starts none here: this process has imported WeasyPrint already
    monkeypatch.setattr(pdf, "_process", child)
    try:
        together = render_many(comparison, ["json", "html", "pdf", "md"])
    finally:
        child.close()
    assert child.submitted  # the PDF went to the child, not to this process
    assert list(together) == ["json", "html", "pdf", "md"]
    assert together == alone
