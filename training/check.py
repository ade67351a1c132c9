"""Check the shipped int8 model on the held NLI files and on invented probes; prints the model card's table.

    .venv/bin/python -m training.check [--model compare/assets/nli/model.onnx] [--limit 2000]

Run with the project's environment (onnxruntime, no torch): it scores exactly what compare loads.
Held files (never trained on): SNLI test, MultiNLI dev matched and mismatched (first --limit pairs
of each). Probes (training/probes/probes.jsonl, sentences written for this check): negated
entailments ("was not approved" / "failed to win approval"), denials and debunkings, the same value
in other words.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from compare.judge.pair_model import LABELS, OnnxPairModel

ROOT = Path(__file__).resolve().parents[1]
NLI = ROOT.parent / "shared" / "data" / "nli"
HELD = ("snli.test.jsonl", "mnli.dev_matched.jsonl", "mnli.dev_mismatched.jsonl")


def rows(path: Path, limit: int | None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        out = [json.loads(line) for line in handle]
    return out[:limit] if limit else out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "compare" / "assets" / "nli" / "model.onnx")
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--nli-dir", type=Path, default=NLI)
    args = parser.parse_args(argv)
    model = OnnxPairModel("check", args.model, ROOT / "compare" / "assets" / "minilm" / "tokenizer.json")
    print(f"model {args.model} ({args.model.stat().st_size / 1e6:.1f} MB)")
    for name in HELD:
        data = rows(args.nli_dir / name, args.limit)
        started = time.process_time()
        predicted = model.probabilities([(r["premise"], r["hypothesis"]) for r in data]).argmax(axis=1)
        cpu_ms = (time.process_time() - started) / len(data) * 1000
        right = sum(LABELS[p] == r["label"] for p, r in zip(predicted, data, strict=True))
        confusion = Counter((r["label"][:4], LABELS[p][:4]) for p, r in zip(predicted, data, strict=True))
        print(f"{name:28s} accuracy {right / len(data):.3f} on {len(data)}  ({cpu_ms:.1f} ms CPU per pair)")
        print("   gold->predicted " + ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(confusion.items())))
    probes = rows(ROOT / "training" / "probes" / "probes.jsonl", None)
    probabilities = model.probabilities([(r["premise"], r["hypothesis"]) for r in probes])
    by_kind: dict[str, list[int]] = {}
    for row, p in zip(probes, probabilities, strict=True):
        by_kind.setdefault(row["kind"], []).append(int(LABELS[int(p.argmax())] == row["label"]))
        if LABELS[int(p.argmax())] != row["label"]:
            print(f"   miss [{row['kind']}] {row['premise']!r} / {row['hypothesis']!r} -> "
                  + " ".join(f"{label[:4]} {v:.2f}" for label, v in zip(LABELS, p, strict=True)))  # fmt: skip
    for kind, hits in by_kind.items():
        print(f"probes {kind:28s} {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
