"""What the pipeline makes of one article before comparing it, and the store a batch keeps it in.

A newsroom batch reads the same article again each time the batch is re-run; its statements, facts,
readings and sentence vectors depend on nothing but the article (its text and metadata) and the code
that made them. `compare_documents(..., store=...)` takes them from a store when it has them and puts
them there when it made them (compare.batching.store is the SQLite one). Without a store nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from compare.model import Document, Fact, Statement

if TYPE_CHECKING:
    from compare.align.embed import Embedder
    from compare.facts.reading import Reading

__all__ = ["KnownVectors", "PreparedDocument", "PreparedStore"]

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """One article segmented and read: what the align and judge stages start from."""

    document: Document  # with its language filled in
    statements: tuple[Statement, ...]
    facts: Mapping[str, tuple[Fact, ...]]  # claim statement id -> its facts
    readings: Mapping[str, Reading]  # claim statement id -> its reading


class PreparedStore(Protocol):
    """Prepared articles and sentence vectors kept between runs; keys are the store's own business."""

    def prepared(self, document: Document) -> PreparedDocument | None:
        """The article as prepared before, or None."""
        ...

    def keep_prepared(self, document: Document, prepared: PreparedDocument) -> None:
        """Remember how `document` (as given, before language detection) was prepared."""
        ...

    def vectors(self, embedder: str, texts: Sequence[str]) -> dict[str, FloatArray]:
        """The vectors known for those texts under that embedder (texts not known are left out)."""
        ...

    def keep_vectors(self, embedder: str, vectors: Mapping[str, FloatArray]) -> None:
        """Remember vectors of texts under that embedder."""
        ...


class KnownVectors:
    """An embedder answering from vectors already known (a store's) and from its inner embedder for the rest.

    The inner embedder is asked once for all the texts the known vectors lack, in the order the caller
    gave them, so a prefetched encode of exactly those texts is served from memory.
    """

    def __init__(self, inner: Embedder, known: Mapping[str, FloatArray]) -> None:
        self.name = inner.name
        self._inner = inner
        self._known = dict(known)
        self.fresh: dict[str, FloatArray] = {}  # what the inner embedder encoded, to keep in the store

    def encode(self, texts: Sequence[str]) -> FloatArray:
        missing = list(dict.fromkeys(text for text in texts if text not in self._known))
        if missing:
            encoded = self._inner.encode(missing)
            for text, row in zip(missing, encoded, strict=True):
                self._known[text] = row
                self.fresh[text] = row
        if not texts:
            return self._inner.encode([])
        return np.stack([self._known[text] for text in texts]).astype(np.float32, copy=False)
