"""Document metadata (front matter, sidecars, pages, --meta): parsed with bounds, cleaned and capped.

Metadata is as hostile as article text: a 500-byte YAML block with nested aliases expands to
gigabytes, and a page's og:site_name can be 50,000 characters that every report lays out.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from typing import Any

import yaml

from compare.errors import InputError
from compare.limits import (
    MAX_FIELD_CHARS,
    MAX_METADATA_BYTES,
    MAX_METADATA_NODES,
    MAX_NESTING_DEPTH,
    human_size,
)

__all__ = ["METADATA_FIELDS", "clean_fields", "clean_id", "one_line", "parse_json", "parse_yaml"]

METADATA_FIELDS = ("id", "title", "outlet", "url", "published", "language", "author")


def parse_yaml(raw: str, *, where: str, what: str = "metadata") -> dict[str, Any]:
    """A YAML metadata block as a mapping; aliases, too many nodes or too many bytes are refused."""
    _check_size(raw, where=where, what=what)
    try:
        loaded = yaml.load(raw, Loader=_BoundedLoader)  # a SafeLoader subclass
    except _Refused as refusal:
        raise InputError(f"{where}: {what} refused: {refusal}") from None
    except RecursionError:
        raise InputError(f"{where}: {what} refused: YAML nested too deeply") from None
    except yaml.YAMLError as error:
        raise InputError(f"{where}: invalid YAML {what}: {one_line(str(error).splitlines()[0])}") from None
    return check_fields(loaded or {}, where=where)


def parse_json(raw: str, *, where: str) -> dict[str, Any]:
    """A JSON metadata sidecar as a mapping; too many bytes or too deep nesting is refused."""
    _check_size(raw, where=where, what="metadata")
    try:
        loaded = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: invalid JSON: {error.msg} (line {error.lineno})") from None
    except RecursionError:
        raise InputError(f"{where}: metadata refused: JSON nested too deeply") from None
    return check_fields(loaded, where=where)


def check_fields(loaded: object, *, where: str) -> dict[str, Any]:
    """The mapping's fields, refusing anything but a mapping of known field names."""
    if not isinstance(loaded, dict):
        raise InputError(f"{where}: metadata must be a mapping of field: value")
    unknown = sorted(one_line(str(key))[:40] for key in loaded if key not in METADATA_FIELDS)
    if unknown:
        raise InputError(
            f"{where}: unknown metadata field(s) {', '.join(unknown[:5])} "
            f"(known: {', '.join(METADATA_FIELDS)})"
        )
    return {str(key): value for key, value in loaded.items()}


def clean_fields(metadata: Mapping[str, Any], *, where: str) -> tuple[dict[str, str], list[str]]:
    """Each field as one line of text within its length limit, plus a note for every value that was cut."""
    cleaned: dict[str, str] = {}
    notes: list[str] = []
    for name in METADATA_FIELDS:
        if name not in metadata or metadata[name] is None:
            continue
        text = one_line(_as_text(metadata[name], name=name, where=where))
        if not text:
            continue
        limit = MAX_FIELD_CHARS[name]
        if len(text) > limit:
            notes.append(f"{where}: {name} is {len(text):,} characters; cut to the first {limit:,}")
            text = text[: limit - 1].rstrip() + "…"
        cleaned[name] = text
    return cleaned, notes


def clean_id(raw: str) -> str:
    """A document id: letters, marks and digits of any script plus `_.-`; other runs become one '-'."""
    text = unicodedata.normalize("NFC", raw.strip())
    kept: list[str] = []
    for char in text:
        if unicodedata.category(char)[0] in "LMN" or char in "_.-":
            kept.append(char)
        elif kept and kept[-1] != "-":
            kept.append("-")
    cleaned = "".join(kept).strip("-.")[: MAX_FIELD_CHARS["id"]]
    if not cleaned:
        raise InputError(f"document id {one_line(raw)[:80]!r} has no letters or digits")
    return cleaned


def one_line(text: str) -> str:
    """Text with every run of white space or control characters folded into one space."""
    pieces: list[str] = []
    space = False
    for char in text:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            space = True
            continue
        if space and pieces:
            pieces.append(" ")
        space = False
        pieces.append(char)
    return "".join(pieces)


def _as_text(value: object, *, name: str, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        raise InputError(f"{where}: metadata field {name} must be text, got {value!r}")
    if isinstance(value, int | float | dt.date | dt.datetime):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
        return ", ".join(str(item) for item in value)
    raise InputError(f"{where}: metadata field {name} must be text, got a {type(value).__name__}")


def _check_size(raw: str, *, where: str, what: str) -> None:
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > MAX_METADATA_BYTES:
        raise InputError(
            f"{where}: {what} is {human_size(size)}, over the limit of {human_size(MAX_METADATA_BYTES)}"
        )


class _Refused(Exception):
    """Raised inside the YAML loader when a block is refused; its message says why."""


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, stops after MAX_METADATA_NODES nodes and MAX_NESTING_DEPTH levels."""

    nodes = 0
    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed in metadata")
        self.nodes += 1
        if self.nodes > MAX_METADATA_NODES:
            raise _Refused(f"more than {MAX_METADATA_NODES:,} YAML values")
        self.depth += 1
        if self.depth > MAX_NESTING_DEPTH:
            raise _Refused(f"YAML nested more than {MAX_NESTING_DEPTH} levels deep")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
