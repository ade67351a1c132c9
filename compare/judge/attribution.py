"""Attribution findings: one report rests a claim on an unnamed source where another names who says it.

Two named sources for one fact ("the navy said" / "the Defence Ministry said", "police" / "the NYPD")
corroborate it; an editor has nothing to reconcile. What changes the weight of a claim is its standing:
an anonymous source ("sources told", "an official who asked not to be named") against a named or
official one, or an outlet giving as its own assessment what another attributes to a source. Only that
is a finding, and only where the claim is disputed (the pair also differs on a figure, a time, a name or
yes/no): for a fact both tell alike, a source of other standing corroborates it ('Access Hollywood has
learned' / 'her lawyer said' measured as noise on the editor gold).
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


def _is_outlet(fact: Fact, side: Side) -> bool:
    """The source is the outlet itself, named as it signs or by its web address ('Access Hollywood' for
    accesshollywood.com)."""
    outlet = side.document.outlet
    if not outlet:
        return False
    name = aliases.fold(outlet)
    raw = outlet.strip().lower()
    if "." in raw and " " not in raw:  # a web address: its name without 'www.' and the domain ending
        name = aliases.fold(raw.removeprefix("www.").split(".")[0])
    source = aliases.fold(fact.text)
    return source == name or source.replace(" ", "") == name.replace(" ", "")


def _standing(sources: list[Fact], side: Side) -> str:
    """What a claim rests on: the outlet's own assessment, an unnamed source, or a named one."""
    if any(_is_outlet(f, side) for f in sources):
        return "own"
    return "unnamed" if all(_unnamed(f) for f in sources) else "named"


def _told_as(standing: str, source: Fact, side: Side) -> str:
    """How one report credits the claim, in words: "Herald names 'the ministry said'"."""
    if standing == "own":
        return f"{side.label} gives it as its own assessment"
    if standing == "unnamed":
        return f"{side.label} rests it on an unnamed source"
    return f"{side.label} names {quote(fact_span(source, side.statement, side.document))}"


def attribution_drafts(a: Side, b: Side, claim_index: int, *, disputed: bool) -> list[Draft]:
    """Where the two differ on the claim itself (`disputed`), they rest it on sources of different
    standing: an unnamed source against a named one, or an outlet's own assessment against a source's
    words."""
    sa, sb = _sources(a), _sources(b)
    if not sa or not sb:
        return []
    if any(_relays(f) for f in (*sa, *sb)):
        return []  # 'the article cites' / 'two US officials said': the article citing its sources
    standing_a, standing_b = _standing(sa, a), _standing(sb, b)
    if standing_a == standing_b:
        return []  # two named sources corroborate; two unnamed ones stand alike
    if not disputed:
        return []  # for what both tell alike, a source of other standing corroborates it
    x, y = sa[0], sb[0]
    notes = [
        f"'{f.text}' is taken to be {f.key.title()}, quoted just before in {side.label}"
        for f, side in ((x, a), (y, b))
        if f.role == "pronoun"
    ]
    notes.extend(
        f"'{f.text}' is {side.label}'s own assessment" for f, side in ((x, a), (y, b)) if _is_outlet(f, side)
    )
    return [
        draft(
            FindingType.ATTRIBUTION,
            Severity.LOW,
            claim_index,
            a,
            b,
            f"{_told_as(standing_a, x, a)}; {_told_as(standing_b, y, b)}",
            fact_span(x, a.statement, a.document),
            fact_span(y, b.statement, b.document),
            note="; ".join(notes) or None,
        )
    ]
