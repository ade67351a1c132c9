"""Renders a Comparison as JSON, HTML, PDF or Markdown; renderers only present, never compute."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from compare.errors import OptionsError, RenderError
from compare.model import Comparison
from compare.render.html import render_html
from compare.render.json_report import render_json
from compare.render.markdown_note import render_markdown

__all__ = ["EXTENSIONS", "FORMATS", "PAGE_SIZES", "prepare", "render"]

FORMATS = ("json", "html", "pdf", "md")
PAGE_SIZES = ("A4", "Letter")
EXTENSIONS = {"json": ".json", "html": ".html", "pdf": ".pdf", "md": ".md"}


def render(comparison: Comparison, fmt: str, *, page_size: str = "A4") -> bytes:
    """Render one output format.

    Args:
        comparison: what the pipeline computed.
        fmt: one of FORMATS ("json", "html", "pdf", "md").
        page_size: "A4" or "Letter"; used by the PDF only.

    Returns:
        The file's bytes (UTF-8 for text formats).

    Raises:
        OptionsError: unknown format or page size.
        RenderError: a template or the PDF engine failed.
    """
    if fmt not in FORMATS:
        raise OptionsError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    if page_size not in PAGE_SIZES:
        raise OptionsError(f"unknown page size {page_size!r}: use one of {', '.join(PAGE_SIZES)}")
    try:
        if fmt == "pdf":
            from compare.render.pdf import render_pdf  # WeasyPrint is slow to import: only when asked

            return render_pdf(comparison, page_size=page_size)
        return _TEXT_RENDERERS[fmt](comparison)
    except (RenderError, OptionsError):
        raise
    except Exception as exc:  # a template or engine bug still reaches the user as one line
        raise RenderError(f"could not render the {fmt} report: {type(exc).__name__}: {exc}") from exc


@contextmanager
def prepare(formats: Sequence[str]) -> Iterator[None]:
    """Start slow renderers now, for render() calls inside the block.

    For "pdf", WeasyPrint is imported in a child process while the caller computes the comparison
    (0.5-0.7 s off the critical path on two cores); the output is byte-identical either way.
    """
    if "pdf" not in formats:
        yield
        return
    from compare.render.pdf import prepare as prepare_pdf

    with prepare_pdf():
        yield


_TEXT_RENDERERS: dict[str, Callable[[Comparison], bytes]] = {
    "json": render_json,
    "html": render_html,
    "md": render_markdown,
}
