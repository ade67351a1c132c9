"""Coverage: a claim only one report makes (listed apart, not for review), and the one report that
leaves out a claim every other carries (said with the claim)."""

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
    """Unique claims: one outlet only, a headline summarising shared claims aside."""
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
    return []


def left_out(claim: Claim, documents: Sequence[Document], labels: Mapping[str, str]) -> str | None:
    """'not in UPI': the one report of three or more that does not carry a shared claim. Said with the
    claim, not raised as a finding: a report telling less is coverage, not a discrepancy to check (when
    it tells the fact otherwise, that is a finding of its own)."""
    carried = set(claim.documents)
    missing = [d for d in documents if d.id not in carried]
    if len(documents) < 3 or len(missing) != 1 or len(carried) < 2:
        return None
    return f"not in {labels[missing[0].id]}"


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
