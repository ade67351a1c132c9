"""Hostile article text cannot attack the reader or the machine.

- Every field a user controls (article text, titles, outlets, metadata, finding quotes, --notes)
  carries a corpus of XSS payloads through every format; the HTML (and the Markdown as a viewer
  would render it) must contain no element, attribute, script or comment that a payload created,
  and must still show the payload as text.
- User text is never compiled as a template.
- The PDF renderer fetches nothing: a loopback listener must see no connection and an audit hook
  must see no read of a local file named by the input.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from compare.model import (
    Claim,
    Comparison,
    Document,
    Finding,
    FindingType,
    Pair,
    Relation,
    Severity,
    Span,
    Statement,
    StatementKind,
    Verdict,
)
from compare.render import render

PAYLOADS = (
    "<script>alert('XSS1')</script>",
    "<img src=x onerror=alert('XSS2')>",
    "\"><svg onload=alert('XSS3')>",
    "'><iframe src=\"javascript:alert('XSS4')\"></iframe>",
    "</script><script>alert('XSS5')</script>",
    "<a href=\"javascript:alert('XSS6')\">XSS6</a>",
    "<style>body{background:url('http://127.0.0.1:9/XSS7')}</style>",
    '<!-- XSS8 --><base href="http://127.0.0.1:9/XSS8/">',
    "&lt;script&gt;XSS9&lt;/script&gt; &amp; &#60;b&#62;",
    "[XSS10](javascript:alert(1)) ![XSS11](http://127.0.0.1:9/XSS11.png) <b onmouseover=alert('XSS12')>x</b>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('XSS13')>",
    '<form action="http://127.0.0.1:9/XSS14"><input name=q></form>',
    "javascript:alert('XSS15')",
)
# Jinja (and other template) syntax: if any user text were compiled, 7777*7 would print as 54439.
TEMPLATE_PAYLOADS = (
    "{{ 7777*7 }}",
    "{% for x in range(3) %}LOOP{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "{{ config }}{{ self }}",
    "${7777*7} #{7777*7}",
    "{# XSS16 #}",
)
ALL = PAYLOADS + TEMPLATE_PAYLOADS
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "srcdoc",
    "data",
    "background",
    "poster",
    "xlink:href",
}


def hostile_comparison(notes: str | None = None, extra: str = "") -> Comparison:
    """A hand-made comparison whose every user-controlled string carries the payloads."""
    body = " ".join(ALL)
    documents = []
    statements = []
    for doc_id, outlet in (("a", "Outlet <b>A</b> " + PAYLOADS[0]), ("b", PAYLOADS[2] + " {{ 7777*7 }}")):
        parts = [
            f"Headline {PAYLOADS[1]}",
            f"The council voted {body}.",
            f"Only {doc_id} says {PAYLOADS[3]}.{extra}",
        ]
        text = "\n\n".join(parts) + "\n"
        document = Document(
            id=doc_id,
            text=text,
            title=f"Title {PAYLOADS[4]} {TEMPLATE_PAYLOADS[0]}",
            outlet=outlet,
            url=f"javascript:alert('XSS-url-{doc_id}')",
            published=f"2025-08-23{PAYLOADS[5]}",
            language=PAYLOADS[6],
            author=f"{PAYLOADS[10]} {TEMPLATE_PAYLOADS[1]}",
            source=f"/tmp/{PAYLOADS[7]}.txt",
        )
        documents.append(document)
        offset = 0
        for index, part in enumerate(parts):
            start = text.index(part, offset)
            offset = start + len(part)
            kind = StatementKind.HEADLINE if index == 0 else StatementKind.BODY
            statements.append(Statement(f"{doc_id}:s{index}", doc_id, index, start, offset, part, kind))
    by_id = {s.id: s for s in statements}
    claims = [
        Claim(
            "c1",
            Verdict.CONFLICT,
            ("a:s1", "b:s1"),
            (Pair("a:s1", "b:s1", 0.9, Relation.CONFLICT, 0.9, 0.9),),
            ("a", "b"),
        ),
        Claim(
            "c2",
            Verdict.AGREE,
            ("a:s0", "b:s0"),
            (Pair("a:s0", "b:s0", 0.8, Relation.AGREE, 0.8, 0.8),),
            ("a", "b"),
        ),
        Claim("c3", Verdict.UNIQUE, ("a:s2",), (), ("a",)),
        Claim("c4", Verdict.UNIQUE, ("b:s2",), (), ("b",)),
    ]

    def span(statement_id: str) -> Span:
        s = by_id[statement_id]
        return Span(s.document, s.id, s.start, s.end, s.text)

    findings = [
        Finding(
            "f1",
            FindingType.NUMBER,
            Severity.HIGH,
            "c1",
            ("a:s1", "b:s1"),
            f"a says {PAYLOADS[1]} but b says {PAYLOADS[9]} {TEMPLATE_PAYLOADS[0]}",
            (span("a:s1"), span("b:s1")),
            note=f"note {PAYLOADS[4]}",
        ),
        Finding(
            "f2", FindingType.UNIQUE, Severity.LOW, "c3", ("a:s2",), f"only a: {PAYLOADS[3]}", (span("a:s2"),)
        ),
    ]
    return Comparison(
        documents=tuple(documents),
        statements=tuple(statements),
        facts=(),
        claims=tuple(claims),
        findings=tuple(findings),
        generated="2025-08-24T12:00:00+00:00",
        settings={"embedder": f"lexical {PAYLOADS[0]}"},
        notes=notes,
    )


HOSTILE_NOTES = "# Editor's notes\n\n" + "\n\n".join(f"- {payload}" for payload in ALL) + "\n"


def assert_inert(html: str, *, what: str) -> None:
    """No payload created markup: scripts, handlers, URLs, styles, comments or forbidden elements."""
    root = lxml_html.document_fromstring(html)
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments and processing instructions
            assert "XSS" not in (element.text or ""), f"{what}: payload became a comment: {element.text!r}"
            continue
        tag = element.tag.lower()
        assert tag not in {"iframe", "object", "embed", "base", "frame", "frameset", "math", "svg"}, (
            f"{what}: payload created <{tag}>"
        )
        for name, value in element.attrib.items():
            name = name.lower()
            assert not name.startswith("on"), f"{what}: event handler {name}={value!r} on <{tag}>"
            if name in URL_ATTRIBUTES:
                scheme = value.strip().lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:text", "file:")), (
                    f"{what}: hostile URL {name}={value!r} on <{tag}>"
                )
                # A plain http(s) link the user wrote is allowed; anything that loads by itself is not.
                assert name == "href" or "XSS" not in value, (
                    f"{what}: payload URL {name}={value!r} on <{tag}>"
                )
            if name == "style":
                assert "XSS" not in value, f"{what}: payload in style attribute"
        if tag == "script":
            kind = (element.get("type") or "text/javascript").lower()
            if "json" in kind:
                json.loads(element.text or "null")
            else:
                assert "XSS" not in (element.text or ""), f"{what}: payload inside executable <script>"
        if tag == "style":
            assert "XSS" not in (element.text or ""), f"{what}: payload inside <style>"
        if tag in {"img", "link", "meta", "form", "input"}:
            assert "XSS" not in " ".join(element.attrib.values()), f"{what}: payload made <{tag}>"


def text_of(html: str) -> str:
    return " ".join(lxml_html.document_fromstring(html).text_content().split())


def shown(payload: str) -> str:
    return " ".join(payload.split())


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    comparison = hostile_comparison(notes=HOSTILE_NOTES)
    return {fmt: render(comparison, fmt) for fmt in ("json", "html", "md")}


def test_html_has_no_markup_from_user_text(rendered: dict[str, bytes]) -> None:
    assert_inert(rendered["html"].decode("utf-8"), what="html")


def test_html_shows_hostile_text_as_text(rendered: dict[str, bytes]) -> None:
    text = text_of(rendered["html"].decode("utf-8"))
    for payload in ALL:
        assert shown(payload) in text, f"payload not shown literally: {payload!r}"
    assert "Outlet <b>A</b>" in text  # an outlet name with markup is shown, not interpreted


def test_no_user_text_is_compiled_as_a_template(rendered: dict[str, bytes]) -> None:
    for fmt, data in rendered.items():
        output = data.decode("utf-8")
        assert "54439" not in output, f"{fmt}: user text was evaluated as a template"
        assert "LOOPLOOPLOOP" not in output.replace("\\", ""), f"{fmt}: a user {{% for %}} loop ran"
        assert "<class 'object'>" not in output and "&lt;class &#39;object&#39;&gt;" not in output, fmt


def test_markdown_renders_to_inert_html(rendered: dict[str, bytes]) -> None:
    """A Markdown viewer that allows raw HTML (python-markdown's default) must get nothing live."""
    import markdown

    source = rendered["md"].decode("utf-8")
    as_html = "<html><body>" + markdown.markdown(source, extensions=["extra"]) + "</body></html>"
    assert_inert(as_html, what="markdown")
    text = text_of(as_html)
    for marker in ("XSS1", "XSS2", "XSS3", "XSS5", "XSS12", "XSS13"):
        assert marker in text, f"markdown lost {marker}"


def test_markdown_without_notes_renders_to_inert_html() -> None:
    """Article text alone (no editor notes) is escaped in Markdown."""
    import markdown

    source = render(hostile_comparison(), "md").decode("utf-8")
    assert_inert(markdown.markdown(source, extensions=["extra"]), what="markdown")


def test_json_keeps_hostile_text_exactly(rendered: dict[str, bytes]) -> None:
    report = json.loads(rendered["json"])
    comparison = hostile_comparison(notes=HOSTILE_NOTES)
    assert report["notes"] == HOSTILE_NOTES
    assert [d["text"] for d in report["documents"]] == [d.text for d in comparison.documents]
    assert [d["outlet"] for d in report["documents"]] == [d.outlet for d in comparison.documents]
    assert [f["message"] for f in report["findings"]] == [f.message for f in comparison.findings]


# --- the PDF renderer fetches nothing ------------------------------------------------------------------


class Listener:
    """A loopback TCP server that counts every connection made to it."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.server.settimeout(0.1)
        self.port: int = self.server.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except (TimeoutError, OSError):
                continue
            with connection:
                connection.settimeout(1)
                try:
                    request = connection.recv(4096)
                except OSError:
                    request = b""
                self.connections.append(request)
                connection.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: image/png\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.server.close()


_WATCH: dict[str, Any] = {"active": False, "paths": (), "port": None, "events": []}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _WATCH["active"]:
        return
    if event == "open" and args and isinstance(args[0], (str, bytes, Path)):
        path = str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace"))
        if any(path.endswith(watched) for watched in _WATCH["paths"]):
            _WATCH["events"].append(("open", path))
    elif event == "socket.connect" and len(args) > 1:
        address = args[1]
        if isinstance(address, tuple) and len(address) >= 2 and address[1] == _WATCH["port"]:
            _WATCH["events"].append(("connect", address))
    elif event == "urllib.Request" and args:
        url = str(args[0])
        watched = (f":{_WATCH['port']}/", "/etc/passwd", *_WATCH["paths"])
        if not url.startswith("data:") and any(part in url for part in watched):
            _WATCH["events"].append(("urllib", url))


sys.addaudithook(_audit)  # audit hooks cannot be removed; _WATCH["active"] gates it to one block


@contextmanager
def watching(paths: tuple[str, ...], port: int) -> Iterator[list[tuple[str, Any]]]:
    """Record opens of `paths`, connections to `port` and urllib requests while the block runs."""
    events: list[tuple[str, Any]] = []
    _WATCH.update(active=True, paths=paths, port=port, events=events)
    try:
        yield events
    finally:
        _WATCH["active"] = False


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret-canary.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    return path


def fetching_markup(port: int, secret: Path) -> str:
    base = f"http://127.0.0.1:{port}"
    return (
        f'<img src="file:///etc/passwd"> <img src="file://{secret}"> <img src="{base}/img.png"> '
        f'<link rel="stylesheet" href="{base}/style.css"> <style>@import url("{base}/import.css");</style> '
        f'<object data="{base}/object"></object> <embed src="{base}/embed"> '
        f'<iframe src="{base}/frame"></iframe> '
        f'<div style="background:url({base}/bg.png)">x</div> <svg><image href="{base}/svg.png"/></svg> '
        f'<video poster="{base}/poster.png"></video> <link rel="attachment" href="{base}/attach"> '
        f"<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'>"
        f"<image href='{base}/in-svg.png'/></svg>\">"
    )


def fetching_comparison(port: int, secret: Path) -> Comparison:
    markup = fetching_markup(port, secret)
    base = f"http://127.0.0.1:{port}"
    notes = (
        f"Notes ![remote]({base}/notes.png) ![local](file:///etc/passwd) ![secret](file://{secret})\n\n"
        f"[a link]({base}/link) {markup}\n"
    )
    comparison = hostile_comparison(notes=notes, extra=" " + markup)
    documents = tuple(
        replace(d, url=f"{base}/url-{d.id}", title=f"{d.title} {markup}", outlet=markup)
        for d in comparison.documents
    )
    return replace(comparison, documents=documents)


@pytest.mark.slow
def test_pdf_fetches_nothing_named_by_the_input(listener: Listener, secret: Path) -> None:
    comparison = fetching_comparison(listener.port, secret)
    with watching(("/etc/passwd", str(secret)), listener.port) as events:
        pdf = render(comparison, "pdf")
    assert pdf.startswith(b"%PDF-")
    assert events == [], f"the PDF renderer reached out: {events}"
    assert listener.connections == [], f"the loopback listener was contacted: {listener.connections}"


def test_html_report_references_nothing_named_by_the_input(listener: Listener, secret: Path) -> None:
    """The HTML report is self-contained: no src/href/url() pointing at the input's URLs."""
    html = render(fetching_comparison(listener.port, secret), "html").decode("utf-8")
    root = lxml_html.document_fromstring(html)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower() in URL_ATTRIBUTES - {"href"}:
                assert str(listener.port) not in value and "file:" not in value, (element.tag, name, value)
        if element.tag in {"style", "script"}:
            assert str(listener.port) not in (element.text or "")
    assert listener.connections == []


@pytest.mark.slow
def test_the_detectors_see_an_unprotected_fetch(listener: Listener, secret: Path) -> None:
    """Self-check: WeasyPrint's default fetcher, given the same markup raw, is caught by both detectors."""
    import weasyprint

    markup = f'<img src="file://{secret}"><img src="http://127.0.0.1:{listener.port}/img.png">'
    with watching((str(secret),), listener.port) as events:
        weasyprint.HTML(string=markup, base_url="/").write_pdf()
    assert ("open", str(secret)) in events
    assert any(kind == "connect" for kind, _ in events)
    assert listener.connections and listener.connections[0].startswith(b"GET /img.png")


@pytest.mark.slow
def test_pdf_fetcher_refuses_even_markup_that_escaped_escaping(
    listener: Listener, secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: were escaping ever broken, raw <img>/<link>/url() must still fetch nothing."""
    from compare.render import pdf

    original = pdf.brief_html
    markup = fetching_markup(listener.port, secret)

    def broken_escaping(*args: Any, **kwargs: Any) -> str:
        return original(*args, **kwargs).replace("</body>", markup + "</body>")

    monkeypatch.setattr(pdf, "brief_html", broken_escaping)
    with watching(("/etc/passwd", str(secret)), listener.port) as events:
        data = render(hostile_comparison(), "pdf")
    assert data.startswith(b"%PDF-")
    assert events == [], f"the PDF renderer reached out: {events}"
    assert listener.connections == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:{port}/x.png",
        "https://127.0.0.1:{port}/x.png",
        "ftp://127.0.0.1:{port}/x",
        "file://{secret}",
        "{templates}/../../../../etc/passwd",
        "{templates}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_pdf_url_fetcher_refuses(url: str, listener: Listener, secret: Path) -> None:
    from compare.render.assets import templates_dir
    from compare.render.pdf import asset_fetcher

    url = url.format(port=listener.port, secret=secret, templates=templates_dir().as_uri())
    with watching(("/etc/passwd", str(secret)), listener.port) as events, pytest.raises(ValueError):
        asset_fetcher()(url)
    assert events == [] and listener.connections == []


def test_pdf_url_fetcher_refuses_a_symlink_out_of_the_assets(tmp_path: Path, secret: Path) -> None:
    from compare.render.pdf import asset_fetcher

    link = tmp_path / "link.png"
    link.symlink_to(secret)
    with pytest.raises(ValueError):
        asset_fetcher()(link.as_uri())


def test_pdf_url_fetcher_serves_the_package_assets() -> None:
    from compare.render.assets import templates_dir
    from compare.render.pdf import asset_fetcher

    asset = next(p for p in sorted(templates_dir().iterdir()) if p.suffix == ".css")
    result = asset_fetcher()(asset.as_uri())
    content = result["string"] if isinstance(result, dict) else result.read()
    assert content
