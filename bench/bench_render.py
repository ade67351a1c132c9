"""Render speed: the seeds' report in every format, and a synthetic 10-source, 300-claim report.

Run from the repository root:  python bench/bench_render.py [--repeat N]
Targets (issue 5): seeds' PDF < 3 s; 10-source 300-claim HTML + PDF < 20 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fixtures_comparison import synthetic_comparison  # noqa: E402

from compare.model import Comparison  # noqa: E402
from compare.render import render  # noqa: E402


def timed(label: str, work: Callable[[], bytes], repeat: int) -> float:
    """Best wall and CPU time of `repeat` runs, printed with the output size.

    CPU time is shown because the machine is shared: on a busy host wall time overstates the cost.
    """
    best = best_cpu = float("inf")
    size = 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        size = len(work())
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(f"{label:<40} wall {best:6.2f} s  cpu {best_cpu:6.2f} s  {size / 1000:8.1f} kB")
    return best


def seeds_comparison() -> Comparison | None:
    """The seeds through the real pipeline with the lexical embedder, or None before it exists."""
    try:
        from compare.ingest import load_documents
        from compare.options import Options
        from compare.pipeline import compare_documents
    except ImportError as exc:
        print(f"(seeds skipped: {exc})")
        return None
    loaded = load_documents(sorted(str(p) for p in (ROOT / "seeds").glob("*.txt")))
    return compare_documents(
        [item.document for item in loaded],
        options=Options(embedder="lexical"),
        now=datetime(2025, 8, 24, 12, tzinfo=UTC),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is printed")
    args = parser.parse_args()
    start = time.perf_counter()
    import weasyprint  # noqa: F401  (import cost is paid once per process; shown separately)

    print(f"{'import weasyprint':<40} wall {time.perf_counter() - start:6.2f} s")
    print(f"(load average now: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores)")
    seeds = seeds_comparison()
    if seeds is not None:
        for fmt in ("json", "md", "html", "pdf"):
            timed(f"seeds {fmt}", lambda fmt=fmt: render(seeds, fmt), args.repeat)
    big = synthetic_comparison(sources=10, claims=300)
    print(
        f"(synthetic: {len(big.documents)} sources, {len(big.claims)} claims, "
        f"{len(big.statements)} statements, {len(big.findings)} findings)"
    )
    html = timed("10 sources / 300 claims html", lambda: render(big, "html"), args.repeat)
    pdf = timed("10 sources / 300 claims pdf", lambda: render(big, "pdf"), args.repeat)
    print(f"{'10 sources / 300 claims html + pdf':<40} wall {html + pdf:6.2f} s  (target < 20 s)")


if __name__ == "__main__":
    main()
