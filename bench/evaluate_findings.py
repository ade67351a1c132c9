"""Evaluate discrepancy findings on the public CSTBank clusters: contradiction recall and conflict precision.

Two modes, both printed per cluster:
  pairs     every cross-document gold pair that alignment should link (a CST type in
            bench.gold.RELATED_TYPES: agreement, partial or contradiction) is judged as a two-statement
            claim (tests judge() alone, independent of alignment); precision is exact over those pairs.
  pipeline  the cluster goes through compare_documents(); statements are mapped to gold sentences by
            span overlap; precision is a lower bound (judges did not link every related pair).

Recall counts a gold Contradiction pair as found when a conflict relation or any finding covers both
statements ("any"), and separately when a conflict relation or a conflicting finding does ("conflict").
Precision is over the pairs we mark conflict, and only on fully judged clusters (gulfair11): the mds_*
clusters were judged for Subsumption only, so a conflict raised there cannot be scored (it is counted
in "raised" for inspection).

  msrp      MSRP paraphrase pairs judged one by one: how often a paraphrase is called a conflict.

Run from the repository root:  python -m bench.evaluate_findings [--mode pairs|pipeline|msrp|both]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.gold import Cluster, GoldPair, cstbank_cluster_names, load_cstbank
from compare.facts import extract_facts, read_statement
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

CONFLICT_TYPES = frozenset(
    {
        FindingType.NUMBER,
        FindingType.TIME_DATE,
        FindingType.ENTITY,
        FindingType.POLARITY,
        FindingType.INTERNAL,
    }
)
SentKey = tuple[str, int]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one cluster and mode."""

    gold: int
    found_any: int
    found_conflict: int
    raised: int
    raised_correct: int
    findings: int

    @property
    def recall_any(self) -> float:
        return self.found_any / self.gold if self.gold else float("nan")

    @property
    def recall_conflict(self) -> float:
        return self.found_conflict / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.raised_correct / self.raised if self.raised else float("nan")


def _conflicting(finding: Finding) -> bool:
    """A finding that says the two statements cannot both be true."""
    return finding.type in CONFLICT_TYPES and finding.severity is not Severity.LOW


def _is_contradiction(pair: GoldPair) -> bool:
    return "contradiction" in pair.coarse_labels or pair.coarse_label == "contradiction"


def _documents(cluster: Cluster) -> dict[str, Document]:
    return {d.id: d for d in cluster.to_documents()}  # type: ignore[attr-defined]


def _gold_statements(cluster: Cluster) -> dict[SentKey, Statement]:
    out: dict[SentKey, Statement] = {}
    for doc in cluster.documents:
        for index, s in enumerate(doc.sentences):
            out[(doc.id, s.sno)] = Statement(
                id=f"{doc.id}:s{index}",
                document=doc.id,
                index=index,
                start=s.start,
                end=s.end,
                text=s.text,
                kind=StatementKind.HEADLINE if s.headline else StatementKind.BODY,
            )
    return out


def _score(
    gold: Sequence[GoldPair],
    to_statement: dict[SentKey, str],
    claims: Sequence[Claim],
    findings: Sequence[Finding],
) -> Score:
    conflicts = {frozenset((p.a, p.b)) for c in claims for p in c.pairs if p.relation is Relation.CONFLICT}
    # conflicting findings between statements of different reports count as raised conflicts too
    # (those across claims set no pair relation); low ones ("the time span is told differently",
    # "only X says the amount is small") leave a pair partial and are not conflicts
    conflicts |= {
        frozenset(f.statements)
        for f in findings
        if _conflicting(f)
        and len(set(f.statements)) == 2
        and len({s.split(":s")[0] for s in f.statements}) == 2
    }
    any_cover = [set(f.statements) for f in findings]
    conflict_cover = [set(f.statements) for f in findings if _conflicting(f)]
    gold_keys = set()
    found_any = found_conflict = 0
    contradictions = [p for p in gold if _is_contradiction(p) and not p.same_document]
    for p in contradictions:
        sa, sb = to_statement.get((p.a_doc, p.a_sno)), to_statement.get((p.b_doc, p.b_sno))
        if sa is None or sb is None:
            continue
        key = frozenset((sa, sb))
        gold_keys.add(key)
        hit_conflict = key in conflicts or any(key <= c for c in conflict_cover)
        hit_any = hit_conflict or any(key <= c for c in any_cover)
        found_conflict += hit_conflict
        found_any += hit_any
    return Score(
        gold=len(contradictions),
        found_any=found_any,
        found_conflict=found_conflict,
        raised=len(conflicts),
        raised_correct=len(conflicts & gold_keys),
        findings=len(findings),
    )


