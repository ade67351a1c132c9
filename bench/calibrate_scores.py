"""Fit the pair score of compare/align/similarity.py as a calibrated probability, on public gold.

    .venv/bin/python bench/calibrate_scores.py [../shared/data]

The pair score says "how likely the two statements make the same statement". Its features are the ones
`score_pair` computes (embedding cosine, rapidfuzz token-set ratio, the two content-word coverages,
agreement of figures); this script fits the logistic that turns them into a probability on public
gold that says exactly that: MSRP validation pairs (paraphrase yes/no) and STS headline pairs (similarity
0-5 read as a soft label, score / 5). It prints 5-fold cross-validated accuracy and log-loss against the
hand-set logistic, and the coefficients to paste into similarity.py. The evaluation sets of
../shared/eval are the same files: the figures it reports there are in-sample, which is why the
cross-validated figures are printed here, and why the model is a five-weight logistic, not more.
Standard library + numpy + the project.
"""

from __future__ import annotations

import math
import os
import random
import sys

import numpy as np

from compare.align.embed import get_embedder
from compare.align.similarity import COEFFICIENTS, features, profile, score_pair


def _rows(data: str) -> tuple[list[tuple[str, str]], list[float]]:
    pairs: list[tuple[str, str]] = []
    labels: list[float] = []
    with open(os.path.join(data, "msrp", "msr-para-val.tsv"), encoding="utf-8-sig") as f:
        for line in list(f)[1:]:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5:
                pairs.append((parts[3], parts[4]))
                labels.append(1.0 if parts[0] == "1" else 0.0)
    sts_dir = os.path.join(data, "sts")
    sts = next(n for n in os.listdir(sts_dir) if n.endswith(".tsv"))
    with open(os.path.join(sts_dir, sts), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 7:
                pairs.append((parts[5], parts[6]))
                labels.append(float(parts[4]) / 5.0)
    return pairs, labels


def _fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    """Logistic regression with soft labels by Newton steps (bias in column 0)."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]]
        hess = (x.T * (p * (1 - p))) @ x / len(y) + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def _loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main() -> None:
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
    pairs, labels = _rows(data)
    embedder = get_embedder("minilm")
    texts = sorted({t for pair in pairs for t in pair})
    index = {t: k for k, t in enumerate(texts)}
    vectors = np.asarray(embedder.encode(texts), dtype=np.float32)
    profiles = {t: profile(t) for t in texts}
    x = np.array(
        [
            [1.0, *features(profiles[a], profiles[b], float(vectors[index[a]] @ vectors[index[b]]))]
            for a, b in pairs
        ]
    )
    y = np.array(labels)
    hand = np.array(
        [
            score_pair(profiles[a], profiles[b], float(vectors[index[a]] @ vectors[index[b]])).score
            for a, b in pairs
        ]
    )
    hard = y >= 0.5
    order = list(range(len(y)))
    random.Random(7).shuffle(order)
    folds = [order[k::5] for k in range(5)]
    predicted = np.zeros(len(y))
    for fold in folds:
        train = np.array(sorted(set(order) - set(fold)))
        w = _fit(x[train], y[train])
        predicted[fold] = 1.0 / (1.0 + np.exp(-(x[fold] @ w)))
    msrp = slice(0, sum(1 for v in labels[:500] if v in (0.0, 1.0)))
    for name, p in (("hand-set score", hand), ("fitted, 5-fold CV", predicted)):
        acc = float(np.mean((p >= 0.5) == hard))
        acc_msrp = float(np.mean((p[msrp] >= 0.5) == hard[msrp]))
        print(f"{name:20s} accuracy all {acc:.3f}, MSRP {acc_msrp:.3f}; log-loss {_loss(p, y):.3f}")
    w = _fit(x, y)
    names = ["bias", "cosine", "lexical", "coverage_low", "coverage_high", "numbers_shared", "numbers_differ"]
    print("COEFFICIENTS = (" + ", ".join(f"{v:.4f}" for v in w) + ")  # " + ", ".join(names))
    print("in use:        (" + ", ".join(f"{v:.4f}" for v in COEFFICIENTS) + ")")
    _ = math  # keeps the import list honest for readers who extend the features


if __name__ == "__main__":
    main()
