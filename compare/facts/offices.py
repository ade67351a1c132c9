"""Offices: the post a text says a named person holds ('fire chief Ana Ruiz', 'Ana Ruiz, the fire chief of
Springfield,', "Springfield's fire chief, Ana Ruiz,").

Entity facts say who a name is and what it does in its sentence (the verb it is the subject of), not the
title written before it, so the post is read here, once, as a fact of its own (kind OFFICE): `key` the
person's name (compare.facts.aliases.normalise), `role` the words of the office in text order, spelling
unified ('civil defense chief'), `qualifier` the places it is an office of ('bahrain' for "Bahrain's" or
'Bahraini'), None when the text names none. Only a definite, singular office is read: a title written
before a name, or 'the'/a possessive before it; never 'a spokesman', 'officials' or 'former chief'.
Without a parse no office is read.
"""

from __future__ import annotations

from typing import Any

from compare.facts import aliases, nlp
from compare.facts.times import CALENDAR_WORDS
from compare.model import Fact, FactKind

# Nouns naming a post that one person holds at a time in its organisation.
_HEADS = frozenset(
    {
        "chief",
        "head",
        "director",
        "minister",
        "secretary",
        "mayor",
        "governor",
        "president",
        "chairman",
        "chairwoman",
        "chairperson",
        "commissioner",
        "commander",
        "ambassador",
        "premier",
        "chancellor",
        "sheriff",
        "coroner",
        "superintendent",
        "ceo",
    }
)
# Nouns that name a single post only with 'chief' or 'head' before them ('chief executive', 'head coach').
_HEADED = frozenset(
    {
        "executive",
        "officer",
        "pilot",
        "inspector",
        "constable",
        "justice",
        "prosecutor",
        "coach",
        "negotiator",
    }
)
# '<X> general' ('Secretary-General', 'Attorney General') is one post, 'general' its last word.
_GENERAL_OF = frozenset({"secretary", "director", "attorney", "inspector", "surgeon", "solicitor"})
# A director is a post of an organisation only when the organisation is named ('FBI Director X'); alone it
# is as often a profession ('film director X').
_NEEDS_OWNER = frozenset({"director", "head"})
# Ranks and forms of address between an office and a name ('civil defence chief Brigadier X').
_RANKS = frozenset(
    {
        "brigadier",
        "colonel",
        "col",
        "general",
        "gen",
        "major",
        "maj",
        "captain",
        "capt",
        "lieutenant",
        "lt",
        "admiral",
        "adm",
        "commodore",
        "sergeant",
        "sgt",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "prof",
        "professor",
        "sir",
        "dame",
        "sheikh",
        "sheik",
        "judge",
        "rev",
        "reverend",
        "father",
    }
)
# Words that put an office in the past or the future: its holder is not the current one.
_NOT_NOW = frozenset(
    {
        "former",
        "ex",
        "late",
        "then",
        "outgoing",
        "incoming",
        "retired",
        "deposed",
        "ousted",
        "previous",
        "erstwhile",
        "onetime",
        "one-time",
        "designate",
        "elect",
        "future",
        "next",
        "new",
        "interim",
        "acting",
    }
)
# Determiners that make an office one of many ('a fire chief', 'another minister').
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any", "every", "each", "no", "other"})
# Words of an organisation's name that say only that it is one ('the Civil Defense Department').
_GENERIC_OWNER = frozenset(
    {
        "department",
        "dept",
        "ministry",
        "service",
        "services",
        "agency",
        "authority",
        "directorate",
        "bureau",
        "office",
        "force",
        "the",
        "of",
        "for",
        "and",
        "s",
    }
)
# Spellings of one word: an office's words compare in one spelling.
_SPELLINGS = {
    "defence": "defense",
    "programme": "program",
    "labour": "labor",
    "centre": "center",
    "councillor": "councilor",
    "organisation": "organization",
    "head": "chief",
}
_NAME_PARTICLES = frozenset(
    {"bin", "ibn", "bint", "al", "el", "abu", "abd", "de", "da", "di", "del", "van", "von", "der", "la", "le"}
)
_PLACE_ENTS = frozenset({"GPE", "NORP", "LOC"})
_OTHER_ENTS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "DATE", "TIME", "MONEY"})
_MAX_NAME = 8  # tokens of a name ('Abdul - Rahman bin Rashed al - Khalifa')
_MAX_TITLE = 7  # tokens of the words before an office's head noun
_MAX_OWNER = 7  # tokens of an 'of' complement ('of Bahrain's Civil Defense')


