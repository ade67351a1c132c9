"""Different people named as holding one office in two reports ('fire chief Ana Ruiz said' / 'according to
fire chief Tom Becker'), compared report against report; offices many hold, other places' offices, former
holders and one person's name in two forms stay quiet."""

from __future__ import annotations

import pytest

from compare import Document, compare_documents
from compare.model import Finding, FindingType, Severity

# Two reports of one story (a warehouse fire in Ashford); each puts its official in a sentence of its own.
_OPEN_A = "A warehouse fire in Ashford burned through the night. Ashford residents watched from the road."
_OPEN_B = "Flames tore through a warehouse in Ashford overnight. Crews in Ashford worked until dawn."


def _office_findings(a: str, b: str) -> list[Finding]:
    docs = [
        Document.from_text(f"{_OPEN_A} {a}", id="a", outlet="Alpha"),
        Document.from_text(f"{_OPEN_B} {b}", id="b", outlet="Beta"),
    ]
    found = compare_documents(docs).findings
    return [f for f in found if f.message.startswith("Different people named as")]


FLAGGED = [
    (
        "The roof fell in after two hours, fire chief Ana Ruiz said.",
        "Nobody was hurt, according to fire chief Tom Becker.",
        ("fire chief Ana Ruiz", "fire chief Tom Becker"),
    ),
    (
        "Police Chief Ana Ruiz said two men were seen running away.",
        "The cause is not known, police chief Tom Becker told reporters.",
        ("Police Chief Ana Ruiz", "police chief Tom Becker"),
    ),
    (
        "Ana Ruiz, the fire chief of Ashford, said the roof fell in.",
        "Ashford's fire chief, Tom Becker, said crews would stay all day.",
        ("Ana Ruiz, the fire chief of Ashford", "Ashford's fire chief, Tom Becker"),
    ),
    (
        "Ashford's civil defence chief Colonel Omar Haddad said the site was sealed off.",
        "Ashford civil defense chief Karim Nasser said three streets were closed.",
        ("Ashford's civil defence chief Colonel Omar Haddad", "Ashford civil defense chief Karim Nasser"),
    ),
    (
        "The fire chief, Ana Ruiz, said the alarm was raised at midnight.",
        "Crews arrived within minutes, said Ashford fire chief Tom Becker.",
        ("fire chief, Ana Ruiz", "Ashford fire chief Tom Becker"),
    ),
    (
        "Ana Ruiz, Ashford's fire chief, said the building had no sprinklers.",
        "Fire Chief Tom Becker said the building was inspected in the spring.",
        ("Ana Ruiz, Ashford's fire chief", "Fire Chief Tom Becker"),
    ),
]


@pytest.mark.parametrize(("a", "b", "quoted"), FLAGGED)
def test_two_people_named_for_one_office_are_flagged(a: str, b: str, quoted: tuple[str, str]) -> None:
    found = _office_findings(a, b)
    assert len(found) == 1, found
    finding = found[0]
    assert finding.type is FindingType.ENTITY
    assert finding.severity in (Severity.LOW, Severity.MEDIUM)
    assert {s.text for s in finding.spans} == set(quoted)
    assert {s.document for s in finding.spans} == {"a", "b"}


def test_an_office_naming_its_place_on_both_sides_is_medium_and_one_naming_none_low() -> None:
    both = _office_findings(
        "Ashford's fire chief, Ana Ruiz, said the roof fell in.",
        "Tom Becker, the fire chief of Ashford, said crews would stay.",
    )
    one = _office_findings(
        "Ashford's fire chief, Ana Ruiz, said the roof fell in.",
        "Fire chief Tom Becker said crews would stay.",
    )
    assert [f.severity for f in both] == [Severity.MEDIUM]
    assert [f.severity for f in one] == [Severity.LOW]
    assert both[0].message.startswith("Different people named as fire chief (Ashford).")


