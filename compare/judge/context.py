"""The words around a fact: content lemmas, the verb it hangs on, and quotable windows of text."""

from __future__ import annotations

from compare.facts import nlp
from compare.judge.base import Side
from compare.judge.spans import window_span
from compare.model import Fact, Span

# Verbs too general to tell two statements' subjects apart ("is", "said", "did not").
GENERIC_SCOPES = frozenset({"be", "have", "do", "say", "make", "get", "go", "take", "give", "know", "not"})

_CONTEXT_STOP = frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "report",
        "include",
        "also",
        "other",
        "more",
        "least",
        "than",
        "about",
        "some",
        "all",
        "such",
        "many",
        "several",
        "own",
        "year",
        "day",
    }
)


def lemmas(side: Side) -> dict[str, int]:
    """Content-word lemmas of a statement with their first character offset in the document."""
    parsed = nlp.parse(side.statement.text)
    out: dict[str, int] = {}
    if parsed is None:
        for word in side.statement.text.split():
            out.setdefault(word.strip(".,;:'\"").lower(), side.statement.start)
        return out
    for token in parsed:
        if token.pos_ in ("NOUN", "VERB", "ADJ", "PROPN"):
            out.setdefault(str(token.lemma_).lower(), side.statement.start + token.idx)
    return out


def context(side: Side, fact: Fact, radius: int = 6) -> set[str]:
    """Content lemmas within a few words of a fact (the counted noun itself excluded)."""
    parsed = nlp.parse(side.statement.text)
    start = fact.start - side.statement.start
    end = fact.end - side.statement.start
    role_words = set((fact.role or "").replace("part-of:", "").replace("+", " ").split())
    if parsed is None:
        words = side.statement.text.lower().split()
        before = len(side.statement.text[:start].split())
        window = words[max(0, before - radius) : before + radius + 1]
        return {w.strip(".,;:'\"") for w in window if len(w) > 3} - role_words - _CONTEXT_STOP
    inside = [t.i for t in parsed if start <= t.idx < end]
    if not inside:
        return set()
    lo, hi = max(0, inside[0] - radius), min(len(parsed), inside[-1] + radius + 1)
    found = {
        str(t.lemma_).lower()
        for t in parsed[lo:hi]
        if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and not (start <= t.idx < end)
    }
    # the verbs the fact's phrase depends on ('bodies ... reported to have been recovered')
    node = parsed[inside[-1]]
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            found.add(str(node.lemma_).lower())
            found.update(
                str(c.lemma_).lower()
                for c in node.children
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            )
            break
    return found - role_words - _CONTEXT_STOP


def verbs(side: Side, fact: Fact) -> set[str]:
    """Lemmas of the verbs a fact's phrase depends on."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return set()
    start = fact.start - side.statement.start
    inside = [t for t in parsed if start <= t.idx < fact.end - side.statement.start]
    out: set[str] = set()
    if not inside:
        return out
    for node in inside[-1].ancestors:
        if node.pos_ == "VERB":
            out.add(str(node.lemma_).lower())
            out.update(
                str(c.lemma_).lower()
                for c in node.children
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            )
            break
    return out - _CONTEXT_STOP


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


_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})


def _named_modifiers(parsed: object) -> dict[str, set[str]]:
    """Per common-noun head lemma, the proper-name words that modify it ('plan' -> {'senate'})."""
    out: dict[str, set[str]] = {}
    for token in parsed:  # type: ignore[attr-defined]
        if token.pos_ not in ("NOUN", "PROPN") or not token.is_alpha:
            continue
        names: set[str] = set()
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS:
                names.update(
                    t.lower_
                    for t in child.subtree
                    if t.pos_ == "PROPN" and t.i < token.i and t.lower_.isalpha()
                )
            elif child.dep_ == "prep" and child.lower_ == "of":  # "shares of Lucent"
                names.update(
                    t.lower_
                    for g in child.children
                    if g.dep_ == "pobj"
                    for t in g.subtree
                    if t.pos_ == "PROPN" and t.lower_.isalpha()
                )
        if names:
            out.setdefault(str(token.lemma_).lower(), set()).update(names)
    return out


def different_referents(a: Side, b: Side) -> bool:
    """Both statements name the same kind of thing with different names: 'the Senate plan' / 'the House
    plan', 'the Nasdaq index' / 'the S&P 500 index'; their figures are about two things, not one."""
    ma = nlp.derived("named-modifiers", a.statement.text, _named_modifiers)
    mb = nlp.derived("named-modifiers", b.statement.text, _named_modifiers)
    if ma is None or mb is None:
        return False
    text_a, text_b = a.statement.text.lower(), b.statement.text.lower()
    for head in ma.keys() & mb.keys():
        only_a = {w for w in ma[head] - mb[head] if w not in text_b}
        only_b = {w for w in mb[head] - ma[head] if w not in text_a}
        if only_a and only_b and not (ma[head] & mb[head]):
            return True
    return False
