"""Review decisions: the decisions file a reviewer saves from the HTML report, read back and validated.

The file is plain JSON (DECISIONS_FORMAT versions, newest first):

    {
      "format": "compare-decisions",
      "version": 1,
      "report": {"title": "...", "documents": ["cnn", "bbc"], "generated": "..."},   # optional, informative
      "decisions": [
        {"finding": "f-3a9c1e2b40", "status": "dismissed", "note": "both figures are official",
         "decided": "2025-08-24T12:10:00Z", "about": "Numbers differ — CNN: 300 … — Fox: 3,000 …"}
      ]
    }

Version 1: `finding` (a stable finding id, required), `status` (open | needs_checking | confirmed |
dismissed, required), `note`, `decided` (ISO 8601 time) and `about` (what the finding said, so that a
decision whose finding is gone can still be named), each optional text or null.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from compare.decode import valid_strings
from compare.errors import InputError
from compare.limits import MAX_DECISIONS, MAX_DECISIONS_BYTES, human_size, read_bounded
from compare.model import Comparison, Decision, ReviewStatus

DECISIONS_FORMAT = "compare-decisions"
DECISIONS_VERSION = 1
MAX_NOTE_CHARS = 4000
MAX_FINDING_ID_CHARS = 64

_TOP_KEYS = frozenset({"format", "version", "report", "decisions"})
_DECISION_KEYS = frozenset({"finding", "status", "note", "decided", "about"})
_STATUSES = tuple(status.value for status in ReviewStatus)


def load_decisions(path: Path) -> tuple[Decision, ...]:
    """Read and validate a decisions file; any problem is an InputError naming the file and the entry."""
    return read_decisions_file(path)[0]


def read_decisions_file(path: Path) -> tuple[tuple[Decision, ...], tuple[str, ...] | None]:
    """A file's decisions, and the document ids of the report it was saved from where it names them."""
    if path.is_dir():
        raise InputError(f"{path}: decisions file is a folder, expected a JSON file")
    if not path.is_file():
        raise InputError(f"{path}: decisions file not found")
    try:
        raw = read_bounded(path, MAX_DECISIONS_BYTES)
    except OSError as error:
        raise InputError(f"{path}: cannot read decisions: {error.strerror or error}") from None
    if raw is None:
        raise InputError(f"{path}: decisions file is over the limit of {human_size(MAX_DECISIONS_BYTES)}")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: decisions file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: decisions file refused: JSON nested too deeply") from None
    data, _ = valid_strings(data)  # a '\\ud800' escape in a note cannot be written into any report
    decisions = parse_decisions(data, source=str(path))
    return decisions, _saved_for(data)


def _saved_for(data: Mapping[str, Any]) -> tuple[str, ...] | None:
    report = data.get("report")
    documents = report.get("documents") if isinstance(report, Mapping) else None
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        return None
    return tuple(documents)


def other_story_warning(saved_for: Sequence[str] | None, comparison: Comparison) -> str | None:
    """What differs when a decisions file was saved from a report on other documents, else None."""
    if saved_for is None:
        return None
    here = [d.id for d in comparison.documents]
    missing = [d for d in saved_for if d not in here]
    added = [d for d in here if d not in saved_for]
    if not missing and not added:
        return None
    decided = {decision.finding for decision in comparison.decisions}
    matched = sum(1 for finding in comparison.findings if finding.id in decided)
    parts = []
    if missing:
        parts.append(f"saved for {_listed(missing)}, not compared here")
    if added:
        parts.append(f"{_listed(added)} not in the report it was saved from")
    return (
        f"the decisions file is from another set of reports ({'; '.join(parts)}); "
        f"{matched} of its {len(decided)} decisions match a finding here"
    )


def _listed(ids: Sequence[str], shown: int = 4) -> str:
    named = ", ".join(ids[:shown])
    return named + (f" and {len(ids) - shown} more" if len(ids) > shown else "")


