"""Checkable facts inside a statement: numbers, times, entities, attribution, polarity, certainty."""

from __future__ import annotations

import re
from dataclasses import replace

from compare.facts import attribution, entities, nlp, numbers, offices, polarity, reading, slots, times
from compare.model import Document, Fact, FactKind, Statement
from compare.text import ReadingText, reading_text

__all__ = ["Reading", "extract_facts", "read_statement"]

Reading = reading.Reading


def read_statement(statement: Statement) -> reading.Reading:
    """How the words of one statement are used, for judging (negation, opposites, stances).

    The words are read in the statement's reading text (NFC, invisible format characters out), and
    their offsets point into the statement's text as given.
    """
    view = reading_text(statement.text)
    found = reading.read(view.text)
    return found if view.exact else _mapped_reading(found, view)


def _mapped_reading(found: reading.Reading, view: ReadingText) -> reading.Reading:
    """A reading made from the reading text, with every offset moved to the text as given."""

    def span(start: int, end: int) -> tuple[int, int]:
        return view.span(min(start, len(view.text)), min(end, len(view.text)))

    words = tuple(replace(word, at=span(word.at, word.at)[0]) for word in found.words)
    clauses = tuple(
        replace(clause, start=(s := span(clause.start, clause.end))[0], end=s[1]) for clause in found.clauses
    )
    stances = tuple(
        replace(
            stance,
            holder_start=(h := span(stance.holder_start, stance.holder_end))[0],
            holder_end=h[1],
            start=(w := span(stance.start, stance.end))[0],
            end=w[1],
        )
        for stance in found.stances
    )
    responses = tuple(
        replace(response, start=(r := span(response.start, response.end))[0], end=r[1])
        for response in found.responses
    )
    residences = tuple(
        replace(home, start=(h := span(home.start, home.end))[0], end=h[1]) for home in found.residences
    )
    return replace(
        found, words=words, clauses=clauses, stances=stances, responses=responses, residences=residences
    )


_KIND_ORDER = {
    "time": 0,
    "number": 1,
    "entity": 2,
    "attribution": 3,
    "polarity": 4,
    "certainty": 5,
    "office": 6,
}


def extract_facts(statement: Statement, document: Document) -> list[Fact]:
    """Extract every fact of one statement.

    Args:
        statement: the statement; its text must equal document.text[start:end].
        document: its document, for the publication date that relative times resolve against.

    Returns:
        Facts ordered by position, with ids "<statement.id>:f<n>" and offsets into document.text.
    """
    # Facts are read in the statement's reading text (NFC, invisible format characters out: "4\u00ad0" is
    # 40, a name typed in NFD is the name) and their offsets then moved to the text as given.
    view = reading_text(statement.text)
    text = view.text
    offset = statement.start if view.exact else 0
    time_facts = times.extract(text, offset, statement.id, document.published)
    taken = [(f.start - offset, f.end - offset) for f in time_facts]
    facts = [
        *time_facts,
        *numbers.extract(text, offset, statement.id, taken),
        *entities.extract(text, offset, statement.id),
        *attribution.extract(text, offset, statement.id),
        *polarity.extract(text, offset, statement.id),
        *offices.extract(text, offset, statement.id),
    ]
    facts.sort(key=lambda f: (f.start, _KIND_ORDER[f.kind.value], f.end))
    parsed = nlp.parse(text)
    out = []
    for n, fact in enumerate(facts, start=1):
        slot = slots.slot_of(
            parsed, fact.start - offset, fact.end - offset, may_date_telling=fact.kind is not FactKind.NUMBER
        )
        start, end = fact.start, fact.end
        if not view.exact:
            start, end = (statement.start + at for at in view.span(fact.start, fact.end))
        out.append(
            replace(
                fact,
                start=start,
                end=end,
                id=f"{statement.id}:f{n}",
                predicate=slot.predicate,
                arg=slot.arg,
                around=slot.words,
                subject=slot.subject,
                narrowing=slot.narrowing,
                hypothetical=slot.hypothetical,
            )
        )
    return _increments(_conversions_in_slot(out, statement), statement)


# Words that make a figure an increment on a toll told elsewhere: 'another four people died', 'four other
# people', 'two more bodies', 'an additional 30 homes'.
_INCREMENT_BEFORE = re.compile(r"\b(?:another|an\s+additional|a\s+further)\s+$", re.IGNORECASE)
_INCREMENT_AFTER = re.compile(r"^\s+(?:other|more|additional|further)\b", re.IGNORECASE)


def _increments(facts: list[Fact], statement: Statement) -> list[Fact]:
    """A figure told as an increment ('another four people died') counts a group narrower than the toll:
    it is marked 'other' among the words narrowing what it counts, so it is a part of any total."""
    out: list[Fact] = []
    for fact in facts:
        if fact.kind is FactKind.NUMBER and "other" not in fact.narrowing:
            at = fact.start - statement.start
            before = statement.text[max(0, at - 20) : at]
            after = statement.text[fact.end - statement.start : fact.end - statement.start + 15]
            if _INCREMENT_BEFORE.search(before) or _INCREMENT_AFTER.match(after):
                fact = replace(fact, narrowing=(*fact.narrowing, "other"))
        out.append(fact)
    return out


def _conversions_in_slot(facts: list[Fact], statement: Statement) -> list[Fact]:
    """A clock time in brackets after another ('8 a.m. local time (0300 GMT)') is the same moment in
    another zone: it sits in the slot of the time it converts, whatever the parse hung it on."""
    out: list[Fact] = []
    for fact in facts:
        before = next((f for f in reversed(out) if f.kind is FactKind.TIME), None)
        if (
            before is not None
            and before.label == fact.label == "TIME"
            and re.fullmatch(
                r"\s*(?:[A-Za-z]+\s*){0,2}\(\s*",
                statement.text[before.end - statement.start : fact.start - statement.start],
            )
        ):
            fact = replace(
                fact,
                predicate=before.predicate,
                arg=before.arg,
                around=before.around,
                subject=before.subject,
                narrowing=before.narrowing,
            )
        out.append(fact)
    return out
