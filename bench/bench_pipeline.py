"""Wall time and peak memory of `compare` on the seeds and on large synthetic stories.

Each scenario runs cold in its own Python process (imports and model load included), so peak RSS
is that process's own. Scenarios:

  seeds      the two seed reports end to end through the CLI, all four formats
  10x80      10 outlets x 80 sentences each (pipeline, then JSON/HTML/Markdown)
  10x80+pdf  the same with the PDF brief too (no target: a PDF lays out ~10 pages a second, and this
             brief has every claim and finding of 810 statements; reported so the cost is visible)
  2x5000     2 documents x 5,000 sentences each (pipeline, then JSON/HTML/Markdown)

For reference, the same document pairs go through difflib.HtmlDiff (line = statement), and the
table gives our time divided by difflib's. Run from the repository root:

    python bench/bench_pipeline.py                 # all scenarios, MiniLM embedder
    python bench/bench_pipeline.py --only 10x80 --embedder lexical
    python bench/bench_pipeline.py --only seeds --repeat 5   # the machine is shared: several cold runs

Every row gives the 1-minute load average when its run started: on a shared machine, compare figures
only between runs at a similar load.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
NOW = "2025-08-24T12:00:00+00:00"

# Targets on the 2-core reference machine (issue 6): seconds of wall time, and MB of peak RSS.
TARGETS: dict[str, tuple[float | None, float | None]] = {
    "seeds": (3.0, None),
    "10x80": (5.0, None),
    "10x80+pdf": (None, None),
    "2x5000": (60.0, 2048.0),
}
DIFFLIB_TIMEOUT_S = 300


@dataclass(frozen=True, slots=True)
class Result:
    """One scenario's figures."""

    name: str
    shape: str
    wall_s: float
    peak_rss_mb: float
    stages: dict[str, float | str]
    difflib_s: float | None
    status: int
    load: float  # 1-minute load average when the run started


# --- synthetic stories ----------------------------------------------------------------------------------

_SUBJECTS = (
    "The council",
    "The mayor",
    "Officials",
    "The ministry",
    "Police",
    "The company",
    "Analysts",
    "The Pentagon",
    "Residents",
    "The union",
    "Investigators",
    "The court",
    "Lawmakers",
    "The agency",
    "Prosecutors",
    "The governor",
    "Doctors",
    "Farmers",
    "The airline",
    "Teachers",
    "The army",
    "Engineers",
    "The central bank",
    "Rescue workers",
    "The opposition",
    "Shareholders",
    "Scientists",
)
_VERBS = (
    "approved",
    "rejected",
    "announced",
    "delayed",
    "confirmed",
    "denied",
    "criticised",
    "welcomed",
    "reviewed",
    "suspended",
    "expanded",
    "questioned",
    "funded",
    "blocked",
    "investigated",
    "praised",
    "cancelled",
    "proposed",
    "defended",
    "challenged",
    "completed",
    "inspected",
    "reported",
    "ordered",
)
_ADJECTIVES = (
    "new",
    "controversial",
    "long-awaited",
    "costly",
    "secret",
    "regional",
    "emergency",
    "revised",
    "national",
    "temporary",
    "disputed",
    "ambitious",
    "annual",
    "coastal",
    "northern",
    "private",
)
_NOUNS = (
    "bridge project",
    "plan to cut jobs",
    "missile request",
    "budget",
    "inquiry into the fire",
    "tax",
    "rail contract",
    "housing scheme",
    "ban on exports",
    "water deal",
    "school reform",
    "port expansion",
    "vaccine rollout",
    "wind farm",
    "pension change",
    "border checks",
    "election timetable",
    "harbour",
    "flood defences",
    "airport runway",
    "steel tariff",
    "hospital merger",
    "ceasefire proposal",
    "grain corridor",
    "data law",
    "power plant",
    "fuel subsidy",
    "metro line",
    "fishing quota",
    "peace talks",
)
_PLACES = (
    "in Kyiv",
    "in the capital",
    "near the border",
    "in the north",
    "across the region",
    "in Brussels",
    "in Washington",
    "at the port",
    "in three provinces",
    "on the coast",
    "in the city centre",
    "",
)
_WHEN = ("on Monday", "last week", "in late spring", "on 23 August", "at 9 a.m.", "this year", "in March", "")
_TAILS = (
    "",
    " after a long debate",
    ", according to sources",
    ", Reuters reported",
    " despite protests",
    " at a cost of {n} million dollars",
    " with {n} votes in favour",
    " affecting {n} people",
    ", a spokesperson said",
    " for the first time since {y}",
    " by a margin of {n} to {m}",
)
_SYNONYMS = {
    "approved": "backed",
    "rejected": "turned down",
    "announced": "unveiled",
    "delayed": "postponed",
    "confirmed": "verified",
    "denied": "dismissed",
    "criticised": "condemned",
    "welcomed": "praised",
    "Officials": "Authorities",
    "The council": "City councillors",
    "last week": "seven days ago",
    "costly": "expensive",
    "secret": "covert",
    "new": "fresh",
    "Police": "Officers",
}


