"""Pages given as URLs: fetched from a local server on 127.0.0.1; no test here reaches another address."""

from __future__ import annotations

import gzip
import json
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from compare.cli import main
from compare.errors import InputError
from compare.fetch import fetch_page

PAGE_A = """<!doctype html><html><head><title>Council approves bridge | Alpha News</title>
<meta property="og:site_name" content="Alpha News"></head><body><article><h1>Council approves new bridge</h1>
<p>The city council approved the new bridge on Monday after a long debate.</p>
<p>The bridge will cost 40 million dollars, the mayor said.</p></article></body></html>"""
PAGE_B = """<!doctype html><html><head><title>Bridge plan passes | Beta Daily</title>
<meta property="og:site_name" content="Beta Daily"></head><body><article><h1>Bridge plan passes</h1>
<p>On Monday the council voted for the bridge after hours of debate.</p>
<p>Officials put the cost at 45 million dollars.</p></article></body></html>"""

Route = Callable[[BaseHTTPRequestHandler], None]


def page(body: str, content_type: str = "text/html; charset=utf-8", status: int = 200) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        data = body.encode("utf-8")
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return respond


def redirect(location: str) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return respond


def slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(2)
    page(PAGE_A)(handler)


def endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()  # no length: the body just keeps coming
    try:
        for _ in range(1_000):
            handler.wfile.write(b"<p>" + b"x" * 1_000 + b"</p>")
    except (BrokenPipeError, ConnectionResetError):
        pass


def compressed(encoding: str, data: bytes) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Encoding", encoding)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    return respond


def dripping_headers(handler: BaseHTTPRequestHandler) -> None:
    """Each header line well inside the read timeout, the headers never finished."""
    handler.send_response(200)
    try:
        for number in range(10_000):
            handler.wfile.write(f"X-Drip-{number}: 1\r\n".encode())
            handler.wfile.flush()
            time.sleep(0.05)
    except (BrokenPipeError, ConnectionResetError):
        pass


_BOMB = zlib.compress(b"<p>" + b"x" * 50_000_000 + b"</p>", 9)  # 50 MB decoded from about 50 kB
_GZIP_PAGE = gzip.compress(PAGE_A.encode())

