"""compare batch at newsroom volume: throughput, re-run after new articles, workers, peak memory.

    .venv/bin/python bench/bench_batch.py [--data ../shared/data] [--formats json,html,md] [--skip-cold]

The batch is every public ECB+ article (496) plus the CSTBank clusters (18), written as .txt files
into a temporary folder; five articles are held back and added for the re-run. Figures printed:

- warm throughput: models loaded in this process, cache empty, one process (`workers=1`): statements
  per second per core (statements = every statement segmented from the articles compared);
- re-run after adding 5 articles, cache warm: seconds and share of the first run;
- cold `compare batch` commands with a fresh cache, `--workers 1` and `--workers 2`: seconds,
  speed-up, and the peak resident memory of any one process (the largest worker or the main one).

Targets (issue #27): >= 150 statements/s/core warm; re-run <= 15 % of the first run;
--workers 2 vs 1 >= 1.7x on two cores; peak memory per worker <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELD_BACK = 5
NOW = "2026-12-07T12:00:00+00:00"


def build_corpus(data: Path, folder: Path) -> list[Path]:
    """Write the articles as .txt files; returns their paths in a fixed order."""
    paths: list[Path] = []
    documents = json.loads((data / "ecbplus" / "documents.json").read_text(encoding="utf-8"))
    for name, info in sorted(documents.items()):
        lines = (data / "ecbplus" / "docs" / info["topic"] / f"{name}.txt").read_text(encoding="utf-8")
        text = "\n".join(m.group(1) for line in lines.splitlines() if (m := re.match(r"\[\d+\] (.*)", line)))
        path = folder / f"{name}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    for cluster in sorted((data / "cstbank").iterdir()):
        for source in sorted(cluster.glob("*.txt")):
            path = folder / f"{cluster.name}_{source.stem}.txt"
            shutil.copyfile(source, path)
            paths.append(path)
    return paths


def count_statements(paths: list[Path]) -> int:
    from compare.ingest import load_document
    from compare.segment import segment

    return sum(len(segment(load_document(path).document)) for path in paths)


def warm_runs(corpus: Path, held: Path, out: Path, formats: list[str]) -> tuple[float, float, dict]:
    """The first run (models loaded, cache empty) and the re-run after the held-back articles arrive."""
    from datetime import datetime

    from compare.align.embed import get_embedder
    from compare.batching.run import batch
    from compare.facts import nlp

    get_embedder("minilm").encode(["warm up"])
    nlp.load()
    if "pdf" in formats:
        import weasyprint  # noqa: F401  (imported once, as a long-running worker would have it)
    now = datetime.fromisoformat(NOW)
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    first = batch([str(corpus)], out, now=now, formats=formats)
    first_s = time.perf_counter() - started
    first_cpu = _cpu_seconds() - cpu_started
    for path in sorted(held.iterdir()):
        shutil.move(str(path), corpus / path.name)
    started = time.perf_counter()
    again = batch([str(corpus)], out, now=now, formats=formats)
    rerun_s = time.perf_counter() - started
    reused = sum(story["reused"] for story in again.index["stories"])
    return (
        first_s,
        rerun_s,
        {"first": first.index["counts"], "again": again.index["counts"], "reused": reused, "cpu": first_cpu},
    )


def _cpu_seconds() -> float:
    """CPU time of this process, all its threads (the embedder encodes on a second thread)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cold_run(corpus: Path, out: Path, workers: int, formats: list[str]) -> tuple[float, int]:
    """`compare batch` in a fresh process with a fresh cache: seconds and peak RSS (bytes) of any process."""
    command = [
        str(Path(sys.executable).with_name("compare")),
        "batch",
        str(corpus),
        "-o",
        str(out),
        "--workers",
        str(workers),
        "--now",
        NOW,
        "-f",
        ",".join(formats),
        "-q",
    ]
    # A fresh wrapper process per run, so the peak is this run's: RUSAGE_CHILDREN holds the largest
    # of the processes it waited for (compare and, through it, its workers).
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command], check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    return seconds, int(done.stdout.split()[-1]) * 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--formats", default="json,html,md", help="report formats per story")
    parser.add_argument("--skip-cold", action="store_true", help="only the in-process runs")
    args = parser.parse_args()
    if not (args.data / "ecbplus" / "documents.json").is_file():
        print(f"bench_batch: {args.data}: no ECB+ data there (give --data)", file=sys.stderr)
        return 2
    formats = [fmt.strip() for fmt in args.formats.split(",") if fmt.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as temporary:
        base = Path(temporary)
        corpus, held = base / "articles", base / "held"
        corpus.mkdir()
        held.mkdir()
        paths = build_corpus(args.data, corpus)
        # every hundredth article arrives late
        late = paths[:: max(1, len(paths) // HELD_BACK)][:HELD_BACK]
        statements_all = count_statements(paths)
        statements_first = statements_all - count_statements(late)
        for path in late:
            shutil.move(str(path), held / path.name)
        print(
            f"articles: {len(paths)} ({len(paths) - HELD_BACK} first, {HELD_BACK} later); "
            f"statements: {statements_all}; formats: {','.join(formats)}; cores: {os.cpu_count()}"
        )

        first_s, rerun_s, counts = warm_runs(corpus, held, base / "warm", formats)
        print(
            f"warm first run (one process): {first_s:.1f} s, {statements_first / first_s:.0f} statements/s; "
            f"CPU {counts['cpu']:.1f} s, {statements_first / counts['cpu']:.0f} statements per CPU-second "
            f"({counts['first']['stories']} stories, {counts['first']['unmatched']} in no story)"
        )
        print(
            f"re-run after adding {HELD_BACK} articles: {rerun_s:.1f} s = {100 * rerun_s / first_s:.1f} % "
            f"of the first run ({counts['reused']} of {counts['again']['stories']} stories reused)"
        )
        if args.skip_cold:
            return 0
        one_s, one_peak = cold_run(corpus, base / "cold1", 1, formats)
        two_s, two_peak = cold_run(corpus, base / "cold2", 2, formats)
        same = all(
            (base / "cold1" / rel).read_bytes() == (base / "cold2" / rel).read_bytes()
            for rel in (p.relative_to(base / "cold1") for p in (base / "cold1").rglob("report.*"))
        )
        print(f"cold --workers 1: {one_s:.1f} s (peak RSS of any process {one_peak / 2**20:.0f} MiB)")
        print(
            f"cold --workers 2: {two_s:.1f} s (peak RSS of any process {two_peak / 2**20:.0f} MiB); "
            f"speed-up {one_s / two_s:.2f}x; reports byte-identical: {same}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
