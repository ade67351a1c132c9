"""The PDF brief: WeasyPrint over print-styled HTML, with a URL fetcher that never leaves the package."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from compare.errors import RenderError
from compare.model import Comparison
from compare.render.assets import templates_dir

if TYPE_CHECKING:
    from compare.render.view import ReportView

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
    from compare.render.env import html_environment  # not needed in the PDF child process

    return html_environment().get_template(TEMPLATE).render(view=view, page_size=page_size)


def render_pdf(comparison: Comparison, *, page_size: str = "A4", view: ReportView | None = None) -> bytes:
    """The PDF brief as bytes (in the PdfProcess started by prepare(), if there is one)."""
    pending = submit_pdf(comparison, page_size=page_size, view=view)
    if pending is None:
        return html_to_pdf(brief_html(_view(comparison, view), page_size=page_size))
    return collect_pdf(pending)


@dataclass(frozen=True, slots=True)
class PendingPdf:
    """A brief handed to the PdfProcess: the child lays it out while the caller goes on."""

    html: str
    process: PdfProcess


def submit_pdf(
    comparison: Comparison, *, page_size: str = "A4", view: ReportView | None = None
) -> PendingPdf | None:
    """Hand the brief to the PdfProcess started by prepare(); None if there is none (or it had its one).

    collect_pdf() then gives the bytes; meanwhile the caller can render the other formats.
    """
    if _process is None or _process.submitted:
        return None
    html = brief_html(_view(comparison, view), page_size=page_size)
    return PendingPdf(html, _process) if _process.submit(html) else None


def collect_pdf(pending: PendingPdf) -> bytes:
    """The PDF of a submitted brief; laid out in this process if the child failed."""
    pdf = pending.process.collect()
    return pdf if pdf is not None else html_to_pdf(pending.html)


def _view(comparison: Comparison, view: ReportView | None) -> ReportView:
    from compare.render.view import build_view

    return view if view is not None else build_view(comparison)


def html_to_pdf(html: str) -> bytes:
    """Lay out the brief's HTML with WeasyPrint, in this process."""
    try:
        from weasyprint import HTML
    except ImportError as exc:  # pragma: no cover - WeasyPrint is a hard dependency
        raise RenderError(f"PDF output needs WeasyPrint: {exc}") from exc
    document = HTML(string=html, base_url=templates_dir().as_uri() + "/", url_fetcher=asset_fetcher())
    with reproducible_font_subsets():
        pdf = document.write_pdf()
    if pdf is None:  # pragma: no cover - write_pdf without a target always returns bytes
        raise RenderError("WeasyPrint produced no PDF")
    return bytes(pdf)


# --- Font subsets without HarfBuzz-Subset (issue 15) ----------------------------------------------------

# fontTools stamps the time into each font subset it writes unless SOURCE_DATE_EPOCH is set; any fixed
# value makes the PDF byte-identical across runs (2000-01-01, never shown to anyone).
_FONT_STAMP = "946684800"
_FONTTOOLS_WARNING = "Using fontTools instead of HarfBuzz-Subset"


class _DropFontToolsWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_FONTTOOLS_WARNING)


@contextmanager
def reproducible_font_subsets() -> Iterator[None]:
    """Byte-identical PDFs, and no warning on every run, where libharfbuzz-subset0 is missing.

    WeasyPrint then subsets fonts with fontTools: it warns for each font on every run, and fontTools
    writes the current time into each subset. Within the block that one warning is dropped and the
    time is pinned through SOURCE_DATE_EPOCH (fontTools honours it; HarfBuzz does not stamp at all).
    """
    logger = logging.getLogger("weasyprint")
    dropper = _DropFontToolsWarning()
    logger.addFilter(dropper)
    had = os.environ.get("SOURCE_DATE_EPOCH")
    if had is None:
        os.environ["SOURCE_DATE_EPOCH"] = _FONT_STAMP
    try:
        yield
    finally:
        if had is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        logger.removeFilter(dropper)


