"""Checkable facts inside a statement: numbers, times, entities, attribution, polarity, certainty."""

from __future__ import annotations

from dataclasses import replace

from compare.facts import attribution, entities, nlp, numbers, polarity, reading, slots, times
from compare.model import Document, Fact, FactKind, Statement

__all__ = ["Reading", "extract_facts", "read_statement"]

Reading = reading.Reading


def read_statement(statement: Statement) -> reading.Reading:
    """How the words of one statement are used, for judging (negation, opposites, stances)."""
    return reading.read(statement.text)


_KIND_ORDER = {"time": 0, "number": 1, "entity": 2, "attribution": 3, "polarity": 4, "certainty": 5}


def extract_facts(statement: Statement, document: Document) -> list[Fact]:
    """Extract every fact of one statement.

    Args:
        statement: the statement; its text must equal document.text[start:end].
        document: its document, for the publication date that relative times resolve against.

    Returns:
        Facts ordered by position, with ids "<statement.id>:f<n>" and offsets into document.text.
    """
    text = statement.text
    offset = statement.start
    time_facts = times.extract(text, offset, statement.id, document.published)
    taken = [(f.start - offset, f.end - offset) for f in time_facts]
    facts = [
        *time_facts,
        *numbers.extract(text, offset, statement.id, taken),
        *entities.extract(text, offset, statement.id),
        *attribution.extract(text, offset, statement.id),
        *polarity.extract(text, offset, statement.id),
    ]
    facts.sort(key=lambda f: (f.start, _KIND_ORDER[f.kind.value], f.end))
    parsed = nlp.parse(text)
    out = []
    for n, fact in enumerate(facts, start=1):
        slot = slots.slot_of(
            parsed, fact.start - offset, fact.end - offset, may_date_telling=fact.kind is not FactKind.NUMBER
        )
        out.append(
            replace(
                fact,
                id=f"{statement.id}:f{n}",
                predicate=slot.predicate,
                arg=slot.arg,
                around=slot.words,
                subject=slot.subject,
                narrowing=slot.narrowing,
                hypothetical=slot.hypothetical,
            )
        )
    return out
