"""A failed run never damages the previous report: files are written whole, via a temp file and a rename."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

import pytest
from fixtures_comparison import STORY_A, STORY_B

from compare import output
from compare.cli import main
from compare.errors import OutputError, RenderError
from compare.output import MARKER, write_atomic

PREVIOUS = {
    "report.json": b'{"previous": true}\n',
    "report.html": b"<p>previous</p>\n",
    "report.pdf": b"%PDF-previous\n",
    "report.md": b"previous\n",
}


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text(STORY_B, encoding="utf-8")
    return [str(a), str(b)]


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An output folder holding last run's complete report."""
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in PREVIOUS.items():
        (folder / name).write_bytes(data)
    return folder


def folder_state(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def cli(inputs: list[str], folder: Path, *extra: str) -> int:
    return main(["report", *inputs, "-o", str(folder), "--embedder", "lexical", "--quiet", *extra])


_RENDERERS = {  # format -> (module, functions that produce its bytes)
    "json": ("compare.render.json_report", ("render_json",)),
    "html": ("compare.render.html", ("render_html",)),
    "md": ("compare.render.markdown_note", ("render_markdown",)),
    "pdf": ("compare.render.pdf", ("render_pdf", "collect_pdf")),  # in this process, or from its child
}


def fail_rendering(monkeypatch: pytest.MonkeyPatch, fmt: str, error: BaseException) -> None:
    """Make the renderer of one format raise `error` when it is called."""

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise error

    module_name, functions = _RENDERERS[fmt]
    module = importlib.import_module(module_name)
    for function in functions:
        monkeypatch.setattr(module, function, broken)


@pytest.mark.parametrize("fail_on", ["json", "html", "pdf", "md"])
def test_render_failure_leaves_the_previous_report_intact(
    fail_on: str,
    inputs: list[str],
    previous: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fail_rendering(monkeypatch, fail_on, RenderError(f"{fail_on} broke"))
    code = cli(inputs, previous, "--format", "json,html,md" if fail_on != "pdf" else "json,html,pdf,md")
    assert code == RenderError.exit_code
    assert capsys.readouterr().err == f"compare: error: {fail_on} broke\n"
    assert folder_state(previous) == PREVIOUS


def test_unexpected_crash_mid_render_leaves_the_previous_report_intact(
    inputs: list[str], previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_rendering(monkeypatch, "md", KeyboardInterrupt())
    assert cli(inputs, previous, "--format", "json,html,md") == 130
    assert folder_state(previous) == PREVIOUS


def test_failure_while_writing_one_file_keeps_the_whole_previous_set(
    inputs: list[str], previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_fsync = os.fsync
    calls = {"n": 0}

    def flaky_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second report file: disk full half way through
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(output.os, "fsync", flaky_fsync)
    code = cli(inputs, previous, "--format", "json,md")
    assert code == OutputError.exit_code
    err = capsys.readouterr().err
    assert err.startswith("compare: error: ") and "No space left on device" in err and err.count("\n") == 1
    assert folder_state(previous) == PREVIOUS, "the previous set was touched (a new report.json beside it?)"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["a.txt", "b.txt", "out"], "temporaries left"


def test_success_replaces_the_whole_set_and_leaves_no_temporary_files(
    inputs: list[str], previous: Path
) -> None:
    assert cli(inputs, previous, "--format", "json,html,md") == 0
    state = folder_state(previous)
    # The previous PDF described another run: it goes with the rest of that set.
    assert set(state) == {MARKER, "report.json", "report.html", "report.md"}
    assert state["report.json"].startswith(b"{") and state["report.json"] != PREVIOUS["report.json"]
    assert state["report.html"] != PREVIOUS["report.html"] and state["report.md"] != PREVIOUS["report.md"]
    assert sorted(p.name for p in previous.parent.iterdir()) == ["a.txt", "b.txt", "out"]


def test_stdout_gets_nothing_when_rendering_fails(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fail_rendering(monkeypatch, "md", RenderError("md broke"))
    code = main(["report", *inputs, "-o", "-", "--format", "md", "--embedder", "lexical", "--quiet"])
    captured = capsys.readouterr()
    assert code == RenderError.exit_code
    assert captured.out == ""


# --- write_atomic itself ---------------------------------------------------------------------------------


def test_write_atomic_readers_see_old_or_new_never_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old")
    real_replace = os.replace
    seen: list[bytes] = []

    def replace(src: str, dst: Path) -> None:
        seen.append(Path(dst).read_bytes())  # what a reader sees just before the switch
        assert Path(src).read_bytes() == b"new" * 1000  # the temporary file is complete
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", replace)
    write_atomic(target, b"new" * 1000)
    assert seen == [b"old"]
    assert target.read_bytes() == b"new" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize("error", [OSError(5, "Input/output error"), KeyboardInterrupt()])
def test_write_atomic_failure_keeps_old_file_and_removes_temporary(
    error: BaseException, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise error

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    expected = OutputError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_atomic_into_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write here"):
        write_atomic(tmp_path / "missing" / "report.md", b"x")


def test_written_report_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, b"x")
    assert target.stat().st_mode & 0o777 == 0o644
