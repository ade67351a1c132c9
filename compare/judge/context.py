"""The words around a fact: content lemmas, the verb it hangs on, and quotable windows of text."""

from __future__ import annotations

from collections.abc import Sequence

from compare.judge.base import Side
from compare.judge.spans import window_span
from compare.model import Fact, Span

# Verbs too general to tell two statements' subjects apart ("is", "said", "did not").
GENERIC_SCOPES = frozenset({"be", "have", "do", "say", "make", "get", "go", "take", "give", "know", "not"})


def lemmas(side: Side) -> dict[str, int]:
    """Content-word lemmas of a statement with their first character offset in the document."""
    if not side.reading.words:  # no model at extraction: the words themselves
        out: dict[str, int] = {}
        for word in side.statement.text.split():
            out.setdefault(word.strip(".,;:'\"").lower(), side.statement.start)
        return out
    return {lemma: side.statement.start + at for lemma, at in side.reading.lemmas().items()}


def word_end(side: Side, at: int) -> int:
    """The end of the word starting at document offset `at`."""
    text = side.document.text
    end = at
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    return end


def word_window(side: Side, at: int, before: int = 3) -> Span:
    """A few words leading up to and including the word at `at`."""
    text = side.document.text
    start = at
    words = 0
    while start > side.statement.start and words < before:
        start -= 1
        if text[start] == " " and text[start - 1] != " ":
            words += 1
    if text[start] == " ":
        start += 1
    return window_span(side.statement, side.document, start, word_end(side, at))


def scope_span(side: Side, fact: Fact, scope: str) -> Span:
    """From a negation or hedge to the word it bears on, whichever comes first."""
    at = lemmas(side).get(scope, fact.start)
    start = min(fact.start, at)
    end = max(fact.end, word_end(side, at))
    return window_span(side.statement, side.document, start, end)


def different_referents(a: Side, b: Side) -> bool:
    """Both statements name the same kind of thing with different names: 'the Senate plan' / 'the House
    plan', 'the Nasdaq index' / 'the S&P 500 index'; their figures are about two things, not one. A
    shared owner does not make them one: 'Indonesia's Aceh province' / 'Indonesia's Papua province'."""
    text_a, text_b = a.statement.text.lower(), b.statement.text.lower()
    return _named_apart(a.reading.named_modifiers, b.reading.named_modifiers, text_a, text_b) or _named_apart(
        a.reading.named_kinds, b.reading.named_kinds, text_a, text_b
    )


def _named_apart(
    named_a: Sequence[tuple[str, frozenset[str]]],
    named_b: Sequence[tuple[str, frozenset[str]]],
    text_a: str,
    text_b: str,
) -> bool:
    """Some noun carries names on both sides, none shared, each unsaid by the other statement."""
    ma, mb = dict(named_a), dict(named_b)
    for head in ma.keys() & mb.keys():
        only_a = {w for w in ma[head] - mb[head] if w not in text_b}
        only_b = {w for w in mb[head] - ma[head] if w not in text_a}
        if only_a and only_b and not (ma[head] & mb[head]):
            return True
    return False
