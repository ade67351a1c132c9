"""Judgement: compare the facts of aligned statements, set pair relations and verdicts, raise findings.

The orchestrator of the judging stage; each kind of difference lives in its own `compare.judge` module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from compare.facts.reading import EMPTY, Reading
from compare.judge.attribution import attribution_drafts
from compare.judge.base import Draft, Side, TellKey, number_findings, outlet_labels, told_keys
from compare.judge.charges import charge_drafts
from compare.judge.coverage import coverage_drafts, left_out
from compare.judge.descriptions import colour_drafts
from compare.judge.directions import direction_drafts
from compare.judge.durations import duration_slot_drafts
from compare.judge.entities import entity_drafts
from compare.judge.group import SpanKey, join_across_outlets, join_hedges, span_key
from compare.judge.internal import MAX_SCAN_BUCKET, internal_drafts, unaligned_drafts
from compare.judge.model_findings import (
    conflict_pairs,
    flagged_pairs,
    model_contradictions,
    second_opinion,
    settle_pair,
)
from compare.judge.numbers import numbers_compatible, scarcity_drafts
from compare.judge.offices import office_drafts
from compare.judge.opinion import PairBudget, read_pairs
from compare.judge.pair_model import PairModel
from compare.judge.polarity import certainty_drafts, contrary_drafts, polarity_drafts
from compare.judge.recalled import recalled_statements
from compare.judge.residences import residence_drafts
from compare.judge.resolve import resolve_facts
from compare.judge.responses import response_drafts
from compare.judge.slots import number_slot_drafts, time_slot_drafts
from compare.judge.stance import stance_drafts
from compare.judge.starts import start_drafts
from compare.judge.verdicts import (
    claim_detail,
    closest_pairs,
    pair_detail,
    relation,
    same_facts,
    story_keys,
    tells_more,
    verdict,
)
from compare.model import (
    Claim,
    Document,
    Fact,
    Finding,
    FindingType,
    Pair,
    Relation,
    Statement,
    Verdict,
)

__all__ = ["MAX_SCAN_BUCKET", "compare_pair", "judge", "numbers_compatible", "outlet_labels"]


def judge(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    facts: Mapping[str, Sequence[Fact]],
    documents: Sequence[Document],
    readings: Mapping[str, Reading] | None = None,
    *,
    pair_model: PairModel | None = None,
    budget: PairBudget | None = None,
    on_claim: Callable[[], None] | None = None,
) -> tuple[list[Claim], list[Finding]]:
    """Judge aligned claims.

    Args:
        claims: claims from alignment, in canonical order.
        statements: every statement (all kinds); claims refer to them by id.
        facts: facts per statement id (headline/body statements).
        documents: the compared documents.
        readings: how each statement's words are used (compare.facts.read_statement), per statement id;
            without them negation, opposite words and stances are not judged.
        pair_model: the sentence-pair model, read on aligned pairs beside the rules
            (compare.judge.model_findings); None judges by the rules alone.
        budget: how many pairs the model reads.
        on_claim: called as each claim is judged (progress).

    Returns:
        The claims with pair relations and verdicts settled, and findings with ids "f1".. ordered
        by severity, then claim order.
    """
    by_id = {s.id: s for s in statements}
    docs = {d.id: d for d in documents}
    resolved = resolve_facts(facts, by_id)
    labels = outlet_labels(documents)
    recalled = recalled_statements(documents, facts, by_id, claims)
    told: dict[str, set[TellKey]] = {d.id: set() for d in documents}
    for statement_id, facts_of_statement in resolved.items():
        told[by_id[statement_id].document].update(told_keys(facts_of_statement))
    told_by = {doc: frozenset(keys) for doc, keys in told.items()}

    def side(statement_id: str) -> Side:
        statement = by_id[statement_id]
        document = docs[statement.document]
        reading = (readings or {}).get(statement_id, EMPTY)
        facts_of = resolved.get(statement_id, ())
        return Side(
            statement,
            document,
            facts_of,
            labels[document.id],
            reading,
            recalled.get(statement_id, frozenset()),
            told_by.get(document.id, frozenset()),
        )

    common = story_keys(resolved)
    drafts: list[Draft] = []
    judged: list[Claim] = []
    for index, claim in enumerate(claims):
        pairs: list[Pair] = []
        closest = closest_pairs(claim.pairs, by_id)
        said: set[tuple[FindingType, str, SpanKey]] = set()
        for pair in claim.pairs:
            found = compare_pair(side(pair.a), side(pair.b), index)
            if pair not in closest:
                # a loose link inside a big claim: only hard conflicts are worth a reader's time
                found = [d for d in found if d.conflict]
            drafts.extend(_not_said_yet(found, said))
            settled = replace(pair, relation=relation(pair.relation, found))
            if settled.relation is Relation.PARTIAL and not found:
                detail = same_facts(side(pair.a), side(pair.b), pair.score, common)
                if detail is not None:  # the same facts, one side telling more: they agree
                    settled = replace(settled, relation=Relation.AGREE, detail=detail)
            if settled.relation is Relation.AGREE and tells_more(side(pair.a), side(pair.b)):
                # one also makes a statement of its own: the other covers only part of it
                settled = replace(settled, relation=Relation.PARTIAL, detail=None)
            pairs.append(settled)
        stances = stance_drafts(claim, index, side)
        drafts.extend(stances)
        pairs = [_with_stances(pair, stances) for pair in pairs]
        pairs = [
            replace(p, detail=pair_detail(p.relation, p.detail, side(p.a), side(p.b), common)) for p in pairs
        ]
        judged_claim = replace(claim, pairs=tuple(pairs))
        judged.append(replace(judged_claim, verdict=verdict(judged_claim)))
        drafts.extend(coverage_drafts(judged_claim, index, by_id, docs, documents, labels))
        if on_claim is not None:
            on_claim()
    drafts.extend(internal_drafts(judged, by_id, docs, resolved, labels))
    drafts.extend(unaligned_drafts(judged, side))
    drafts.extend(response_drafts(judged, side))
    drafts.extend(office_drafts(judged, side))
    drafts.extend(residence_drafts(judged, side))
    drafts.extend(start_drafts(judged, side))
    if pair_model is not None:
        judged, drafts = _with_model(judged, drafts, by_id, side, pair_model, budget or PairBudget())
    judged, drafts = _one_verdict(judged, drafts, by_id)
    judged = [replace(claim, detail=_with_coverage(claim, documents, labels)) for claim in judged]
    joined = join_hedges(join_across_outlets(drafts, labels), labels)
    return judged, number_findings(joined, [c.id for c in judged])


def _with_model(
    claims: Sequence[Claim],
    drafts: Sequence[Draft],
    by_id: Mapping[str, Statement],
    side: Callable[[str], Side],
    model: PairModel,
    budget: PairBudget,
) -> tuple[list[Claim], list[Draft]]:
    """The model's readings of aligned pairs applied to the rules' drafts, pair relations and verdicts."""

    def cross_outlet(d: Draft) -> bool:
        return len({by_id[s].document for s in d.statements}) == 2

    readings = read_pairs(model, claims, by_id, flagged_pairs(drafts, cross_outlet), budget)
    kept = second_opinion(drafts, readings, cross_outlet)
    claim_of = {s: i for i, claim in enumerate(claims) for s in claim.statements}

    def canonical(a: str, b: str) -> tuple[str, str]:
        x, y = sorted((by_id[a], by_id[b]), key=lambda s: (s.document, s.index))
        return x.id, y.id

    read = sorted((claim_of[x], x, y) for x, y in (canonical(a, b) for a, b in readings.pairs()))
    kept += model_contradictions(readings, read, side, conflict_pairs(kept))
    conflicting = conflict_pairs(kept)
    settled = []
    for claim in claims:
        pairs = tuple(
            settle_pair(p, readings.get(p.a, p.b), frozenset((p.a, p.b)) in conflicting) for p in claim.pairs
        )
        settled_claim = replace(claim, pairs=pairs)
        settled.append(replace(settled_claim, verdict=verdict(settled_claim)))
    return settled, kept


def _one_verdict(
    claims: Sequence[Claim], drafts: Sequence[Draft], by_id: Mapping[str, Statement]
) -> tuple[list[Claim], list[Draft]]:
    """A claim holding a statement that another report contradicts is disputed, wherever the other
    statement sits: the same fact is never shown as conflict in one place and as agreed, or as told by
    one outlet only, in another. Its 'only X reports this' goes when another outlet reports it
    otherwise."""
    disputed_by: dict[str, set[str]] = {}  # statement id -> documents whose statements contradict it
    for d in drafts:
        if not d.conflict:
            continue
        documents = {by_id[s].document for s in d.statements}
        if len(documents) < 2:
            continue  # one report at odds with itself is a finding of its own, not a dispute
        for s in d.statements:
            disputed_by.setdefault(s, set()).update(documents - {by_id[s].document})
    judged: list[Claim] = []
    settled: set[int] = set()  # claims whose coverage finding no longer holds
    for index, claim in enumerate(claims):
        against = set().union(*(disputed_by.get(s, set()) for s in claim.statements))
        if not against:
            judged.append(claim)
            continue
        judged.append(replace(claim, verdict=Verdict.CONFLICT))
        carried = {by_id[s].document for s in claim.statements}
        if against - carried:
            settled.add(index)
    kept = [d for d in drafts if not (d.type is FindingType.UNIQUE and d.claim_index in settled)]
    return judged, kept


def _with_coverage(claim: Claim, documents: Sequence[Document], labels: Mapping[str, str]) -> str | None:
    """The claim in words, with the one report that leaves it out: 'same facts; not in UPI'."""
    detail = claim_detail(claim)
    missing = left_out(claim, documents, labels) if claim.verdict is not Verdict.CONFLICT else None
    if missing is None:
        return detail
    return f"{detail or ('same statement' if claim.verdict is Verdict.AGREE else 'in part')}; {missing}"


def _not_said_yet(found: Sequence[Draft], said: set[tuple[FindingType, str, SpanKey]]) -> list[Draft]:
    """A note (not a conflict) said of one quote is said once per claim: 'Only X says the amount is
    small' against each of nine other reports is one note, not nine."""
    out = []
    for d in found:
        if not d.conflict and d.lead:
            keys = {(d.type, d.lead, span_key(span)) for span in d.spans}
            if keys & said:
                continue
            said.update(keys)
        out.append(d)
    return out


