"""How figures compare as values, read as a journalist would: qualifiers, rounding, conversions, occasions.

Which figures of two statements are compared is decided by `compare.judge.slots`."""

from __future__ import annotations

from compare.facts.numbers import unit_word
from compare.facts.times import reference_date
from compare.judge.base import Draft, Side, draft, in_order
from compare.judge.context import lemmas
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


def numbers_compatible(x: Fact, y: Fact) -> bool:
    """Whether two numbers about the same thing can both be true, read as a journalist would."""
    assert x.value is not None and y.value is not None
    tol = 0.03 if x.unit and x.unit not in ("%",) else 0.005
    if x.unit and unit_word(x) != unit_word(y):
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


_HISTORY_DAYS = 60


def _dates(side: Side) -> list[tuple[float, float]]:
    return [
        (f.low, f.high if f.high is not None else f.low)
        for f in side.facts
        if f.kind is FactKind.TIME and f.label in ("DATE", "PERIOD") and f.low is not None
    ]


def different_occasions(a: Side, b: Side) -> bool:
    """Figures of two occasions: the statements are dated apart ('in July 1998' / 'on Thursday'), or one
    is dated well before its report was published (background, not this event), or one recalls a past
    event the story mentions and the other tells of the story's own time."""
    if a.recalled != b.recalled:
        return True
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


def update_note(a: Side, b: Side) -> str | None:
    """When the reports were published at different times, later figures may be updates."""
    pa, pb = a.document.published, b.document.published
    if pa and pb and pa != pb:
        return f"may be successive updates: {a.label} published {pa}, {b.label} published {pb}"
    return None


# Words of how much of a thing there is: a statement using one speaks of the amount that another
# report calls small ('a remaining stock of shells' / 'very few shells left').
_AMOUNT_WORDS = frozenset(
    {"stock", "stockpile", "supply", "reserve", "inventory", "amount", "quantity", "remain", "remaining"}
)


def _speaks_of_amount(side: Side, fact: Fact) -> bool:
    """The statement speaks of the thing a scarce amount counts, or of an amount at all."""
    said = set(lemmas(side))
    counted = fact.role.split(":")[-1] if fact.role else None
    return bool(said & _AMOUNT_WORDS) or (counted is not None and counted in said)


def scarcity_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One report says there is very little of something the other speaks of without that warning."""
    for x, y in ((a, b), (b, a)):
        scarce = [f for f in x.facts if f.kind is FactKind.NUMBER and f.label == "SCARCE"]
        if not scarce or any(f.kind is FactKind.NUMBER and f.label == "SCARCE" for f in y.facts):
            continue
        fact = scarce[0]
        if fact.text.lower() == "few" and not fact.role:
            continue  # "few" as a pronoun ("few believed it")
        if not _speaks_of_amount(y, fact):
            continue  # 'could answer few questions about the escape' / 'he escaped from a van'
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
