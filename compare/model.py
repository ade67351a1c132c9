"""Plain typed values passed between the pipeline stages; renderers only read them."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from compare.decode import valid_text

# JSON report format. Each version lists what it added:
#   1: documents, statements, facts, claims (with pairs), findings, summary.
# Since then, additions only (a reader of format 1 still reads every report; the evaluation contract
# pins format 1, so additions do not bump it — a change that breaks a reader would):
#   - "title" (the story title given with --title, else derived); "review" on every finding (status,
#     note, decided) and top-level "review" {"stale": ...}; summary "review" counts. Finding ids are
#     stable ("f-" + 10 hex digits).
#   - facts: "predicate", "arg", "around", "subject", "narrowing" (the slot each fact sits in).
#   - facts: "relative" (a place given relative to a landmark: 'near X', '40 km south of X').
#   - claims: "gist" (the member that states it best), "detail" (the claim in words); pairs: "detail"
#     ("same facts; BBC adds more", "in part; BBC adds “Tuesday” (date)").
#   - documents: "fetched" (pages given as URLs); settings: "language_limits".
#   - pairs and related: "link" (how strongly alignment ties the two, figures aside).
#   - claims: "summarises" (a headline's: the shared claims it restates); summary: "headlines_restating".
#   - findings: type "contradiction" (the sentence-pair model's); settings: "judge" (model | rules).
#   - "key_figures": the story's key figures side by side (compare.key_figures): one row per slot
#     (kind, label, outlets, findings) with one cell per document holding its values and their spans.
#   - facts: kind "office" (a post the text gives a named person: key the name, role the office's words,
#     qualifier the places it is an office of).
#   - "copies": groups of documents carrying one text (compare.copies), each {"documents", "shared"};
#     every document stays in "documents"; key figures' "outlets" count a group once.
JSON_FORMAT = 1


class StatementKind(StrEnum):
    """What part of an article a statement is; only headline and body carry claims."""

    HEADLINE = "headline"
    BODY = "body"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"
    BYLINE = "byline"

    @property
    def is_claim(self) -> bool:
        return self in (StatementKind.HEADLINE, StatementKind.BODY)


class Relation(StrEnum):
    """How two aligned statements from different documents relate."""

    AGREE = "agree"
    PARTIAL = "partial"
    CONFLICT = "conflict"


class Verdict(StrEnum):
    """The verdict on one claim as a whole."""

    AGREE = "agree"
    PARTIAL = "partial"
    CONFLICT = "conflict"
    UNIQUE = "unique"


class FactKind(StrEnum):
    """Kinds of checkable fact found inside a statement."""

    NUMBER = "number"
    TIME = "time"
    ENTITY = "entity"
    ATTRIBUTION = "attribution"
    POLARITY = "polarity"
    CERTAINTY = "certainty"
    OFFICE = "office"  # the post a named person holds ('fire chief Ana Ruiz'): compare.facts.offices


class FindingType(StrEnum):
    """Closed set of finding types a reader can filter on."""

    NUMBER = "number"
    TIME_DATE = "time_date"
    ENTITY = "entity"
    ATTRIBUTION = "attribution"
    POLARITY = "polarity"
    CERTAINTY = "certainty"
    OMISSION = "omission"
    UNIQUE = "unique"
    INTERNAL = "internal"
    CONTRADICTION = "contradiction"  # read by the sentence-pair model where no rule explains it


class Severity(StrEnum):
    """How much a finding matters to a fact-checker; HIGH sorts first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 0, "medium": 1, "low": 2}[self.value]


_DOCUMENT_STRINGS = (
    "id",
    "text",
    "title",
    "outlet",
    "url",
    "published",
    "language",
    "author",
    "source",
    "fetched",
)