# --- WeasyPrint started early, in a process of its own ------------------------------------------------

_WARNING_PREFIX = "weasyprint warning: "
_process: PdfProcess | None = None


class PdfProcess:
    """WeasyPrint in a child process, imported while the comparison is computed.

    Importing WeasyPrint takes 0.5-0.7 s; in this process it would come after the pipeline, in a child it
    runs on the other core meanwhile, and only the layout is left when the HTML arrives. (Also laying
    out a small warm-up page there saved nothing measurable: the first real layout is not slower.)
    """

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])  # the folder holding the compare package
        command = [sys.executable, "-c", f"import sys; sys.path.insert(0, {root!r}); {_SERVE}"]
        self._child = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self._used = False

    @property
    def submitted(self) -> bool:
        """Whether this child has had its one document."""
        return self._used

    def submit(self, html: str) -> bool:
        """Send the HTML; the child starts the layout at once. False if it could not be sent."""
        if self._used:
            return False
        self._used = True
        data = html.encode("utf-8")
        stdin = self._child.stdin
        try:
            assert stdin is not None
            stdin.write(b"%d\n" % len(data) + data)
            stdin.flush()
        except (OSError, ValueError):
            self.close()
            return False
        return True

    def collect(self) -> bytes | None:
        """The PDF of the submitted HTML, or None if the child failed (render in-process then)."""
        try:
            pdf, errors = self._child.communicate()
        except (OSError, ValueError):
            self.close()
            return None
        if self._child.returncode != 0 or not pdf.startswith(b"%PDF"):
            return None
        logger = logging.getLogger("weasyprint")
        for line in errors.decode("utf-8", "replace").splitlines():
            if line.startswith(_WARNING_PREFIX):  # replayed here, where tests and callers listen
                logger.warning("%s", line.removeprefix(_WARNING_PREFIX))
            elif line:
                print(line, file=sys.stderr)
        return pdf

    def render(self, html: str) -> bytes | None:
        """The PDF of `html`, or None if the child failed or was used already (render in-process then)."""
        return self.collect() if self.submit(html) else None

    def close(self) -> None:
        """Stop the child if it is still running (an error or interruption before the PDF)."""
        if self._child.poll() is None:
            self._child.kill()
        self._child.wait()
        for stream in (self._child.stdin, self._child.stdout, self._child.stderr):
            if stream is not None:
                stream.close()


_SERVE = "from compare.render.pdf import serve; serve(sys.stdin.buffer, sys.stdout.buffer)"


def serve(source: IO[bytes], target: IO[bytes]) -> None:
    """The child's side of PdfProcess: import WeasyPrint, read one HTML document, write its PDF.

    The document comes as its length in bytes on a line of its own, then the bytes, so the layout
    starts as soon as they are in (the parent keeps the pipe open and renders other formats meanwhile).
    """
    import weasyprint  # noqa: F401  (the point of the child: imported before the HTML comes)

    header = source.readline().strip()
    if not header.isdigit():  # the parent stopped before sending anything
        return
    html = source.read(int(header)).decode("utf-8")
    handler = _Relay()
    for name in WEASYPRINT_LOGGERS:
        logging.getLogger(name).addHandler(handler)
    target.write(html_to_pdf(html))
    target.flush()


class _Relay(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        print(_WARNING_PREFIX + record.getMessage().replace("\n", " "), file=sys.stderr, flush=True)


@contextmanager
def prepare() -> Iterator[None]:
    """Within the block, render_pdf() uses a WeasyPrint process started now (unless WeasyPrint is loaded)."""
    global _process
    if _process is not None or "weasyprint" in sys.modules:  # already warm, or already prepared
        yield
        return
    try:
        _process = PdfProcess()
    except OSError:  # cannot start a child: render in-process as usual
        yield
        return
    try:
        yield
    finally:
        process, _process = _process, None
        process.close()


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
