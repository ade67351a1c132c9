"""Number facts: digits, words, ordinals, money, units, and qualifiers turned into ranges."""

from __future__ import annotations

import pytest

from compare.facts import extract_facts
from compare.facts.numbers import qualifier_range, words_to_number
from compare.model import Document, Fact, FactKind, Statement, StatementKind


def numbers(text: str) -> list[Fact]:
    prefix = "Intro line.\n"
    document = Document.from_text(prefix + text, id="d")
    statement = Statement("d:s1", "d", 1, len(prefix), len(prefix) + len(text), text, StatementKind.BODY)
    facts = extract_facts(statement, document)
    for fact in facts:
        assert document.text[fact.start : fact.end] == fact.text  # offsets are document offsets
        assert fact.id.startswith("d:s1:f")
    return [f for f in facts if f.kind is FactKind.NUMBER]


def only(text: str) -> Fact:
    found = numbers(text)
    assert len(found) == 1, found
    return found[0]


def test_qualified_count_keeps_qualifier_and_range() -> None:
    fact = only("More than 130 bodies are reported to have been recovered.")
    assert (fact.text, fact.value, fact.qualifier, fact.role) == ("More than 130", 130.0, "more than", "body")
    assert fact.low == 130.0 and fact.high is None


def test_about_with_unit_is_a_tolerance_band() -> None:
    fact = only("With a range of about 300 km, ATACMS cannot reach Moscow.")
    assert fact.unit == "km" and fact.qualifier == "about" and fact.role == "range"
    assert fact.low is not None and fact.high is not None and fact.low < 300 < fact.high


def test_miles_are_converted_to_km() -> None:
    fact = only("The wreck lies 50 miles off the coast.")
    assert fact.unit == "km" and fact.value == pytest.approx(80.47, abs=0.01)


def test_money_with_abbreviated_multiplier() -> None:
    fact = only("The contract is worth $1.5 mln, officials said.")
    assert (fact.label, fact.unit, fact.value) == ("MONEY", "usd", 1_500_000.0)


def test_ordinals_and_number_words() -> None:
    assert only("The fire started on the 26th floor.").key == "#26"
    found = numbers("Three people died and at least fifteen were hurt.")
    assert [(f.value, f.qualifier) for f in found] == [(3.0, None), (15.0, "at least")]


def test_identifiers_and_model_names_are_not_quantities() -> None:
    assert numbers("Gulf Air Flight 072, an Airbus A320, was an F-16 escort away from Su-24M jets.") == []


def test_partitive_and_breakdown_roles() -> None:
    assert only("Thirty-six of the victims were children.").role == "part-of:victim"
    roles = [f.role for f in numbers("They included 64 Egyptians, 36 Bahrainis and 12 Saudis.")]
    assert all(role and role.startswith("list:") for role in roles)


def test_words_to_number() -> None:
    assert words_to_number("one hundred and forty-three") == 143
    assert words_to_number("a dozen") == 12
    assert words_to_number("several") is None


def test_qualifier_ranges() -> None:
    assert qualifier_range(15, "at least") == (15, None)
    assert qualifier_range(30, "up to") == (0.0, 30)
    assert qualifier_range(100, None) == (100, 100)


def test_scarcity_words() -> None:
    fact = only("Kyiv has very few of these missiles left.")
    assert (fact.label, fact.key, fact.text) == ("SCARCE", "scarce", "very few")
    assert numbers("A little girl was rescued a few days ago.") == []


def test_ranges_are_one_fact_with_both_ends() -> None:
    fact = only("Between 20 and 30 people were hurt in the blast.")
    assert (fact.text, fact.low, fact.high, fact.qualifier, fact.role) == (
        "Between 20 and 30",
        20.0,
        30.0,
        "range",
        "people",
    )
    money = only("Analysts said VUE could fetch $12 billion-$14 billion.")
    assert (money.unit, money.low, money.high) == ("usd", 12e9, 14e9)
    scaled = only("The deal is worth between 2 and 3 million euros.")
    assert (scaled.low, scaled.high) == (2e6, 3e6)
    change = numbers("The index rose from 20 to 30 points.")  # a change, not a range
    assert [(f.value, f.qualifier) for f in change] == [(20.0, None), (30.0, None)]
    level = numbers("Shares fell 87 cents to $15.52.")  # a change and a level
    assert [(f.text, f.value, f.unit) for f in level] == [("87 cents", 0.87, "usd"), ("$15.52", 15.52, "usd")]


def test_ages_are_counted_as_ages() -> None:
    for text, whose in (
        ("The pilot, 67-year-old Luigi Fasulo, was killed.", "age:fasulo"),
        ("The pilot, Luigi Fasulo, 67, was killed.", "age:fasulo"),
        ("The pilot, aged 67, was killed.", "age:pilot"),
        ("The 67-year-old pilot was killed.", "age:pilot"),
    ):
        fact = only(text)
        assert (fact.value, fact.role) == (67.0, whose), text


def test_the_whole_of_a_partitive_is_not_a_count_of_its_noun() -> None:
    found = numbers("Seven of the nine Democratic candidates addressed the forum.")
    assert [(f.value, f.role) for f in found] == [(7.0, "part-of:candidate"), (9.0, "whole:candidate")]
    assert only("With a range of about 300 km, ATACMS cannot reach Moscow.").role == "range"


