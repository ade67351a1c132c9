"""Time findings read as values: time zones of clock times, and durations told differently."""

from __future__ import annotations

from compare.facts.times import since_as_duration, zone_after
from compare.judge.base import Draft, Side, draft
from compare.judge.spans import fact_span
from compare.model import Fact, FactKind, FindingType, Severity

_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _zone(fact: Fact, side: Side) -> str | None:
    """The time zone named just after a clock time ('local' for local time), None when none is named."""
    m = zone_after(side.document.text, fact.end)
    if m is None:
        return None
    zone = " ".join(m.group("zone").split())
    return "local" if zone.lower() == "local time" else zone.upper()


def same_zone(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """Clock times compare when told in one zone; '6 p.m. EDT' and '3 p.m. Arizona time' may be one moment."""
    zx, zy = _zone(x, a), _zone(y, b)
    return zx == zy or {zx, zy} == {None, "local"}


# Zones that are one clock the world over: a time told in them is no local time of a place.
_UNIVERSAL_ZONES = frozenset({"GMT", "UTC", "Z"})


def local_against_universal(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """One report gives a clock time as local time, the other the same reading in GMT or UTC ('7:37 a.m.
    local time' / '0737 GMT'): two different moments wherever local time is not GMT, so one report has the
    zone wrong. Never when a report gives that reading in both zones itself."""
    if x.low is None or x.low != y.low:
        return False
    zones = {_zone(x, a), _zone(y, b)}
    if "local" not in zones or not zones & _UNIVERSAL_ZONES:
        return False
    return not (_gives_in_both(x.low, a) or _gives_in_both(y.low, b))


def _gives_in_both(minutes: float, side: Side) -> bool:
    zones = {
        _zone(f, side)
        for f in side.facts
        if f.kind is FactKind.TIME and f.label == "TIME" and f.low == minutes
    }
    return "local" in zones and bool(zones & _UNIVERSAL_ZONES)


def _is_duration(fact: Fact) -> bool:
    return fact.kind is FactKind.TIME and fact.label in ("DURATION", "SINCE")


def _span_of(fact: Fact, side: Side) -> tuple[float, float] | None:
    """A duration in days; 'since spring' measured up to the report's publication date."""
    if fact.label == "SINCE":
        return since_as_duration(fact, side.document.published)
    if fact.low is None:
        return None
    return fact.low, fact.high if fact.high is not None else float("inf")


def duration_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """How long something lasted, told differently: 'at least two months' / 'since late spring'.

    Never a conflict: durations are told loosely, and 'since' depends on when the report was written.
    Clock times, dates and weekdays are compared slot by slot in `compare.judge.slots`.
    """
    xs = [f for f in a.facts if _is_duration(f)]
    ys = [f for f in b.facts if _is_duration(f)]
    if not xs or not ys or {f.key for f in xs} & {f.key for f in ys}:
        return []
    known = [
        (x, rx, y, ry)
        for x in xs
        for y in ys
        if (rx := _span_of(x, a)) is not None and (ry := _span_of(y, b)) is not None
    ]
    if known:
        # durations that cannot both hold are left to the reader's eye in the quotes; the same span
        # told in other words is worth a low note
        overlapping = [(x, y) for x, rx, y, ry in known if rx[0] <= ry[1] and ry[0] <= rx[1]]
        if not overlapping:
            return []
        x, y = overlapping[0]
        if x.label == y.label == "DURATION" and x.qualifier == y.qualifier:
            return []  # "several months" vs "a few months": vague words, no real difference
    else:
        x, y = xs[0], ys[0]  # no publication date to resolve 'since ...' against: the wording differs
    return [
        draft(
            FindingType.TIME_DATE,
            Severity.LOW,
            claim_index,
            a,
            b,
            "The time span is told differently",
            fact_span(x, a.statement, a.document),
            fact_span(y, b.statement, b.document),
        )
    ]
