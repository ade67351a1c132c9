"""The JSON report: Comparison.to_dict() exactly, pretty-printed, UTF-8."""

from __future__ import annotations

import json
from typing import Any

from compare.model import Comparison


def render_json(comparison: Comparison, view: Any = None) -> bytes:
    """The JSON report as UTF-8 bytes ending in a newline (`view` is unused: JSON is the model itself)."""
    text = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2, sort_keys=False)
    return (text + "\n").encode("utf-8")