def _fact(rng: random.Random) -> str:
    """A random news-like statement."""
    words = [
        rng.choice(_SUBJECTS),
        rng.choice(_VERBS),
        "the",
        rng.choice(_ADJECTIVES),
        rng.choice(_NOUNS),
        rng.choice(_PLACES),
        rng.choice(_WHEN),
    ]
    tail = rng.choice(_TAILS).format(n=rng.randint(2, 900), m=rng.randint(2, 900), y=rng.randint(1950, 2020))
    return " ".join(word for word in words if word) + tail + "."


def _retell(rng: random.Random, sentence: str) -> str:
    """The same statement as another outlet might write it: synonyms, a changed number, a prefix."""
    for word, other in _SYNONYMS.items():
        if word in sentence and rng.random() < 0.5:
            sentence = sentence.replace(word, other, 1)
    if rng.random() < 0.15:
        digits = [token.strip(".,") for token in sentence.split() if token.strip(".,").isdigit()]
        if digits:
            sentence = sentence.replace(digits[0], str(int(digits[0]) + rng.randint(1, 50)), 1)
    if rng.random() < 0.2:
        sentence = "Meanwhile, " + sentence[0].lower() + sentence[1:]
    return sentence


def synthetic_story(outlets: int, sentences: int, *, seed: int = 7) -> list[tuple[str, str]]:
    """(id, text) for `outlets` reports of one story, `sentences` statements each, ~60% shared."""
    rng = random.Random(seed)
    shared = [_fact(rng) for _ in range(sentences)]
    documents = []
    for outlet in range(outlets):
        lines = [f"Story as told by outlet {outlet}"]
        for position in range(sentences):
            lines.append(_retell(rng, shared[position]) if rng.random() < 0.6 else _fact(rng))
        body = [" ".join(lines[i : i + 4]) for i in range(1, len(lines), 4)]
        documents.append((f"outlet-{outlet:02d}", "\n\n".join([lines[0], *body]) + "\n"))
    return documents


# --- child process: one scenario ---------------------------------------------------------------------


class _StageTimer:
    """A Progress that records how long each pipeline stage took."""

    def __init__(self, stages: dict[str, float | str]) -> None:
        self._stages = stages
        self._name: str | None = None
        self._began = time.perf_counter()

    def stage(self, name: str, total: int) -> None:
        self._finish()
        self._name, self._began = name, time.perf_counter()

    def advance(self, n: int = 1) -> None:
        return None

    def close(self) -> None:
        self._finish()

    def _finish(self) -> None:
        if self._name is not None:
            self._stages[f"  {self._name}"] = time.perf_counter() - self._began
            self._name = None


def _child(scenario: str, embedder: str, formats: list[str], out: Path) -> dict[str, float | str]:
    """Run one scenario in this process and return stage timings (seconds) and counts."""
    started = time.perf_counter()
    from compare import Document, Options, compare_documents  # noqa: F401  (timed here, used below)
    from compare.render import prepare, render  # noqa: F401

    stages: dict[str, float | str] = {"import": time.perf_counter() - started}
    with prepare(formats):  # as the CLI does: the PDF engine warms up while the pipeline runs
        _child_run(scenario, embedder, formats, out, stages)
    return stages