@dataclass(frozen=True, slots=True)
class Document:
    """One report: the text that all offsets point into, plus what is known about it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as given
    language: str | None = None
    author: str | None = None
    source: str | None = None  # the path it was read from, or None for API input
    fetched: str | None = None  # when a web page given as a URL was fetched (ISO 8601, UTC)

    def __post_init__(self) -> None:
        """Make every string field valid text, once, where a document enters: a lone surrogate (from a
        JSON escape, a file name or a bad codec) cannot be written by any format, so it would end the
        run at rendering. It becomes U+FFFD (compare.decode.valid_text, as at the command line's edge),
        and a UnicodeWarning names the document and the fields that changed."""
        changed: list[str] = []
        for name in _DOCUMENT_STRINGS:
            value = getattr(self, name)
            if isinstance(value, str):
                valid, replaced = valid_text(value)
                if replaced:
                    object.__setattr__(self, name, valid)
                    changed.append(name)
        if changed:
            warnings.warn(
                f"document {self.id!r}: {', '.join(changed)} held characters that are not text "
                "(lone surrogates); they are read as U+FFFD",
                UnicodeWarning,
                stacklevel=3,
            )

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        id: str,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        published: str | None = None,
        language: str | None = None,
        author: str | None = None,
    ) -> Document:
        """Build a document from plain text, as the API's entry point.

        Args:
            text: the article text; statement offsets will point into it unchanged.
            id: a stable identifier, unique within one comparison.
            title, outlet, url, published, language, author: metadata where known.
        """
        return cls(
            id=id,
            text=text,
            title=title,
            outlet=outlet,
            url=url,
            published=published,
            language=language,
            author=author,
        )

    @property
    def label(self) -> str:
        """The name a reader knows this source by: outlet, else author, else title, else id."""
        return self.outlet or self.author or self.title or self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "author": self.author,
            "source": self.source,
            "label": self.label,
            **({"fetched": self.fetched} if self.fetched else {}),
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence-like unit with its exact span in its document's text."""

    id: str
    document: str
    index: int  # position within its document, from 0
    start: int
    end: int
    text: str
    kind: StatementKind

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "index": self.index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
        }


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable fact inside a statement; start/end are offsets into the document text.

    `key` is the normalised value that comparisons use (e.g. "25" with unit "floor",
    "2025-08-23", "united states"); `role` says what the fact is about where known
    (e.g. the noun a number counts, "source" for attribution).
    """

    id: str
    statement: str
    kind: FactKind
    start: int
    end: int
    text: str
    key: str
    label: str = ""  # finer type: CARDINAL, ORDINAL, DATE, PERSON, GPE, NEG, HEDGE, ...
    unit: str | None = None
    # about / at least / more than / up to / exactly; of a place, the compass part named ('north-west')
    qualifier: str | None = None
    value: float | None = None  # numeric value where there is one
    low: float | None = None  # range a qualifier allows, for tolerant comparison
    high: float | None = None
    role: str | None = None
    # Where the fact sits in its statement (compare.facts.slots): the verb or predicative adjective it
    # belongs to, its role there (subj, obj, attr, mod or a preposition), and the content lemmas
    # linked to it or next to it. The judge pairs facts of two statements by these.
    predicate: str | None = None
    arg: str | None = None
    around: tuple[str, ...] = ()
    subject: str | None = None  # the predicate's subject, when the fact is not in it ('crew' included)
    narrowing: tuple[str, ...] = ()  # words narrowing what a figure counts ('US Navy' helicopters)
    hypothetical: bool = False  # of what could, would or is designed to be ('designed to carry 150')
    # of a place, given relative to a landmark ('near X', 'outside X', '40 km south of X'), not as
    # where the thing itself is ('in X')
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "statement": self.statement,
            "kind": self.kind.value,
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "key": self.key,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "role": self.role,
            "predicate": self.predicate,
            "arg": self.arg,
            "around": list(self.around),
            "subject": self.subject,
            "narrowing": list(self.narrowing),
            "hypothetical": self.hypothetical,
            "relative": self.relative,
        }


@dataclass(frozen=True, slots=True)
class Pair:
    """Two statements of different documents linked inside one claim."""

    a: str
    b: str
    score: float  # calibrated 0..1: how likely the two make the same statement
    relation: Relation
    semantic: float = 0.0  # the components the score was built from, for display
    lexical: float = 0.0
    # which side tells more: "same facts; BBC adds more" / "…; BBC adds “Tuesday” (date)" for agree,
    # "in part; BBC adds …" for partial
    detail: str | None = None
    # 0..1, how strongly alignment ties the two, blind to differing figures (the score is not: two
    # statements giving different figures do not make the same statement); None: as the score
    link: float | None = None

    @property
    def strength(self) -> float:
        """How strongly the two are tied, figures aside."""
        return self.score if self.link is None else self.link

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 4),
            "relation": self.relation.value,
            "semantic": round(self.semantic, 4),
            "lexical": round(self.lexical, 4),
            "detail": self.detail,
            "link": round(self.strength, 4),
        }


@dataclass(frozen=True, slots=True)
class Related:
    """A statement of this claim that overlaps a statement of another document in another claim.

    Claims partition the statements, but news overlaps more loosely than that: one outlet's sentence
    can cover parts of two of another's. The stronger match is in the claim; the others are listed
    here, on both claims, so that a reader sees what else touches "only one source reports" and an
    evaluation can count the link.
    """

    statement: str  # of this claim
    other: str  # the statement of another document, in claim `claim`
    claim: str
    score: float  # calibrated 0..1, as Pair.score
    relation: Relation  # agree | partial
    link: float  # 0..1, how strongly alignment ties the two, blind to differing figures

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement": self.statement,
            "other": self.other,
            "claim": self.claim,
            "score": round(self.score, 4),
            "relation": self.relation.value,
            "link": round(self.link, 4),
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement as carried by one or more documents."""

    id: str
    verdict: Verdict
    statements: tuple[str, ...]
    pairs: tuple[Pair, ...] = ()
    documents: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()  # overlaps with statements of other claims, strongest first
    gist: str | None = None  # the member that states the claim best: most central, then shortest
    # how its outlets' statements relate, in words ("same facts; BBC adds “Tuesday” (date)"), set by the
    # judge for agreements and partial overlaps
    detail: str | None = None
    # a headline no other report states in its words: the claims of two or more reports that it restates
    # (through its own report's body or another report's statement), strongest first. It is its report's
    # summary of them, not something only that report tells.
    summarises: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gist": self.gist,
            "detail": self.detail,
            "verdict": self.verdict.value,
            "documents": list(self.documents),
            "statements": list(self.statements),
            "pairs": [pair.to_dict() for pair in self.pairs],
            "related": [link.to_dict() for link in self.related],
            "summarises": list(self.summarises),
        }


