"""Coverage findings: a claim only one report makes, and a claim every report but one makes (omission)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.findings import name_list, quote, statement_span
from compare.judging.base import Draft
from compare.model import Claim, Document, FindingType, Severity, Statement


def coverage_drafts(
    claim: Claim,
    index: int,
    by_id: Mapping[str, Statement],
    docs: Mapping[str, Document],
    documents: Sequence[Document],
    labels: Mapping[str, str],
) -> list[Draft]:
    """Unique claims (one outlet only) and omissions (all outlets but one carry it, three or more)."""
    carried = [
        d.id
        for d in documents
        if d.id in set(claim.documents or (by_id[s].document for s in claim.statements))
    ]
    first = by_id[claim.statements[0]]
    span = statement_span(first, docs[first.document])
    if len(carried) == 1:
        label = labels[carried[0]]
        return [
            Draft(
                FindingType.UNIQUE,
                Severity.LOW,
                index,
                (first.id,),
                f"Only {label} reports this: {quote(span)}",
                (span,),
            )
        ]
    missing = [d for d in documents if d.id not in carried]
    if len(documents) >= 3 and len(missing) == 1:
        names = [labels[d] for d in carried]
        return [
            Draft(
                FindingType.OMISSION,
                Severity.MEDIUM,
                index,
                tuple(claim.statements),
                f"{labels[missing[0].id]} does not report what {name_list(names)} report: {quote(span)}",
                (span,),
            )
        ]
    return []
