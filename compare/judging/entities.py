"""Entity findings: a different place or a different actor in the same role of the same event."""

from __future__ import annotations

from compare.facts import aliases, nlp
from compare.facts.attribution import REPORTING_VERBS
from compare.findings import fact_span
from compare.judging.base import Draft, Side, draft
from compare.judging.context import GENERIC_SCOPES
from compare.model import Fact, FactKind, FindingType, Severity

# Prepositions whose object is where/whence something happened: a different object there is a conflict.
_PLACE_ROLES = frozenset({"from", "in", "at", "near", "off", "outside", "inside"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NAME"})
_MOTION = frozenset(
    [
        "depart",
        "leave",
        "take",
        "fly",
        "come",
        "arrive",
        "travel",
        "launch",
        "set",
        "head",
        "return",
        "land",
        "crash",
        "go",
        "bind",
        "route",
        "divert",
    ]
)
_REGION_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "middle",
        "africa",
        "europe",
        "asia",
        "america",
        "americas",
        "oceania",
        "arctic",
        "antarctica",
        "gulf",
        "region",
        "province",
        "state",
        "county",
        "district",
    ]
)


def _entity_keys(side: Side) -> set[str]:
    return {f.key for f in side.facts if f.kind in (FactKind.ENTITY, FactKind.ATTRIBUTION)}


def mentions(side: Side, key: str) -> bool:
    """Whether a statement names the entity at all (as a fact or anywhere in its words)."""
    if any(aliases.same_entity(key, k) for k in _entity_keys(side)):
        return True
    folded = f" {aliases.fold(side.statement.text)} "
    return f" {key} " in folded or any(f" {w} " in folded for w in key.split()[-1:] if len(w) > 3)


def _governor(side: Side, fact: Fact) -> str | None:
    """The word a place's preposition hangs on: 'depart' in 'departed from Lucerne'."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return None
    start = fact.start - side.statement.start
    for token in parsed:
        if token.idx == start or (token.idx <= start < token.idx + len(token.text)):
            node = token
            while node.dep_ in ("compound", "amod", "det", "flat") and node.head is not node:
                node = node.head
            if node.dep_ == "pobj" and node.head.dep_ == "prep":
                return str(node.head.head.lemma_).lower()
            return None
    return None


def _same_event(a: Side, x: Fact, b: Side, y: Fact) -> bool:
    """Places conflict only when they answer the same question: the same word, or both a journey's end."""
    ga, gb = _governor(a, x), _governor(b, y)
    if ga is None or gb is None:
        return False
    return ga == gb or (ga in _MOTION and gb in _MOTION)


def _placelike(fact: Fact) -> bool:
    """A place, or a one-word name the small NER model mislabels ('from Lucerne' as ORG or PERSON)."""
    return fact.label in _PLACE_LABELS or (fact.label in ("PERSON", "ORG") and len(fact.key.split()) == 1)


def _same_granularity(x: Fact, y: Fact) -> bool:
    """A country against a region ('Kenya' / 'East Africa') or a city ('Milan' / 'Italy'): containment."""
    labels = {f.label for f in (x, y) if f.label in _PLACE_LABELS - {"NAME"}}
    if len(labels) > 1:
        return False
    regions = [bool(set(f.key.split()) & _REGION_WORDS) for f in (x, y)]
    countries = [f.key in aliases.COUNTRIES for f in (x, y)]
    return not any(regions) and countries[0] == countries[1]


def entity_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """A different place (same preposition) or a different actor of the same action."""
    ea = [f for f in a.facts if f.kind is FactKind.ENTITY and f.role]
    eb = [f for f in b.facts if f.kind is FactKind.ENTITY and f.role]
    for x in ea:
        for y in eb:
            if x.role != y.role or aliases.same_entity(x.key, y.key):
                continue
            place = x.role in _PLACE_ROLES
            # who did it, or who holds the post; not who underwent it ('X was killed', 'placed X on the
            # list'): many can undergo one action
            role = x.role or ""
            actor = role.startswith(("nsubj:", "agent:", "appos:")) and role.split(":")[1] not in (
                REPORTING_VERBS | GENERIC_SCOPES
            )
            if not (place or actor):
                continue
            if place and not (
                _placelike(x) and _placelike(y) and _same_granularity(x, y) and _same_event(a, x, b, y)
            ):
                continue
            if actor and not (x.label == y.label == "PERSON"):
                continue
            if mentions(b, x.key) or mentions(a, y.key):
                continue
            what = "place" if place else role[6:] if role.startswith("appos:") else "actor"
            return [
                draft(
                    FindingType.ENTITY,
                    Severity.MEDIUM,
                    claim_index,
                    a,
                    b,
                    f"Different {what}",
                    fact_span(x, a.statement, a.document),
                    fact_span(y, b.statement, b.document),
                    conflict=True,
                )
            ]
    return []
