"""Where a named person lives, as news copy gives it: 'Ana Pereira, 61, of Elm Park', 'Tom Becker of
Fairview', 'Pereira, who lived in Maple Heights'.

Read from the parse, once, when the statement is read; the judge sets two reports' homes for one person
against each other (compare.judge.residences).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compare.facts import aliases

_LIVING = frozenset({"live", "reside"})
# Names that are not homes: 'Becker of the FBI', 'Smith of Reuters', 'the mother of John'.
_NOT_HOMES = frozenset({"ORG", "PERSON", "NORP"})


@dataclass(frozen=True, slots=True)
class ResidenceReading:
    """One person's home as a statement gives it."""

    person: str  # the person's name as a comparison key ('ana pereira', 'pereira')
    place: str  # the home's name as a comparison key ('elm park')
    start: int  # offsets in the statement's text of the words to quote ('of Elm Park')
    end: int


def read_residences(parsed: Any) -> list[ResidenceReading]:
    """The homes of named people a parsed statement gives, in order."""
    out: list[ResidenceReading] = []
    for token in parsed:
        found = _of_place(token) or _lives_in(token)
        if found is None:
            continue
        person, place, first = found
        name = _name(person)
        words = _place_words(place)
        if not name or not words:
            continue
        last = words[-1]
        out.append(
            ResidenceReading(
                person=aliases.normalise(name, "PERSON"),
                place=aliases.normalise(" ".join(t.text for t in words)),
                start=first.idx,
                end=last.idx + len(last.text),
            )
        )
    return out


def _of_place(token: Any) -> tuple[Any, Any, Any] | None:
    """'Ana Pereira, 61, of Elm Park' / 'the driver, Tom Becker, of Fairview': the person and the place."""
    if token.lower_ != "of" or token.dep_ != "prep":
        return None
    place = next((c for c in token.children if c.dep_ == "pobj"), None)
    if place is None or place.pos_ != "PROPN" or any(c.dep_ == "det" for c in place.children):
        return None  # 'of the Elm Park police': a body, not a home
    head = token.head
    person = (
        head
        if _is_person(head)
        else next((c for c in head.children if c.dep_ == "appos" and _is_person(c)), None)
    )
    if person is None:
        return None
    # 'Ana Pereira, 61, of Elm Park': the age makes it a home, whatever the tagger calls the place
    aged = any(c.dep_ == "appos" and c.like_num for c in person.children)
    if place.ent_type_ in _NOT_HOMES and not (aged and place.ent_type_ == "ORG"):
        return None
    return person, place, token


def _lives_in(token: Any) -> tuple[Any, Any, Any] | None:
    """'Pereira, who lived (a mile away) in Maple Heights': the person the clause is said of, the place."""
    if str(token.lemma_).lower() not in _LIVING or token.dep_ != "relcl" or token.head.pos_ != "PROPN":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children):
        return None  # 'who' says the name is a person's, whatever the tagger calls it
    for node in token.subtree:
        if node.lower_ == "in" and node.dep_ == "prep":
            place = next((c for c in node.children if c.dep_ == "pobj"), None)
            if place is not None and place.pos_ == "PROPN" and place.ent_type_ not in _NOT_HOMES:
                return token.head, place, token
    return None


def _is_person(token: Any) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "")


def _name(person: Any) -> str:
    parts = [c for c in person.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    return " ".join(t.text for t in sorted([*parts, person], key=lambda t: t.i) if t.is_alpha)


def _place_words(place: Any) -> list[Any]:
    """The place's name ('Elm Park', 'Fairview'), without the state after it ('Fairview, N.Y.')."""
    parts = [c for c in place.children if c.dep_ in ("compound", "flat", "amod") and c.pos_ == "PROPN"]
    return sorted([*parts, place], key=lambda t: t.i)
