"""People, organisations, places and objects (spaCy NER, or capitalised names without it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from compare.facts import aliases, nlp
from compare.facts.times import CALENDAR_WORDS
from compare.model import Fact, FactKind

_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_FALLBACK_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*[A-Za-z]|[A-Z]{2,})(?:\s+(?:of\s+|the\s+)?(?:[A-Z][\w'’.-]*[A-Za-z]|[A-Z]{2,}))*"
)
_FALLBACK_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "If",
        "When",
        "After",
        "Before",
        "This",
        "That",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
    ]
)


def extract(text: str, offset: int, statement_id: str) -> list[Fact]:
    """Named-entity facts of one statement; keys are alias-normalised names."""
    parsed = nlp.parse(text)
    if parsed is None:
        return _fallback(text, offset, statement_id)
    facts: list[Fact] = []
    for ent in parsed.ents:
        if ent.label_ not in _LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if text[start : start + 4].lower() == "the ":
            start += 4
        inside = _ABBREVIATED_PART.match(text, start, end)
        if inside is not None and ent.label_ in PLACE_LABELS:  # the model took 'NW' into 'NW Pakistan'
            start = inside.end()
        surface = text[start:end]
        key = aliases.normalise(surface, ent.label_)
        if not key:
            continue
        role = _role(ent) or _preposition_before(parsed, ent.start)
        part = compass_part(text, start) if ent.label_ in PLACE_LABELS else None
        if part is not None:
            start = part.start  # the fact reads 'northern Syria': the part is what it says of the place
            if role is None or role == "of":
                first = parsed.char_span(start, start + 1, alignment_mode="expand").start
                role = _preposition_before(parsed, first) or "in"
        surface = text[start:end]
        named_part = part.name if part else None
        facts.append(_entity(statement_id, offset, start, surface, key, ent.label_, role, named_part))
    facts.extend(_unnamed_places(parsed, text, offset, statement_id, facts))
    return facts


# The part of a place a statement names: 'northern Syria', 'NW Pakistan', 'the north-east of Brazil',
# '40 km south of Kabul'. Each part is the set of compass sectors it covers, so that 'north' and
# 'north-west' overlap while 'north-west' and 'south' exclude each other.
_SECTORS: dict[str, frozenset[str]] = {
    "north": frozenset({"n", "ne", "nw"}),
    "south": frozenset({"s", "se", "sw"}),
    "east": frozenset({"e", "ne", "se"}),
    "west": frozenset({"w", "nw", "sw"}),
    "north-east": frozenset({"ne"}),
    "north-west": frozenset({"nw"}),
    "south-east": frozenset({"se"}),
    "south-west": frozenset({"sw"}),
    "central": frozenset({"c"}),
}
_COMPASS_WORD = (
    r"(?:(?P<first>north|south)(?:[- ]?(?P<second>east|west))?|(?P<side>east|west))(?:ern)?"
    r"|(?P<letters>NE|NW|SE|SW)|(?P<centre>central)"
)
_COMPASS_BEFORE = re.compile(
    rf"\b(?P<word>{_COMPASS_WORD})\s+(?:(?:part|parts|region)\s+)?(?:of\s+(?:the\s+)?)?$", re.IGNORECASE
)


_COMPASS_REACH = 40  # characters before a place name searched for its compass part
_ABBREVIATED_PART = re.compile(r"(?:NE|NW|SE|SW)\s+(?=\w)")


@dataclass(frozen=True, slots=True)
class Part:
    """A compass part named right before a place: its sector name and where its words start."""

    name: str
    start: int


def compass_part(text: str, end: int | None = None) -> Part | None:
    """The compass part that the words right before `end` (a place name's start; default: the end of
    `text`) give the place, if any; `start` indexes `text`."""
    end = len(text) if end is None else end
    # the part is a few words back, never further: the search stays in that window
    match = _COMPASS_BEFORE.search(text, max(0, end - _COMPASS_REACH), end)
    if match is None:
        return None
    letters = match.group("letters")
    if letters is not None:
        if not letters.isupper():
            return None  # 'se' or 'ne' in lower case is not a compass abbreviation
        name = {"NE": "north-east", "NW": "north-west", "SE": "south-east", "SW": "south-west"}[letters]
    elif match.group("centre"):
        name = "central"
    elif match.group("side"):
        name = match.group("side").lower()
    else:
        first, second = match.group("first").lower(), match.group("second")
        name = f"{first}-{second.lower()}" if second else first
    return Part(name, match.start("word"))


def sectors_overlap(x: str, y: str) -> bool:
    """Whether two compass parts of one place can describe the same spot ('north' / 'north-west')."""
    return bool(_SECTORS[x] & _SECTORS[y])


# Prepositions that put a place in a role: where something happened, whence or whither it went.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "off", "from", "to", "outside", "inside", "into"})


def _preposition_before(parsed: Any, index: int) -> str | None:
    """A place preposition right before a name the parse did not attach to it ('strikes off Sumatra')."""
    if index > 0 and parsed[index - 1].lower_ in _PLACE_PREPOSITIONS:
        return str(parsed[index - 1].lower_)
    return None


_NOT_PLACES = frozenset({"DATE", "TIME", "PERSON", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _unnamed_places(parsed: Any, text: str, offset: int, statement_id: str, found: list[Fact]) -> list[Fact]:
    """Proper nouns after a place preposition that the small NER model did not tag ('sank off Rhodes'):
    kept as NAME facts in that role, so that a different place there can still be seen."""
    taken = [(f.start - offset, f.end - offset) for f in found]
    out: list[Fact] = []
    for token in parsed:
        if token.pos_ != "PROPN" or not token.is_title or token.dep_ == "compound":
            continue
        if token.ent_type_ in _NOT_PLACES or token.lower_ in CALENDAR_WORDS:
            continue  # 'due in March', 'held on Monday': a time the model tagged as a name
        first = token
        while first.i > 0 and parsed[first.i - 1].dep_ == "compound" and parsed[first.i - 1].pos_ == "PROPN":
            first = parsed[first.i - 1]
        role = _preposition_before(parsed, first.i) or (
            str(token.head.lower_)
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS
            else None
        )
        if role is None:
            continue
        start, end = first.idx, token.idx + len(token.text)
        if any(s < end and start < e for s, e in taken):
            continue
        key = aliases.normalise(text[start:end], "GPE")
        if key:
            out.append(_entity(statement_id, offset, start, text[start:end], key, "NAME", role))
    return out


def _role(ent: Any) -> str | None:
    """What the entity does in the sentence: 'from' for 'departed from X', 'nsubj:say' for 'X said'."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return str(root.head.lemma_).lower()
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") and root.head.pos_ in ("VERB", "AUX"):
        return f"{root.dep_}:{str(root.head.lemma_).lower()}"
    if ent.label_ == "PERSON":
        return _definite_post(root)
    return None


