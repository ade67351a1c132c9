"""compare batch: inputs of every kind, story ids that hold, the cache, the index, the same reports as
`compare report`, and the same bytes serially, in local processes and on a Dask LocalCluster.

Articles here are invented: two stories told by several outlets (a bus crash, a tram budget) and a
lone article about something else.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from compare.batching.ids import story_ids
from compare.batching.inputs import BATCH_MARKER, Article, Failure, read_articles, sources_of
from compare.batching.run import batch
from compare.batching.store import ArticleStore
from compare.cli import main
from compare.model import Document
from compare.options import Options
from compare.output import MARKER

REPO = Path(__file__).resolve().parent.parent
NOW = datetime.fromisoformat("2026-12-07T12:00:00+00:00")
FAST = ("json", "md")

BUS = {
    "bus-herald": (
        "Herald",
        "Bus overturns on mountain road near Varna, 12 hurt\n\n"
        "A coach carrying 41 passengers overturned on a mountain road near Varna on Tuesday morning, "
        "police said. Twelve people were taken to hospital. The driver told officers the brakes had failed "
        "on a steep bend. The coach was travelling from Sofia to the coast.",
    ),
    "bus-courier": (
        "Courier",
        "Twelve injured as coach rolls over outside Varna\n\n"
        "A coach with 41 passengers on board rolled over on a mountain road outside Varna on Tuesday. "
        "Twelve passengers were taken to hospital, according to police. The driver said the brakes failed "
        "on a steep bend. The coach had left Sofia for the Black Sea coast.",
    ),
    "bus-gazette": (
        "Gazette",
        "Coach crash near Varna: 14 in hospital\n\n"
        "Fourteen people were taken to hospital after a coach carrying 41 passengers overturned near Varna "
        "on Tuesday, the regional hospital said. Police said the driver reported a brake failure on a steep "
        "bend. The coach was on its way from Sofia to the coast.",
    ),
}
TRAM = {
    "tram-herald": (
        "Herald",
        "Porto council backs tram line\n\n"
        "Porto's city council approved a budget of 200 million euros for a new tram line to the airport on "
        "Monday. The mayor said construction would start in 2028. Opposition councillors voted against the "
        "plan, saying the cost would rise.",
    ),
    "tram-courier": (
        "Courier",
        "Porto approves airport tram\n\n"
        "The city council of Porto on Monday approved 200 million euros for a tram line to the airport. "
        "Building work is due to begin in 2028, the mayor said. Opposition members voted against it.",
    ),
}
LONE = (
    "Ledger",
    "Chess prodigy wins junior title\n\n"
    "A 13-year-old from Tallinn won the European junior chess championship on Sunday after a tie-break "
    "against the defending champion. She will play in the adult national team next spring.",
)


def write_articles(folder: Path, articles: dict[str, tuple[str, str]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (outlet, text) in articles.items():
        path = folder / f"{name}.md"
        path.write_text(f"---\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    write_articles(folder, {**BUS, **TRAM, "chess-ledger": LONE})
    return folder


def story_of(index: dict, article_id: str) -> dict:
    return next(s for s in index["stories"] if article_id in [a["id"] for a in s["articles"]])


# -- inputs -------------------------------------------------------------------------------------------


def test_folders_list_files_and_stdin_name_the_same_articles(tmp_path: Path, newsroom: Path) -> None:
    (newsroom / "nested").mkdir()
    write_articles(newsroom / "nested", {"deep": LONE})
    listed = tmp_path / "today.list"
    listed.write_text("# morning feed\narticles/bus-herald.md\n\narticles/nested\n", encoding="utf-8")
    from_list, failures = sources_of([str(listed)])
    assert failures == []
    assert [Path(p).name for p in from_list] == ["bus-herald.md", "deep.md"]
    from_stdin, _ = sources_of(["-"], stdin=io.StringIO(f"{newsroom / 'tram-courier.md'}\n"))
    assert [Path(p).name for p in from_stdin] == ["tram-courier.md"]
    walked, _ = sources_of([str(newsroom), str(newsroom / "bus-herald.md")])  # named twice: read once
    assert len(walked) == 7


def test_a_bad_input_is_one_failure_line_and_the_rest_is_read(tmp_path: Path, newsroom: Path) -> None:
    (newsroom / "empty.txt").write_text("   \n", encoding="utf-8")
    (newsroom / "scan.pdf").write_bytes(b"%PDF-1.4")
    sources, failures = sources_of([str(newsroom), str(tmp_path / "missing.md"), "ftp://example.org/x"])
    results = list(read_articles(sources))
    failed = failures + [r for r in results if isinstance(r, Failure)]
    reasons = {Path(f.given_as).name: f.error for f in failed}
    assert reasons["missing.md"] == "not found"
    assert "unsupported file type '.pdf'" in reasons["scan.pdf"]
    assert "no text" in reasons["empty.txt"]
    assert "http" in next(f.error for f in failed if f.given_as == "ftp://example.org/x")
    assert sum(isinstance(r, Article) for r in results) == 6
    assert all("\n" not in f.error for f in failed)


def test_a_copy_of_an_article_is_read_once_and_named(tmp_path: Path, newsroom: Path) -> None:
    text = (newsroom / "bus-herald.md").read_text(encoding="utf-8")
    (newsroom / "zz-wire-copy.md").write_text(text, encoding="utf-8")
    results = [r for r in read_articles(sources_of([str(newsroom)])[0]) if isinstance(r, Article)]
    copy = next(r for r in results if r.document.id == "zz-wire-copy")
    assert copy.copy_of == "bus-herald"


def test_articles_with_the_same_file_name_get_distinct_ids(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        write_articles(tmp_path / sub, {"story": (sub, f"A report from desk {sub} about the harbour fire.")})
    results = [r for r in read_articles(sources_of([str(tmp_path)])[0]) if isinstance(r, Article)]
    assert sorted(r.document.id for r in results) == ["story", "story-2"]


# -- story ids ----------------------------------------------------------------------------------------


def test_story_ids_do_not_depend_on_order_and_survive_growth() -> None:
    first = story_ids([["k5", "k2"], ["k9", "k7"]])
    assert first == story_ids([["k2", "k5"], ["k7", "k9"]])
    assert story_ids([["k9", "k7"], ["k5", "k2"]]) == first[::-1]
    earlier = {first[0]: frozenset({"k5", "k2"}), first[1]: frozenset({"k9", "k7"})}
    grown = story_ids([["k5", "k2", "k0"], ["k9", "k7"]], earlier)  # k0 sorts first: would rename it
    assert grown == first
    split = story_ids([["k5"], ["k2"]], {first[0]: frozenset({"k5", "k2"})})
    assert first[0] in split and len(set(split)) == 2


# -- the cache ----------------------------------------------------------------------------------------


def test_the_cache_gives_the_same_comparison_and_is_used(tmp_path: Path) -> None:
    from compare.pipeline import compare_documents

    documents = [Document(id=name, text=text, outlet=outlet) for name, (outlet, text) in BUS.items()]
    options = Options(embedder="lexical")
    plain = compare_documents(documents, options=options, now=NOW).to_dict()
    store = ArticleStore(tmp_path / "cache").open()
    first = compare_documents(documents, options=options, now=NOW, store=store).to_dict()
    assert store.hits == 0 and store.misses == 3
    again_store = ArticleStore(tmp_path / "cache")
    again = compare_documents(documents, options=options, now=NOW, store=again_store).to_dict()
    assert again_store.hits == 3
    assert plain == first == again


def test_a_file_that_is_not_a_cache_is_one_clear_error(tmp_path: Path) -> None:
    from compare.errors import OutputError

    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "cache.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(OutputError, match="not a usable cache"):
        ArticleStore(tmp_path / "cache").open()


# -- whole batches ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_batch_writes_a_report_per_story_the_same_as_compare_report(tmp_path: Path, newsroom: Path) -> None:
    from compare.align.embed import LOAD_COUNT, get_embedder

    get_embedder("minilm")
    loads = LOAD_COUNT["minilm"]
    out = tmp_path / "out"
    result = batch([str(newsroom)], out, now=NOW, formats=FAST)
    assert LOAD_COUNT["minilm"] == loads  # the model is loaded once per process, not per story
    index = result.index
    assert index["complete"] and index["counts"]["stories"] == 2
    assert [a["id"] for a in index["unmatched"]] == ["chess-ledger"]
    bus, tram = story_of(index, "bus-herald"), story_of(index, "tram-herald")
    assert {a["id"] for a in bus["articles"]} == set(BUS)
    assert {a["id"] for a in tram["articles"]} == set(TRAM)
    assert bus["findings"]["high"] + bus["findings"]["medium"] >= 1  # 12 vs 14 taken to hospital
    assert json.loads((out / "index.json").read_text(encoding="utf-8")) == index
    # the story's reports are the bytes `compare report` writes for the same articles
    single = tmp_path / "single"
    files = [str(newsroom / f"{name}.md") for name in sorted(BUS)]  # a story lists its articles by id
    assert main(["report", *files, "-o", str(single), "--now", NOW.isoformat(), "-f", "json,md", "-q"]) == 0
    for name in ("report.json", "report.md"):
        assert (out / bus["id"] / name).read_bytes() == (single / name).read_bytes()


@pytest.mark.slow
def test_a_rerun_reuses_unchanged_stories_and_a_growing_story_keeps_its_id(
    tmp_path: Path, newsroom: Path
) -> None:
    out = tmp_path / "out"
    first = batch([str(newsroom)], out, now=NOW, formats=FAST).index
    assert not any(story["reused"] for story in first["stories"])
    bus_id = story_of(first, "bus-herald")["id"]
    write_articles(
        newsroom,
        {
            "aaa-bus-tribune": (
                "Tribune",
                "Varna coach crash leaves a dozen hurt\n\nA coach carrying 41 people overturned on a "
                "mountain road near Varna on Tuesday; twelve were taken to hospital. Police said the "
                "brakes had failed.",
            )
        },
    )
    again = batch([str(newsroom)], out, now=NOW, formats=FAST).index
    bus = story_of(again, "aaa-bus-tribune")
    assert bus["id"] == bus_id and not bus["reused"]
    assert story_of(again, "tram-herald")["reused"]
    (newsroom / "tram-courier.md").unlink()
    (newsroom / "tram-herald.md").unlink()
    last = batch([str(newsroom)], out, now=NOW, formats=FAST).index
    assert last["counts"]["stories"] == 1
    assert not (out / story_of(first, "tram-herald")["id"]).exists()  # its story is gone: so is its folder


@pytest.mark.slow
def test_local_processes_and_dask_write_the_same_bytes(tmp_path: Path, newsroom: Path) -> None:
    pytest.importorskip("dask.distributed")
    runs = {
        "serial": {},
        "workers": {"workers": 2},
        "dask": {"workers": 2, "dask": "local"},
    }
    written = {}
    for name, how in runs.items():
        batch([str(newsroom)], tmp_path / name, now=NOW, formats=FAST, **how)
        written[name] = {
            path.relative_to(tmp_path / name): path.read_bytes()
            for path in (tmp_path / name).rglob("*")
            if path.is_file() and ".cache" not in path.parts
        }
    assert written["serial"] == written["workers"] == written["dask"]
    assert len([p for p in written["serial"] if p.name == "report.json"]) == 2


@pytest.mark.slow
def test_the_index_page_escapes_article_text(tmp_path: Path) -> None:
    hostile = {
        name: (f"<img src=x onerror=alert(1)>{outlet}", text.replace("Varna", "Varna <script>x()</script>"))
        for name, (outlet, text) in BUS.items()
    }
    write_articles(tmp_path / "in", hostile)
    batch([str(tmp_path / "in")], tmp_path / "out", now=NOW, formats=("json",))
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;Herald" in page


def test_a_folder_that_is_not_a_batch_is_refused_in_one_line(
    tmp_path: Path, newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["batch", str(newsroom), "-o", str(out), "-q"]) == 5
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "holds files a batch did not write" in err[0]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine" and not (out / BATCH_MARKER).exists()
    assert main(["batch", str(newsroom), "-o", str(tmp_path / "o2"), "--workers", "0", "-q"]) == 2


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_keeps_finished_stories_and_a_consistent_index(tmp_path: Path, newsroom: Path) -> None:
    for day in range(4):  # more stories, so the interrupt falls among them
        write_articles(
            newsroom,
            {
                f"fire{day}-{outlet.lower()}": (
                    outlet,
                    f"Warehouse fire in district {day + 3} of Lyon\n\nA fire destroyed a warehouse in the "
                    f"{day + 3}th district of Lyon on Saturday; {day + 20} firefighters fought it for hours, "
                    f"the fire service said. Nobody was hurt, {outlet} was told.",
                )
                for outlet in ("Herald", "Courier")
            },
        )
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "compare",
        "batch",
        str(newsroom),
        "-o",
        str(out),
        "-q",
        "-f",
        "json,md,pdf",
    ]
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path
    )
    deadline = time.monotonic() + 300  # bounds a hang only
    while time.monotonic() < deadline and process.poll() is None:
        try:
            index = json.loads((out / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            index = {}
        if any(story["status"] == "written" for story in index.get("stories", [])):
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.05)
    _, err = process.communicate(timeout=300)
    assert process.returncode in (0, 130), err
    if process.returncode == 130:
        assert err.decode().strip().endswith("interrupted; finished stories and the index are kept")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    for story in index["stories"]:
        if story["status"] == "written":
            folder = out / story["id"]
            assert (folder / MARKER).is_file()
            assert json.loads((folder / "report.json").read_text(encoding="utf-8"))["documents"]
            assert (folder / "report.pdf").read_bytes().startswith(b"%PDF")
        else:
            assert story["status"] == "pending" and not story["reports"]


def test_a_batch_of_nothing_readable_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1].startswith("compare: error: no article could be read (1 inputs skipped)")
    assert lines[0].startswith("compare: skipped: ") and "photo.jpg" in lines[0]
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["failed"][0]["error"].startswith("unsupported file type '.jpg'")
