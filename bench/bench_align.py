"""Benchmark alignment: wall time and peak memory for synthetic news-like documents.

Usage (from the repository root):
    python bench/bench_align.py [--embedder minilm|lexical] [--sizes 2x500,10x80,2x5000]

Each size runs in its own process so that its peak RSS (resource.getrusage) is its own. The time
covers embedding, candidate search, scoring and grouping: everything `align` does. CPU time is
printed too: on a shared machine wall time grows with other load, CPU time much less.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.model import Statement, StatementKind

WHO = [
    "Officials", "The interior ministry", "Police", "Local authorities", "The company", "Witnesses",
    "The regional governor", "Hospital staff", "A government spokesman", "Rescue teams", "The mayor",
    "Investigators", "The fire service", "Union leaders", "The central bank", "Residents",
]  # fmt: skip
SAID = ["said", "reported", "confirmed", "told reporters", "announced", "stated"]
WHAT = [
    "{n} people were injured in the {event} in {place}",
    "the {event} in {place} forced {n} families to leave their homes",
    "about {n} houses were damaged after the {event} near {place}",
    "{n} workers would lose their jobs when the plant in {place} closes",
    "the {event} had cut power to {n} homes across {place}",
    "{n} flights were cancelled at the airport in {place} because of the {event}",
    "the budget for rebuilding {place} would rise by {n} million euros",
    "{n} soldiers had been sent to {place} to help after the {event}",
    "the death toll from the {event} in {place} had risen to {n}",
    "schools in {place} would stay closed for {n} days",
]
EVENTS = ["flood", "storm", "fire", "earthquake", "explosion", "landslide", "strike", "protest"]
PLACES = [
    "Lyon", "Porto", "Gdansk", "Bilbao", "Graz", "Turin", "Leipzig", "Ghent", "Split", "Cork",
    "Malmo", "Brno", "Varna", "Aarhus", "Tartu", "Kaunas", "Nantes", "Seville", "Bergen", "Pecs",
]  # fmt: skip
WHEN = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday morning", "overnight", "this week"]
SYNONYMS = {
    "injured": "hurt", "homes": "houses", "forced": "made", "damaged": "hit", "cancelled": "scrapped",
    "sent": "deployed", "risen": "climbed", "closed": "shut", "about": "around", "leave": "abandon",
}  # fmt: skip


def _fact(rng: random.Random) -> dict[str, str]:
    return {
        "who": rng.choice(WHO),
        "said": rng.choice(SAID),
        "what": rng.choice(WHAT),
        "n": str(rng.randint(2, 900)),
        "event": rng.choice(EVENTS),
        "place": rng.choice(PLACES),
        "when": rng.choice(WHEN),
    }


def _render(fact: dict[str, str], rng: random.Random, variant: bool) -> str:
    what = fact["what"].format(**fact)
    if variant:
        what = " ".join(SYNONYMS.get(word, word) for word in what.split())
        if rng.random() < 0.2:  # a number that differs between outlets
            what = what.replace(fact["n"], str(int(fact["n"]) + rng.randint(1, 9)), 1)
    if variant and rng.random() < 0.5:
        text = f"{what[0].upper()}{what[1:]} {fact['when']}, {fact['who'].lower()} {fact['said']}."
    else:
        text = f"{fact['who']} {fact['said']} {fact['when']} that {what}."
    return text


def synthetic(documents: int, per_document: int, seed: int = 1) -> list[Statement]:
    """Documents that share about 60% of their facts, worded differently, in different orders."""
    rng = random.Random(seed)
    pool = [_fact(rng) for _ in range(int(per_document * 1.6) + 1)]
    statements: list[Statement] = []
    for d in range(documents):
        chosen = rng.sample(pool, per_document)
        offset = 0
        for index, fact in enumerate(chosen):
            text = _render(fact, rng, variant=d > 0)
            statements.append(
                Statement(
                    id=f"d{d}:s{index}",
                    document=f"d{d}",
                    index=index,
                    start=offset,
                    end=offset + len(text),
                    text=text,
                    kind=StatementKind.BODY,
                )
            )
            offset += len(text) + 1
    return statements


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(documents: int, per_document: int, embedder_spec: str) -> dict[str, float]:
    """Align one synthetic set in this process; returns seconds and peak RSS in MiB."""
    from compare.align import align
    from compare.align.embed import get_embedder

    statements = synthetic(documents, per_document)
    started = time.perf_counter()
    embedder = get_embedder(embedder_spec)
    loaded = time.perf_counter()
    cpu_before = _cpu()
    claims = align(statements, {}, embedder)
    finished = time.perf_counter()
    cpu = _cpu() - cpu_before
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "statements": len(statements),
        "claims": len(claims),
        "multi_document_claims": sum(len(c.documents) > 1 for c in claims),
        "load_s": loaded - started,
        "align_s": finished - loaded,
        "align_cpu_s": cpu,
        "peak_rss_mib": peak_kib / 1024.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--sizes", default="2x500,10x80,2x5000")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one size, print JSON
    args = parser.parse_args(argv)
    if args.one:
        documents, per_document = (int(x) for x in args.one.split("x"))
        print(json.dumps(measure(documents, per_document, args.embedder)))
        return 0
    print(f"embedder: {args.embedder}")
    for size in args.sizes.split(","):
        out = subprocess.run(
            [sys.executable, __file__, "--embedder", args.embedder, "--one", size],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{size:>8s}: {r['statements']:6.0f} statements  align {r['align_s']:6.2f} s wall, "
            f"{r['align_cpu_s']:6.2f} s CPU (all threads)  "
            f"(model load {r['load_s']:.2f} s)  peak RSS {r['peak_rss_mib']:7.1f} MiB  "
            f"claims {r['claims']:.0f} ({r['multi_document_claims']:.0f} multi-document)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