def test_fractions_and_generic_heads() -> None:
    fact = only("The yield on the 3 5/8 percent note dropped.")
    assert (fact.value, fact.unit) == (3.625, "%")
    crew = [f.role for f in numbers("It carried 135 passengers and eight crew members.")]
    assert crew == ["list:passenger", "list:crew"]


def test_a_decimal_written_without_its_leading_zero_keeps_its_value() -> None:
    fact = only("Tests put her blood-alcohol level at .12, police said.")
    assert (fact.text, fact.value) == (".12", 0.12)
    assert [f.value for f in numbers("Version 2.0 shipped with 3 fixes.")] == [2.0, 3.0]


def test_a_number_set_off_by_commas_after_an_untagged_name_is_an_age() -> None:
    fact = only("Moreau, 52, a former striker, was sacked on Monday.")
    assert fact.role is not None and fact.role.startswith("age")
    assert not (only("Police in Lyon, 12, said the protest ended.").role or "").startswith("age")  # a place


def test_how_many_times_in_one_word_is_a_count() -> None:
    twice = only("The police fired twice at the car.")
    assert (twice.text, twice.value, twice.qualifier) == ("twice", 2.0, None)
    bounded = only("The city asked at least once for federal help.")
    assert (bounded.text, bounded.value, bounded.low, bounded.high) == ("at least once", 1.0, 1.0, None)
    assert numbers("The club was once the best in the league.") == []  # 'formerly', not a count


@pytest.mark.parametrize(
    "text",
    [
        "A 6.1-magnitude quake struck the island.",
        "A magnitude 6.1 quake struck the island.",
        "The magnitude-6.1 earthquake struck the island.",
        "The quake had a magnitude of 6.1, the survey said.",
        "A quake measuring 6.1 on the Richter scale struck the island.",
        "A 6.1 quake struck the island.",
        "The magnitude-6. 1 earthquake struck the island.",  # a decimal written with a space
    ],
)
def test_a_reading_on_a_scale_is_a_magnitude_not_a_count(text: str) -> None:
    (fact,) = [f for f in numbers(text) if f.value == 6.1]
    assert fact.unit == "magnitude" and fact.key == "6.1 magnitude"


def test_a_spaced_decimal_is_one_figure_but_a_year_before_a_stop_is_not() -> None:
    (depth,) = [f for f in numbers("It struck 6. 2 miles deep, officials said.") if f.unit == "km"]
    assert depth.text == "6. 2 miles" and round(depth.value or 0, 1) == 10.0
    # (the year is a time, not a number; '2004. 12' is not read as one figure)
    assert [f.value for f in numbers("The bridge opened in 2004. 12 people had died there.")] == [12.0]


def test_a_whole_number_of_quakes_is_still_a_count() -> None:
    (fact,) = numbers("Two quakes struck the island on Monday.")
    assert fact.unit is None and fact.value == 2


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The dam sits at a height of 40 metres (131 feet) above the river.", ["40 metres"]),
        ("The storm passed 200 kilometers (124 miles) east of the island.", ["200 kilometers"]),
        ("The cargo weighed 1,200 kilograms (2,646 pounds), the port said.", ["1,200 kilograms"]),
        ("The ship carried 500 kg (or 1,102 lb) of rice.", ["500 kg"]),
        ("The club paid £10m ($13m) for the striker.", ["£10m"]),
    ],
)
def test_a_converted_figure_in_brackets_is_the_figure_before_it(text: str, kept: list[str]) -> None:
    assert [f.text for f in numbers(text)] == kept


@pytest.mark.parametrize(
    "text",
    [
        # another figure in brackets, not the same one in another unit
        "The road runs 40 km (of which 12 km are unpaved) to the border.",
        "The team ran 10 miles (and another 3 miles on Sunday).",
        "The flood reached 2 metres (6 metres in the lower town).",
        "The quake struck 60 miles off the coast (20 miles from the island).",
    ],
)
def test_a_different_figure_in_brackets_is_its_own_figure(text: str) -> None:
    assert len(numbers(text)) >= 2


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A shell hit a 400-pupil primary school on the edge of town.", "pupil"),
        ("Officials opened a 250-bed field hospital near the border.", "bed"),
        ("The ship carried a 90-car ferry deck.", "car"),
        # a hyphened member counts the body it belongs to, as 'crew members' counts the crew
        ("A 14-member crew was aboard the tanker.", "crew"),
        ("A 12-person jury convicted him.", "person"),
    ],
)
def test_a_figure_in_a_hyphened_modifier_counts_the_noun_inside_it(text: str, role: str) -> None:
    assert only(text).role == role


def test_a_hyphened_age_or_measure_is_not_read_as_a_count() -> None:
    assert only("The 7-year-old girl was rescued.").role == "age:girl"
    assert only("The fire gutted a 12-storey block.").unit is not None


@pytest.mark.parametrize(
    ("text", "zeros"),
    [
        ("No one was hurt in the fire.", [("No one", "people")]),
        ("Nobody answered the door.", [("Nobody", "people")]),
        ("There were no deaths at the plant.", [("no", "death")]),
        ("None of the miners survived.", [("None", "part-of:miner")]),
        # not counts: a mass noun, something said or sought, and a count left standing
        ("There was no damage to the bridge.", []),
        ("There were no reports of injuries.", []),
        ("No other passengers were on board.", []),
        ("No one else saw the crash.", []),
    ],
)
def test_a_count_of_none_is_read_as_zero(text: str, zeros: list[tuple[str, str]]) -> None:
    assert [(f.text, f.role) for f in numbers(text) if f.value == 0] == zeros
