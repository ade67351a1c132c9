"""Directions that differ: one thing put on two sides of the same landmark is a finding; neighbouring
points, two landmarks, a report giving both sides, parts of a place, names and headings are not."""

from __future__ import annotations

import pytest
from test_judge import pair_of

from compare import Document, compare_documents
from compare.facts.directions import degrees_of
from compare.judge.directions import LEAD
from compare.model import FindingType, Severity


def _directions(a: str, b: str) -> list[str]:
    _, findings = pair_of(a, b)
    return [f.message for f in findings if f.message.startswith(LEAD)]


def _entities(a: str, b: str) -> list[str]:
    _, findings = pair_of(a, b)
    return [f.message for f in findings if f.type is FindingType.ENTITY]


DIFFERENT = [
    (
        "The epicentre was 40 km north of Talca, the agency said.",
        "The epicentre was 40 kilometres east of Talca, the agency said.",
        ("north of Talca", "east of Talca"),
    ),
    (
        "The quake struck 30 km west of the town of Ovalle.",
        "The quake struck 30 km south of Ovalle.",
        ("west of the town of Ovalle", "south of Ovalle"),
    ),
    (
        "The plane crashed 12 miles to the north of Bergamo.",
        "The plane crashed 12 miles south-east of Bergamo.",
        ("north of Bergamo", "south-east of Bergamo"),
    ),
    (
        "The refugee camp lies 20 km NNE of Dadaab.",
        "The refugee camp lies 20 km ESE of Dadaab.",
        ("NNE of Dadaab", "ESE of Dadaab"),
    ),
    (
        "The tanker sank off the west coast of Crete on Monday.",
        "The tanker sank off the southern coast of Crete on Monday.",
        ("west coast of Crete", "southern coast of Crete"),
    ),
    # the epicentre names the spot where the quake struck
    (
        "The epicenter was located 80 km northeast of Valparaiso.",
        "The quake struck 80 km northwest of Valparaiso, officials said.",
        ("northeast of Valparaiso", "northwest of Valparaiso"),
    ),
    (
        "Rebels attacked a village just west of Bunia on Sunday.",
        "Rebels attacked a village east of Bunia on Sunday.",
        ("west of Bunia", "east of Bunia"),
    ),
    (
        "The bus overturned 40 km north of the Chilean city of Curico.",
        "The bus overturned 40 km west of Curico.",
        ("north of the Chilean city of Curico", "west of Curico"),
    ),
    (
        "The quake hit 25 km N of Tolosa, the survey said.",
        "The quake hit 25 km E of Tolosa, the survey said.",
        ("N of Tolosa", "E of Tolosa"),
    ),
    (
        "The wreckage was found 5 miles south of the capital, Nairobi.",
        "The wreckage was found 5 miles west of Nairobi.",
        ("south of the capital, Nairobi", "west of Nairobi"),
    ),
    (
        "The fire started 10 km east-northeast of Kelowna.",
        "The fire started 10 km south-southeast of Kelowna.",
        ("east-northeast of Kelowna", "south-southeast of Kelowna"),
    ),
]


@pytest.mark.parametrize(("a", "b", "quotes"), DIFFERENT)
def test_one_thing_on_two_sides_of_a_landmark_is_a_finding(a: str, b: str, quotes: tuple[str, str]) -> None:
    # sides that exclude each other in eight sectors too ('west' / 'east') are the entity finding's
    # 'Different part of the same place'; the quarter turns ('north' / 'east') are this one's
    _, findings = pair_of(a, b)
    found = [f for f in findings if f.type is FindingType.ENTITY]
    assert len(found) == 1, findings
    finding = found[0]
    assert finding.severity is Severity.MEDIUM
    assert tuple(s.text for s in finding.spans) == quotes
    assert finding.message.startswith((LEAD, "Different part of the same place"))


QUARTER_TURNS = [(a, b) for a, b, _ in DIFFERENT if " west of Bunia" not in a and "south-southeast" not in b]


@pytest.mark.parametrize(("a", "b"), QUARTER_TURNS)
def test_a_quarter_turn_is_told_as_a_direction(a: str, b: str) -> None:
    assert len(_directions(a, b)) == 1


def test_opposite_sides_are_told_once() -> None:
    # the entity finding already tells two sides of one landmark that exclude each other
    messages = _entities(
        "The avalanche struck 15 km north of Chamonix.", "The avalanche struck 15 km south of Chamonix."
    )
    assert len(messages) == 1, messages


def test_a_landmark_the_model_may_not_tag_is_read_by_its_name() -> None:
    # a small NER model tags a little-known town as a person, an organisation or nothing: the words
    # around it make it a landmark all the same
    a, b = "The quake struck 72 km west of Reuleut.", "The quake struck 72 km north of Reuleut."
    assert len(_directions(a, b)) == 1


def test_a_headline_in_title_case_gives_its_direction() -> None:
    assert (
        len(_directions("Quake Strikes 40 Km North Of Talca", "The quake struck 40 km east of Talca.")) == 1
    )


