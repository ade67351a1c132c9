"""End to end on the user's two seed reports: what a reader must see in the report."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compare import Comparison, Document, Relation, StatementKind, Verdict, compare_documents
from compare.cli import main
from compare.ingest import load_documents
from compare.model import FindingType

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = datetime(2025, 8, 24, 12, 0, tzinfo=UTC)

# Statements both outlets make in different words: (Defense Express opening, Nhu Tam opening).
SHARED_STATEMENTS = [
    ('The "approval procedure" was developed', "This high-level approval process"),
    ("Under this procedure, the U.S. Defense Secretary", "According to the process, Secretary of Defense"),
    ("The article cites at least one recent case", "Ukraine has requested at least once"),
    ("It is also known that Ukraine still has", "US officials said the last batch"),
    ("According to The Wall Street Journal", "This has prevented Ukraine"),
    # one sentence against two: Nhu Tam says Biden approved the strikes, then "Trump called the move ..."
    ("Notably, Trump himself recently criticized", "President Donald Trump called the move"),
    ("Notably, Trump himself recently criticized", "Before leaving office, former President Joe Biden"),
    # two against one the other way: the secret mechanism, then 'The "approval procedure"' naming it back
    ("The Pentagon has developed a mechanism in secret", "This high-level approval process"),
]


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    documents = [item.document for item in load_documents([SEEDS])]
    return compare_documents(documents, now=NOW)


def _statement_id(comparison: Comparison, document: str, opening: str) -> str:
    matches = [s.id for s in comparison.statements if s.document == document and s.text.startswith(opening)]
    assert len(matches) == 1, (document, opening, matches)
    return matches[0]


def _claim_of(comparison: Comparison, statement_id: str) -> str:
    (claim,) = [c.id for c in comparison.claims if statement_id in c.statements]
    return claim


@pytest.mark.parametrize(("ours", "theirs"), SHARED_STATEMENTS)
def test_statements_made_in_different_words_are_aligned(
    comparison: Comparison, ours: str, theirs: str
) -> None:
    a = _statement_id(comparison, "defense-express", ours)
    b = _statement_id(comparison, "nhu-tam", theirs)
    assert _claim_of(comparison, a) == _claim_of(comparison, b)
    claim = next(c for c in comparison.claims if c.id == _claim_of(comparison, a))
    assert claim.verdict is not Verdict.UNIQUE
    assert any({p.a, p.b} == {a, b} for p in claim.pairs)


def test_captions_credits_read_more_and_bylines_are_not_claims(comparison: Comparison) -> None:
    in_claims = {sid for claim in comparison.claims for sid in claim.statements}
    kinds = {s.id: s.kind for s in comparison.statements}
    non_claims = [sid for sid, kind in kinds.items() if not kind.is_claim]
    assert len(non_claims) >= 14
    assert not in_claims & set(non_claims)
    assert {sid for sid, kind in kinds.items() if kind.is_claim} == in_claims
    assert kinds[_statement_id(comparison, "nhu-tam", "Nhu Tam (According")] is StatementKind.BYLINE


def test_every_claim_statement_is_in_exactly_one_claim(comparison: Comparison) -> None:
    seen: list[str] = [sid for claim in comparison.claims for sid in claim.statements]
    assert len(seen) == len(set(seen))


def test_one_outlet_only_statements_are_unique_with_a_finding(comparison: Comparison) -> None:
    unique_claims = [c for c in comparison.claims if c.verdict is Verdict.UNIQUE]
    assert unique_claims
    kremlin = _statement_id(comparison, "nhu-tam", "However, the Kremlin affirmed")
    assert _claim_of(comparison, kremlin) in {c.id for c in unique_claims}
    flagged = {f.claim for f in comparison.findings if f.type.value == "unique"}
    assert {c.id for c in unique_claims if not c.summarises} <= flagged
    # headlines restating claims both report are not one outlet's only (issue 14, point 3): Defense
    # Express's standfirst on the ban restates its body's WSJ sentence, which Nhu Tam reports too
    standfirst = _statement_id(comparison, "defense-express", "Without any public statement")
    ban = _claim_of(comparison, _statement_id(comparison, "defense-express", "According to The Wall Street"))
    headline = next(c for c in comparison.claims if standfirst in c.statements)
    assert headline.summarises == (ban,) and headline.id not in flagged


def test_disagreements_are_reported_with_quoted_spans(comparison: Comparison) -> None:
    assert comparison.findings
    texts = {d.id: d.text for d in comparison.documents}
    disagreements = [f for f in comparison.findings if f.type.value not in ("unique", "omission")]
    assert disagreements, [f.message for f in comparison.findings]
    for finding in comparison.findings:
        for span in finding.spans:
            assert texts[span.document][span.start : span.end] == span.text


def test_trumps_opposite_stances_are_the_seeds_conflict(comparison: Comparison) -> None:
    # Defense Express: Trump faulted Biden for failing too long to authorise strikes; Nhu Tam: Trump
    # called Biden's authorisation ("the move") a big mistake. The only contradiction between the seeds.
    criticized = _statement_id(comparison, "defense-express", "Notably, Trump himself recently criticized")
    called = _statement_id(comparison, "nhu-tam", "President Donald Trump called the move")
    stance = [f for f in comparison.findings if set(f.statements) == {criticized, called}]
    assert [f.type for f in stance] == [FindingType.POLARITY], [f.message for f in comparison.findings]
    assert "Defense Express has Trump for it, Nhu Tam against it" in stance[0].message
    assert [s.text for s in stance[0].spans][1] == 'called the move "stupid, a big mistake'
    conflicts = [c for c in comparison.claims if c.verdict is Verdict.CONFLICT]
    assert [c.id for c in conflicts] == [_claim_of(comparison, called)]
    # the paraphrased agreements raise nothing stronger than a low note
    assert all(f.severity.value == "low" for f in comparison.findings if f is not stance[0])


def test_json_report_equals_to_dict_and_offsets_hold(tmp_path: Path, comparison: Comparison) -> None:
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "out"), "--quiet", "--now", NOW.isoformat()]) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report == json.loads(json.dumps(comparison.to_dict()))
    texts = {d["id"]: d["text"] for d in report["documents"]}
    for statement in report["statements"]:
        assert texts[statement["document"]][statement["start"] : statement["end"]] == statement["text"]
    for claim in report["claims"]:
        assert claim["verdict"] in {"agree", "partial", "conflict", "unique"}
        for pair in claim["pairs"]:
            assert 0.0 <= pair["score"] <= 1.0 and pair["relation"] in {r.value for r in Relation}
    for finding in report["findings"]:
        assert {"id", "type", "claim", "statements", "message", "severity"} <= finding.keys()


def test_api_from_text_works_without_files() -> None:
    a = Document.from_text(
        "The jet crashed off Bahrain with 143 people on board. Rescuers found no survivors.",
        id="a",
        outlet="CNN",
    )
    b = Document.from_text(
        "An airliner carrying 143 people crashed off Bahrain. Officials said 70 bodies were found.",
        id="b",
        outlet="BBC",
    )
    result = compare_documents([a, b], now=NOW)
    assert result.to_dict()["format"] == 1
    assert {d.label for d in result.documents} == {"CNN", "BBC"}
    assert any(c.verdict is not Verdict.UNIQUE for c in result.claims)


def test_the_headline_is_not_grouped_with_a_statement_it_only_touches(comparison: Comparison) -> None:
    headline = next(
        s
        for s in comparison.statements
        if s.document == "defense-express" and s.kind is StatementKind.HEADLINE
    )
    claim = next(c for c in comparison.claims if headline.id in c.statements)
    assert claim.statements == (headline.id,)
    assert claim.related  # still linked, loosely, to what it touches


def test_claims_are_labelled_by_their_gist_and_agreements_say_who_adds_more(comparison: Comparison) -> None:
    for claim in comparison.claims:
        assert claim.gist in claim.statements
    hegseth = _claim_of(comparison, _statement_id(comparison, "nhu-tam", "According to the process"))
    claim = next(c for c in comparison.claims if c.id == hegseth)
    assert claim.verdict is Verdict.AGREE
    assert all(p.detail is None or p.detail.startswith("same facts") for p in claim.pairs)


def test_agreements_say_what_each_outlet_adds_in_every_format(comparison: Comparison) -> None:
    from compare.render import render

    # the refused request: 'at least one recent case' / 'at least once', each outlet naming its source
    refused = _claim_of(
        comparison, _statement_id(comparison, "nhu-tam", "Ukraine has requested at least once")
    )
    claim = next(c for c in comparison.claims if c.id == refused)
    assert claim.verdict is Verdict.AGREE and claim.detail is not None
    assert claim.detail.startswith("same facts; ") and "“two US officials” (source)" in claim.detail
    ban = _claim_of(comparison, _statement_id(comparison, "nhu-tam", "This has prevented Ukraine"))
    claim = next(c for c in comparison.claims if c.id == ban)
    assert claim.detail is not None and "Nhu Tam adds “23/8” (date)" in claim.detail  # the WSJ date
    note = render(comparison, "md").decode()
    agree = note.split("### Where they agree")[1].split("###")[0]
    assert "Nhu Tam adds “23/8” (date)" in agree and "different words or detail" not in agree
    html = render(comparison, "html").decode()
    assert "Nhu Tam adds “23/8” (date)" in html


def test_no_finding_an_editor_would_dismiss_at_sight(comparison: Comparison) -> None:
    # 'The article cites' / 'two US officials said' is the WSJ article citing its sources
    assert not [f for f in comparison.findings if f.type is FindingType.ATTRIBUTION]
