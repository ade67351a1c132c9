"""Entity findings: a different place, actor or post-holder in the same role of the same event."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from compare.facts import aliases
from compare.facts.attribution import REPORTING_VERBS
from compare.facts.entities import sectors_overlap
from compare.facts.slots import meaning
from compare.judge.base import Draft, Side, draft
from compare.judge.context import GENERIC_SCOPES
from compare.judge.slots import different_acts, facts_by_class, pair_slots
from compare.judge.spans import fact_span
from compare.model import Fact, FactKind, FindingType, Severity

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


_SPELLING_SIMILARITY = 80  # rapidfuzz ratio from which two names are one name spelt two ways

# Prepositions that ask one question: where it happened ('in', 'at', 'near', 'off'), or whence.
_WHERE = frozenset({"in", "at", "near", "off", "outside", "inside"})
# Labels of who can act: a person, an organisation, a country or city acting as a body.
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE"})


def _entity_class(fact: Fact) -> tuple[str, str] | None:
    """What question an entity answers in its statement: ('place', 'where' / 'from'), ('actor', label)
    for who did something, ('post', noun) for who holds a post ('the pilot, X'); None for the rest."""
    if fact.kind is not FactKind.ENTITY or not fact.role:
        return None
    role = fact.role
    if role in _WHERE or role == "from":
        return ("place", "where" if role in _WHERE else "from") if _placelike(fact) else None
    if role.startswith("appos:") and fact.label == "PERSON":
        return ("post", role)
    if fact.label in _ACTOR_LABELS:
        verb = _acts(fact)
        if verb and verb not in REPORTING_VERBS | GENERIC_SCOPES:
            return ("actor", fact.label)
    return None


def _acts(fact: Fact) -> str | None:
    """The act an actor did, by meaning: the verb it is the subject of ('nsubj:upgrade'), or the
    predicate of a passive ('was vetoed by Governor X')."""
    role = fact.role or ""
    if role.startswith(("nsubj:", "agent:")):
        return meaning(role.split(":", 1)[1])
    if role == "by" and fact.predicate:
        return meaning(fact.predicate)
    return None


def _may_pair(cls: tuple[str, str], *, aligned: bool = True) -> Callable[[Fact, Fact], bool]:
    def may_pair(x: Fact, y: Fact) -> bool:
        if not aligned:
            # statements alignment kept apart: the same act of the same named subject, nothing less
            same_subject = x.subject is not None and meaning(x.subject) == meaning(y.subject or "")
            return cls[0] == "place" and _same_event(x, y) and same_subject
        if cls[0] == "actor":
            return _acts(x) == _acts(y)  # who did the same act
        if cls[0] == "post":
            return True  # the class is the post itself
        # places answer one question when they hang on one act, or on the same words ('marchers in X')
        return _same_event(x, y) or (
            not different_acts(x, y) and bool({meaning(w) for w in x.around} & {meaning(w) for w in y.around})
        )

    return may_pair


def _other_parts(cls: tuple[str, str], x: Fact, y: Fact) -> bool:
    """One place, two parts of it that exclude each other: 'northern Syria' / 'southern Syria', or two
    sides of one landmark ('40 km north of X' / '40 km south of X'); not a side against a part."""
    if cls[0] != "place" or x.qualifier is None or y.qualifier is None or x.relative != y.relative:
        return False
    return x.key == y.key and not sectors_overlap(x.qualifier, y.qualifier)


def _may_both_hold(cls: tuple[str, str]) -> Callable[[Fact, Fact], bool]:
    def agree(x: Fact, y: Fact) -> bool:
        if _other_parts(cls, x, y):
            return False
        kx, ky = _as_place(x)[1], _as_place(y)[1]
        if aliases.same_entity(kx, ky) or aliases.abbreviates(kx, ky) or aliases.abbreviates(ky, kx):
            return True
        if _spelt_alike(kx, ky):
            return True
        if cls[0] == "place" and x.relative != y.relative:
            # 'near X' says what the spot is close to, not where it is: a town near a city is 'near the
            # city'. Two landmarks ('near X' / 'near Y') answer one question and are still compared.
            return True
        # a city inside its country, a country inside its region: containment, not a different place;
        # a capital acting for its country ('Beijing condemned' / 'China condemned') likewise
        return (cls[0] == "place" or cls == ("actor", "GPE")) and not _same_granularity(x, y)

    return agree


def _spelt_alike(x: str, y: str) -> bool:
    """Two spellings of one name ('Gaddafi' / 'Qaddafi'), or one cut short ('Tian' / 'Tiananmen'); not
    two countries, which differ by a letter or two ('Niger' / 'Nigeria', 'Iran' / 'Iraq')."""
    if x in aliases.COUNTRIES and y in aliases.COUNTRIES:
        return False
    short, long_ = sorted((x, y), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    return fuzz.ratio(x, y) >= _SPELLING_SIMILARITY


_ADDITIVE = re.compile(r"\b(?:also|too|likewise|similarly|as well)\b", re.IGNORECASE)


def _additive(side: Side) -> bool:
    """Whether a statement says its actor is one of several ('X also offered', 'Y did too')."""
    return bool(_ADDITIVE.search(side.statement.text))


def entity_drafts(a: Side, b: Side, claim_index: int, *, aligned: bool = True) -> list[Draft]:
    """A different place in the same role, a different actor of the same act, a different holder of
    the same post. Entities are paired slot by slot like figures (compare.judge.slots.pair_slots);
    a name the other statement also uses anywhere is not in dispute. Statements that alignment kept
    apart (`aligned` False) are held to a place of the same act of the same subject ('the plane took
    off from X' / 'the plane departed from Y')."""
    out: list[Draft] = []
    by_a, by_b = facts_by_class(a.facts, _entity_class), facts_by_class(b.facts, _entity_class)
    classes = by_a.keys() & by_b.keys()
    if _additive(a) or _additive(b):
        classes = {c for c in classes if c[0] != "actor"}  # 'the FBI also offered': a second actor
    for cls in sorted(classes):
        xs, ys = by_a[cls], by_b[cls]
        matches = pair_slots(
            xs,
            ys,
            may_pair=_may_pair(cls, aligned=aligned),
            agree=_may_both_hold(cls),
            lone=len(xs) == 1 and len(ys) == 1,
            lone_score=0.0,
        )
        for match, agrees in matches:
            x, y = match.x, match.y
            if _other_parts(cls, x, y):
                what = "part of the same place"
            elif agrees or mentions(b, x.key) or mentions(a, y.key):
                continue
            else:
                what = {"place": "place", "actor": "actor", "post": cls[1][6:]}[cls[0]]
            out.append(
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
            )
    return out
