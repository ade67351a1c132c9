"""Read report files (.txt, .md, .html) with their metadata into Documents."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from compare.decode import read_and_decode
from compare.errors import InputError
from compare.model import Document

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
METADATA_FIELDS = ("id", "title", "outlet", "url", "published", "language", "author")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """A document plus what the reader should be told about how it was read."""

    document: Document
    notices: tuple[str, ...] = ()


def expand_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Turn the user's paths into report files; a folder contributes its supported files."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(
                child
                for child in path.iterdir()
                if child.is_file() and not _is_sidecar(child) and not child.name.startswith(".")
            )
            unsupported = [child.name for child in found if child.suffix.lower() not in SUPPORTED_SUFFIXES]
            if unsupported:
                raise InputError(
                    f"{path}: unsupported files in folder: {', '.join(unsupported)} "
                    f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"
                )
            if not found:
                raise InputError(f"{path}: folder holds no report files")
            files.extend(found)
        else:
            files.append(path)
    return files


def load_documents(
    paths: Sequence[str | Path], *, overrides: Mapping[str, Mapping[str, str]] | None = None
) -> list[LoadedDocument]:
    """Load every input file; `overrides` maps a document id or file name to metadata fields."""
    loaded = [load_document(path) for path in expand_inputs(paths)]
    if overrides:
        loaded = _apply_overrides(loaded, overrides)
    check_documents([item.document for item in loaded])
    return loaded


def load_document(path: str | Path) -> LoadedDocument:
    """Read one report file and its metadata (front matter or a NAME.meta.yaml/.json sidecar)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder, expected a report file")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'!r} "
            f"(supported: {', '.join(SUPPORTED_SUFFIXES)})"
        )
    decoded = read_and_decode(path)
    notices = (f"{path}: {decoded.note}",) if decoded.note else ()
    raw_text = decoded.text
    metadata: dict[str, Any] = {}
    if suffix in HTML_SUFFIXES:
        text, html_metadata = _html_text(raw_text, path)
        metadata.update(html_metadata)
    else:
        front, raw_text = _split_front_matter(raw_text, path)
        metadata.update(front)
        text = _markdown_text(raw_text) if suffix in MARKDOWN_SUFFIXES else raw_text
    metadata.update(_read_sidecar(path))
    if not text.strip():
        raise InputError(f"{path}: no article text found")
    document = Document(
        id=_clean_id(str(metadata.get("id") or path.stem)),
        text=text,
        title=_text_field(metadata, "title"),
        outlet=_text_field(metadata, "outlet"),
        url=_text_field(metadata, "url"),
        published=_text_field(metadata, "published"),
        language=_text_field(metadata, "language"),
        author=_text_field(metadata, "author"),
        source=str(path),
    )
    return LoadedDocument(document, notices)


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
                f"{_where(document)}): give one an id with --meta or in its metadata"
            )
        seen_ids[document.id] = document
        folded = " ".join(document.text.split())
        if folded in seen_texts:
            raise InputError(
                f"{_where(document)} has the same text as {_where(seen_texts[folded])}: "
                "the same document was given twice"
            )
        seen_texts[folded] = document


def sidecar_paths(path: Path) -> list[Path]:
    """Where a report's metadata sidecar may be: NAME.meta.yaml next to NAME.txt, and variants."""
    bases = [path.with_suffix(""), path]
    return [base.parent / (base.name + suffix) for base in bases for suffix in SIDECAR_SUFFIXES]


def _where(document: Document) -> str:
    return document.source or document.id


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def _apply_overrides(
    loaded: list[LoadedDocument], overrides: Mapping[str, Mapping[str, str]]
) -> list[LoadedDocument]:
    """Apply CLI metadata overrides, keyed by document id or file name."""
    used: set[str] = set()
    result = []
    for item in loaded:
        document = item.document
        keys = [document.id, Path(document.source).name if document.source else document.id]
        for key in keys:
            if key in overrides:
                fields = dict(overrides[key])
                used.add(key)
                if "id" in fields:
                    fields["id"] = _clean_id(fields["id"])
                document = replace(document, **fields)
        result.append(LoadedDocument(document, item.notices))
    unknown = sorted(set(overrides) - used)
    if unknown:
        raise InputError(f"--meta names no input document: {', '.join(unknown)}")
    return result