ROUTES: dict[str, Route] = {
    "/a.html": page(PAGE_A),
    "/b": page(PAGE_B),
    "/moved": redirect("/b"),
    "/loop": redirect("/loop"),
    "/to-file": redirect("file:///etc/passwd"),
    "/image.png": page("PNG", content_type="image/png"),
    "/missing": page("not here", status=404),
    "/slow": slow,
    "/endless": endless,
    "/bomb-deflate": compressed("deflate", _BOMB),
    "/bomb-gzip": compressed("gzip", gzip.compress(b"x" * 50_000_000, 9)),
    "/gzip": compressed("gzip", _GZIP_PAGE),
    "/deflate-raw": compressed("deflate", zlib.compress(PAGE_A.encode())[2:-4]),
    "/brotli": compressed("br", b"\x0b\x02\x80hello\x03"),
    "/gzip-twice": compressed("gzip, br", _GZIP_PAGE),
    "/drip": dripping_headers,
    **{
        f"/charset-{label}": page(PAGE_A, content_type=f"text/html; charset={label}")
        for label in ("rot13", "base64", "zlib", "uu", "hex", "idna", "unicode_escape", "utf-7", "nonsense")
    },
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        ROUTES.get(self.path, page("no route", status=404))(self)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


class _QuietServer(ThreadingHTTPServer):
    """A handler cut off by the client (timeouts, size limits) may fail after its test has ended; its
    traceback must not land in another test's captured output."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Base URL of a server on loopback; proxies from the environment are ignored."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_two_urls_are_compared_with_final_url_and_fetch_time(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["report", f"{server}/a.html", f"{server}/moved", "-o", str(out), "--format", "json"]
    assert main([*argv, "--embedder", "lexical"]) == 0
    err = capsys.readouterr().err
    assert f"compare: note: {server}/moved: redirected to {server}/b" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    documents = {doc["id"]: doc for doc in report["documents"]}
    assert sorted(documents) == ["a", "b"]
    assert documents["b"]["url"] == f"{server}/b" and documents["b"]["source"] == f"{server}/b"
    assert documents["a"]["outlet"] == "Alpha News"
    assert documents["a"]["fetched"].endswith("+00:00")
    assert "The bridge will cost 40 million dollars, the mayor said." in documents["a"]["text"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop", "more than 5 redirects"),
        ("/to-file", "only http and https pages are fetched, not file: (redirected to file:///etc/passwd)"),
        ("/image.png", "is image/png, not a web page (text/html)"),
        ("/missing", "the server answered 404 Not Found"),
    ],
)
def test_bad_pages_are_refused_in_one_line(
    path: str, message: str, server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["report", f"{server}/a.html", f"{server}{path}", "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == InputError.exit_code
    assert err == f"compare: error: {server}{path}: {message}\n"
    assert not out.exists()


def test_a_slow_page_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"/slow: no answer within 0\.5 s"):
        fetch_page(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2


def test_a_page_over_the_size_limit_is_refused(server: str) -> None:
    with pytest.raises(InputError, match=r"/a\.html: page is \d+ bytes, over the limit of 100 bytes"):
        fetch_page(f"{server}/a.html", limit=100)
    with pytest.raises(InputError, match=r"/endless: page is over the limit of 50 kB"):
        fetch_page(f"{server}/endless", limit=50_000)


@pytest.mark.parametrize(
    "label", ["rot13", "base64", "zlib", "uu", "hex", "idna", "unicode_escape", "utf-7", "nonsense"]
)
def test_a_declared_charset_that_is_no_text_encoding_is_ignored_with_a_note(server: str, label: str) -> None:
    fetched = fetch_page(f"{server}/charset-{label}")
    assert "The bridge will cost 40 million dollars" in fetched.text
    assert any(label in note and "not a text encoding" in note for note in fetched.notes)


@pytest.mark.parametrize("label", ["rot13", "base64", "bz2", "quopri", "idna", "punycode", "undefined", " "])
def test_text_codec_refuses_transforms_and_python_only_codecs(label: str) -> None:
    from compare.decode import text_codec

    assert text_codec(label) is None


@pytest.mark.parametrize(
    ("label", "name"), [("UTF-8", "utf-8"), ("windows-1251", "cp1251"), ("latin1", "iso8859-1")]
)
def test_text_codec_accepts_real_charsets(label: str, name: str) -> None:
    from compare.decode import text_codec

    assert text_codec(label) == name


@pytest.mark.parametrize("path", ["/bomb-deflate", "/bomb-gzip"])
def test_a_compressed_page_is_bounded_on_its_decoded_size(server: str, path: str) -> None:
    with pytest.raises(InputError, match="over the limit of 1 MB"):
        fetch_page(f"{server}{path}", limit=1_000_000)


@pytest.mark.parametrize("path", ["/gzip", "/deflate-raw"])
def test_gzip_and_deflate_pages_are_read(server: str, path: str) -> None:
    assert "The bridge will cost 40 million dollars" in fetch_page(f"{server}{path}").text


@pytest.mark.parametrize("path", ["/brotli", "/gzip-twice"])
def test_an_encoding_that_cannot_be_bounded_is_refused(server: str, path: str) -> None:
    with pytest.raises(InputError, match=r"Content-Encoding .* only gzip, deflate or none are read"):
        fetch_page(f"{server}{path}")


def test_the_total_deadline_holds_while_headers_drip(server: str) -> None:
    """Every header line comes within the read timeout; the total bound still ends the fetch."""
    with pytest.raises(InputError, match="took over 1 s to arrive"):
        fetch_page(f"{server}/drip", timeout=15, total=1)
