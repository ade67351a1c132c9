"""Pair relations and claim verdicts, settled from the findings raised on each pair."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.judge.base import Draft, Side
from compare.model import Claim, Fact, FactKind, FindingType, Pair, Relation, Statement, Verdict


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
    """Conflict if any conflicting finding holds; any other difference in what is said makes an
    agreement partial. Who is credited with it (attribution) is noted, but the two still say the same."""
    if any(d.conflict for d in found):
        return Relation.CONFLICT
    if current is Relation.AGREE and any(d.type is not FindingType.ATTRIBUTION for d in found):
        return Relation.PARTIAL
    return current


# Fact kinds that say what a statement is about: who, where, how many, when.
_KEY_KINDS = frozenset({FactKind.ENTITY, FactKind.NUMBER, FactKind.TIME})
SAME_FACTS_MIN_SCORE = 0.3  # below this the two are only loosely linked, whatever they share
SAME_FACTS_MIN_SHARED = 2  # facts both must state for "the same facts"


def _keys(facts: Sequence[Fact]) -> set[str]:
    """What a statement states: its names, figures and dates."""
    return {f"{f.kind.value}:{f.key}" for f in facts if f.kind in _KEY_KINDS and f.key}


def story_keys(facts: Mapping[str, Sequence[Fact]]) -> frozenset[str]:
    """Facts so common in the comparison that sharing them says nothing (the story's own country, its
    main actor): those in at least three statements and a quarter of all of them."""
    counts: dict[str, int] = {}
    for statement_facts in facts.values():
        for key in _keys(statement_facts):
            counts[key] = counts.get(key, 0) + 1
    floor = max(3, len(facts) // 4)
    return frozenset(key for key, count in counts.items() if count >= floor)


def same_facts(a: Side, b: Side, score: float, common: frozenset[str] = frozenset()) -> str | None:
    """ "same facts; BBC adds more" when the two state the same distinctive facts (names, figures,
    dates beyond the story's own) and at least half of what one states, with no difference found;
    None for a partial overlap."""
    if score < SAME_FACTS_MIN_SCORE:
        return None
    ka, kb = _keys(a.facts) - common, _keys(b.facts) - common
    shared = ka & kb
    if len(shared) < SAME_FACTS_MIN_SHARED and not (shared and (ka <= kb or kb <= ka)):
        return None
    if len(shared) * 2 < min(len(ka), len(kb)):
        return None
    if ka == kb:
        return "same facts"
    if ka < kb or kb < ka:
        return f"same facts; {(b if ka < kb else a).label} adds more"
    return "same facts; each adds details"


_WORD = re.compile(r"[^\W\d_]{4,}")
_MORE = 1.4  # one statement tells more when it has this many times the other's words, the other's in it
_INSIDE = 0.8


def adds_more(a: Side, b: Side) -> str | None:
    """For two statements that agree: 'same facts; BBC adds more' when one holds the other and more."""
    wa = {w.lower() for w in _WORD.findall(a.statement.text)}
    wb = {w.lower() for w in _WORD.findall(b.statement.text)}
    if not wa or not wb:
        return None
    for small, large, side in ((wa, wb, b), (wb, wa, a)):
        if len(large) >= _MORE * len(small) and len(small & large) >= _INSIDE * len(small):
            return f"same facts; {side.label} adds more"
    return None


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
