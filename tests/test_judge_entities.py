"""Entity findings: a different place or person in the same role; aliases and containment stay quiet."""

from __future__ import annotations

import pytest
from test_judge import pair_of

from compare.model import FindingType, Verdict

CONFLICTS = [
    (
        "The small plane took off from Locarno in Switzerland.",
        "The small plane had departed from Lugano, Switzerland.",
        ("from Locarno", "from Lugano"),
    ),
    (
        "The plane crashed in Milan on Thursday.",
        "The plane crashed in Rome on Thursday.",
        ("in Milan", "in Rome"),
    ),
]


@pytest.mark.parametrize(("a", "b", "quoted"), CONFLICTS)
def test_a_different_place_for_one_event_conflicts(a: str, b: str, quoted: tuple[str, str]) -> None:
    judged, findings = pair_of(a, b)
    entity = [f for f in findings if f.type is FindingType.ENTITY]
    assert len(entity) == 1 and judged.verdict is Verdict.CONFLICT, findings
    assert tuple(s.text for s in entity[0].spans) == quoted
    assert entity[0].message.startswith("Different place.")


def test_a_different_person_doing_the_same_thing_conflicts() -> None:
    judged, findings = pair_of("Luigi Fasulo was piloting the plane.", "Mario Rossi was piloting the plane.")
    assert [f.type for f in findings] == [FindingType.ENTITY]
    assert findings[0].message.startswith("Different actor.")
    assert judged.verdict is Verdict.CONFLICT


def test_a_different_person_named_for_one_post_conflicts() -> None:
    judged, findings = pair_of(
        "The pilot, Ihsan Shakeeb, had 6,856 flying hours.", "The pilot, Khalid Bakr, had 6,856 flying hours."
    )
    assert [f.type for f in findings] == [FindingType.ENTITY] and judged.verdict is Verdict.CONFLICT
    assert findings[0].message.startswith("Different pilot.")
    assert [s.text for s in findings[0].spans] == ["Ihsan Shakeeb", "Khalid Bakr"]
    _, posts = pair_of(
        "Gulf Air's chief pilot, Hamad Ali, said the crew was experienced.",
        "The pilot, Ihsan Shakeeb, said the crew was experienced.",
    )
    assert [f for f in posts if f.type is FindingType.ENTITY] == []  # two posts, two people
    _, many = pair_of("A passenger, John Smith, survived.", "A passenger, Ali Hassan, survived.")
    assert [f for f in many if f.type is FindingType.ENTITY] == []  # one of many


QUIET = [
    # a city and its country, a building and its city
    ("The plane crashed in Milan on Thursday.", "The plane crashed in Italy on Thursday."),
    (
        "The plane crashed into the Pirelli building in Milan.",
        "The plane crashed into a skyscraper in Milan.",
    ),
    # aliases of one body or country
    ("The United States sent two warships.", "The U.S. sent two warships to the area."),
    ("The Pentagon declined to comment on the crash.", "The U.S. Department of Defense declined to comment."),
    # a surname for the full name, a title for the person
    ("Pete Hegseth has the final say on strikes.", "Hegseth has the final say on strikes."),
    # many can undergo one action: two victims, two names put on a list
    ("Luigi Fasulo was killed in the crash.", "Mario Rossi was killed in the crash."),
    ("The FBI placed James Kopp on its list.", "The FBI placed Osama bin Laden on its list."),
    # a region and a country in it
    ("The drought hit Kenya hardest.", "The drought hit East Africa hardest."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_the_same_thing_named_differently_raises_no_entity_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.ENTITY] == [], findings
