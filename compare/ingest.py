"""Read report files (.txt, .md, .html) and web pages with their metadata into Documents."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from compare.decode import read_and_decode, valid_strings, valid_text
from compare.errors import InputError
from compare.extract import MAX_PARSE_DEPTH, blocks_to_text, extract_page, within_parse_depth
from compare.limits import MAX_DOCUMENT_CHARS, MAX_TOTAL_CHARS
from compare.metadata import METADATA_FIELDS, clean_fields, clean_id, parse_json, parse_yaml
from compare.model import Document
from compare.output import MARKER, REPORT_FILES

__all__ = [
    "METADATA_FIELDS",
    "LoadedDocument",
    "check_documents",
    "check_sizes",
    "expand_inputs",
    "is_url",
    "load_document",
    "load_documents",
    "sidecar_paths",
]

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

Source = Path | str  # a file, or the URL of a page (a str for which is_url() holds)


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """A document plus what the reader should be told about how it was read."""

    document: Document
    notices: tuple[str, ...] = ()
    given_as: str | None = None  # the path or URL as the user wrote it


def is_url(raw: str | Path) -> bool:
    """Whether an input names a web page (any scheme://) rather than a file."""
    return isinstance(raw, str) and bool(_URL.match(raw))


def expand_inputs(paths: Sequence[str | Path]) -> list[Source]:
    """Turn the user's inputs into report files and URLs; a folder contributes its report files.

    A metadata sidecar named next to its report file is paired with it, not read as a report;
    compare's own report files (a folder it wrote) are never read as articles.
    """
    sources: list[Source] = []
    given = [raw for raw in paths if not is_url(raw)]
    for raw in paths:
        if is_url(raw):
            sources.append(str(raw))
            continue
        path = Path(raw)
        kind = _file_kind(path)
        if kind == "folder":
            sources.extend(_folder_files(path))
        elif _is_sidecar(path):
            _check_sidecar_pairs(path, given)
        else:
            if _is_own_report(path):
                raise InputError(f"{path}: is a report written by compare, not an article")
            sources.append(path)
    _refuse_repeats(sources)
    return sources


def load_documents(
    paths: Sequence[str | Path], *, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> list[LoadedDocument]:
    """Load every input; `overrides` maps a document id, file name or path to metadata fields."""
    loaded = [load_source(source) for source in expand_inputs(paths)]
    if overrides:
        loaded = _apply_overrides(loaded, overrides)
    check_documents([item.document for item in loaded])
    check_sizes([item.document for item in loaded])
    return loaded


def load_source(source: Source) -> LoadedDocument:
    """Read one input: a report file, or a web page fetched and extracted like a saved .html file."""
    if isinstance(source, Path):
        return load_document(source)
    from compare.fetch import fetch_page

    page = fetch_page(source)
    text, metadata, extract_notes = extract_page(page.text, source)
    metadata["url"] = page.url
    notices = [f"{source}: {note}" for note in (*page.notes, *extract_notes)]
    loaded = _build(text, metadata, name=_url_name(page.url), where=source, source=page.url, notices=notices)
    return replace(loaded, document=replace(loaded.document, fetched=page.fetched))


def load_document(path: str | Path) -> LoadedDocument:
    """Read one report file and its metadata (front matter or a NAME.meta.yaml/.json sidecar)."""
    path = Path(path)
    kind = _file_kind(path)
    if kind == "folder":
        raise InputError(f"{path}: is a folder, expected a report file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r} "
            f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    decoded = read_and_decode(path)
    notices = [f"{path}: {decoded.note}"] if decoded.note else []
    raw_text = decoded.text
    metadata: dict[str, Any] = {}
    if suffix in HTML_SUFFIXES:
        text, html_metadata, extract_notes = extract_page(raw_text, str(path))
        metadata.update(html_metadata)
        notices.extend(f"{path}: {note}" for note in extract_notes)
    else:
        front, raw_text = _split_front_matter(raw_text, path)
        metadata.update(front)
        text = raw_text
        if suffix in MARKDOWN_SUFFIXES:
            text, set_aside = _markdown_text(raw_text)
            if set_aside:
                notices.append(
                    f"{path}: {set_aside:,} blocks nested more than {MAX_PARSE_DEPTH} deep were flattened "
                    "so that the text inside and after them is read; the text is kept"
                )
    metadata.update(_read_sidecar(path))
    return _build(text, metadata, name=path.stem, where=str(path), source=str(path), notices=notices)


def _build(
    text: str, metadata: Mapping[str, Any], *, name: str, where: str, source: str, notices: list[str]
) -> LoadedDocument:
    (where, bad_name), (source, _), (name, _) = valid_text(where), valid_text(source), valid_text(name)
    metadata, bad_values = valid_strings(dict(metadata))
    notices = list(notices)
    if bad_name:
        notices.append(f"{where}: the file name is not UTF-8; its odd bytes are read as Windows-1252")
    if bad_values:
        notices.append(f"{where}: {bad_values} metadata value(s) held characters that are not text; now �")
    if not text.strip():
        raise InputError(f"{where}: no article text found")
    if len(text) > MAX_DOCUMENT_CHARS:  # said at once, before the next input is read
        raise InputError(
            f"{where}: article text is {len(text):,} characters, over the limit of "
            f"{MAX_DOCUMENT_CHARS:,} per document (about {MAX_DOCUMENT_CHARS // 6:,} words)"
        )
    fields, cut = clean_fields(metadata, where=where)
    document = Document(
        id=clean_id(fields.get("id") or name),
        text=text,
        title=fields.get("title"),
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        published=fields.get("published"),
        language=fields.get("language"),
        author=fields.get("author"),
        source=source,
    )
    return LoadedDocument(document, (*notices, *cut), given_as=where)


def check_documents(documents: Sequence[Document]) -> None:
    """Refuse a set of documents that cannot be compared: too few, duplicate ids or texts."""
    if len(documents) < 2:
        raise InputError(f"need at least two documents to compare, got {len(documents)}")
    seen_ids: dict[str, Document] = {}
    seen_texts: dict[str, Document] = {}
    for document in documents:
        if document.id in seen_ids:
            raise InputError(
                f"duplicate document id {document.id!r} ({_where(seen_ids[document.id])} and "
                f"{_where(document)}): give one another id, e.g. --meta {_where(document)}.id=NEW-ID"
            )
        seen_ids[document.id] = document
        folded = " ".join(document.text.split())
        if folded in seen_texts:
            raise InputError(
                f"{_where(document)} has the same text as {_where(seen_texts[folded])}: "
                "the same document was given twice"
            )
        seen_texts[folded] = document


def check_sizes(
    documents: Sequence[Document],
    *,
    max_document_chars: int = MAX_DOCUMENT_CHARS,
    max_total_chars: int = MAX_TOTAL_CHARS,
) -> None:
    """Refuse, before any costly work, a document or a set of documents over the size limits."""
    total = 0
    for document in documents:
        size = len(document.text)
        total += size
        if size > max_document_chars:
            raise InputError(
                f"{_where(document)}: article text is {size:,} characters, over the limit of "
                f"{max_document_chars:,} per document (about {max_document_chars // 6:,} words)"
            )
    if total > max_total_chars:
        raise InputError(
            f"the {len(documents)} documents hold {total:,} characters together, over the limit of "
            f"{max_total_chars:,} for one comparison"
        )


def sidecar_paths(path: Path) -> list[Path]:
    """Where a report's metadata sidecar may be: NAME.meta.yaml next to NAME.txt, and variants."""
    bases = [path.with_suffix(""), path]
    return [base.parent / (base.name + suffix) for base in bases for suffix in SIDECAR_SUFFIXES]


def _file_kind(path: Path) -> str:
    """'folder' or 'file'; anything else (missing, a pipe, a device) is an InputError naming it."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    what = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    raise InputError(f"{path}: is {what}, not a regular file; save the article to a file first")


def _folder_files(folder: Path) -> list[Path]:
    """The report files of a folder: sidecars, hidden files and compare's own reports left out."""
    found = sorted(
        child
        for child in folder.iterdir()
        if child.is_file() and not _is_sidecar(child) and not child.name.startswith(".")
    )
    own = [child for child in found if _is_own_report(child)]
    found = [child for child in found if child not in own]
    unsupported = [child.name for child in found if child.suffix.lower() not in SUPPORTED_SUFFIXES]
    if unsupported:
        raise InputError(
            f"{folder}: unsupported files in folder: {', '.join(unsupported)} "
            f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    if not found:
        if own:
            raise InputError(f"{folder}: holds a report written by compare, not articles")
        raise InputError(f"{folder}: folder holds no report files")
    return found


def _is_own_report(path: Path) -> bool:
    """Whether a file is one of the reports compare wrote (its folder carries compare's marker)."""
    return path.name in REPORT_FILES and (path.parent / MARKER).is_file()


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def _check_sidecar_pairs(sidecar: Path, given: Sequence[str | Path]) -> None:
    """A sidecar named as an input (`compare report seeds/*`) is fine when its report file is too."""
    lowered = sidecar.name.lower()
    stem = sidecar.name[: -len(next(s for s in SIDECAR_SUFFIXES if lowered.endswith(s)))]
    partners = [sidecar.parent / (stem + suffix) for suffix in SUPPORTED_SUFFIXES]
    partners.append(sidecar.parent / stem)
    named = {os.path.normpath(str(raw)) for raw in given}
    if not any(os.path.normpath(str(partner)) in named for partner in partners):
        raise InputError(
            f"{sidecar}: is a metadata sidecar; give its report file ({stem}.txt, .md or .html) as the input"
        )


def _refuse_repeats(sources: Sequence[Source]) -> None:
    """The same file named twice (directly, through a folder or a link) is a slip, said as such."""
    seen: dict[tuple[int, int], Path] = {}
    for source in sources:
        if not isinstance(source, Path):
            continue
        try:
            info = source.stat()
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            first = seen[key]
            also = "" if str(first) == str(source) else f" (also as {first})"
            raise InputError(f"{source}: the same file was given twice{also}; give each report once")
        seen[key] = source


def _url_name(url: str) -> str:
    """A document id for a page: the last meaningful part of its URL path, else its host."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    name = segments[-1] if segments else parts.hostname or "page"
    name = re.sub(r"\.(?:s?html?|php|aspx?)$", "", name, flags=re.IGNORECASE)
    try:
        clean_id(name)
    except InputError:
        return parts.hostname or "page"
    return name


def _where(document: Document) -> str:
    return document.source or document.id


def _apply_overrides(
    loaded: list[LoadedDocument], overrides: Mapping[str, Mapping[str, str]]
) -> list[LoadedDocument]:
    """Apply CLI metadata overrides, keyed by document id, file name or the path as given."""
    used: set[str] = set()
    result = []
    for item in loaded:
        document = item.document
        notices = list(item.notices)
        keys = [document.id]
        if document.source:
            keys.append(Path(document.source).name)
        if item.given_as:
            keys.append(item.given_as)
        for key in dict.fromkeys(keys):
            if key in overrides:
                used.add(key)
                fields, cut = clean_fields(overrides[key], where=f"--meta {key}")
                notices.extend(cut)
                if "id" in fields:
                    fields["id"] = clean_id(fields["id"])
                document = replace(document, **fields)
        result.append(LoadedDocument(document, tuple(notices), item.given_as))
    unknown = sorted(set(overrides) - used)
    if unknown:
        raise InputError(f"--meta names no input document: {', '.join(unknown)}")
    return result


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Take YAML front matter off the top of a text or Markdown file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return parse_yaml(match.group(1), where=str(path), what="front matter"), text[match.end() :]


def _read_sidecar(path: Path) -> dict[str, Any]:
    from compare.limits import MAX_METADATA_BYTES, human_size

    for candidate in sidecar_paths(path):
        if candidate.is_file():
            try:
                with candidate.open("rb") as handle:
                    data = handle.read(MAX_METADATA_BYTES + 1)
            except OSError as error:
                raise InputError(f"{candidate}: cannot read metadata: {error.strerror or error}") from None
            if len(data) > MAX_METADATA_BYTES:
                raise InputError(
                    f"{candidate}: metadata is over the limit of {human_size(MAX_METADATA_BYTES)}"
                )
            try:
                raw = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise InputError(f"{candidate}: metadata is not UTF-8 text") from None
            if candidate.suffix == ".json":
                return parse_json(raw, where=str(candidate))
            return parse_yaml(raw, where=str(candidate))
    return {}


def _markdown_text(source: str) -> tuple[str, int]:
    """Plain text of a Markdown article (one block per line, markup and images removed), and how many
    elements nested past the HTML parser's depth were flattened to keep their text."""
    import markdown

    html = markdown.markdown(source, extensions=["extra"], output_format="html")
    html, set_aside = within_parse_depth(html)
    return blocks_to_text(html), set_aside
