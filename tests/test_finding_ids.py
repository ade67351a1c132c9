"""Stable finding ids: the same finding keeps its id on a rerun and when unrelated text changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fixtures_comparison import small_comparison

from compare import Comparison, Document, Options, compare_documents
from compare.finding_ids import ID_PATTERN, normalise_quote, stable_finding_ids
from compare.ingest import load_documents

THREE = Path(__file__).resolve().parent / "fixtures" / "three_outlets"


def _three(edit: dict[str, str] | None = None) -> Comparison:
    documents: list[Document] = [item.document for item in load_documents([THREE])]
    if edit:
        documents = [replace(d, text=edit.get(d.id, d.text)) for d in documents]
    return compare_documents(documents, options=Options(embedder="lexical"))


def _by_content(comparison: Comparison) -> dict[tuple[str, ...], str]:
    return {
        (f.type.value, *sorted(f"{s.document}:{s.text}" for s in f.spans)): f.id for f in comparison.findings
    }


def test_ids_look_stable_and_do_not_depend_on_order() -> None:
    comparison = small_comparison()
    forward = stable_finding_ids(comparison.findings, comparison.statements)
    backward = stable_finding_ids(comparison.findings[::-1], comparison.statements)
    assert all(ID_PATTERN.match(f.id) for f in forward)
    assert {f.message: f.id for f in forward} == {f.message: f.id for f in backward}
    assert len({f.id for f in forward}) == len(forward)


def test_same_facts_from_other_statements_are_told_apart_then_numbered() -> None:
    comparison = small_comparison()
    number = next(f for f in comparison.findings if f.type.value == "number")
    twin = replace(number, statements=(comparison.statements[0].id,))  # same quotes, other statements
    ids = [f.id for f in stable_finding_ids([number, twin], comparison.statements)]
    assert ids[0] != ids[1] and not ids[0].endswith("-2")
    again = [f.id for f in stable_finding_ids([number, number], comparison.statements)]
    assert again[1] == again[0] + "-2"


def test_quotes_compare_without_typography_case_or_spacing() -> None:
    assert normalise_quote(" “Stupid,  a BIG mistake” ") == normalise_quote('"stupid, a big mistake"')
    assert normalise_quote("300–400 km") == normalise_quote("300-400 km")


@pytest.mark.slow
def test_a_rerun_and_an_unrelated_edit_keep_the_ids() -> None:
    first = _three()
    assert [f.id for f in first.findings] == [f.id for f in _three().findings]
    assert all(ID_PATTERN.match(f.id) for f in first.findings)
    courier = next(d for d in first.documents if d.id == "courier")
    # A sentence added at the top shifts every offset of one report; the disputed facts stay the same.
    edited = courier.text.replace(
        "300 evacuated as fire engulfs Castlebrook chemical warehouse\n\n",
        "300 evacuated as fire engulfs Castlebrook chemical warehouse\n\nThis story is being updated.\n\n",
    )
    assert edited != courier.text
    after = _by_content(_three({"courier": edited}))
    before = _by_content(first)
    kept = {key for key in before if key[0] != "unique"} & set(after)
    assert kept and all(before[key] == after[key] for key in kept)
