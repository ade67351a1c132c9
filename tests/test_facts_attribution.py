"""Attribution facts: who a statement says the information comes from."""

from __future__ import annotations

from compare.facts import extract_facts
from compare.facts.attribution import is_anonymous
from compare.model import Document, Fact, FactKind, Statement, StatementKind


def sources(text: str) -> list[Fact]:
    document = Document.from_text(text, id="d")
    statement = Statement("d:s0", "d", 0, 0, len(text), text, StatementKind.BODY)
    return [f for f in extract_facts(statement, document) if f.kind is FactKind.ATTRIBUTION]


def summary(text: str) -> list[tuple[str, str, str]]:
    return [(f.text, f.label, f.key) for f in sources(text)]


def test_according_to_and_said() -> None:
    assert summary("According to The Wall Street Journal, the Pentagon blocked the strikes.") == [
        ("The Wall Street Journal", "SOURCE", "wall street journal")
    ]
    assert summary("Ukraine asked but was denied, two US officials said.") == [
        ("two US officials", "SOURCE", "two us officials")
    ]


def test_outlet_as_channel_and_named_person() -> None:
    found = summary("Al-Bably told CNN that a fire broke out in one engine.")
    assert ("CNN", "CHANNEL", "cnn") in found
    assert any(label in ("SOURCE", "PERSON") and "bably" in key for _, label, key in found)


def test_outlet_own_assessment_and_citing() -> None:
    assert ("Defense Express", "SOURCE", "defense express") in summary(
        "Defense Express cautiously assumes that the restrictions were introduced to please Trump."
    )
    found = summary("The ban holds since spring, the WSJ reported, citing US officials.")
    assert {key for _, _, key in found} == {"wall street journal", "us officials"}


def test_pronouns_and_rules_are_not_named_sources() -> None:
    assert [label for _, label, _ in summary("But he said there was no indication of an emergency.")] == [
        "PRONOUN"
    ]
    assert summary("According to the process, Hegseth has the final say.") == []


def test_anonymous_sources() -> None:
    assert is_anonymous("sources") and is_anonymous("two us officials") and not is_anonymous("reuters")


def test_reporting_verbs_used_as_plain_verbs_name_no_source() -> None:
    assert summary("The FBI added Osama bin Laden to its Ten Most Wanted list on Monday.") == []
    assert summary("Both recorders were to be shipped abroad for data recovery, officials said.") == [
        ("officials", "SOURCE", "officials")
    ]


def test_what_someone_would_say_and_misparsed_appositions() -> None:
    assert summary("Normally, a pilot making a decision to go around would tell a controller.") == []
    found = summary("The jet had left Cairo for Manama, Bahrain's capital, the U.S. Embassy in Manama said.")
    assert [text for text, _, _ in found] == ["the U.S. Embassy in Manama"]
