"""The PDF brief: no WeasyPrint warnings, nothing overflows, right glyphs, page furniture, no fetches.

Poppler's pdftotext/pdftoppm/pdfinfo (Debian package poppler-utils) check what a reader sees;
those checks are skipped with that hint when the tools are absent. Set COMPARE_SCREENSHOT_DIR
to keep the page images for a look.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures_comparison import small_comparison, synthetic_comparison
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from compare.model import Comparison
from compare.render import render
from compare.render.assets import templates_dir
from compare.render.pdf import asset_fetcher, brief_html, check_fetchable, weasyprint_warnings
from compare.render.view import build_view

pytestmark = pytest.mark.slow
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler not installed: apt-get install -y poppler-utils"
)


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with weasyprint_warnings() as warnings:
        data = render(small_comparison(hostile=True, notes="Checked **twice**."), "pdf")
    assert warnings == []
    path = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    path.write_bytes(data)
    return path


def _pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return text.decode("utf-8").split("\f")


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize(
    "make", [lambda: small_comparison(hostile=True), lambda: synthetic_comparison(4, 30)]
)
def test_no_warnings_and_no_text_outside_its_box(page_size: str, make: object) -> None:
    comparison = make()  # type: ignore[operator]
    assert isinstance(comparison, Comparison)
    html = brief_html(build_view(comparison), page_size=page_size)
    with weasyprint_warnings() as warnings:
        document = HTML(
            string=html, base_url=templates_dir().as_uri() + "/", url_fetcher=asset_fetcher()
        ).render()
    assert warnings == []
    overflowing: list[tuple[int, str, float]] = []
    for number, page in enumerate(document.pages, 1):
        page_box = page._page_box
        _check_fits(page_box, page_box.content_box_x() + page_box.width, overflowing, number)
    assert overflowing == []


def _check_fits(box: boxes.Box, right: float, found: list[tuple[int, str, float]], page: int) -> None:
    """Every text run ends inside its containing block (cells, columns, the page)."""
    if isinstance(box, boxes.TextBox):
        end = box.position_x + box.width
        trailing = len(box.text) - len(box.text.rstrip())  # pre-wrap spaces hang, unseen
        if end > right + 0.5 + trailing * 0.6 * box.style["font_size"]:
            found.append((page, box.text[:40], round(end - right, 1)))
        return
    if isinstance(box, boxes.BlockContainerBox) and not isinstance(box, boxes.LineBox):
        right = min(right, box.content_box_x() + box.width)
    for child in getattr(box, "children", ()):
        _check_fits(child, right, found, page)


@needs_poppler
def test_text_reads_back_with_latin_cyrillic_vietnamese(pdf_file: Path) -> None:
    pages = _pages_text(pdf_file)
    whole = "\n".join(pages)
    assert "Ukraine still has some ATACMS missiles left, officials said." in pages[0]
    first = " ".join(pages[0].split())
    brief = " ".join(whole.split())
    assert (
        first.index("Key figures")
        < first.index("Where they disagree")
        < brief.index("Where they agree")
        < brief.index("Only in one report")
    )
    assert "Defense Express" in first and "“300 km” — Українська правда: “500 km”" in first
    assert "США таємно забороняють Україні удари ATACMS по росії" in whole
    assert "Mỹ âm thầm cấm Ukraine dùng tên lửa ATACMS tấn công Nga" in whole
    assert '<script>alert("x")</script>' in whole  # hostile text printed as text
    for heading in ("Where they disagree", "Sources", "Appendix: source texts", "Editor's notes"):
        assert heading in whole
    assert "[CAPTION]" in whole and "[BOILERPLATE]" in whole and "[BYLINE]" in whole


@needs_poppler
def test_page_numbers_and_running_header(pdf_file: Path) -> None:
    pages = [p for p in _pages_text(pdf_file) if p.strip()]
    total = len(pages)
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {total}" in page
    for page in pages[1:]:
        assert page.lstrip().startswith("Ukraine still has some ATACMS missiles left, officials said.")


@needs_poppler
@pytest.mark.parametrize(("page_size", "points"), [("A4", "595.276 x 841.89"), ("Letter", "612 x 792")])
def test_page_size(page_size: str, points: str, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(render(small_comparison(), "pdf", page_size=page_size))
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert f"Page size:       {points} pts" in info


@needs_poppler
def test_pages_become_images(pdf_file: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf_file), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len([p for p in _pages_text(pdf_file) if p.strip()])
    assert all(image.stat().st_size > 5_000 for image in images)
    keep = os.environ.get("COMPARE_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for image in images:
            shutil.copy(image, Path(keep) / f"pdf-{image.name}")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/x.png",
        "http://127.0.0.1:1/",
        "file:///etc/passwd",
        "data:image/png;base64,AAAA",
        "ftp://example.com/x",
    ],
)
def test_fetcher_refuses_anything_outside_the_package(url: str) -> None:
    with pytest.raises(ValueError, match="refused"):
        check_fetchable(url)
    with pytest.raises(Exception, match=r"refused|disallowed"):
        asset_fetcher()(url)


def test_fetcher_allows_package_assets() -> None:
    url = (templates_dir() / "brief.css").as_uri()
    check_fetchable(url)
    response = asset_fetcher()(url)
    try:
        body = response.read() if hasattr(response, "read") else response["string"]
    finally:
        getattr(response, "close", lambda: None)()
    assert b"@page" in body


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
THREE = Path(__file__).resolve().parent / "fixtures" / "three_outlets"


@needs_poppler
@pytest.mark.parametrize("story", ["seeds", "three"])
def test_brief_has_no_near_empty_page_and_prints_nothing_twice(story: str, tmp_path: Path) -> None:
    from compare.ingest import load_documents
    from compare.options import Options
    from compare.pipeline import compare_documents

    documents = [item.document for item in load_documents([SEEDS if story == "seeds" else THREE])]
    comparison = compare_documents(documents, options=Options(embedder="lexical"))
    with weasyprint_warnings() as warnings:
        data = render(comparison, "pdf")
    assert warnings == []
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(data)
    pages = [p for p in _pages_text(pdf) if p.strip()]
    for number, page in enumerate(pages[:-1], 1):  # the last page may end where the text ends
        assert len(page.split()) > 120, f"page {number} of {len(pages)} is nearly empty"
    # Up to the source list (which names each outlet's own title once, as metadata).
    brief = " ".join(" ".join(pages).split("Appendix: source texts")[0].split()).rsplit(" Sources 1. ", 1)[0]
    view = build_view(comparison)
    assert brief.index("Where they disagree") < brief.index("Where they agree")
    for group in view.one_source:  # summarised: the first of each outlet once, then how many more
        for item in group.brief:
            assert brief.count(" ".join(item.text.split())[:60]) == 1, item.text
        assert not group.more or f"and {group.more} more" in brief
    for finding in view.discrepancies:
        first_side = finding.sides[0]
        assert f"{', '.join(first_side.outlets)}:" in brief


@needs_poppler
def test_a_listed_claim_never_leaves_its_first_word_alone_on_a_line(tmp_path: Path) -> None:
    # WeasyPrint breaks a bare text run followed by an inline box after its first word when the two just
    # overflow the line; the seeds' agreement list has such an item ('Ukraine' / 'has requested ...')
    from compare.ingest import load_documents
    from compare.pipeline import compare_documents

    comparison = compare_documents([item.document for item in load_documents([SEEDS])])
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(render(comparison, "pdf"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert bullets and all(len(line.split()) > 2 for line in bullets), [
        b for b in bullets if len(b.split()) <= 2
    ]
