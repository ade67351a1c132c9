"""One sentence against two: the 1-2 pass among statements the main grouping left alone."""

from __future__ import annotations

import pytest
from fixtures_statements import statements_of

from compare.align import AlignSettings, align
from compare.align.embed import get_embedder
from compare.align.split_match import refers_back
from compare.model import Claim, Statement, StatementKind

# Outlet A says in one sentence what outlet B says in two, the second leaning on the first ("the move").
ONE = statements_of(
    "a",
    "Heavy rain flooded the old town of Dresden on Tuesday.",
    "On local radio the mayor accused Governor Klaus Berger of leaving her city alone for two days, "
    "saying his help had come far too late.",
    "Schools across the city stayed closed.",
)
TWO = statements_of(
    "b",
    "Rescue boats carried residents out of flooded streets in Dresden.",
    "Governor Klaus Berger sent army engineers to Dresden on Wednesday night.",
    "Water levels on the Elbe were expected to peak on Friday.",
    "The mayor called the move overdue and said she had warned him for two days.",
    "Trains to Prague were cancelled.",
)


def _claim_of(claims: list[Claim], statement_id: str) -> Claim:
    return next(claim for claim in claims if statement_id in claim.statements)


@pytest.fixture(scope="module")
def minilm_claims() -> list[Claim]:
    return align([*ONE, *TWO], {}, get_embedder("minilm"))


def test_one_sentence_is_matched_with_the_two_it_combines(minilm_claims: list[Claim]) -> None:
    claim = _claim_of(minilm_claims, "a:s1")
    assert set(claim.statements) == {"a:s1", "b:s1", "b:s3"}
    assert {frozenset((p.a, p.b)) for p in claim.pairs} == {
        frozenset(("a:s1", "b:s1")),
        frozenset(("a:s1", "b:s3")),
    }


def test_the_pass_is_what_links_them(minilm_claims: list[Claim]) -> None:
    without = align([*ONE, *TWO], {}, get_embedder("minilm"), settings=AlignSettings(split=None))
    assert _claim_of(without, "a:s1").statements == ("a:s1",)


def test_the_statement_between_the_two_halves_stays_apart(minilm_claims: list[Claim]) -> None:
    assert _claim_of(minilm_claims, "b:s2").statements == ("b:s2",)


def test_neighbours_without_a_back_reference_are_not_joined() -> None:
    plain = [
        TWO[0],
        TWO[1],
        TWO[2],
        Statement(
            id="b:s3",
            document="b",
            index=3,
            start=TWO[3].start,
            end=TWO[3].start + 85,
            text="The mayor called the army's arrival overdue and said she had warned him for two days.",
            kind=StatementKind.BODY,
        ),
    ]
    # joined, these two are 0.07 closer to a:s1 than the closer alone: only the missing cue keeps them apart
    claims = align([*ONE, *plain], {}, get_embedder("minilm"))
    assert _claim_of(claims, "a:s1").statements == ("a:s1",)


def test_the_result_does_not_depend_on_document_order(minilm_claims: list[Claim]) -> None:
    reordered = align([*reversed(TWO), *reversed(ONE)], {}, get_embedder("minilm"))
    assert {c.statements for c in reordered} == {c.statements for c in minilm_claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('President Donald Trump called the move "stupid, a big mistake."', True),
        ("He also said investigators were on their way to the crash site.", True),
        ("But it never reached the levels of production enjoyed by Kuwait.", True),
        ("The ministry said this decision was final.", True),
        ("On 22/8, Trump warned that Russia could face sanctions.", False),
        ("However, the Kremlin affirmed that now is not the right time.", False),
        ("Thousands of people fled the city on Sunday.", False),
    ],
)
def test_refers_back(text: str, expected: bool) -> None:
    assert refers_back(text) is expected
