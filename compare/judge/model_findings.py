"""What the sentence-pair model's readings change in judgement (readings: compare.judge.opinion).

- A contradiction finding for two aligned or related statements the model reads as contradicting
  both ways round with high confidence, where the rules raised no conflict between them.
- A second opinion on the rules' findings: where the model reads each statement as stating what the
  other does, a finding about how they are worded (a name, an attribution, a hedge) is dropped, and
  a difference of figures or dates is kept but lowered, with a note; where the model reads them as
  contradicting too, the finding says so.
- Pair relations: entailment both ways makes a partial agreement an agreement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from compare.judge.base import Draft, Side
from compare.judge.opinion import PairReading, Readings
from compare.judge.spans import sides, statement_span
from compare.model import FindingType, Pair, Relation, Severity

__all__ = [
    "CONTRADICTS",
    "SAME",
    "conflict_pairs",
    "flagged_pairs",
    "model_contradictions",
    "second_opinion",
    "settle_pair",
]

CONTRADICTS = 0.80  # both ways at least this sure of contradiction: a finding of its own
SURE = 0.95  # ... and this sure: high severity
SAME = 0.90  # both ways at least this sure of entailment: the two say the same
AGREES = 0.60  # a rule's conflict the model reads as a contradiction at least this sure: noted

# Findings about how one fact is worded: dropped where the model reads the two as saying the same.
_WORDING = frozenset({FindingType.ATTRIBUTION, FindingType.CERTAINTY, FindingType.ENTITY})
# Differences of value: kept (a figure is a figure), lowered and noted.
_VALUES = frozenset({FindingType.NUMBER, FindingType.TIME_DATE, FindingType.POLARITY})


def how_sure(probability: float) -> str:
    """The model's confidence in words."""
    if probability >= 0.98:
        return "almost certainly"
    if probability >= SURE:
        return "very probably"
    return "probably"


def _pair_of(draft: Draft) -> tuple[str, str] | None:
    if len(draft.statements) != 2:
        return None
    return draft.statements[0], draft.statements[1]


def second_opinion(
    drafts: Sequence[Draft], readings: Readings, cross_outlet: Callable[[Draft], bool]
) -> list[Draft]:
    """The rules' findings with the model's second opinion applied (see the module docstring)."""
    out: list[Draft] = []
    for d in drafts:
        pair = _pair_of(d)
        reading = readings.get(*pair) if pair is not None and cross_outlet(d) else None
        if reading is None or d.type not in _WORDING | _VALUES:
            out.append(d)
            continue
        if reading.equivalence >= SAME:
            if d.type in _WORDING:
                continue
            note = "the sentence-pair model reads both statements as saying the same; check the wording"
            out.append(replace(d, severity=Severity.LOW, note=_join(d.note, note)))
            continue
        if d.conflict and reading.contradiction >= AGREES:
            note = (
                f"the sentence-pair model {how_sure(reading.contradiction)} reads these as contradicting too"
            )
            out.append(replace(d, note=_join(d.note, note)))
            continue
        out.append(d)
    return out


def model_contradictions(
    readings: Readings,
    pairs: Sequence[tuple[int, str, str]],
    side: Callable[[str], Side],
    explained: set[frozenset[str]],
) -> list[Draft]:
    """A finding for each (claim index, a, b) the model reads as contradicting and no rule explained."""
    out: list[Draft] = []
    for claim_index, a, b in pairs:
        if frozenset((a, b)) in explained:
            continue
        reading = readings.get(a, b)
        if reading is None or reading.contradiction < CONTRADICTS:
            continue
        x, y = side(a), side(b)
        if x.document.id == y.document.id:
            continue
        certainty = how_sure(reading.contradiction)
        lead = f"{x.label} and {y.label} contradict each other"
        note = f"read by the sentence-pair model: {certainty} a contradiction ({reading.contradiction:.0%})"
        span_a, span_b = statement_span(x.statement, x.document), statement_span(y.statement, y.document)
        out.append(
            Draft(
                type=FindingType.CONTRADICTION,
                severity=Severity.HIGH if reading.contradiction >= SURE else Severity.MEDIUM,
                claim_index=claim_index,
                statements=(a, b),
                message=f"{lead}. {sides(x.label, span_a, y.label, span_b)}",
                spans=(span_a, span_b),
                note=note,
                conflict=True,
                lead=lead,
            )
        )
        explained.add(frozenset((a, b)))
    return out


def settle_pair(pair: Pair, reading: PairReading | None, conflicting: bool) -> Pair:
    """A claim pair's relation with the model's reading: conflict where a finding (the model's or a
    rule's) still sets the two against each other; agree where the model reads entailment both ways
    and nothing conflicts."""
    if conflicting:
        if pair.relation is Relation.CONFLICT:
            return pair
        return replace(pair, relation=Relation.CONFLICT, detail=None)
    if reading is None or reading.equivalence < SAME:
        return pair
    if pair.relation in (Relation.PARTIAL, Relation.CONFLICT):
        return replace(pair, relation=Relation.AGREE, detail=None)
    return pair


def _join(note: str | None, more: str) -> str:
    return f"{note}; {more}" if note else more


def conflict_pairs(drafts: Sequence[Draft]) -> set[frozenset[str]]:
    """Statement pairs the rules already raised a conflict on."""
    return {frozenset(d.statements) for d in drafts if d.conflict and len(d.statements) == 2}


def flagged_pairs(drafts: Sequence[Draft], cross_outlet: Callable[[Draft], bool]) -> list[tuple[str, str]]:
    """The statement pairs of the rules' cross-outlet findings, for a second opinion."""
    return [
        (d.statements[0], d.statements[1])
        for d in drafts
        if d.type in _WORDING | _VALUES and len(d.statements) == 2 and cross_outlet(d)
    ]
