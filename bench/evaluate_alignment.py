"""Measure alignment on the public gold data: CSTBank pair recall/precision, MSRP accuracy/F1, STS Spearman.

Usage (from the repository root):
    python bench/evaluate_alignment.py [--data ../shared/data] [--embedder minilm|lexical|DIR]

Gold sentences are mapped to our statements by character-span overlap (gold.json gives spans in the
.txt files). A gold pair is "linked" when both its sentences land in the same claim or a related link
joins them (Claim.related: the overlaps a partition of statements into claims cannot hold); the
figures for claims alone are printed under each cluster.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gold import (
    Cluster,
    cstbank_cluster_names,
    default_data_dir,
    load_cstbank,
    load_msrp,
    load_sts,
)
from compare.align.embed import get_embedder
from compare.align.similarity import profile, score_pair
from compare.model import Claim, Document, Relation, Statement

LABEL_ORDER = ["agreement", "contradiction", "partial"]  # a pair with several labels counts once, first here
OURS_TO_COARSE = {
    Relation.AGREE: "agreement",
    Relation.PARTIAL: "partial",
    Relation.CONFLICT: "contradiction",
}


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman rank correlation with average ranks for ties (no scipy needed)."""

    def ranks(values: Sequence[float]) -> np.ndarray:
        array = np.asarray(values, dtype=float)
        order = np.argsort(array, kind="stable")
        result = np.empty(len(array))
        sorted_values = array[order]
        start = 0
        while start < len(array):
            stop = start
            while stop + 1 < len(array) and sorted_values[stop + 1] == sorted_values[start]:
                stop += 1
            result[order[start : stop + 1]] = (start + stop) / 2.0
            start = stop + 1
        return result

    return float(np.corrcoef(ranks(x), ranks(y))[0, 1])


def run_alignment(
    documents: Sequence[Document], embedder_spec: str
) -> tuple[list[Statement], list[Claim], str]:
    """Statements and claims for the documents: the real pipeline if it runs, else segment + align."""
    try:
        from compare.options import Options
        from compare.pipeline import compare_documents

        comparison = compare_documents(documents, options=Options(embedder=embedder_spec))
        return list(comparison.statements), list(comparison.claims), "pipeline"
    except ImportError:
        from compare.align import align
        from compare.segment import segment

        statements = [s for d in documents for s in segment(d)]
        claim_statements = [s for s in statements if s.kind.is_claim]
        claims = align(claim_statements, {}, get_embedder(embedder_spec))
        return statements, claims, "segment+align"


def evaluate_cluster(cluster: Cluster, embedder_spec: str) -> dict[str, float | int | str]:
    """Recall of related gold pairs, precision of linked pairs vs judged pairs, relation match."""
    documents = cluster.to_documents()
    statements, claims, route = run_alignment(documents, embedder_spec)  # type: ignore[arg-type]
    relation_of = {}
    for claim in claims:
        for pair in claim.pairs:
            relation_of[frozenset((pair.a, pair.b))] = pair.relation
        for link in claim.related:
            relation_of.setdefault(frozenset((link.statement, link.other)), link.relation)

    # gold sentence -> the statement overlapping it most; statement -> gold sentences it overlaps
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_doc[statement.document].append(statement)
    statement_of: dict[tuple[str, int], Statement] = {}
    gold_of: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for document in cluster.documents:
        for sentence in document.sentences:
            best, best_overlap = None, 0
            for statement in by_doc[document.id]:
                overlap = min(sentence.end, statement.end) - max(sentence.start, statement.start)
                if overlap > 0:
                    gold_of[statement.id].add((document.id, sentence.sno))
                if overlap > best_overlap:
                    best, best_overlap = statement, overlap
            if best is not None:
                statement_of[(document.id, sentence.sno)] = best

    judged = {p.key for p in cluster.pairs if not p.same_document}
    related: dict[tuple[tuple[str, int], tuple[str, int]], set[str]] = {}
    for p in cluster.pairs:
        if p.related and not p.same_document:
            related.setdefault(p.key, set()).update(p.coarse_labels or (p.coarse_label,))

    in_claims = {
        frozenset((x, y))
        for claim in claims
        for k, x in enumerate(claim.statements)
        for y in claim.statements[k + 1 :]
    }
    by_related = {frozenset((r.statement, r.other)) for claim in claims for r in claim.related} - in_claims
    figures: dict[str, float | int | str] = {"route": route, "related": len(related)}
    for scope, links in (("claims", in_claims), ("all", in_claims | by_related)):
        linked = matched = comparable = 0
        by_label_total: dict[str, int] = defaultdict(int)
        by_label_linked: dict[str, int] = defaultdict(int)
        for key, labels in related.items():
            label = min(labels & {"agreement", "partial", "contradiction"}, key=LABEL_ORDER.index)
            by_label_total[label] += 1
            a, b = statement_of.get(key[0]), statement_of.get(key[1])
            if a is None or b is None or a.id == b.id or frozenset((a.id, b.id)) not in links:
                continue
            linked += 1
            by_label_linked[label] += 1
            relation = relation_of.get(frozenset((a.id, b.id)))
            if relation is not None:
                comparable += 1
                matched += OURS_TO_COARSE[relation] in labels
        ours = correct = 0
        for link in sorted(links, key=sorted):
            x, y = sorted(link)
            if not gold_of.get(x) or not gold_of.get(y):
                continue
            if next(iter(gold_of[x]))[0] == next(iter(gold_of[y]))[0]:
                continue
            ours += 1
            correct += any((min(gx, gy), max(gx, gy)) in judged for gx in gold_of[x] for gy in gold_of[y])
        prefix = "" if scope == "all" else "claims_"
        figures |= {
            f"{prefix}linked": linked,
            f"{prefix}recall": linked / len(related) if related else float("nan"),
            f"{prefix}our_pairs": ours,
            f"{prefix}precision": correct / ours if ours else float("nan"),
            f"{prefix}relation_match": matched / comparable if comparable else float("nan"),
            f"{prefix}relation_compared": comparable,
            f"{prefix}by_label": " ".join(
                f"{label} {by_label_linked[label]}/{by_label_total[label]}"
                for label in LABEL_ORDER
                if by_label_total[label]
            ),
        }
    figures["related_links"] = len(by_related)
    figures["claims"] = len(claims)
    figures["multi_document_claims"] = sum(len(c.documents) > 1 for c in claims)
    return figures


