"""The sentence-pair model's reading of aligned statements: contradictions the rules miss, a second
opinion on the rules' findings, and agree/partial from entailment.

The model (compare.judge.pair_model) reads two statements together. It is asked only about pairs the
alignment tied: the pairs of each claim and the related links between claims, strongest links first,
a few per statement and a fixed number in all (PairBudget), plus the pairs the rules raised a finding
on. Each pair is read one way first (the longer statement as premise, as in the training data); the
other way only when the first reading is decided (entailment or contradiction), since agreement needs
entailment both ways and a contradiction is confirmed by both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from compare.judge.pair_model import PairModel
from compare.model import Claim, Statement

__all__ = ["PairBudget", "PairReading", "Readings", "read_pairs"]

ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2
# a first reading at least this sure of entailment or contradiction is read the other way too
DECIDED = 0.5


@dataclass(frozen=True, slots=True, kw_only=True)
class PairBudget:
    """How many pairs the model reads: it costs ~13 ms of CPU per reading of a pair."""

    per_statement: int = 3  # links of one statement read, strongest first
    total: int = 60  # aligned pairs read in all, beyond those the rules raised a finding on
    flagged: int = 40  # pairs the rules raised a finding on given a second opinion, in claim order


@dataclass(frozen=True, slots=True)
class PairReading:
    """What the model reads of statements a and b; `backward` is None where only one way was read."""

    forward: tuple[float, float, float]  # a as premise, b as hypothesis
    backward: tuple[float, float, float] | None

    @property
    def contradiction(self) -> float:
        """How sure the model is that the two contradict: the lower of the two ways when both were read."""
        if self.backward is None:  # read one way only: undecided there, so below any bar
            return self.forward[CONTRADICTION]
        return min(self.forward[CONTRADICTION], self.backward[CONTRADICTION])

    @property
    def equivalence(self) -> float:
        """How sure the model is that each says what the other does (entailment both ways)."""
        if self.backward is None:
            return 0.0
        return min(self.forward[ENTAILMENT], self.backward[ENTAILMENT])

    @property
    def one_way(self) -> float:
        """How sure the model is that one states all the other does, whichever way round."""
        return max(self.forward[ENTAILMENT], self.backward[ENTAILMENT] if self.backward else 0.0)


class Readings:
    """The model's readings by unordered statement pair."""

    def __init__(self, readings: Mapping[tuple[str, str], PairReading] | None = None) -> None:
        self._readings = dict(readings or {})

    def get(self, a: str, b: str) -> PairReading | None:
        """The reading of a and b, in that order (forward = a as premise)."""
        found = self._readings.get((a, b))
        if found is not None:
            return found
        reverse = self._readings.get((b, a))
        if reverse is None:
            return None
        if reverse.backward is None:
            return PairReading(reverse.forward, None)  # one way only: direction does not matter for use
        return PairReading(reverse.backward, reverse.forward)

    def __len__(self) -> int:
        return len(self._readings)

    def pairs(self) -> list[tuple[str, str]]:
        """The pairs read, each once (premise first)."""
        return list(self._readings)


def _every_pair(
    claims: Sequence[Claim], by_id: Mapping[str, Statement], limit: int
) -> list[tuple[str, str]] | None:
    """Every pair of statements of different reports, when there are at most `limit` (a short comparison
    is read whole: two one-line reports are one pair, whether alignment linked them or not)."""
    members = sorted({s for claim in claims for s in claim.statements}, key=lambda s: (by_id[s].document, s))
    pairs = []
    for n, a in enumerate(members):
        for b in members[n + 1 :]:
            if by_id[a].document != by_id[b].document:
                pairs.append((a, b))
                if len(pairs) > limit:
                    return None
    return pairs


def _candidates(
    claims: Sequence[Claim], by_id: Mapping[str, Statement], budget: PairBudget
) -> list[tuple[str, str]]:
    """Claim pairs and related links, strongest link first, at most per_statement per statement."""
    every = _every_pair(claims, by_id, budget.total)
    if every is not None:
        return every
    links: list[tuple[float, str, str]] = []
    for claim in claims:
        for pair in claim.pairs:
            links.append((pair.link if pair.link is not None else pair.score, pair.a, pair.b))
        for related in claim.related:
            links.append((related.link, related.statement, related.other))
    links.sort(key=lambda item: (-item[0], item[1], item[2]))
    taken: dict[str, int] = {}
    seen: set[frozenset[str]] = set()
    out: list[tuple[str, str]] = []
    for _, a, b in links:
        key = frozenset((a, b))
        if key in seen or taken.get(a, 0) >= budget.per_statement or taken.get(b, 0) >= budget.per_statement:
            continue
        seen.add(key)
        taken[a] = taken.get(a, 0) + 1
        taken[b] = taken.get(b, 0) + 1
        out.append((a, b))
        if len(out) >= budget.total:
            break
    return out


def read_pairs(
    model: PairModel,
    claims: Sequence[Claim],
    by_id: Mapping[str, Statement],
    flagged: Iterable[tuple[str, str]],
    budget: PairBudget = PairBudget(),
) -> Readings:
    """Read the flagged pairs (both ways) and the strongest aligned pairs within the budget."""
    must: list[tuple[str, str]] = []
    seen: set[frozenset[str]] = set()
    for a, b in flagged:
        key = frozenset((a, b))
        if a != b and key not in seen and len(must) < budget.flagged:
            seen.add(key)
            must.append((a, b))
    extra = [p for p in _candidates(claims, by_id, budget) if frozenset(p) not in seen]
    ordered = [_premise_first(a, b, by_id) for a, b in [*must, *extra]]
    ordered = [(a, b) for a, b in ordered if by_id[a].text.strip() != by_id[b].text.strip()]
    first = model.probabilities([(by_id[a].text, by_id[b].text) for a, b in ordered])
    again = [
        n
        for n, (a, b) in enumerate(ordered)
        if n < len(must) or max(first[n][ENTAILMENT], first[n][CONTRADICTION]) >= DECIDED
    ]
    second = model.probabilities([(by_id[ordered[n][1]].text, by_id[ordered[n][0]].text) for n in again])
    backward = {n: second[k] for k, n in enumerate(again)}
    readings: dict[tuple[str, str], PairReading] = {}
    for n, (a, b) in enumerate(ordered):
        back = backward.get(n)
        readings[(a, b)] = PairReading(_triple(first[n]), _triple(back) if back is not None else None)
    return Readings(readings)


def _premise_first(a: str, b: str, by_id: Mapping[str, Statement]) -> tuple[str, str]:
    return (a, b) if (len(by_id[a].text), a) >= (len(by_id[b].text), b) else (b, a)


def _triple(row: Sequence[float]) -> tuple[float, float, float]:
    return (float(row[0]), float(row[1]), float(row[2]))
