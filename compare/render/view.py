"""Builds the plain view model every template reads: labels, anchors, highlights, word diffs.

Nothing here decides what is true; it only arranges what the Comparison already says.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import groupby

from compare.finding_ids import normalise_quote
from compare.model import (
    Claim,
    Comparison,
    CopyGroup,
    Decision,
    Document,
    FactKind,
    FigureKind,
    Finding,
    FindingType,
    KeyFigure,
    Pair,
    Relation,
    ReviewStatus,
    Span,
    Statement,
    StatementKind,
    Verdict,
)
from compare.render.notes import safe_href
from compare.render.quotes import ELLIPSIS, ITEM_QUOTE_CHARS, balance, clip, span_display

VERDICT_LABELS = {
    Verdict.AGREE: "All agree",
    Verdict.PARTIAL: "Partly agree",
    Verdict.CONFLICT: "Conflict",
    Verdict.UNIQUE: "One source only",
}
HEADLINE_LABEL = "Headline, restating shared claims"
VERDICT_ICONS = {Verdict.AGREE: "✓", Verdict.PARTIAL: "≈", Verdict.CONFLICT: "✕", Verdict.UNIQUE: "•"}
FINDING_LABELS = {
    FindingType.NUMBER: "Numbers differ",
    FindingType.TIME_DATE: "Dates or times differ",
    FindingType.ENTITY: "Names or places differ",
    FindingType.ATTRIBUTION: "Attribution differs",
    FindingType.POLARITY: "Opposite claims",
    FindingType.CERTAINTY: "Certainty differs",
    FindingType.OMISSION: "Detail left out",
    FindingType.UNIQUE: "Only one source",
    FindingType.INTERNAL: "Inconsistent within a source",
    FindingType.CONTRADICTION: "Statements contradict",
}
SEVERITY_LABELS = {"high": "High", "medium": "Medium", "low": "Low"}
REVIEW_LABELS = {
    ReviewStatus.OPEN: "Open",
    ReviewStatus.NEEDS_CHECKING: "Needs checking",
    ReviewStatus.CONFIRMED: "Confirmed",
    ReviewStatus.DISMISSED: "Dismissed",
}
REVIEW_ICONS = {
    ReviewStatus.OPEN: "○",
    ReviewStatus.NEEDS_CHECKING: "?",
    ReviewStatus.CONFIRMED: "✓",
    ReviewStatus.DISMISSED: "✗",
}
NOT_REPORTED = "not reported"
TITLE_ENTITIES = 3  # a title derived from shared names lists at most this many
TITLE_CHARS = 100  # a title taken from a shared lead sentence is cut (at a clause) to about this
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
SEVERITY_ICONS = {"high": "▲", "medium": "◆", "low": "▽"}
KIND_LABELS = {
    StatementKind.HEADLINE: "headline",
    StatementKind.BODY: "",
    StatementKind.CAPTION: "caption",
    StatementKind.BOILERPLATE: "boilerplate",
    StatementKind.BYLINE: "byline",
}
# How a matrix cell reads for one outlet in one claim: icon, then words (never colour alone).
CELL_LABELS = {
    "agree": ("✓", "agrees"),
    "partial": ("≈", "partly"),
    "conflict": ("✕", "clashes"),
    "unique": ("•", "only here"),
    "headline": ("▪", "headline"),  # a headline restating what other reports tell too
    "absent": ("–", "not reported"),
}
SAME_STATEMENT_SCORE = 0.8
LOOSE_SCORE = 0.35  # below this a linked pair is shown as only loosely related
RELATED_SHOWN = 8  # related statements shown with a claim, strongest first; the JSON keeps every one
TOP_FINDINGS = 5
# A quoted span is shown whole up to this length (the differing words are in it, wherever they are);
# a longer one keeps its beginning and its end, cut in the middle.
SPAN_QUOTE_CHARS = 160
BRIEF_QUOTES = 2  # context statements the PDF brief prints per finding
ONE_SOURCE_BRIEF_CHARS = 130  # a one-report item as the brief names it
ONE_SOURCE_BRIEF_TOTAL = 12  # one-report items the PDF brief names in all: 3 per outlet at most, 1 at least
ONE_SOURCE_BRIEF = 3  # one-report items the PDF brief names per outlet; the HTML report lists them all
AGREED_BRIEF = 8  # shared claims the PDF brief lists (carried by the most outlets first)
FIGURE_KIND_LABELS = {
    FigureKind.NUMBER: "figure",
    FigureKind.WHEN: "date",
    FigureKind.WHERE: "place",
    FigureKind.PERSON: "named",
}
FIGURE_VALUE_CHARS = 60  # a key-figure cell's value (a finding's whole-statement quote is cut)
HEADING_CHARS = 140
RUNNING_TITLE_CHARS = 90

_TOKEN = re.compile(r"(\s*)(\S+)")
_WORD_KEY = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; `mark` is True for quoted facts (or differing words in word_diff), `diff` for words
    another outlet's version does not have (shown only when the reader asks for the word diff)."""

    text: str
    mark: bool = False
    diff: bool = False


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a "who says what" line: the outlets that say it, and what they say (display quotes)."""

    outlets: tuple[str, ...]
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReviewView:
    """A finding's review state as shown: status value and words, the reviewer's note."""

    status: str
    label: str
    icon: str
    note: str | None
    decided: str | None

    @property
    def decided_any(self) -> bool:
        """Whether anyone recorded anything on this finding."""
        return self.status != ReviewStatus.OPEN.value or bool(self.note)


@dataclass(frozen=True, slots=True)
class StatementView:
    """One statement as shown: where it lives, what kind it is, its text cut into pieces."""

    id: str
    anchor: str
    source: str  # anchor of its document
    outlet: str
    kind: str
    kind_label: str
    text: str
    pieces: tuple[Piece, ...]
    claim_anchor: str | None
    lang: str | None = None  # the document's language, for screen readers and hyphenation


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of a source text: either between statements or one statement."""

    text: str
    statement: StatementView | None = None


