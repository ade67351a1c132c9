"""A place given relative to a landmark ('near X') against the place itself ('in Y'), and a time zone
read as a place, raise no 'Different place'; two towns, or two landmarks, still do."""

from __future__ import annotations

import pytest
from test_facts_entities import entities
from test_judge import pair_of

from compare.model import FindingType


def _entity_messages(a: str, b: str) -> list[str]:
    _, findings = pair_of(a, b)
    return [f.message for f in findings if f.type is FindingType.ENTITY]


STILL_FLAGGED = [
    # two towns, both where it happened
    (
        "The fire broke out in Lyon on Sunday.",
        "The fire broke out in Marseille on Sunday.",
        "Different place.",
    ),
    ("The ferry sank in the sea off Crete.", "The ferry sank in the harbour at Piraeus.", "Different place."),
    # two sides of one landmark exclude each other
    (
        "The avalanche struck 15 km north of Chamonix.",
        "The avalanche struck 15 km south of Chamonix.",
        "Different part of the same place.",
    ),
    # two landmarks answer one question ('what is it near?') and are compared like two towns
    (
        "The coach overturned near Seville on Monday.",
        "The coach overturned near Cordoba on Monday.",
        "Different place.",
    ),
    # two parts of one place, both absolute
    (
        "The tremor hit in the north-west of Greece.",
        "The tremor hit in the south of Greece.",
        "Different part of the same place.",
    ),
]


@pytest.mark.parametrize(("a", "b", "message"), STILL_FLAGGED)
def test_two_absolute_places_or_two_sides_still_conflict(a: str, b: str, message: str) -> None:
    messages = _entity_messages(a, b)
    assert len(messages) == 1 and messages[0].startswith(message), messages


QUIET = [
    # a landmark the spot is near, against the smaller place itself
    (
        "The prisoner escaped from a police van near Leeds.",
        "The prisoner escaped from a police van in Wakefield.",
    ),
    ("The blast happened at a factory outside Turin.", "The blast happened at a factory in Chivasso."),
    ("The landslide buried a village outside Lima.", "The landslide buried a village in Chosica."),
    ("The bus crashed 20 km south of Krakow.", "The bus crashed in Wieliczka."),
    ("The ship ran aground 30 miles east of Dover.", "The ship ran aground in Calais."),
    # a time zone after a clock time is no place
    (
        "The tremor hit at 0630 GMT, at a depth of 12 km.",
        "The tremor hit north-west of Patras, at a depth of 12 km.",
    ),
    ("The quake struck at 2214 UTC, at a depth of 8 km.", "The quake struck in Izmir, at a depth of 8 km."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_a_landmark_or_a_time_zone_is_no_other_place(a: str, b: str) -> None:
    assert _entity_messages(a, b) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The train derailed near Munich on Friday.", "Munich"),
        ("Protesters gathered outside Cairo.", "Cairo"),
        ("The train derailed close to Munich on Friday.", "Munich"),
        ("The train derailed not far from Munich on Friday.", "Munich"),
        ("The riots broke out on the outskirts of Madrid.", "Madrid"),
        ("The bus crashed 20 km south of Krakow.", "south of Krakow"),
        ("The plane came down 12 miles (19 km) from Nairobi.", "Nairobi"),
        ("The quake struck south-east of Patras.", "south-east of Patras"),
    ],
)
def test_a_place_given_by_a_landmark_is_marked_relative(text: str, place: str) -> None:
    facts = [f for f in entities(text) if f.text == place]
    assert len(facts) == 1 and facts[0].relative, entities(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The fire broke out in Lyon on Sunday.", "Lyon"),
        ("The tremor hit in the south-east of Greece.", "south-east of Greece"),
        ("The ferry sank off Crete.", "Crete"),
    ],
)
def test_a_place_where_it_happened_is_not_relative(text: str, place: str) -> None:
    facts = [f for f in entities(text) if f.text == place]
    assert len(facts) == 1 and not facts[0].relative, entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "The tremor hit at 0630 GMT, at a depth of 12 km.",
        "Polls closed at 8 p.m. EST in the state.",
        "The aircraft landed at 1400 Zulu at the base.",
        "The blast came at 10 p.m. Beijing time.",
        "Trading opened at 9:30 a.m. Eastern Standard Time.",
        "The launch was set for 0200 UTC+3.",
    ],
)
def test_a_time_zone_is_never_a_place_or_organisation(text: str) -> None:
    assert entities(text) == []


def test_a_people_named_like_a_time_zone_stays_a_name() -> None:
    assert [f.text for f in entities("The Zulu king spoke in Durban.")] == ["Zulu", "Durban"]
