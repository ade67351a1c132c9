"""Write reports so that a reader never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from compare.errors import OutputError


def check_output_folder(folder: Path) -> Path:
    """Refuse, before any work, a folder reports cannot go to; creates nothing."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: output path is an existing file, expected a folder")
    existing = folder if folder.exists() else folder.parent
    if not existing.is_dir():
        raise OutputError(f"{folder}: output folder's parent {folder.parent} does not exist")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"{existing}: output folder is not writable")
    return folder


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename."""
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


def write_reports(folder: Path, rendered: Mapping[str, bytes]) -> list[Path]:
    """Write already-rendered reports (file name -> bytes) into folder, each atomically.

    The folder itself is created here, after rendering succeeded, if only its last level is missing.
    """
    check_output_folder(folder)
    if not folder.exists():
        try:
            folder.mkdir()
        except OSError as error:
            raise OutputError(f"{folder}: cannot create output folder: {error.strerror or error}") from None
    for name in rendered:
        target = folder / name
        if target.exists() and not target.is_file():
            raise OutputError(f"{target}: exists and is not a file")
    written = []
    for name, data in rendered.items():
        target = folder / name
        write_atomic(target, data)
        written.append(target)
    return written
