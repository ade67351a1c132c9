"""Renders a Comparison as JSON, HTML, PDF or Markdown; renderers only present, never compute."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from compare.errors import OptionsError, RenderError
from compare.model import Comparison
from compare.progress import NullProgress, Progress

__all__ = ["EXTENSIONS", "FORMATS", "PAGE_SIZES", "prepare", "render", "render_many"]

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
    return render_many(comparison, [fmt], page_size=page_size)[fmt]


def render_many(
    comparison: Comparison, formats: Sequence[str], *, page_size: str = "A4", progress: Progress | None = None
) -> dict[str, bytes]:
    """Render several formats from one view of the comparison; returns format -> bytes, in the order asked.
    `progress` sees a "render" stage of one step per format.

    Inside prepare(), the PDF is laid out in its child process while the other formats render here.

    Raises:
        OptionsError: unknown format or page size.
        RenderError: a template or the PDF engine failed.
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise OptionsError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    if page_size not in PAGE_SIZES:
        raise OptionsError(f"unknown page size {page_size!r}: use one of {', '.join(PAGE_SIZES)}")
    progress = progress or NullProgress()
    progress.stage("render", len(formats))
    current = ""
    try:
        view = None
        if any(fmt != "json" for fmt in formats):
            from compare.render.view import build_view

            current = formats[0]
            view = build_view(comparison)
        pending = None
        if "pdf" in formats:
            from compare.render import pdf

            current = "pdf"
            pending = pdf.submit_pdf(comparison, page_size=page_size, view=view)
        rendered: dict[str, bytes] = {}
        for fmt in formats:
            current = fmt
            if fmt == "pdf":  # a placeholder keeps the order asked for; the child's PDF comes last
                rendered[fmt] = (
                    b"" if pending is not None else pdf.render_pdf(comparison, page_size=page_size, view=view)
                )
            else:
                module, function = _TEXT_RENDERERS[fmt]
                rendered[fmt] = getattr(importlib.import_module(module), function)(comparison, view)
            if fmt != "pdf" or pending is None:
                progress.advance()
        if pending is not None:
            current = "pdf"
            rendered["pdf"] = pdf.collect_pdf(pending)
            progress.advance()
        return rendered
    except (RenderError, OptionsError):
        raise
    except Exception as exc:  # a template or engine bug still reaches the user as one line
        raise RenderError(f"could not render the {current} report: {type(exc).__name__}: {exc}") from exc


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


# Each renderer is imported when its format is asked for (Jinja, Markdown and WeasyPrint take time to
# import, and the PDF child process imports this package only for the PDF).
_TEXT_RENDERERS = {
    "json": ("compare.render.json_report", "render_json"),
    "html": ("compare.render.html", "render_html"),
    "md": ("compare.render.markdown_note", "render_markdown"),
}
