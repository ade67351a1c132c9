"""What judging passes around: one side of an aligned pair, draft findings, and their final numbering."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from compare.facts.reading import EMPTY, Reading
from compare.facts.slots import meaning
from compare.judge.spans import sides
from compare.model import Claim, Document, Fact, FactKind, Finding, FindingType, Severity, Span, Statement

_TYPE_ORDER = {t: i for i, t in enumerate(FindingType)}


@dataclass(frozen=True, slots=True)
class Draft:
    """A finding before ids are given; `conflict` marks pair-level contradictions."""

    type: FindingType
    severity: Severity
    claim_index: int
    statements: tuple[str, ...]
    message: str
    spans: tuple[Span, ...]
    note: str | None = None
    conflict: bool = False
    lead: str = ""  # the message without its quotes ("Different numbers for the same thing")
    subject: Span | None = None  # the quote the finding turns on, where one side's words are the point


@dataclass(frozen=True, slots=True)
class Side:
    """One statement of a pair with what judging needs about it."""

    statement: Statement
    document: Document
    facts: Sequence[Fact]
    label: str
    reading: Reading = EMPTY  # how its words are used, read at extraction
    # the other times it tells of than the story's ('2004', 'last year'; compare.judge.recalled)
    recalled: frozenset[str] = frozenset()
    # the figures and times its whole report gives, each with what it counts (ANY_NOUN for each, and
    # None where that is not said: see `told_keys`)
    told: frozenset[TellKey] = frozenset()

    def also_gives(self, fact: Fact) -> bool:
        """Whether this side's report gives the fact's value somewhere (in any statement) for the same
        counted thing: a report saying 'five bombs were dropped, of which four exploded' gives 4 for what
        exploded, not for what was dropped. A figure that says not what it counts is matched by any."""
        counted = told_noun(fact)
        return (fact.kind, fact.key, ANY_NOUN if counted is None else counted) in self.told


TellKey = tuple[FactKind, str, str | None]
ANY_NOUN = "*"
# Counted nouns that say nothing about who was counted: '14 people' and '14 victims' count the same.
GENERIC_NOUNS = frozenset(
    {"people", "person", "victim", "casualty", "individual", "civilian", "resident", "other"}
)


def counted_noun(fact: Fact) -> str | None:
    """The noun a figure counts, without breakdown or partitive marks, reduced to what it means."""
    if not fact.role:
        return None
    role = fact.role
    for prefix in ("list:", "part-of:", "per:"):
        role = role.removeprefix(prefix)
    return meaning(role)


def told_noun(fact: Fact) -> str | None:
    """What a figure counts, for knowing whether a report gives it elsewhere; None when that is not said."""
    counted = counted_noun(fact) if fact.kind is FactKind.NUMBER else None
    return None if counted in GENERIC_NOUNS else counted


def told_keys(facts: Sequence[Fact]) -> set[TellKey]:
    """What a report's figures and times give, for `Side.also_gives`."""
    keys: set[TellKey] = set()
    for fact in facts:
        if fact.kind in (FactKind.NUMBER, FactKind.TIME):
            keys.add((fact.kind, fact.key, told_noun(fact)))
            keys.add((fact.kind, fact.key, ANY_NOUN))
    return keys


R = TypeVar("R")


def told_per_report(
    claims: Sequence[Claim], side: Callable[[str], Side], read: Callable[[Side], Iterable[R]]
) -> tuple[dict[str, int], dict[str, list[tuple[Side, R]]]]:
    """What `read` finds in each claim statement, per report in claim order, with each statement's claim
    index: the start of every story-wide comparison (answers, homes, starts)."""
    claim_of = {sid: i for i, claim in enumerate(claims) for sid in claim.statements}
    found: dict[str, list[tuple[Side, R]]] = {}
    for statement_id in sorted(claim_of, key=lambda s: (claim_of[s], s)):
        x = side(statement_id)
        for item in read(x):
            found.setdefault(x.document.id, []).append((x, item))
    return claim_of, found


def draft(
    ftype: FindingType,
    severity: Severity,
    claim_index: int,
    a: Side,
    b: Side,
    lead: str,
    span_a: Span,
    span_b: Span,
    *,
    note: str | None = None,
    conflict: bool = False,
    subject: Span | None = None,
) -> Draft:
    """A pair finding whose message quotes both sides: "Lead. CNN: '26th floor' — MSNBC: '25th floor'"."""
    return Draft(
        type=ftype,
        severity=severity,
        claim_index=claim_index,
        statements=(a.statement.id, b.statement.id),
        message=f"{lead}. {sides(a.label, span_a, b.label, span_b)}",
        spans=(span_a, span_b),
        note=note,
        conflict=conflict,
        lead=lead,
        subject=subject,
    )


def in_order(x: Side, y: Side, a: Side, span_x: Span, span_y: Span) -> tuple[Span, Span]:
    """The spans of x and y in the pair's own order (a first)."""
    return (span_x, span_y) if x is a else (span_y, span_x)


def outlet_labels(documents: Sequence[Document]) -> dict[str, str]:
    """The name each document is quoted under; two reports from one outlet get their ids added."""
    counts: dict[str, int] = {}
    for document in documents:
        counts[document.label] = counts.get(document.label, 0) + 1
    return {
        d.id: d.label if counts[d.label] == 1 or d.label == d.id else f"{d.label} ({d.id})" for d in documents
    }


def number_findings(drafts: Sequence[Draft], claim_ids: Sequence[str]) -> list[Finding]:
    """Drop duplicates (one type on the same quotes), order by severity then claim, give ids f1.."""
    seen: set[tuple[object, ...]] = set()
    unique: list[Draft] = []
    for d in drafts:
        # the same quotes met again through another claim (or the pair read the other way) say it again
        key = (d.type, frozenset((s.document, s.start, s.end) for s in d.spans))
        if key in seen:
            continue
        seen.add(key)
        unique.append(d)
    unique.sort(key=lambda d: (d.severity.rank, d.claim_index, _TYPE_ORDER[d.type], d.statements))
    return [
        Finding(
            id=f"f{n}",
            type=d.type,
            severity=d.severity,
            claim=claim_ids[d.claim_index] if d.claim_index < len(claim_ids) else "",
            statements=d.statements,
            message=d.message,
            spans=d.spans,
            note=d.note,
        )
        for n, d in enumerate(unique, start=1)
    ]
