"""Stance findings: one report has someone for an act, another has the same person against it.

The stances are read at extraction (`compare.facts.stances`); here the holder is resolved to the name
the reports share, "the move" is filled in from the report's earlier statement in the claim, and two
reports with one holder for and against one act (or one kind of act) make a finding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from compare.facts.stances import PERMIT_KEY, StanceReading
from compare.judge.base import Draft, Side
from compare.judge.spans import quote
from compare.model import Claim, FactKind, FindingType, Severity, Span


@dataclass(frozen=True, slots=True)
class Stance:
    """Someone for (+1) or against (-1) an act, with the words that say so."""

    holder: str  # resolved name (or lemma) of who holds the stance
    holder_text: str
    acts: frozenset[str]  # act keys: lemmas, or "permit" for the permission family
    sign: int
    start: int  # offsets in the document of the words that carry the stance
    end: int
    stands_in: bool  # the act is "the move": filled in from an earlier statement


def _holder(side: Side, read: StanceReading) -> tuple[str, str]:
    """Who holds a stance: a named entity's resolved key if one covers the subject word, else its lemma."""
    at = side.statement.start + read.holder_start
    for fact in side.facts:
        if fact.kind is FactKind.ENTITY and fact.start <= at < fact.end:
            return fact.key, fact.text
    return read.holder_lemma, read.holder_text


def _stances(side: Side) -> list[Stance]:
    base = side.statement.start
    out = []
    for read in side.reading.stances:
        holder, holder_text = _holder(side, read)
        out.append(
            Stance(
                holder, holder_text, read.acts, read.sign, base + read.start, base + read.end, read.stands_in
            )
        )
    return out


def _span(side: Side, stance: Stance) -> Span:
    document = side.document
    return Span(
        document=document.id,
        statement=side.statement.id,
        start=stance.start,
        end=stance.end,
        text=document.text[stance.start : stance.end],
    )


def _act_word(acts: frozenset[str]) -> str:
    if PERMIT_KEY in acts:
        return "giving permission"
    return ", ".join(sorted(acts)[:2])


def stance_drafts(claim: Claim, claim_index: int, side: Callable[[str], Side]) -> list[Draft]:
    """Opposite stances of one holder on one act, between two reports of the claim."""
    by_document: dict[str, list[Side]] = {}
    for statement_id in claim.statements:
        s = side(statement_id)
        by_document.setdefault(s.document.id, []).append(s)
    stances: dict[str, list[tuple[Side, Stance]]] = {}
    for document_id, sides in by_document.items():
        sides.sort(key=lambda s: s.statement.start)
        earlier_acts: frozenset[str] = frozenset()
        for s in sides:
            for stance in _stances(s):
                if stance.stands_in:
                    if not earlier_acts:
                        continue
                    stance = Stance(
                        stance.holder,
                        stance.holder_text,
                        earlier_acts,
                        stance.sign,
                        stance.start,
                        stance.end,
                        True,
                    )
                stances.setdefault(document_id, []).append((s, stance))
            earlier_acts = s.reading.main_acts
    documents = sorted(stances)
    drafts: list[Draft] = []
    for i, first in enumerate(documents):
        for second in documents[i + 1 :]:
            hit = _opposite(stances[first], stances[second])
            if hit is not None:
                drafts.append(_draft(claim_index, *hit))
    return drafts


def _opposite(
    xs: Sequence[tuple[Side, Stance]], ys: Sequence[tuple[Side, Stance]]
) -> tuple[Side, Stance, Side, Stance] | None:
    for a, x in xs:
        for b, y in ys:
            if x.holder == y.holder and x.sign != y.sign and x.acts & y.acts:
                return a, x, b, y
    return None


def _draft(claim_index: int, a: Side, x: Stance, b: Side, y: Stance) -> Draft:
    span_a, span_b = _span(a, x), _span(b, y)
    act = _act_word(x.acts & y.acts)
    for_label, against_label = (a.label, b.label) if x.sign > 0 else (b.label, a.label)
    lead = (
        f"Opposite stances of {x.holder_text} on {act}: {for_label} has {x.holder_text} for it, "
        f"{against_label} against it"
    )
    return Draft(
        type=FindingType.POLARITY,
        severity=Severity.MEDIUM,
        claim_index=claim_index,
        statements=(a.statement.id, b.statement.id),
        message=f"{lead}. {a.label}: {quote(span_a)} — {b.label}: {quote(span_b)}",
        spans=(span_a, span_b),
        conflict=True,
    )
