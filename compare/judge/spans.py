"""Building blocks of findings: exact quoted spans and plain-words messages naming the outlets."""

from __future__ import annotations

import re

from compare.facts.numbers import singular
from compare.facts.times import zone_after
from compare.model import Document, Fact, FactKind, Span, Statement

_REPORTING_FORMS = frozenset(
    [
        "said",
        "says",
        "told",
        "reported",
        "reports",
        "claimed",
        "claims",
        "stated",
        "announced",
        "added",
        "confirmed",
        "assumes",
        "believes",
        "wrote",
        "writes",
        "cites",
        "cited",
    ]
)
_QUOTE_LIMIT = 160


def fact_span(fact: Fact, statement: Statement, document: Document) -> Span:
    """The span a reader should see for a fact: the fact, widened to the word that gives it meaning.

    Numbers take the noun they count ("more than 130 bodies"), sources take their verb
    ("two US officials said"), 'since' dates take their 'since'.
    """
    start, end = fact.start, fact.end
    text = document.text
    stmt_end = statement.start + len(statement.text)
    if fact.kind is FactKind.NUMBER and fact.role:
        window = text[end : min(stmt_end, end + 40)]
        words = re.findall(r"[\w'’/-]+", window)[:4]
        offset = 0
        for word in words:
            offset = window.find(word, offset) + len(word)
            if singular(word.strip("-")) in {singular(r) for r in fact.role.rpartition(":")[2].split("+")}:
                end += offset
                break
    elif fact.kind is FactKind.ATTRIBUTION:
        m = re.match(r"\s+(\w+)", text[end:stmt_end])
        if m and m.group(1).lower() in _REPORTING_FORMS:
            end += m.end()
    elif fact.kind is FactKind.TIME and fact.label == "TIME" and (zone := zone_after(text, end)) is not None:
        end = min(stmt_end, end + zone.end())  # '7:37 a.m. local time': the zone is part of the time
    elif fact.kind is FactKind.TIME and fact.label == "SINCE":
        start = _reach_back(
            text, max(statement.start, start - 30), start, r"\b(?:since|from)\s+(?:at least\s+|the\s+)*$"
        )
    elif fact.kind is FactKind.ENTITY and fact.role and fact.role.isalpha():
        start = _reach_back(
            text, max(statement.start, start - 20), start, rf"\b{re.escape(fact.role)}\s+(?:the\s+)?$"
        )
    return Span(document=document.id, statement=statement.id, start=start, end=end, text=text[start:end])


def _reach_back(text: str, earliest: int, start: int, pattern: str) -> int:
    """`start` moved back over the words before it that `pattern` (anchored at its end) matches."""
    m = re.search(pattern, text[earliest:start], re.IGNORECASE)
    return start - len(m.group(0)) if m else start


def statement_span(statement: Statement, document: Document) -> Span:
    """The whole statement as a span."""
    return Span(
        document=document.id,
        statement=statement.id,
        start=statement.start,
        end=statement.start + len(statement.text),
        text=statement.text,
    )


def window_span(statement: Statement, document: Document, start: int, end: int) -> Span:
    """A span inside a statement given document offsets, clipped to the statement."""
    start = max(start, statement.start)
    end = min(end, statement.start + len(statement.text))
    return Span(
        document=document.id, statement=statement.id, start=start, end=end, text=document.text[start:end]
    )


def span_in_statement(statement: Statement, document: Document, start: int, end: int) -> Span:
    """A span given offsets in the statement's own text (as readings keep them)."""
    return window_span(statement, document, statement.start + start, statement.start + end)


def quote(span: Span) -> str:
    """A span's text for a message: one line, long quotes shortened in the middle."""
    text = " ".join(span.text.split())
    if len(text) > _QUOTE_LIMIT:
        half = _QUOTE_LIMIT // 2 - 2
        text = f"{text[:half]} … {text[-half:]}"
    return f"'{text}'"


def sides(label_a: str, span_a: Span, label_b: str, span_b: Span) -> str:
    """ "CNN: '26th floor' — MSNBC: '25th floor'"."""
    return f"{label_a}: {quote(span_a)} — {label_b}: {quote(span_b)}"


def name_list(labels: list[str], limit: int = 3) -> str:
    """'CNN', 'CNN and BBC', 'CNN, BBC and 4 others'."""
    if len(labels) <= 1:
        return "".join(labels)
    if len(labels) <= limit:
        return ", ".join(labels[:-1]) + f" and {labels[-1]}"
    rest = len(labels) - (limit - 1)
    return ", ".join(labels[: limit - 1]) + f" and {rest} others"
