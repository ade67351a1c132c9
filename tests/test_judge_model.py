"""The sentence-pair model beside the rules: what its readings change, with a stand-in model.

These tests fix the mechanism (which pairs are read, within what budget, and what a reading does to
findings, relations and verdicts) with a model whose answers the test sets. How well the shipped
model reads real wordings is tested in test_pair_model.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from compare.judge import judge
from compare.judge.opinion import PairBudget, Readings, read_pairs
from compare.model import Claim, FindingType, Relation, Severity, Verdict
from tests.test_judge import Case, claim, make, readings_of

CONTRADICTS = (0.01, 0.02, 0.97)
ENTAILS = (0.96, 0.03, 0.01)
NEUTRAL = (0.05, 0.9, 0.05)


class StandIn:
    """Answers set per (premise, hypothesis); anything else reads as neutral. Counts what it reads."""

    name = "stand-in"

    def __init__(self, answers: dict[tuple[str, str], tuple[float, float, float]]) -> None:
        self.answers = answers
        self.read: list[tuple[str, str]] = []

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.float32]:
        self.read.extend(pairs)
        return np.array([self.answers.get(p, NEUTRAL) for p in pairs], dtype=np.float32).reshape(-1, 3)


def both_ways(a: str, b: str, answer: tuple[float, float, float]) -> dict[tuple[str, str], tuple[float, ...]]:
    return {(a, b): answer, (b, a): answer}


def run_with(case: Case, claims: Sequence[Claim], model: StandIn | None):
    return judge(
        claims, case.statements, case.facts, case.documents, readings_of(case.statements), pair_model=model
    )


def test_a_contradiction_no_rule_sees_becomes_a_finding_quoting_both() -> None:
    a = "Investigators have ruled out sabotage as the cause of the derailment."
    b = "Sabotage is the leading theory behind the derailment, investigators said."
    case = make({"Herald": [a], "Courier": [b]})
    _rules_claims, rules_findings = run_with(case, [claim("c1", "herald:s0", "courier:s0")], None)
    assert not any(f.type is FindingType.CONTRADICTION for f in rules_findings)
    judged, findings = run_with(
        case, [claim("c1", "herald:s0", "courier:s0")], StandIn(both_ways(a, b, CONTRADICTS))
    )
    found = [f for f in findings if f.type is FindingType.CONTRADICTION]
    assert len(found) == 1
    finding = found[0]
    assert finding.severity is Severity.HIGH
    assert "Courier and Herald contradict each other" in finding.message  # in document order
    assert {s.text for s in finding.spans} == {a, b}
    assert finding.note is not None and "97%" in finding.note and "sentence-pair model" in finding.note
    assert judged[0].pairs[0].relation is Relation.CONFLICT and judged[0].verdict is Verdict.CONFLICT


def test_a_contradiction_read_one_way_only_is_not_a_finding() -> None:
    a = "The council approved the new budget on Tuesday after a long debate."
    b = "The new budget was rejected by the council."
    case = make({"Herald": [a], "Courier": [b]})
    model = StandIn({(a, b): CONTRADICTS, (b, a): NEUTRAL})
    _, findings = run_with(case, [claim("c1", "herald:s0", "courier:s0")], model)
    assert not any(f.type is FindingType.CONTRADICTION for f in findings)
    assert (b, a) in model.read  # decided one way: read the other way to confirm


def test_a_wording_finding_is_dropped_when_the_model_reads_both_as_saying_the_same() -> None:
    a = "The bridge will apparently stay closed until March, the transport ministry said."
    b = "The bridge will stay closed until March, the transport ministry said."
    case = make({"Herald": [a], "Courier": [b]})
    claims = [claim("c1", "herald:s0", "courier:s0")]
    _, rules = run_with(case, claims, None)
    assert any(f.type is FindingType.CERTAINTY for f in rules)
    _, findings = run_with(case, claims, StandIn(both_ways(a, b, ENTAILS)))
    assert not any(f.type is FindingType.CERTAINTY for f in findings)


def test_a_figure_difference_is_kept_but_lowered_when_the_model_reads_no_difference() -> None:
    a = "The fire broke out on the 26th floor of the tower."
    b = "The fire broke out on the 25th floor of the tower."
    case = make({"Herald": [a], "Courier": [b]})
    _, findings = run_with(case, [claim("c1", "herald:s0", "courier:s0")], StandIn(both_ways(a, b, ENTAILS)))
    numbers = [f for f in findings if f.type is FindingType.NUMBER]
    assert len(numbers) == 1 and numbers[0].severity is Severity.LOW
    assert numbers[0].note and "check the wording" in numbers[0].note


def test_a_rule_conflict_the_model_confirms_says_so() -> None:
    a = "The fire broke out on the 26th floor of the tower."
    b = "The fire broke out on the 25th floor of the tower."
    case = make({"Herald": [a], "Courier": [b]})
    _, findings = run_with(
        case, [claim("c1", "herald:s0", "courier:s0")], StandIn(both_ways(a, b, CONTRADICTS))
    )
    numbers = [f for f in findings if f.type is FindingType.NUMBER]
    assert numbers[0].severity is Severity.HIGH and "contradicting too" in (numbers[0].note or "")
    assert not any(f.type is FindingType.CONTRADICTION for f in findings)  # explained by the rule


def test_entailment_both_ways_makes_a_partial_agreement_an_agreement() -> None:
    a = "The company said it would cut 200 jobs at the plant."
    b = "Two hundred jobs will go at the plant, the company said, as demand has fallen sharply."
    case = make({"Herald": [a], "Courier": [b]})
    claims = [claim("c1", "herald:s0", "courier:s0", relation=Relation.PARTIAL)]
    judged, _ = run_with(case, claims, StandIn(both_ways(a, b, ENTAILS)))
    assert judged[0].pairs[0].relation is Relation.AGREE


def test_the_budget_caps_reads_per_statement_and_in_all() -> None:
    lines = [f"Statement number {n} about the harbour reopening this week." for n in range(8)]
    case = make({"Herald": lines[:4], "Courier": lines[4:]})
    ids = [s.id for s in case.statements]
    everything = claim("c1", *ids)  # 16 cross-document pairs
    by_id = {s.id: s for s in case.statements}
    model = StandIn({})
    readings = read_pairs(model, [everything], by_id, [], PairBudget(per_statement=2, total=5))
    assert len(readings) <= 5 and len(model.read) == len(readings)  # neutral: nothing read twice
    for statement in ids:
        assert sum(statement in pair for pair in readings._readings) <= 2
    model = StandIn({})
    read_pairs(model, [everything], by_id, [], PairBudget(per_statement=1, total=10))
    assert len(model.read) == 4  # each statement once: four disjoint pairs


def test_a_short_comparison_is_read_whole_even_where_alignment_linked_nothing() -> None:
    a = "The river burst its banks overnight, flooding the old town."
    b = "Water levels stayed below the flood barriers all night."
    case = make({"Herald": [a], "Courier": [b]})
    apart = [claim("c1", "herald:s0"), claim("c2", "courier:s0")]
    _, findings = run_with(case, apart, StandIn(both_ways(a, b, CONTRADICTS)))
    found = [f for f in findings if f.type is FindingType.CONTRADICTION]
    assert len(found) == 1 and set(found[0].statements) == {"herald:s0", "courier:s0"}


def test_readings_look_up_either_way_round() -> None:
    from compare.judge.opinion import PairReading

    readings = Readings({("x", "y"): PairReading((0.9, 0.05, 0.05), (0.1, 0.1, 0.8))})
    assert readings.get("y", "x") == PairReading((0.1, 0.1, 0.8), (0.9, 0.05, 0.05))
    assert readings.get("x", "z") is None
