"""Coverage findings: a claim only one report makes, and a claim every report but one makes (omission)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.judge.base import Draft
from compare.judge.spans import name_list, quote, statement_span
from compare.model import Claim, Document, FindingType, Severity, Statement

# A related link (an overlap with a statement in another claim) is worth a note on "only X reports
# this" from this link strength up (figures aside: another toll is still an overlap); weaker ones are
# listed with the claim but are right only about a third of the time on CSTBank gulfair11 (measured
# with an earlier bench script), too often to qualify a finding.
RELATED_NOTE_LINK = 0.3


def coverage_drafts(
    claim: Claim,
    index: int,
    by_id: Mapping[str, Statement],
    docs: Mapping[str, Document],
    documents: Sequence[Document],
    labels: Mapping[str, str],
) -> list[Draft]:
    """Unique claims (one outlet only, a headline summarising shared claims aside) and omissions (all
    outlets but one carry it, three or more)."""
    carried = [
        d.id
        for d in documents
        if d.id in set(claim.documents or (by_id[s].document for s in claim.statements))
    ]
    first = by_id[claim.statements[0]]
    span = statement_span(first, docs[first.document])
    if len(carried) == 1:
        if claim.summarises:  # a headline restating what other reports tell too: not one report's only
            return []
        label = labels[carried[0]]
        return [
            Draft(
                FindingType.UNIQUE,
                Severity.LOW,
                index,
                (first.id,),
                f"Only {label} reports this: {quote(span)}",
                (span,),
                note=_related_note(claim, by_id, labels, [d for d in documents if d.id != carried[0]]),
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
                note=_related_note(claim, by_id, labels, missing),
            )
        ]
    return []


def _related_note(
    claim: Claim, by_id: Mapping[str, Statement], labels: Mapping[str, str], among: Sequence[Document]
) -> str | None:
    """Where a document of `among` has a statement overlapping this claim in another claim, say so."""
    wanted = {d.id for d in among}
    where: dict[str, list[str]] = {}
    for link in claim.related:
        other = by_id.get(link.other)
        if other is not None and other.document in wanted and link.link >= RELATED_NOTE_LINK:
            claims = where.setdefault(other.document, [])
            if link.claim not in claims:
                claims.append(link.claim)
    if not where:
        return None
    parts = [f"{labels[d.id]} (claim {', '.join(where[d.id])})" for d in among if d.id in where]
    says = "has a statement that overlaps" if len(parts) == 1 else "have statements that overlap"
    return f"{name_list(parts)} {says} this in part"
