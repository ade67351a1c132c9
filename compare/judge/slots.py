"""Pair the facts of two statements slot by slot, then compare their values as a journalist reads them.

One mechanism for every figure, clock time, date and weekday: a fact of one statement meets the fact of
the other that sits in the same slot — the same predicate (or one of the same meaning: 'killed' and
'dead'), the same role there, the same counted noun, the same words around it. Facts are paired one to
one, best slot first, and a pair whose values cannot both be true is a finding quoting both values.
When each statement of an aligned pair has a single fact of a class, that pair needs little more than
one shared word to be the same slot: headlines rarely say more ("12 killed in blast" / "Blast kills 14").

A finding is kept when a context may explain it (reports published on different days); the context is
said in its note instead. Only what the texts themselves separate is not compared: figures dated apart,
counts of named different things ('the Senate plan' / 'the House plan'), ages of different people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from compare.facts.attribution import REPORTING_VERBS
from compare.facts.numbers import COUNTED_FROM_A_START
from compare.facts.slots import MEANING_GROUPS, act_meaning
from compare.facts.slots import meaning as _meaning
from compare.facts.times import reference_date
from compare.judge.base import GENERIC_NOUNS, Draft, Side, counted_noun, draft
from compare.judge.context import different_referents
from compare.judge.numbers import different_occasions, direction, numbers_compatible, update_note
from compare.judge.spans import fact_span
from compare.judge.times import local_against_universal, same_zone, times_of_day_meet
from compare.model import Fact, FactKind, FindingType, Severity

_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = frozenset(_WEEKDAY_NAMES)

K = TypeVar("K")  # the class a fact is grouped by

_STRONG = 3.0  # a slot score from which two facts of aligned statements are of one slot
_LONE = 1.0  # enough when each side has one fact of the class
_UNALIGNED = 3.0  # statements alignment kept apart: same act (required) and one more thing in common


@dataclass(frozen=True, slots=True)
class Match:
    """Two facts of one slot, with how sure the pairing is."""

    x: Fact
    y: Fact
    score: float


def slot_score(x: Fact, y: Fact) -> float:
    """How surely two facts of two statements fill the same slot (0: nothing in common)."""
    score = 0.0
    px = act_meaning(x.predicate) if x.predicate else None
    py = act_meaning(y.predicate) if y.predicate else None
    if px and px == py:
        score += 1.0  # on top of the shared word itself
    if x.arg and x.arg == y.arg:
        score += 1.0
    score += len(_context(x) & _context(y))
    rx, ry = counted_noun(x), counted_noun(y)
    if rx and ry and rx == ry:
        score += 2.0
    return score


def _context(fact: Fact) -> set[str]:
    """The meanings of a fact's predicate and of the words around it."""
    return {_meaning(w) for w in fact.around} | ({act_meaning(fact.predicate)} if fact.predicate else set())


def different_acts(x: Fact, y: Fact) -> bool:
    if not x.predicate or not y.predicate:
        return False
    if _names_no_act(x) or _names_no_act(y):
        return False
    return act_meaning(x.predicate) != act_meaning(y.predicate)


# Predicates that name no act of their own: two statements 'being' or 'including' numbers tell of nothing
# in common.
EMPTY_PREDICATES = frozenset({"be", "have", "include", "do", "get", "make", "involve", "contain", "number"})
# Verbs of an event's happening: 'the quake took place at 7:37' / 'it happened at 7:37' tell the time of
# whatever act the other report names ('struck at 7:37'), not of an act of their own.
_HAPPENING = frozenset({"happen", "occur"})


def _names_no_act(fact: Fact) -> bool:
    predicate = fact.predicate
    return (
        predicate in EMPTY_PREDICATES
        or predicate in _HAPPENING
        or (predicate == "take" and "place" in fact.around)
    )


def _same_predicate(x: Fact, y: Fact) -> bool:
    """Both facts hang on one act (not on 'be' or 'include')."""
    if not x.predicate or not y.predicate or x.predicate in EMPTY_PREDICATES:
        return False
    return act_meaning(x.predicate) == act_meaning(y.predicate)


# Predicates whose subject is the whole a count is part of: 'the crew included two Bahrainis'.
_CONTAINERS = frozenset({"include", "comprise", "contain", "number", "have"})


