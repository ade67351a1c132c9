"""Pair relations and claim verdicts, settled from the findings raised on each pair."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.judge.base import Draft
from compare.model import Claim, Pair, Relation, Statement, Verdict


def closest_pairs(pairs: Sequence[Pair], by_id: Mapping[str, Statement]) -> set[Pair]:
    """Pairs that are each side's best-scoring link towards the other side's document (mutual best)."""
    best: dict[tuple[str, str], Pair] = {}
    for pair in pairs:
        for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
            key = (mine, by_id[other].document)
            if key not in best or pair.score > best[key].score:
                best[key] = pair
    return {
        p for p in pairs if best[(p.a, by_id[p.b].document)] is p and best[(p.b, by_id[p.a].document)] is p
    }


def relation(current: Relation, found: Sequence[Draft]) -> Relation:
    """Conflict if any conflicting finding holds; any other difference makes an agreement partial."""
    if any(d.conflict for d in found):
        return Relation.CONFLICT
    if found and current is Relation.AGREE:
        return Relation.PARTIAL
    return current


def verdict(claim: Claim) -> Verdict:
    """Unique for one report; conflict if any pair conflicts; agree only if every pair agrees."""
    documents = set(claim.documents) or {s.split(":s")[0] for s in claim.statements}
    if len(documents) <= 1:
        return Verdict.UNIQUE
    if any(p.relation is Relation.CONFLICT for p in claim.pairs):
        return Verdict.CONFLICT
    if claim.pairs and all(p.relation is Relation.AGREE for p in claim.pairs):
        return Verdict.AGREE
    return Verdict.PARTIAL
