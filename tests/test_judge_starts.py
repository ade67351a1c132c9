"""When something began, told differently across reports."""

from __future__ import annotations

import pytest

from compare import Document, compare_documents
from compare.judge.starts import LEAD
from compare.model import Finding, FindingType, Severity


def _starts(a: str, b: str) -> list[Finding]:
    documents = [
        Document.from_text(a + "\n", id="cnn", outlet="CNN"),
        Document.from_text(b + "\n", id="bbc", outlet="BBC"),
    ]
    return [f for f in compare_documents(documents).findings if f.message.startswith(LEAD)]


@pytest.mark.parametrize(
    ("a", "b", "quoted"),
    [
        (
            "Fighting began in July, and thousands have fled.",
            "Rebels have been fighting the army since June.",
            ("July", "since June"),
        ),
        (
            "The dock strike started in March, union leaders said.",
            "Dockers have been striking since May.",
            ("March", "since May"),
        ),
        ("The protests erupted in 2019.", "Students have protested since 2021.", ("2019", "since 2021")),
    ],
)
def test_two_starts_of_one_act_are_a_finding(a: str, b: str, quoted: tuple[str, str]) -> None:
    (finding,) = _starts(a, b)
    assert finding.type is FindingType.TIME_DATE and finding.severity is Severity.LOW
    assert {s.text for s in finding.spans} == set(quoted)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fighting began in July.", "Rebels have been fighting the army since July."),  # the same start
        (
            "Fighting began in 2011.",
            "Rebels have been fighting the army since June 2011.",
        ),  # a month of that year
        ("The strike started in March.", "Rebels have been fighting the army since June."),  # two acts
        ("It began in July.", "Rebels have been fighting the army since June."),  # nothing named
    ],
)
def test_starts_that_can_both_hold_are_quiet(a: str, b: str) -> None:
    assert _starts(a, b) == []


def test_the_start_of_an_act_whose_long_subject_the_parser_loses_is_still_read() -> None:
    # the begin verb's own clause opens with what began
    (finding,) = _starts(
        "Since fighting between the army and the Northern Liberation Front - West, or NLF - W, "
        "began in July, thousands of villagers have fled the hills.",
        "Rebels have been fighting the army in the hills since June.",
    )
    assert {s.text for s in finding.spans} == {"July", "since June"}