def _different_wholes(x: Fact, y: Fact) -> bool:
    """'The crew included two Bahrainis' and 'the passengers included 34 Bahrainis' count in two wholes."""
    return bool(
        x.predicate in _CONTAINERS
        and y.predicate in _CONTAINERS
        and x.subject
        and y.subject
        and _meaning(x.subject) != _meaning(y.subject)
    )


# The two outcomes a toll can count: the dead and the hurt.
_DEATH, _HURT = _meaning("kill"), _meaning("injure")


def _included_alike(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """Two parts of a toll told with 'including' ('137 bodies - including up to 30 children' / 'all 143
    aboard - including 36 children - were killed'): one act, unless one statement's toll is of the dead
    and the other's of the hurt. What they count is checked by the caller."""
    if x.predicate != "include" or y.predicate != "include" or x.arg != y.arg:
        return False
    if _generic(x) or _generic(y):
        return False  # 'including 12 people': of whom, neither says

    def outcomes(side: Side) -> set[str]:
        told = {act_meaning(f.predicate) for f in side.facts if f.kind is FactKind.NUMBER and f.predicate}
        return told & {_DEATH, _HURT}

    ox, oy = outcomes(a), outcomes(b)
    return not (ox and oy and ox != oy)


def _different_outcomes(x: Fact, y: Fact) -> bool:
    """Two figures of two known kinds of event: 'killed at least three' and 'injured at least five' count
    different people, however alike the rest of the sentence reads."""
    px = _meaning(x.predicate) if x.predicate else None
    py = _meaning(y.predicate) if y.predicate else None
    return px in MEANING_GROUPS and py in MEANING_GROUPS and px != py


def _may_pair_numbers(x: Fact, y: Fact) -> bool:
    """Never pair counts of named different things, a whole set with a part, or two people's ages; nor
    a capacity or a possibility with what happened ('designed to carry 150' / 'carrying 143')."""
    if x.hypothetical != y.hypothetical:
        return False
    # 'the first election since the war' does not count from where 'the fourth election' does
    if x.label == y.label == "ORDINAL" and (x.qualifier == COUNTED_FROM_A_START) != (
        y.qualifier == COUNTED_FROM_A_START
    ):
        return False
    if _different_wholes(x, y) or _different_outcomes(x, y):
        return False
    rx, ry = x.role or "", y.role or ""
    if rx.startswith("age") or ry.startswith("age"):
        return rx == ry != "age"  # the ages of one named person, never of two or of nobody known
    if rx.startswith("whole:") != ry.startswith("whole:"):
        return False
    if rx.startswith("per:") != ry.startswith("per:"):
        return False  # a rate ('$11,000 per call') is not a total
    if rx.startswith("part-of:") != ry.startswith("part-of:"):
        return False  # 'thirty-six of the victims' is a part, not the toll
    cx, cy = counted_noun(x), counted_noun(y)
    if cx and cy and cx != cy:  # both already reduced to what they mean
        return cx in GENERIC_NOUNS or cy in GENERIC_NOUNS or "+" in cx or "+" in cy
    return True


def pair_slots(
    xs: Sequence[Fact],
    ys: Sequence[Fact],
    *,
    may_pair: Callable[[Fact, Fact], bool],
    agree: Callable[[Fact, Fact], bool],
    lone: bool,
    lone_score: float = _LONE,
    strong: float = _STRONG,
) -> list[tuple[Match, bool]]:
    """One-to-one pairs of facts in the same slot, best slot first, each with whether the values agree.

    `lone`: each side has a single fact of this class, so a slot score of `lone_score` will do.
    """
    candidates = []
    for x in xs:
        for y in ys:
            if not may_pair(x, y):
                continue
            score = slot_score(x, y)
            if score >= strong or (lone and score >= lone_score):
                candidates.append((score, agree(x, y), x, y))
    # best slot first; between equal slots an agreeing pairing wins (the reports agree where they can)
    candidates.sort(key=lambda c: (-c[0], not c[1], c[2].start, c[3].start))
    used_x: set[str] = set()
    used_y: set[str] = set()
    out: list[tuple[Match, bool]] = []
    for score, agrees, x, y in candidates:
        if x.id in used_x or y.id in used_y:
            continue
        used_x.add(x.id)
        used_y.add(y.id)
        out.append((Match(x, y, score), agrees))
    return out


def facts_by_class(facts: Sequence[Fact], class_of: Callable[[Fact], K | None]) -> dict[K, list[Fact]]:
    """A statement's facts grouped by the class that `class_of` gives them (in order; unclassed left out)."""
    grouped: dict[K, list[Fact]] = {}
    for fact in facts:
        cls = class_of(fact)
        if cls is not None:
            grouped.setdefault(cls, []).append(fact)
    return grouped


def _generic(fact: Fact) -> bool:
    """A count that does not say of whom: 'killed 141', '14 people', 'Nine dead'."""
    counted = counted_noun(fact)
    return counted is None or counted in GENERIC_NOUNS or counted in MEANING_GROUPS


def _part(narrow: Fact, wide: Fact) -> bool:
    """narrow counts a narrower group that may sit inside wide's: 'three Americans' among 'killed 141',
    'three US Navy helicopters' among 'five helicopters' (not five of them among three)."""
    assert narrow.value is not None and wide.value is not None
    low = narrow.low if narrow.low is not None else narrow.value
    if low > (wide.high if wide.high is not None else float("inf")):
        return False
    if _generic(wide) and not _generic(narrow):
        return True
    # words narrowing one count that the other statement does not use at all
    extra = {_meaning(w) for w in narrow.narrowing} - {_meaning(w) for w in (*wide.narrowing, *wide.around)}
    return (
        counted_noun(narrow) == counted_noun(wide)
        and bool(extra)
        and set(wide.narrowing) <= set(narrow.narrowing)
    )


def _figures_agree(x: Fact, y: Fact) -> bool:
    """Two figures can both be true: compatible values, one counts a part of the other's group, or both
    are increments on tolls told elsewhere ('another four died in hospital' / 'two more were killed')."""
    if "other" in x.narrowing and "other" in y.narrowing:
        return True
    return numbers_compatible(x, y) or _part(x, y) or _part(y, x)


def _listed(fact: Fact) -> bool:
    return bool(fact.role and fact.role.startswith("list:"))


def _breakdown(side: Side) -> set[str]:
    """The items of the breakdowns a statement gives ('63 Egyptians, 34 Bahrainis' -> egyptian, bahraini)."""
    return {_meaning(f.role.removeprefix("list:")) for f in side.facts if f.role and _listed(f)}


def _number_class(fact: Fact) -> tuple[str, str | None] | None:
    if fact.kind is not FactKind.NUMBER or fact.value is None or fact.label == "SCARCE":
        return None
    return ("ordinal" if fact.label == "ORDINAL" else "count", fact.unit)


def number_slot_drafts(
    a: Side, b: Side, claim_index: int, *, aligned: bool = True, linked: bool = False
) -> list[Draft]:
    """Figures in the same slot of two statements that cannot both be true; none when the texts set
    them apart (named different things, or dated apart).

    aligned: the two sit in one claim. Otherwise they must tell of the same act, and, unless alignment
    `linked` them loosely (a related link), count the same named thing: bare figures hanging on one act
    ('put Rovers ahead 3-1' / 'ahead 2-0') meet by chance in a long story far more often than they
    disagree (read on ECB+ clusters).
    """
    out: list[Draft] = []
    by_a, by_b = facts_by_class(a.facts, _number_class), facts_by_class(b.facts, _number_class)
    if not by_a.keys() & by_b.keys() or different_referents(a, b) or different_occasions(a, b):
        return out  # (no figures of one class on both sides is the common case: asked first)
    shared_breakdown = len(_breakdown(a) & _breakdown(b)) >= 2

    def may_pair(x: Fact, y: Fact) -> bool:
        if not aligned and not (_same_predicate(x, y) or _included_alike(x, a, y, b)):
            return False  # statements kept apart must tell of the same act
        if not aligned and not linked and (counted_noun(x) is None or counted_noun(x) != counted_noun(y)):
            return False  # ... and, met only through a shared slot, count the same named thing
        # an item of a breakdown ('63 Egyptians, 34 Bahrainis') compares only within a breakdown of
        # the same whole: 'the crew included two Bahrainis' is part of another whole
        if _listed(x) and _listed(y):
            return shared_breakdown and _may_pair_numbers(x, y)
        if _listed(x) or _listed(y):
            return counted_noun(x) == counted_noun(y) and _may_pair_numbers(x, y)
        return _may_pair_numbers(x, y)

    for cls in sorted(by_a.keys() & by_b.keys(), key=str):
        xs, ys = by_a[cls], by_b[cls]
        lone = aligned and len(xs) == 1 and len(ys) == 1
        matches = pair_slots(
            xs,
            ys,
            may_pair=may_pair,
            agree=_figures_agree,
            lone=lone,
            strong=_STRONG if aligned else _UNALIGNED,
        )
        agreeing_x = {m.x.id for m, ok in matches if ok}
        agreeing_y = {m.y.id for m, ok in matches if ok}
        for match, agrees in matches:
            if agrees:
                continue
            x, y = match.x, match.y
            if b.also_gives(x) and a.also_gives(y):
                continue  # each report gives both figures: two things met by alignment, not a dispute
            # a figure the other report states too, in another slot that may hold it, is not in dispute
            if any(
                may_pair(x, other) and _figures_agree(x, other) for other in ys if other.id not in agreeing_y
            ) and any(
                may_pair(other, y) and _figures_agree(other, y) for other in xs if other.id not in agreeing_x
            ):
                continue
            note = update_note(a, b)
            bounded = direction(x.qualifier) != "exact" or direction(y.qualifier) != "exact"
            out.append(
                draft(
                    FindingType.NUMBER,
                    Severity.MEDIUM if bounded or note else Severity.HIGH,
                    claim_index,
                    a,
                    b,
                    "Different numbers for the same thing",
                    fact_span(x, a.statement, a.document),
                    fact_span(y, b.statement, b.document),
                    note=note,
                    conflict=True,
                )
            )
    return out


def slot_keys(facts: Sequence[Fact]) -> set[tuple[str, ...]]:
    """Keys that statements sharing a slot share: a figure's class with its predicate or counted noun, a
    time's class with its predicate. Statements of other claims are compared when a key meets."""
    keys: set[tuple[str, ...]] = set()
    for fact in facts:
        number = _number_class(fact)
        if number is not None:
            cls = f"{number[0]}:{number[1]}"
            if fact.predicate and fact.predicate not in REPORTING_VERBS:
                keys.add((cls, "p", act_meaning(fact.predicate)))
            counted = counted_noun(fact)
            if counted and not _generic(fact):
                keys.add((cls, "n", counted))
            continue
        time = _time_class(fact)
        if time is not None and fact.predicate:
            keys.add((time, "p", act_meaning(fact.predicate)))
    return keys


# Verbs of putting a piece out: 'posted on Wednesday, September 18' dates the article, not the event, and
# two outlets post on their own days.
PUBLISHING_VERBS = frozenset({"post", "publish", "update", "upload", "file", "repost", "republish"})


def _time_class(fact: Fact) -> str | None:
    if fact.kind is not FactKind.TIME or fact.predicate in REPORTING_VERBS | PUBLISHING_VERBS:
        return None  # '..., he said Tuesday' dates the telling, not the event
    if fact.text.lower() in _WEEKDAYS:
        return "weekday"
    if fact.label in ("TIME", "DAYPART") and fact.low is not None:
        return "clock"  # a part of the day is compared with clock times: 'in the morning' / 'at 3 p.m.'
    if fact.label in ("DATE", "PERIOD") and fact.low is not None and fact.qualifier != "relative":
        if _granularity(fact) == "month" and _DATED_MONTH.fullmatch(fact.key):
            return "month"  # 'May 2012' meets 'in April' told of the same time: the year is the context's
        return f"calendar:{fact.label}:{_granularity(fact)}"
    if fact.label == "DATE" and fact.key.startswith("--"):
        return "monthday"  # 'Dec. 4': a day of a year nobody names
    if fact.label in ("DATE", "PERIOD") and _month_of(fact) is not None:
        return "month"  # 'in March': a month of a year nobody names
    return None  # (durations are compared by `duration_slot_drafts`)


_MONTH_KEY = re.compile(r"(?:[a-z]+-)?month-(\d\d)")
_DATED_MONTH = re.compile(r"\d{4}-(\d\d)")  # 'May 2012'


def _month_of(fact: Fact) -> str | None:
    """The month of a date that names no year ('in March', 'early March'), else None."""
    match = _MONTH_KEY.fullmatch(fact.key) if fact.low is None else None
    return match.group(1) if match else None


def _month_number(fact: Fact) -> str | None:
    """The month of a bare month ('in March') or of a dated one ('March 2012'), else None."""
    bare = _month_of(fact)
    if bare is not None:
        return bare
    dated = _DATED_MONTH.fullmatch(fact.key)
    return dated.group(1) if dated else None


def _granularity(fact: Fact) -> str:
    """Day, month or year: 'in 2024' and 'on 3 March 2024' answer different questions."""
    assert fact.low is not None
    span = (fact.high if fact.high is not None else fact.low) - fact.low
    return "day" if span < 1 else "month" if span < 32 else "season" if span < 100 else "year"


def _times_agree(x: Fact, y: Fact) -> bool:
    if x.text.lower() in _WEEKDAYS or y.text.lower() in _WEEKDAYS:
        return x.text.lower() == y.text.lower()
    if _month_of(x) is not None or _month_of(y) is not None:
        # 'early March' is in March; a month nobody gives a year is in the year of the other's, both being
        # told of one time (the story's own, or one past year both recall)
        return _month_number(x) == _month_number(y)
    if x.key.startswith("--") or y.key.startswith("--"):
        return x.key == y.key
    assert x.low is not None and y.low is not None
    hx = x.high if x.high is not None else x.low
    hy = y.high if y.high is not None else y.low
    slack = 0.0
    clock = x.unit == "minute-of-day"
    if clock and (direction(x.qualifier) != "exact" or direction(y.qualifier) != "exact"):
        slack = 10.0  # "about 5:50" and "5:54": minutes, told loosely
    if "DAYPART" in (x.label, y.label):
        return times_of_day_meet(x, y, slack)
    return x.low - slack <= hy and y.low - slack <= hx


def _one_night(a: Side, x: Fact, b: Side, y: Fact) -> bool:
    """Two weekdays told with parts of the day that meet across midnight: 'late Tuesday night' and 'early
    Wednesday' may be one moment, each report dating it by its own side of midnight (said in the note;
    the finding stays, for the reader is told two days)."""

    def parts(side: Side, day: Fact) -> list[Fact]:
        return [
            f
            for f in side.facts
            if f.label == "DAYPART" and f.start <= day.start and day.end <= f.end and f.low is not None
        ]

    return any(times_of_day_meet(px, py, across_days=True) for px in parts(a, x) for py in parts(b, y))


# Prepositions that give the time a tally or a state holds at, not the time of the act: 'turnout was 60%
# as of 4 p.m.' / 'polls opened at 8 a.m.', 'by Friday', 'until noon'.
_STANDING_AT = frozenset({"of", "by", "until", "till", "through", "since"})


def _may_pair_times(x: Fact, y: Fact) -> bool:
    """'flew in Thursday' / 'crashed Wednesday': the times of two acts are two slots; so are the time of
    an act and the time a tally stood at."""
    if (x.arg in _STANDING_AT) != (y.arg in _STANDING_AT):
        return False
    return not different_acts(x, y)


# What a named thing's slot says it is not: the doer of the act, or a word describing another.
_NOT_DONE_TO = frozenset({"subj", "mod", "attr"})


def _done_to(side: Side, fact: Fact) -> set[str]:
    """The named things the act a time is told of is done to or at: 'checked into Morningside', 'landed
    in Rome' (the keys of names hanging on the time's predicate, its doer aside)."""
    return {
        f.key
        for f in side.facts
        if f.kind is FactKind.ENTITY
        and f.key
        and f.predicate == fact.predicate
        and f.arg is not None
        and f.arg not in _NOT_DONE_TO
    }


def _done_to_apart(a: Side, x: Fact, b: Side, y: Fact) -> bool:
    """Statements kept apart tell one act done to two named different things ('checked into Morningside
    Thursday morning' / 'checked into the Betty Ford Center late Thursday'): two acts, two times, unless
    one statement names the other's thing too."""
    ox, oy = _done_to(a, x), _done_to(b, y)
    if not ox or not oy or ox & oy:
        return False
    text_a, text_b = a.statement.text.lower(), b.statement.text.lower()
    return not any(key in text_b for key in ox) and not any(key in text_a for key in oy)


def _share_context(x: Fact, y: Fact) -> bool:
    """The two facts have a word of their sentence in common (their predicates or the words around them)."""
    return bool(_context(x) & _context(y))


def time_slot_drafts(a: Side, b: Side, claim_index: int, *, aligned: bool = True) -> list[Draft]:
    """Clock times, parts of the day, dates and weekdays in the same slot of two statements that cannot
    both hold ('in the morning' / 'at 3 p.m.' is one comparison of the clock class)."""
    out: list[Draft] = []
    by_a, by_b = facts_by_class(a.facts, _time_class), facts_by_class(b.facts, _time_class)
    for cls in sorted(by_a.keys() & by_b.keys()):
        xs, ys = by_a[cls], by_b[cls]
        lone = aligned and len(xs) == 1 and len(ys) == 1

        def may_pair(x: Fact, y: Fact, cls: str = cls, lone: bool = lone) -> bool:
            if not aligned and (not _same_predicate(x, y) or _done_to_apart(a, x, b, y)):
                return False
            if lone and not _share_context(x, y):
                # 'a camp was the target of a strike on Thursday' / 'the agency condemned it Friday'
                return False
            # '6 p.m. EDT' and '3 p.m. Arizona time' may be one moment
            return _may_pair_times(x, y) and (cls != "clock" or same_zone(x, a, y, b))

        # an aligned pair's only date (or clock time, or weekday) on each side: one event, one time
        matches = pair_slots(
            xs,
            ys,
            may_pair=may_pair,
            agree=_times_agree,
            lone=lone,
            lone_score=0.0,
            strong=_STRONG if aligned else _UNALIGNED,
        )
        if cls == "clock" and aligned:
            out.extend(_zones_at_odds(a, xs, b, ys, claim_index, {id(m.x) for m, _ in matches}))
        for match, agrees in matches:
            if agrees or (b.also_gives(match.x) and a.also_gives(match.y)):
                continue  # (each report gives both times: two acts met by alignment, not a dispute)
            lead = "Different days" if cls == "weekday" else "Different times or dates"
            explained = _own_days(a, match.x, b, match.y)
            if cls == "weekday" and explained is None and _one_night(a, match.x, b, match.y):
                explained = (
                    "the parts of the day meet across midnight: may be one night, told from either side"
                )
            out.append(
                draft(
                    FindingType.TIME_DATE,
                    Severity.LOW if explained else Severity.MEDIUM,
                    claim_index,
                    a,
                    b,
                    lead,
                    fact_span(match.x, a.statement, a.document),
                    fact_span(match.y, b.statement, b.document),
                    note=explained or update_note(a, b),
                    conflict=not explained,
                )
            )
    return out


def _zones_at_odds(
    a: Side, xs: Sequence[Fact], b: Side, ys: Sequence[Fact], claim_index: int, compared: set[int]
) -> list[Draft]:
    """The one clock time of an act, given as local time by one report and as GMT or UTC by the other."""
    out: list[Draft] = []
    for x in xs:
        if id(x) in compared:
            continue  # paired in one zone already: that comparison is the finding, if any
        y = next((y for y in ys if _may_pair_times(x, y) and local_against_universal(x, a, y, b)), None)
        if y is None:
            continue
        out.append(
            draft(
                FindingType.TIME_DATE,
                Severity.MEDIUM,
                claim_index,
                a,
                b,
                "The same clock time in two time zones",
                fact_span(x, a.statement, a.document),
                fact_span(y, b.statement, b.document),
                note="the same reading as local time and as GMT/UTC: one report has the zone wrong, unless "
                "local time there is GMT",
                conflict=True,
            )
        )
        break  # one such finding per pair of statements
    return out


def _own_days(a: Side, x: Fact, b: Side, y: Fact) -> str | None:
    """Each report names its own publication day ('continuing Thursday' in Thursday's paper, 'Friday'
    in Friday's): most likely two days of one story. Said in the note; the finding stays."""
    da, db = reference_date(a.document.published), reference_date(b.document.published)
    if da is None or db is None or da == db:
        return None
    if x.text.lower() in _WEEKDAYS and y.text.lower() in _WEEKDAYS:
        on_own = (
            x.text.lower() == _WEEKDAY_NAMES[da.weekday()] and y.text.lower() == _WEEKDAY_NAMES[db.weekday()]
        )
    else:
        on_own = x.low == float(da.toordinal()) and y.low == float(db.toordinal())
    if not on_own:
        return None
    return (
        f"each report names its own publication day ({a.label}: {da}, {b.label}: {db}): "
        "may be two days of the story"
    )
