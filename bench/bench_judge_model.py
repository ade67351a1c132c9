"""What the sentence-pair model costs: CPU seconds and peak memory, --judge model against --judge rules.

Each run is a cold process (imports, model loads) of compare_documents on one story; CPU time is the
process's user + system time, which a busy machine changes far less than wall time. Stories: the
seeds, the 11-outlet CSTBank cluster gulfair11 (read from ../shared/data when present; the budget's
reference), and the synthetic 10 outlets x 80 sentences of bench_pipeline.

    python bench/bench_judge_model.py [--repeat 3]

Targets (issue 26): at most +1.5 s CPU and +300 MB peak RSS on the 11-outlet story.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GULFAIR = ROOT.parent / "shared" / "data" / "cstbank" / "gulfair11"
TARGET_CPU_S = 1.5
TARGET_RSS_MB = 300.0


def _documents(story: str) -> list[object]:
    from compare import Document

    if story == "seeds":
        from compare.ingest import load_documents

        return [item.document for item in load_documents(sorted((ROOT / "seeds").glob("*.txt")))]
    if story == "gulfair11":
        gold = json.loads((GULFAIR / "gold.json").read_text(encoding="utf-8"))
        return [
            Document.from_text(
                (GULFAIR / d["file"]).read_text(encoding="utf-8"), id=d["id"], outlet=d.get("outlet")
            )
            for d in gold["docs"]
        ]
    sys.path.insert(0, str(ROOT))
    from bench.bench_pipeline import synthetic_story

    return [Document.from_text(text, id=doc_id) for doc_id, text in synthetic_story(10, 80)]


def _child(story: str, judge: str) -> dict[str, float]:
    import resource
    from datetime import datetime

    from compare import Options, compare_documents

    comparison = compare_documents(
        _documents(story),
        options=Options(judge=judge),
        now=datetime.fromisoformat("2025-08-24T12:00:00+00:00"),
    )
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "findings": len(comparison.findings),
        "contradictions": sum(f.type.value == "contradiction" for f in comparison.findings),
    }


def _run(story: str, judge: str) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", story, "--judge", judge]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=True)
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--judge", default="model", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.judge)))
        return 0
    stories = ["seeds", *(["gulfair11"] if GULFAIR.is_dir() else []), "10x80"]
    header = ("story", "judge", "CPU s (median)", "peak RSS MB", "findings", "model-only")
    print("{:10s} {:6s} {:>15s} {:>12s} {:>9s} {:>10s}".format(*header))
    worst = 0
    for story in stories:
        medians = {}
        for judge in ("rules", "model"):
            runs = [_run(story, judge) for _ in range(max(1, args.repeat))]
            cpu = statistics.median(r["cpu_s"] for r in runs)
            rss = max(r["rss_mb"] for r in runs)
            medians[judge] = (cpu, rss)
            found, own = runs[0]["findings"], runs[0]["contradictions"]
            print(f"{story:10s} {judge:6s} {cpu:15.2f} {rss:12.0f} {found:9.0f} {own:10.0f}")
        extra_cpu = medians["model"][0] - medians["rules"][0]
        extra_rss = medians["model"][1] - medians["rules"][1]
        met = extra_cpu <= TARGET_CPU_S and extra_rss <= TARGET_RSS_MB
        verdict = "met" if met else "MISSED"
        print(
            f"{story:10s} model adds {extra_cpu:+.2f} s CPU, {extra_rss:+.0f} MB peak RSS"
            f" (target +{TARGET_CPU_S} s, +{TARGET_RSS_MB:.0f} MB: {verdict})"
        )
        worst |= not met
    return 1 if worst else 0


if __name__ == "__main__":
    sys.exit(main())