def evaluate_pairs(cluster: Cluster, verbose: bool = False) -> Score:
    """Judge each judged cross-document gold pair as its own two-statement claim."""
    documents = _documents(cluster)
    statements = _gold_statements(cluster)
    facts: dict[str, list[Fact]] = {
        s.id: extract_facts(s, documents[s.document]) for s in statements.values()
    }
    claims: list[Claim] = []
    pairs = [p for p in cluster.pairs if not p.same_document and p.related]
    for n, p in enumerate(pairs, start=1):
        a, b = statements[(p.a_doc, p.a_sno)], statements[(p.b_doc, p.b_sno)]
        claims.append(
            Claim(
                id=f"c{n}",
                verdict=Verdict.PARTIAL,
                statements=(a.id, b.id),
                pairs=(Pair(a=a.id, b=b.id, score=1.0, relation=Relation.PARTIAL),),
                documents=(a.document, b.document),
            )
        )
    readings = {s.id: read_statement(s) for s in statements.values()}
    judged, findings = judge(claims, list(statements.values()), facts, list(documents.values()), readings)
    # unique/omission/internal are about coverage, not about the judged pair
    pair_findings = [f for f in findings if f.type not in (FindingType.UNIQUE, FindingType.OMISSION)]
    if verbose:
        _show(judged, pair_findings, statements, cluster)
    to_statement = {k: s.id for k, s in statements.items()}
    return _score(cluster.pairs, to_statement, judged, pair_findings)


def evaluate_pipeline(cluster: Cluster, embedder: str) -> Score:
    """Run the whole pipeline on the cluster's reports and map statements to gold sentences."""
    from compare.options import Options
    from compare.pipeline import compare_documents

    documents = list(_documents(cluster).values())
    comparison = compare_documents(documents, options=Options(embedder=embedder))
    to_statement: dict[SentKey, str] = {}
    for doc in cluster.documents:
        mine = [s for s in comparison.statements if s.document == doc.id]
        for sent in doc.sentences:
            best, best_overlap = None, 0
            for s in mine:
                overlap = min(s.end, sent.end) - max(s.start, sent.start)
                if overlap > best_overlap:
                    best, best_overlap = s.id, overlap
            if best is not None and best_overlap >= 0.5 * (sent.end - sent.start):
                to_statement[(doc.id, sent.sno)] = best
    return _score(cluster.pairs, to_statement, comparison.claims, comparison.findings)


def _show(
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    statements: dict[SentKey, Statement],
    cluster: Cluster,
) -> None:
    """Print conflicts with their gold label, for error analysis."""
    gold = {}
    for p in cluster.pairs:
        a, b = statements[(p.a_doc, p.a_sno)].id, statements[(p.b_doc, p.b_sno)].id
        gold[frozenset((a, b))] = "/".join(sorted(set(p.coarse_labels) or {p.coarse_label}))
    for f in findings:
        print(
            f"  [{f.type.value}/{f.severity.value}] "
            f"gold={gold.get(frozenset(f.statements), '-')}: {f.message}"
        )


def _fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:5.2f}"


