"""Entity findings: a different place or a different actor in the same role of the same event."""

from __future__ import annotations

from compare.facts import aliases
from compare.facts.attribution import REPORTING_VERBS
from compare.judge.base import Draft, Side, draft
from compare.judge.context import GENERIC_SCOPES
from compare.judge.spans import fact_span
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


def _same_event(x: Fact, y: Fact) -> bool:
    """Places conflict only when they answer the same question: the same act, or both a journey's end.

    The act is the predicate recorded at extraction ('depart' in 'departed from Lucerne')."""
    ga, gb = x.predicate, y.predicate
    if ga is None or gb is None:
        return False
    return ga == gb or (ga in _MOTION and gb in _MOTION)


def _placelike(fact: Fact) -> bool:
    """A place, or a one-word name the small NER model mislabels ('from Lucerne' as ORG or PERSON)."""
    return fact.label in _PLACE_LABELS or (fact.label in ("PERSON", "ORG") and len(fact.key.split()) == 1)


# Facilities named after the place they serve: 'Lucerne airport' stands for Lucerne when places compare.
_FACILITIES = frozenset(
    {"airport", "airfield", "airstrip", "airbase", "station", "port", "harbour", "harbor", "terminal"}
)


def _as_place(fact: Fact) -> tuple[str, str]:
    """(label, key) with a transport facility read as its town: ('GPE', 'lucerne') for 'Lucerne airport'."""
    words = fact.key.split()
    if fact.label == "FAC" and len(words) > 1 and words[-1] in _FACILITIES:
        return "GPE", " ".join(words[:-1])
    return fact.label, fact.key


def _same_granularity(x: Fact, y: Fact) -> bool:
    """A country against a region ('Kenya' / 'East Africa') or a city ('Milan' / 'Italy'): containment."""
    (lx, kx), (ly, ky) = _as_place(x), _as_place(y)
    labels = {label for label in (lx, ly) if label in _PLACE_LABELS - {"NAME"}}
    if len(labels) > 1:
        return False
    regions = [bool(set(k.split()) & _REGION_WORDS) for k in (kx, ky)]
    countries = [k in aliases.COUNTRIES for k in (kx, ky)]
    return not any(regions) and countries[0] == countries[1]


def entity_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """A different place (same preposition) or a different actor of the same action."""
    ea = [f for f in a.facts if f.kind is FactKind.ENTITY and f.role]
    eb = [f for f in b.facts if f.kind is FactKind.ENTITY and f.role]
    for x in ea:
        for y in eb:
            if x.role != y.role or aliases.same_entity(_as_place(x)[1], _as_place(y)[1]):
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
                _placelike(x) and _placelike(y) and _same_granularity(x, y) and _same_event(x, y)
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
