"""Fetch a web page given as an input: http/https only, bounded in time, size and redirects.

The page is then extracted exactly like a saved .html file; its final URL and the fetch time become
the document's `url` and `fetched` metadata.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from compare.decode import decode_bytes, text_codec
from compare.errors import InputError
from compare.limits import MAX_INPUT_BYTES, human_size

__all__ = ["FETCH_TIMEOUT_S", "MAX_REDIRECTS", "Page", "fetch_page"]

# Seconds allowed to connect and between two reads; the whole fetch is bounded by MAX_FETCH_S.
FETCH_TIMEOUT_S = 15.0
MAX_FETCH_S = 60.0
MAX_REDIRECTS = 5
# Compressions a page may be sent with: decoded incrementally, so the 10 MB limit holds on the decoded
# size. Others (br, zstd, ...) are not asked for and refused if sent anyway.
CONTENT_ENCODINGS = ("gzip", "deflate")
PAGE_TYPES = ("text/html", "application/xhtml+xml")
SCHEMES = ("http", "https")
USER_AGENT = "compare/0.1 (news report comparison; one page per input)"


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its final URL, decoded HTML, when it was fetched and notes for the user."""

    url: str
    text: str
    fetched: str
    notes: tuple[str, ...] = ()


def fetch_page(
    url: str,
    *,
    timeout: float = FETCH_TIMEOUT_S,
    limit: int = MAX_INPUT_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    total: float = MAX_FETCH_S,
) -> Page:
    """GET one page, or raise InputError naming the URL and what went wrong.

    `total` bounds the whole fetch (connect, every redirect, headers and body): httpx only bounds each
    read, so a server dripping one header line at a time would otherwise hold a run for ever. The fetch
    runs in a worker thread that is abandoned at the deadline (it ends at its next read timeout).
    """
    outcome: list[Page | BaseException] = []
    worker = threading.Thread(
        target=_fetch_into,
        args=(outcome, url),
        kwargs={"timeout": timeout, "limit": limit, "max_redirects": max_redirects, "total": total},
        name=f"fetch {url[:60]}",
        daemon=True,
    )
    worker.start()
    worker.join(total)
    if not outcome:
        raise InputError(f"{url}: page took over {total:g} s to arrive")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch_into(outcome: list[Page | BaseException], url: str, **kwargs: Any) -> None:
    try:
        outcome.append(_fetch(url, **kwargs))
    except BaseException as error:  # handed to the waiting thread, which raises it
        outcome.append(error)


def _fetch(url: str, *, timeout: float, limit: int, max_redirects: int, total: float) -> Page:
    import httpx

    _check_scheme(url, url)
    deadline = _monotonic() + total
    try:
        with httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml",
                "Accept-Encoding": ", ".join(CONTENT_ENCODINGS),
            },
        ) as client:
            current = url
            for _hop in range(max_redirects + 1):
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        target = str(response.url.join(location))
                        _check_scheme(url, target, shown=location)
                        current = target
                        continue
                    return _read_page(url, response, limit=limit, deadline=deadline, total=total)
            raise InputError(f"{url}: more than {max_redirects} redirects")
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.InvalidURL as error:
        raise InputError(f"{url}: not a valid URL ({error})") from None
    except httpx.HTTPError as error:
        raise InputError(f"{url}: cannot fetch: {_reason(error)}") from None


def _read_page(url: str, response: object, *, limit: int, deadline: float, total: float) -> Page:
    import httpx

    assert isinstance(response, httpx.Response)
    final = str(response.url)
    if response.status_code >= 400:
        raise InputError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
    if response.status_code != 200:
        raise InputError(f"{url}: the server answered {response.status_code}, not a page")
    media_type, _, params = response.headers.get("content-type", "").partition(";")
    media_type = media_type.strip().lower()
    if media_type not in PAGE_TYPES:
        raise InputError(f"{url}: is {media_type or 'of no stated type'}, not a web page (text/html)")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputError(f"{url}: page is {human_size(int(declared))}, over the limit of {human_size(limit)}")
    decoder = _BoundedDecoder(_content_encoding(url, response.headers.get("content-encoding", "")))
    chunks: list[bytes] = []
    size = 0
    try:
        for raw in response.iter_raw():
            for chunk in decoder.feed(raw, room=limit - size + 1):
                size += len(chunk)
                if size > limit:
                    raise InputError(f"{url}: page is over the limit of {human_size(limit)}")
                chunks.append(chunk)
            if _monotonic() > deadline:
                raise InputError(f"{url}: page took over {total:g} s to arrive")
    except zlib.error:
        raise InputError(f"{url}: the page's {decoder.encoding} data is corrupt") from None
    data = b"".join(chunks)
    text, notes = _decode(data, url=url, charset=_charset(params))
    fetched = datetime.now(UTC).replace(microsecond=0).isoformat()
    if final != url:
        notes = (*notes, f"redirected to {final}")
    return Page(url=final, text=text, fetched=fetched, notes=notes)


def _content_encoding(url: str, header: str) -> str:
    """The one compression the body uses ("identity" for none); one we cannot bound is refused."""
    codings = [
        part.strip().lower() for part in header.split(",") if part.strip().lower() not in ("", "identity")
    ]
    if not codings:
        return "identity"
    if len(codings) > 1 or codings[0] not in CONTENT_ENCODINGS:
        raise InputError(
            f"{url}: the page is sent with Content-Encoding {header.strip()[:60]!r}; only "
            f"{', '.join(CONTENT_ENCODINGS)} or none are read (their decoded size can be bounded)"
        )
    return codings[0]


class _BoundedDecoder:
    """Decompresses a body piece by piece, never producing more than the room left under the limit."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        # gzip: the gzip wrapper; deflate: a zlib stream, or (servers differ) a raw one, decided on sight.
        self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
        self._started = False

    def feed(self, data: bytes, *, room: int) -> Iterator[bytes]:
        if self.encoding == "identity":
            yield data
            return
        if self._inflate is None:
            self._inflate = zlib.decompressobj(zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS)
        pending = data
        while pending and room > 0:
            out = self._inflate.decompress(pending, room)
            pending = self._inflate.unconsumed_tail
            room -= len(out)
            if out:
                yield out
            elif not pending:
                break
        if pending:  # output reached the room given: the caller sees a chunk over the limit
            yield self._inflate.decompress(pending, 1)


def _zlib_header(data: bytes) -> bool:
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def _decode(data: bytes, *, url: str, charset: str | None) -> tuple[str, tuple[str, ...]]:
    """The page in its declared charset; a label that is no text encoding is set aside, with a note."""
    notes: list[str] = []
    if charset:
        codec = text_codec(charset)
        if codec is None:
            notes.append(f"declared charset {charset[:40]!r} is not a text encoding; ignored")
        else:
            try:
                return data.decode(codec), ()
            except UnicodeDecodeError:
                notes.append(f"not valid {codec} as declared")
    decoded = decode_bytes(data, name=url)
    return decoded.text, (*notes, *((decoded.note,) if decoded.note else ()))


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _check_scheme(url: str, target: str, *, shown: str | None = None) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in SCHEMES:
        where = "" if target == url else f" (redirected to {(shown or target)[:200]})"
        raise InputError(f"{url}: only http and https pages are fetched, not {scheme or 'this'}:{where}")


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:200]


def _monotonic() -> float:
    import time

    return time.monotonic()