def extract(text: str, offset: int, statement_id: str) -> list[Fact]:
    """Office facts of one statement (kind OFFICE), ordered by position."""
    parsed = nlp.parse(text)
    if parsed is None:
        return []
    found: dict[tuple[int, int], Fact] = {}
    for token in parsed:
        if not _is_head(parsed, token):
            continue
        for reading in (
            _before_name(parsed, token),
            _after_name(parsed, token),
            _before_apposed(parsed, token),
        ):
            if reading is None:
                continue
            start, end, name, words, places = reading
            key = aliases.normalise(name, "PERSON")
            if not key or not words:
                continue
            found.setdefault(
                (start, end),
                Fact(
                    id="",
                    statement=statement_id,
                    kind=FactKind.OFFICE,
                    start=offset + start,
                    end=offset + end,
                    text=text[start:end],
                    key=key,
                    label="OFFICE",
                    role=" ".join(words),
                    qualifier=" ".join(places) or None,
                ),
            )
            break
    return sorted(found.values(), key=lambda f: f.start)


def place_key(word: str) -> str:
    """A place word as the country it names, where it is one or its demonym ('Bahraini' -> 'bahrain')."""
    key = aliases.normalise(word, "GPE")
    if key in aliases.COUNTRIES:
        return key
    for country in aliases.COUNTRIES:
        if " " in country or len(country) < 4:
            continue
        stems = (country, country[:-1]) if country[-1] in "aeiouy" else (country,)
        if any(key.startswith(stem) and key[len(stem) :] in _DEMONYM_ENDINGS for stem in stems):
            return country
    return key


_DEMONYM_ENDINGS = frozenset({"i", "n", "an", "ian", "ese", "ish", "ic", "s"})

Reading = tuple[int, int, str, list[str], list[str]]  # start, end, name, office words, places


def _is_head(parsed: Any, token: Any) -> bool:
    """A singular noun naming a post: 'chief', 'minister'; 'executive' after 'chief'; 'general' after
    'secretary'."""
    lower = token.lower_
    if token.tag_ in ("NNS", "NNPS") or token.pos_ not in ("NOUN", "PROPN"):
        return False
    before = _previous_word(parsed, token.i)
    if lower == "general":
        return before is not None and before.lower_ in _GENERAL_OF
    if lower in _HEADED:
        return before is not None and before.lower_ in ("chief", "head")
    return lower in _HEADS


def _previous_word(parsed: Any, i: int) -> Any | None:
    """The word before token i, across a hyphen ('Secretary-General')."""
    j = i - 1
    if j >= 0 and parsed[j].text == "-":
        j -= 1
    return parsed[j] if j >= 0 else None


def _name_at(parsed: Any, i: int) -> tuple[int, int] | None:
    """The person's name starting at token i (token indexes, end exclusive): a run of capitalised proper
    nouns, hyphens and name particles, not part of a place, an organisation or a date."""
    j = i
    while j < len(parsed) and j - i < _MAX_NAME:
        token = parsed[j]
        if token.pos_ == "PROPN" and token.text[:1].isupper() and token.lower_ not in CALENDAR_WORDS:
            if token.ent_type_ in _OTHER_ENTS:
                break
            j += 1
        elif j > i and parsed[j - 1].text == "-" and token.is_alpha:
            j += 1  # 'Ki-moon': a name's part after a hyphen, in any case
        elif j > i and (token.text == "-" or token.lower_ in _NAME_PARTICLES) and j + 1 < len(parsed):
            following = parsed[j + 1]
            if following.pos_ != "PROPN" and not (following.is_alpha and "-" in (token.text, following.text)):
                break
            j += 1
        else:
            break
    while j > i and (parsed[j - 1].text == "-" or parsed[j - 1].lower_ in _NAME_PARTICLES):
        j -= 1
    if j == i or any(parsed[k].lower_ in aliases.TITLE_WORDS - {"the"} for k in range(i, j)):
        return None
    if j < len(parsed) and parsed[j].text in ("'s", "’s"):
        return None  # "Ruiz's": the name owns something, it is not the office holder named
    return i, j