@dataclass(frozen=True, slots=True)
class SourceView:
    """One document as listed in the header and printed in full at the end."""

    anchor: str
    id: str
    label: str
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None
    language: str | None
    author: str | None
    statements: int
    claims: int
    findings: int
    counts: dict[str, int]
    segments: tuple[Segment, ...]
    only_here: int = 0  # claims only this report makes (its headlines restating shared claims aside)
    headlines_restating: int = 0


@dataclass(frozen=True, slots=True)
class Cell:
    """One outlet's part in one claim, for the claim × outlet matrix."""

    source: str
    state: str
    icon: str
    label: str
    statements: tuple[str, ...]  # anchors


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One claim across all outlets."""

    anchor: str
    id: str
    verdict: str
    verdict_label: str
    verdict_icon: str
    heading: str
    cells: tuple[Cell, ...]
    sources: tuple[str, ...]
    finding_types: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PairView:
    """A link between two statements of one claim, labelled in a journalist's words."""

    a: StatementView
    b: StatementView
    relation: str
    label: str
    score: float
    detail: str | None = None  # "same facts; BBC adds more"


@dataclass(frozen=True, slots=True)
class RelatedView:
    """A statement of another claim that overlaps one of this claim's, from another outlet."""

    own: StatementView
    other: StatementView  # its claim_anchor leads to the other claim
    claim_id: str
    relation: str
    label: str
    score: float
    link: float  # how strongly alignment ties the two, figures aside
    other_text: str = ""  # the other statement, cut for a compact list

    @property
    def notable(self) -> bool:
        """Worth a line in a short note: more than loosely related."""
        return self.link >= LOOSE_SCORE


@dataclass(frozen=True, slots=True)
class FindingView:
    """One finding with its quotes, facts highlighted."""

    id: str
    anchor: str
    type: str
    type_label: str
    severity: str
    severity_label: str
    severity_icon: str
    message: str
    note: str | None
    claim_anchor: str | None
    claim_id: str
    verdict: str
    sources: tuple[str, ...]
    quotes: tuple[StatementView, ...]
    sides: tuple[Side, ...] = ()
    about: str = ""  # one plain line naming the finding, kept in a decisions file
    review: ReviewView | None = None
    context: tuple[StatementView, ...] = ()  # the full statements that add to the sides line
    # the finding's message without its quotes: who says what, and why it may be benign ("Only Nhu Tam
    # says the amount is small"); the sides line quotes them
    lead: str = ""
    # the context the PDF brief prints: at most BRIEF_QUOTES statements, one per side first, a statement
    # several outlets give in the same words once (with their names)
    brief_quotes: tuple[tuple[str, StatementView], ...] = ()
    brief_more: int = 0  # context statements the brief leaves to the HTML report

    @property
    def is_discrepancy(self) -> bool:
        """Outlets disagree (every type but 'only one source')."""
        return self.type != FindingType.UNIQUE.value

    @property
    def quotes_beyond_message(self) -> tuple[StatementView, ...]:
        """The quotes that add to the message: a statement the message already quotes whole is left out.

        The PDF brief prints these only ("Only X reports this: '...'" needs no second copy below it).
        """
        message = " ".join(self.message.split())
        return tuple(q for q in self.quotes if " ".join(q.text.split()) not in message)


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One claim: its statements side by side with word differences, and its pairs."""

    id: str
    anchor: str
    verdict: str
    verdict_label: str
    verdict_icon: str
    heading: str
    sources: tuple[str, ...]
    finding_types: tuple[str, ...]
    findings: tuple[tuple[str, str], ...]  # (anchor, type label) of its findings
    statements: tuple[StatementView, ...]
    pairs: tuple[PairView, ...]
    related: tuple[RelatedView, ...] = ()  # overlaps with other claims' statements, strongest first
    related_more: int = 0  # further, weaker related links not shown (the JSON lists them all)
    outlets: tuple[str, ...] = ()  # labels of the outlets carrying it, in document order
    flagged: bool = False  # a discrepancy finding is about this claim
    discrepancy_anchor: str | None = None  # the first such finding, to link to
    detail: str | None = None  # the claim in words: "same facts; BBC adds “Tuesday” (date)", "in part; …"
    summarises: tuple[str, ...] = ()  # a headline's: anchors of the shared claims it restates
    headline_note: str | None = None  # a shared claim's: "also in BBC's headline"


@dataclass(frozen=True, slots=True)
class SingleView:
    """A statement only one outlet makes, for the compact list (with its finding, if the judge made one)."""

    claim: ClaimView
    statement: StatementView
    text: str  # clipped for the list; the full text is one click away in the source
    finding: FindingView | None
    # it carries a figure or date, or a name or source in a claim no other report touches: listed first
    telling: bool = False


@dataclass(frozen=True, slots=True)
class OutletGroup:
    """The one-source statements of one outlet."""

    outlet: str
    anchor: str
    items: tuple[SingleView, ...]  # the telling ones first, then in report order
    brief: tuple[SingleView, ...] = ()  # the first ONE_SOURCE_BRIEF, for the PDF's summary
    more: int = 0  # how many the brief leaves out


@dataclass(frozen=True, slots=True)
class FigureValueView:
    """One outlet's value in a key-figure row, as it words it, with where it is said."""

    text: str
    quote: str  # the statement it is said in, for a tooltip
    anchor: str  # that statement in the source text
    marked: bool  # a finding quotes it


@dataclass(frozen=True, slots=True)
class FigureRowView:
    """One key-figure row: a slot across outlets, cells in the order of the sources."""

    id: str
    kind: str
    kind_label: str
    label: str
    cells: tuple[tuple[FigureValueView, ...], ...]  # empty: the outlet does not give it
    outlets: int
    findings: tuple[tuple[str, str], ...] = ()  # (anchor, id) of the findings that quote its cells

    @property
    def disagreeing(self) -> bool:
        return bool(self.findings)


@dataclass(frozen=True, slots=True)
class StaleView:
    """A decision whose finding is no longer in the report."""

    finding: str
    status: str
    status_label: str
    note: str | None
    about: str | None
    decided: str | None


