"""Alignment: every statement in one claim, n-way, one-to-many, duplicates, order independence."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from fixtures_statements import statements_of
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align import AlignSettings, align
from compare.align.embed import get_embedder
from compare.model import Claim, Relation, Statement, Verdict

DOC_A = statements_of(
    "a",
    "Wildfire forces thousands to flee near Athens",
    "A wildfire north of Athens forced about 3,000 people to leave their homes on Sunday.",
    "Firefighters said strong winds were pushing the flames towards the coast.",
    "The mayor of Marathon asked the government for more water-bombing aircraft.",
    "Tourism in the region has grown quickly over the last decade.",
)
DOC_B = statements_of(
    "b",
    "Thousands evacuated as fire rages outside Athens",
    "Some 3,000 residents were ordered out of their homes on Sunday as a wildfire spread north of Athens.",
    "Strong winds drove the fire towards the coast, the fire service said.",
    "Marathon's mayor called for more water-bombing planes.",
    "Police arrested a man suspected of starting the blaze with a barbecue.",
)
DOC_C = statements_of(
    "c",
    "Greek wildfire near Athens forces evacuations",
    "Around 3,000 people fled their homes near Athens on Sunday as a wildfire spread.",
    "The fire service said strong winds were pushing the fire toward the coastline.",
)


def _claim_of(claims: list[Claim], statement_id: str) -> Claim:
    return next(claim for claim in claims if statement_id in claim.statements)


def _shape(claims: list[Claim]) -> list[tuple[object, ...]]:
    return [(c.id, c.verdict, c.statements, c.pairs, c.documents, c.related) for c in claims]


def test_every_statement_in_exactly_one_claim_with_canonical_ids() -> None:
    statements = DOC_A + DOC_B + DOC_C
    claims = align(statements, {}, get_embedder("minilm"))
    seen = [sid for claim in claims for sid in claim.statements]
    assert sorted(seen) == sorted(s.id for s in statements)
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
    document_of = {s.id: s.document for s in statements}
    for claim in claims:
        assert claim.documents == tuple(sorted({document_of[s] for s in claim.statements}))
        for pair in claim.pairs:
            assert document_of[pair.a] != document_of[pair.b]
            assert 0.0 <= pair.score <= 1.0
            assert pair.relation in (Relation.AGREE, Relation.PARTIAL)
        if len(claim.documents) == 1:
            assert claim.verdict is Verdict.UNIQUE and not claim.pairs
        else:
            assert claim.verdict in (Verdict.AGREE, Verdict.PARTIAL) and claim.pairs


def test_n_way_claims_link_the_same_statement_across_three_documents() -> None:
    claims = align(DOC_A + DOC_B + DOC_C, {}, get_embedder("minilm"))
    evacuation = _claim_of(claims, "a:s1")
    assert {"b:s1", "c:s1"} <= set(evacuation.statements)
    wind = _claim_of(claims, "a:s2")
    assert {"b:s2", "c:s2"} <= set(wind.statements)
    assert _claim_of(claims, "a:s3") is _claim_of(claims, "b:s3")
    assert _claim_of(claims, "a:s4").verdict is Verdict.UNIQUE
    assert _claim_of(claims, "b:s4").verdict is Verdict.UNIQUE


def test_result_does_not_depend_on_document_or_statement_order() -> None:
    embedder = get_embedder("minilm")
    reference = _shape(align(DOC_A + DOC_B + DOC_C, {}, embedder))
    for order in itertools.permutations([DOC_A, DOC_B, DOC_C]):
        assert _shape(align([s for doc in order for s in doc], {}, embedder)) == reference
    shuffled = DOC_A + DOC_B + DOC_C
    random.Random(7).shuffle(shuffled)
    assert _shape(align(shuffled, {}, embedder)) == reference


def test_one_to_many_when_an_outlet_splits_a_sentence() -> None:
    one = statements_of(
        "x",
        "Storm hits coast",
        "The storm cut power to 20,000 homes and closed the main coastal highway on Monday.",
    )
    two = statements_of(
        "y",
        "Storm batters coast",
        "The storm cut power to 20,000 homes on Monday.",
        "It also closed the main coastal highway.",
    )
    claims = align(one + two, {}, get_embedder("minilm"))
    claim = _claim_of(claims, "x:s1")
    assert {"y:s1", "y:s2"} <= set(claim.statements)
    assert all(pair.relation is Relation.PARTIAL for pair in claim.pairs)


RATIONING = (
    "Villages rationed as drought bites",
    "The water board has set up a rationing plan, drawn up by its chief engineer Maria Okafor, that decides "
    "which villages get supply each day during the drought.",
    "Reservoirs are at a third of their usual level.",
)
RATIONING_PLAN = (
    "The rationing plan was written by chief engineer Maria Okafor, who was once accused of favouring her "
    "home district."
)


def test_the_second_half_of_a_split_joins_when_the_first_already_matched() -> None:
    # the outlet says in two sentences what the other says in one; only the second half (it names the
    # plan back) is close enough to be grouped at first, the first half is far in wording but completes it
    other = statements_of(
        "y",
        "Farmers fear for crops as rivers dry up",
        "Without telling anyone, the utility devised a way to choose daily which villages receive water.",
        RATIONING_PLAN,
        "Farmers fear for their crops.",
    )
    claims = align(statements_of("x", *RATIONING) + other, {}, get_embedder("minilm"))
    assert set(_claim_of(claims, "x:s1").statements) == {"x:s1", "y:s1", "y:s2"}


@pytest.mark.parametrize(
    "after",
    [
        "The plan was criticised by farmers' unions on Monday.",  # names it back, says something else
        "This comes as reservoirs fall to record lows.",  # leans on it, belongs to another statement
        "Officials hope the rain returns in the spring.",  # no link back at all
    ],
)
def test_a_neighbour_that_adds_nothing_to_the_match_stays_apart(after: str) -> None:
    other = statements_of("y", "Farmers fear for crops as rivers dry up", RATIONING_PLAN, after)
    claims = align(statements_of("x", *RATIONING) + other, {}, get_embedder("minilm"))
    assert "y:s2" not in _claim_of(claims, "x:s1").statements


def test_same_document_repeat_stays_with_its_twin() -> None:
    repeated = statements_of(
        "r",
        "Bridge closed after crack found",
        "Engineers closed the bridge after finding a crack in one of its pillars.",
        "Traffic was diverted through the town centre.",
        "Engineers closed the bridge after finding a crack in one of its pillars.",
    )
    other = statements_of(
        "o",
        "Crack shuts bridge",
        "The bridge was shut once engineers discovered a cracked pillar.",
    )
    claims = align(repeated + other, {}, get_embedder("minilm"))
    claim = _claim_of(claims, "r:s1")
    assert "r:s3" in claim.statements and "o:s1" in claim.statements
    # a repeat with no counterpart elsewhere still stays together
    alone = align(repeated, {}, get_embedder("minilm"))
    assert _claim_of(alone, "r:s1") is _claim_of(alone, "r:s3")


def test_lexical_only_mode_links_the_obvious_pairs() -> None:
    claims = align(DOC_A + DOC_B + DOC_C, {}, get_embedder("lexical"))
    assert _claim_of(claims, "a:s2") is _claim_of(claims, "c:s2")
    assert _claim_of(claims, "a:s3") is _claim_of(claims, "b:s3")
    assert _claim_of(claims, "a:s4").verdict is Verdict.UNIQUE


def test_no_statements_no_claims_and_duplicate_ids_refused() -> None:
    assert align([], {}, get_embedder("lexical")) == []
    with pytest.raises(ValueError):
        align(DOC_A + DOC_A, {}, get_embedder("lexical"))


def test_per_document_cap_is_respected() -> None:
    many = statements_of("m", "Rates", *[f"The bank raised rates by {n} points." for n in range(6)])
    other = statements_of("n", "Rates up", "The bank raised rates by 3 points.")
    settings = AlignSettings(max_per_document=2)
    claims = align(many + other, {}, get_embedder("minilm"), settings=settings)
    for claim in claims:
        assert sum(sid.startswith("m:") for sid in claim.statements) <= 2


def test_a_statement_a_report_makes_three_times_joins_the_claim_each_time() -> None:
    # lead, body and recap restate one fact; the other outlet says it once
    one = statements_of(
        "a",
        "Bridge closed",
        "The city closed the Elm Street bridge on Friday after inspectors found cracks in its supports.",
        "Traffic was diverted through the old town for most of the afternoon.",
        "Inspectors found cracks in the supports of the Elm Street bridge, and the city closed it on Friday.",
        "Cracks in its supports led the city to close the Elm Street bridge on Friday.",
    )
    two = statements_of(
        "b",
        "Elm Street bridge shut",
        "On Friday the city shut the Elm Street bridge because inspectors had found cracks in its supports.",
    )
    claims = align(one + two, {}, get_embedder("minilm"))
    claim = _claim_of(claims, "b:s1")
    assert {"a:s1", "a:s3", "a:s4"} <= set(claim.statements)
    assert "a:s2" not in claim.statements


def test_statements_giving_different_figures_stay_together_for_the_judge() -> None:
    a = statements_of("a", "Village fire", "The fire destroyed 40 homes in the village, officials said.")
    b = statements_of("b", "Fire in village", "Officials said the fire destroyed 14 homes in the village.")
    c = statements_of("c", "Fire in village", "Officials said the fire destroyed 40 homes in the village.")
    claims = align(a + b + c, {}, get_embedder("minilm"))
    claim = _claim_of(claims, "a:s1")
    assert {"b:s1", "c:s1"} <= set(claim.statements)
    scores = {(p.a, p.b): p.score for p in claim.pairs}
    assert scores[("a:s1", "c:s1")] > scores[("a:s1", "b:s1")]


_WORDS = [
    "storm",
    "fire",
    "flood",
    "bridge",
    "council",
    "mayor",
    "police",
    "budget",
    "school",
    "hospital",
    "road",
    "river",
    "vote",
]


def _random_documents(seed: int, documents: int, per_document: int) -> list[list[Statement]]:
    rng = random.Random(seed)
    facts = [
        f"The {rng.choice(_WORDS)} near {rng.choice(_WORDS).title()}ville affected {rng.randint(2, 99)} "
        f"people, the {rng.choice(_WORDS)} office said."
        for _ in range(per_document + 3)
    ]
    out = []
    for d in range(documents):
        chosen = rng.sample(facts, per_document)
        if d % 2:
            chosen = [f"According to officials, {text[0].lower()}{text[1:]}" for text in chosen]
        out.append(statements_of(f"doc{d}", f"Report {d}", *chosen))
    return out


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 5), st.integers(1, 8), st.randoms(use_true_random=False))
def test_any_permutation_of_documents_and_statements_gives_the_same_claims(
    seed: int, documents: int, per_document: int, shuffle: random.Random
) -> None:
    docs = _random_documents(seed, documents, per_document)
    embedder = get_embedder("lexical")
    reference = _shape(align([s for doc in docs for s in doc], {}, embedder))
    flat = [s for doc in docs for s in doc]
    shuffle.shuffle(flat)
    assert _shape(align(flat, {}, embedder)) == reference
    ids = sorted(sid for claim in reference for sid in claim[2])  # type: ignore[union-attr]
    assert ids == sorted(s.id for s in flat)


def test_claims_list_every_cross_document_pair() -> None:
    docs = [
        statements_of(
            f"d{n:02d}", "Rates", "The central bank raised its main interest rate to 4.5% on Thursday."
        )
        for n in range(14)
    ]
    claims = align([s for doc in docs for s in doc], {}, get_embedder("minilm"))
    claim = _claim_of(claims, "d00:s1")
    assert len(claim.statements) == 14
    assert len(claim.pairs) == 91  # every member is compared with every other outlet's


def test_claims_over_the_listing_limit_keep_every_member_linked() -> None:
    docs = [
        statements_of(
            f"d{n:02d}", "Rates", "The central bank raised its main interest rate to 4.5% on Thursday."
        )
        for n in range(14)
    ]
    limited = AlignSettings(max_pairs_listed=20)
    claims = align([s for doc in docs for s in doc], {}, get_embedder("minilm"), settings=limited)
    claim = _claim_of(claims, "d00:s1")
    assert len(claim.statements) == 14
    assert len(claim.pairs) == 20  # a spanning set of 13, then the strongest others up to the limit
    linked = {p.a for p in claim.pairs} | {p.b for p in claim.pairs}
    assert linked == set(claim.statements)
    assert len({frozenset((p.a, p.b)) for p in claim.pairs}) == 20


SPLIT_X = statements_of(
    "x",
    "Fire near Athens",
    "A wildfire north of Athens forced about 3,000 people from their homes on Sunday, and the mayor of "
    "Marathon asked the government for more water-bombing aircraft.",
    "Tourism in the region has grown quickly over the last decade.",
)
SPLIT_Y = statements_of(
    "y",
    "Athens fire",
    "Some 3,000 residents were ordered out of their homes on Sunday as a wildfire spread north of Athens.",
    "Police arrested a man suspected of starting the blaze with a barbecue.",
    "Marathon's mayor called for more water-bombing planes from the government.",
)


def _check_related(claims: list[Claim]) -> set[tuple[str, str]]:
    """Every related link joins statements of two documents in two claims, listed on both claims."""
    claim_of = {sid: claim.id for claim in claims for sid in claim.statements}
    links = set()
    for claim in claims:
        for link in claim.related:
            assert link.statement in claim.statements
            assert claim_of[link.other] == link.claim != claim.id
            assert link.statement.split(":")[0] != link.other.split(":")[0]
            assert 0.0 <= link.score <= 1.0
            links.add((link.statement, link.other))
    assert {(b, a) for a, b in links} == links  # mirrored
    return links


@pytest.mark.parametrize("spec", ["minilm", "lexical"])
def test_an_overlap_the_claims_cannot_hold_is_a_related_link(spec: str) -> None:
    # Y's headline matches X's headline (one claim) but it also sums up X's lead, which is in the claim
    # of Y's lead: that second overlap is kept as a related link, on both claims.
    claims = align(SPLIT_X + SPLIT_Y, {}, get_embedder(spec))
    assert _claim_of(claims, "x:s0").statements == ("x:s0", "y:s0")
    assert set(_claim_of(claims, "x:s1").statements) >= {"x:s1", "y:s1", "y:s3"}
    links = _check_related(claims)
    assert ("y:s0", "x:s1") in links
    assert all("x:s2" not in link and "y:s2" not in link for link in links)  # unrelated stay unlinked


def test_related_links_are_capped_per_document_and_can_be_turned_off() -> None:
    statements = DOC_A + DOC_B + DOC_C + SPLIT_X + SPLIT_Y
    embedder = get_embedder("minilm")
    claims = align(statements, {}, embedder)
    links = _check_related(claims)
    assert links
    fewer = _check_related(align(statements, {}, embedder, settings=AlignSettings(related_per_document=1)))
    assert fewer <= links  # only each statement's strongest link per document, where outside its claim
    off = align(statements, {}, embedder, settings=AlignSettings(related_per_document=0))
    assert all(not claim.related for claim in off)
    assert [c.statements for c in off] == [c.statements for c in claims]  # grouping is unchanged


def test_a_headline_joins_only_the_claim_it_states() -> None:
    # the headline touches the body sentence's topic (drones, a refused strike) without stating it
    one = statements_of(
        "x",
        "Ruritania still holds some drones but Borduria secretly bans strikes",
        "Officials gave no reason for the decision on Tuesday.",
    )
    two = statements_of(
        "y",
        "Drone row deepens",
        "Ruritania requested at least once to strike a target in Borduria with its drones but was denied, "
        "officials said.",
    )
    statements = one + two
    loose = align(statements, {}, get_embedder("minilm"), settings=AlignSettings(headline_joins=0.0))
    assert "y:s1" in _claim_of(loose, "x:s0").statements  # what the rule is there to stop
    claims = align(statements, {}, get_embedder("minilm"))
    assert _claim_of(claims, "x:s0").statements == ("x:s0",)
    assert any(r.other == "y:s1" for r in _claim_of(claims, "x:s0").related)  # still linked, loosely


def test_a_headline_never_keeps_apart_body_statements_of_one_event() -> None:
    # the headline states what two reports say (200 forced from their homes) but not the third's shorter
    # account of the same flood: joined first, it kept that account out of the claim
    one = statements_of(
        "a",
        "Storm forces 200 Marlow residents from their homes",
        "A powerful storm flooded the coastal town of Marlow on Monday, forcing 200 residents from their "
        "homes.",
    )
    two = statements_of(
        "b",
        "Marlow flooding",
        "Some 200 residents of Marlow were forced from their homes on Monday when a powerful storm flooded "
        "the coastal town.",
    )
    three = statements_of("c", "Weather", "Monday's storm flooded streets across the seaside town of Marlow.")
    claims = align(one + two + three, {}, get_embedder("minilm"))
    claim = _claim_of(claims, "a:s1")
    assert {"a:s1", "b:s1", "c:s1"} <= set(claim.statements)
    # it states what half the other reports' members say: it joins, one loose member does not keep it out
    assert "a:s0" in claim.statements
    # ... but not where it states what only one of three other reports says
    four = statements_of("d", "Coast news", "Floodwater filled the streets of Marlow after Monday's storm.")
    claims = align(one + two + three + four, {}, get_embedder("minilm"))
    assert {"a:s1", "b:s1", "c:s1", "d:s1"} <= set(_claim_of(claims, "a:s1").statements)
    assert _claim_of(claims, "a:s0").statements == ("a:s0",)
    assert any(r.other == "b:s1" for r in _claim_of(claims, "a:s0").related)  # still linked, loosely


def test_each_claim_is_labelled_by_its_gist() -> None:
    one = statements_of(
        "x",
        "Storm batters coast",
        "On Monday, as the storm moved north along the coast and forecasters warned of more rain, it cut "
        "power to 20,000 homes.",
    )
    two = statements_of("y", "Storm hits coast", "The storm cut power to 20,000 homes on Monday.")
    claims = align(one + two, {}, get_embedder("minilm"))
    claim = _claim_of(claims, "x:s1")
    assert claim.statements[0] == "x:s1"  # first in document order ...
    assert claim.gist == "y:s1"  # ... but the gist is the shorter of two equally central statements


def test_a_headline_giving_another_figure_still_joins_the_claim_it_disputes() -> None:
    # each headline states the claim of the other reports' body statements, with another figure: the
    # judge must see the figures side by side, so the figure does not keep it out
    for headline, body, restated in (
        (
            "Landslide kills 9 in Orsk",
            "A landslide killed 17 people in the mountain village of Orsk, officials said.",
            "Officials said 17 people were killed when a landslide hit the mountain village of Orsk.",
        ),
        (
            "Ferry sinks off Lombok, 30 missing",
            "At least 45 passengers are missing after a ferry sank off Lombok on Friday.",
            "A ferry sank off Lombok on Friday and at least 45 passengers are missing.",
        ),
    ):
        one = statements_of("a", headline, "Rescue teams worked through the night with heavy machinery.")
        two = statements_of("b", "Latest", body)
        three = statements_of("c", "Disaster", restated)
        claims = align(one + two + three, {}, get_embedder("minilm"))
        claim = _claim_of(claims, "a:s0")
        assert {"a:s0", "b:s1", "c:s1"} <= set(claim.statements), headline
        pairs = {(p.a, p.b): p for p in claim.pairs}
        # ... and the pairs that differ in the figure are the ones scored lower
        assert pairs[("a:s0", "b:s1")].score < pairs[("b:s1", "c:s1")].score


_DRONE_BODY = statements_of(
    "y",
    "Drone row deepens",
    "The defence ministry has stopped Ruritania from firing its drones at targets across the border since "
    "the spring, officials said.",
    "Talks on the border dispute resumed in Geneva on Monday.",
)


@pytest.mark.parametrize(
    "headline",
    [
        "Borduria has secretly banned Ruritanian drone strikes since the spring, a newspaper reports",
        "Without saying so in public, Borduria has been blocking Ruritania's drone strikes for months",
        "Borduria quietly bars drone strikes by Ruritania",
    ],
)
def test_a_headline_restating_a_shared_claim_summarises_it(headline: str) -> None:
    # the headline does not say what the other report says in its words (it stays out of the claim), but
    # its own body does, and that is reported by both
    own = statements_of(
        "x",
        headline,
        "Borduria's defence ministry has secretly banned Ruritania from launching drone strikes since the "
        "spring, a newspaper reported.",
        "The minister of culture opened a new museum in the capital.",
    )
    claims = align(own + _DRONE_BODY, {}, get_embedder("minilm"))
    shared = _claim_of(claims, "x:s1")
    assert set(shared.statements) == {"x:s1", "y:s1"}
    alone = _claim_of(claims, "x:s0")
    assert alone.statements == ("x:s0",) and alone.verdict is Verdict.UNIQUE
    assert alone.summarises == (shared.id,)
    assert all(not c.summarises for c in claims if c is not alone)


def test_a_headline_restating_what_only_its_report_tells_summarises_nothing() -> None:
    own = statements_of(
        "x",
        "Capital gets a museum of its own at last",
        "The minister of culture opened a new museum in the capital on Saturday.",
        "Borduria's defence ministry has secretly banned Ruritania from launching drone strikes since the "
        "spring, a newspaper reported.",
    )
    claims = align(own + _DRONE_BODY, {}, get_embedder("minilm"))
    assert _claim_of(claims, "x:s1").statements == ("x:s1",)  # the museum: one report only
    assert _claim_of(claims, "x:s0").summarises == ()


# --- quality gate on public gold data (floors sit one gold pair below what we measure; only raise them) ---


def _one_sentence_pair(first: str, second: str) -> list[tuple[str, float]]:
    """(relation, score) of each pair linking two one-sentence reports, as ../shared/eval reads them."""
    from compare import Document, compare_documents

    comparison = compare_documents([Document.from_text(first, id="a"), Document.from_text(second, id="b")])
    return [(p.relation.value, p.score) for claim in comparison.claims for p in claim.pairs]


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda k: values[k])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in order[start : end + 1]:
            ranks[k] = (start + end) / 2.0
        start = end + 1
    return ranks


def _pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5


def _gold_pairs(loader: str) -> list[Any]:
    """Public gold pairs from ../shared/data (bench.gold), or skip where the data is not there."""
    gold = pytest.importorskip("bench.gold")
    try:
        return list(getattr(gold, loader)())
    except FileNotFoundError:
        pytest.skip("gold data not found (set COMPARE_GOLD_DATA)")


@pytest.mark.slow
def test_quality_gate_on_msrp_agreements() -> None:
    pairs = _gold_pairs("load_msrp")
    right = sum(
        any(relation == "agree" for relation, _ in _one_sentence_pair(p.s1, p.s2)) == p.label for p in pairs
    )
    assert len(pairs) == 500
    assert right >= 385  # measured 386 (0.772): 'agree' taken as paraphrase; issue 14's target 380


@pytest.mark.slow
def test_quality_gate_on_sts_headlines() -> None:
    pairs = _gold_pairs("load_sts")
    predicted = [max((s for _, s in _one_sentence_pair(p.s1, p.s2)), default=0.0) for p in pairs]
    spearman = _pearson(_ranks([p.score for p in pairs]), _ranks(predicted))
    assert len(pairs) == 250
    assert spearman >= 0.843  # measured 0.8448: the largest pair score against the gold 0-5 score
