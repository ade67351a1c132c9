"""Finds the report templates: inside the installed package first, else the source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from compare.errors import RenderError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # compare/
_MARKER = "report.html.j2"


@cache
def templates_dir() -> Path:
    """The folder holding the templates: compare/templates in a wheel, <repo>/templates in a checkout."""
    for candidate in (_PACKAGE_DIR / "templates", _PACKAGE_DIR.parent / "templates"):
        if (candidate / _MARKER).is_file():
            return candidate
    raise RenderError(f"report templates not found (looked for {_MARKER} under {_PACKAGE_DIR})")


def read_asset(name: str) -> str:
    """The text of one template-folder asset (CSS, JS), read as UTF-8."""
    path = (templates_dir() / name).resolve()
    if templates_dir() not in path.parents:
        raise RenderError(f"asset outside the templates folder: {name}")
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RenderError(f"cannot read report asset {name}: {exc.strerror}") from exc
