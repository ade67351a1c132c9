"""Time and peak memory of the command on large inputs: one long line of sentences next to a seed report.

The largest accepted inputs are one document of MAX_DOCUMENT_CHARS (600,000) and two of them
(MAX_TOTAL_CHARS); the hostile ones (#24 item 5) are 500,000 characters without sentence punctuation:
words on one line, one 'word' without spaces, and 100 lines of such words. Target for the hostile ones:
no more time or memory than the accepted sentences of about the same size (they are cut into statements
of at most MAX_STATEMENT_CHARS, and the stages that grow with a statement's length work in batches
bounded by size, not count); before that bound, words on one line took 2.5 GB.

Each case runs `compare report` in its own process; peak memory is that process's maximum resident set
(with the PDF child it waited for), from wait4(). Inputs are generated here, deterministically.

    .venv/bin/python bench/bench_large_input.py            # all cases
    .venv/bin/python bench/bench_large_input.py --quick    # the refusals and a 150,000-character case
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_61b340d040c2e522.txt"
WORDS = [
    *("council", "bridge", "money", "river", "mayor", "vote", "plan", "city", "work", "year", "people"),
    *("said", "officials", "million", "dollars", "Monday", "project", "engineers", "budget", "residents"),
    *("meeting", "approved", "opposed", "cost", "delay", "contract"),
]


def sentences(size: int, *, seed: int = 1) -> str:
    """`size` characters of plausible sentences on one line, the same every run."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + ". "
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)[:size]


def run_case(name: str, inputs: list[Path], out: Path, *extra: str) -> None:
    command = [
        sys.executable,
        "-m",
        "compare",
        "report",
        *map(str, inputs),
        "-o",
        str(out),
        "--quiet",
        *extra,
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    assert process.stderr is not None
    message = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    said = message[-1][:90] if message else ""
    print(
        f"{name:<44} exit {code:>3}  {elapsed:7.1f} s  {usage.ru_maxrss / 1024:7.0f} MB  {said}", flush=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="only the refusals and the largest accepted case"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        print(f"{'case':<44} {'':>8}  {'time':>9}  {'peak':>10}")
        sizes = [150_000] if args.quick else [25_000, 100_000, 300_000, 600_000]
        for size in sizes:  # accepted: the cost per character should stay about the same
            line = folder / f"line{size}.txt"
            line.write_text(sentences(size - 1) + "\n", encoding="utf-8")
            run_case(
                f"{size:,} chars, one line, json, lexical",
                [SEED, line],
                folder / "o",
                "-f",
                "json",
                "--embedder",
                "lexical",
            )
            if size == sizes[-1]:
                run_case(f"{size:,} chars, one line, all formats, minilm", [SEED, line], folder / "o")
                other = folder / "other.txt"
                other.write_text(sentences(size - 1, seed=2) + "\n", encoding="utf-8")
                run_case(f"2 x {size:,} chars (total limit), all, minilm", [line, other], folder / "o")
        if not args.quick:  # without sentence punctuation: bounded like the sentences of the same size
            words = sentences(499_999).replace(".", "").lower()
            for name, text in (
                ("500,000 chars of words, no punctuation", words + "\n"),
                ("500,000 chars, one 'word', no spaces", ("abcdefghij" * 50_000)[:499_999] + "\n"),
                ("100 lines of 5,000 chars, no punctuation", (words[:4_999] + "\n") * 100),
            ):
                hostile = folder / "hostile.txt"
                hostile.write_text(text, encoding="utf-8")
                run_case(f"{name}, all, minilm", [SEED, hostile], folder / "o")
        for megabytes in (1, 3, 10):  # refused at once, with the limit named
            line = folder / f"line{megabytes}m.txt"
            line.write_text(sentences(megabytes * 1_000_000 - 1_000) + "\n", encoding="utf-8")
            run_case(f"{megabytes} MB, one line (refused)", [SEED, line], folder / "o")
        page = folder / "big.html"
        paragraphs = sentences(9_000_000)
        body = "".join(f"<p>{paragraphs[i : i + 800]}</p>" for i in range(0, len(paragraphs), 800))
        page.write_text(f"<html><body><article><h1>Big</h1>{body}</article></body></html>", encoding="utf-8")
        run_case("9 MB HTML page (refused after extraction)", [SEED, page], folder / "o")


if __name__ == "__main__":
    main()
