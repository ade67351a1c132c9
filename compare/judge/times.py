"""Times read as values for the judge: the time zone of a clock time, the length of a duration.

Durations are paired and compared slot by slot in `compare.judge.slots` (`duration_slot_drafts`).
"""

from __future__ import annotations

from compare.facts.times import since_as_duration, zone_after
from compare.judge.base import Side
from compare.model import Fact, FactKind

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


def span_of(fact: Fact, side: Side) -> tuple[float, float] | None:
    """A duration in days, as a range; 'since spring' measured up to the report's publication date (None
    without one)."""
    if fact.label == "SINCE":
        return since_as_duration(fact, side.document.published)
    if fact.low is None:
        return None
    return fact.low, fact.high if fact.high is not None else float("inf")
