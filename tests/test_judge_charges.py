"""Charges that exclude each other: one killing charged as murder in one report, manslaughter in another."""

from __future__ import annotations

import pytest
from test_judge import claim, make, pair_of, run

from compare.facts.reading import read
from compare.judge.charges import LEAD
from compare.model import Finding, FindingType, Severity


def _charge_findings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.message.startswith(LEAD)]


DIFFERENT = [
    ("The driver has been charged in her murder.", "The driver was charged with vehicular manslaughter."),
    ("She faces a murder charge, police said.", "She is facing manslaughter charges, police said."),
    (
        "Prosecutors charged the teenager with murder on Tuesday.",
        "The teenager was charged with manslaughter, prosecutors said.",
    ),
    (
        "The nurse is accused of murder in the death of her patient.",
        "The nurse faces a charge of involuntary manslaughter in the death of her patient.",
    ),
    (
        "The motorist was arrested on suspicion of murder.",
        "The motorist was arrested on suspicion of manslaughter.",
    ),
    (
        "Garcia was indicted on a murder charge Friday.",
        "Garcia was indicted on charges of criminally negligent homicide and reckless driving.",
    ),
    ("He pleaded guilty to manslaughter in the stabbing.", "He pleaded guilty to murder in the stabbing."),
    ("The landlord was convicted of murder.", "The landlord was convicted of negligent homicide."),
    (
        "The woman, who was charged with second-degree murder, appeared in court.",
        "The woman, who faces vehicular homicide and DUI charges, appeared in court.",
    ),
    (
        "Police said the suspect was booked on murder charges.",
        "The suspect was booked on manslaughter and assault charges, police said.",
    ),
    ("He is facing charges including manslaughter.", "He is facing charges including murder."),
    ("Murder charges were filed against Smith.", "Manslaughter charges were filed against John Smith."),
    ("A jury found the guard guilty of murder.", "A jury found the guard guilty of manslaughter."),
    (
        "The father goes on trial for murder next week.",
        "The father goes on trial for manslaughter next week.",
    ),
    ("He was convicted of two counts of murder.", "He was convicted of two counts of manslaughter."),
    (
        "He was charged with robbery and murder after the shooting.",
        "He was charged with robbery and manslaughter after the shooting.",
    ),
    (
        "The driver now faces manslaughter and drunk driving charges.",
        "The driver now faces a murder charge.",
    ),
    # a hedge or a request in another clause says nothing of the charge
    (
        "The driver, who was charged with manslaughter, asked the judge for bail.",
        "The driver was charged with murder.",
    ),
    (
        "The suspect allegedly shot the clerk and has been charged with murder.",
        "The suspect has been charged with manslaughter in the clerk's death.",
    ),
    (
        "He has been charged with Vehicular Manslaughter, Criminally Negligent Homicide and DWI.",
        "He has been charged with murder and DWI.",
    ),
]


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_one_killing_charged_in_two_grades_is_a_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    found = _charge_findings(findings)
    assert len(found) == 1, findings
    finding = found[0]
    assert finding.type is FindingType.POLARITY and finding.severity is Severity.HIGH
    quoted = " / ".join(s.text.lower() for s in finding.spans)
    assert "murder" in quoted and ("manslaughter" in quoted or "homicide" in quoted), quoted


HEDGED = [
    ("She is expected to be charged with murder.", "She was charged with manslaughter."),
    ("Police said he will be charged with murder.", "He was charged with manslaughter."),
    ("The driver is likely to face a murder charge.", "The driver was charged with manslaughter."),
]


@pytest.mark.parametrize(("a", "b"), HEDGED)
def test_a_charge_said_to_come_against_one_laid_is_a_lesser_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    found = _charge_findings(findings)
    assert [f.severity for f in found] == [Severity.MEDIUM], findings


