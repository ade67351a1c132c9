"""The PDF brief: WeasyPrint over print-styled HTML, with a URL fetcher that never leaves the package."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from compare.errors import RenderError
from compare.model import Comparison
from compare.render.assets import templates_dir
from compare.render.env import html_environment
from compare.render.view import ReportView, build_view

TEMPLATE = "brief.html.j2"
WEASYPRINT_LOGGERS = ("weasyprint", "weasyprint.progress")


def refuse_outside_assets(url: str, timeout: float = 10, ssl_context: Any = None) -> dict[str, Any]:
    """WeasyPrint URL fetcher: only files inside the templates folder; no network, no other files."""
    from weasyprint import default_url_fetcher

    parsed = urlparse(url)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path)).resolve()
        root = templates_dir().resolve()
        if root in path.parents and path.is_file():
            return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)  # type: ignore[no-any-return]
    raise ValueError(f"refused to fetch {url[:80]!r}: reports never load outside resources")


def brief_html(view: ReportView, *, page_size: str) -> str:
    """The print HTML that WeasyPrint lays out."""
    return html_environment().get_template(TEMPLATE).render(view=view, page_size=page_size)


def render_pdf(comparison: Comparison, *, page_size: str = "A4") -> bytes:
    """The PDF brief as bytes."""
    try:
        from weasyprint import HTML
    except ImportError as exc:  # pragma: no cover - WeasyPrint is a hard dependency
        raise RenderError(f"PDF output needs WeasyPrint: {exc}") from exc
    html = brief_html(build_view(comparison), page_size=page_size)
    document = HTML(string=html, base_url=templates_dir().as_uri() + "/", url_fetcher=refuse_outside_assets)
    pdf = document.write_pdf()
    if pdf is None:  # pragma: no cover - write_pdf without a target always returns bytes
        raise RenderError("WeasyPrint produced no PDF")
    return bytes(pdf)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def weasyprint_warnings() -> Iterator[list[str]]:
    """Collects WeasyPrint warnings raised inside the block (tests assert the list stays empty)."""
    collector = _Collector()
    loggers = [logging.getLogger(name) for name in WEASYPRINT_LOGGERS]
    for logger in loggers:
        logger.addHandler(collector)
    messages: list[str] = []
    try:
        yield messages
    finally:
        for logger in loggers:
            logger.removeHandler(collector)
        messages.extend(record.getMessage() for record in collector.records)