@dataclass(frozen=True, slots=True)
class Option:
    """A value a reader can filter on, with its label and how many items carry it."""

    value: str
    label: str
    count: int
    icon: str = ""


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything a template needs, already arranged and labelled."""

    title: str
    running_title: str  # short enough for one line of a PDF page header
    generated: str
    sources: tuple[SourceView, ...]
    verdicts: tuple[Option, ...]
    finding_types: tuple[Option, ...]
    outlets: tuple[Option, ...]
    matrix: tuple[MatrixRow, ...]
    findings: tuple[FindingView, ...]
    top_findings: tuple[FindingView, ...]
    claims: tuple[ClaimView, ...]
    agreed: tuple[ClaimView, ...]  # carried by two or more sources without conflict
    differing: tuple[ClaimView, ...]
    only_one: tuple[ClaimView, ...]
    notes: str | None
    statement_total: int
    claim_total: int
    finding_total: int
    other_statements: int
    discrepancies: tuple[FindingView, ...] = ()  # most severe first; dismissed ones are left out
    # "Outlet (language xx): not judged for it yet: ..." for each document not in English
    language_limits: tuple[str, ...] = ()
    disputed: tuple[ClaimView, ...] = ()  # conflicting claims no finding explains
    one_source: tuple[OutletGroup, ...] = ()  # one-source statements by outlet, dismissed ones left out
    # headlines restating claims other reports tell too: listed apart, not counted as one report's only
    restating_headlines: tuple[SingleView, ...] = ()
    one_source_total: int = 0
    dismissed: tuple[FindingView, ...] = ()  # shown last: a reviewer decided they do not matter
    stale: tuple[StaleView, ...] = ()
    review_counts: tuple[Option, ...] = ()  # open, needs checking, confirmed, dismissed (over all findings)
    reviewed: bool = False  # decisions were read (the report shows statuses as a record)
    review_key: str = ""  # names this story's marks in the browser's storage
    document_ids: tuple[str, ...] = ()  # written into a saved decisions file, to say which story it is
    key_figures: tuple[FigureRowView, ...] = ()  # the story's key figures, first in every format
    agreed_brief: tuple[ClaimView, ...] = ()  # the shared claims the PDF brief lists, most outlets first
    reviewable_total: int = 0  # findings a reviewer marks: every one but 'only one source'
    # "MSNBC and USAToday carry the same text ..." once per group of copies (Comparison.copies)
    copies: tuple[str, ...] = ()
    copied_only: int = 0  # claims carried only by copies of one text: one source, not an agreement
    # the key-figures table's column headings: one per source, copies of one text sharing a column
    figure_columns: tuple[str, ...] = ()


def build_view(comparison: Comparison) -> ReportView:
    """Arrange a Comparison for the templates."""
    return _Builder(comparison).build()


LEAD_POSITIONS = 4  # a statement this early in its report (headline included) can open the story


def story_title(comparison: Comparison) -> str:
    """A neutral title for the story, never one outlet's disputed headline.

    In order: the title the user gave; a title or headline most outlets give in the same words; the
    headline (or title) of an outlet whose headline claim most outlets carry and no discrepancy touches;
    the names most outlets mention ("Ukraine, ATACMS and Pete Hegseth"); "Comparison of N sources".
    """
    if comparison.title and comparison.title.strip():
        return " ".join(comparison.title.split())
    documents = comparison.documents
    majority = max(2, len(documents) // 2 + 1)
    disputed_statements, disputed_texts = _disputed(comparison)

    def undisputed(text: str, statement_id: str | None) -> bool:
        key = normalise_quote(text)
        numbers = set(_NUMBER.findall(key))
        return (
            statement_id not in disputed_statements
            and not numbers & disputed_texts
            and not any(t in key for t in disputed_texts if not _NUMBER.fullmatch(t))
        )

    headlines = {
        d.id: next(
            (s for s in comparison.statements if s.document == d.id and s.kind is StatementKind.HEADLINE),
            None,
        )
        for d in documents
    }
    shared: Counter[str] = Counter()
    wording: dict[str, str] = {}
    for document in documents:
        headline = headlines[document.id]
        for text in {t for t in (document.title, headline.text if headline else None) if t and t.strip()}:
            key = normalise_quote(text)
            shared[key] += 1
            wording.setdefault(key, " ".join(text.split()))
    for key, count in shared.most_common():
        if count >= majority and undisputed(key, None):
            return wording[key]

    # A headline or lead only stands for the story when most outlets state it the same way (verdict agree).
    agreed = [c for c in comparison.claims if c.verdict is Verdict.AGREE and len(c.documents) >= majority]
    carried = {s: len(c.documents) for c in agreed for s in c.statements}
    best: tuple[int, int, str] | None = None
    for position, document in enumerate(documents):
        headline = headlines[document.id]
        if headline is None or headline.id not in carried:
            continue
        text = document.title if document.title and document.title.strip() else headline.text
        if undisputed(headline.text, headline.id) and undisputed(text, None):
            candidate = (-carried[headline.id], position, " ".join(text.split()))
            best = min(best, candidate) if best else candidate
    if best:
        return best[2]
    statements = {s.id: s for s in comparison.statements}
    leads = [
        c
        for c in agreed
        if not any(f.claim == c.id for f in comparison.findings)
        and all(undisputed(statements[s].text, s) for s in c.statements if s in statements)
    ]
    # a lead opens every report that carries it (among each one's first LEAD_POSITIONS statements)
    leads = [
        c for c in leads if max(statements[s].index for s in c.statements if s in statements) < LEAD_POSITIONS
    ]
    if leads:
        lead = min(leads, key=lambda c: max(statements[s].index for s in c.statements if s in statements))
        gist = statements.get(lead.gist) if lead.gist else None
        first = gist or next(statements[s] for s in lead.statements if s in statements)
        return clip(first.text, TITLE_CHARS)

    names = _shared_names(comparison, majority)
    if names:
        return _and_list(names)
    return f"Comparison of {len(documents)} sources"


def _and_list(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _disputed(comparison: Comparison) -> tuple[set[str], set[str]]:
    """Statements holding a discrepancy's quoted facts, and those facts' texts (normalised)."""
    statements: set[str] = set()
    texts: set[str] = set()
    for finding in comparison.findings:
        if finding.type is FindingType.UNIQUE:
            continue
        for span in finding.spans:
            statements.add(span.statement)
            key = normalise_quote(span.text)
            if len(key) >= 2:
                texts.add(key)
            texts.update(_NUMBER.findall(key))  # "300" in a headline is disputed wherever it is worded
    return statements, texts


def _shared_names(comparison: Comparison, majority: int) -> list[str]:
    """Up to TITLE_ENTITIES names most outlets mention, those in headlines first, then the most mentioned."""
    document_of = {s.id: s.document for s in comparison.statements}
    in_headline = {s.id for s in comparison.statements if s.kind is StatementKind.HEADLINE}
    outlets = {normalise_quote(d.label) for d in comparison.documents}
    carriers: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    headline_mentions: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, int] = {}
    for index, fact in enumerate(comparison.facts):
        if fact.kind is not FactKind.ENTITY or fact.label in ("NORP", "DATE", "CARDINAL") or not fact.key:
            continue
        if fact.key in outlets or fact.statement not in document_of:
            continue
        carriers[fact.key].add(document_of[fact.statement])
        mentions[fact.key] += 1
        headline_mentions[fact.key] += fact.statement in in_headline
        surfaces[fact.key][" ".join(fact.text.split())] += 1
        first.setdefault(fact.key, index)
    keys = sorted(
        (k for k in carriers if len(carriers[k]) >= majority),
        key=lambda k: (-len(carriers[k]), -headline_mentions[k], -mentions[k], first[k]),
    )
    names: list[str] = []
    for key in keys:
        exact = sorted((t for t in surfaces[key] if t.casefold() == key), key=lambda t: not t[:1].isupper())
        name = exact[0] if exact else surfaces[key].most_common(1)[0][0]
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
        if len(names) == TITLE_ENTITIES:
            break
    return names


def pair_label(pair: Pair) -> str:
    """A score and relation in words: 'same statement', 'overlaps', 'loosely related' or 'contradicts'."""
    if pair.relation is Relation.CONFLICT:
        return "contradicts"
    if pair.relation is Relation.AGREE and pair.score >= SAME_STATEMENT_SCORE:
        return "same statement"
    if pair.strength < LOOSE_SCORE:  # figures aside: a differing figure is the findings' to show
        return "loosely related"
    return "overlaps"


def word_diff(text: str, other: str) -> tuple[Piece, ...]:
    """`text` cut into pieces, marking the words that `other` does not have at that place."""
    tokens = _TOKEN.findall(text)
    tail = text[sum(len(space) + len(word) for space, word in tokens) :]
    keys = [_key(word) for _, word in tokens]
    other_keys = [_key(word) for _, word in _TOKEN.findall(other)]
    marked = [False] * len(tokens)
    matcher = SequenceMatcher(None, keys, other_keys, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            for index in range(i1, i2):
                marked[index] = bool(keys[index])
    raw: list[Piece] = []
    for index, (space, word) in enumerate(tokens):
        joins = marked[index] and index > 0 and marked[index - 1]
        raw.append(Piece(space, joins))
        raw.append(Piece(word, marked[index]))
    raw.append(Piece(tail))
    return _merge(raw)


def claim_pieces(
    text: str, offset: int, ranges: Iterable[tuple[int, int]], other: str | None
) -> tuple[Piece, ...]:
    """A claim's statement: its disputed facts marked, and the words `other` lacks flagged as `diff`."""
    facts = [False] * len(text)
    for start, end in ranges:
        for index in range(max(start - offset, 0), min(end - offset, len(text))):
            facts[index] = True
    if all(facts):
        facts = [False] * len(text)
    diffs = [False] * len(text)
    if other is not None:
        at = 0
        for piece in word_diff(text, other):
            if piece.mark:
                diffs[at : at + len(piece.text)] = [True] * len(piece.text)
            at += len(piece.text)
    return _runs(text, facts, diffs) or (Piece(text),)


