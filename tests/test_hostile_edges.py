"""Hostile input at the edges (issue #24): deep nesting, a closed or full stdout, odd charsets, huge files.

Each failure is one `compare: error:` line and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare.cli import EXIT_BROKEN_PIPE, main
from compare.errors import InputError
from compare.limits import MAX_NESTING_DEPTH

ROOT = Path(__file__).resolve().parent.parent
STORY_A = "The city council approved the new bridge on Monday. It will cost 40 million dollars.\n"
STORY_B = "On Monday the council voted for the bridge. Officials put the cost at 45 million dollars.\n"
FAST = ["--embedder", "lexical", "--judge", "rules"]


@pytest.fixture
def stories(tmp_path: Path) -> list[str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text(STORY_B, encoding="utf-8")
    return [str(a), str(b)]


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("compare: error: "), err
    assert "Traceback" not in err
    return lines[0]


def test_deeply_nested_decisions_json_is_one_line(
    stories: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    depth = 200_000  # far past any recursion limit
    nested = "[" * depth + "]" * depth
    deep.write_text(f'{{"format": "compare-decisions", "version": 1, "report": {nested}, "decisions": []}}')
    code = main(["report", *stories, *FAST, "--decisions", str(deep), "-o", "-", "-f", "json"])
    captured = capsys.readouterr()
    assert code == InputError.exit_code
    assert "nested too deeply" in _one_error_line(captured.err)
    assert captured.out == ""


@pytest.mark.parametrize("depth", [MAX_NESTING_DEPTH + 1, 5_000])
def test_deeply_nested_front_matter_is_one_line(
    depth: int, stories: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "c.md"
    page.write_text("---\ntitle: " + "[" * depth + "]" * depth + "\n---\nThe council met on Monday.\n")
    code = main(["report", stories[0], str(page), *FAST, "-o", "-", "-f", "json"])
    captured = capsys.readouterr()
    assert code == InputError.exit_code
    line = _one_error_line(captured.err)
    assert "nested" in line and "c.md" in line


def test_front_matter_within_the_depth_limit_is_read(tmp_path: Path) -> None:
    from compare.metadata import parse_yaml

    nested = "[" * (MAX_NESTING_DEPTH - 2) + "]" * (MAX_NESTING_DEPTH - 2)
    assert parse_yaml(f"title: {nested}\n", where="x") == {"title": json.loads(nested)}


def _run_cli(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], env=env, stderr=subprocess.PIPE, timeout=300, **kwargs
    )


def test_a_reader_that_went_away_ends_quietly(stories: list[str]) -> None:
    """`compare report … -o - | head -c 10`: the pipe's reader is gone before the report is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _run_cli(["report", *stories, *FAST, "-o", "-", "-f", "md"], stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == EXIT_BROKEN_PIPE
    assert result.stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stdout_is_one_line(stories: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = _run_cli(["report", *stories, *FAST, "-o", "-", "-f", "md"], stdout=full)
    assert result.returncode != 0
    line = _one_error_line(result.stderr.decode())
    assert "stdout" in line and "No space left" in line


def test_a_notes_file_over_its_limit_is_refused(
    stories: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.limits import MAX_NOTES_BYTES

    notes = tmp_path / "notes.md"
    notes.write_bytes(b"an editor's note. " * (MAX_NOTES_BYTES // 10))
    code = main(["report", *stories, *FAST, "--notes", str(notes), "-o", "-", "-f", "json"])
    captured = capsys.readouterr()
    assert code == InputError.exit_code
    assert "notes file is over the limit of 200 kB" in _one_error_line(captured.err)


def test_a_decisions_file_of_too_many_entries_is_refused(
    stories: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.limits import MAX_DECISIONS

    entries = [{"finding": f"f-{index:010x}", "status": "open"} for index in range(MAX_DECISIONS + 1)]
    path = tmp_path / "review.json"
    path.write_text(json.dumps({"format": "compare-decisions", "version": 1, "decisions": entries}))
    code = main(["report", *stories, *FAST, "--decisions", str(path), "-o", "-", "-f", "json"])
    captured = capsys.readouterr()
    assert code == InputError.exit_code
    assert "10,001 decisions, over the limit of 10,000" in _one_error_line(captured.err)


def test_a_decisions_file_over_its_byte_limit_is_refused_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare import review

    monkeypatch.setattr(review, "MAX_DECISIONS_BYTES", 1_000)
    path = tmp_path / "review.json"
    path.write_text(
        json.dumps({"format": "compare-decisions", "version": 1, "decisions": [], "x": " " * 2_000})
    )
    with pytest.raises(InputError, match="over the limit of 1 kB"):
        review.load_decisions(path)
