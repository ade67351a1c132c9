"""Descriptions that exclude each other: one thing told in two colours."""

from __future__ import annotations

import pytest
from test_judge import pair_of

from compare.model import FindingType

DIFFERENT = [
    (
        "The woman was hit by a silver Honda Civic on Main Street.",
        "The woman was struck by a grey Honda Civic on Main Street.",
    ),
    (
        "Witnesses saw a white van speed away from the bank.",
        "Witnesses saw a black van speed away from the bank.",
    ),
    (
        "The suspect fled in a red pickup truck, police said.",
        "Police said the suspect escaped in a blue pickup truck.",
    ),
    ("The gunman wore a green jacket.", "The gunman was wearing a brown jacket, a witness said."),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_one_thing_in_two_colours_is_a_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    found = [f for f in findings if f.type is FindingType.POLARITY]
    assert len(found) == 1, findings
    assert "exclude each other" in found[0].message


SAME = [
    # one colour in two spellings or shades
    ("The woman was hit by a grey Honda Civic.", "The woman was struck by a gray Honda Civic."),
    ("The suspect fled in a maroon sedan.", "The suspect fled in a burgundy sedan."),
    # two different things
    ("The suspect fled in a red truck.", "The suspect fled in a blue car, then a truck."),
    ("A white van blocked the road.", "A black car blocked the road."),
    # a report that gives both colours tells of two things or a two-tone thing itself
    ("A black and white police car chased the van.", "A white police car chased the van."),
    # a colour that is not asserted
    ("Police are searching for a red sedan.", "The suspect fled in a blue sedan."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_colour_or_two_things_is_no_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert [f.message for f in findings if f.type is FindingType.POLARITY] == []


def test_a_colour_before_a_make_and_model_describes_the_model() -> None:
    _, findings = pair_of(
        "She was hit by a silver Toyota Corolla and suffered head injuries.",
        "She was struck by a gray Toyota Corolla heading north on Elm Street.",
    )
    assert [f.type for f in findings if f.type is FindingType.POLARITY] == [FindingType.POLARITY]