QUIET = [
    # one person, the name in two forms
    ("Fire chief Ana Ruiz said the roof fell in.", "Fire chief Ruiz said crews would stay."),
    (
        "Fire chief Ana Ruiz said the roof fell in.",
        "Ms Ruiz, the fire chief of Ashford, said crews would stay.",
    ),
    ("Fire chief Thomas Becker said the roof fell in.", "Fire chief Tom Becker said crews would stay."),
    ("Fire chief Omar al-Haddad said the roof fell in.", "Fire chief Omar Hadad said crews would stay."),
    # offices many hold at once, indefinite, plural
    ("A fire chief, Ana Ruiz, said the roof fell in.", "A fire chief, Tom Becker, said crews would stay."),
    (
        "Police spokesman Ana Ruiz said the roof fell in.",
        "Police spokesman Tom Becker said crews would stay.",
    ),
    ("Fire officer Ana Ruiz said the roof fell in.", "Fire officer Tom Becker said crews would stay."),
    ("Fire chiefs Ana Ruiz and Lee Park said so.", "Fire chief Tom Becker said crews would stay."),
    # former against current
    ("Former fire chief Ana Ruiz said the roof fell in.", "Fire chief Tom Becker said crews would stay."),
    ("Ex-fire chief Ana Ruiz said the roof fell in.", "Fire chief Tom Becker said crews would stay."),
    # the same office of two places
    (
        "Ashford's fire chief Ana Ruiz said the roof fell in.",
        "Kenton's fire chief Tom Becker said crews came.",
    ),
    (
        "Iraq's foreign minister Ali Hassan praised crews.",
        "Iran's foreign minister Reza Karimi praised crews.",
    ),
    # two offices
    ("Fire chief Ana Ruiz said the roof fell in.", "Deputy fire chief Tom Becker said crews would stay."),
    ("Fire chief Ana Ruiz said the roof fell in.", "Police chief Tom Becker said crews would stay."),
    # a bare one-word title may be any body's
    ("President Ana Ruiz praised the crews.", "President Tom Becker praised the crews."),
    ("Mayor Ana Ruiz praised the crews.", "Ashford's mayor Tom Becker praised the crews."),
    # a kind of work, not an office
    ("Film director Ana Ruiz filmed the blaze.", "Film director Tom Becker filmed the blaze."),
]


@pytest.mark.parametrize(("a", "b"), QUIET)
def test_look_alikes_are_not_flagged(a: str, b: str) -> None:
    assert _office_findings(a, b) == []


def test_a_report_naming_both_holders_itself_is_not_set_against_another() -> None:
    found = _office_findings(
        "Fire chief Ana Ruiz said the roof fell in. Fire chief Lee Park of the next town sent two crews.",
        "Fire chief Tom Becker said crews would stay.",
    )
    assert found == []


def test_a_bare_title_is_not_compared_when_the_report_names_the_other_person_too() -> None:
    found = _office_findings(
        "Fire chief Ana Ruiz said the roof fell in. Tom Becker, a neighbour, called the crews.",
        "Fire chief Tom Becker said crews would stay.",
    )
    assert found == []


def test_a_bare_title_takes_the_place_another_report_gives_the_same_person() -> None:
    docs = [
        Document.from_text(f"{_OPEN_A} Kenton's fire chief Ana Ruiz sent two crews.", id="a", outlet="Alpha"),
        Document.from_text(f"{_OPEN_B} Fire chief Ana Ruiz sent two crews to help.", id="b", outlet="Beta"),
        Document.from_text(f"{_OPEN_A} Fire chief Tom Becker said the roof fell in.", id="c", outlet="Gamma"),
    ]
    found = [f for f in compare_documents(docs).findings if f.message.startswith("Different people")]
    assert found == []  # Ruiz is Kenton's chief; Becker, in a story about Ashford, is Ashford's


def test_a_past_event_recalled_is_not_compared() -> None:
    found = _office_findings(
        "Fire chief Ana Ruiz said the roof fell in.",
        "In 1998 a fire at the same site was fought by crews under fire chief Tom Becker.",
    )
    assert found == []


def test_three_reports_give_one_finding_naming_who_says_what() -> None:
    docs = [
        Document.from_text(f"{_OPEN_A} The roof fell in, fire chief Ana Ruiz said.", id="a", outlet="Alpha"),
        Document.from_text(f"{_OPEN_B} Fire chief Ana Ruiz said crews would stay.", id="b", outlet="Beta"),
        Document.from_text(f"{_OPEN_A} Nobody was hurt, said fire chief Tom Becker.", id="c", outlet="Gamma"),
    ]
    found = [f for f in compare_documents(docs).findings if f.message.startswith("Different people")]
    assert len(found) == 1, found
    assert {s.document for s in found[0].spans} == {"a", "b", "c"}