def evaluate_msrp(data: Path, embedder_spec: str) -> dict[str, float]:
    """MSRP validation: 'agree' taken as paraphrase."""
    pairs = load_msrp(data)
    embedder = get_embedder(embedder_spec)
    a = embedder.encode([p.s1 for p in pairs])
    b = embedder.encode([p.s2 for p in pairs])
    cosines = (a * b).sum(axis=1)
    predicted = [
        score_pair(profile(p.s1), profile(p.s2), float(c)).relation is Relation.AGREE
        for p, c in zip(pairs, cosines, strict=True)
    ]
    gold = [p.label for p in pairs]
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    accuracy = sum(p == g for p, g in zip(predicted, gold, strict=True)) / len(gold)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {"pairs": len(pairs), "accuracy": accuracy, "f1": f1}


def evaluate_sts(data: Path, embedder_spec: str) -> dict[str, float]:
    """STS dev headlines: Spearman of our score (and of the raw cosine) with the gold similarity."""
    pairs = load_sts(data)
    embedder = get_embedder(embedder_spec)
    a = embedder.encode([p.s1 for p in pairs])
    b = embedder.encode([p.s2 for p in pairs])
    cosines = (a * b).sum(axis=1)
    scores = [
        score_pair(profile(p.s1), profile(p.s2), float(c)).score for p, c in zip(pairs, cosines, strict=True)
    ]
    gold = [p.score for p in pairs]
    return {
        "pairs": len(pairs),
        "spearman": spearman(scores, gold),
        "spearman_cosine": spearman(list(cosines), gold),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="gold data folder")
    parser.add_argument("--embedder", default="minilm", help="minilm | lexical | model directory")
    parser.add_argument("--only", choices=("cstbank", "msrp", "sts"), help="run one part only")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(f"embedder: {args.embedder}   data: {args.data}")
    if args.only in (None, "cstbank"):
        for name in cstbank_cluster_names(args.data):
            cluster = load_cstbank(name, args.data)
            r = evaluate_cluster(cluster, args.embedder)
            kind = "all types judged" if cluster.fully_judged else "Subsumption only judged"
            print(
                f"cstbank {name:10s} related recall {r['recall']:.3f} ({r['linked']}/{r['related']})  "
                f"linked-pair precision {r['precision']:.3f} (of {r['our_pairs']})  "
                f"relation match {r['relation_match']:.3f} (of {r['relation_compared']})  "
                f"claims {r['claims']} ({r['multi_document_claims']} multi-doc), "
                f"related links {r['related_links']}  [{kind}; {r['route']}]"
            )
            print(f"{'':19s}linked by gold label: {r['by_label']}")
            print(
                f"{'':19s}claims alone: recall {r['claims_recall']:.3f} "
                f"({r['claims_linked']}/{r['related']})  "
                f"precision {r['claims_precision']:.3f} (of {r['claims_our_pairs']})  "
                f"relation match {r['claims_relation_match']:.3f}"
            )
    if args.only in (None, "msrp"):
        m = evaluate_msrp(args.data, args.embedder)
        print(f"msrp val        accuracy {m['accuracy']:.3f}  F1 {m['f1']:.3f}  ({m['pairs']:.0f} pairs)")
    if args.only in (None, "sts"):
        s = evaluate_sts(args.data, args.embedder)
        print(
            f"sts dev headl.  spearman {s['spearman']:.3f}  (raw cosine {s['spearman_cosine']:.3f}; "
            f"{s['pairs']:.0f} pairs)"
        )
    print(f"wall time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