def evaluate_msrp() -> tuple[int, int, int, int]:
    """False alarms on paraphrases: MSRP pairs judged one by one; returns (paraphrases, conflicts on them,
    non-paraphrases, conflicts on them)."""
    from bench.gold import load_msrp

    rows = load_msrp()
    conflicted: list[bool] = []
    for n, row in enumerate(rows, start=1):
        # each pair is a comparison of its own: two one-sentence reports of one story
        documents: list[Document] = []
        statements: list[Statement] = []
        for side, text in (("a", row.s1), ("b", row.s2)):
            doc_id = f"m{n}{side}"
            documents.append(Document.from_text(text, id=doc_id, outlet=doc_id))
            statements.append(Statement(f"{doc_id}:s0", doc_id, 0, 0, len(text), text, StatementKind.BODY))
        a, b = (s.id for s in statements)
        claim = Claim(
            id="c1",
            verdict=Verdict.PARTIAL,
            statements=(a, b),
            pairs=(Pair(a=a, b=b, score=1.0, relation=Relation.PARTIAL),),
            documents=(f"m{n}a", f"m{n}b"),
        )
        by_id = {d.id: d for d in documents}
        facts = {s.id: extract_facts(s, by_id[s.document]) for s in statements}
        readings = {s.id: read_statement(s) for s in statements}
        judged, _ = judge([claim], statements, facts, documents, readings)
        conflicted.append(judged[0].verdict is Verdict.CONFLICT)
    para = [c for c, row in zip(conflicted, rows, strict=True) if row.label]
    other = [c for c, row in zip(conflicted, rows, strict=True) if not row.label]
    return len(para), sum(para), len(other), sum(other)


_HEADER = ("mode", "cluster", "gold", "rec.any", "rec.cf", "raised", "prec", "findings", "secs")


def _row(*cells: object) -> str:
    widths = (9, 10, 4, 7, 7, 6, 5, 8, 5)
    return " ".join(
        f"{c!s:<{w}}" if i < 2 else f"{c!s:>{w}}" for i, (c, w) in enumerate(zip(cells, widths, strict=False))
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("pairs", "pipeline", "msrp", "both"), default="both")
    parser.add_argument("--embedder", default="minilm", help="embedder for pipeline mode")
    parser.add_argument("--cluster", action="append", help="only these clusters (repeatable)")
    parser.add_argument("--verbose", action="store_true", help="print every pair finding (pairs mode)")
    args = parser.parse_args(argv)
    if args.mode == "msrp":
        n_para, c_para, n_other, c_other = evaluate_msrp()
        print(
            f"msrp paraphrase pairs: {n_para}, judged conflict: {c_para} ({c_para / n_para:.1%} false alarms)"
        )
        print(f"msrp non-paraphrase pairs: {n_other}, judged conflict: {c_other}")
        return 0
    names = args.cluster or cstbank_cluster_names()
    modes = ("pairs", "pipeline") if args.mode == "both" else (args.mode,)
    print(_row(*_HEADER))
    for mode in modes:
        totals = [0, 0, 0, 0, 0]
        for name in names:
            cluster = load_cstbank(name)
            began = time.perf_counter()
            if mode == "pairs":
                score = evaluate_pairs(cluster, args.verbose)
            else:
                score = evaluate_pipeline(cluster, args.embedder)
            secs = time.perf_counter() - began
            judged = cluster.fully_judged
            counts = (
                score.gold,
                score.found_any,
                score.found_conflict,
                score.raised if judged else 0,
                score.raised_correct if judged else 0,
            )
            totals = [t + v for t, v in zip(totals, counts, strict=True)]
            precision = _fmt(score.precision) if judged else "n/a"
            print(
                _row(
                    mode,
                    name,
                    score.gold,
                    _fmt(score.recall_any),
                    _fmt(score.recall_conflict),
                    score.raised,
                    precision,
                    score.findings,
                    f"{secs:.1f}",
                )
            )
        total = Score(totals[0], totals[1], totals[2], totals[3], totals[4], 0)
        print(
            _row(
                mode,
                "ALL",
                total.gold,
                _fmt(total.recall_any),
                _fmt(total.recall_conflict),
                total.raised,
                _fmt(total.precision),
                "",
                "",
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
