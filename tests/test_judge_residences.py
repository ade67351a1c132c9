"""One named person given two homes by two reports."""

from __future__ import annotations

import pytest

from compare import Document, compare_documents
from compare.facts import nlp
from compare.facts.residences import read_residences
from compare.judge.residences import LEAD
from compare.model import Finding, FindingType, Severity


def _homes(reports: dict[str, list[str]]) -> list[Finding]:
    documents = [
        Document.from_text("\n\n".join(sentences) + "\n", id=name.lower(), outlet=name)
        for name, sentences in reports.items()
    ]
    return [f for f in compare_documents(documents).findings if f.message.startswith(LEAD)]


@pytest.mark.parametrize(
    ("sentence", "person", "place"),
    [
        ("Police found Ana Pereira, 61, of Elm Park, lying in the road.", "ana pereira", "elm park"),
        ("Tom Becker of Fairview was arrested at the scene.", "tom becker", "fairview"),
        ("The driver, Tom Becker, 23, of Fairview, N.Y., was charged.", "tom becker", "fairview"),
        ("Pereira, who lived a mile away in Maple Heights, died later.", "pereira", "maple heights"),
    ],
)
def test_homes_of_named_people_are_read(sentence: str, person: str, place: str) -> None:
    (home,) = read_residences(nlp.parse(sentence))
    assert (home.person, home.place) == (person, place)


@pytest.mark.parametrize(
    "sentence",
    [
        "Agent Tom Becker of the FBI said the car was found.",  # a body, not a home
        "John Smith of Reuters reported the crash.",
        "The mother of John Smith spoke to reporters.",
        "The driver, who lived in the area, was arrested.",  # nobody named
    ],
)
def test_what_is_not_a_home_is_not_read(sentence: str) -> None:
    assert read_residences(nlp.parse(sentence)) == []


def test_two_homes_for_one_person_are_a_finding() -> None:
    (finding,) = _homes(
        {
            "CNN": ["A car struck Ana Pereira, 61, of Elm Park, on Friday night."],
            "BBC": ["Pereira, who lived in Maple Heights, was taken to hospital."],
        }
    )
    assert finding.type is FindingType.ENTITY and finding.severity is Severity.LOW
    assert sorted(s.text for s in finding.spans) == ["lived in Maple Heights", "of Elm Park"]
    assert "inside the other" in (finding.note or "")


QUIET = [
    # one place inside another: the report with the district names the city as well
    (
        ["A car struck Ana Pereira, 61, of Elm Park, in Westbury on Friday."],
        ["Ana Pereira, 61, of Westbury was struck on Friday."],
    ),
    # the same home in other words
    (["Tom Becker, 23, of Fairview was charged."], ["Tom Becker, who lives in Fairview, was charged."]),
    # two people
    (["Tom Becker, 23, of Fairview was charged."], ["Ana Pereira, 61, of Elm Park, was struck."]),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_homes_that_can_both_be_true_are_quiet(a: list[str], b: list[str]) -> None:
    assert _homes({"CNN": a, "BBC": b}) == []
