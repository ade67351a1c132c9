"""What a new user trips on gets a message that says what to do, and odd encodings are read right."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fixtures_comparison import STORY_A, STORY_B

from compare.cli import main
from compare.errors import InputError

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RUSSIAN = "Совет одобрил строительство нового моста в понедельник. Мост обойдётся в 40 миллионов долларов.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def one_error_line(err: str) -> str:
    assert err.startswith("compare: error: ") and err.count("\n") == 1, err
    return err


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(STORY_A, encoding="utf-8")
    return path


# --- encodings --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [STORY_B, RUSSIAN], ids=["english", "russian"])
def test_utf16le_without_bom_is_decoded_not_read_as_utf8_with_nuls(
    text: str, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "b.txt"
    other.write_bytes(text.encode("utf-16-le"))
    out = tmp_path / "out"
    code, err = run(
        ["report", str(story), str(other), "-o", str(out), "--format", "json", "--embedder", "lexical"],
        capsys,
    )
    assert code == 0, err
    assert f"compare: note: {other}: assumed utf-16-le (no byte-order mark)" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    texts = {doc["id"]: doc["text"] for doc in report["documents"]}
    assert texts["b"] == text and "\x00" not in json.dumps(report, ensure_ascii=False)


def test_nul_bytes_in_utf8_are_refused(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "b.txt"
    other.write_bytes(STORY_B.encode() * 800 + b"\x00" + STORY_B.encode())  # past the first 64 kB sniffed
    code, err = run(["report", str(story), str(other), "-o", str(tmp_path / "out")], capsys)
    assert code == InputError.exit_code
    assert f"{other}: contains NUL bytes" in one_error_line(err)
    assert not (tmp_path / "out").exists()


# --- command line slips -----------------------------------------------------------------------------


def test_forgotten_command_suggests_compare_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["a.txt", "b.txt"], capsys)
    assert code == 2
    assert one_error_line(err) == (
        "compare: error: unknown command 'a.txt'; to compare reports run: compare report a.txt b.txt\n"
    )


def test_bad_option_is_one_line(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["report", str(story), "--page-size", "A3"], capsys)
    assert code == 2
    assert "argument --page-size: invalid choice: 'A3'" in one_error_line(err)


def test_a_url_keeps_both_slashes_and_is_fetched_not_opened(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "http://127.0.0.1:9/story.html"  # the discard port: nothing listens on loopback there
    code, err = run(["report", str(story), url, "-o", str(tmp_path / "out")], capsys)
    assert code == InputError.exit_code
    assert one_error_line(err).startswith(f"compare: error: {url}: cannot fetch: ")
    assert "no such file" not in err


def test_other_url_schemes_are_refused(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["report", str(story), "ftp://127.0.0.1/story.txt"], capsys)
    assert code == InputError.exit_code
    assert "only http and https pages are fetched, not ftp:" in one_error_line(err)


def test_a_fifo_is_named_as_such(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, err = run(["report", str(story), str(fifo), "-o", str(tmp_path / "out")], capsys)
    assert code == InputError.exit_code
    assert one_error_line(err) == (
        f"compare: error: {fifo}: is a named pipe, not a regular file; save the article to a file first\n"
    )


def test_dev_zero_is_named_as_a_device(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(["report", str(story), "/dev/zero", "-o", str(tmp_path / "out")], capsys)
    assert code == InputError.exit_code
    assert "/dev/zero: is a device, not a regular file" in one_error_line(err)


def test_the_same_file_twice_says_so_without_suggesting_meta(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    for second in (story, link):
        code, err = run(["report", str(story), str(second), "-o", str(tmp_path / "out")], capsys)
        assert code == InputError.exit_code
        assert "the same file was given twice" in one_error_line(err) and "--meta" not in err


def test_seeds_star_pairs_the_sidecars(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(path) for path in SEEDS.iterdir())
    assert any(name.endswith(".meta.yaml") for name in files)
    out = tmp_path / "out"
    code, err = run(
        ["report", *files, "-o", str(out), "--format", "json", "--embedder", "lexical", "--quiet"], capsys
    )
    assert code == 0, err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(doc["id"] for doc in report["documents"]) == ["defense-express", "nhu-tam"]


def test_a_sidecar_without_its_report_says_which_file_to_give(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sidecar = tmp_path / "b.meta.yaml"
    sidecar.write_text("outlet: BBC\n", encoding="utf-8")
    code, err = run(["report", str(story), str(sidecar)], capsys)
    assert code == InputError.exit_code
    assert f"{sidecar}: is a metadata sidecar; give its report file (b.txt, .md or .html)" in one_error_line(
        err
    )
