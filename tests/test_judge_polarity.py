"""Polarity and certainty findings: one report denies what the other affirms, or hedges it."""

from __future__ import annotations

import pytest
from test_judge import claim, make, pair_of, run, run_apart

from compare.model import FindingType, Relation, Severity, Verdict

CONFLICTS = [
    # a denial of the kind of thing the other report names
    (
        "The pilot did not make any kind of statements of problems in the plane, a spokesman said.",
        "Initial reports from the pilot indicated a fire broke out in one of the plane's engines.",
    ),
    ("There were no survivors, the coast guard said.", "Rescuers pulled three survivors from the sea."),
    (
        "Gulf Air officials said there was no fire on board.",
        '"It went sharply down into the sea and there was a huge fire," he said.',
    ),
    ("Rescuers did not find any survivors.", "Rescuers found two survivors clinging to debris."),
    ("No one was killed in the blast, police said.", "Three people were killed in the blast."),
    (
        "Witnesses said the plane was not on fire before it hit the water.",
        "The plane was on fire before it hit the water.",
    ),
    # a denial of a clause, a ban against a permission, a rejection against an acceptance
    (
        "The president denied the attack was carried out by a suicide bomber.",
        "The attack was carried out by a suicide bomber, the president confirmed.",
    ),
    (
        "Ukraine was banned from striking targets inside Russia.",
        "Ukraine was allowed to strike targets inside Russia.",
    ),
    ("PeopleSoft's board rejected Oracle's offer.", "PeopleSoft's board accepted Oracle's offer."),
    ("The army denied reports of civilian casualties.", "There were civilian casualties, witnesses said."),
    # words that exclude each other when said of the same thing
    ("Officials said the crash was an accident.", "Officials said the crash was a terrorist attack."),
    ("The pilot survived the crash.", "The pilot was killed in the crash."),
    ("The jet crashed into the Gulf, killing all 143 people aboard.", "Two passengers survived the crash."),
    (
        "Shares of Lucent rose 7 cents in morning trading.",
        "Shares of Lucent fell 7 cents in morning trading.",
    ),
    # outcomes for the same people
    ("The guard was wounded in the ambush.", "The guard was killed in the ambush."),
    (
        "Two hikers survived the avalanche near the pass.",
        "The avalanche near the pass killed the two hikers.",
    ),
]


@pytest.mark.parametrize(("a", "b"), CONFLICTS)
def test_denial_against_affirmation_conflicts(a: str, b: str) -> None:
    judged, findings = pair_of(a, b)
    polarity = [f for f in findings if f.type is FindingType.POLARITY]
    assert len(polarity) == 1, findings
    assert polarity[0].severity is Severity.HIGH and judged.verdict is Verdict.CONFLICT
    assert polarity[0].message.count("'") >= 4  # both sides quoted
    assert all(span.text for span in polarity[0].spans)


