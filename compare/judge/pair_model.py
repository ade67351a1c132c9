"""The sentence-pair model: a MiniLM-L6 cross-encoder trained here for NLI, run as int8 ONNX.

It reads two statements together and gives the probabilities that the first entails, is neutral to,
or contradicts the second. Trained by the repo's own pipeline (training/, model card in
compare/assets/nli/MODEL_CARD.md); the tokenizer is the embedder's (the same vocabulary).
Loaded on first use; onnxruntime only, no torch.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from compare.align.embed import cpu_session, padded_batch, sha256_of
from compare.errors import ModelError

__all__ = [
    "LABELS",
    "MAX_TOKENS",
    "NLI_SHA256",
    "OnnxPairModel",
    "PairModel",
    "PairModelLoad",
    "default_pair_model",
]

FloatArray = npt.NDArray[np.float32]

LABELS = ("entailment", "neutral", "contradiction")  # the order of the model's outputs
MAX_TOKENS = 128  # both statements together, as trained
# compare/assets/nli/model.onnx, as training/export.py printed it
NLI_SHA256 = "42b4925a21cdb373ff645e70d30f9fc04d3c50be1af45b0ec85ffa89cc6813a1"


class PairModel(Protocol):
    """Reads (premise, hypothesis) pairs; one row of LABELS probabilities per pair."""

    name: str

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> FloatArray: ...


class OnnxPairModel:
    """A BERT-style cross-encoder with a 3-way head, as ONNX (inputs ids, mask, types; output logits)."""

    def __init__(self, name: str, model_path: Path, tokenizer_path: Path, *, expect_sha256: str = "") -> None:
        try:
            import onnxruntime  # noqa: F401  (only checked here, for a one-line hint; cpu_session loads it)
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(f"pair model {name!r} needs onnxruntime and tokenizers ({exc})") from None
        for path in (model_path, tokenizer_path):
            if not path.is_file():
                raise ModelError(f"pair model {name!r}: file not found: {path}")
        if expect_sha256 and sha256_of(model_path) != expect_sha256:
            raise ModelError(f"pair model {name!r}: {model_path} does not have the expected sha256")
        self.name = name
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        self._session = cpu_session(model_path, f"pair model {name!r}")

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> FloatArray:
        """Probabilities per pair (rows in the order given), each pair read on its own: the int8 model
        quantises its activations per run, so a pair read beside others would change with them (up to
        0.36 in probability on SNLI test pairs, onnxruntime 1.32); short pairs read alone cost no more
        time than in batches (2 ms a pair either way on SNLI test, one core)."""
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(list(pairs))):
            out[row] = self._run([encoding])[0]
        return out

    def _run(self, encodings: Sequence[Any]) -> FloatArray:
        feed = padded_batch(encodings)
        logits = np.asarray(self._session.run(["logits"], feed)[0], dtype=np.float32)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return probabilities


_LOCK = threading.Lock()
_DEFAULT: list[OnnxPairModel] = []


def default_pair_model() -> OnnxPairModel:
    """The shipped model, loaded once per process."""
    with _LOCK:
        if not _DEFAULT:
            assets = resources.files("compare") / "assets"
            with (
                resources.as_file(assets / "nli" / "model.onnx") as model_path,
                resources.as_file(assets / "minilm" / "tokenizer.json") as tokenizer_path,
            ):
                _DEFAULT.append(
                    OnnxPairModel(
                        "nli-minilm-l6", Path(model_path), Path(tokenizer_path), expect_sha256=NLI_SHA256
                    )
                )
        return _DEFAULT[0]


class PairModelLoad:
    """The shipped model loading in a background thread; result() waits for it (and raises its error)."""

    def __init__(self) -> None:
        self._model: OnnxPairModel | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="compare-pair-model", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            self._model = default_pair_model()
        except BaseException as error:  # handed to result()
            self._error = error

    def result(self) -> OnnxPairModel:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._model is not None
        return self._model
