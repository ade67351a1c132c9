"""One finding per discrepancy across N outlets: pairwise differences about one fact become one finding.

Three reports, two saying '300 evacuated' and one '3,000 evacuated', give two pairwise findings that
share the odd one out's quote. They are joined into one finding that names who says what: "CNN, BBC:
'300 evacuated' — Fox: '3,000 evacuated'". Outlets whose quotes read the same are listed together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.judge.base import Draft
from compare.judge.spans import quote
from compare.model import FindingType, Severity, Span

# Finding types whose pairwise drafts state one fact differently and can be joined.
_JOINABLE = frozenset(
    {
        FindingType.NUMBER,
        FindingType.TIME_DATE,
        FindingType.ENTITY,
        FindingType.POLARITY,
        FindingType.ATTRIBUTION,
    }
)

SpanKey = tuple[str, int, int]


def span_key(span: Span) -> SpanKey:
    """Where a quote sits: document and character range."""
    return (span.document, span.start, span.end)


_SPACED_DECIMAL = re.compile(r"(?<![\d,])(\d{1,3})\.\s(\d{1,2})(?![\d,])")


def _reading(span: Span) -> str:
    """What a quote says, for listing outlets together: its figures if it has any ('About 300 residents'
    and 'some 300 residents' read alike), else its words in lower case."""
    text = _SPACED_DECIMAL.sub(r"\1.\2", span.text)  # 'magnitude-6. 1' reads as '6.1'
    figures = [f.replace(",", "").rstrip(".:") for f in re.findall(r"\d[\d,.:]*", text)]
    if figures:
        return " ".join(figures)
    return re.sub(r"[^\w]+", " ", span.text.lower()).strip()


def join_across_outlets(drafts: Sequence[Draft], labels: Mapping[str, str]) -> list[Draft]:
    """Join conflicting pairwise drafts of one type that share a quote into one draft per discrepancy."""
    joinable = [d for d in drafts if d.type in _JOINABLE and d.conflict and d.lead and len(d.spans) == 2]
    if len(joinable) < 2:
        return list(drafts)
    parent: dict[int, int] = {i: i for i in range(len(joinable))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[FindingType, str, SpanKey], int] = {}
    for i, d in enumerate(joinable):
        for span in d.spans:
            slot = (d.type, d.lead, span_key(span))
            if slot in first_with:
                parent[find(i)] = find(first_with[slot])
            else:
                first_with[slot] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(joinable)):
        groups.setdefault(find(i), []).append(i)
    joined: dict[int, Draft] = {}  # id of the first draft of a group -> the joined draft
    members: set[int] = set()
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        group = [joinable[i] for i in indexes]
        if len({s.document for d in group for s in d.spans}) < 3:
            continue  # two reports: the pairwise finding says it already
        members.update(id(d) for d in group)
        joined[id(group[0])] = _joined(group, labels)
    out: list[Draft] = []
    for d in drafts:
        if id(d) in joined:
            out.append(joined[id(d)])
        elif id(d) not in members:
            out.append(d)
    return out


def _joined(group: Sequence[Draft], labels: Mapping[str, str]) -> Draft:
    """One draft for a group: every distinct quote once, outlets with the same reading listed together."""
    spans: dict[SpanKey, Span] = {}
    for d in group:
        for span in d.spans:
            spans.setdefault(span_key(span), span)
    readings: dict[str, list[Span]] = {}
    for span in sorted(spans.values(), key=lambda s: (s.document, s.start)):
        readings.setdefault(_reading(span), []).append(span)
    # the reading most outlets share first
    ordered = sorted(readings.values(), key=lambda ss: (-len({s.document for s in ss}), ss[0].document))
    parts = []
    for same in ordered:
        outlets = list(dict.fromkeys(labels.get(s.document, s.document) for s in same))
        parts.append(f"{', '.join(outlets)}: {quote(same[0])}")
    notes = list(dict.fromkeys(d.note for d in group if d.note))
    severity = min((d.severity for d in group), key=lambda s: s.rank)
    statements = tuple(dict.fromkeys(s.statement for same in ordered for s in same))
    return Draft(
        type=group[0].type,
        severity=severity if isinstance(severity, Severity) else Severity.MEDIUM,
        claim_index=min(d.claim_index for d in group),
        statements=statements,
        message=f"{group[0].lead}. " + " — ".join(parts),
        spans=tuple(s for same in ordered for s in same),
        note="; ".join(notes) if notes else None,
        conflict=True,
        lead=group[0].lead,
    )


_NAMED_OUTLETS = 3  # outlets named in a joined hedge finding before "and N others"


def join_hedges(drafts: Sequence[Draft], labels: Mapping[str, str]) -> list[Draft]:
    """One finding per hedge: a report hedging what several others state as fact, pair by pair and
    claim by claim, becomes one finding that names every outlet stating it flatly."""
    groups: dict[SpanKey, list[Draft]] = {}
    for d in drafts:
        if d.type is FindingType.CERTAINTY and d.subject is not None:
            groups.setdefault(span_key(d.subject), []).append(d)
    joined: dict[int, Draft] = {}
    members: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        members.update(id(d) for d in group)
        joined[id(group[0])] = _joined_hedge(group, labels)
    return [joined.get(id(d), d) for d in drafts if id(d) in joined or id(d) not in members]


def _joined_hedge(group: Sequence[Draft], labels: Mapping[str, str]) -> Draft:
    hedge = group[0].subject
    assert hedge is not None
    flat: dict[str, Span] = {}  # one quote per outlet stating it as fact
    for d in group:
        for span in d.spans:
            if span.document != hedge.document:
                flat.setdefault(span.document, span)
    outlets = [labels.get(doc, doc) for doc in flat]
    named = ", ".join(outlets[:_NAMED_OUTLETS])
    if len(outlets) > _NAMED_OUTLETS:
        named += f" and {len(outlets) - _NAMED_OUTLETS} others"
    lead = f"{group[0].lead.split(' where ', 1)[0]} where {named} state it as fact"
    spans = (hedge, *flat.values())
    quotes = " — ".join(f"{labels.get(s.document, s.document)}: {quote(s)}" for s in spans)
    return Draft(
        type=FindingType.CERTAINTY,
        severity=group[0].severity,
        claim_index=min(d.claim_index for d in group),
        statements=tuple(dict.fromkeys(s for d in group for s in d.statements)),
        message=f"{lead}. {quotes}",
        spans=spans,
        note="; ".join(dict.fromkeys(d.note for d in group if d.note)) or None,
        lead=lead,
        subject=hedge,
    )
