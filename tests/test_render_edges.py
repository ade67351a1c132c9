"""Odd but possible inputs still render every format: nothing to compare, dangling ids, huge names."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from fixtures_comparison import small_comparison

from compare.model import Comparison, Document, Finding, FindingType, Severity
from compare.render import FORMATS, render
from compare.render.pdf import weasyprint_warnings

EMPTY = Comparison(
    documents=(), statements=(), facts=(), claims=(), findings=(), generated="2026-01-01T00:00:00Z"
)
BLANK_DOC = Comparison(
    documents=(Document(id="x", text=""),),
    statements=(),
    facts=(),
    claims=(),
    findings=(),
    generated="not a date",
)


def _long_names() -> Comparison:
    comparison = small_comparison()
    documents = tuple(
        replace(d, title="Very long title " * 40, outlet="O" * 300) for d in comparison.documents
    )
    dangling = Finding(
        "f9", FindingType.INTERNAL, Severity.MEDIUM, "no-such-claim", ("no-such-statement",), "dangling"
    )
    return replace(comparison, documents=documents, findings=(*comparison.findings, dangling))


@pytest.mark.slow
@pytest.mark.parametrize("comparison", [EMPTY, BLANK_DOC, _long_names()], ids=["empty", "blank", "long"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_renders_without_error_or_warning(comparison: Comparison, fmt: str) -> None:
    with weasyprint_warnings() as warnings:
        data = render(comparison, fmt)
    assert data and warnings == []


@pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="poppler not installed: apt-get install -y poppler-utils"
)
def test_running_header_stays_one_line(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(render(_long_names(), "pdf"))
    page_two = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    first_line = page_two.lstrip().splitlines()[0]
    assert first_line.startswith("Very long title") and first_line.endswith("…") and len(first_line) < 100
