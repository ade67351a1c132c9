"""The batch's index: every story ranked by its open high-severity findings, and every article accounted for.

`index.json` is the record (documented in the README; `"format"` says which version); `index.html`
shows the same content. Both are rewritten, together and atomically, after each story finishes, so
an interrupted batch leaves an index that says which stories are written and which are not.

Format versions: 1 — first version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare.batching.inputs import Article, Failure
from compare.batching.story import StoryOutcome
from compare.output import FORMAT_FILES, commit_lock, write_atomic

__all__ = ["INDEX_FORMAT", "StoryEntry", "build_index", "earlier_stories", "write_index"]

INDEX_FORMAT = 1
INDEX_JSON = "index.json"
INDEX_HTML = "index.html"


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """A story as the batch found it: its id and articles; its outcome once it ran."""

    story_id: str
    articles: tuple[Article, ...]
    outcome: StoryOutcome | None = None


def build_index(
    *,
    generated: str,
    stories: Sequence[StoryEntry],
    unmatched: Sequence[Article],
    copies: Sequence[Article],
    failures: Sequence[Failure],
    formats: Sequence[str],
    finished: bool,
) -> dict[str, Any]:
    """The index content; stories ranked by open high findings, then medium, then all, then outlets."""
    entries = [_story(entry, formats, finished) for entry in stories]
    entries.sort(
        key=lambda story: (
            story["status"] != "written",
            -story["findings"]["high"],
            -story["findings"]["medium"],
            -sum(story["findings"].values()),
            -len(story["outlets"]),
            story["id"],
        )
    )
    return {
        "format": INDEX_FORMAT,
        "generated": generated,
        "complete": finished and all(story["status"] == "written" for story in entries),
        "counts": {
            "articles": len(unmatched) + len(copies) + sum(len(entry.articles) for entry in stories),
            "stories": len(entries),
            "unmatched": len(unmatched),
            "copies": len(copies),
            "failed": len(failures),
            "with_high": sum(1 for story in entries if story["findings"]["high"]),
            "not_written": sum(story["status"] != "written" for story in entries),
        },
        "stories": entries,
        "unmatched": [_article(article) for article in sorted(unmatched, key=_article_order)],
        "copies": [
            {**_article(article), "copy_of": article.copy_of}
            for article in sorted(copies, key=_article_order)
        ],
        "failed": [
            {"given_as": failure.given_as, "error": failure.error}
            for failure in sorted(failures, key=lambda f: f.given_as)
        ],
    }


def write_index(folder: Path, index: Mapping[str, Any]) -> None:
    """Write index.json and index.html, each atomically, while no interrupt can fall between the two."""
    from compare.render.index_page import render_index

    page = render_index(index)
    data = (json.dumps(index, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()
    with commit_lock:
        write_atomic(folder / INDEX_JSON, data)
        write_atomic(folder / INDEX_HTML, page)


def earlier_stories(folder: Path) -> dict[str, frozenset[str]]:
    """Story id -> article keys, from the index a previous run left in the folder (empty if none)."""
    try:
        index = json.loads((folder / INDEX_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, frozenset[str]] = {}
    stories = index.get("stories") if isinstance(index, dict) else None
    for story in stories if isinstance(stories, list) else []:
        if not isinstance(story, dict) or not isinstance(story.get("id"), str):
            continue
        keys = [a.get("key") for a in story.get("articles", []) if isinstance(a, dict)]
        found[story["id"]] = frozenset(key for key in keys if isinstance(key, str))
    return found


def _story(entry: StoryEntry, formats: Sequence[str], finished: bool) -> dict[str, Any]:
    outcome = entry.outcome
    summary = outcome.summary if outcome is not None and outcome.error is None else {}
    if outcome is None:
        status = "interrupted" if finished else "pending"
    else:
        status = "failed" if outcome.error is not None else "written"
    articles = sorted(entry.articles, key=_article_order)
    return {
        "id": entry.story_id,
        "status": status,
        "error": outcome.error if outcome is not None else None,
        "reused": bool(outcome and outcome.reused),
        "title": summary.get("title") or _fallback_title(articles),
        "outlets": sorted({_outlet(article) for article in articles}),
        "articles": [_article(article) for article in articles],
        "findings": dict(summary.get("findings") or {"high": 0, "medium": 0, "low": 0}),
        "only_one_report": summary.get("only_one_report", 0),
        "key_disagreements": list(summary.get("key_disagreements") or []),
        "key_figures_disputed": list(summary.get("key_figures_disputed") or []),
        "reports": {fmt: f"{entry.story_id}/{FORMAT_FILES[fmt]}" for fmt in formats}
        if status == "written"
        else {},
    }


def _article(article: Article) -> dict[str, Any]:
    document = article.document
    return {
        "id": document.id,
        "key": article.key,
        "given_as": article.given_as,
        "outlet": document.outlet,
        "title": document.title,
        "published": document.published,
        "url": document.url,
    }


def _outlet(article: Article) -> str:
    return article.document.outlet or article.document.id


def _article_order(article: Article) -> tuple[str, str]:
    return (article.document.id, article.key)


def _fallback_title(articles: Iterable[Article]) -> str:
    titles = [article.document.title for article in articles if article.document.title]
    return titles[0] if titles else "Untitled story"
