"""Time and date findings: clock times, dates and durations of one event that cannot both hold."""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from compare.facts import nlp
from compare.facts.attribution import REPORTING_VERBS
from compare.facts.times import reference_date, since_as_duration
from compare.judge.base import Draft, Side, draft
from compare.judge.context import context, verbs
from compare.judge.spans import fact_span
from compare.model import Fact, FactKind, FindingType, Severity

_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# A zone written after a clock time: "6 p.m. EDT", "3 p.m. Arizona time", "17:50 (1550 GMT)", "local time".
_ZONE_RE = re.compile(
    r"^\s*\(?\s*(?P<zone>local\s+time|GMT|UTC|Z\b|[A-Z]{1,3}[SD]?T\b|(?:[A-Z][a-z]+\s+){1,2}time\b)"
)


def _zone(fact: Fact, side: Side) -> str | None:
    """The time zone named just after a clock time ('local' for local time), None when none is named."""
    m = _ZONE_RE.match(side.document.text[fact.end : fact.end + 30])
    if m is None:
        return None
    zone = " ".join(m.group("zone").split())
    return "local" if zone.lower() == "local time" else zone.upper()


def same_zone(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """Clock times compare when told in one zone; '6 p.m. EDT' and '3 p.m. Arizona time' may be one moment."""
    zx, zy = _zone(x, a), _zone(y, b)
    return zx == zy or {zx, zy} == {None, "local"}


def _time_group(fact: Fact) -> str | None:
    if fact.text.lower() in _WEEKDAYS:
        return "weekday"
    if fact.label == "TIME":
        return "clock"
    if fact.label in ("DATE", "PERIOD") and fact.low is not None:
        return "calendar"
    if fact.label == "DATE" and fact.key.startswith("--"):
        return "monthday"
    if fact.label in ("DURATION", "SINCE"):
        return "duration"
    return None


def _same_footing(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """Two dates can be compared: same granularity, and relative ones only from the same day's reports."""
    if x.label != y.label or x.low is None or y.low is None or x.high is None or y.high is None:
        return False
    if x.label == "PERIOD" and abs((x.high - x.low) - (y.high - y.low)) > 31:
        return False  # a year against a season: different questions
    if "relative" in (x.qualifier, y.qualifier):
        pa, pb = a.document.published, b.document.published
        return bool(pa and pb and pa[:10] == pb[:10]) and x.qualifier == y.qualifier
    return True


def _time_range(fact: Fact, side: Side) -> tuple[float, float] | None:
    if fact.key.startswith("--"):
        month, day = (int(p) for p in fact.key[2:].split("-"))
        ordinal = float(date(2000, month, day).toordinal())
        return ordinal, ordinal
    if fact.label == "SINCE":
        return since_as_duration(fact, side.document.published)
    if fact.low is None:
        return None
    return fact.low, fact.high if fact.high is not None else float("inf")


def _overlap(x: tuple[float, float], y: tuple[float, float], slack: float) -> bool:
    return x[0] - slack <= y[1] and y[0] - slack <= x[1]


def _when_told(side: Side, fact: Fact) -> bool:
    """The time a statement was made ('..., he said Sunday'), not when the event happened."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return False
    start = fact.start - side.statement.start
    inside = [t for t in parsed if start <= t.idx < fact.end - side.statement.start]
    for node in inside[-1].ancestors if inside else ():
        if node.pos_ in ("VERB", "AUX"):
            return str(node.lemma_).lower() in REPORTING_VERBS
    return False


def _days_news(a: Side, x: Fact, b: Side, y: Fact) -> bool:
    """Each report tells what happened on its own publication day ('salvage continued Thursday' in
    Thursday's paper, '... Friday' in Friday's): two days of a story, not two dates for one event."""
    da, db = reference_date(a.document.published), reference_date(b.document.published)
    if da is None or db is None or da == db:
        return False
    return x.low == float(da.toordinal()) and y.low == float(db.toordinal())


def _same_event_time(a: Side, x: Fact, b: Side, y: Fact, *, strict: bool = False) -> bool:
    """Two times are of one event when they hang on the same verb ('crashed at 7:30' / 'at 5:50'),
    or, for aligned statements (not strict), when the sentences nearly match."""
    if _when_told(a, x) != _when_told(b, y) or _days_news(a, x, b, y):
        return False
    same_verb = verbs(a, x) & verbs(b, y)
    if strict:
        # statements not aligned: the verb and something else around the time must match
        return bool(same_verb and (context(a, x) & context(b, y)) - same_verb)
    return bool(same_verb) or fuzz.token_set_ratio(a.statement.text, b.statement.text) >= 80


def event_keys(side: Side) -> set[tuple[str, str]]:
    """(kind of time, verb it hangs on) for each time of an event in a statement, to pair statements by."""
    out: set[tuple[str, str]] = set()
    for fact in side.facts:
        group = _time_group(fact) if fact.kind is FactKind.TIME else None
        if group in ("clock", "calendar", "monthday", "weekday") and not _when_told(side, fact):
            out.update((str(group), verb) for verb in verbs(side, fact))
    return out


def time_drafts(a: Side, b: Side, claim_index: int, *, strict: bool = False) -> list[Draft]:
    """Times, dates and durations of the same kind that cannot both hold (or are told differently).

    strict (statements not aligned): only times hanging on the same verb, and only conflicts.
    """
    out: list[Draft] = []
    ta = [f for f in a.facts if f.kind is FactKind.TIME and _time_group(f)]
    tb = [f for f in b.facts if f.kind is FactKind.TIME and _time_group(f)]
    for group in ("clock", "calendar", "monthday", "weekday", "duration"):
        xs = [f for f in ta if _time_group(f) == group]
        ys = [f for f in tb if _time_group(f) == group]
        if not xs or not ys:
            continue
        if {f.key for f in xs} & {f.key for f in ys}:
            continue
        if group == "weekday":
            out.extend(_weekday_drafts(a, xs, b, ys, claim_index, strict=strict))
            continue
        slack = {"clock": 10.0, "calendar": 0.0, "monthday": 0.0, "duration": 0.0}[group]
        ranges_x = [(f, _time_range(f, a)) for f in xs]
        ranges_y = [(f, _time_range(f, b)) for f in ys]
        known = [
            (x, rx, y, ry)
            for x, rx in ranges_x
            for y, ry in ranges_y
            if rx is not None
            and ry is not None
            and (group != "calendar" or _same_footing(x, a, y, b))
            and (group != "clock" or same_zone(x, a, y, b))
        ]
        if known:
            if any(_overlap(rx, ry, slack) for _, rx, _, ry in known):
                if group != "duration":
                    continue
                x, _, y, _ = next(k for k in known if _overlap(k[1], k[3], slack))
                if x.label == y.label == "DURATION" and x.qualifier == y.qualifier:
                    continue  # "several months" vs "a few months": vague words, no real difference
                out.append(
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
                )
                continue
            related = [(x, y) for x, _, y, _ in known if _same_event_time(a, x, b, y, strict=strict)]
            if not related:
                continue
            x, y = related[0]
            out.append(
                draft(
                    FindingType.TIME_DATE,
                    Severity.MEDIUM,
                    claim_index,
                    a,
                    b,
                    "Different times or dates",
                    fact_span(x, a.statement, a.document),
                    fact_span(y, b.statement, b.document),
                    conflict=True,
                )
            )
        elif group == "duration":
            # no publication date to resolve 'since ...' against: show the wording difference only
            out.append(
                draft(
                    FindingType.TIME_DATE,
                    Severity.LOW,
                    claim_index,
                    a,
                    b,
                    "The time span is told differently",
                    fact_span(xs[0], a.statement, a.document),
                    fact_span(ys[0], b.statement, b.document),
                )
            )
    return [d for d in out if d.conflict] if strict else out


def _weekday_drafts(
    a: Side, xs: list[Fact], b: Side, ys: list[Fact], claim_index: int, *, strict: bool = False
) -> list[Draft]:
    """'crashed on Wednesday' against 'crashed on Thursday': day names compare without a calendar."""
    names_x = {f.text.lower() for f in xs}
    names_y = {f.text.lower() for f in ys}
    if names_x & names_y:
        return []
    related = [(x, y) for x in xs for y in ys if _same_event_time(a, x, b, y, strict=strict)]
    if not related:
        return []
    x, y = related[0]
    return [
        draft(
            FindingType.TIME_DATE,
            Severity.MEDIUM,
            claim_index,
            a,
            b,
            "Different days",
            fact_span(x, a.statement, a.document),
            fact_span(y, b.statement, b.document),
            conflict=True,
        )
    ]
