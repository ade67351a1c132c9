"""Attribution findings: one report rests a claim on an unnamed source where another names who says it.

Two named sources for one fact ("the navy said" / "the Defence Ministry said", "police" / "the NYPD")
corroborate it; an editor has nothing to reconcile. What changes the weight of a claim is its standing:
an anonymous source ("sources told", "an official who asked not to be named") against a named or
official one. Only that is a finding.
"""

from __future__ import annotations

from compare.facts import aliases
from compare.judge.base import Draft, Side, draft
from compare.judge.spans import fact_span, quote
from compare.model import Fact, FactKind, FindingType, Severity


def _sources(side: Side) -> list[Fact]:
    return [f for f in side.facts if f.kind is FactKind.ATTRIBUTION and f.label in ("SOURCE", "PERSON")]


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


# Words that mark a source as unnamed: "sources said", "a person familiar with", "an official who
# spoke on condition of anonymity", "insiders".
_UNNAMED_MARKS = frozenset(
    {
        "source", "sources", "anonymous", "anonymity", "unnamed", "unidentified", "insider", "insiders",
        "familiar", "named",
    }
)  # fmt: skip


def _unnamed(fact: Fact) -> bool:
    """A source the report does not name: marked as such, and no proper name among its words."""
    words = aliases.fold(fact.text).split()
    if fact.label == "PERSON" or not set(words) & _UNNAMED_MARKS:
        return False
    return not any(w[:1].isupper() for w in fact.text.split()[1:])


def attribution_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One report rests the claim on an unnamed source where the other names its source."""
    sa, sb = _sources(a), _sources(b)
    if not sa or not sb:
        return []
    if any(_relays(f) for f in (*sa, *sb)):
        return []  # 'the article cites' / 'two US officials said': the article citing its sources
    unnamed_a, unnamed_b = all(_unnamed(f) for f in sa), all(_unnamed(f) for f in sb)
    if unnamed_a == unnamed_b:
        return []  # two named sources corroborate; two unnamed ones stand alike
    x, y = sa[0], sb[0]
    hidden, named = (a, b) if unnamed_a else (b, a)
    named_source = y if unnamed_a else x
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
            f"{hidden.label} rests this on an unnamed source where {named.label} names "
            f"{quote(fact_span(named_source, named.statement, named.document))}",
            fact_span(x, a.statement, a.document),
            fact_span(y, b.statement, b.document),
            note="; ".join(notes) or None,
        )
    ]
