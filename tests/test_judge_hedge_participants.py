"""A hedge or a denial meets the other report only where that report says the same thing of the same
participants: the hedged word in the same role and of the same people, the denied word asserted there."""

from __future__ import annotations

import pytest
from test_judge import pair_of

from compare.facts.reading import read
from compare.model import FindingType

HEDGED_FACT = [
    ("The harbour master reportedly resigned on Tuesday.", "The harbour master resigned on Tuesday."),
    ("Two soldiers were reportedly wounded in the ambush.", "The ambush wounded two soldiers."),
    ("The ferry apparently sank near the port.", "The ferry sank near the port on Sunday."),
    # a pronoun may stand for the noun the other report names
    ("He was allegedly drunk at the wheel.", "The driver was drunk, police said."),
    # a modifier said of the noun the hedge says it of, either way round
    ("The driver was allegedly drunk.", "A drunk driver hit the cyclist."),
    ("The allegedly drunk driver fled the scene.", "Police said the driver was drunk."),
    # the same things counted two ways: one count told differently, not two groups
    ("At least four boats were reportedly sunk in the storm.", "Five boats were sunk in the storm."),
    ("There appeared to be no survivors of the avalanche.", "There were no survivors of the avalanche."),
]


@pytest.mark.parametrize(("a", "b"), HEDGED_FACT)
def test_a_hedge_of_what_the_other_states_of_the_same_participants_is_found(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert [f.type for f in findings if f.type is FindingType.CERTAINTY] == [FindingType.CERTAINTY], findings


OTHER_FACT = [
    # another count of another group
    ("Three workers were reportedly hurt at the plant.", "Across the region, 60 people were hurt."),
    (
        "At least six people were reportedly injured in the old town.",
        "In the surrounding county, 4 were killed and 90 were injured.",
    ),
    (
        "Four climbers were reportedly rescued from the ridge.",
        "Rescuers said 12 were rescued from the slopes.",
    ),
    # another noun the word is said of
    ("The ferry apparently sank near the port.", "A fishing boat sank near the port on Sunday."),
    (
        "The senator was reportedly arrested in the capital.",
        "The senator's aide was arrested in the capital.",
    ),
    # the word as a modifier inside another noun, said of another thing
    (
        "He is reportedly a student at the Riverside academy.",
        "The academy said its student housing was closed.",
    ),
]


@pytest.mark.parametrize(("a", "b"), OTHER_FACT)
def test_a_hedge_of_the_same_word_said_of_others_is_no_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.CERTAINTY] == [], findings


SOUGHT = [
    ("There will be no ceasefire, the commander said.", "Diplomats were hoping for a ceasefire."),
    ("There will be no ceasefire, the commander said.", "Aid groups called for a ceasefire in the region."),
    (
        '"There has been no recovery," the minister said.',
        "Investors were watching the data for signs of recovery.",
    ),
    ("There was no agreement, the envoy said.", "Both sides held talks in search of an agreement."),
    ("There were no survivors, the coast guard said.", "Divers were searching for survivors near the reef."),
    # only reported, not said to be
    ("There were no injuries at the plant.", "There were conflicting reports of injuries at the plant."),
    ("There was no coup, the army said.", "Rumours of a coup spread through the capital."),
]


@pytest.mark.parametrize(("a", "b"), SOUGHT)
def test_a_denial_against_what_is_only_sought_or_awaited_is_no_polarity(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.POLARITY] == [], findings


AFFIRMED = [
    (
        "There were no casualties at the depot.",
        "Two guards were killed at the depot and there were casualties, the army said.",
    ),
    ("The bridge did not collapse.", "The bridge collapsed."),
    # a search beside the finding does not unsay what was found
    (
        "There were no survivors, the coast guard said.",
        "Divers who had been searching for hours found two survivors.",
    ),
]


@pytest.mark.parametrize(("a", "b"), AFFIRMED)
def test_a_denial_against_an_asserted_word_is_still_polarity(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert [f.type for f in findings if f.type is FindingType.POLARITY] == [FindingType.POLARITY], findings


def test_the_affirmation_quoted_is_the_asserted_one_not_the_one_hoped_for() -> None:
    _, findings = pair_of(
        "The council rejected the plan.", "Residents hoped for a plan, and the council accepted the plan."
    )
    polarity = [f for f in findings if f.type is FindingType.POLARITY]
    assert len(polarity) == 1 and "accepted" in polarity[0].spans[1].text, polarity


def test_the_reading_tells_what_is_sought_and_what_a_modifier_describes() -> None:
    words = {w.text: w for w in read("Officials watched the vote for signs of reform.").words}
    assert words["vote"].asserted and not words["reform"].asserted and not words["signs"].asserted
    words = {w.text: w for w in read("A drunk driver hit the patient transport van.").words}
    assert words["drunk"].modifies == "driver" and words["patient"].modifies is not None
    assert words["driver"].modifies is None and words["hit"].modifies is None


@pytest.mark.parametrize(
    ("hedged", "flat"),
    [
        ("Marlow allegedly stabbed the clerk and fled.", "The clerk was stabbed before the robber fled."),
        ("Police said Dana Whitcombe allegedly set the fire.", "The fire was set on purpose, police said."),
        ("He allegedly punched the guard twice.", "The guard was punched twice."),
    ],
)
def test_allegedly_on_what_a_suspect_did_is_the_law_s_caution_not_a_hedge(hedged: str, flat: str) -> None:
    _, findings = pair_of(hedged, flat)
    assert not [f for f in findings if f.type is FindingType.CERTAINTY], [f.message for f in findings]


@pytest.mark.parametrize(
    ("hedged", "flat"),
    [
        # one state accusing another, or a hedge other than the law's: a doubt worth a note
        ("Syria allegedly shelled the border post.", "Syria shelled the border post."),
        ("Marlow reportedly stabbed the clerk.", "Marlow stabbed the clerk."),
    ],
)
def test_other_hedges_on_an_act_are_still_findings(hedged: str, flat: str) -> None:
    _, findings = pair_of(hedged, flat)
    assert [f.type for f in findings if f.type is FindingType.CERTAINTY] == [FindingType.CERTAINTY]
