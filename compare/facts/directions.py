"""Bearings from a landmark: '40 km north of Talca', 'to the west of X', 'NNE of X', 'off the west coast
of X'.

A bearing is the side of a named landmark where a statement puts something, as an angle clockwise from
north. It is read from the words of a statement together with its entity facts: the landmark is the
entity the words lead up to, so two statements' bearings meet through the entity key ('Talca' / 'talca').
Only a direction *from* a landmark is a bearing: 'the north of Chile' and 'northern Iraq' are parts of a
place (compare.facts.entities.compass_part), 'headed north' is a heading, 'north from X' a way of
travelling, and 'North Korea' or 'the West Bank' are names, none of which is read here.

The reading is not a fact kind of its own: a bearing is what a statement says of an entity it already
has a fact for, and the judge reads it beside that fact (compare.judge.directions), so the facts of a
report, and its JSON, stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from compare.facts import aliases
from compare.model import Fact, FactKind

_POINTS = {"n": 0.0, "e": 90.0, "s": 180.0, "w": 270.0}
_LETTERS = {"north": "n", "south": "s", "east": "e", "west": "w"}

# A compass direction written out, in 4, 8 or 16 points: 'north', 'south-east', 'southeast',
# 'south east', 'north-northwest', 'east-north-east'.
_CARDINAL = r"(?:north|south|east|west)"
_WORDS = rf"(?:{_CARDINAL}(?:[- ]?(?:north|south)?[- ]?(?:east|west))?)"
# Written as letters (upper case only: 'se' or 'ne' in lower case is no direction). A single letter
# ('40 km N of X') is read only right after a distance, where it cannot be an initial.
_ABBREVIATED = r"(?:[NS](?:[NS]?[EW])?|[EW](?:[NS][EW])?)"
_ONE_DIRECTION = rf"(?:(?i:{_WORDS})|{_ABBREVIATED})"
# Directions joined ('north and east of X') give each of them.
_DIRECTIONS = rf"{_ONE_DIRECTION}(?:\s*(?:,|/|\band\b|\bor\b)\s*{_ONE_DIRECTION})*"
# What may stand between 'of' and the landmark's name: 'the', and a word saying what the landmark is
# ('the town of', 'the Chilean city of', 'the provincial capital', 'the capital,'); a capitalised word
# there only after 'the', so that 'Santa Cruz province, Bolivia' keeps its landmark.
_KINDS = (
    r"(?:town|city|village|hamlet|capital|port|resort|municipality|district|province|region|regency"
    r"|county|state|island|suburb|settlement|base|airport)"
)
_BETWEEN = (
    rf"(?:the\s+(?:[A-Za-z][\w-]*\s+){{0,2}}{_KINDS}(?:\s+of|,)?\s+|(?:[a-z][\w-]*\s+){{0,2}}{_KINDS}"
    rf"(?:\s+of|,)?\s+|the\s+)?"
)
_BEARING = re.compile(
    rf"(?<![\w-])(?:(?P<dirs>{_DIRECTIONS})\s+(?i:of)"
    rf"|(?i:off\s+the)\s+(?P<coast>(?i:{_WORDS}))(?i:ern)?\s+(?i:coast|coastline|shore|shores)\s+(?i:of))"
    rf"\s+(?P<between>{_BETWEEN})(?=[A-Z])"
)
_ONE = re.compile(_ONE_DIRECTION)
# 'the north of Chile' is a part of Chile; 'to the north of Chile' is a side of it
_PART_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_SIDE_BEFORE = re.compile(r"\bto\s+the\s+$", re.IGNORECASE)
# a direction that ends a name: 'the Far East of Russia', 'the Deep South of the US'
_NAME_BEFORE = re.compile(r"\b(?:Far|Middle|Near|Mid|Deep|Wild)\s+$")
_DISTANCE_BEFORE = re.compile(
    r"\d\s*-?\s*(?:km|kms|kilomet(?:re|er)s?|miles?|mi|nm|nautical\s+miles)\s*(?:\([^)]{0,30}\)\s*)?$",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z][\w'’.-]*[A-Za-z](?:\s+(?:de\s+|del\s+|la\s+)?[A-Z][\w'’.-]*[A-Za-z])*")
_OWNER_AFTER = re.compile(r"['’]s?\b|\s+(?:airport|border|coast|river|dam|base|station)\b")
_REACH = 12  # characters before a direction searched for 'the', 'to the' or the end of a name
# What stands between a place's name and the bearing that locates it: 'Linares, 35 km south of X',
# 'Brazos County, located northwest of X', 'Parral, about 20 miles (32 km) to the west of X'.
_LOCATING = (
    r",\s*(?:(?:located|situated|lying|about|some|around|roughly|nearly|almost|approximately|just|only)\s+)*"
    r"(?:[\d.,]+\s*-?\s*[a-z]+(?:\s*\([^)]{0,30}\))?\s+)?(?:to\s+the\s+|due\s+)?"
)
_LOCATES = re.compile(_LOCATING)
_NAMED_BEFORE = re.compile(rf"\b(?P<name>{_NAME.pattern}){_LOCATING}$")
_LOCATED_REACH = 80  # characters before a bearing searched for the name of the place it locates


@dataclass(frozen=True, slots=True)
class Bearing:
    """Where a statement puts something from a landmark: the angle (degrees clockwise from north), the
    landmark's entity key, where the direction words start and the landmark ends (document offsets), the
    landmark's entity fact where the statement has one, and the key of the named place the bearing
    locates when it follows that place's name ('Linares, 35 km south of Talca': 'linares')."""

    degrees: float
    landmark: str
    start: int
    end: int
    fact: Fact | None = None
    of: str | None = None