def _clean_id(raw: str) -> str:
    cleaned = _ID_UNSAFE.sub("-", raw.strip()).strip("-")
    if not cleaned:
        raise InputError(f"document id {raw!r} has no usable characters")
    return cleaned


def _text_field(metadata: Mapping[str, Any], name: str) -> str | None:
    value = metadata.get(name)
    if value is None or value == "":
        return None
    return str(value).strip() or None


def _split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """Take YAML front matter off the top of a text or Markdown file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return _parse_metadata(match.group(1), path, "front matter"), text[match.end() :]


def _read_sidecar(path: Path) -> dict[str, Any]:
    for candidate in sidecar_paths(path):
        if candidate.is_file():
            try:
                raw = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise InputError(f"{candidate}: cannot read metadata: {error}") from None
            if candidate.suffix == ".json":
                try:
                    loaded = json.loads(raw)
                except json.JSONDecodeError as error:
                    raise InputError(
                        f"{candidate}: invalid JSON: {error.msg} (line {error.lineno})"
                    ) from None
                return _check_metadata(loaded, candidate)
            return _parse_metadata(raw, candidate, "metadata")
    return {}


def _parse_metadata(raw: str, path: Path, what: str) -> dict[str, Any]:
    import yaml

    try:
        loaded = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise InputError(f"{path}: invalid YAML {what}: {str(error).splitlines()[0]}") from None
    return _check_metadata(loaded or {}, path)


def _check_metadata(loaded: object, path: Path) -> dict[str, Any]:
    if not isinstance(loaded, dict):
        raise InputError(f"{path}: metadata must be a mapping of field: value")
    unknown = sorted(str(key) for key in loaded if key not in METADATA_FIELDS)
    if unknown:
        raise InputError(
            f"{path}: unknown metadata field(s) {', '.join(unknown)} (known: {', '.join(METADATA_FIELDS)})"
        )
    return {str(key): value for key, value in loaded.items()}


def _markdown_text(source: str) -> str:
    """Plain text of a Markdown article: one block per line, markup and images removed."""
    import markdown

    html = markdown.markdown(source, extensions=["extra"], output_format="html")
    return _blocks_to_text(html)


def _blocks_to_text(html: str) -> str:
    """Text of an HTML fragment with each block element on its own line; scripts dropped."""
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in root.iter("script", "style", "iframe", "form", "noscript", "img"):
        element.drop_tree()
    blocks: list[str] = []
    block_tags = (
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "li",
        "blockquote",
        "figcaption",
        "td",
        "th",
        "pre",
        "dt",
        "dd",
    )
    for element in root.iter(*block_tags):
        if any(ancestor.tag in block_tags for ancestor in element.iterancestors()):
            continue
        line = " ".join(element.text_content().split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [" ".join(root.text_content().split())]
    return "\n\n".join(blocks) + "\n"


def _html_text(source: str, path: Path) -> tuple[str, dict[str, Any]]:
    """Article text and metadata of an HTML page, via trafilatura; nothing is fetched."""
    import trafilatura

    source = _strip_active_content(source)
    text = trafilatura.extract(
        source,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        text = _blocks_to_text(source)
    metadata: dict[str, Any] = {}
    found = trafilatura.extract_metadata(source)
    if found is not None:
        for ours, theirs in (
            ("title", "title"),
            ("outlet", "sitename"),
            ("url", "url"),
            ("published", "date"),
            ("author", "author"),
            ("language", "language"),
        ):
            value = getattr(found, theirs, None)
            if value:
                metadata[ours] = value
    url = metadata.get("url")
    if url and not str(url).startswith(("http://", "https://")):
        del metadata["url"]
    return text + ("" if text.endswith("\n") else "\n"), metadata


_ACTIVE_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "svg",
    "canvas",
    "template",
    "nav",
)


def _strip_active_content(source: str) -> str:
    """Drop scripts, frames, forms and other non-article markup before text extraction."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return source
    for element in list(root.iter(*_ACTIVE_TAGS)):
        element.drop_tree()
    return str(lxml_html.tostring(root, encoding="unicode"))
