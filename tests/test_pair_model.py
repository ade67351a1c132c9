"""The shipped sentence-pair model: it loads offline from the package, reads its own pairs, and keeps
its measured accuracy (a floor pinned below the model card's figure, only ever raised)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare import Document, Options, compare_documents
from compare.judge.pair_model import LABELS, default_pair_model

NLI = Path(__file__).resolve().parents[2] / "shared" / "data" / "nli"
SNLI_TEST_FLOOR = 0.75  # model card: 0.777 on all 2,000; 500 pairs, with a noise margin


def label(premise: str, hypothesis: str) -> str:
    row = default_pair_model().probabilities([(premise, hypothesis)])[0]
    return LABELS[int(row.argmax())]


@pytest.mark.slow
def test_the_model_reads_invented_denials_and_restatements() -> None:
    # denials and debunkings of what the other states
    assert label(
        "The army shelled the village overnight.", "The army denied that it shelled the village."
    ) == ("contradiction")
    assert label(
        "Rebels have seized the port, witnesses said.",
        "Claims that rebels had seized the port turned out to be false.",
    ) == ("contradiction")
    # the same figure in other words is no contradiction
    assert label("Four people were hurt in the fire.", "The fire left 4 people hurt.") != "contradiction"
    # (thousands written with and without a comma are not read alike: a known failure, see MODEL_CARD.md)


@pytest.mark.slow
def test_rows_do_not_depend_on_the_batch() -> None:
    model = default_pair_model()
    pairs = [
        ("A dog runs on the beach.", "An animal is outside."),
        ("The vote was delayed.", "The vote went ahead."),
    ]
    together = model.probabilities(pairs)
    alone = model.probabilities(pairs[1:])
    # each pair is read on its own: int8 activations are quantised per run
    assert abs(together[1] - alone[0]).max() < 1e-6


@pytest.mark.slow
def test_snli_test_accuracy_floor() -> None:
    path = NLI / "snli.test.jsonl"
    if not path.is_file():
        pytest.skip("../shared/data/nli not beside the repository")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(500), handle, strict=False)]
    predicted = (
        default_pair_model().probabilities([(r["premise"], r["hypothesis"]) for r in rows]).argmax(axis=1)
    )
    accuracy = sum(LABELS[p] == r["label"] for p, r in zip(predicted, rows, strict=True)) / len(rows)
    assert accuracy >= SNLI_TEST_FLOOR, accuracy


@pytest.mark.slow
def test_judge_model_runs_end_to_end_and_says_so() -> None:
    documents = [
        Document.from_text(
            "The ferry sank off the coast on Monday with 80 people on board.", id="a", outlet="A"
        ),
        Document.from_text("The ferry did not sink; all 80 people on board are safe.", id="b", outlet="B"),
    ]
    comparison = compare_documents(documents, options=Options(judge="model", embedder="lexical"))
    assert comparison.settings["judge"] == "model"
    rules = compare_documents(documents, options=Options(judge="rules", embedder="lexical"))
    assert rules.settings["judge"] == "rules"
    # the yes/no of one act is a discrepancy either way (the rules see the negation; the model agrees)
    assert any(p.relation.value == "conflict" for c in comparison.claims for p in c.pairs) or any(
        f.type.value in ("polarity", "contradiction") for f in comparison.findings
    )
