"""Entity facts and alias normalisation (spaCy NER, and the capitalised-name fallback)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from compare.facts import aliases, extract_facts, nlp
from compare.facts.entities import Part, compass_part, sectors_overlap
from compare.model import Document, Fact, FactKind, Statement, StatementKind


def entities(text: str) -> list[Fact]:
    document = Document.from_text(text, id="d")
    statement = Statement("d:s0", "d", 0, 0, len(text), text, StatementKind.BODY)
    return [f for f in extract_facts(statement, document) if f.kind is FactKind.ENTITY]


@pytest.mark.parametrize(
    ("variants", "label"),
    [
        (["U.S.", "US", "United States", "the United States", "USA"], "GPE"),
        (["Pentagon", "U.S. Department of Defense", "the Defense Department"], "ORG"),
        (["russia", "Russia", "the Russian Federation"], "GPE"),
        (
            [
                "U.S. Undersecretary of Defense for Policy Elbridge Colby",
                "Under Secretary of Defense for Policy Elbridge Colby",
            ],
            "PERSON",
        ),
        (["President Donald Trump", "Donald Trump", "Mr. Donald Trump"], "PERSON"),
    ],
)
def test_aliases_fold_to_one_key(variants: list[str], label: str) -> None:
    assert len({aliases.normalise(v, label) for v in variants}) == 1


def test_surnames_map_to_the_one_full_name_in_a_comparison() -> None:
    mapping = aliases.canonical_map(["pete hegseth", "hegseth", "donald trump", "trump", "joe biden"])
    assert mapping["hegseth"] == "pete hegseth" and mapping["trump"] == "donald trump"
    ambiguous = aliases.canonical_map(["jane smith", "john smith", "smith"])
    assert ambiguous["smith"] == "smith"


def test_ner_keys_and_place_roles() -> None:
    found = entities("The jet had taken off from Locarno, Swiss police told Reuters.")
    locarno = next(f for f in found if f.text == "Locarno")
    assert (locarno.key, locarno.role) == ("locarno", "from")
    hegseth = next(
        f for f in entities("Secretary of Defense Pete Hegseth has the final say.") if "Hegseth" in f.text
    )
    assert hegseth.key == "pete hegseth" and hegseth.label == "PERSON"


@pytest.mark.parametrize(
    ("text", "surface", "part", "role"),
    [
        ("Fighting flared in northern Syria.", "northern Syria", "north", "in"),
        ("A quake jolted villages in NW Pakistan.", "NW Pakistan", "north-west", "in"),
        ("The jet came down 40 km south of Kabul.", "south of Kabul", "south", "in"),
        ("Rebels took towns in the north-east of Nigeria.", "north-east of Nigeria", "north-east", "in"),
        ("Crowds gathered in central Madrid.", "central Madrid", "central", "in"),
        ("Talks were held in Geneva.", "Geneva", None, "in"),
    ],
)
def test_a_place_records_the_compass_part_named_with_it(
    text: str, surface: str, part: str | None, role: str
) -> None:
    (place,) = entities(text)
    assert (place.text, place.qualifier, place.role) == (surface, part, role)
    assert place.key == surface.split()[-1].lower()  # the key stays the place itself


def test_parts_overlap_by_the_compass_sectors_they_cover() -> None:
    assert sectors_overlap("north", "north-west") and sectors_overlap("east", "south-east")
    assert not sectors_overlap("north-west", "south") and not sectors_overlap("central", "north")
    assert compass_part("in the se ") is None  # lower-case letters are not a compass abbreviation
    text = "Clashes in northern Syria and in Iraq"
    assert compass_part(text, text.index("Syria")) == Part("north", text.index("northern"))
    assert compass_part(text, text.index("Iraq")) is None  # only the words right before the name


@pytest.fixture()
def without_spacy() -> Iterator[None]:
    nlp.disable_for_tests()
    try:
        yield
    finally:
        nlp.reset()


def test_fallback_finds_capitalised_names_without_a_model(without_spacy: None) -> None:
    found = entities("The plane departed from Lucerne after Pete Hegseth spoke to the United States Senate.")
    keys = {f.key for f in found}
    assert "lucerne" in keys and "pete hegseth" in keys
    lucerne = next(f for f in found if f.key == "lucerne")
    assert lucerne.role == "from"
