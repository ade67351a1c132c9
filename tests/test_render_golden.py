"""Golden files for the HTML, Markdown and JSON reports of a hand-made comparison.

Update after a deliberate change, then review the diff:
    COMPARE_UPDATE_GOLDENS=1 python -m pytest tests/test_render_golden.py && git diff tests/golden
"""

from __future__ import annotations

import pytest
from fixtures_comparison import assert_golden, small_comparison

from compare.render import render

NOTES = "Checked with the **Pentagon** press office.\n\n- call back Monday\n"


@pytest.mark.parametrize(
    ("fmt", "name"), [("html", "small.html"), ("md", "small.md"), ("json", "small.json")]
)
def test_matches_golden(fmt: str, name: str) -> None:
    assert_golden(name, render(small_comparison(notes=NOTES), fmt))


@pytest.mark.parametrize("fmt", ["html", "md", "json"])
def test_output_is_deterministic(fmt: str) -> None:
    assert render(small_comparison(notes=NOTES), fmt) == render(small_comparison(notes=NOTES), fmt)