def _child_run(
    scenario: str, embedder: str, formats: list[str], out: Path, stages: dict[str, float | str]
) -> None:
    import resource
    from datetime import datetime

    from compare import Document, Options, compare_documents
    from compare.render import render_many

    if scenario == "seeds":
        from compare.ingest import load_documents

        documents = [item.document for item in load_documents(SEEDS)]
    else:
        outlets, sentences = (int(part) for part in scenario.removesuffix("+pdf").split("x"))
        documents = [
            Document.from_text(text, id=doc_id) for doc_id, text in synthetic_story(outlets, sentences)
        ]
    begin = time.perf_counter()
    timer = _StageTimer(stages)
    comparison = compare_documents(
        documents, options=Options(embedder=embedder), now=datetime.fromisoformat(NOW), progress=timer
    )
    timer.close()
    stages["pipeline"] = time.perf_counter() - begin
    stages["peak RSS after pipeline MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    begin = time.perf_counter()
    try:  # as the CLI does: one view for every format, the PDF laid out in its child meanwhile
        for fmt, data in render_many(comparison, formats).items():
            (out / f"report.{fmt}").write_bytes(data)
        stages[f"render {','.join(formats)}"] = time.perf_counter() - begin
    except Exception as error:  # keep the pipeline figures even when a renderer breaks
        stages[f"render {','.join(formats)}"] = f"failed: {str(error)[:120]}"
    stages["statements"] = len(comparison.statements)
    stages["claims"] = len(comparison.claims)
    stages["findings"] = len(comparison.findings)


def _run_measured(command: list[str], *, timeout: float) -> tuple[float, float, int, str]:
    """Run a command; return wall seconds, its peak RSS in MB, exit status and its stdout."""
    with tempfile.TemporaryFile() as stdout:
        begin = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE)
        deadline = begin + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - begin
        process.returncode = os.waitstatus_to_exitcode(status)
        stderr = ""
        if process.stderr is not None:
            stderr = process.stderr.read().decode("utf-8", "replace")
            process.stderr.close()
        stdout.seek(0)
        text = stdout.read().decode("utf-8", "replace")
    if process.returncode:
        print(
            f"  ! {' '.join(command[:4])}... exited {process.returncode}: {stderr.strip()[-500:]}",
            file=sys.stderr,
        )
    return wall, usage.ru_maxrss / 1024, process.returncode, text


# --- difflib reference --------------------------------------------------------------------------------


def _statement_lines(text: str) -> list[str]:
    from compare.model import Document
    from compare.segment import segment

    return [s.text for s in segment(Document.from_text(text, id="x"))]


def _difflib_child(texts: list[str]) -> float:
    """HtmlDiff over every pair of documents, one statement per line; segmentation not timed."""
    lines = [_statement_lines(text) for text in texts]
    begin = time.perf_counter()
    differ = difflib.HtmlDiff()
    for a, b in itertools.combinations(lines, 2):
        differ.make_file(a, b)
    return time.perf_counter() - begin


def _difflib_seconds(source: str, *, timeout: float) -> float | None:
    command = [sys.executable, str(Path(__file__).resolve()), "--difflib", source]
    _, _, status, stdout = _run_measured(command, timeout=timeout)
    if status:
        return None
    return float(json.loads(stdout)["difflib"])


# --- scenarios ----------------------------------------------------------------------------------------


def run_seeds(embedder: str, *, details: bool = True) -> Result:
    """The CLI end to end, cold, all four formats; then an in-process run for the stage breakdown."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as out:
        command = [
            sys.executable,
            "-m",
            "compare",
            "report",
            *map(str, SEEDS),
            "-o",
            out,
            "--format",
            "json,html,pdf,md",
            "--embedder",
            embedder,
            "--now",
            NOW,
            "--quiet",
        ]
        wall, rss, status, _ = _run_measured(command, timeout=600)
    if not details:
        return Result("seeds", f"{len(SEEDS)} docs (CLI)", wall, rss, {}, None, status, load)
    breakdown = _breakdown("seeds", embedder, ["json", "html", "md", "pdf"])
    return Result(
        "seeds",
        f"{len(SEEDS)} docs (CLI)",
        wall,
        rss,
        breakdown,
        _difflib_seconds("seeds", timeout=60),
        status,
        load,
    )


def _breakdown(scenario: str, embedder: str, formats: list[str]) -> dict[str, float | str]:
    with tempfile.TemporaryDirectory() as out:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            scenario,
            "--embedder",
            embedder,
            "--formats",
            ",".join(formats),
            "--out",
            out,
        ]
        _, _, status, stdout = _run_measured(command, timeout=1200)
    return json.loads(stdout) if status == 0 and stdout.strip() else {}


def run_synthetic(scenario: str, embedder: str, formats: list[str], *, details: bool = True) -> Result:
    """One cold run of a synthetic scenario in a fresh process (which reports its stages)."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as out:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            scenario,
            "--embedder",
            embedder,
            "--formats",
            ",".join(formats),
            "--out",
            out,
        ]
        wall, rss, status, stdout = _run_measured(command, timeout=1200)
    stages = json.loads(stdout) if status == 0 and stdout.strip() else {}
    difflib_s = _difflib_seconds(scenario, timeout=DIFFLIB_TIMEOUT_S) if details else None
    outlets, sentences = scenario.removesuffix("+pdf").split("x")
    shape = f"{outlets} x {sentences} sentences" + (", with PDF" if scenario.endswith("+pdf") else "")
    return Result(scenario, shape, wall, rss, stages if details else {}, difflib_s, status, load)


