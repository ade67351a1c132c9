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
        if not key or time_zone(text, start, end):
            continue  # 'at 0737 GMT': the small model tags a time zone as a place or an organisation
        role = _role(ent) or _preposition_before(parsed, ent.start)
        relative = relative_place(text, start)
        part = compass_part(text, start) if ent.label_ in PLACE_LABELS else None
        if part is not None:
            start = part.start  # the fact reads 'northern Syria': the part is what it says of the place
            if role is None or role == "of":
                first = parsed.char_span(start, start + 1, alignment_mode="expand").start
                role = _preposition_before(parsed, first) or "in"
        surface = text[start:end]
        named_part = part.name if part else None
        facts.append(
            _entity(statement_id, offset, start, surface, key, ent.label_, role, named_part, relative)
        )
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


# Time-zone designations: never a place or an organisation, whatever the small NER model tags them
# ('struck at 0737 GMT', '9 a.m. EST'). A closed class: the abbreviations that only ever name a zone,
# those that may name something else too ('CT', 'EAT', 'Z') when right after a clock time, and the
# names written out ('Eastern Standard Time', 'Greenwich Mean Time').
_ZONES = frozenset(
    [
        "GMT",
        "UTC",
        "BST",
        "CET",
        "CEST",
        "EET",
        "EEST",
        "MSK",
        "EST",
        "EDT",
        "CDT",
        "MDT",
        "PST",
        "PDT",
        "AKST",
        "AKDT",
        "HST",
        "AEST",
        "AEDT",
        "ACST",
        "ACDT",
        "AWST",
        "NZST",
        "NZDT",
        "JST",
        "KST",
        "HKT",
        "SGT",
        "IST",
        "PKT",
        "SAST",
        "IRST",
    ]
)
_ZONES_AFTER_CLOCK = frozenset(
    [
        "UT",
        "WET",
        "WEST",
        "CST",
        "MST",
        "AST",
        "ADT",
        "NST",
        "NDT",
        "PHT",
        "WIB",
        "ICT",
        "GST",
        "WAT",
        "CAT",
        "EAT",
        "ART",
        "BRT",
        "ET",
        "CT",
        "MT",
        "PT",
        "Z",
        "Zulu",
    ]
)
_ZONE_ABBREVIATION = re.compile(r"(?P<zone>[A-Z]{1,5}|Zulu)(?:\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)?")
_ZONE_NAME = re.compile(r"(?:[A-Z][a-z]+\s+){1,3}(?:(?:Standard|Daylight|Summer|Mean|Saving)\s+)?Time")
_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}[:.]?\d{2}\s*(?:hours\s+|hrs\s+)?$|\b\d{1,2}\s*[ap]\.?m\.?\s*$", re.IGNORECASE
)
_LOCAL_TIME = re.compile(r"\s+time\b", re.IGNORECASE)


def time_zone(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` names a time zone ('GMT', 'UTC+3', 'Pacific Standard Time',
    '0600 Zulu', 'Beijing time' after a clock time) rather than a place."""
    surface = text[start:end].strip().rstrip(".")
    after_clock = _CLOCK_BEFORE.search(text, max(0, start - 12), start) is not None
    abbreviation = _ZONE_ABBREVIATION.fullmatch(surface)
    if abbreviation is not None:
        zone = abbreviation.group("zone")
        return zone in _ZONES or (after_clock and zone in _ZONES_AFTER_CLOCK)
    if _ZONE_NAME.fullmatch(surface):
        return True
    # '10 p.m. Beijing time': the place names the zone the clock is read in, not where it happened
    return after_clock and _LOCAL_TIME.match(text, end) is not None


# Words that give a place as a landmark that something is near, not as where it is: 'near X',
# 'outside X', 'close to X', 'not far from X', 'on the outskirts of X', '40 km (25 miles) south of X'.
_DISTANCE = (
    r"(?:\d[\d.,]*|a\s+few|a\s+couple\s+of|few|several|some|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|a\s+hundred|hundreds\s+of)"
    r"\s*-?\s*(?:km|kms|kilometres?|kilometers?|miles?|mi|metres?|meters?|m|yards?|nautical\s+miles)\b"
    r"(?:\s*\([^)]{1,30}\))?"
)
_DIRECTION = r"(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|NE|NW|SE|SW)"
_RELATIVE_BEFORE = re.compile(
    rf"\b(?:near|nearby|outside|close\s+to|not\s+far\s+(?:away\s+)?from"
    rf"|(?:on|at)\s+the\s+(?:outskirts|edges?|fringes?)\s+of|in\s+the\s+(?:vicinity|outskirts|environs)\s+of"
    rf"|{_DISTANCE}\s+(?:{_DIRECTION}\s+)?(?:of|from|outside|away\s+from))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RELATIVE_REACH = 80  # characters before a place name searched for the words that make it a landmark
# 'south-east of X' is a landmark's side ('struck south-east of X'); 'the south-east of X' is a part of X
_DIRECTION_OF = re.compile(rf"{_DIRECTION}\s+of\s+(?:the\s+)?", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def relative_place(text: str, start: int) -> bool:
    """Whether the words right before a place name at `start` give it as a landmark ('near X')."""
    if _RELATIVE_BEFORE.search(text, max(0, start - _RELATIVE_REACH), start) is not None:
        return True
    part = compass_part(text, start)
    if part is None or not _DIRECTION_OF.fullmatch(text, part.start, start):
        return False
    return _THE_BEFORE.search(text, max(0, part.start - 5), part.start) is None


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
        if any(s < end and start < e for s, e in taken) or time_zone(text, start, end):
            continue
        key = aliases.normalise(text[start:end], "GPE")
        if key:
            relative = relative_place(text, start)
            out.append(
                _entity(statement_id, offset, start, text[start:end], key, "NAME", role, None, relative)
            )
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
        if time_zone(text, start, start + len(surface)):
            continue
        prep = _PREPOSITION_BEFORE.search(text[max(0, start - 20) : start])
        role = prep.group(1).lower() if prep else None
        key = aliases.normalise(surface, "NAME")
        relative = relative_place(text, start)
        facts.append(_entity(statement_id, offset, start, surface, key, "NAME", role, None, relative))
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
    relative: bool = False,
) -> Fact:
    """An entity fact at statement-relative `start`; `part` is the compass part of a place, if named;
    `relative` whether the place is given relative to a landmark ('near X')."""
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
        relative=relative,
    )