QUIET = [
    # both negative
    ("The pilot reported no technical problems.", "The pilot said there were no technical problems."),
    ("He did not rule out a terrorist attack.", "He said a terrorist attack could not be ruled out."),
    # negated on the other side in other words
    (
        "The agency would not release the name of the teenager.",
        "The agency had no plans to release the name of the teenager.",
    ),
    (
        "Who will succeed Mr. O'Neill at Hyundai is not clear.",
        "There is no clear successor for Mr. O'Neill at Hyundai.",
    ),
    # 'not A but B' picks an alternative
    (
        '"Ms. Stewart is being prosecuted not because of who she is, but because of what she did," he said.',
        '"Martha Stewart is not being prosecuted for who she is but for what she did."',
    ),
    # a noun is not the verb that was denied
    ("Gelber argued that the freeze is for only a few months.", "Gelber said the bill won't freeze rates."),
    # 'not at the right altitude' says nothing against 'at an altitude of 1,000 feet'
    (
        "The plane was moving too fast and was not at the right altitude to land.",
        "The jetliner disappeared from radar at an altitude of 1,000 feet.",
    ),
    # different subjects: one index rose, another fell
    ("Shares of Lucent rose 7 cents.", "Shares of Nortel fell 7 cents."),
    # a refusal to say is not a denial of what the other says
    ("Officials did not say how many people were aboard.", "Officials said 143 people were aboard."),
    # at work on it is not done: 'not been determined' / 'in determining the cause'
    (
        "The cause of the crash has not been determined.",
        "Investigators were en route to join the Bahrainis in determining the cause of the crash.",
    ),
    # two people: what one did not see another may have seen
    (
        "Other witnesses said they did not see flames before the crash.",
        "One witness reported seeing flames before the crash.",
    ),
    # 'no way to' is impossibility, not absence of a way
    (
        "There was no way to determine the authenticity of the claim.",
        "If this is a terrorist act, and everything is leading that way, we must acknowledge it.",
    ),
    # what would have happened
    ("No one was allowed to leave the airport.", "A second approach would have allowed the pilot to leave."),
    # a plain verb, not a denial: 'blocked the road'
    ("Police blocked the road to the crash site.", "The road to the crash site was open."),
    # one cause, outcomes for different people: some hurt, some killed
    (
        "Strong tremor injures dozens in the mountain province",
        "The tremor killed at least one man, police said.",
    ),
    ("The blast injured twenty workers at the plant.", "The blast killed the plant's night manager."),
    # a fatal wound is a death
    (
        "A gunman fatally wounded a teacher outside the school.",
        "A teacher died after being shot outside the school.",
    ),
    ("The cyclist was mortally injured by a bus.", "The cyclist was killed by a bus."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_statements_that_can_both_hold_raise_no_polarity(a: str, b: str) -> None:
    judged, findings = pair_of(a, b)
    assert [f for f in findings if f.type is FindingType.POLARITY] == [], findings
    assert judged.pairs[0].relation is not Relation.CONFLICT


def test_hedged_against_asserted_is_a_low_certainty_finding() -> None:
    judged, findings = pair_of(
        "The fire was apparently caused by a short circuit, officials said.",
        "The fire was caused by a short circuit, officials said.",
    )
    assert [(f.type, f.severity) for f in findings] == [(FindingType.CERTAINTY, Severity.LOW)]
    assert "hedges ('apparently')" in findings[0].message
    assert judged.verdict is Verdict.PARTIAL


def test_both_hedged_is_no_certainty_finding() -> None:
    _, findings = pair_of(
        "The plane may have been hit by lightning.", "The plane was possibly hit by lightning."
    )
    assert [f for f in findings if f.type is FindingType.CERTAINTY] == []


def test_a_denial_is_caught_across_claims_unless_a_report_tells_both_sides() -> None:
    denial = "The pilot did not report any problems with the plane before it crashed, Gulf Air said."
    report = "Initial reports from the pilot indicated a fire broke out in one of the plane's engines."
    case = make({"USAToday": [denial], "CNN": ["Rescuers searched the sea.", report]})
    polarity = [f for f in run_apart(case) if f.type is FindingType.POLARITY]
    assert len(polarity) == 1 and set(polarity[0].statements) == {"usatoday:s0", "cnn:s1"}
    assert polarity[0].severity is Severity.MEDIUM and polarity[0].note and "not aligned" in polarity[0].note

    both = make({"USAToday": [denial], "CNN": [denial.replace("did not", "didn't"), report]})
    assert [f for f in run_apart(both) if f.type is FindingType.POLARITY] == []


def test_a_negated_act_is_not_compared_across_claims() -> None:
    # statements kept apart: 'did not extend' meets 'extended' in another sentence by chance far more often
    # than in a dispute; only the denial that something of a kind was there is compared (test above)
    denial = "The council did not extend the curfew in the old town, the mayor said."
    other = "The council extended the curfew in the old town until Friday, the mayor said."
    case = make({"Herald": [denial], "Courier": ["Shops stayed shut.", other]})
    assert [f for f in run_apart(case) if f.type is FindingType.POLARITY] == []
    aligned = make({"Herald": [denial], "Courier": [other]})
    _, same_claim = run(aligned, [claim("c1", "herald:s0", "courier:s0")])
    assert [f.type for f in same_claim if f.type is FindingType.POLARITY]  # aligned, they are compared


def test_a_denial_that_a_thing_was_there_meets_its_report_across_claims_on_one_shared_word() -> None:
    # 'there was no fire' against 'a fire broke out': one more word in common (the plane) will do
    denial = "Airline officials said there was no fire on the plane."
    report = "The minister said first reports from the pilot indicated a fire broke out in a plane engine."
    case = make(
        {"Post": ["Rescuers searched the sea.", denial], "CNN": ["Rescuers searched the sea.", report]}
    )
    polarity = [f for f in run_apart(case) if f.type is FindingType.POLARITY]
    assert len(polarity) == 1 and set(polarity[0].statements) == {"post:s1", "cnn:s1"}
    # a denied act still needs more than one word in common across claims
    act = "Airline officials said the pilot did not report a fire."
    case = make({"Post": ["Rescuers searched the sea.", act], "CNN": ["Rescuers searched the sea.", report]})
    assert [f for f in run_apart(case) if f.type is FindingType.POLARITY] == []


def _apart_polarity(reports: dict[str, list[str]]) -> list[str]:
    from test_judge import make, run_apart

    return [f.message for f in run_apart(make(reports)) if f.type is FindingType.POLARITY]


def test_a_denied_act_of_one_named_doer_and_thing_meets_its_affirmation_across_claims() -> None:
    reports = {
        "CNN": ["Ruiz never checked into the Elm Clinic, her lawyer said."],
        "MSNBC": ["Ana Ruiz checked into the Elm Clinic on Friday morning."],
    }
    assert len(_apart_polarity(reports)) == 1
    # however often the story tells the verb elsewhere
    reports["FOX"] = [f"Guest {n} checked into the Palm Hotel on Friday." for n in range(45)]
    assert len(_apart_polarity(reports)) == 1


def test_a_denied_act_of_another_doer_or_another_thing_is_quiet() -> None:
    # the thing the denial bears on is the first named after it, not what the sentence adds
    assert (
        _apart_polarity(
            {
                "CNN": ["Ruiz never checked into the Elm Clinic but is back at Oak House."],
                "MSNBC": ["Ana Ruiz checked into Oak House on Friday."],
            }
        )
        == []
    )
    assert (
        _apart_polarity(
            {
                "CNN": ["Tom Becker never checked into the Elm Clinic."],
                "MSNBC": ["Ana Ruiz checked into the Elm Clinic on Friday."],
            }
        )
        == []
    )
