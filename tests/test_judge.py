"""Judgement: typed findings quoting exact spans, tolerant reading of numbers, few false alarms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from compare.facts import Reading, extract_facts, read_statement
from compare.judge import judge
from compare.model import (
    Claim,
    Document,
    Fact,
    Finding,
    FindingType,
    Pair,
    Relation,
    Severity,
    Statement,
    StatementKind,
    Verdict,
)


@dataclass
class Case:
    """Hand-made documents (one per outlet), their statements and facts."""

    documents: list[Document]
    statements: list[Statement]
    facts: dict[str, list[Fact]]

    def sid(self, outlet: str, index: int = 0) -> str:
        return f"{outlet.lower()}:s{index}"


def readings_of(statements: Sequence[Statement]) -> dict[str, Reading]:
    """What the facts stage reads for the judge, as the pipeline does."""
    return {s.id: read_statement(s) for s in statements}


def make(reports: dict[str, Sequence[str]], published: dict[str, str] | None = None) -> Case:
    documents: list[Document] = []
    statements: list[Statement] = []
    for outlet, sentences in reports.items():
        doc_id = outlet.lower()
        text = ""
        spans = []
        for sentence in sentences:
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence + "\n\n"
        document = Document.from_text(text, id=doc_id, outlet=outlet, published=(published or {}).get(outlet))
        documents.append(document)
        for index, (start, end) in enumerate(spans):
            statements.append(
                Statement(
                    f"{doc_id}:s{index}", doc_id, index, start, end, text[start:end], StatementKind.BODY
                )
            )
    by_id = {d.id: d for d in documents}
    facts = {s.id: extract_facts(s, by_id[s.document]) for s in statements}
    return Case(documents, statements, facts)


def claim(cid: str, *ids: str, relation: Relation = Relation.AGREE) -> Claim:
    docs = tuple(dict.fromkeys(i.split(":")[0] for i in ids))
    pairs = tuple(
        Pair(a, b, 0.8, relation)
        for n, a in enumerate(ids)
        for b in ids[n + 1 :]
        if a.split(":")[0] != b.split(":")[0]
    )
    verdict = Verdict.UNIQUE if len(docs) == 1 else Verdict.PARTIAL
    return Claim(cid, verdict, tuple(ids), pairs, docs)


def run(case: Case, claims: Sequence[Claim]) -> tuple[list[Claim], list[Finding]]:
    return judge(claims, case.statements, case.facts, case.documents, readings_of(case.statements))


def run_apart(case: Case) -> list[Finding]:
    """The findings when alignment kept every statement in a claim of its own."""
    return run(case, [claim(f"c{n}", s.id) for n, s in enumerate(case.statements, 1)])[1]


def pair_of(a: str, b: str, published: dict[str, str] | None = None) -> tuple[Claim, list[Finding]]:
    case = make({"CNN": [a], "MSNBC": [b]}, published)
    claims, findings = run(case, [claim("c1", "cnn:s0", "msnbc:s0")])
    for finding in findings:
        for span in finding.spans:
            document = next(d for d in case.documents if d.id == span.document)
            assert document.text[span.start : span.end] == span.text
    return claims[0], findings


def test_number_conflict_quotes_both_sides_and_names_outlets() -> None:
    judged, findings = pair_of(
        "The fire broke out on the 26th floor of the tower.",
        "The fire broke out on the 25th floor of the tower.",
    )
    assert [f.type for f in findings] == [FindingType.NUMBER]
    finding = findings[0]
    assert "CNN: '26th floor' — MSNBC: '25th floor'" in finding.message
    assert finding.severity is Severity.HIGH and finding.id == "f1" and finding.claim == "c1"
    assert [s.text for s in finding.spans] == ["26th floor", "25th floor"]
    assert judged.pairs[0].relation is Relation.CONFLICT and judged.verdict is Verdict.CONFLICT


def test_numbers_read_with_journalists_tolerance() -> None:
    for a, b in [
        ("The missile has a range of about 300 km.", "The missile has a range of 300 km."),
        ("The wreck was found 50 miles off the coast.", "The wreck was found 80 km off the coast."),
        ("At least 143 people were on board the jet.", "143 people were on board the jet."),
    ]:
        judged, findings = pair_of(a, b)
        assert findings == [], (a, b, findings)
        assert judged.verdict is Verdict.AGREE


def test_different_floors_of_a_bound_conflict() -> None:
    _, findings = pair_of(
        "At least 15 people were killed in the blast.", "At least 30 people were killed in the blast."
    )
    assert [f.type for f in findings] == [FindingType.NUMBER]


def test_rising_counts_note_possible_updates() -> None:
    _, findings = pair_of(
        "More than 130 bodies are reported to have been recovered.",
        "More than 70 bodies have been recovered, officials said.",
        {"CNN": "2000-08-24T00:37", "MSNBC": "2000-08-23T14:47"},
    )
    assert len(findings) == 1 and findings[0].type is FindingType.NUMBER
    assert findings[0].note and "successive updates" in findings[0].note
    assert "'More than 130 bodies'" in findings[0].message


def test_time_conflict() -> None:
    _, findings = pair_of(
        "The plane crashed at 7:30 p.m. local time.", "The plane crashed at 5:50 p.m. local time."
    )
    assert [f.type for f in findings] == [FindingType.TIME_DATE]
    assert [s.text for s in findings[0].spans] == ["7:30 p.m. local time", "5:50 p.m. local time"]


def test_place_conflict() -> None:
    judged, findings = pair_of(
        "The small plane departed from Lucerne on Sunday morning.",
        "The small plane had taken off from Locarno on Sunday morning.",
    )
    assert [f.type for f in findings] == [FindingType.ENTITY]
    assert [s.text for s in findings[0].spans] == ["from Lucerne", "from Locarno"]
    assert judged.verdict is Verdict.CONFLICT


def test_polarity_conflict() -> None:
    judged, findings = pair_of(
        "Police said it was very probably a terrorist attack.",
        "We believe it isn't a terrorist attack, the minister said.",
    )
    assert FindingType.POLARITY in [f.type for f in findings]
    assert judged.pairs[0].relation is Relation.CONFLICT


def test_hedge_against_assertion_is_partial_not_conflict() -> None:
    judged, findings = pair_of(
        "The minister apparently resigned on Monday.", "The minister resigned on Monday."
    )
    assert [(f.type, f.severity) for f in findings] == [(FindingType.CERTAINTY, Severity.LOW)]
    assert judged.pairs[0].relation is Relation.PARTIAL and judged.verdict is Verdict.PARTIAL


def test_two_named_sources_for_one_claim_corroborate_it() -> None:
    for a, b in [
        (
            "Ukraine requested an ATACMS strike but was denied, according to The Wall Street Journal.",
            "Ukraine requested an ATACMS strike but was denied, two US officials said.",
        ),
        (
            "The ferry sank after hitting rocks, the navy said.",
            "The ferry sank after hitting rocks, the Defence Ministry said.",
        ),
        (
            "The suspect was arrested at dawn, police said.",
            "The suspect was arrested at dawn, the Metropolitan Police said in a statement.",
        ),
        (
            "Turnout was 61 percent, the election commission said.",
            "Turnout was 61 percent, according to Governor Ana Ruiz.",
        ),
    ]:
        judged, findings = pair_of(a, b)
        assert findings == [], (a, b, findings)
        assert judged.verdict is Verdict.AGREE


def test_an_unnamed_source_against_a_named_one_is_noted() -> None:
    for unnamed in (
        "sources familiar with the talks said",
        "an official who asked not to be named said",
        "according to people familiar with the matter",
        "a source close to the company said",
        "two officials speaking on condition of anonymity said",
    ):
        a = f"The merger talks collapsed on Friday, {unnamed}."
        b = "The merger talks collapsed on Monday, the company's chief executive Lena Marsh said."
        _, findings = pair_of(a, b)
        attribution = [f for f in findings if f.type is FindingType.ATTRIBUTION]
        assert [f.severity for f in attribution] == [Severity.LOW], unnamed
        assert "rests it on an unnamed source" in attribution[0].message and "Marsh" in attribution[0].message
        # the same day on both sides: the chief executive corroborates the unnamed source
        _, agreed = pair_of(a, b.replace("Monday", "Friday"))
        assert [f for f in agreed if f.type is FindingType.ATTRIBUTION] == [], unnamed


def test_paraphrases_and_extra_detail_raise_nothing() -> None:
    for a, b in [
        (
            "Under this procedure, the U.S. Defense Secretary, Pete Hegseth, "
            "has full authority to block strikes.",
            "According to the process, Secretary of Defense Pete Hegseth has the final say on strikes.",
        ),
        (
            "The plane crashed into the sea.",
            "The plane crashed into the sea off Bahrain on Wednesday, killing 143.",
        ),
        ("The Pentagon did not comment.", "The U.S. Department of Defense did not comment on the report."),
    ]:
        _, findings = pair_of(a, b)
        assert findings == [], (a, b, findings)


def test_unique_omission_and_order() -> None:
    case = make(
        {
            "CNN": ["The jet crashed off Bahrain.", "Officials blamed the weather."],
            "BBC": ["The jet crashed off Bahrain."],
            "ABC": ["The jet crashed off Bahrain.", "The fire started on the 26th floor."],
            "MSNBC": ["The fire started on the 25th floor."],
        }
    )
    claims = [
        claim("c1", "cnn:s0", "bbc:s0", "abc:s0"),
        claim("c2", "cnn:s1"),
        claim("c3", "abc:s1", "msnbc:s0"),
    ]
    judged, findings = run(case, claims)
    assert [c.verdict for c in judged] == [Verdict.AGREE, Verdict.UNIQUE, Verdict.CONFLICT]
    summary = [(f.id, f.type, f.claim) for f in findings]
    assert summary == [("f1", FindingType.NUMBER, "c3"), ("f2", FindingType.UNIQUE, "c2")]
    assert findings[1].message.startswith("Only CNN reports this:")
    # the one report leaving out what all others carry is said with the claim, not raised as a finding
    assert judged[0].detail is not None and judged[0].detail.endswith("; not in MSNBC")


def test_internal_contradiction_in_one_report() -> None:
    case = make(
        {
            "CNN": [
                "143 people were on board the Gulf Air jet.",
                "In all, 141 people were on board the jet.",
            ],
            "BBC": ["The jet crashed."],
        }
    )
    findings = run_apart(case)
    internal = [f for f in findings if f.type is FindingType.INTERNAL]
    assert len(internal) == 1 and internal[0].statements == ("cnn:s0", "cnn:s1")
    assert [s.text for s in internal[0].spans] == ["143 people", "141 people"]


def test_pronoun_source_is_taken_from_the_sentence_before() -> None:
    def findings_for(first: str) -> list[Finding]:
        case = make(
            {
                "Herald": [f"{first} said the crew had reported no technical problems."],
                "Courier": [
                    "Mira Okafor, a spokeswoman for the airline, said it was too early to speculate.",
                    "But she said the crew had reported technical problems.",
                ],
            }
        )
        _, findings = run(case, [claim("c1", "herald:s0", "courier:s1"), claim("c2", "courier:s0")])
        return [f for f in findings if f.type is FindingType.ATTRIBUTION]

    # 'she' is the named spokeswoman: against an unnamed source that is a finding, and the note says who
    attribution = findings_for("A source at the airline")
    assert len(attribution) == 1 and attribution[0].note and "Mira Okafor" in attribution[0].note
    # against another named person it is corroboration, not a finding
    assert findings_for("The airline's chief pilot, Tomas Reyes,") == []


def test_very_few_left_is_a_low_partial_not_a_conflict() -> None:
    judged, findings = pair_of(
        "It is also known that Ukraine still has a remaining stock of ATACMS.",
        "Kyiv has very few of these missiles left, US officials said.",
    )
    assert [(f.type, f.severity) for f in findings] == [(FindingType.NUMBER, Severity.LOW)]
    assert findings[0].spans[1].text == "very few of these missiles"
    assert judged.verdict is Verdict.PARTIAL


# --- the seeds: the statements both outlets make, hand-paired as alignment should pair them ---------

SEED_PAIRS = {
    "approval": ('The "approval procedure" was developed', "This high-level approval process"),
    "final say": ("Under this procedure, the U.S. Defense Secretary", "According to the process, Secretary"),
    "refused": ("The article cites at least one recent case", "Ukraine has requested at least once"),
    "stock": ("It is also known that Ukraine still has", "US officials said the last batch"),
    "since spring": ("According to The Wall Street Journal", "This has prevented Ukraine"),
    "two months": ("Without any public statement", "This has prevented Ukraine"),
    "trump": ("Notably, Trump himself recently criticized", "President Donald Trump called the move"),
}


def seed_findings() -> dict[str, list[Finding]]:
    from pathlib import Path

    from compare.ingest import load_documents
    from compare.segment import segment

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    documents = [loaded.document for loaded in load_documents(seeds)]
    statements = [s for d in documents for s in segment(d)]
    by_id = {d.id: d for d in documents}
    facts = {s.id: extract_facts(s, by_id[s.document]) for s in statements if s.kind.is_claim}

    def find(prefix: str) -> str:
        return next(s.id for s in statements if s.kind.is_claim and s.text.startswith(prefix))

    names = list(SEED_PAIRS)
    claims = [claim(f"c{n}", find(a), find(b)) for n, (a, b) in enumerate(SEED_PAIRS.values(), start=1)]
    _, findings = judge(claims, statements, facts, documents, readings_of(statements))
    return {name: [f for f in findings if f.claim == f"c{n}"] for n, name in enumerate(names, start=1)}


def test_seed_disagreements_show_and_paraphrases_stay_quiet() -> None:
    found = seed_findings()
    types = {name: [f.type for f in fs] for name, fs in found.items()}
    assert types["approval"] == [] and types["final say"] == [] and types["trump"] == []
    assert types["since spring"] == []  # both say "since late spring", both credit the WSJ
    # 'The article cites' / 'two US officials said': the WSJ article citing its sources, one chain
    assert types["refused"] == []
    # 'banning ... for at least two months' / 'prevented ... from firing ... since late spring': spans of
    # two verbs, which may be two acts; agreeing, they were a low note, now no finding
    # (tests/test_judge_durations.py: 'walked for seven days' / 'fighting since June')
    assert FindingType.TIME_DATE not in types["two months"]
    assert types["stock"] == [FindingType.NUMBER]
    assert all(f.severity is Severity.LOW for fs in found.values() for f in fs)


def test_judging_works_without_a_spacy_model() -> None:
    from compare.facts import nlp

    nlp.disable_for_tests()
    try:
        judged, findings = pair_of(
            "At least 15 people were killed in the blast.", "At least 30 people died in the blast."
        )
        assert [f.type for f in findings] == [FindingType.NUMBER]
        assert judged.verdict is Verdict.CONFLICT
        _, quiet = pair_of("The missile has a range of about 300 km.", "The missile has a range of 300 km.")
        assert quiet == []
    finally:
        nlp.reset()


def test_two_reports_from_one_outlet_are_told_apart() -> None:
    a = Document.from_text("The jet crashed.", id="b1", outlet="AFP")
    b = Document.from_text("The jet crashed.", id="b3", outlet="AFP")
    c = Document.from_text("The jet crashed.", id="u", outlet="UPI")
    statements = [
        Statement(f"{d.id}:s0", d.id, 0, 0, 16, "The jet crashed.", StatementKind.BODY) for d in (a, b, c)
    ]
    facts = {s.id: extract_facts(s, next(d for d in (a, b, c) if d.id == s.document)) for s in statements}
    judged, _ = judge([claim("c1", "b1:s0", "u:s0")], statements, facts, [a, b, c], readings_of(statements))
    assert judged[0].detail is not None and judged[0].detail.endswith("; not in AFP (b3)")


# --- quality gate on public gold data (floors sit one gold pair below what we measure; only raise them) ---


def test_quality_gate_on_cstbank_contradictions() -> None:
    import pytest

    gold = pytest.importorskip("bench.gold")
    evaluation = pytest.importorskip("bench.evaluate_findings")
    if "gulfair11" not in gold.cstbank_cluster_names():
        pytest.skip("CSTBank gold data not found (set COMPARE_GOLD_DATA)")
    score = evaluation.evaluate_pairs(gold.load_cstbank("gulfair11"))
    assert score.gold == 5
    # measured 0.40: two of the five were covered only by "attributed to different sources" findings on
    # the contradicting pairs, which said nothing of the contradiction; those findings are gone
    assert score.recall_any >= 0.4
    assert score.recall_conflict >= 0.2  # measured 0.40 (2 of 5 raised as conflicts)
    assert score.raised <= 4  # measured 2: few false alarms among 300+ related pairs
    # measured 2: "more than 130" vs "more than 70 bodies"; "did not make any statements of problems"
    # vs "reports from the pilot indicated a fire"
    assert score.raised_correct >= 1


def test_quality_gate_on_msrp_paraphrases() -> None:
    import pytest

    gold = pytest.importorskip("bench.gold")
    evaluation = pytest.importorskip("bench.evaluate_findings")
    try:
        gold.load_msrp()
    except FileNotFoundError:
        pytest.skip("MSRP gold data not found (set COMPARE_GOLD_DATA)")
    paraphrases, false_alarms, _, _ = evaluation.evaluate_msrp()
    assert paraphrases == 346
    assert false_alarms <= 9  # measured 6 (1.7%): mostly real differences in figures between paraphrases


def test_soft_findings_only_on_each_statements_closest_pair() -> None:
    case = make(
        {
            "CNN": ["The minister apparently resigned on Monday."],
            "BBC": [
                "The minister resigned on Monday.",
                "Officials said the minister resigned over the budget.",
            ],
        }
    )
    pairs = (
        Pair("cnn:s0", "bbc:s0", 0.9, Relation.AGREE),
        Pair("cnn:s0", "bbc:s1", 0.3, Relation.PARTIAL),
    )
    big = Claim("c1", Verdict.PARTIAL, ("cnn:s0", "bbc:s0", "bbc:s1"), pairs, ("cnn", "bbc"))
    judged, findings = run(case, [big])
    assert [(f.type, f.statements) for f in findings] == [(FindingType.CERTAINTY, ("cnn:s0", "bbc:s0"))]
    assert judged[0].pairs[1].relation is Relation.PARTIAL


def test_an_outlets_own_assessment_is_named_as_such() -> None:
    case = make(
        {
            "Defense Express": [
                "Defense Express cautiously assumes that the ban was introduced in May to please Trump."
            ],
            "Kyiv Post": ["The ban was introduced in June to please Trump, two US officials said."],
        }
    )
    _, findings = run(case, [claim("c1", "defense express:s0", "kyiv post:s0")])
    attribution = [f for f in findings if f.type is FindingType.ATTRIBUTION]
    assert attribution and attribution[0].note == "'Defense Express' is Defense Express's own assessment"
    assert "Defense Express gives it as its own assessment" in attribution[0].message


def test_figures_for_the_same_thing_are_caught_across_claims() -> None:
    case = make(
        {
            "BBC": ["More than 130 bodies are reported to have been recovered after the crash."],
            "ABC": [
                '"More than 70 bodies, most of them of children, have been recovered," an official told TV.',
                "Three helicopters joined the search.",
            ],
        }
    )
    findings = run_apart(case)
    numbers = [f for f in findings if f.type is FindingType.NUMBER]
    assert len(numbers) == 1 and set(numbers[0].statements) == {"bbc:s0", "abc:s0"}
    assert numbers[0].note and "not aligned" in numbers[0].note


def test_a_title_stands_for_the_person_named_with_it_elsewhere() -> None:
    reports = {
        "KP": ["The Defense Secretary said Ukraine was denied a strike."],
        "NT": ["Ukraine was denied a strike, Hegseth said."],
    }
    named = {"DE": ["Under this procedure, the U.S. Defense Secretary, Pete Hegseth, has full authority."]}
    _, unknown = run(make(reports), [claim("c1", "kp:s0", "nt:s0")])
    assert unknown == []  # a title and a surname: both named sources, whoever the Secretary is
    _, known = run(make({**reports, **named}), [claim("c1", "kp:s0", "nt:s0"), claim("c2", "de:s0")])
    assert [f.type for f in known if f.claim == "c1"] == []


def test_a_publication_and_the_sources_it_cites_are_one_chain() -> None:
    for relay in ("The article cites", "The newspaper reported", "The report said"):
        _, findings = pair_of(
            f"{relay} a case where the city asked for federal help but was refused.",
            "The city asked for federal help but was refused, two state officials said.",
        )
        assert [f.type for f in findings] == [], relay


def test_the_same_facts_with_more_detail_agree_and_say_who_adds_more() -> None:
    judged, findings = pair_of(
        "Under the plan, Finance Minister Anna Berg has full authority to veto spending by Norcastle "
        "council, not only on roads but also on schools.",
        "Under the plan, Finance Minister Anna Berg has the final say over Norcastle council spending.",
    )
    assert findings == []
    assert judged.pairs[0].relation is Relation.AGREE
    assert judged.pairs[0].detail is not None and judged.pairs[0].detail.startswith("same facts")


def _detail_of(a: str, b: str, relation: Relation) -> Claim:
    case = make({"CNN": [a], "MSNBC": [b]}, {"CNN": "2024-06-20", "MSNBC": "2024-06-21"})
    claims, findings = run(case, [claim("c1", "cnn:s0", "msnbc:s0", relation=relation)])
    assert findings == []
    return claims[0]


def test_a_claim_says_in_words_what_each_outlet_adds() -> None:
    judged = _detail_of(
        "The council closed the Elm Street bridge after inspectors found cracks, the mayor's office said.",
        "The Elm Street bridge was closed on 14 March after inspectors found cracks in two of its supports.",
        Relation.AGREE,
    )
    assert judged.detail == judged.pairs[0].detail
    assert judged.detail is not None and judged.detail.startswith("same facts; ")
    assert "CNN adds “the mayor's office” (source)" in judged.detail
    assert "MSNBC adds “14 March” (date), “two” (figure)" in judged.detail


def test_a_partial_overlap_is_said_to_be_in_part() -> None:
    statements = (
        "Police evacuated 300 residents from the tower on Tuesday.",
        "The tower's residents were evacuated, and the fire crews stayed until late evening, police said.",
    )
    case = make({"CNN": [statements[0]], "MSNBC": [statements[1]]})
    pair = Pair("cnn:s0", "msnbc:s0", 0.2, Relation.PARTIAL)  # too loose a link to call the same facts
    loose = Claim("c1", Verdict.PARTIAL, ("cnn:s0", "msnbc:s0"), (pair,), ("cnn", "msnbc"))
    claims, _ = run(case, [loose])
    assert claims[0].verdict is Verdict.PARTIAL
    assert claims[0].detail == (
        "in part; MSNBC also says “the fire crews stayed until late evening”; "
        "CNN adds “300” (figure), “Tuesday” (date)"
    )


def test_what_the_other_outlet_tells_in_its_own_words_is_not_an_addition() -> None:
    for a, b in [
        # a name shortened, a figure rounded, a date given with its year, the source named the same
        ("Mayor Ana Ruiz said the bridge would stay shut.", "Ruiz said the bridge would remain closed."),
        ("About 300 people were evacuated, police said.", "Police evacuated 300 people."),
        ("The bridge reopened on 14 March.", "The bridge reopened on March 14, 2024."),
        ("The WSJ reported the ban.", "The Wall Street Journal reported the ban."),
    ]:
        judged = _detail_of(a, b, Relation.AGREE)
        assert judged.detail is None or "adds “" not in judged.detail, (a, b, judged.detail)


def test_a_disputed_claim_is_not_described_as_the_same_facts() -> None:
    judged, findings = pair_of(
        "The fire broke out on the 26th floor of the tower.",
        "The fire broke out on the 25th floor of the tower.",
    )
    assert findings and judged.detail is None and judged.pairs[0].detail is None


def test_the_judge_never_goes_back_to_the_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    from compare.facts import nlp

    case = make(
        {
            "CNN": ["The ministry confirmed that 12 people were killed in Lyon on Tuesday."],
            "BBC": ["The ministry denied that 14 people were killed in Marseille on Wednesday."],
        }
    )
    readings = readings_of(case.statements)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the judge parsed a statement")

    monkeypatch.setattr(nlp, "parse", refuse)
    _, findings = judge(
        [claim("c1", "cnn:s0", "bbc:s0")], case.statements, case.facts, case.documents, readings
    )
    assert {f.type for f in findings} >= {FindingType.NUMBER, FindingType.TIME_DATE, FindingType.POLARITY}


# A clause of its own that the other statement does not touch is a statement it does not make: the two
# agree only in part, and the detail quotes it.
_ADDED_CLAUSES = [
    # coordinated
    (
        "The minister will visit Paris on Monday.",
        "The minister will visit Paris on Monday and then fly to Berlin for talks with bankers.",
        "then fly to Berlin for talks with bankers",
    ),
    # relative
    (
        "The mayor opened the new bridge on Friday.",
        "The mayor, who faces reelection in November, opened the new bridge on Friday.",
        "who faces reelection in November",
    ),
    # adverbial
    (
        "Shares of the airline fell sharply in early trading.",
        "Shares of the airline fell sharply in early trading after regulators opened an inquiry into "
        "its safety records.",
        "after regulators opened an inquiry into its safety records",
    ),
    # adverbial, first
    (
        "The club sacked its coach on Sunday.",
        "Having lost six matches in a row, the club sacked its coach on Sunday.",
        "Having lost six matches in a row",
    ),
]


@pytest.mark.parametrize(("short", "long", "added"), _ADDED_CLAUSES)
def test_a_clause_only_one_side_tells_makes_the_agreement_partial(short: str, long: str, added: str) -> None:
    for a, b, adder in ((short, long, "MSNBC"), (long, short, "CNN")):
        judged, findings = pair_of(a, b)
        assert findings == [], (a, b)
        assert judged.pairs[0].relation is Relation.PARTIAL, (a, b)
        assert judged.verdict is Verdict.PARTIAL
        detail = judged.pairs[0].detail
        assert detail is not None and detail.startswith(f"in part; {adder} also says “{added}”"), detail


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # details on what both say: names, a time of day, a modifier
        (
            "The mayor opened the bridge on Friday.",
            "Mayor Ana Ruiz opened the new steel bridge on Friday morning.",
        ),
        # a relative clause that only describes (no verb of its own)
        (
            "The mayor, who is a Democrat, opened the bridge on Friday.",
            "The mayor opened the bridge on Friday.",
        ),
        # both tell the second clause, in other words
        (
            "Flooding closed the main road and schools stayed shut.",
            "Flooding closed the main road; the schools also stayed shut.",
        ),
        # a participle describing a noun, not a statement of its own
        (
            "The ministry banned exports of drones containing foreign parts.",
            "The ministry banned the export of drones.",
        ),
        # too short to be a statement of its own
        ("The team won the final, and fans cheered.", "The team won the final."),
    ],
)
def test_what_only_describes_or_is_told_by_both_keeps_the_agreement(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        judged, findings = pair_of(x, y)
        assert findings == [], (x, y)
        assert judged.pairs[0].relation is Relation.AGREE, (x, y)


def test_a_fact_inside_the_quoted_clause_is_not_named_again() -> None:
    judged, _ = pair_of(
        "Rescuers pulled two survivors from the rubble of the hotel.",
        "Rescuers pulled two survivors from the rubble of the hotel, which collapsed after the Monday "
        "earthquake.",
    )
    detail = judged.pairs[0].detail
    assert detail == "in part; MSNBC also says “which collapsed after the Monday earthquake”", detail


def test_a_report_in_another_language_is_not_said_to_add_a_clause() -> None:
    # its words never match the English report's, so every clause would look new: the rule reads
    # English only (compare.language)
    english = "The minister will visit Paris on Monday."
    dutch = "De minister bezoekt maandag Parijs, waar hij bankiers ontmoet die een akkoord verwachten."
    documents, statements = [], []
    for outlet, text, language in (("CNN", english, "en"), ("NOS", dutch, "nl")):
        doc_id = outlet.lower()
        documents.append(Document.from_text(text, id=doc_id, outlet=outlet, language=language))
        statements.append(Statement(f"{doc_id}:s0", doc_id, 0, 0, len(text), text, StatementKind.BODY))
    facts = {s.id: extract_facts(s, d) for s, d in zip(statements, documents, strict=True)}
    claims, _ = judge(
        [claim("c1", "cnn:s0", "nos:s0")], statements, facts, documents, readings_of(statements)
    )
    detail = claims[0].pairs[0].detail or ""
    assert "also says" not in detail, detail


def test_two_acts_met_by_alignment_are_no_dispute_when_each_report_gives_both_values() -> None:
    for first, second, (value, other) in [
        ("He was charged on March 3.", "He was first arrested on February 20.", ("March 3", "February 20")),
        (
            "The first quake was 5.2 in magnitude.",
            "A second quake of 6.1 followed an hour later.",
            ("5.2", "6.1"),
        ),
        ("The bridge opened on Monday.", "The tunnel opened on Thursday.", ("Monday", "Thursday")),
    ]:
        case = make({"Herald": [first, second], "Courier": [second, first]})
        # alignment joined each report's first statement with the other's
        mixed = [claim("c1", "herald:s0", "courier:s0"), claim("c2", "herald:s1", "courier:s1")]
        _, findings = run(case, mixed)
        disputes = [f for f in findings if f.type in (FindingType.NUMBER, FindingType.TIME_DATE)]
        assert disputes == [], (first, second, disputes)
        # a report that gives another value for the same act still disputes it
        alone = make({"Herald": [first, second], "Courier": [first.replace(value, other), second]})
        both = [claim("c1", "herald:s0", "courier:s0"), claim("c2", "herald:s1", "courier:s1")]
        _, findings = run(alone, both)
        assert any(f.type in (FindingType.NUMBER, FindingType.TIME_DATE) for f in findings), (first, second)


def test_an_outlet_known_by_its_web_address_names_itself_as_a_source() -> None:
    case = make(
        {
            "harbourtimes.com": ["Harbour Times reported that the ferry service will end in May."],
            "Coast Radio": ["The ferry service will end in July, port officials said."],
        }
    )
    _, findings = run(case, [claim("c1", "harbourtimes.com:s0", "coast radio:s0")])
    attribution = [f for f in findings if f.type is FindingType.ATTRIBUTION]
    assert attribution and "harbourtimes.com gives it as its own assessment" in attribution[0].message
    # the same month on both sides: the port officials corroborate the paper's own reporting
    agreed = make(
        {
            "harbourtimes.com": ["Harbour Times reported that the ferry service will end in May."],
            "Coast Radio": ["The ferry service will end in May, port officials said."],
        }
    )
    _, findings = run(agreed, [claim("c1", "harbourtimes.com:s0", "coast radio:s0")])
    assert [f for f in findings if f.type is FindingType.ATTRIBUTION] == []
