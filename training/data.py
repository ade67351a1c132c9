"""Training and checking pairs: the licensed NLI files in ../shared/data/nli plus generated news pairs.

Labels are ids 0 = entailment, 1 = neutral, 2 = contradiction (the order of LABELS), the same in
the shipped model's card and in compare/judge.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from training.perturb import news_pairs

LABELS = ("entailment", "neutral", "contradiction")
TRAIN_FILES = ("fever.train.jsonl.gz", "snli.train.jsonl")
HELD_FILES = ("snli.test.jsonl", "snli.dev.jsonl", "mnli.dev_matched.jsonl", "mnli.dev_mismatched.jsonl")


@dataclass(frozen=True, slots=True)
class Pair:
    premise: str
    hypothesis: str
    label: int
    source: str


def read_jsonl(path: Path) -> Iterator[Pair]:
    """The pairs of one NLI file (plain or gzip JSON Lines)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            yield Pair(row["premise"], row["hypothesis"], LABELS.index(row["label"]), row["source"])


def training_mix(nli_dir: Path, *, fever: int, snli: int, news: int, seed: int) -> list[Pair]:
    """A shuffled training set: `fever` FEVER pairs with labels balanced, `snli` SNLI pairs, `news` generated.

    FEVER is 55% entailment, so its sample takes the same number of pairs of each label where it can.
    The generated news pairs are built from FEVER premises (Wikipedia, CC BY-SA).
    """
    rng = random.Random(seed)
    fever_pairs = list(read_jsonl(nli_dir / "fever.train.jsonl.gz"))
    rng.shuffle(fever_pairs)
    by_label: dict[int, list[Pair]] = {0: [], 1: [], 2: []}
    for pair in fever_pairs:
        by_label[pair.label].append(pair)
    share = fever // 3
    chosen = [p for label in (0, 1, 2) for p in by_label[label][:share]]
    snli_pairs = list(read_jsonl(nli_dir / "snli.train.jsonl"))
    rng.shuffle(snli_pairs)
    chosen += snli_pairs[:snli]
    # Every FEVER premise may be edited: an edited sentence is a new pair, and the pool must be large
    # enough for the rare generators (rewordings, bounds) to fill their share, or the contradiction
    # generators, which apply almost everywhere, would outnumber the entailments.
    premises = sorted({p.premise for p in fever_pairs})
    chosen += news_pairs(premises, count=news, rng=rng)
    rng.shuffle(chosen)
    return chosen


def held_pairs(nli_dir: Path, name: str, limit: int | None = None) -> list[Pair]:
    """The first `limit` pairs of a held file (never trained on)."""
    pairs = list(read_jsonl(nli_dir / name))
    return pairs[:limit] if limit else pairs