@dataclass(frozen=True, slots=True)
class Span:
    """An exact quoted stretch of a document that a finding is about."""

    document: str
    statement: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "statement": self.statement,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A typed observation a fact-checker should look at, quoting its spans."""

    id: str
    type: FindingType
    severity: Severity
    claim: str
    statements: tuple[str, ...]
    message: str
    spans: tuple[Span, ...] = ()
    note: str | None = None  # e.g. "may be successive updates"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "severity": self.severity.value,
            "claim": self.claim,
            "statements": list(self.statements),
            "message": self.message,
            "spans": [span.to_dict() for span in self.spans],
            "note": self.note,
        }


class FigureKind(StrEnum):
    """What a key-figure row holds: a figure, the main event's date or place, or a named person."""

    NUMBER = "number"
    WHEN = "when"
    WHERE = "where"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One outlet's value in a key-figure row, in its own words, with the exact span it comes from."""

    text: str
    span: Span
    fact: str | None = None  # the fact it was read from; None for a finding's quote on this row
    finding: str | None = None  # a finding whose spans fall on it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.to_dict(), "fact": self.fact, "finding": self.finding}


@dataclass(frozen=True, slots=True)
class FigureCell:
    """What one outlet gives in a key-figure row; no values: it does not give it."""

    document: str
    values: tuple[FigureValue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "values": [value.to_dict() for value in self.values]}


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One slot the story turns on (people killed, magnitude, an amount, when, where, who) across outlets."""

    id: str  # "k1", "k2", ... in rank order
    kind: FigureKind
    label: str  # "Killed", "Amount (USD)", "passenger", "When", "Pete Hegseth"
    cells: tuple[FigureCell, ...]  # one per document, in document order
    outlets: int  # how many outlets give it from their own facts
    findings: tuple[str, ...] = ()  # number, date or name findings whose spans fall on its cells

    @property
    def disagreeing(self) -> bool:
        return bool(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "label": self.label,
            "outlets": self.outlets,
            "findings": list(self.findings),
            "cells": [cell.to_dict() for cell in self.cells],
        }


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Documents that carry one text (a wire story run by several outlets): counted as one source.

    `shared` is the smallest share, over the group's linked pairs, of the shorter document's claim
    statements that the other carries near word for word (compare.copies).
    """

    documents: tuple[str, ...]  # document ids, in document order
    shared: float  # 0..1

    def to_dict(self) -> dict[str, Any]:
        return {"documents": list(self.documents), "shared": round(self.shared, 3)}


def copy_sources(copies: Iterable[CopyGroup]) -> dict[str, str]:
    """Each copied document -> the source it counts as: the first document of its group."""
    return {document: group.documents[0] for group in copies for document in group.documents}