def sides_line(sides: Sequence[Side]) -> str:
    """ "CNN, BBC: “300 evacuated” — Fox: “3,000 evacuated”" as plain text."""
    return " — ".join(
        ", ".join(side.outlets) + ": " + (" / ".join(f"“{q}”" for q in side.quotes) or NOT_REPORTED)
        for side in sides
    )


def span_quote(text: str, limit: int = SPAN_QUOTE_CHARS) -> str:
    """A quoted span on one line, whole up to `limit`; a longer one keeps its beginning and its end (cut
    at words in the middle), so a quote never stops short of the words that differ."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return balance(text)
    head, tail = text[: limit // 2], text[-(limit // 2) :]
    if " " in head:
        head = head[: head.rfind(" ")]
    if " " in tail:
        tail = tail[tail.find(" ") + 1 :]
    return balance(f"{head.rstrip(' ,;:')} {ELLIPSIS} {tail}")


def _brief_quotes(
    context: Sequence[StatementView], sides: Sequence[Side]
) -> tuple[tuple[str, StatementView], ...]:
    """At most BRIEF_QUOTES context statements: one per side first; the same words once, naming all."""
    same: dict[str, list[StatementView]] = {}
    for quote in context:
        same.setdefault(normalise_quote(quote.text), []).append(quote)
    groups = list(same.values())
    chosen: list[list[StatementView]] = []
    for side in sides:
        group = next(
            (g for g in groups if g not in chosen and any(q.outlet in side.outlets for q in g)), None
        )
        if group is not None and len(chosen) < BRIEF_QUOTES:
            chosen.append(group)
    for group in groups:
        if len(chosen) < BRIEF_QUOTES and group not in chosen:
            chosen.append(group)
    chosen.sort(key=groups.index)
    return tuple((", ".join(dict.fromkeys(q.outlet for q in g)), g[0]) for g in chosen)


def message_lead(message: str, outlets: set[str]) -> str:
    """A finding's message without the quotes it ends with, as one sentence.

    The judge writes "Lead. CNN, BBC: 'quote' — Fox: 'quote'" (or "Only CNN reports this: 'quote'");
    the sides line shows the quotes, so what is left is the explanation: who says what, and why it may
    be benign. A message in another shape is kept whole.
    """
    at = message.find(": '")
    if at < 0:
        return message
    lead = message[:at]
    sentence_end = lead.rfind(". ")
    if sentence_end >= 0 and all(part in outlets for part in lead[sentence_end + 2 :].split(", ")):
        lead = lead[:sentence_end]
    lead = lead.strip()
    return lead if lead.endswith((".", "?", "!")) else lead + "."


def _status(finding: FindingView) -> str:
    return finding.review.status if finding.review else ReviewStatus.OPEN.value


def highlight(text: str, offset: int, ranges: Iterable[tuple[int, int]]) -> tuple[Piece, ...]:
    """`text` (starting at document offset `offset`) with the given document ranges marked."""
    flags = [False] * len(text)
    for start, end in ranges:
        for index in range(max(start - offset, 0), min(end - offset, len(text))):
            flags[index] = True
    if all(flags):  # a span over the whole statement adds nothing to read
        return (Piece(text),)
    return _runs(text, flags, [False] * len(text)) or (Piece(text),)


def _key(word: str) -> str:
    return _WORD_KEY.sub("", word.casefold())


def _runs(text: str, marks: Sequence[bool], diffs: Sequence[bool]) -> tuple[Piece, ...]:
    """`text` cut where its per-character flags change: what _merge makes of one Piece per character,
    without making them (10 outlets x 80 sentences: ~150k Pieces less for the claims alone)."""
    pieces: list[Piece] = []
    at = 0
    for (mark, diff), run in groupby(zip(marks, diffs, strict=True)):
        length = len(list(run))
        pieces.append(Piece(text[at : at + length], mark, diff))
        at += length
    if at != len(text):
        raise ValueError("one flag per character expected")
    return tuple(pieces)


def _merge(pieces: Sequence[Piece]) -> tuple[Piece, ...]:
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if merged and merged[-1].mark == piece.mark and merged[-1].diff == piece.diff:
            merged[-1] = Piece(merged[-1].text + piece.text, piece.mark, piece.diff)
        else:
            merged.append(piece)
    return tuple(merged)


def _short(text: str, limit: int = HEADING_CHARS) -> str:
    return clip(text, limit)


class _Builder:
    """Holds the lookups one build needs."""

    def __init__(self, comparison: Comparison) -> None:
        self.c = comparison
        self.doc_anchor = {d.id: f"d{n}" for n, d in enumerate(comparison.documents, 1)}
        self.doc_label = self._labels(comparison.documents)
        self.statements = {s.id: s for s in comparison.statements}
        self.st_anchor = {
            s.id: f"{self.doc_anchor.get(s.document, 'dx')}-s{s.index}" for s in comparison.statements
        }
        self.claim_anchor = {c.id: f"claim-{n}" for n, c in enumerate(comparison.claims, 1)}
        self.claim_of: dict[str, str] = {}
        for claim in comparison.claims:
            for statement_id in claim.statements:
                self.claim_of[statement_id] = claim.id
        self.claims = {c.id: c for c in comparison.claims}
        # shared claim -> outlets whose headline restates it (Claim.summarises), in claim order
        self.headlined_by: dict[str, list[str]] = defaultdict(list)
        for claim in comparison.claims:
            first = self.statements.get(claim.statements[0]) if claim.statements else None
            if first is None:
                continue
            label = self.doc_label[first.document]
            for restated in claim.summarises:
                if label not in self.headlined_by[restated]:
                    self.headlined_by[restated].append(label)
        self.doc_lang = {d.id: d.language for d in comparison.documents}
        self.findings_by_claim: dict[str, list[Finding]] = defaultdict(list)
        for finding in comparison.findings:
            # a finding between statements of two claims belongs to both: each shows its dispute
            holding = [self.claim_of[s] for s in finding.statements if s in self.claim_of]
            for claim_id in dict.fromkeys([finding.claim, *holding]):
                self.findings_by_claim[claim_id].append(finding)
        self.finding_anchor = {f.id: f"finding-{n}" for n, f in enumerate(comparison.findings, 1)}
        self.decisions: dict[str, Decision] = {d.finding: d for d in comparison.decisions}
        self.fact_ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for finding in comparison.findings:
            if finding.type is not FindingType.UNIQUE:
                for span in finding.spans:
                    self.fact_ranges[span.statement].append((span.start, span.end))

    @staticmethod
    def _labels(documents: Sequence[Document]) -> dict[str, str]:
        counts = Counter(d.label for d in documents)
        return {d.id: d.label if counts[d.label] == 1 else f"{d.label} ({d.id})" for d in documents}

    def build(self) -> ReportView:
        summary = self.c.summary()
        findings = sorted(
            (self._finding(f) for f in self.c.findings),
            key=lambda f: (SEVERITY_ORDER[f.severity], TYPE_ORDER[f.type], self._claim_pos(f.claim_id)),
        )
        claims = tuple(self._claim(c) for c in self.c.claims)
        columns = self._figure_columns()  # the key-figures table's, the same for every row
        # a claim whose only documents are copies of one text is one source's, not an agreement
        carried = {c.id: self.c.sources(c.documents) for c in self.c.claims}  # copies counted once
        one_text = {c.id for c in self.c.claims if len(c.documents) > 1 and carried[c.id] < 2}
        shared = tuple(c for c in claims if c.verdict in (Verdict.AGREE.value, Verdict.PARTIAL.value))
        agreed = tuple(c for c in shared if c.id not in one_text)
        # the brief lists the claims most outlets share first (then in claim order)
        agreed_brief = tuple(sorted(agreed, key=lambda c: -carried[c.id]))
        # told by one report only; a headline restating shared claims is listed apart
        only_one = tuple(c for c in claims if c.verdict == Verdict.UNIQUE.value and not c.summarises)
        verdict_counts = summary["verdicts"]
        type_counts = summary["finding_types"]
        # 'only one source' is listed, not reviewed: the review counts are of the other findings
        reviewable = [f for f in findings if f.is_discrepancy]
        review_counts = Counter(_status(f) for f in reviewable)
        title = story_title(self.c)
        dismissed = tuple(f for f in findings if _status(f) == ReviewStatus.DISMISSED.value)
        return ReportView(
            title=title,
            running_title=_short(title, RUNNING_TITLE_CHARS),
            generated=self.c.generated,
            sources=tuple(self._source(d, summary) for d in self.c.documents),
            verdicts=tuple(
                Option(v.value, VERDICT_LABELS[v], verdict_counts[v.value], VERDICT_ICONS[v]) for v in Verdict
            ),
            finding_types=tuple(
                Option(t.value, FINDING_LABELS[t], type_counts[t.value])
                for t in FindingType
                if type_counts[t.value]
            ),
            outlets=tuple(Option(self.doc_anchor[d.id], self.doc_label[d.id], 0) for d in self.c.documents),
            matrix=tuple(self._row(c) for c in self.c.claims),
            findings=tuple(findings),
            top_findings=tuple(findings[:TOP_FINDINGS]),
            claims=claims,
            agreed=agreed,
            differing=tuple(
                c for c in claims if c.verdict in (Verdict.PARTIAL.value, Verdict.CONFLICT.value)
            ),
            only_one=only_one,
            notes=self.c.notes if self.c.notes and self.c.notes.strip() else None,
            language_limits=self._language_limits(),
            statement_total=len(self.c.statements),
            claim_total=len(self.c.claims),
            finding_total=len(self.c.findings),
            other_statements=sum(1 for s in self.c.statements if not s.kind.is_claim),
            discrepancies=tuple(f for f in findings if f.is_discrepancy and f not in dismissed),
            disputed=tuple(c for c in claims if c.verdict == Verdict.CONFLICT.value and not c.flagged),
            one_source=self._one_source(only_one, findings, dismissed),
            restating_headlines=tuple(
                SingleView(
                    claim=c,
                    statement=c.statements[0],
                    text=clip(c.statements[0].text, ITEM_QUOTE_CHARS),
                    finding=None,
                )
                for c in claims
                if c.summarises and c.statements
            ),
            one_source_total=len(only_one),
            dismissed=dismissed,
            stale=tuple(
                StaleView(d.finding, d.status.value, REVIEW_LABELS[d.status], d.note, d.about, d.decided)
                for d in self.c.stale_decisions()
            ),
            review_counts=tuple(
                Option(r.value, REVIEW_LABELS[r], review_counts[r.value], REVIEW_ICONS[r])
                for r in ReviewStatus
            ),
            reviewed=bool(self.c.decisions),
            review_key="compare-review:" + "|".join(sorted(d.id for d in self.c.documents)),
            document_ids=tuple(d.id for d in self.c.documents),
            key_figures=tuple(self._figure(k, columns) for k in self.c.key_figures),
            agreed_brief=agreed_brief[:AGREED_BRIEF],
            reviewable_total=len(reviewable),
            copies=tuple(self._copies_line(group) for group in self.c.copies),
            copied_only=len(shared) - len(agreed),
            figure_columns=tuple(" = ".join(self.doc_label[d] for d in column) for column in columns),
        )

    def _copies_line(self, group: CopyGroup) -> str:
        names = _and_list([self.doc_label[d] for d in group.documents])
        share = round(group.shared * 100)
        return f"{names} carry the same text ({share} % of statements word for word): counted as one source."

    def _figure_columns(self) -> list[tuple[str, ...]]:
        """The key-figures table's columns: one per source, copies of one text in one column."""
        columns: dict[str, list[str]] = {}
        for document in self.c.documents:
            columns.setdefault(self.c.source_of(document.id), []).append(document.id)
        return [tuple(column) for column in columns.values()]

    def _figure(self, figure: KeyFigure, columns: Sequence[tuple[str, ...]]) -> FigureRowView:
        """A key-figure row as shown, a cell per column: each value linked to the statement it is said in."""
        cells = {cell.document: cell for cell in figure.cells}
        row: list[tuple[FigureValueView, ...]] = []
        for column in columns:
            values: list[FigureValueView] = []
            for document_id in column:  # copies of one text share a column: each wording once
                cell = cells.get(document_id)
                for value in cell.values if cell else ():
                    text = clip(value.text, FIGURE_VALUE_CHARS)
                    same = next((n for n, v in enumerate(values) if v.text == text), None)
                    if same is not None and (values[same].marked or value.finding is None):
                        continue
                    statement = self.statements.get(value.span.statement)
                    values.append(
                        FigureValueView(
                            text=text,
                            quote=clip(statement.text, ITEM_QUOTE_CHARS) if statement else value.text,
                            anchor=self.st_anchor.get(value.span.statement, self.doc_anchor[document_id]),
                            marked=value.finding is not None,
                        )
                    )
                    if same is not None:  # a copy's wording the finding quotes replaces the unmarked one
                        values[same] = values.pop()
            row.append(tuple(values))
        return FigureRowView(
            id=figure.id,
            kind=figure.kind.value,
            kind_label=FIGURE_KIND_LABELS[figure.kind],
            label=figure.label,
            cells=tuple(row),
            outlets=figure.outlets,
            findings=tuple((self.finding_anchor[f], f) for f in figure.findings if f in self.finding_anchor),
        )

    def _one_source(
        self, only_one: Sequence[ClaimView], findings: Sequence[FindingView], dismissed: Sequence[FindingView]
    ) -> tuple[OutletGroup, ...]:
        """`only_one`'s statements by outlet, those whose finding a reviewer dismissed left out; in each
        outlet those carrying a figure or date, or a name or source in a claim no other report touches,
        come first."""
        unique_finding = {f.claim_id: f for f in findings if f.type == FindingType.UNIQUE.value}
        hidden = {f.claim_id for f in dismissed if f.type == FindingType.UNIQUE.value}
        kinds: dict[str, set[FactKind]] = defaultdict(set)
        for fact in self.c.facts:
            if fact.kind is not FactKind.TIME or fact.label != "DURATION":
                kinds[fact.statement].add(fact.kind)
        groups: dict[str, list[SingleView]] = defaultdict(list)
        for claim in only_one:
            if not claim.statements or claim.id in hidden:
                continue
            statement = claim.statements[0]
            held = kinds.get(statement.id, set())
            told_elsewhere = any(r.notable for r in claim.related)
            groups[statement.source].append(
                SingleView(
                    claim=claim,
                    statement=statement,
                    text=clip(statement.text, ITEM_QUOTE_CHARS),
                    finding=unique_finding.get(claim.id),
                    telling=bool(held & {FactKind.NUMBER, FactKind.TIME})
                    or (not told_elsewhere and bool(held & {FactKind.ENTITY, FactKind.ATTRIBUTION})),
                )
            )
        out = []
        per_outlet = max(1, min(ONE_SOURCE_BRIEF, ONE_SOURCE_BRIEF_TOTAL // max(1, len(groups))))
        for document in self.c.documents:
            items = sorted(groups.get(self.doc_anchor[document.id], ()), key=lambda item: not item.telling)
            if items:
                brief = tuple(
                    SingleView(
                        i.claim, i.statement, clip(i.statement.text, ONE_SOURCE_BRIEF_CHARS), i.finding
                    )
                    for i in items[:per_outlet]
                )
                out.append(
                    OutletGroup(
                        self.doc_label[document.id],
                        self.doc_anchor[document.id],
                        tuple(items),
                        brief=brief,
                        more=len(items) - len(brief),
                    )
                )
        return tuple(out)

    def _claim_pos(self, claim_id: str) -> int:
        anchor = self.claim_anchor.get(claim_id)
        return int(anchor.split("-")[1]) if anchor else 0

    def _statement(self, statement: Statement, pieces: tuple[Piece, ...] | None = None) -> StatementView:
        claim_id = self.claim_of.get(statement.id)
        return StatementView(
            id=statement.id,
            anchor=self.st_anchor[statement.id],
            source=self.doc_anchor.get(statement.document, "dx"),
            outlet=self.doc_label.get(statement.document, statement.document),
            kind=statement.kind.value,
            kind_label=KIND_LABELS[statement.kind],
            text=statement.text,
            pieces=pieces if pieces is not None else (Piece(statement.text),),
            claim_anchor=self.claim_anchor.get(claim_id) if claim_id else None,
            lang=self.doc_lang.get(statement.document),
        )

    def _source(self, document: Document, summary: dict[str, object]) -> SourceView:
        per_document = summary["per_document"]
        assert isinstance(per_document, dict)
        counts = per_document[document.id]
        own = sorted((s for s in self.c.statements if s.document == document.id), key=lambda s: s.start)
        segments: list[Segment] = []
        cursor = 0
        for statement in own:
            if statement.start < cursor:
                continue  # overlapping spans cannot be nested; the earlier one wins
            if statement.start > cursor:
                segments.append(Segment(document.text[cursor : statement.start]))
            segments.append(Segment(statement.text, self._statement(statement)))
            cursor = statement.end
        if cursor < len(document.text):
            segments.append(Segment(document.text[cursor:]))
        restating = sum(1 for c in self.c.claims if c.summarises and document.id in c.documents)
        return SourceView(
            anchor=self.doc_anchor[document.id],
            id=document.id,
            label=self.doc_label[document.id],
            outlet=document.outlet,
            title=document.title,
            published=document.published,
            url=safe_href(document.url),
            language=document.language,
            author=document.author,
            statements=counts["statements"],
            claims=counts["claims"],
            findings=sum(
                1
                for f in self.c.findings
                if any(
                    self.statements[s].document == document.id for s in f.statements if s in self.statements
                )
            ),
            counts={v.value: counts[v.value] for v in Verdict},
            segments=tuple(segments),
            only_here=counts[Verdict.UNIQUE.value] - restating,
            headlines_restating=restating,
        )

    def _cell_state(self, claim: Claim, statement_ids: Sequence[str]) -> str:
        if not statement_ids:
            return "absent"
        if claim.verdict is Verdict.UNIQUE:
            return "headline" if claim.summarises else "unique"
        mine = set(statement_ids)
        relations = {p.relation for p in claim.pairs if p.a in mine or p.b in mine}
        if Relation.CONFLICT in relations:
            return "conflict"
        if Relation.PARTIAL in relations or claim.verdict is Verdict.PARTIAL:
            return "partial"
        return "agree"

    def _row(self, claim: Claim) -> MatrixRow:
        by_doc: dict[str, list[str]] = defaultdict(list)
        for statement_id in claim.statements:
            statement = self.statements.get(statement_id)
            if statement:
                by_doc[statement.document].append(statement_id)
        cells = []
        for document in self.c.documents:
            ids = by_doc.get(document.id, [])
            state = self._cell_state(claim, ids)
            icon, label = CELL_LABELS[state]
            cells.append(
                Cell(
                    source=self.doc_anchor[document.id],
                    state=state,
                    icon=icon,
                    label=label,
                    statements=tuple(self.st_anchor[s] for s in ids),
                )
            )
        return MatrixRow(
            anchor=self.claim_anchor[claim.id],
            id=claim.id,
            verdict=claim.verdict.value,
            verdict_label=HEADLINE_LABEL if claim.summarises else VERDICT_LABELS[claim.verdict],
            verdict_icon=VERDICT_ICONS[claim.verdict],
            heading=self._heading(claim),
            cells=tuple(cells),
            sources=self._claim_sources(claim),
            finding_types=self._claim_types(claim),
        )

    def _language_limits(self) -> tuple[str, ...]:
        """One line per document not in English: which judgements it did not get."""
        limits = self.c.settings.get("language_limits") or {}
        return tuple(
            f"{self.doc_label[d.id]} (language {d.language or '?'}): not judged for it yet: "
            + "; ".join(limits[d.id])
            for d in self.c.documents
            if d.id in limits
        )

    def _heading(self, claim: Claim) -> str:
        """The claim's gist (chosen at alignment), else its first statement."""
        chosen = self.statements.get(claim.gist) if claim.gist else None
        first = chosen or next((self.statements[s] for s in claim.statements if s in self.statements), None)
        return _short(first.text) if first else claim.id

    def _claim_sources(self, claim: Claim) -> tuple[str, ...]:
        docs = {self.statements[s].document for s in claim.statements if s in self.statements}
        return tuple(self.doc_anchor[d.id] for d in self.c.documents if d.id in docs)

    def _claim_types(self, claim: Claim) -> tuple[str, ...]:
        return tuple(sorted({f.type.value for f in self.findings_by_claim.get(claim.id, [])}))

    def _claim(self, claim: Claim) -> ClaimView:
        order = {d.id: n for n, d in enumerate(self.c.documents)}
        members = sorted(
            (self.statements[s] for s in claim.statements if s in self.statements),
            key=lambda s: (order.get(s.document, len(order)), s.start),
        )
        views: list[StatementView] = []
        for statement in members:
            # Differences are shown against the first statement of another outlet.
            reference = next((m for m in members if m.document != statement.document), None)
            pieces = claim_pieces(
                statement.text,
                statement.start,
                self.fact_ranges.get(statement.id, ()),
                reference.text if reference else None,
            )
            views.append(self._statement(statement, pieces))
        by_id = {v.id: v for v in views}
        discrepancies = [
            f for f in self.findings_by_claim.get(claim.id, []) if f.type is not FindingType.UNIQUE
        ]
        pairs = tuple(
            PairView(
                a=by_id[p.a],
                b=by_id[p.b],
                relation=p.relation.value,
                label=pair_label(p),
                score=p.score,
                detail=p.detail,
            )
            for p in claim.pairs
            if p.a in by_id and p.b in by_id
        )
        return ClaimView(
            id=claim.id,
            anchor=self.claim_anchor[claim.id],
            verdict=claim.verdict.value,
            verdict_label=HEADLINE_LABEL if claim.summarises else VERDICT_LABELS[claim.verdict],
            verdict_icon=VERDICT_ICONS[claim.verdict],
            heading=self._heading(claim),
            sources=self._claim_sources(claim),
            finding_types=self._claim_types(claim),
            findings=tuple(
                (self.finding_anchor[f.id], FINDING_LABELS[f.type])
                for f in self.findings_by_claim.get(claim.id, [])
            ),
            statements=tuple(views),
            pairs=pairs,
            related=tuple(
                RelatedView(
                    own=by_id[r.statement],
                    other=self._statement(self.statements[r.other]),
                    claim_id=r.claim,
                    relation=r.relation.value,
                    label=pair_label(Pair(r.statement, r.other, r.score, r.relation, link=r.link)),
                    score=r.score,
                    link=r.link,
                    other_text=clip(self.statements[r.other].text, ITEM_QUOTE_CHARS),
                )
                for r in claim.related[:RELATED_SHOWN]
                if r.statement in by_id and r.other in self.statements
            ),
            related_more=max(0, len(claim.related) - RELATED_SHOWN),
            outlets=tuple(dict.fromkeys(v.outlet for v in views)),
            flagged=bool(discrepancies),
            discrepancy_anchor=self.finding_anchor[discrepancies[0].id] if discrepancies else None,
            detail=claim.detail,
            summarises=tuple(self.claim_anchor[c] for c in claim.summarises if c in self.claim_anchor),
            headline_note=self._headline_note(claim.id),
        )

    def _headline_note(self, claim_id: str) -> str | None:
        """ "also in BBC's headline" for a shared claim that a report's headline restates."""
        names = self.headlined_by.get(claim_id)
        if not names:
            return None
        if len(names) == 1:
            return f"also in {names[0]}'s headline"
        return f"also in the headlines of {_and_list(names)}"

    def _finding(self, finding: Finding) -> FindingView:
        ids = list(finding.statements)
        for span in finding.spans:
            if span.statement not in ids:
                ids.append(span.statement)
        quotes = []
        for statement_id in ids:
            statement = self.statements.get(statement_id)
            if statement is None:
                continue
            ranges = [(s.start, s.end) for s in finding.spans if s.statement == statement_id]
            quotes.append(self._statement(statement, highlight(statement.text, statement.start, ranges)))
        claim = self.claims.get(finding.claim)
        docs = {q.source for q in quotes}
        sides = self._sides(finding)
        shown = {normalise_quote(q) for side in sides for q in side.quotes}
        decision = self.decisions.get(finding.id)
        status = decision.status if decision else ReviewStatus.OPEN
        context = tuple(q for q in quotes if normalise_quote(q.text) not in shown)
        brief = _brief_quotes(context, sides)
        return FindingView(
            id=finding.id,
            anchor=self.finding_anchor[finding.id],
            type=finding.type.value,
            type_label=FINDING_LABELS[finding.type],
            severity=finding.severity.value,
            severity_label=SEVERITY_LABELS[finding.severity.value],
            severity_icon=SEVERITY_ICONS[finding.severity.value],
            message=finding.message,
            note=finding.note,
            claim_anchor=self.claim_anchor.get(finding.claim),
            claim_id=finding.claim,
            verdict=claim.verdict.value if claim else "",
            sources=tuple(a for a in self.doc_anchor.values() if a in docs),
            quotes=tuple(quotes),
            sides=sides,
            about=f"{FINDING_LABELS[finding.type]} — {sides_line(sides)}" if sides else finding.message,
            review=ReviewView(
                status=status.value,
                label=REVIEW_LABELS[status],
                icon=REVIEW_ICONS[status],
                note=decision.note if decision else None,
                decided=decision.decided if decision else None,
            ),
            context=context,
            brief_quotes=brief,
            brief_more=len({normalise_quote(q.text) for q in context}) - len(brief),
            lead=message_lead(
                finding.message, set(self.doc_label.values()) | {d.label for d in self.c.documents}
            ),
        )

    def _sides(self, finding: Finding) -> tuple[Side, ...]:
        """Who says what: the quoted facts by outlet; outlets quoting the same words share a side."""
        by_document: dict[str, list[str]] = defaultdict(list)
        spans: Sequence[Span | Statement] = finding.spans or tuple(
            self.statements[s] for s in finding.statements if s in self.statements
        )
        for item in spans:
            if isinstance(item, Span):
                text = span_display(item, self.statements.get(item.statement))
            else:
                text = item.text
            quote = span_quote(text)
            if quote and quote not in by_document[item.document]:
                by_document[item.document].append(quote)
        order = [d.id for d in self.c.documents] + sorted(set(by_document) - set(self.doc_label))
        wording: dict[tuple[str, ...], tuple[str, ...]] = {}
        outlets: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for document in order:
            said = by_document.get(document)
            if said:
                key = tuple(normalise_quote(q) for q in said)
                wording.setdefault(key, tuple(said))  # the first outlet's wording stands for the group
                outlets[key].append(self.doc_label.get(document, document))
        return tuple(Side(outlets=tuple(outlets[key]), quotes=wording[key]) for key in wording)


SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
TYPE_ORDER = {t.value: n for n, t in enumerate(FindingType)}
