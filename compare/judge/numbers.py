"""Number findings: figures for the same thing that cannot both be true, read as a journalist would."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from compare.facts import nlp
from compare.facts.attribution import REPORTING_VERBS
from compare.facts.times import reference_date
from compare.judge.base import Draft, Side, draft, in_order
from compare.judge.context import GENERIC_SCOPES, context, different_referents, verbs
from compare.judge.spans import fact_span, statement_span
from compare.model import Fact, FactKind, FindingType, Severity

_LOWER = frozenset({"more than", "at least"})
_UPPER = frozenset({"up to", "less than"})

NumClass = tuple[str, str | None, str | None]


def num_class(fact: Fact) -> NumClass:
    """What a number measures: ordinal or count, its unit, the noun it counts (breakdown items included)."""
    role = fact.role.removeprefix("list:") if fact.role else None
    return ("ordinal" if fact.label == "ORDINAL" else "count", fact.unit, role)


def direction(qualifier: str | None) -> str:
    """How a qualifier bounds a figure: lower, upper, approx or exact."""
    if qualifier in _LOWER:
        return "lower"
    if qualifier in _UPPER:
        return "upper"
    if qualifier in ("about", "nearly", "range"):
        return "approx"
    return "exact"


def _unit_word(fact: Fact) -> str:
    """The unit as written (last word of the fact's text): 'miles', 'km'."""
    words = re.findall(r"[A-Za-z%]+", fact.text)
    return words[-1].lower() if words else ""


def numbers_compatible(x: Fact, y: Fact) -> bool:
    """Whether two numbers about the same thing can both be true, read as a journalist would."""
    assert x.value is not None and y.value is not None
    tol = 0.03 if x.unit and x.unit not in ("%",) else 0.005
    if x.unit and _unit_word(x) != _unit_word(y):
        tol = 0.1  # converted figures ("30 miles (50 km)") are rounded by the writer
    dx, dy = direction(x.qualifier), direction(y.qualifier)
    if dx == dy and dx in ("lower", "upper"):
        # "at least 15" vs "at least 30": two different floors are two different claims
        return abs(x.value - y.value) <= tol * max(abs(x.value), abs(y.value), 1.0)
    lo_x = x.low if x.low is not None else float("-inf")
    hi_x = x.high if x.high is not None else float("inf")
    lo_y = y.low if y.low is not None else float("-inf")
    hi_y = y.high if y.high is not None else float("inf")
    slack = tol * max(abs(x.value), abs(y.value), 1.0)
    if (dx == "lower" and dy == "exact") or (dy == "lower" and dx == "exact"):
        slack = max(slack, 1.0)  # "more than 130" vs "130": the same count told loosely
    return lo_x - slack <= hi_y and lo_y - slack <= hi_x


def comparable_number(fact: Fact) -> bool:
    """Numbers that count something named, or measure in a unit."""
    if fact.kind is not FactKind.NUMBER or fact.value is None:
        return False
    return bool(fact.role or fact.unit)


def _role_count(side: Side, cls: NumClass) -> int:
    """How many numbers of a side count the same noun, breakdown items included."""
    role = cls[2]
    return sum(
        1
        for f in side.facts
        if f.kind is FactKind.NUMBER
        and f.role is not None
        and f.role.removeprefix("list:") == role
        and f.unit == cls[1]
    )


def _listed(fact: Fact) -> bool:
    return bool(fact.role and fact.role.startswith("list:"))


def _breakdown(side: Side) -> set[str]:
    return {
        f.role.removeprefix("list:")
        for f in side.facts
        if f.kind is FactKind.NUMBER and f.role and _listed(f)
    }


def _same_breakdown(a: Side, xs: list[Fact], b: Side, ys: list[Fact]) -> bool:
    """Items of a breakdown compare only with the same breakdown ('135 passengers and 8 crew' both sides);
    'the crew included two Bahrainis' is a part of another whole than '36 Bahrainis' among passengers."""
    return all(_listed(f) for f in (*xs, *ys)) and len(_breakdown(a) & _breakdown(b)) >= 2


# Adjectives that do not narrow what is counted ("more than 70 bodies", "a total of 143 people").
_NOT_RESTRICTIVE = frozenset(
    [
        "other",
        "more",
        "additional",
        "total",
        "new",
        "further",
        "least",
        "several",
        "many",
        "some",
        "few",
        "such",
    ]
)


def _restrictors(side: Side, fact: Fact) -> set[str] | None:
    """Words that narrow the counted noun ('US Navy' in 'three US Navy helicopters'); None without a parse."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return None
    start, end = fact.start - side.statement.start, fact.end - side.statement.start
    inside = [t for t in parsed if start <= t.idx < end]
    if not inside:
        return None
    noun = inside[-1]
    for _ in range(4):
        if noun.pos_ in ("NOUN", "PROPN") and not (start <= noun.idx < end):
            break
        if noun.head is noun:
            return None
        noun = noun.head
    words: set[str] = set()
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and not (start <= child.idx < end):
            words.update(
                str(t.lemma_).lower()
                for t in child.subtree
                if t.pos_ in ("PROPN", "NOUN", "ADJ") and str(t.lemma_).lower() not in _NOT_RESTRICTIVE
            )
    return words


def _part_of(a: Side, x: Fact, b: Side, y: Fact) -> bool:
    """One count is of a narrower group that fits inside the other: 'three US Navy helicopters' among
    'five helicopters' (but not 'five US Navy helicopters' among 'three helicopters')."""
    rx, ry = _restrictors(a, x), _restrictors(b, y)
    if rx is None or ry is None or rx == ry:
        return False
    if rx > ry:
        narrow, wide = x, y
    elif ry > rx:
        narrow, wide = y, x
    else:
        return False
    assert narrow.value is not None and wide.value is not None
    return (narrow.low if narrow.low is not None else narrow.value) <= (
        wide.high if wide.high is not None else float("inf")
    )


_HISTORY_DAYS = 60


def _dates(side: Side) -> list[tuple[float, float]]:
    return [
        (f.low, f.high if f.high is not None else f.low)
        for f in side.facts
        if f.kind is FactKind.TIME and f.label in ("DATE", "PERIOD") and f.low is not None
    ]


def different_occasions(a: Side, b: Side) -> bool:
    """Figures of two occasions: the statements are dated apart ('in July 1998' / 'on Thursday'), or one
    is dated well before its report was published (background, not this event)."""
    da, db = _dates(a), _dates(b)
    if da and db and not any(x[0] <= y[1] and y[0] <= x[1] for x in da for y in db):
        return True
    for side, dates, other, other_side in ((a, da, db, b), (b, db, da, a)):
        # a report without a date is taken to be of its companion's time: one story, one period
        published = reference_date(side.document.published) or reference_date(other_side.document.published)
        if (
            dates
            and not other
            and published is not None
            and all(high < published.toordinal() - _HISTORY_DAYS for _, high in dates)
        ):
            return True
    return False


def same_context(a: Side, x: Fact, b: Side, y: Fact, *, strict: bool = False) -> bool:
    """Two facts are about the same thing when the words around them overlap, or the sentences nearly match.

    strict (statements not aligned): the verb the fact hangs on must match as well.
    """
    shared = context(a, x) & context(b, y)
    if strict:
        # a counted noun and the verb it hangs on must both match
        return bool(x.role and y.role and shared & verbs(a, x) & verbs(b, y))
    if shared:
        return True
    return fuzz.token_set_ratio(a.statement.text, b.statement.text) >= 80


def update_note(a: Side, b: Side) -> str | None:
    """When the reports were published at different times, later figures may be updates."""
    pa, pb = a.document.published, b.document.published
    if pa and pb and pa != pb:
        return f"may be successive updates: {a.label} published {pa}, {b.label} published {pb}"
    return None


def number_drafts(a: Side, b: Side, claim_index: int, *, strict: bool = False) -> list[Draft]:
    """Numbers counting the same thing with the same unit that cannot both be true."""
    na = [f for f in a.facts if comparable_number(f)]
    nb = [f for f in b.facts if comparable_number(f)]
    out: list[Draft] = []
    if not (na or nb) or different_referents(a, b) or different_occasions(a, b):
        return out
    if not strict:
        out.extend(bare_number_drafts(a, b, claim_index))
    for cls in sorted({num_class(f) for f in na} & {num_class(f) for f in nb}, key=str):
        xs = [f for f in na if num_class(f) == cls]
        ys = [f for f in nb if num_class(f) == cls]
        if (_role_count(a, cls) > 1 and _role_count(b, cls) > 1) or max(
            _role_count(a, cls), _role_count(b, cls)
        ) > 2:
            continue  # several figures for the same noun on a side (per event, per place): no safe pairing
        if (_role_count(a, cls) > 1) != (_role_count(b, cls) > 1):
            continue
        if any(_listed(f) for f in (*xs, *ys)) and not _same_breakdown(a, xs, b, ys):
            continue
        lonely_x = [x for x in xs if not any(numbers_compatible(x, y) for y in ys)]
        lonely_y = [y for y in ys if not any(numbers_compatible(x, y) for x in xs)]
        if not lonely_x or not lonely_y:
            continue
        candidates = [
            (x, y)
            for x in lonely_x
            for y in lonely_y
            if same_context(a, x, b, y, strict=strict) and not _part_of(a, x, b, y)
        ]
        if not candidates:
            continue
        # the pair told in the most similar words: '$1.42' is paired with '87 cents' (both the fall),
        # not with '$15.52' (the close)
        x, y = max(candidates, key=lambda c: len(context(a, c[0]) & context(b, c[1])))
        bounded = direction(x.qualifier) != "exact" or direction(y.qualifier) != "exact"
        note = update_note(a, b)
        severity = Severity.MEDIUM if bounded or note else Severity.HIGH
        out.append(
            draft(
                FindingType.NUMBER,
                severity,
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


def _slot(side: Side, fact: Fact) -> tuple[str, str] | None:
    """Who undergoes or does the action a count hangs on: ('patient', 'kill') for 'killed 141' and for
    '143 people were killed'; None when the verb is too general to say."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return None
    start, end = fact.start - side.statement.start, fact.end - side.statement.start
    inside = [t for t in parsed if start <= t.idx < end]
    if not inside:
        return None
    node = inside[-1]
    if node.dep_ == "nummod" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    verb = node.head
    if verb.pos_ != "VERB" or str(verb.lemma_).lower() in REPORTING_VERBS | GENERIC_SCOPES:
        return None
    if node.dep_ in ("dobj", "nsubjpass"):
        return "patient", str(verb.lemma_).lower()
    if node.dep_ == "nsubj":
        return "agent", str(verb.lemma_).lower()
    return None


# The nouns a bare count stands for ('killed 141' = 141 people).
_ANYONE = frozenset(["people", "person", "victim", "casualty"])


def _bare(fact: Fact) -> bool:
    """A count with no noun of its own: 'the crash killed 141'."""
    return (
        fact.kind is FactKind.NUMBER
        and fact.value is not None
        and fact.role is None
        and fact.unit is None
        and fact.label == "CARDINAL"
    )


def bare_number_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """A bare count against a counted one in the same place of the same action: 'killed 141' against
    'killed all 143 people'."""
    for x_side, y_side in ((a, b), (b, a)):
        for x in (f for f in x_side.facts if _bare(f)):
            slot = _slot(x_side, x)
            if slot is None:
                continue
            mine = [
                f
                for f in x_side.facts
                if f.kind is FactKind.NUMBER and f.unit is None and _slot(x_side, f) == slot
            ]
            theirs = [
                f
                for f in y_side.facts
                if f.kind is FactKind.NUMBER and f.unit is None and _slot(y_side, f) == slot
            ]
            if len(mine) != 1 or len(theirs) != 1:
                continue  # several figures for one action ('killed 213 ... killed 11'): no safe pairing
            for y in theirs:
                if not comparable_number(y):
                    continue
                if numbers_compatible(x, y) or _part_of(x_side, x, y_side, y):
                    continue
                if y.role not in _ANYONE and (y.low or 0.0) <= (
                    x.high if x.high is not None else float("inf")
                ):
                    continue  # 'three Americans' among 'killed 141': a narrower group can be fewer
                fx, fy = (x, y) if x_side is a else (y, x)
                bounded = direction(x.qualifier) != "exact" or direction(y.qualifier) != "exact"
                note = update_note(a, b)
                return [
                    draft(
                        FindingType.NUMBER,
                        Severity.MEDIUM if bounded or note else Severity.HIGH,
                        claim_index,
                        a,
                        b,
                        "Different numbers for the same thing",
                        fact_span(fx, a.statement, a.document),
                        fact_span(fy, b.statement, b.document),
                        note=note,
                        conflict=True,
                    )
                ]
    return []


def scarcity_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One report says there is very little of something the other reports without that warning."""
    for x, y in ((a, b), (b, a)):
        scarce = [f for f in x.facts if f.kind is FactKind.NUMBER and f.label == "SCARCE"]
        if not scarce or any(f.kind is FactKind.NUMBER and f.label == "SCARCE" for f in y.facts):
            continue
        fact = scarce[0]
        if fact.text.lower() == "few" and not fact.role:
            continue  # "few" as a pronoun ("few believed it")
        span_a, span_b = in_order(
            x, y, a, fact_span(fact, x.statement, x.document), statement_span(y.statement, y.document)
        )
        return [
            draft(
                FindingType.NUMBER,
                Severity.LOW,
                claim_index,
                a,
                b,
                f"Only {x.label} says the amount is small",
                span_a,
                span_b,
            )
        ]
    return []
