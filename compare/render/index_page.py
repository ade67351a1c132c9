"""The batch index as one self-contained HTML page (inline CSS, no script, no network)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compare.render.env import html_environment

__all__ = ["render_index"]

TEMPLATE = "batch_index.html.j2"


def render_index(index: Mapping[str, Any]) -> bytes:
    """index.html for the content of index.json (compare.batching.index.build_index)."""
    page = html_environment().get_template(TEMPLATE).render(index=index)
    return page.encode("utf-8")
