"""Progress reporting for long runs: a one-line bar on a terminal's stderr, silence everywhere else."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from typing import Protocol, TextIO

__all__ = ["NullProgress", "Progress", "TerminalProgress", "make_progress"]

# Redraw at most this often (seconds); stage starts and ends are always drawn.
_REDRAW_INTERVAL = 0.1
_BAR_WIDTH = 24


class Progress(Protocol):
    """Receives stage starts and step counts from the pipeline."""

    def stage(self, name: str, total: int) -> None:
        """Start a stage of `total` steps (0 when the count is not known)."""

    def advance(self, n: int = 1) -> None:
        """Record `n` more steps of the current stage as done."""

    def close(self) -> None:
        """End reporting; the display is left clean."""


class NullProgress:
    """Reports nothing: for --quiet, pipes, files and tests."""

    def stage(self, name: str, total: int) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None

    def close(self) -> None:
        return None


class TerminalProgress:
    """Draws `stage [#####-----] done/total elapsed` on one line of a terminal, redrawn in place."""

    def __init__(
        self,
        stream: TextIO,
        *,
        clock: Callable[[], float] = time.monotonic,
        width: int | None = None,
    ) -> None:
        self._stream = stream
        self._clock = clock
        self._width = width
        self._name = ""
        self._total = 0
        self._done = 0
        self._started = 0.0
        self._drawn_at: float | None = None
        self._shown = False
        self._closed = False

    def stage(self, name: str, total: int) -> None:
        if self._closed:
            return
        self._name = name
        self._total = max(0, total)
        self._done = 0
        self._started = self._clock()
        self._draw(force=True)

    def advance(self, n: int = 1) -> None:
        if self._closed or not self._name:
            return
        self._done += n
        finished = self._total > 0 and self._done >= self._total
        self._draw(force=finished)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()

    def line(self) -> str:
        """The text the bar shows now, without terminal control characters."""
        elapsed = self._clock() - self._started
        if self._total > 0:
            done = min(self._done, self._total)
            filled = _BAR_WIDTH * done // self._total
            bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
            text = f"{self._name} [{bar}] {done}/{self._total} {elapsed:.1f}s"
        else:
            text = f"{self._name} {self._done} {elapsed:.1f}s"
        width = self._width or shutil.get_terminal_size((80, 24)).columns
        return text[: max(1, width - 1)]

    def _draw(self, *, force: bool) -> None:
        now = self._clock()
        if not force and self._drawn_at is not None and now - self._drawn_at < _REDRAW_INTERVAL:
            return
        self._drawn_at = now
        self._stream.write("\r\x1b[K" + self.line())
        self._stream.flush()
        self._shown = True


def make_progress(*, quiet: bool = False, stream: TextIO | None = None) -> Progress:
    """A terminal bar on `stream` (stderr by default) when it is a TTY and not quiet, else silence."""
    target = sys.stderr if stream is None else stream
    if quiet or not _is_tty(target):
        return NullProgress()
    return TerminalProgress(target)


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # detached or closed streams
        return False
