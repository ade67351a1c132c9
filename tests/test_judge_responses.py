"""A party's answer told two ways: one report says it denied, another that it gave no comment."""

from __future__ import annotations

import pytest

from compare import Document, compare_documents
from compare.facts import nlp
from compare.facts.responses import DENIED, NO_COMMENT, read_responses
from compare.judge.responses import LEAD
from compare.model import Finding, FindingType, Severity


def _answers(reports: dict[str, list[str]]) -> list[Finding]:
    documents = [
        Document.from_text("\n\n".join(sentences) + "\n", id=name.lower(), outlet=name)
        for name, sentences in reports.items()
    ]
    return [f for f in compare_documents(documents).findings if f.message.startswith(LEAD)]


@pytest.mark.parametrize(
    ("sentence", "kind", "party"),
    [
        ("Ruritania's army denied carrying out the raid.", DENIED, {"ruritania"}),
        ("A Zenda Airways spokesman denied that the jet had a fault.", DENIED, {"zenda airways"}),
        ("There was no immediate comment from the Ruritanian government.", NO_COMMENT, {"ruritanian"}),
        ("Zenda Airways declined to comment on the report.", NO_COMMENT, {"zenda airways"}),
        ("Zenda Airways could not be reached for comment.", NO_COMMENT, {"zenda airways"}),
        ("Officials at Zenda Airways would not comment.", NO_COMMENT, {"zenda airways"}),
        ("Zenda Airways had no comment.", NO_COMMENT, {"zenda airways"}),
    ],
)
def test_answers_are_read_with_who_gave_them(sentence: str, kind: str, party: set[str]) -> None:
    (answer,) = read_responses(nlp.parse(sentence))
    assert answer.kind == kind and answer.party == party
    assert sentence[answer.start : answer.end]  # a quote of the answer


@pytest.mark.parametrize(
    "sentence",
    [
        "He denied the charges.",  # nobody the reports can match
        "Zenda Airways did not deny the report.",  # not a denial
        "Zenda Airways said it would comment later.",
        "The comment from Zenda Airways came late.",
    ],
)
def test_no_answer_of_a_named_party_is_read(sentence: str) -> None:
    assert read_responses(nlp.parse(sentence)) == []


DENIED_AND_SILENT = [
    (
        "Ruritania's army denied carrying out the raid on the camp.",
        "There was no immediate comment from the Ruritanian government.",
    ),
    ("Zenda Airways denied that the jet had a fault.", "Zenda Airways declined to comment on the crash."),
    (
        "A Zenda Airways spokesman denied the pilots were tired.",
        "Zenda Airways could not be reached for comment.",
    ),
]


@pytest.mark.parametrize(("denial", "silence"), DENIED_AND_SILENT)
def test_a_denial_against_no_comment_from_the_same_party_is_a_finding(denial: str, silence: str) -> None:
    (finding,) = _answers(
        {"CNN": ["A jet crashed on Monday.", denial], "BBC": ["A jet crashed on Monday.", silence]}
    )
    assert finding.type is FindingType.ATTRIBUTION and finding.severity is Severity.MEDIUM
    assert "may have come after" in (finding.note or "")
    quoted = [s.text for s in finding.spans]
    assert any("den" in q for q in quoted) and any("comment" in q or "reached" in q for q in quoted)


def test_many_reports_give_one_finding_per_party() -> None:
    findings = _answers(
        {
            "CNN": ["Zenda Airways denied that the jet had a fault."],
            "BBC": ["Zenda Airways declined to comment on the crash."],
            "AP": ["A Zenda Airways spokesman denied the jet had a fault."],
            "AFP": ["Zenda Airways could not be reached for comment."],
        }
    )
    assert len(findings) == 1
    assert {s.document for s in findings[0].spans} == {"cnn", "bbc", "ap", "afp"}


QUIET = [
    # different parties
    ("Zenda Airways denied that the jet had a fault.", "Strelsau Aviation declined to comment on the crash."),
    # both deny
    ("Zenda Airways denied that the jet had a fault.", "Zenda Airways has denied any fault."),
    # a report that tells both answers itself: first no comment, then the denial
    (
        "Zenda Airways declined to comment on Monday. "
        "On Tuesday Zenda Airways denied that the jet had a fault.",
        "Zenda Airways declined to comment on the crash.",
    ),
    # not a denial
    (
        "Zenda Airways did not deny that the jet had a fault.",
        "Zenda Airways declined to comment on the crash.",
    ),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_answers_that_can_both_be_told_are_quiet(a: str, b: str) -> None:
    assert _answers({"CNN": [a], "BBC": [b]}) == []
