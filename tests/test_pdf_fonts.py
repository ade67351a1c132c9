"""The PDF is byte-identical across runs and warns about nothing, with or without libharfbuzz-subset0.

Without HarfBuzz-Subset, WeasyPrint falls back to fontTools: three warnings on every run (which also
failed the PDF tests on a fresh machine) and a time stamp in every font subset. The fallback is
forced here by hiding WeasyPrint's handle on the library, so this runs on any machine.
"""

from __future__ import annotations

import pytest
import weasyprint.pdf.fonts
from fixtures_comparison import small_comparison

from compare.render.pdf import brief_html, html_to_pdf, weasyprint_warnings
from compare.render.view import build_view


@pytest.mark.parametrize("subsetter", ["harfbuzz", "fonttools"])
def test_pdf_is_byte_identical_across_runs_without_warnings(
    subsetter: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if subsetter == "fonttools":
        monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    elif weasyprint.pdf.fonts.harfbuzz_subset is None:
        pytest.skip("libharfbuzz-subset0 is not installed here (apt-get install libharfbuzz-subset0)")
    html = brief_html(build_view(small_comparison()), page_size="A4")
    pdfs = []
    for _ in range(2):
        with weasyprint_warnings() as warnings:
            pdfs.append(html_to_pdf(html))
        assert warnings == []
        monkeypatch.setattr("time.time", lambda: 1_900_000_000.0)  # a later run: another clock
    assert pdfs[0] == pdfs[1]
    assert len(pdfs[0]) < 200_000, "fonts embedded whole instead of subset"
