"""Comparison options: keyword-only, validated when built, never silently defaulted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compare.errors import OptionsError
from compare.limits import MAX_DOCUMENT_CHARS, MAX_TOTAL_CHARS

EMBEDDER_NAMES = ("minilm", "lexical")
# "model": the rules and the sentence-pair model read together (compare.judge.model_findings);
# "rules": the rules alone, as before the model shipped.
JUDGE_NAMES = ("model", "rules")
DEFAULT_JUDGE = "rules"


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How to compare.

    embedder: "minilm" (all-MiniLM-L6-v2, int8 ONNX, offline), "lexical" (no model),
    or a path to a local sentence-transformers model directory.
    judge: "model" (the rules with the sentence-pair model's reading of aligned pairs) or "rules".
    """

    embedder: str = "minilm"
    judge: str = DEFAULT_JUDGE
    max_document_chars: int = MAX_DOCUMENT_CHARS
    max_total_chars: int = MAX_TOTAL_CHARS

    def __post_init__(self) -> None:
        if self.embedder not in EMBEDDER_NAMES and not Path(self.embedder).is_dir():
            raise OptionsError(
                f"unknown embedder {self.embedder!r}: use one of {', '.join(EMBEDDER_NAMES)} "
                "or the path of a sentence-transformers model directory"
            )
        if self.judge not in JUDGE_NAMES:
            raise OptionsError(f"unknown judge {self.judge!r}: use one of {', '.join(JUDGE_NAMES)}")
        if self.max_document_chars <= 0 or self.max_total_chars <= 0:
            raise OptionsError("max_document_chars and max_total_chars must be positive")