def _with_stances(pair: Pair, stances: Sequence[Draft]) -> Pair:
    """A pair between the two statements of an opposite-stance finding conflicts."""
    if any({pair.a, pair.b} == set(d.statements) for d in stances):
        return replace(pair, relation=relation(pair.relation, stances))
    return pair


def compare_pair(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """Every difference between two aligned statements that a fact-checker should see."""
    if a.recalled != b.recalled:
        return []  # a past event the story recalls against the story's own: nothing to reconcile
    found: list[Draft] = []
    found.extend(number_slot_drafts(a, b, claim_index))
    found.extend(time_slot_drafts(a, b, claim_index))
    found.extend(duration_slot_drafts(a, b, claim_index))
    found.extend(entity_drafts(a, b, claim_index))
    found.extend(direction_drafts(a, b, claim_index, found))
    found.extend(polarity_drafts(a, b, claim_index) or contrary_drafts(a, b, claim_index))
    found.extend(colour_drafts(a, b, claim_index))
    found.extend(charge_drafts(a, b, claim_index))
    if not any(d.type is FindingType.POLARITY for d in found):
        found.extend(certainty_drafts(a, b, claim_index))
    found.extend(attribution_drafts(a, b, claim_index, disputed=any(d.conflict for d in found)))
    found.extend(scarcity_drafts(a, b, claim_index))
    return found
