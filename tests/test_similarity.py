"""Pair scoring: bounded, monotone, paraphrase over unrelated, numbers matter, agree vs partial."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align.embed import get_embedder
from compare.align.similarity import profile, score_pair, stem
from compare.model import Fact, FactKind, Relation


def _score(a: str, b: str, embedder: str = "minilm") -> tuple[float, Relation]:
    vectors = get_embedder(embedder).encode([a, b])
    result = score_pair(profile(a), profile(b), float(vectors[0] @ vectors[1]))
    return result.score, result.relation


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.floats(-1.0, 1.0))
def test_scores_stay_in_unit_interval(a: str, b: str, cosine: float) -> None:
    result = score_pair(profile(a), profile(b), cosine)
    assert 0.0 <= result.score <= 1.0 and not math.isnan(result.score)
    assert 0.0 <= result.semantic <= 1.0 and 0.0 <= result.lexical <= 1.0
    assert result.relation in (Relation.AGREE, Relation.PARTIAL)


def test_score_is_monotone_in_cosine() -> None:
    a, b = profile("Rescuers found the flight recorder."), profile("The black box was recovered.")
    scores = [score_pair(a, b, c).score for c in (-0.5, 0.0, 0.3, 0.6, 0.9)]
    assert scores == sorted(scores)


def test_paraphrase_beats_unrelated() -> None:
    base = "Gulf Air said 135 passengers and eight crew members were on board."
    para, _ = _score(base, "There were 135 passengers and 8 crew on the Gulf Air flight.")
    unrelated, _ = _score(base, "Stocks closed higher on Wall Street after the jobs report.")
    assert para > 0.5 > unrelated + 0.3


def test_same_statement_agrees_and_subsumed_statement_is_partial() -> None:
    short = "The plane crashed into the Persian Gulf."
    _, same = _score(short, "The plane crashed into the Persian Gulf on Wednesday.")
    assert same is Relation.AGREE
    _, more = _score(
        short,
        "The plane crashed into the Persian Gulf after circling the airport twice, killing all "
        "143 people on board, including 36 children and several foreign diplomats.",
    )
    assert more is Relation.PARTIAL


def test_differing_numbers_lower_the_score() -> None:
    a = "The fire destroyed 40 homes, officials said."
    same = score_pair(profile(a), profile("Officials said the fire destroyed 40 homes."), 0.9)
    other = score_pair(profile(a), profile("Officials said the fire destroyed 14 homes."), 0.9)
    assert same.numbers == 1.0 and other.numbers == -1.0
    assert same.score > other.score


def test_numbers_are_normalised_and_facts_take_precedence() -> None:
    assert profile("Two men and 1,500 sheep.").numbers == frozenset({"2", "1500"})
    fact = Fact(
        id="d:s0:f0", statement="d:s0", kind=FactKind.NUMBER, start=0, end=3, text="two", key="2", value=2.0
    )
    assert profile("two dozen", [fact]).numbers == frozenset({"2"})


def test_stem_shares_inflections() -> None:
    assert stem("crashed") == stem("crashes") == "crash"
    assert stem("bodies") == "body"
    assert stem("2000") == "2000"


def test_lexical_embedder_scores_too() -> None:
    para, _ = _score(
        "The minister resigned on Friday.", "On Friday the minister resigned.", embedder="lexical"
    )
    unrelated, _ = _score("The minister resigned on Friday.", "Heavy rain flooded the valley.", "lexical")
    assert para > unrelated
