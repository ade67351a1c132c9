"""Times read as values for the judge: the time zone of a clock time, where a clock time or a part of the
day falls in the day, the length of a duration.

Durations are paired and compared slot by slot in `compare.judge.slots` (`duration_slot_drafts`).
"""

from __future__ import annotations

from compare.facts.dayparts import daypart_anchor
from compare.facts.times import since_as_duration, zone_after
from compare.judge.base import Side
from compare.model import Fact, FactKind

_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _zone(fact: Fact, side: Side) -> str | None:
    """The time zone named just after a clock time ('local' for local time), None when none is named; a
    part of the day ('in the morning') is always local time."""
    if fact.label == "DAYPART":
        return "local"
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
    if x.low is None or x.low != y.low or "DAYPART" in (x.label, y.label):
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


_DAY = 1440.0  # minutes
_WEEKDAYS_IN_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _day_shifts(x: Fact, y: Fact, *, across_days: bool) -> tuple[float, ...]:
    """How many minutes y's reading may sit after x's. Parts of the day told of one weekday sit in that
    day ('late Tuesday night' is not 'early Tuesday morning'); told of two weekdays, they sit that many
    days apart when `across_days` ('Tuesday night' runs into 'early Wednesday'), else the days are the
    weekdays' own comparison and only the hours are read. Otherwise a clock time may fall on the night's
    either side of midnight ('overnight' / '2 a.m.')."""
    ax, ay = daypart_anchor(x), daypart_anchor(y)
    if ax in _WEEKDAYS_IN_ORDER and ay in _WEEKDAYS_IN_ORDER:
        days = (_WEEKDAYS_IN_ORDER.index(ay) - _WEEKDAYS_IN_ORDER.index(ax)) % 7
        if days == 0 or across_days:
            return ((days - 7 if days > 3 else days) * _DAY,)
    return (-_DAY, 0.0, _DAY)


def times_of_day_meet(x: Fact, y: Fact, slack: float = 0.0, *, across_days: bool = False) -> bool:
    """A clock time and a part of the day, or two parts of the day, can be one moment: the clock falls in
    the part's range (ends included, give or take `slack` minutes), two parts share more than their edge
    ('in the morning' / 'in the afternoon' do not); a night's range runs past midnight. `across_days`:
    two weekdays the parts are told of count (see `_day_shifts`)."""
    assert x.low is not None and y.low is not None
    hx = x.high if x.high is not None else x.low
    hy = y.high if y.high is not None else y.low
    both_ranges = hx > x.low and hy > y.low
    for shift in _day_shifts(x, y, across_days=across_days):
        low, high = max(x.low, y.low + shift), min(hx, hy + shift)
        if (high > low) if both_ranges else (high >= low - slack):
            return True
    return False


def span_of(fact: Fact, side: Side) -> tuple[float, float] | None:
    """A duration in days, as a range; 'since spring' measured up to the report's publication date (None
    without one)."""
    if fact.label == "SINCE":
        return since_as_duration(fact, side.document.published)
    if fact.low is None:
        return None
    return fact.low, fact.high if fact.high is not None else float("inf")
