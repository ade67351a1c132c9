"""Statements that recall another time: the past events a story mentions ("the 1999 crash", "in 2004 a
tsunami killed 230,000"). Their figures, dates and places are not the story's: the judge does not set
them against the story's own, and the key-figures table leaves them out.

The story's own year is the commonest year of publication, else a year more than half the outlets name;
a statement naming another year (or a time 'last year') recalls another time, unless a statement of
another outlet aligned with it gives the same time without the year.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from compare.facts.times import reference_date
from compare.model import Claim, Document, Fact, FactKind, Statement

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def recalled_statements(
    documents: Sequence[Document],
    of_statement: Mapping[str, Sequence[Fact]],
    by_id: Mapping[str, Statement],
    claims: Sequence[Claim],
) -> dict[str, frozenset[str]]:
    """The statements that tell of another time than the story's, each with the times it names ('2004',
    'last year'): two statements recalling different past events are not set against each other either."""
    return _recalled(of_statement, by_id, claims, story_year(documents, of_statement, by_id))


def story_year(
    documents: Sequence[Document],
    of_statement: Mapping[str, Sequence[Fact]],
    by_id: Mapping[str, Statement],
) -> int | None:
    """The story's own year: the commonest year of publication, else a year more than half the outlets
    name (or a later one that two outlets or more name); None when neither is known (then every statement
    naming a year tells of another time)."""
    published = Counter(d.year for d in (reference_date(doc.published) for doc in documents) if d)
    if published:
        return min(published, key=lambda y: (-published[y], -y))
    naming: dict[int, set[str]] = defaultdict(set)
    for statement_id, facts in of_statement.items():
        for year in _years(facts):
            naming[year].add(by_id[statement_id].document)
    named = [y for y, outlets in naming.items() if len(outlets) * 2 > len(documents)]
    if not named:
        return None
    most = max(named, key=lambda y: (len(naming[y]), y))
    # a later year two outlets or more name is the story's: the year most name is then one it recalls
    # ('the 2004 tsunami' in every report of a 2013 quake that three date '2013')
    later = [y for y, outlets in naming.items() if y > most and len(outlets) >= 2]
    return max(later) if later else most


def _recalled(
    of_statement: Mapping[str, Sequence[Fact]],
    by_id: Mapping[str, Statement],
    claims: Sequence[Claim],
    year: int | None,
) -> dict[str, frozenset[str]]:
    """Statements telling of another time: they name a year other than the story's, unless a statement
    of another outlet aligned with them gives the same time without the year ('spring 2025' / 'the
    spring of this year'). A statement that itself names another time ('April last year', copied by a
    second outlet) vouches for nothing."""
    dated = {
        sid
        for sid, facts in of_statement.items()
        if any(y != year for y in _years(facts)) or any(_another_year(f) for f in facts)
    }
    paired: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for pair in claim.pairs:
            paired[pair.a].add(pair.b)
            paired[pair.b].add(pair.a)
    out: dict[str, frozenset[str]] = {}
    for statement_id in dated:
        times = {_without_year(f.key) for f in of_statement[statement_id] if f.kind is FactKind.TIME} - {""}
        same_time = any(
            _without_year(f.key) in times
            for other in paired[statement_id]
            if other in by_id and by_id[other].document != by_id[statement_id].document and other not in dated
            for f in of_statement.get(other, ())
            if f.kind is FactKind.TIME and not _YEAR.search(f.key)
        )
        if not same_time:
            out[statement_id] = _other_times(of_statement[statement_id], year)
    return out


# What a recalled statement is keyed by when the story's own year is unknown: every statement naming a
# year is then set apart from the story, and all of them are compared with one another as before.
_UNKNOWN = frozenset({"another time"})


def _other_times(facts: Sequence[Fact], year: int | None) -> frozenset[str]:
    """The times other than the story's that a statement names: its other years, and 'last year'."""
    if year is None:
        return _UNKNOWN
    named = {str(y) for y in _years(facts) if y != year}
    for fact in facts:
        found = _ANOTHER_YEAR.search(fact.text) if _another_year(fact) else None
        if found:
            # the story's year is known: 'April last year' is April of the year before it, the time
            # another report calls 'April 2012'
            step = -1 if found.group(0).split()[0].lower() in ("last", "previous") else 1
            named.add(str(year + step))
    return frozenset(named)


# A time the report itself sets in another year than its own: 'in April last year', 'next year'.
_ANOTHER_YEAR = re.compile(r"\b(?:last|next|previous|the following)\s+year\b", re.IGNORECASE)


def _another_year(fact: Fact) -> bool:
    return fact.kind is FactKind.TIME and fact.label != "DURATION" and bool(_ANOTHER_YEAR.search(fact.text))


def _without_year(key: str) -> str:
    """A time's key without its year or 'since:' mark: '2025-spring' and 'spring' read 'spring'."""
    return _YEAR.sub("", key.removeprefix("since:"), count=1).strip("-")


def _years(facts: Iterable[Fact]) -> set[int]:
    """The years a statement's dates name, and bare years written as figures ('since 1783')."""
    years: set[int] = set()
    for fact in facts:
        if fact.kind is FactKind.TIME and fact.label != "DURATION":
            years.update(int(y) for y in _YEAR.findall(fact.key))
        elif is_year(fact):
            years.add(int(fact.text))
    return years


def is_year(fact: Fact) -> bool:
    """A bare year written as a figure: '1999', not '1,999 people'."""
    text = fact.text.strip()
    return (
        fact.kind is FactKind.NUMBER
        and fact.label == "CARDINAL"
        and not fact.unit
        and bool(_YEAR.fullmatch(text))
    )