def parse_decisions(data: Any, *, source: str = "decisions") -> tuple[Decision, ...]:
    """Validate the decoded JSON of a decisions file and return its decisions, in file order."""
    if not isinstance(data, Mapping):
        raise InputError(f"{source}: expected a JSON object with 'format', 'version' and 'decisions'")
    _no_unknown_keys(data, _TOP_KEYS, source)
    if data.get("format") != DECISIONS_FORMAT:
        raise InputError(f"{source}: 'format' must be {DECISIONS_FORMAT!r}; is this a decisions file?")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(f"{source}: 'version' must be a whole number, got {version!r}")
    if version > DECISIONS_VERSION:
        raise InputError(
            f"{source}: decisions format version {version} is newer than this compare reads "
            f"({DECISIONS_VERSION}); upgrade compare"
        )
    report = data.get("report")
    if report is not None and not isinstance(report, Mapping):
        raise InputError(f"{source}: 'report' must be an object or absent")
    entries = data.get("decisions")
    if not isinstance(entries, list):
        raise InputError(f"{source}: 'decisions' must be a list")
    if len(entries) > MAX_DECISIONS:
        raise InputError(f"{source}: {len(entries):,} decisions, over the limit of {MAX_DECISIONS:,}")
    decisions = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"{source}: decisions[{index}]"
        decision = _decision(entry, where)
        if decision.finding in seen:
            raise InputError(f"{where}: finding {decision.finding!r} is decided twice")
        seen.add(decision.finding)
        decisions.append(decision)
    return tuple(decisions)


def apply_decisions(comparison: Comparison, decisions: Sequence[Decision]) -> Comparison:
    """The comparison carrying these decisions; those whose finding is gone are kept, and shown as stale."""
    return replace(comparison, decisions=tuple(decisions))


def decisions_document(comparison: Comparison) -> dict[str, Any]:
    """The decisions of a comparison as a decisions file (what the HTML report's Save button writes)."""
    return {
        "format": DECISIONS_FORMAT,
        "version": DECISIONS_VERSION,
        "report": {
            "title": comparison.title,
            "documents": [document.id for document in comparison.documents],
            "generated": comparison.generated,
        },
        "decisions": [decision.to_dict() for decision in comparison.decisions],
    }


def _decision(entry: Any, where: str) -> Decision:
    if not isinstance(entry, Mapping):
        raise InputError(f"{where}: expected an object with 'finding' and 'status'")
    _no_unknown_keys(entry, _DECISION_KEYS, where)
    finding = entry.get("finding")
    if not isinstance(finding, str) or not finding.strip():
        raise InputError(f"{where}: 'finding' must be a finding id such as 'f-3a9c1e2b40'")
    if len(finding) > MAX_FINDING_ID_CHARS or any(ch.isspace() or not ch.isprintable() for ch in finding):
        raise InputError(f"{where}: 'finding' {finding[:80]!r} is not a finding id")
    status = entry.get("status")
    if status not in _STATUSES:
        raise InputError(f"{where}: 'status' {status!r} is not one of {', '.join(_STATUSES)}")
    note = _optional_text(entry, "note", where, MAX_NOTE_CHARS)
    decided = _optional_text(entry, "decided", where, 64)
    if decided is not None:
        try:
            datetime.fromisoformat(decided.replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"{where}: 'decided' {decided!r} is not an ISO 8601 time") from None
    about = _optional_text(entry, "about", where, MAX_NOTE_CHARS)
    return Decision(finding=finding, status=ReviewStatus(status), note=note, decided=decided, about=about)


def _optional_text(entry: Mapping[str, Any], key: str, where: str, limit: int) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: '{key}' must be text or null, got {type(value).__name__}")
    if len(value) > limit:
        raise InputError(f"{where}: '{key}' is {len(value):,} characters, over the limit of {limit:,}")
    return value.strip() or None


def _no_unknown_keys(data: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise InputError(
            f"{where}: unknown key {', '.join(map(repr, unknown))} (known: {', '.join(sorted(known))})"
        )
