"""Story ids that hold across runs: the same articles give the same id, and a story that grows keeps its id.

A new story's id comes from the smallest key (text digest) among its articles, so it does not depend
on the order the articles were read in. When the batch ran before into the same folder, each story
first takes the id of the earlier story it shares the most articles with (each earlier id is given
to one story only, the one sharing most), so an article arriving later does not rename the story it
joins, even when its key is the smallest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

__all__ = ["story_ids"]

_ID_DIGITS = 10


def story_ids(
    stories: Sequence[Sequence[str]], earlier: Mapping[str, frozenset[str]] | None = None
) -> list[str]:
    """One id per story (each a sequence of article keys), in the order given.

    Args:
        stories: each story's article keys.
        earlier: story id -> the article keys it held, from the previous run's index.
    """
    earlier = earlier or {}
    ids: list[str | None] = [None] * len(stories)
    candidates = sorted(
        (
            (-len(set(keys) & held), min(keys), story_id, index)
            for index, keys in enumerate(stories)
            for story_id, held in earlier.items()
            if set(keys) & held
        ),
    )
    taken: set[str] = set()
    for _overlap, _first, story_id, index in candidates:
        if ids[index] is None and story_id not in taken:
            ids[index] = story_id
            taken.add(story_id)
    for index, keys in enumerate(stories):
        if ids[index] is not None:
            continue
        fresh = "s" + hashlib.sha256(min(keys).encode()).hexdigest()[:_ID_DIGITS]
        candidate, number = fresh, 2
        while candidate in taken:
            candidate, number = f"{fresh}-{number}", number + 1
        ids[index] = candidate
        taken.add(candidate)
    return [story_id for story_id in ids if story_id is not None]
