"""Stance findings: one report has someone for an act, another has the same person against it."""

from __future__ import annotations

import pytest
from test_judge import claim, make, pair_of, run

from compare.model import FindingType, Relation, Verdict

OPPOSITE = [
    # blaming a failure to act is being for the act; calling the act a mistake is being against it
    (
        "The senator criticized the governor for failing to approve the budget.",
        "The senator called the governor's approval of the budget a mistake.",
    ),
    (
        "Merkel welcomed the decision to allow the strikes.",
        "Merkel called the decision to allow the strikes a mistake.",
    ),
    (
        "The mayor blamed the council for refusing to fund the new bridge.",
        "The mayor criticized the council for funding the new bridge.",
    ),
    (
        "The union praised the company for approving the pay deal.",
        "The union criticized the company for approving the pay deal.",
    ),
]


@pytest.mark.parametrize(("a", "b"), OPPOSITE)
def test_opposite_stances_of_one_holder_conflict(a: str, b: str) -> None:
    judged, findings = pair_of(a, b)
    stance = [f for f in findings if f.message.startswith("Opposite stances")]
    assert len(stance) == 1, findings
    assert stance[0].type is FindingType.POLARITY
    assert judged.verdict is Verdict.CONFLICT and judged.pairs[0].relation is Relation.CONFLICT
    assert all(span.text for span in stance[0].spans) and stance[0].message.count("'") >= 4


SAME_OR_UNRELATED = [
    # the same stance told two ways
    (
        "The senator criticized the governor for failing to approve the budget.",
        "The senator said the governor should have approved the budget months ago.",
    ),
    (
        "The mayor blamed the council for refusing to fund the new bridge.",
        "The mayor faulted the council for not funding the new bridge.",
    ),
    # different holders may disagree without the reports disagreeing
    (
        "The senator criticized the governor for failing to approve the budget.",
        "The treasurer called the governor's approval of the budget a mistake.",
    ),
    # different acts
    (
        "The union praised the company for approving the pay deal.",
        "The union criticized the company for closing the plant.",
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME_OR_UNRELATED)
def test_same_stance_or_other_holder_or_act_stays_quiet(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert not [f for f in findings if f.message.startswith("Opposite stances")], findings


def test_the_move_stands_for_the_act_the_same_report_told_just_before() -> None:
    # one outlet splits in two what the other says in one sentence; "the move" points back
    case = make(
        {
            "CNN": [
                "The president criticized his predecessor for waiting too long to authorize the strikes.",
            ],
            "MSNBC": [
                "Before leaving office, the former president authorized the strikes.",
                "The president called the move a big mistake.",
            ],
        }
    )
    claims, findings = run(case, [claim("c1", "cnn:s0", "msnbc:s0", "msnbc:s1")])
    stance = [f for f in findings if f.message.startswith("Opposite stances")]
    assert len(stance) == 1
    assert set(stance[0].statements) == {"cnn:s0", "msnbc:s1"}
    assert [s.text for s in stance[0].spans] == [
        "criticized his predecessor for waiting too long to authorize",
        "called the move a big mistake",
    ]
    assert claims[0].verdict is Verdict.CONFLICT


def test_the_move_alone_has_nothing_to_stand_for() -> None:
    case = make(
        {
            "CNN": ["The president criticized his predecessor for waiting to authorize the strikes."],
            "MSNBC": ["The president called the move a big mistake."],
        }
    )
    _, findings = run(case, [claim("c1", "cnn:s0", "msnbc:s0")])
    assert not [f for f in findings if f.message.startswith("Opposite stances")]
