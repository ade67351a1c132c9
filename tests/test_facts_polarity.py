"""Polarity (negation, denial, refusal) and certainty (hedges) facts."""

from __future__ import annotations

from compare.facts import extract_facts
from compare.model import Document, Fact, FactKind, Statement, StatementKind


def marks(text: str) -> list[Fact]:
    document = Document.from_text(text, id="d")
    statement = Statement("d:s0", "d", 0, 0, len(text), text, StatementKind.BODY)
    return [
        f for f in extract_facts(statement, document) if f.kind in (FactKind.POLARITY, FactKind.CERTAINTY)
    ]


def summary(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.text, f.label, f.role) for f in marks(text)]


def test_negation_takes_the_word_it_negates() -> None:
    assert summary("We believe it isn't a terrorist attack.")[-1] == ("isn't", "NEG", "attack")
    # a light verb ('make', 'have', 'find') is not what is denied: its object is
    assert ("not", "NEG", "statement@problem") in summary(
        "The pilot did not make any statement about problems."
    )
    assert ("No", "NEG", "kill") in summary("No one was killed in the blast.")
    assert ("not", "NEG", "survivor") in summary("Rescuers did not find any survivors.")


def test_denial_takes_what_is_denied() -> None:
    assert ("denied", "DENIAL", None) in summary("Ukraine requested a strike but was denied.")
    assert ("refused", "DENIAL", "comment") in summary("The ministry refused to comment.")
    assert ("denied", "DENIAL", "carry") in summary(
        "The president denied the attack was carried out by a suicide bomber."
    )
    assert ("denied", "DENIAL", "casualty") in summary("The army denied reports of civilian casualties.")
    assert ("rejected", "DENIAL", "obj:offer") in summary("PeopleSoft's board rejected Oracle's offer.")
    assert ("banned", "DENIAL", "strike") in summary("Ukraine was banned from striking targets in Russia.")
    assert ("prevented", "DENIAL", "fire") in summary("This has prevented Ukraine from firing ATACMS.")
    assert summary("Police blocked the road and banned the protest.") == []


def test_negations_that_pick_an_alternative_deny_nothing() -> None:
    found = summary("She is not being prosecuted for who she is but for what she did.")
    assert [role for _, label, role in found if label == "NEG"] == [None]
    found = summary("The raise goes to troops in Iraq, but not to troops at home.")
    assert [role for _, label, role in found if label == "NEG"] == [None]


def test_negated_subjects_keep_their_verb() -> None:
    assert ("neither", "NEG", "box@appear") in [
        (t.lower(), label, role) for t, label, role in summary("Neither box appeared damaged.")
    ]


def test_conditions_and_not_only_are_not_denials() -> None:
    found = summary("Militants threatened bloodshed if the authorities do not release the prisoners.")
    assert [role for _, label, role in found if label == "NEG"] == [None]
    assert summary("He blocked strikes not only with ATACMS but also with other systems.") == []


def test_hedges_and_their_strength() -> None:
    found = marks("Apparently, he also controls operations; it was very probably a terrorist attack.")
    assert [(f.text, f.key) for f in found] == [("Apparently", "weak"), ("very probably", "strong")]
    assert [f.text for f in marks("This would effectively extend the ban.")] == ["would"]
    assert marks("The summit was held in May.") == []


def test_would_as_a_past_refusal_or_a_past_future_is_no_hedge() -> None:
    hedges = lambda text: [f.text for f in marks(text) if f.kind is FactKind.CERTAINTY]  # noqa: E731
    # a refusal told in the past: 'would not' with a verb of telling
    for text in (
        "The company would not comment on the report.",
        "A spokesman wouldn't say how many staff were affected.",
        "Police would not confirm the name of the driver.",
        "The minister would not elaborate on the plan.",
    ):
        assert hedges(text) == [], text
    # the sequence of tenses: 'would' in what a past verb decides or reports is the past of 'will'
    for text in (
        "Officials decided it would be wiser to split the contract.",
        "The council agreed that the road would close in May.",
    ):
        assert hedges(text) == [], text
    # look-alikes that are doubts or conditions: a prediction, not a refusal; 'would' in a main clause
    for text in (
        "The measure would not pass the Senate.",
        "The strike would hurt exports.",
        "It would be the first time a comptroller refused to sign.",
    ):
        assert hedges(text) == ["would"], text


def test_a_modal_under_a_negation_tells_what_was_not_possible_and_hedges_nothing() -> None:
    for text in (
        "There were reports of damage, but none could be confirmed.",
        "The cause could not be determined, officials said.",
        "No one could say when the road would reopen.",
        "Nothing could be done to save the building.",
    ):
        assert [f for f in marks(text) if f.kind is FactKind.CERTAINTY] == [], text
    for text in ("The fire could spread to the town.", "The dam might fail, engineers warned."):
        assert [f.label for f in marks(text) if f.kind is FactKind.CERTAINTY] == ["HEDGE"], text
