"""A batch's inputs: files, folders (walked), list files of paths and URLs, `-` for a list on stdin.

Every article is read by the same ingest as `compare report`, with the same limits. A bad article
(unreadable, unsupported, over a limit, no text) becomes a failure with its one-line reason; it never
stops the batch. An article whose text another article already has (the same file twice, a copy of
a wire story saved twice) is read once and the copy is listed as such.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from compare.errors import CompareError
from compare.ingest import SUPPORTED_SUFFIXES, is_url, load_source
from compare.model import Document
from compare.output import MARKER

__all__ = ["BATCH_MARKER", "Article", "Failure", "article_key", "read_articles", "sources_of"]

# An empty file that marks a folder as a batch's output: never read as articles.
BATCH_MARKER = ".compare-batch"
LIST_SUFFIXES = (".list", ".lst")
_SIDECAR = re.compile(r"\.meta\.(?:ya?ml|json)$", re.IGNORECASE)
# A list file holds a path or URL a line; '#' starts a comment line.
_COMMENT = "#"


@dataclass(frozen=True, slots=True)
class Article:
    """An article read for the batch."""

    document: Document
    given_as: str  # the path or URL as the user (or a list file) gave it
    key: str  # sha256 of the text: the article's identity across runs
    notices: tuple[str, ...] = ()
    copy_of: str | None = None  # the id of the article with the same text, when this one is a copy


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that gave no article, and why, in one line."""

    given_as: str
    error: str


Source = Path | str


def article_key(text: str) -> str:
    """The identity of an article's text across runs."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def sources_of(inputs: Sequence[str], stdin: TextIO | None = None) -> tuple[list[Source], list[Failure]]:
    """The articles the inputs name (files and URLs, in order, each once) and the inputs that name none."""
    sources: list[Source] = []
    failures: list[Failure] = []
    seen: set[object] = set()
    for source, failure in _expand(inputs, base=None, stdin=stdin, lists=set()):
        if failure is not None:
            failures.append(failure)
            continue
        assert source is not None
        identity = _identity(source)
        if identity in seen:
            continue
        seen.add(identity)
        sources.append(source)
    return sources, failures


def read_articles(sources: Sequence[Source]) -> Iterator[Article | Failure]:
    """Read each source in turn: an Article, or a Failure with the reason; ids unique across the batch."""
    used_ids: set[str] = set()
    by_key: dict[str, str] = {}
    for source in sources:
        given = str(source)
        try:
            loaded = load_source(source)
        except CompareError as error:
            # an ingest error names its file first; the batch lists the file apart, so the name goes
            yield Failure(given, str(error).removeprefix(f"{given}: "))
            continue
        except RecursionError:
            yield Failure(given, "nested too deeply to read")
            continue
        document = loaded.document
        unique = _unique_id(document.id, used_ids)
        used_ids.add(unique)
        if unique != document.id:
            document = replace(document, id=unique)
        key = article_key(document.text)
        copy_of = by_key.setdefault(key, document.id)
        yield Article(
            document=document,
            given_as=loaded.given_as or given,
            key=key,
            notices=loaded.notices,
            copy_of=None if copy_of == document.id else copy_of,
        )


def _expand(
    inputs: Iterable[str], *, base: Path | None, stdin: TextIO | None, lists: set[Path]
) -> Iterator[tuple[Source | None, Failure | None]]:
    for raw in inputs:
        entry = raw.strip() if base is not None else raw
        if base is not None and (not entry or entry.startswith(_COMMENT)):
            continue
        if entry == "-" and base is None:
            if stdin is None:
                yield None, Failure("-", "no list of articles on standard input")
                continue
            yield from _expand(stdin.read().splitlines(), base=Path.cwd(), stdin=None, lists=lists)
            continue
        if is_url(entry):
            if entry.lower().startswith(("http://", "https://")):
                yield entry, None
            else:
                yield None, Failure(entry, "only http:// and https:// pages can be fetched")
            continue
        path = Path(entry)
        if base is not None and not path.is_absolute():
            path = base / path
        yield from _expand_path(path, stdin=stdin, lists=lists)


def _expand_path(
    path: Path, *, stdin: TextIO | None, lists: set[Path]
) -> Iterator[tuple[Source | None, Failure | None]]:
    if not path.exists():
        yield None, Failure(str(path), "not found")
        return
    if path.is_dir():
        yield from _walk(path)
        return
    if not path.is_file():
        yield None, Failure(str(path), "not a regular file")
        return
    if _is_list_file(path):
        real = path.resolve()
        if real in lists:
            return  # a list naming itself, or two lists naming each other
        lists.add(real)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            yield (
                None,
                Failure(str(path), f"cannot read the list: {getattr(error, 'strerror', None) or error}"),
            )
            return
        yield from _expand(lines, base=path.parent, stdin=stdin, lists=lists)
        return
    yield _as_article(path)


def _walk(folder: Path) -> Iterator[tuple[Source | None, Failure | None]]:
    """The article files under a folder, in name order; hidden entries, sidecars and reports left out."""
    for root, folders, files in os.walk(folder):
        here = Path(root)
        if (here / MARKER).exists() or (here / BATCH_MARKER).exists():
            folders[:] = []  # a report compare wrote, or a batch's output: never articles
            continue
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _SIDECAR.search(name):
                continue
            path = here / name
            if path.suffix.lower() in LIST_SUFFIXES:
                continue  # a list file inside a folder is not followed: give it as an input
            yield _as_article(path)


def _as_article(path: Path) -> tuple[Source | None, Failure | None]:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return None, Failure(
            str(path),
            f"unsupported file type {path.suffix.lower() or '(none)'!r} "
            f"(supported: {', '.join(SUPPORTED_SUFFIXES)})",
        )
    return path, None


def _is_list_file(path: Path) -> bool:
    """A .list/.lst file, or a .txt file whose every line is a URL, a path that exists or a comment."""
    suffix = path.suffix.lower()
    if suffix in LIST_SUFFIXES:
        return True
    if suffix != ".txt":
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    try:
        lines = [line.strip() for line in head.decode("utf-8").splitlines()]
    except UnicodeDecodeError:
        return False
    entries = [line for line in lines if line and not line.startswith(_COMMENT)]
    if not entries or len(head) == 64 * 1024:
        return False
    return all(is_url(line) or (path.parent / line).exists() or Path(line).exists() for line in entries)


def _identity(source: Source) -> object:
    if isinstance(source, str):
        return source
    try:
        info = source.stat()
    except OSError:
        return str(source.resolve())
    return (info.st_dev, info.st_ino)


def _unique_id(wanted: str, used: set[str]) -> str:
    if wanted not in used:
        return wanted
    number = 2
    while f"{wanted}-{number}" in used:
        number += 1
    return f"{wanted}-{number}"
