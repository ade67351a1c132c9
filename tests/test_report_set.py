"""A reader only ever sees one complete report set: the previous one or the new one, never a mix.

The cases the issue reproduced: the disk filling up half way (a real, small tmpfs), the process killed
between two files, temporaries of killed runs that later runs never cleaned, and a run writing into
its own input folder (whose report a later run read back as a third outlet).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_comparison import STORY_A, STORY_B

from compare.cli import main
from compare.errors import InputError, OutputError

MARKER = ".compare-report"  # compare.output.MARKER
PREVIOUS = {
    MARKER: b"",
    "report.json": b'{"previous": true}\n',
    "report.html": b"<p>previous</p>\n",
    "report.pdf": b"%PDF-previous\n",
    "report.md": b"previous\n",
}
REPO = Path(__file__).resolve().parent.parent


def folder_state(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def make_previous(folder: Path) -> Path:
    folder.mkdir()
    for name, data in PREVIOUS.items():
        (folder / name).write_bytes(data)
    return folder


def make_inputs(folder: Path) -> list[str]:
    folder.mkdir(exist_ok=True)
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text(STORY_B, encoding="utf-8")
    return [str(a), str(b)]


def cli(inputs: list[str], out: Path, *extra: str) -> int:
    return main(["report", *inputs, "-o", str(out), "--embedder", "lexical", "--quiet", *extra])


def is_complete_new_set(state: dict[str, bytes], formats: tuple[str, ...]) -> bool:
    expected = {MARKER, *(f"report.{fmt}" for fmt in formats)}
    return set(state) == expected and all(
        state[f"report.{fmt}"] != PREVIOUS.get(f"report.{fmt}") for fmt in formats
    )


# --- disk full, on a real file system -------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 kB tmpfs: room for the previous report set, not for a new one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(mount)], capture_output=True, check=False
        )
    except OSError:
        pytest.skip("no mount command here")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_disk_full_leaves_the_previous_set_and_no_temporaries(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = make_previous(small_disk / "out")
    inputs = make_inputs(tmp_path / "in")
    code = cli(inputs, out, "--format", "json,html,md")
    err = capsys.readouterr().err
    assert folder_state(out) == PREVIOUS, "a new report.json beside the previous HTML/PDF/Markdown"
    assert sorted(os.listdir(small_disk)) == ["out"], "temporaries left on the full disk"
    assert code == OutputError.exit_code
    assert err.startswith(f"compare: error: {out}: cannot write the report: No space left on device")
    assert err.count("\n") == 1


# --- killed between two files ---------------------------------------------------------------------

# Runs the CLI and SIGKILLs itself at the n-th fsync: after n-1 report files are whole on disk.
_KILL_AT_FSYNC = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {repo!r})
    real_fsync, calls = os.fsync, [0]
    def fsync(fd):
        real_fsync(fd)
        calls[0] += 1
        if calls[0] == {n}:
            os.kill(os.getpid(), signal.SIGKILL)
    os.fsync = fsync
    from compare.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_kill_9_during_the_writes_leaves_one_complete_set(n: int, tmp_path: Path) -> None:
    out = make_previous(tmp_path / "out")
    inputs = make_inputs(tmp_path / "in")
    argv = ["report", *inputs, "-o", str(out), "--format", "json,html,md", "--embedder", "lexical", "--quiet"]
    done = subprocess.run(
        [sys.executable, "-c", _KILL_AT_FSYNC.format(repo=str(REPO), n=n), *argv],
        capture_output=True,
        check=False,
        timeout=120,
    )
    state = folder_state(out)
    assert done.returncode in (-signal.SIGKILL, 0), done.stderr
    assert state == PREVIOUS or is_complete_new_set(state, ("json", "html", "md")), sorted(state)

    # The next run cleans what the killed one left and swaps in its own complete set.
    assert cli(inputs, out, "--format", "json,md") == 0
    assert is_complete_new_set(folder_state(out), ("json", "md"))
    assert sorted(os.listdir(tmp_path)) == ["in", "out"], "a killed run's temporaries were never cleaned"


def test_stale_temporaries_are_cleaned_and_live_ones_kept(tmp_path: Path) -> None:
    out = make_previous(tmp_path / "out")
    (out / ".report.html.k2j3h4.tmp").write_bytes(b"half an old report")  # left by older versions
    dead = tmp_path / ".out.compare-999999999-abc"  # a killed run's staging folder: no such process
    dead.mkdir()
    (dead / "report.json").write_bytes(b"{")
    live = tmp_path / f".out.compare-{os.getppid()}-def"  # a run still going: not ours to remove
    live.mkdir()
    inputs = make_inputs(tmp_path / "in")
    assert cli(inputs, out, "--format", "json") == 0
    assert sorted(os.listdir(out)) == [MARKER, "report.json"]
    assert sorted(os.listdir(tmp_path)) == sorted(["in", "out", live.name])


# --- the output folder is the report set's own --------------------------------------------------


def test_output_into_the_input_folder_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stories"
    inputs = make_inputs(folder)
    code = cli(inputs, folder)
    err = capsys.readouterr().err
    assert code == OutputError.exit_code
    assert err == (
        f"compare: error: {folder}: holds files that are not a report (a.txt, b.txt); a report set "
        f"replaces its whole folder, so give -o a new folder or one that only holds a report, "
        f"e.g. {folder / 'report'}\n"
    )
    assert sorted(os.listdir(folder)) == ["a.txt", "b.txt"]


def test_a_report_folder_is_never_read_as_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stories"
    make_inputs(folder)
    report = folder / "report"
    assert cli([str(folder)], report, "--format", "json,md,html") == 0
    assert cli([str(folder)], report, "--format", "json,md,html") == 0  # again: still two outlets
    capsys.readouterr()
    assert (
        main(["report", str(folder), str(report), "-o", str(tmp_path / "o"), "--quiet"])
        == InputError.exit_code
    )
    assert (
        capsys.readouterr().err
        == f"compare: error: {report}: holds a report written by compare, not articles\n"
    )
    code = main(["report", str(folder / "a.txt"), str(report / "report.md"), "-o", str(tmp_path / "o")])
    assert code == InputError.exit_code
    assert "report.md: is a report written by compare, not an article" in capsys.readouterr().err
