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
    words = set(fact.key.split()) | set(aliases.fold(fact.text).split())
    return {w for w in words if w not in _GENERIC_SOURCE_WORDS and len(w) > 1}


def _same_source(x: Fact, y: Fact) -> bool:
    """Same source: the same person (surname matches), else shared distinctive words ('State Department')."""
    if x.label == y.label == "PERSON":
        return aliases.same_entity(x.key, y.key)
    if aliases.same_entity(x.key, y.key):
        return True
    return bool(_source_words(x) & _source_words(y))


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
