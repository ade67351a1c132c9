"""Ctrl-C at any moment stops the command: one line, exit 130, report intact.

The issue saw "terminate called without an active exception" (exit 134) in 5 of 12 tries: Python
unwinding while onnxruntime's C++ threads ran. So this runs the real command with the default model,
signals it at moments spread over the whole run, and checks every try.

Moments are counted from the one the command takes signals over (its signal mask, read from /proc),
not from the start of the process: the interpreter's own start-up comes before any of our code, and
on a busy machine it can take longer than any fixed delay. So no try depends on the machine's speed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
PREVIOUS = {".compare-report": b"", "report.json": b'{"previous": true}\n', "report.md": b"previous\n"}


pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads signal masks from /proc"
)

# Bounds a hung command, not a speed: far above what the run takes on any machine.
HANG_S = 120.0


def start(out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "compare", "report", str(SEEDS), "-o", str(out), "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    wait_until_guarded(process)
    return process


def blocked_signals(pid: int) -> int | None:
    """The signal mask of the process's main thread (SigBlk in /proc), or None once it has ended."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("SigBlk:"):
            return int(line.split()[1], 16)
    return None


def wait_until_guarded(process: subprocess.Popen[bytes]) -> None:
    """Return once the command blocks SIGINT and SIGTERM (or has already ended)."""
    wanted = (1 << (signal.SIGINT - 1)) | (1 << (signal.SIGTERM - 1))
    deadline = time.monotonic() + HANG_S
    while process.poll() is None and time.monotonic() < deadline:
        mask = blocked_signals(process.pid)
        if mask is not None and mask & wanted == wanted:
            return
        time.sleep(0.002)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.1, 0.3, 0.8, 1.3, 1.8, 2.3, 2.8, 3.3, 3.8, 4.2])
@pytest.mark.parametrize("signum", [signal.SIGINT])
def test_ctrl_c_at_any_moment(delay: float, signum: signal.Signals, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name, data in PREVIOUS.items():
        (out / name).write_bytes(data)
    process = start(out)
    time.sleep(delay)
    process.send_signal(signum)
    try:
        _, err = process.communicate(timeout=HANG_S)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"still running {HANG_S:.0f} s after Ctrl-C")
    state = {path.name: path.read_bytes() for path in out.iterdir()}
    if process.returncode == 0:  # finished before the signal arrived: a complete new set
        assert set(state) == {".compare-report", "report.json", "report.html", "report.pdf", "report.md"}
        return
    text = err.decode("utf-8", "replace")
    assert process.returncode == 130, text
    assert text == "compare: interrupted; the previous report is unchanged\n"
    assert state == PREVIOUS
    assert sorted(os.listdir(tmp_path)) == ["out"] or all(
        name.startswith(".out.compare-") for name in os.listdir(tmp_path) if name != "out"
    )


def test_sigterm_stops_with_its_own_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = start(out)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=HANG_S)
    if process.returncode != 0:
        assert process.returncode == 143
        assert err == b"compare: terminated; the previous report is unchanged\n"
        assert not out.exists()


def test_signals_are_taken_before_the_pipeline_is_imported() -> None:
    """The console script's first imports are the signal watcher's: nothing heavy comes before it."""
    probe = (
        "import sys, compare.console; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'compare', 'spacy', 'onnxruntime', 'lxml', 'numpy', 'weasyprint', 'yaml', 'httpx'})))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.split() == [
        "compare",
        "compare.console",
        "compare.errors",
        "compare.interrupt",
        "compare.output",
    ]
