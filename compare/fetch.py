"""Fetch a web page given as an input: http/https only, bounded in time, size and redirects.

The page is then extracted exactly like a saved .html file; its final URL and the fetch time become
the document's `url` and `fetched` metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from compare.decode import decode_bytes, text_codec
from compare.errors import InputError
from compare.limits import MAX_INPUT_BYTES, human_size

__all__ = ["FETCH_TIMEOUT_S", "MAX_REDIRECTS", "Page", "fetch_page"]

# Seconds allowed to connect and between two reads; the whole fetch is bounded by MAX_FETCH_S.
FETCH_TIMEOUT_S = 15.0
MAX_FETCH_S = 60.0
MAX_REDIRECTS = 5
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
) -> Page:
    """GET one page, or raise InputError naming the URL and what went wrong."""
    import httpx

    _check_scheme(url, url)
    deadline = _monotonic() + MAX_FETCH_S
    try:
        with httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
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
                    return _read_page(url, response, limit=limit, deadline=deadline)
            raise InputError(f"{url}: more than {max_redirects} redirects")
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.InvalidURL as error:
        raise InputError(f"{url}: not a valid URL ({error})") from None
    except httpx.HTTPError as error:
        raise InputError(f"{url}: cannot fetch: {_reason(error)}") from None


def _read_page(url: str, response: object, *, limit: int, deadline: float) -> Page:
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
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(f"{url}: page is over the limit of {human_size(limit)}")
        if _monotonic() > deadline:
            raise InputError(f"{url}: page took over {MAX_FETCH_S:.0f} s to arrive")
        chunks.append(chunk)
    data = b"".join(chunks)
    text, notes = _decode(data, url=url, charset=_charset(params))
    fetched = datetime.now(UTC).replace(microsecond=0).isoformat()
    if final != url:
        notes = (*notes, f"redirected to {final}")
    return Page(url=final, text=text, fetched=fetched, notes=notes)


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
