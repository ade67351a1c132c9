"""The Python API's edge: strings handed to Document and compare_documents are made valid once, where
they enter, so a lone surrogate anywhere still gives a full report in every format (#24 item 2)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from compare import Document, compare_documents
from compare.options import Options
from compare.render import render

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ALPHA = "The council approved the bridge on Monday. It will cost 40 million dollars, the mayor said.\n"
BETA = "The council approved the bridge on Tuesday. It will cost 45 million dollars, officials said.\n"


def test_lone_surrogates_in_fields_become_replacement_characters_with_a_warning() -> None:
    with pytest.warns(UnicodeWarning, match="document 'a\ufffd': id, text, outlet held characters"):
        document = Document.from_text("Caf\udce9 \ud800 opened.", id="a\udfff", outlet="Le Monde \ud83d")
    assert document.id == "a\ufffd"
    assert document.text == "Caf\ufffd \ufffd opened."  # same length: offsets into the text still hold
    assert document.outlet == "Le Monde \ufffd"
    for value in (document.id, document.text, document.outlet):
        value.encode("utf-8")


def test_valid_strings_are_kept_as_given_and_warn_nothing(recwarn: pytest.WarningsRecorder) -> None:
    document = Document(id="zürich", text="Zürich, 東京 \U0001f600.", title="Tïtle", author="Ann")
    assert (document.id, document.text, document.title) == ("zürich", "Zürich, 東京 \U0001f600.", "Tïtle")
    assert not recwarn.list


@pytest.mark.filterwarnings("ignore::UnicodeWarning")
def test_a_full_report_renders_from_api_input_with_lone_surrogates() -> None:
    documents = [
        Document.from_text(
            "Lone \ud800 half. " + ALPHA, id="alpha", outlet="Alpha \ud800 News", title="T\ud801"
        ),
        Document.from_text(
            BETA, id="beta", outlet="Beta", author="Ed \udfff", url="https://b.example/\ud800"
        ),
    ]
    comparison = compare_documents(
        documents, options=Options(embedder="lexical"), now=NOW, notes="Editor \ud800 note."
    )
    report = json.loads(render(comparison, "json"))
    outlets = {document["id"]: document["outlet"] for document in report["documents"]}
    assert outlets == {"alpha": "Alpha \ufffd News", "beta": "Beta"}
    html = render(comparison, "html").decode("utf-8")
    markdown = render(comparison, "md").decode("utf-8")
    for text in (html, markdown):
        assert "Alpha \ufffd News" in text and "Lone \ufffd half." in text
    assert render(comparison, "pdf").startswith(b"%PDF-")