def print_table(results: list[Result], embedder: str) -> None:
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\ncompare benchmark ({embedder} embedder, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"load average now {load})\n"
    )
    header = (
        "scenario",
        "shape",
        "wall s",
        "pipeline s",
        "render s",
        "peak RSS MB",
        "difflib s",
        "ours/difflib",
        "load",
        "target",
    )
    rows = [header]
    for r in results:
        wall_target, rss_target = TARGETS[r.name]
        render_s = sum(v for k, v in r.stages.items() if k.startswith("render") and isinstance(v, float))
        ok = (
            r.status == 0
            and (wall_target is None or r.wall_s <= wall_target)
            and (rss_target is None or r.peak_rss_mb <= rss_target)
        )
        limits = ([f"<= {wall_target:g} s"] if wall_target else []) + (
            [f"<= {rss_target:g} MB"] if rss_target else []
        )
        target = ", ".join(limits) if limits else "(reference)"
        difflib_s = (
            f"{r.difflib_s:.2f}"
            if r.difflib_s is not None
            else ("-" if not r.stages else f"> {DIFFLIB_TIMEOUT_S}")
        )
        ratio = f"{r.wall_s / r.difflib_s:.1f}x" if r.difflib_s else "-"
        rows.append(
            (
                r.name,
                r.shape,
                f"{r.wall_s:.2f}",
                f"{r.stages['pipeline']:.2f}" if "pipeline" in r.stages else "-",
                f"{render_s:.2f}" if r.stages else "-",
                f"{r.peak_rss_mb:.0f}",
                difflib_s,
                ratio,
                f"{r.load:.1f}",
                f"{target} {'FAILED' if r.status else 'OK' if ok and limits else 'MISSED' if limits else ''}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for index, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print("  ".join("-" * width for width in widths))
    for r in results:
        if r.stages:
            where = " (a separate in-process run)" if r.name == "seeds" else ""
            print(f"\n{r.name} stages{where}:")
            for key, value in r.stages.items():
                shown = f"{value:.2f}" if isinstance(value, float) else str(value)
                print(f"  {key:<28} {shown}")
    print(
        "\nwall s: whole process, cold (imports and model load included); ours/difflib: wall / difflib time."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", action="append", choices=tuple(TARGETS), help="run only these scenarios")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--pdf-all", action="store_true", help="also render the PDF for 2x5000")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="cold runs per scenario (stages shown for the first)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--difflib", help=argparse.SUPPRESS)
    parser.add_argument("--formats", default="json,html,md", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.child:
        stages = _child(args.child, args.embedder, args.formats.split(","), Path(args.out))
        print(json.dumps(stages))
        return 0
    if args.difflib:
        if args.difflib == "seeds":
            texts = [path.read_text(encoding="utf-8") for path in SEEDS]
        else:
            outlets, sentences = (int(part) for part in args.difflib.removesuffix("+pdf").split("x"))
            texts = [text for _, text in synthetic_story(outlets, sentences)]
        print(json.dumps({"difflib": _difflib_child(texts)}))
        return 0
    results = []
    for name in args.only or list(TARGETS):
        for run in range(max(1, args.repeat)):
            print(f"running {name} ({run + 1}/{max(1, args.repeat)}) ...", file=sys.stderr, flush=True)
            if name == "seeds":
                results.append(run_seeds(args.embedder, details=run == 0))
            else:
                formats = (
                    ["json", "html", "md", "pdf"]
                    if name.endswith("+pdf") or args.pdf_all
                    else ["json", "html", "md"]
                )
                results.append(run_synthetic(name, args.embedder, formats, details=run == 0))
    print_table(results, args.embedder)
    return 0 if all(r.status == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
