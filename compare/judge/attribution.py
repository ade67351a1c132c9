"""Attribution findings: the same claim credited to different sources."""

from __future__ import annotations

from compare.facts import aliases
from compare.judge.base import Draft, Side, draft
from compare.judge.spans import fact_span
from compare.model import Fact, FactKind, FindingType, Severity

_GENERIC_SOURCE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "two",
        "three",
        "four",
        "some",
        "several",
        "of",
        "and",
        "its",
        "his",
        "her",
        "their",
        "our",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "source",
        "sources",
        "report",
        "reports",
        "statement",
        "people",
        "person",
        "chief",
        "head",
        "for",
        "senior",
        "told",
        "said",
        "earlier",
        "initial",
        "local",
    ]
)


def _sources(side: Side) -> list[Fact]:
    return [f for f in side.facts if f.kind is FactKind.ATTRIBUTION and f.label in ("SOURCE", "PERSON")]


def _source_words(fact: Fact) -> set[str]:
    """A source's distinctive words, each through its aliases ('Russian' officials: russia)."""
    words = set(fact.key.split()) | set(aliases.fold(fact.text).split())
    return {aliases.normalise(w) for w in words if w not in _GENERIC_SOURCE_WORDS and len(w) > 1}


def _kind_words(fact: Fact) -> set[str]:
    """The generic words naming what kind of source it is ('spokesman', 'officials')."""
    words = set(aliases.fold(fact.text).split())
    return {w.rstrip("s") for w in words & _SOURCE_KINDS}


# Generic words that still say what kind of source speaks.
_SOURCE_KINDS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "source", "sources", "people"}
)


def _head(fact: Fact) -> str | None:
    """The last distinctive word of a source's name: 'ministry' in 'the health ministry'."""
    words = [w for w in aliases.fold(fact.text).split() if w not in _GENERIC_SOURCE_WORDS and len(w) > 1]
    return words[-1] if words else None


def _same_source(x: Fact, y: Fact) -> bool:
    """Same source: the same person (surname matches); else names sharing their head word or aliases
    ('the Health Ministry' / 'the ministry'); a source named only by its kind ('his spokesman') is the
    same as a fuller one of that kind ('a spokesman for the minister')."""
    if x.label == y.label == "PERSON":
        return aliases.same_entity(x.key, y.key)
    if aliases.same_entity(x.key, y.key):
        return True
    wx, wy = _source_words(x), _source_words(y)
    if not wx or not wy:
        return bool(_kind_words(x) & _kind_words(y))
    if not wx & wy:
        return False
    hx, hy = _head(x), _head(y)
    return (
        hx is None
        or hy is None
        or hx in wy | set(aliases.fold(y.text).split())
        or hy in wx | set(aliases.fold(x.text).split())
    )


# Words naming a piece of journalism rather than a person: 'the article cites', 'the report said'.
_RELAYS = frozenset(
    {
        "article",
        "report",
        "story",
        "newspaper",
        "paper",
        "outlet",
        "publication",
        "journal",
        "piece",
        "column",
    }
)


def _relays(fact: Fact) -> bool:
    """A source that is itself a publication passing on its own sources ('The article cites', 'the
    newspaper reported'): the people another report names may be those very sources."""
    words = set(aliases.fold(fact.text).split())
    return (
        bool(words & _RELAYS)
        and fact.label != "PERSON"
        and not any(w[:1].isupper() for w in fact.text.split()[1:])
    )


def attribution_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """The same claim credited to different sources; a publication and the people it quotes are one chain."""
    sa, sb = _sources(a), _sources(b)
    if not sa or not sb:
        return []
    if any(_same_source(x, y) for x in sa for y in sb):
        return []
    if any(_relays(f) for f in (*sa, *sb)):
        return []  # 'the article cites' / 'two US officials said': the article citing its sources
    x, y = sa[0], sb[0]
    notes = [
        f"'{f.text}' is taken to be {f.key.title()}, quoted just before in {side.label}"
        for f, side in ((x, a), (y, b))
        if f.role == "pronoun"
    ]
    notes.extend(
        f"'{f.text}' is {side.label}'s own assessment"
        for f, side in ((x, a), (y, b))
        if side.document.outlet and aliases.fold(side.document.outlet) == aliases.fold(f.text)
    )
    return [
        draft(
            FindingType.ATTRIBUTION,
            Severity.LOW,
            claim_index,
            a,
            b,
            "Attributed to different sources",
            fact_span(x, a.statement, a.document),
            fact_span(y, b.statement, b.document),
            note="; ".join(notes) or None,
        )
    ]