def _title_before(parsed: Any, head: Any) -> tuple[int, bool] | None:
    """Where the words of a title before its head noun start, and whether 'the' or an owner makes it
    definite; None when the title is one of many ('a fire chief') or not a current post ('former')."""
    i = head.i
    first = i
    while i - 1 >= 0 and head.i - (i - 1) <= _MAX_TITLE:
        token = parsed[i - 1]
        if token.text in ("'s", "’s", "'", "-") or token.pos_ in ("NOUN", "PROPN", "ADJ"):
            if token.tag_ in ("NNS", "NNPS") and parsed[i].text not in ("'s", "’s", "'"):
                return None  # 'police and fire chiefs' / 'union leaders' chief': not one post
            if token.ent_type_ == "PERSON" and token.i != head.i - 1:
                break
            i -= 1
            first = i
            continue
        break
    words = {parsed[k].lower_ for k in range(first, head.i + 1)}
    if words & _NOT_NOW or any(parsed[k].lower_.startswith("ex-") for k in range(first, head.i)):
        return None
    before = parsed[first - 1] if first > 0 else None
    if before is not None and (before.lower_ in _INDEFINITE or before.lower_ in _NOT_NOW):
        return None
    if before is not None and before.pos_ == "NUM":
        return None
    owned = any(parsed[k].text in ("'s", "’s") for k in range(first, head.i))
    definite = owned or (before is not None and before.lower_ in ("the", "its", "their", "his", "her"))
    return first, definite


def _owner_after(parsed: Any, head: Any) -> int:
    """The end (token index, exclusive) of an 'of' complement after a head noun ('chief of Springfield'),
    else the head's own end."""
    j = int(head.i) + 1
    if j >= len(parsed) or parsed[j].lower_ != "of":
        return j
    k = j + 1
    while k < len(parsed) and k - j <= _MAX_OWNER:
        token = parsed[k]
        if token.text in ("'s", "’s") or token.pos_ in ("DET", "PROPN", "NOUN", "ADJ") or token.text == "-":
            if token.tag_ in ("NNS", "NNPS"):
                break
            k += 1
            continue
        break
    while k > j + 1 and parsed[k - 1].pos_ == "DET":
        k -= 1
    return k if k > j + 1 else j


def _office(parsed: Any, first: int, end: int) -> tuple[list[str], list[str]] | None:
    """The words of an office (tokens first..end) and the places it is an office of."""
    words: list[str] = []
    places: list[str] = []
    for token in parsed[first:end]:
        folded = aliases.fold(token.text)
        if not folded or folded in _GENERIC_OWNER:
            continue
        place = place_key(token.text) if token.text[:1].isupper() else ""
        if place and (token.ent_type_ in _PLACE_ENTS or place in aliases.COUNTRIES):
            if place not in places:
                places.append(place)
            continue
        for word in folded.split():
            word = _SPELLINGS.get(word, word)
            if word not in _GENERIC_OWNER and word not in words:
                words.append(word)
    return (words, places) if words else None


def _named_owner(parsed: Any, first: int, end: int, places: list[str], head: Any) -> bool:
    """Whether an office is one the text can mean: a director or head only of an organisation it names
    (a place, a name, an owner's 's or an 'of' complement: 'FBI Director', 'head of civil defence'),
    not of a kind of work ('film director')."""
    if head.lower_ not in _NEEDS_OWNER or places or end > head.i + 1:
        return True
    return any(
        t.text in ("'s", "’s")
        or (t.i > 0 and t.text[:1].isupper() and t.ent_type_ in ("ORG", "GPE", "NORP"))
        or (len(t.text) > 1 and t.text.isupper())
        for t in parsed[first : head.i]
    )


