"""Write a report set so that a reader only ever sees one complete set: the old one or the new one.

The files go into a fresh hidden sibling of the output folder, are flushed to disk, and that folder is
then swapped with the output folder in one step (renameat2 RENAME_EXCHANGE; where the file system lacks
it, two renames, so a reader may briefly find no folder but never a mixed one). A run killed at any
point leaves its hidden sibling behind; the next run into that folder removes it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from compare.errors import OutputError

__all__ = [
    "FORMAT_FILES",
    "MARKER",
    "REPORT_FILES",
    "check_output_folder",
    "commit_lock",
    "write_atomic",
    "write_reports",
]

FORMAT_FILES = {"json": "report.json", "html": "report.html", "pdf": "report.pdf", "md": "report.md"}
REPORT_FILES = tuple(FORMAT_FILES.values())
# An empty file that marks a folder as one compare wrote: its report files are not articles to read.
MARKER = ".compare-report"
# Temporary files that versions before the folder swap left behind when killed mid-write.
_OLD_TEMPORARY = re.compile(r"^\.report\.(?:json|html|pdf|md)\..*\.tmp$")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100

# Held while the new set is swapped in: an interrupt waits for it, so a folder is never left half-swapped.
commit_lock = threading.Lock()


def check_output_folder(folder: Path, *, parents: bool = False) -> Path:
    """Refuse, before any work, a folder a report set cannot be swapped into; creates nothing.

    With `parents`, missing folders above it are fine (write_reports creates them).
    """
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: output path is an existing file, expected a folder")
    real = folder.resolve()
    if parents:
        above = next((p for p in real.parents if p.exists()), real.parent)
        if not above.is_dir():
            raise OutputError(f"{folder}: {above} is not a folder")
        if not real.parent.exists():
            if not os.access(above, os.W_OK | os.X_OK):
                raise OutputError(f"{above}: not writable; cannot create {folder}")
            return folder
    if not real.parent.is_dir():
        raise OutputError(f"{folder}: output folder's parent {folder.parent} does not exist")
    if real.exists():
        foreign = sorted(name for name in _entries(real) if not _is_ours(name))
        if foreign:
            shown = ", ".join(foreign[:4]) + (", …" if len(foreign) > 4 else "")
            raise OutputError(
                f"{folder}: holds files that are not a report ({shown}); a report set replaces its whole "
                f"folder, so give -o a new folder or one that only holds a report, e.g. {folder / 'report'}"
            )
        for name in REPORT_FILES:
            if (real / name).exists() and not (real / name).is_file():
                raise OutputError(f"{folder / name}: exists and is not a file")
        if os.path.ismount(real):
            raise OutputError(f"{folder}: is a mount point; give -o a folder inside it")
    if not os.access(real.parent, os.W_OK | os.X_OK):
        raise OutputError(
            f"{real.parent}: not writable; the report set is written beside {folder.name} and swapped in"
        )
    return folder


def write_reports(
    folder: Path, rendered: Mapping[str, bytes], *, parents: bool = False, marker: bytes = b""
) -> list[Path]:
    """Replace the report set in folder with already-rendered files (name -> bytes), all or nothing.

    Formats not in `rendered` do not survive from the previous run: they would describe another story.
    With `parents`, missing folders above `folder` are created. `marker` is the content of the marker
    file (a batch keeps what the story was made from there).
    """
    check_output_folder(folder, parents=parents)
    real = folder.resolve()
    if parents:
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{folder.parent}: cannot create: {error.strerror or error}") from None
    remove_stale(real)
    try:
        staging = Path(tempfile.mkdtemp(dir=real.parent, prefix=f"{_staging_prefix(real)}{os.getpid()}-"))
    except OSError as error:
        raise OutputError(f"{real.parent}: cannot write here: {error.strerror or error}") from None
    try:
        for name, data in rendered.items():
            _write_file(staging / name, data)
        _write_file(staging / MARKER, marker)
        os.chmod(staging, 0o755)
        _fsync_folder(staging)
        with commit_lock:
            _swap(staging, real)
            _fsync_folder(real.parent)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{folder}: cannot write the report: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # after a swap: the previous set
    return [folder / name for name in rendered]


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file through a temporary file in the same folder and a rename."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{path.parent}: cannot write here: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale(folder: Path) -> list[Path]:
    """Remove hidden siblings of folder left by runs that were killed (their process is gone)."""
    removed = []
    pattern = re.compile(re.escape(_staging_prefix(folder)) + r"(\d+)-")
    for entry in _entries(folder.parent):
        match = pattern.match(entry)
        path = folder.parent / entry
        if match and path.is_dir() and not path.is_symlink() and not _alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _staging_prefix(folder: Path) -> str:
    return f".{folder.name}.compare-"


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o644)


def _swap(staging: Path, target: Path) -> None:
    """Put staging at target; afterwards the previous target (if any) is at staging."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        return
    aside = staging.with_name(staging.name + "-old")
    os.rename(target, aside)
    try:
        os.rename(staging, target)
    except OSError:
        os.rename(aside, target)
        raise
    os.rename(aside, staging)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system or file system lacks it."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code))


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _is_ours(name: str) -> bool:
    return name in REPORT_FILES or name == MARKER or bool(_OLD_TEMPORARY.match(name))


def _entries(folder: Path) -> Iterable[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