def degrees_of(direction: str) -> float | None:
    """The angle a compass direction names: 'north' 0, 'south-east' 135, 'NNE' 22.5, 'west-southwest'
    247.5; None for anything else."""
    letters = _letters(direction)
    if letters is None:
        return None
    if len(letters) == 1:
        return _POINTS[letters]
    if len(letters) == 2:
        return _between(_POINTS[letters[0]], _POINTS[letters[1]])
    return _between(_POINTS[letters[0]], _between(_POINTS[letters[1]], _POINTS[letters[2]]))


def _letters(direction: str) -> str | None:
    """'south-southeast' -> 'sse', 'NE' -> 'ne'; None unless it reads as 1 to 3 compass points with the
    last two a quarter between ('ne', not 'ns')."""
    if direction.isupper() and direction.isalpha() and len(direction) <= 3:
        letters = direction.lower()
    else:
        words = re.findall(r"north|south|east|west", direction.lower())
        if "".join(words) != re.sub(r"[- ]", "", direction.lower()):
            return None
        letters = "".join(_LETTERS[w] for w in words)
    if not letters or len(letters) > 3 or any(c not in _POINTS for c in letters):
        return None
    tail = letters[-2:]
    if len(letters) > 1 and not (tail[0] in "ns" and tail[1] in "ew"):
        return None
    if len(letters) == 3 and letters[0] not in tail:
        return None  # 'east-northeast' lies between east and north-east; 'west-northeast' is no point
    return letters


def _between(x: float, y: float) -> float:
    """The angle halfway between two angles along the shorter arc."""
    if abs(x - y) > 180:
        x, y = (x + 360, y) if x < y else (x, y + 360)
    return ((x + y) / 2) % 360


def apart(x: float, y: float) -> float:
    """How far apart two bearings are, 0 to 180 degrees."""
    d = abs(x - y) % 360
    return min(d, 360 - d)


def bearings(text: str, offset: int, facts: Sequence[Fact]) -> list[Bearing]:
    """The bearings a statement gives from named landmarks.

    Args:
        text: the statement's text; `offset` is where it starts in its document.
        facts: the statement's facts (document offsets); its entity facts name the landmarks.

    Returns:
        One bearing per direction and landmark, in the order of the text.
    """
    entities = [f for f in facts if f.kind is FactKind.ENTITY]
    out: list[Bearing] = []
    for match in _BEARING.finditer(text):
        at = match.start()
        before = text[max(0, at - _REACH) : at]
        if _PART_BEFORE.search(before) and not _SIDE_BEFORE.search(before):
            continue  # 'in the north of Chile': a part of the place, not a side of it
        if _NAME_BEFORE.search(before):
            continue  # a name, not a direction
        landmark = _landmark(text, offset, match.end(), entities)
        if landmark is None:
            continue
        key, end, fact = landmark
        if match.group("coast") is not None:
            directions = [(match.group("coast"), match.start("coast"))]
        else:
            directions = [(m.group(0), match.start("dirs") + m.start()) for m in _ONE.finditer(match["dirs"])]
        of = _located_place(text, offset, match.start(), entities)
        for word, start in directions:
            if len(word) == 1 and not _DISTANCE_BEFORE.search(text, max(0, start - 40), start):
                continue  # 'N' or 'E' alone is a direction only right after a distance
            angle = degrees_of(word)
            if angle is not None:
                out.append(Bearing(angle, key, offset + start, offset + end, fact, of))
    return out


def _located_place(text: str, offset: int, at: int, entities: Sequence[Fact]) -> str | None:
    """The key of the place named right before a bearing starting at `at`, which the bearing locates:
    by the statement's entity fact there, else by the capitalised name there."""
    for fact in entities:
        end = fact.end - offset
        if end <= at and _LOCATES.fullmatch(text, end, at):
            return fact.key
    named = _NAMED_BEFORE.search(text, max(0, at - _LOCATED_REACH), at)
    return aliases.normalise(named.group("name"), "GPE") if named is not None else None


def _landmark(
    text: str, offset: int, at: int, entities: Sequence[Fact]
) -> tuple[str, int, Fact | None] | None:
    """The landmark whose name starts at `at`: (entity key, end in `text`, its entity fact), by
    the statement's entity fact there, else by the capitalised name there; None when the name is only
    the owner of the landmark ("north of Talca's main square", 'south of the Talca airport')."""
    fact = next((f for f in entities if f.start - offset <= at < f.end - offset), None)
    if fact is not None:
        key, end = fact.key, fact.end - offset
    else:
        name = _NAME.match(text, at)
        if name is None:
            return None
        key, end = aliases.normalise(name.group(0).rstrip("."), "GPE"), at + len(name.group(0).rstrip("."))
    if not key or _OWNER_AFTER.match(text, end):
        return None
    return key, end, fact
