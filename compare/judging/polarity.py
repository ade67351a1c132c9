"""Polarity and certainty findings: one report denies what the other affirms, or hedges what it asserts."""

from __future__ import annotations

from compare.findings import fact_span, quote
from compare.judging.base import Draft, Side, draft, in_order
from compare.judging.context import GENERIC_SCOPES, lemmas, scope_span, word_window
from compare.model import Fact, FactKind, FindingType, Severity


def _negated_scopes(side: Side) -> dict[str, Fact]:
    return {f.role: f for f in side.facts if f.kind is FactKind.POLARITY and f.role}


def polarity_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One statement negates or denies what the other affirms."""
    for x, y in ((a, b), (b, a)):
        neg_x = _negated_scopes(x)
        if not neg_x or any(f.kind is FactKind.POLARITY for f in y.facts):
            continue
        lemmas_y = lemmas(y)
        for scope, fact in sorted(neg_x.items(), key=lambda kv: kv[1].start):
            parts = [p for p in scope.split("@") if p not in GENERIC_SCOPES]
            if not parts or any(p not in lemmas_y for p in parts):
                continue
            span_a, span_b = in_order(
                x, y, a, scope_span(x, fact, parts[0]), word_window(y, lemmas_y[parts[0]])
            )
            return [
                draft(
                    FindingType.POLARITY,
                    Severity.HIGH,
                    claim_index,
                    a,
                    b,
                    "One report negates what the other affirms",
                    span_a,
                    span_b,
                    conflict=True,
                )
            ]
    return []


def _hedges(side: Side) -> list[Fact]:
    return [f for f in side.facts if f.kind is FactKind.CERTAINTY]


def certainty_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One report hedges what the other states as fact."""
    for x, y in ((a, b), (b, a)):
        hx = _hedges(x)
        if not hx or _hedges(y):
            continue
        lemmas_y = lemmas(y)
        for fact in hx:
            if fact.role is None or fact.role in GENERIC_SCOPES or fact.role not in lemmas_y:
                continue  # the hedged word must be in the other statement: the same thing, hedged there only
            span_a, span_b = in_order(
                x, y, a, scope_span(x, fact, fact.role), word_window(y, lemmas_y[fact.role])
            )
            return [
                draft(
                    FindingType.CERTAINTY,
                    Severity.LOW,
                    claim_index,
                    a,
                    b,
                    f"{x.label} hedges ({quote(fact_span(fact, x.statement, x.document))}) "
                    f"where {y.label} states it as fact",
                    span_a,
                    span_b,
                )
            ]
    return []
