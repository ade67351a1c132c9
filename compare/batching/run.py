"""A newsroom's batch: many articles in, grouped into stories, one report set per story and an index.

read every input (a bad one is listed, never fatal) → set copies aside → group into stories →
per story with two or more outlets: compare and write OUT/<story-id>/ (serially, in local processes
or on Dask) → OUT/index.json and OUT/index.html, rewritten as each story finishes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from compare.batching.ids import story_ids
from compare.batching.index import StoryEntry, build_index, earlier_stories, write_index
from compare.batching.inputs import BATCH_MARKER, Article, Failure, read_articles, sources_of
from compare.batching.store import ArticleStore, StoredEmbedder
from compare.batching.story import PrepareTask, StoryTask, prepare_articles, run_story
from compare.errors import OptionsError, OutputError
from compare.options import Options
from compare.output import FORMAT_FILES, MARKER
from compare.progress import NullProgress, Progress

__all__ = ["BatchResult", "batch"]

CACHE_FOLDER = ".cache"
# Articles per preparing task: one process reads them in large batches; several share them out.
_SERIAL_CHUNK = 256
_PARALLEL_CHUNK = 32
_STORY_FOLDER_PREFIX = "s"


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch wrote: the index content and where it is."""

    folder: Path
    index: dict[str, Any]

    @property
    def failed_stories(self) -> list[dict[str, Any]]:
        return [story for story in self.index["stories"] if story["status"] == "failed"]


def batch(
    inputs: Sequence[str],
    output: str | Path,
    *,
    options: Options | None = None,
    workers: int = 1,
    dask: str | None = None,
    cache: str | Path | None = None,
    now: datetime | None = None,
    formats: Sequence[str] = tuple(FORMAT_FILES),
    page_size: str = "A4",
    progress: Progress | None = None,
    stdin: TextIO | None = None,
    say: Callable[[str], None] | None = None,
) -> BatchResult:
    """Group many articles into stories and write a report set per story plus an index.

    Args:
        inputs: files, folders (walked), list files (a path or URL a line) and "-" for a list on stdin.
        output: the batch folder: OUT/<story-id>/report.*, OUT/index.json, OUT/index.html.
        options: how to compare (as for compare_documents).
        workers: stories run in this many local processes (1: in this one).
        dask: "local" (a LocalCluster of `workers` processes) or a Dask scheduler address.
        cache: the cache folder (default OUT/.cache); re-runs recompute only changed articles.
        now: the time stamped on every report (pass one for reproducible output).
        formats: the report formats per story.
        progress: receives the batch's stages (read, group, stories).
        stdin: where "-" reads its list from.
        say: receives one line per article that could not be read, and other notes.

    Returns:
        The index content and the folder.

    Raises:
        OptionsError: bad workers, formats or Dask address. OutputError: the folder cannot be used.
    """
    from compare.batching.execute import runner
    from compare.batching.stories import group_stories

    options = options or Options()
    progress = progress or NullProgress()
    say = say or (lambda line: None)
    if workers < 1:
        raise OptionsError(f"--workers {workers}: give 1 or more")
    for fmt in formats:
        if fmt not in FORMAT_FILES:
            raise OptionsError(f"unknown format {fmt!r}: choose from {', '.join(FORMAT_FILES)}")
    folder = _batch_folder(Path(output))
    store = ArticleStore(Path(cache) if cache is not None else folder / CACHE_FOLDER).open()
    fixed_now = now is not None
    stamp_time = (now or datetime.now(UTC)).replace(microsecond=0)

    sources, failures = sources_of(inputs, stdin)
    for failure in failures:
        say(f"{failure.given_as}: {failure.error}")
    progress.stage("read articles", len(sources))
    articles: list[Article] = []
    copies: list[Article] = []
    for item in read_articles(sources):
        progress.advance()
        if isinstance(item, Failure):
            failures.append(item)
            say(f"{item.given_as}: {item.error}")
        elif item.copy_of is not None:
            copies.append(item)
        else:
            articles.append(item)

    with runner(workers=workers, dask=dask) as run:
        documents = [article.document for article in articles]
        size = _SERIAL_CHUNK if workers <= 1 and dask is None else _PARALLEL_CHUNK
        chunks = [tuple(documents[begin : begin + size]) for begin in range(0, len(documents), size)]
        progress.stage("prepare articles", len(documents))
        for count in run.run(prepare_articles, [PrepareTask(chunk, options, store) for chunk in chunks]):
            progress.advance(count)

        progress.stage("group into stories", 1)
        embedder = StoredEmbedder(options.embedder, store)
        by_id = {article.document.id: article for article in articles}
        groups = group_stories(documents, embedder, store) if articles else []
        progress.advance()
        grouped = [tuple(by_id[document_id] for document_id in group) for group in groups]
        compared = [group for group in grouped if len({_outlet(a) for a in group}) >= 2]
        unmatched = [
            article for group in grouped if len({_outlet(a) for a in group}) < 2 for article in group
        ]
        ids = story_ids([[a.key for a in group] for group in compared], earlier_stories(folder))
        entries = {
            story_id: StoryEntry(story_id, group) for story_id, group in zip(ids, compared, strict=True)
        }

        def index_now(finished: bool) -> dict[str, Any]:
            return build_index(
                generated=stamp_time.isoformat(),
                stories=list(entries.values()),
                unmatched=unmatched,
                copies=copies,
                failures=failures,
                formats=formats,
                finished=finished,
            )

        write_index(folder, index_now(finished=False))
        tasks = [
            StoryTask(
                story_id=story_id,
                documents=tuple(article.document for article in entry.articles),
                folder=folder / story_id,
                options=options,
                now=stamp_time,
                formats=tuple(formats),
                page_size=page_size,
                store=store,
                fixed_now=fixed_now,
            )
            for story_id, entry in entries.items()
        ]
        # the longest stories first, so that one does not finish last alone
        tasks.sort(key=lambda task: (-sum(len(d.text) for d in task.documents), task.story_id))
        progress.stage("stories", len(tasks))
        for outcome in run.run(run_story, tasks):
            entries[outcome.story_id] = replace(entries[outcome.story_id], outcome=outcome)
            if outcome.error is not None:
                say(f"story {outcome.story_id}: not compared: {outcome.error}")
            write_index(folder, index_now(finished=False))
            progress.advance()
    index = index_now(finished=True)
    write_index(folder, index)
    _remove_stale_stories(folder, set(entries))
    return BatchResult(folder, index)


def _outlet(article: Article) -> str:
    return article.document.outlet or article.document.id


def _batch_folder(folder: Path) -> Path:
    """The batch folder, created and marked; refused when it holds anything a batch did not write."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: output path is an existing file, expected a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / BATCH_MARKER).is_file():
        raise OutputError(
            f"{folder}: holds files a batch did not write; give -o a new folder or one a batch wrote before"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / BATCH_MARKER).touch()
    except OSError as error:
        raise OutputError(f"{folder}: cannot write here: {error.strerror or error}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{folder}: not writable")
    return folder


def _remove_stale_stories(folder: Path, current: set[str]) -> None:
    """Report folders of stories this run no longer has (their articles moved or went) are removed."""
    import shutil

    for child in folder.iterdir():
        if (
            child.is_dir()
            and not child.is_symlink()
            and child.name.startswith(_STORY_FOLDER_PREFIX)
            and child.name not in current
            and (child / MARKER).is_file()
        ):
            shutil.rmtree(child, ignore_errors=True)
