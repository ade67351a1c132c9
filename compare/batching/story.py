"""One story's work, the unit a batch runs serially, in local processes or as a Dask task.

`run_story` compares the story's articles with the one orchestrator (compare_documents), renders the
report set and swaps it into the story's folder, exactly as `compare report` would for those
articles. Its summary (title, outlets, open findings by severity, the key disagreements) rides in
the folder's marker file, so a re-run whose story is unchanged (same articles, options and code)
reads it back instead of comparing again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from compare.batching.store import ArticleStore, code_fingerprint
from compare.errors import CompareError
from compare.model import Comparison, Document, FindingType, Severity
from compare.options import Options
from compare.output import FORMAT_FILES, MARKER

__all__ = ["PrepareTask", "StoryOutcome", "StoryTask", "prepare_articles", "run_story"]

KEY_DISAGREEMENTS = 3  # findings the index shows per story
_MARKER_FORMAT = 1


@dataclass(frozen=True, slots=True)
class PrepareTask:
    """A chunk of articles to segment, read and embed into the cache before grouping."""

    documents: tuple[Document, ...]
    options: Options
    store: ArticleStore


def prepare_articles(task: PrepareTask) -> int:
    """Prepare a chunk of articles into the cache (and their leads' entities); returns how many.

    An article that cannot be prepared is left for its story, which then says why in its error.
    """
    from compare.batching.stories import remember_lead_entities
    from compare.pipeline import prepare_documents

    try:
        prepare_documents(task.documents, options=task.options, store=task.store)
        remember_lead_entities(task.documents, task.store)
    except CompareError:
        pass
    return len(task.documents)


@dataclass(frozen=True, slots=True)
class StoryTask:
    """Everything a worker needs for one story: plain values, sent to other processes by pickle."""

    story_id: str
    documents: tuple[Document, ...]
    folder: Path
    options: Options
    now: datetime
    formats: tuple[str, ...]
    page_size: str = "A4"
    store: ArticleStore | None = None
    fixed_now: bool = False  # the time stamp was given (--now): it is part of what the story depends on

    @property
    def key(self) -> str:
        """A digest of what the story's report depends on: its articles, options, formats and code."""
        payload = {
            "documents": [dataclasses.asdict(document) for document in self.documents],
            "options": [self.options.embedder, self.options.judge],
            "formats": list(self.formats),
            "page_size": self.page_size,
            "now": self.now.isoformat() if self.fixed_now else None,
            "code": code_fingerprint(),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class StoryOutcome:
    """What became of a story: its summary for the index, or the one-line error that stopped it."""

    story_id: str
    summary: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    reused: bool = False  # the report from an earlier run was still right, and was kept


def run_story(task: StoryTask) -> StoryOutcome:
    """Compare, render and write one story's report set; reuse it when an earlier run made the same."""
    from compare.output import write_reports
    from compare.pipeline import compare_documents
    from compare.render import render_many

    key = task.key
    earlier = _earlier_summary(task.folder, key, task.formats)
    if earlier is not None:
        return StoryOutcome(task.story_id, earlier, reused=True)
    try:
        comparison = compare_documents(task.documents, options=task.options, now=task.now, store=task.store)
        rendered = render_many(comparison, list(task.formats), page_size=task.page_size)
        summary = story_summary(comparison)
        marker = json.dumps({"format": _MARKER_FORMAT, "story": key, "summary": summary}, sort_keys=True)
        write_reports(
            task.folder,
            {FORMAT_FILES[fmt]: data for fmt, data in rendered.items()},
            parents=True,
            marker=marker.encode(),
        )
    except CompareError as error:
        return StoryOutcome(task.story_id, error=str(error))
    except MemoryError:
        return StoryOutcome(task.story_id, error="out of memory")
    except RecursionError:
        return StoryOutcome(task.story_id, error="input nested too deeply to read")
    return StoryOutcome(task.story_id, summary)


def story_summary(comparison: Comparison) -> dict[str, Any]:
    """What the index shows of a story: its title, findings by severity, the key disagreements."""
    from compare.render.view import FINDING_LABELS, story_title

    discrepancies = sorted(
        (finding for finding in comparison.findings if finding.type is not FindingType.UNIQUE),
        key=lambda finding: (finding.severity.rank, finding.id),
    )
    by_severity = Counter(finding.severity.value for finding in discrepancies)
    outlet_of = {document.id: document.outlet or document.id for document in comparison.documents}
    return {
        "title": story_title(comparison),
        "findings": {severity.value: by_severity.get(severity.value, 0) for severity in Severity},
        "only_one_report": sum(finding.type is FindingType.UNIQUE for finding in comparison.findings),
        "key_disagreements": [
            {
                "id": finding.id,
                "severity": finding.severity.value,
                "type": finding.type.value,
                "label": FINDING_LABELS[finding.type],
                "message": finding.message,
                "outlets": sorted({outlet_of[span.document] for span in finding.spans}),
            }
            for finding in discrepancies[:KEY_DISAGREEMENTS]
        ],
        "key_figures_disputed": [figure.label for figure in comparison.key_figures if figure.disagreeing],
    }


def _earlier_summary(folder: Path, key: str, formats: tuple[str, ...]) -> dict[str, Any] | None:
    """The summary an earlier run left in the folder's marker, when it was made from the same inputs."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("story") != key or marker.get("format") != _MARKER_FORMAT:
        return None
    if not all((folder / FORMAT_FILES[fmt]).is_file() for fmt in formats):
        return None
    summary = marker.get("summary")
    return summary if isinstance(summary, dict) else None