SAME = [
    # one report lists fewer charges, or charges the other's grade too
    ("The driver was charged with murder.", "The driver was charged with murder and manslaughter."),
    (
        "The driver was charged with manslaughter.",
        "The driver was charged with manslaughter, DWI and leaving the scene.",
    ),
    ("He was charged with DWI.", "He was charged with leaving the scene of an accident."),
    # two grades that go together for one death: manslaughter and negligent homicide
    (
        "The driver was charged with vehicular manslaughter and DWI.",
        "The driver was charged with criminally negligent homicide.",
    ),
    # two defendants
    ("Smith was charged with murder.", "Jones was charged with manslaughter."),
    ("Murder charges were filed against Smith.", "Manslaughter charges were filed against Brown."),
    # 'murder' and 'homicide' that name no charge
    ("The city's murder rate rose last year.", "He was charged with manslaughter last year."),
    ("The book is a murder mystery set in Queens.", "He was charged with manslaughter in Queens."),
    (
        "Police said the murder of the clerk shocked the town.",
        "He was charged with manslaughter, police said.",
    ),
    ("The murder suspect fled to Canada.", "The suspect was charged with manslaughter."),
    ("Detectives from the homicide squad charged him.", "He was charged with murder."),
    # a charge only weighed, sought, possible, conditional or dropped is no charge laid
    (
        "Police are considering murder charges against the driver.",
        "The driver was charged with manslaughter.",
    ),
    (
        "Prosecutors will seek a murder charge against the driver.",
        "The driver was charged with manslaughter.",
    ),
    ("Prosecutors said they could file murder charges.", "The driver was charged with manslaughter."),
    ("Police must decide whether to charge him with murder.", "The driver was charged with manslaughter."),
    (
        "He was charged with murder, police said.",
        "He faces up to 15 years in prison if convicted of manslaughter.",
    ),
    ("He was charged with murder.", "The charge of manslaughter was dropped."),
    ("The driver was not charged with murder.", "The driver was charged with manslaughter."),
    # offences that are not grades of one killing
    ("He was charged with attempted murder.", "He was charged with manslaughter."),
    ("He was charged with homicide.", "He was charged with manslaughter."),
    ("He was acquitted of murder.", "He was convicted of manslaughter."),
    ("He was charged with robbery.", "He was charged with burglary."),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_charges_that_can_both_hold_are_no_finding(a: str, b: str) -> None:
    _, findings = pair_of(a, b)
    assert _charge_findings(findings) == []


def test_a_report_naming_the_other_grade_anywhere_is_no_finding() -> None:
    case = make(
        {
            "CNN": ["The driver was charged with murder.", "A manslaughter count was added later."],
            "MSNBC": ["The driver was charged with manslaughter.", "She was released on bail."],
        }
    )
    _, findings = run(case, [claim("c1", "cnn:s0", "msnbc:s0")])
    assert _charge_findings(findings) == []
    case = make(
        {
            "CNN": ["The driver was charged with murder.", "She was released on bail."],
            "MSNBC": ["The driver was charged with manslaughter.", "She was released on bail."],
        }
    )
    _, findings = run(case, [claim("c1", "cnn:s0", "msnbc:s0")])
    assert len(_charge_findings(findings)) == 1


def test_the_reading_tells_who_is_charged_with_what() -> None:
    charges = read(
        "Police charged John Smith with vehicular manslaughter, negligent homicide and DWI."
    ).charges
    assert [(c.offence, c.grade) for c in charges] == [
        ("manslaughter", "manslaughter"),
        ("homicide", "manslaughter"),
        ("impaired driving", None),
    ]
    assert all(c.defendant == frozenset({"john", "smith"}) and c.laid and not c.hedged for c in charges)
    (charge,) = read("The driver, who is expected to be charged with murder, fled.").charges
    assert charge.grade == "murder" and charge.hedged and charge.defendant == frozenset()
    (charge,) = read("Prosecutors are weighing a murder charge.").charges
    assert not charge.laid
    assert [c.laid for c in read("Police are considering murder and manslaughter charges.").charges] == [
        False,
        False,
    ]
    assert all(c.hedged for c in read("She is expected to be charged with robbery and murder.").charges)
    assert [c.offence for c in read("The murder rate fell as the murder trial of Smith began.").charges] == [
        "murder"
    ]
    assert len(read("The murder rate fell.").charges) == 0


def test_the_charge_is_found_end_to_end() -> None:
    from compare import Document, compare_documents

    comparison = compare_documents(
        [
            Document.from_text(
                "Driver charged after fatal crash\n\nThe driver who struck a cyclist on Elm Street on "
                "Friday has been charged with murder, police said.",
                id="a",
                outlet="Daily",
            ),
            Document.from_text(
                "Driver charged after fatal crash\n\nThe driver who struck a cyclist on Elm Street on "
                "Friday has been charged with vehicular manslaughter, police said.",
                id="b",
                outlet="Herald",
            ),
        ]
    )
    found = [f for f in comparison.findings if f.message.startswith(LEAD)]
    assert len(found) == 1 and found[0].severity is Severity.HIGH, comparison.findings
    assert [s.text for s in found[0].spans] == ["charged with murder", "charged with vehicular manslaughter"]
