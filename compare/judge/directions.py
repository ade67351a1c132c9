"""Directions that differ: one thing put on two sides of the same landmark ('40 km north of Talca' /
'40 km east of Talca').

Bearings are read beside the entity facts (compare.facts.directions) and meet through the landmark's
entity key. Two reports putting one thing 90 degrees or more apart from one landmark cannot both be
right; neighbouring points ('south-west' / 'west-south-west', 'north' / 'north-east') are one direction
told loosely. The distances alongside are figures, compared by the number slots, not here.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.facts import aliases
from compare.facts.directions import Bearing, apart, bearings
from compare.facts.slots import meaning
from compare.judge.base import Draft, Side, draft
from compare.judge.context import different_referents
from compare.judge.spans import window_span
from compare.model import FindingType, Severity, Span

# Reporters round a bearing to the nearest of the eight points (off by 22.5 degrees at most) and often
# to a neighbouring one (45 degrees: 'north' for north-north-east, 'north-east' for east-north-east).
# Two bearings of one spot told that loosely stay under 90 degrees apart; from 90 on ('north' / 'east',
# 'west' / 'south') at least one report puts the spot on another side of the landmark.
_APART = 90.0

# Nouns naming the spot of an event rather than a thing of its own: 'the epicentre was 40 km north of X'
# tells where 'the quake struck', 'the crash site' where 'the plane came down'.
_SPOTS = frozenset(
    {
        "epicentre",
        "epicenter",
        "hypocentre",
        "hypocenter",
        "centre",
        "center",
        "site",
        "scene",
        "location",
        "spot",
        "position",
        "point",
    }
)

LEAD = "The direction from the same landmark differs"


def _by_landmark(side: Side) -> dict[str, list[Bearing]]:
    """The statement's bearings of what it asserts, per landmark key."""
    out: dict[str, list[Bearing]] = {}
    for bearing in bearings(side.statement.text, side.statement.start, side.facts):
        if bearing.fact is not None and bearing.fact.hypothetical:
            continue  # where something could be, not where it is
        out.setdefault(bearing.landmark, []).append(bearing)
    return out


def _one_direction(found: Sequence[Bearing]) -> bool:
    """All of one statement's bearings of a landmark are one direction told loosely; a statement giving
    two sides itself ('north and south of X') tells of two spots or of an area."""
    return all(apart(x.degrees, y.degrees) < _APART for x in found for y in found)


def _located(bearing: Bearing) -> str | None:
    """What the bearing puts somewhere, by meaning: the subject of the words it hangs on ('the camp lies
    west of X': camp); None where that is unsaid or names only the spot ('the epicentre')."""
    subject = bearing.fact.subject if bearing.fact is not None else None
    if subject is None or subject.lower() in _SPOTS:
        return None
    return meaning(subject)


def _different_things(a: Side, x: Bearing, b: Side, y: Bearing) -> bool:
    """The two bearings put two things somewhere: a named place that the other does not locate ('the
    quake hit Linares, south of X' / 'it hit Parral, west of X': two towns hit), or two things each
    named and neither named by the other statement ('an aftershock struck south of X' / 'the quake
    struck north of X')."""
    if x.of is not None or y.of is not None:
        return x.of is None or y.of is None or not aliases.same_entity(x.of, y.of)
    lx, ly = _located(x), _located(y)
    if lx is None or ly is None or lx == ly:
        return False
    return lx not in b.statement.text.lower() and ly not in a.statement.text.lower()


def _said_already(found: Sequence[Draft], span_a: Span, span_b: Span) -> bool:
    """An entity finding of the pair already quotes both sides here ('Different part of the same place'
    for 'north of X' / 'south of X'): the direction is not told twice."""

    def overlaps(s: Span, t: Span) -> bool:
        return s.document == t.document and s.start < t.end and t.start < s.end

    return any(
        d.type is FindingType.ENTITY
        and d.conflict
        and any(overlaps(s, span_a) for s in d.spans)
        and any(overlaps(s, span_b) for s in d.spans)
        for d in found
    )


def direction_drafts(a: Side, b: Side, claim_index: int, found: Sequence[Draft] = ()) -> list[Draft]:
    """The two reports put one thing on different sides of the same landmark. `found`: the pair's drafts
    so far, so that a side an entity finding already quotes is not told again."""
    in_a, in_b = _by_landmark(a), _by_landmark(b)
    shared = sorted(in_a.keys() & in_b.keys())
    if not shared or different_referents(a, b):
        return []
    out: list[Draft] = []
    for landmark in shared:
        xs, ys = in_a[landmark], in_b[landmark]
        if not (_one_direction(xs) and _one_direction(ys)):
            continue  # a report giving both sides itself
        if any(apart(x.degrees, y.degrees) < _APART for x in xs for y in ys):
            continue
        x, y = xs[0], ys[0]
        if _different_things(a, x, b, y):
            continue
        span_a = window_span(a.statement, a.document, x.start, x.end)
        span_b = window_span(b.statement, b.document, y.start, y.end)
        if _said_already(found, span_a, span_b):
            continue
        out.append(
            draft(FindingType.ENTITY, Severity.MEDIUM, claim_index, a, b, LEAD, span_a, span_b, conflict=True)
        )
    return out