def test_one_named_place_located_on_two_sides_is_a_finding() -> None:
    messages = _directions(
        "The quake flattened homes in Parral, 35 km south of Talca.",
        "The quake flattened homes in Parral, 35 km east of Talca.",
    )
    assert len(messages) == 1, messages


SAME = [
    # neighbouring points: one direction told loosely
    ("The jet crashed 60 miles southwest of Lima.", "The jet crashed 60 miles west-southwest of Lima."),
    ("The quake struck 40 km north of Talca.", "The quake struck 40 km north-east of Talca."),
    ("The quake struck 40 km NNE of Talca.", "The quake struck 40 km east-northeast of Talca."),
    ("The quake struck 40 km north of Talca.", "The quake struck 40 km north-northwest of Talca."),
    ("The camp lies to the west of Goma.", "The camp lies west of Goma, aid workers said."),
    # two landmarks
    ("The quake struck 40 km north of Talca.", "The quake struck 40 km south of Curico."),
    # a report giving both sides itself
    (
        "The quake struck north of Talca and was felt 100 km south of Talca.",
        "The quake struck south of Talca.",
    ),
    ("The storm flooded areas north and east of Houston.", "The storm flooded areas south of Houston."),
    # two things located from one landmark
    ("An aftershock struck 20 km south of Talca.", "The main quake struck 40 km north of Talca."),
    # two named places, each located from the landmark
    (
        "The quake damaged homes in Linares, 35 km south of Talca.",
        "The quake damaged homes in Constitucion, 100 km west of Talca.",
    ),
    (
        "He was jailed in Brazos County, northwest of Houston.",
        "He escaped near Baytown, about 25 miles east of Houston.",
    ),
    ("The quake hit Parral, to the south of Talca.", "The quake struck 30 km east of Talca."),
    # the landmark owns the thing the direction is told from
    ("The fire broke out north of Talca's main square.", "The fire broke out south of Talca."),
    # a heading, not a place
    ("The convoy headed north from Talca.", "The convoy headed south from Talca."),
    ("The plane turned west after leaving Talca.", "The plane turned east after leaving Talca."),
    # parts of a place, not sides of a landmark
    ("Fighting raged in the north of Chile.", "Fighting raged in the east of Chile."),
    ("Rockets hit northern Iraq on Monday.", "Rockets hit eastern Iraq on Monday."),
    ("The flood hit northeast Houston.", "The flood hit north Houston."),
    # names with a compass word in them
    ("Troops crossed into South Sudan.", "Troops crossed into North Sudan."),
    ("The rally was held in the West Bank.", "The rally was held in East Jerusalem."),
    ("The missile was fired from North Korea.", "The missile was fired from South Korea."),
    ("Oil was found in the Far East of Russia.", "Oil was found north of Russia."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_direction_or_no_bearing_is_no_direction_finding(a: str, b: str) -> None:
    assert _directions(a, b) == []


def test_parts_of_one_place_are_the_entity_finding_s_not_a_direction() -> None:
    a, b = "Heavy fighting was reported in northern Iraq.", "Heavy fighting was reported in southern Iraq."
    messages = _entities(a, b)
    assert len(messages) == 1 and messages[0].startswith("Different part of the same place"), messages


def test_adjacent_districts_of_a_city_are_no_finding() -> None:
    assert _entities("The flood hit northeast Houston.", "The flood hit north Houston.") == []


@pytest.mark.parametrize(
    ("direction", "degrees"),
    [
        ("north", 0.0),
        ("East", 90.0),
        ("south-east", 135.0),
        ("southeast", 135.0),
        ("south east", 135.0),
        ("south-southeast", 157.5),
        ("NNE", 22.5),
        ("WNW", 292.5),
        ("north-north-west", 337.5),
        ("SW", 225.0),
        ("west-northeast", None),
        ("ns", None),
    ],
)
def test_a_direction_names_its_angle(direction: str, degrees: float | None) -> None:
    assert degrees_of(direction) == degrees


def test_a_story_told_from_one_landmark_on_two_sides_is_found_end_to_end() -> None:
    texts = {
        "alpha": "A strong earthquake shook central Chile on Tuesday. The quake struck 35 km west of the "
        "town of Linares at a depth of 10 km, seismologists said.",
        "beta": "A strong earthquake shook central Chile on Tuesday. The quake struck 35 km south of "
        "Linares at a depth of 10 km, seismologists said.",
        "gamma": "A strong earthquake shook central Chile on Tuesday. The quake struck 35 km "
        "west-southwest of Linares at a depth of 10 km, seismologists said.",
    }
    comparison = compare_documents(
        [Document.from_text(text, id=name, outlet=name.title()) for name, text in texts.items()]
    )
    found = [f for f in comparison.findings if f.message.startswith(LEAD)]
    assert len(found) == 1, [f.message for f in comparison.findings]
    # west-south-west is a loose west and a loose south: it meets neither side
    assert {s.document for s in found[0].spans} == {"alpha", "beta"}
