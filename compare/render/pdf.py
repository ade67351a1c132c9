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


def check_fetchable(url: str) -> None:
    """Raise ValueError unless `url` is a file inside the templates folder (no network, no other files)."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path)).resolve()
        if templates_dir().resolve() in path.parents and path.is_file():
            return
    raise ValueError(f"refused to fetch {url[:80]!r}: reports never load outside resources")


def asset_fetcher() -> Any:
    """A WeasyPrint URL fetcher that only serves the package's own assets."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint >= 68: a class with a fetch method

        class _AssetFetcher(urls.URLFetcher):  # type: ignore[misc]
            def fetch(self, url: str, headers: Any = None) -> Any:
                check_fetchable(url)
                return super().fetch(url, headers)

        return _AssetFetcher(allowed_protocols=("file",), allow_redirects=False)

    def fetch(url: str, timeout: float = 10, ssl_context: Any = None) -> Any:  # older WeasyPrint
        check_fetchable(url)
        return urls.default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

    return fetch


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
    document = HTML(string=html, base_url=templates_dir().as_uri() + "/", url_fetcher=asset_fetcher())
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