def _definite_post(root: Any) -> str | None:
    """'appos:pilot' for the one person holding a post: 'the pilot, Luigi Fasulo,' / 'Luigi Fasulo, the
    pilot,'; None for 'a passenger, X' (one of many). Modifiers stay: 'chief pilot' is another post."""
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        noun = root.head
    else:
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if not nouns:
            return None
        noun = nouns[0]
    if not any(c.dep_ in ("det", "poss") and c.lower_ != "a" and c.lower_ != "an" for c in noun.children):
        return None
    words = [str(c.lemma_).lower() for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    return "appos:" + " ".join([*words, str(noun.lemma_).lower()])


def _fallback(text: str, offset: int, statement_id: str) -> list[Fact]:
    """Capitalised word runs when no spaCy model is available; the first word only if it is a name."""
    facts: list[Fact] = []
    for match in _FALLBACK_RE.finditer(text):
        surface = match.group(0).rstrip(".")
        words = surface.split()
        start = match.start()
        while words and words[0] in _FALLBACK_STOP:
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        surface = " ".join(words)
        if start == 0 and len(words) == 1:
            continue  # a sentence-initial capital is not evidence of a name
        prep = _PREPOSITION_BEFORE.search(text[max(0, start - 20) : start])
        role = prep.group(1).lower() if prep else None
        facts.append(
            _entity(statement_id, offset, start, surface, aliases.normalise(surface, "NAME"), "NAME", role)
        )
    return facts


_PREPOSITION_BEFORE = re.compile(rf"\b({'|'.join(sorted(_PLACE_PREPOSITIONS))})\s+(?:the\s+)?$")


def _entity(
    statement_id: str,
    offset: int,
    start: int,
    surface: str,
    key: str,
    label: str,
    role: str | None,
    part: str | None = None,
) -> Fact:
    """An entity fact at statement-relative `start`; `part` is the compass part of a place, if named."""
    return Fact(
        id="",
        statement=statement_id,
        kind=FactKind.ENTITY,
        start=offset + start,
        end=offset + start + len(surface),
        text=surface,
        key=key,
        label=label,
        role=role,
        qualifier=part,
    )