class ReviewStatus(StrEnum):
    """What a reviewer decided about a finding; OPEN until someone decides."""

    OPEN = "open"
    NEEDS_CHECKING = "needs_checking"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class Decision:
    """A reviewer's decision on one finding, keyed by the finding's stable id."""

    finding: str
    status: ReviewStatus
    note: str | None = None
    decided: str | None = None  # ISO 8601 time of the decision, as recorded
    about: str | None = None  # what the finding said when decided, to name a stale decision

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "status": self.status.value,
            "note": self.note,
            "decided": self.decided,
            "about": self.about,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything the pipeline computed; every output format is rendered from this."""

    documents: tuple[Document, ...]
    statements: tuple[Statement, ...]
    facts: tuple[Fact, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    generated: str  # ISO 8601 time the comparison was made (injectable for tests)
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: str | None = None  # an editor's own Markdown notes, shown in every format
    title: str | None = None  # the story title given by the user; renderers derive one when None
    decisions: tuple[Decision, ...] = ()  # review decisions read from a decisions file
    key_figures: tuple[KeyFigure, ...] = ()  # the story's key figures side by side, ranked
    copies: tuple[CopyGroup, ...] = ()  # documents carrying one text, each group counted as one source

    def decision(self, finding_id: str) -> Decision | None:
        """The decision on one finding, if there is one."""
        return next((d for d in self.decisions if d.finding == finding_id), None)

    def stale_decisions(self) -> tuple[Decision, ...]:
        """Decisions whose finding no longer exists (inputs or the judge changed)."""
        present = {finding.id for finding in self.findings}
        return tuple(d for d in self.decisions if d.finding not in present)

    def source_of(self, document_id: str) -> str:
        """The source a document counts as: its copy group's first document, else itself."""
        return copy_sources(self.copies).get(document_id, document_id)

    def sources(self, document_ids: Iterable[str]) -> int:
        """How many sources the documents are, copies of one text counted once."""
        return len({self.source_of(document_id) for document_id in document_ids})

    def statement(self, statement_id: str) -> Statement:
        return self._statements_by_id()[statement_id]

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(document_id)

    def _statements_by_id(self) -> dict[str, Statement]:
        return {statement.id: statement for statement in self.statements}

    def summary(self) -> dict[str, Any]:
        """Counts per verdict, finding type and document, for headers and dashboards."""
        verdicts = {verdict.value: 0 for verdict in Verdict}
        for claim in self.claims:
            verdicts[claim.verdict.value] += 1
        finding_types = {ftype.value: 0 for ftype in FindingType}
        for finding in self.findings:
            finding_types[finding.type.value] += 1
        per_document: dict[str, dict[str, int]] = {
            d.id: {**{v.value: 0 for v in Verdict}, "statements": 0, "claims": 0} for d in self.documents
        }
        for statement in self.statements:
            per_document[statement.document]["statements"] += 1
        for claim in self.claims:
            for document_id in claim.documents:
                per_document[document_id][claim.verdict.value] += 1
                per_document[document_id]["claims"] += 1
        review = {status.value: 0 for status in ReviewStatus}
        decided = {d.finding: d.status for d in self.decisions}
        for finding in self.findings:
            review[decided.get(finding.id, ReviewStatus.OPEN).value] += 1
        return {
            "documents": len(self.documents),
            "statements": len(self.statements),
            "claims": len(self.claims),
            "findings": len(self.findings),
            "verdicts": verdicts,
            # of the unique ones: headlines restating claims other reports tell too, not listed as told by
            # one report only (Claim.summarises)
            "headlines_restating": sum(1 for claim in self.claims if claim.summarises),
            "finding_types": finding_types,
            "per_document": per_document,
            "review": {**review, "stale": len(self.stale_decisions())},
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON report, format JSON_FORMAT."""
        return {
            "format": JSON_FORMAT,
            "generated": self.generated,
            "title": self.title,
            "settings": dict(self.settings),
            "summary": self.summary(),
            "notes": self.notes,
            "documents": [document.to_dict() for document in self.documents],
            "statements": [statement.to_dict() for statement in self.statements],
            "facts": [fact.to_dict() for fact in self.facts],
            "claims": [claim.to_dict() for claim in self.claims],
            "findings": [
                {**finding.to_dict(), "review": self._review(finding.id)} for finding in self.findings
            ],
            "review": {"stale": [decision.to_dict() for decision in self.stale_decisions()]},
            "key_figures": [figure.to_dict() for figure in self.key_figures],
            "copies": [group.to_dict() for group in self.copies],
        }

    def _review(self, finding_id: str) -> dict[str, Any]:
        decision = self.decision(finding_id)
        if decision is None:
            return {"status": ReviewStatus.OPEN.value, "note": None, "decided": None}
        return {"status": decision.status.value, "note": decision.note, "decided": decision.decided}
