"""Stop the command at once on Ctrl-C or SIGTERM: one line, exit 130 (or 143), previous report intact.

A KeyboardInterrupt only reaches Python between bytecodes, so it waits for a long onnxruntime or spaCy
call to return, and unwinding while their C++ worker threads run can abort the process ("terminate
called without an active exception", exit 134). Instead the signals are blocked in every thread
(threads inherit the mask, so this must start before any other thread) and one watcher thread takes
them with sigwait, waits for a report swap in progress (compare.output.commit_lock), prints the line
and ends the process without unwinding. The report set is swapped in as a whole, so what is on disk is
always the previous set or the new one.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from compare.output import commit_lock

__all__ = ["exit_on_signals", "say_on_signal"]

_MESSAGES = {
    signal.SIGINT: ("interrupted; the previous report is unchanged", 130),
    signal.SIGTERM: ("terminated; the previous report is unchanged", 143),
}


def say_on_signal(interrupted: str, terminated: str) -> None:
    """What the line printed on Ctrl-C and on SIGTERM says (a batch keeps its finished stories)."""
    _MESSAGES[signal.SIGINT] = (interrupted, 130)
    _MESSAGES[signal.SIGTERM] = (terminated, 143)


# Longest wait for a report swap in progress before exiting anyway (a swap is two renames).
_COMMIT_WAIT_S = 5.0


# Set once the command's work is done: a signal that comes while Python shuts down is then ignored.
_finished = threading.Event()


@contextmanager
def exit_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM end the process promptly; call from the main thread only.

    The signals stay blocked after the block, until the process exits: restored, one arriving during
    Python's shutdown would kill the process with the report already written (exit -2 instead of 0).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signals = set(_MESSAGES)
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    watcher = threading.Thread(target=_watch, args=(signals,), name="compare-signals", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        _finished.set()


def _watch(signals: set[signal.Signals]) -> None:
    while True:
        signum = signal.Signals(signal.sigwait(signals))
        if not _finished.is_set():
            _exit(signum)


def _stop_children() -> None:
    """End every process this one started, and theirs (the PDF layout child, a batch's workers, a Dask
    cluster's nannies and their workers): they inherited the blocked signals, or would outlive us.
    """
    children: dict[str, list[str]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if len(fields) > 1:
            children.setdefault(fields[1], []).append(entry)
    found, pending = [], list(children.get(str(os.getpid()), []))
    while pending:  # the whole tree below this process, parents before their children
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, []))
    for pid in found:
        with suppress(OSError):
            os.kill(int(pid), signal.SIGKILL)


def _exit(signum: signal.Signals) -> None:
    message, code = _MESSAGES.get(signum, ("stopped by a signal", 128 + int(signum)))
    commit_lock.acquire(timeout=_COMMIT_WAIT_S)
    try:
        _stop_children()
        if sys.stderr.isatty():
            sys.stderr.write("\r\x1b[K")  # clear a progress line
        sys.stderr.write(f"compare: {message}\n")
        sys.stderr.flush()
    finally:
        os._exit(code)