def _before_name(parsed: Any, head: Any) -> Reading | None:
    """'fire chief Ana Ruiz', "Bahrain's civil defence chief Brigadier X", 'Secretary-General X'."""
    title = _title_before(parsed, head)
    if title is None:
        return None
    first, _ = title
    i = head.i + 1
    while i < len(parsed) and (parsed[i].lower_.rstrip(".") in _RANKS or parsed[i].text == "."):
        i += 1
    name = _name_at(parsed, i)
    if name is None:
        return None
    office = _office(parsed, first, head.i + 1)
    if office is None or not _named_owner(parsed, first, head.i + 1, office[1], head):
        return None
    return _reading(parsed, first, name[1], name, office)


def _after_name(parsed: Any, head: Any) -> Reading | None:
    """'Ana Ruiz, the fire chief of Springfield,' / "Ana Ruiz, Springfield's fire chief," / 'Ana Ruiz,
    director of the agency,' (with no article only when an 'of' complement names what it heads)."""
    title = _title_before(parsed, head)
    if title is None:
        return None
    first, definite = title
    if first > 0 and parsed[first - 1].pos_ == "DET":
        first -= 1
    end = _owner_after(parsed, head)
    if not definite and end == head.i + 1:
        return None
    if (
        end < len(parsed)
        and parsed[end].text not in (",", ".", ";", ")", "—", "–")
        and parsed[end].pos_ != "VERB"
    ):
        return None
    comma = first - 1
    if comma < 1 or parsed[comma].text != ",":
        return None
    name_end = comma
    name_start = name_end
    while name_start > 0 and name_end - (name_start - 1) <= _MAX_NAME:
        token = parsed[name_start - 1]
        if token.pos_ == "PROPN" or token.text == "-" or token.lower_ in _NAME_PARTICLES:
            name_start -= 1
            continue
        break
    while name_start > 0 and parsed[name_start - 1].lower_.rstrip(".") in _RANKS:
        name_start -= 1
    while name_start < name_end and parsed[name_start].lower_.rstrip(".") in _RANKS:
        name_start += 1
    name = _name_at(parsed, name_start) if name_start < name_end else None
    if name is None or name[1] != name_end:
        return None
    office = _office(parsed, first, end)
    if office is None or not _named_owner(parsed, first, end, office[1], head):
        return None
    return _reading(parsed, name[0], end, name, office)


def _before_apposed(parsed: Any, head: Any) -> Reading | None:
    """'the fire chief, Ana Ruiz,' / "Springfield's fire chief, Tom Becker,"."""
    title = _title_before(parsed, head)
    if title is None:
        return None
    first, definite = title
    end = _owner_after(parsed, head)
    if not definite or end >= len(parsed) - 1 or parsed[end].text != ",":
        return None
    name = _name_at(parsed, end + 1)
    if name is None:
        return None
    after = parsed[name[1]] if name[1] < len(parsed) else None
    if after is not None and after.text not in (",", ".", ";", ")", "—", "–") and after.pos_ != "VERB":
        return None
    office = _office(parsed, first, end)
    if office is None or not _named_owner(parsed, first, end, office[1], head):
        return None
    return _reading(parsed, first, name[1], name, office)


def _reading(
    parsed: Any, first: int, last: int, name: tuple[int, int], office: tuple[list[str], list[str]]
) -> Reading:
    """Character offsets of tokens first..last (exclusive), the name's text, the office's words and places."""
    start = parsed[first].idx
    end = parsed[last - 1].idx + len(parsed[last - 1].text)
    name_start = parsed[name[0]].idx
    name_end = parsed[name[1] - 1].idx + len(parsed[name[1] - 1].text)
    text = parsed.text
    if text[start : start + 4].lower() == "the ":
        start += 4
    return start, end, text[name_start:name_end], office[0], office[1]
