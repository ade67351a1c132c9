"""Name normalisation: case, punctuation, titles and a small table of common aliases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# Words that are a person's role, not their name ("President Donald Trump" -> "donald trump").
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "former",
        "late",
        "acting",
        "deputy",
        "chief",
        "prime",
        "minister",
        "secretary",
        "undersecretary",
        "under",
        "assistant",
        "general",
        "lieutenant",
        "colonel",
        "major",
        "captain",
        "admiral",
        "sergeant",
        "commander",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "sgt",
        "cmdr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "judge",
        "justice",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "emir",
        "crown",
        "foreign",
        "defense",
        "defence",
        "state",
        "interior",
        "of",
        "for",
        "policy",
        "the",
        "u.s.",
        "us",
        "uk",
        "head",
        "leader",
        "official",
        "officials",
        "pilot",
        "co-pilot",
        "captain",
    ]
)

# Common aliases of well-known places and bodies (lower-cased, punctuation-free keys).
_ALIASES: dict[str, str] = {
    "us": "united states",
    "usa": "united states",
    "u s": "united states",
    "u s a": "united states",
    "america": "united states",
    "united states of america": "united states",
    "the united states": "united states",
    "the us": "united states",
    "uk": "united kingdom",
    "u k": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "russian federation": "russia",
    "the kremlin": "kremlin",
    "pentagon": "us department of defense",
    "the pentagon": "us department of defense",
    "department of defense": "us department of defense",
    "us department of defense": "us department of defense",
    "defense department": "us department of defense",
    "us defense department": "us department of defense",
    "dod": "us department of defense",
    "department of defence": "us department of defense",
    "state department": "us department of state",
    "us state department": "us department of state",
    "department of state": "us department of state",
    "white house": "white house",
    "the white house": "white house",
    "wsj": "wall street journal",
    "the wall street journal": "wall street journal",
    "the wsj": "wall street journal",
    "nyt": "new york times",
    "the new york times": "new york times",
    "un": "united nations",
    "u n": "united nations",
    "the un": "united nations",
    "eu": "european union",
    "the eu": "european union",
    "nato": "nato",
    "faa": "federal aviation administration",
    "us federal aviation administration": "federal aviation administration",
    "kiev": "kyiv",
    "ukrainian": "ukraine",
    "russian": "russia",
    "american": "united states",
    "americans": "united states",
    "british": "united kingdom",
    "ukrainians": "ukraine",
    "russians": "russia",
}

_COMPOUND_TITLES = {"under secretary": "undersecretary", "vice president": "vicepresident"}


def fold(text: str) -> str:
    """Lower-case, drop punctuation and possessives, unify compound titles and spaces."""
    t = text.lower().replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    t = t.replace("u.s.", "us").replace("u.k.", "uk").replace("u.n.", "un")
    t = re.sub(r"[^\w\s-]", " ", t)
    t = t.replace("-", " ")
    for compound, single in _COMPOUND_TITLES.items():
        t = t.replace(compound, single)
    t = re.sub(r"^(the|a|an)\s+", "", t.strip())
    return re.sub(r"\s+", " ", t).strip()


def normalise(text: str, label: str = "") -> str:
    """The comparison key of a name: folded, aliased, and for people stripped of titles."""
    key = fold(text)
    if key in _ALIASES:
        return _ALIASES[key]
    if label == "PERSON":
        words = [w for w in key.split() if w not in TITLE_WORDS]
        key = " ".join(words) or key
    return _ALIASES.get(key, key)


def same_entity(a: str, b: str) -> bool:
    """Whether two keys can name the same thing: equal, or one is the other's surname / tail."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return long_[-len(short) :] == short or long_[: len(short)] == short


_NOT_INITIALS = frozenset({"of", "and", "the", "for", "&"})


def abbreviates(short: str, long_: str) -> bool:
    """Whether a one-word key is the initials of a longer name ('un' / 'united nations', 'eu')."""
    if " " in short or len(short) < 2:
        return False
    words = [w for w in long_.split() if w not in _NOT_INITIALS]
    return len(words) == len(short) and all(w[:1] == c for w, c in zip(words, short, strict=True))


def canonical_map(keys: Iterable[str]) -> Mapping[str, str]:
    """Map short names to the one full name in a comparison that they can stand for."""
    unique = sorted(set(keys), key=lambda k: (-len(k.split()), k))
    mapping: dict[str, str] = {}
    for key in unique:
        fuller = [k for k in unique if k != key and len(k.split()) > len(key.split()) and same_entity(k, key)]
        if len(fuller) == 1:
            mapping[key] = mapping.get(fuller[0], fuller[0])
        elif len(fuller) > 1:
            # ambiguous surname: only map if every candidate agrees after mapping
            targets = {mapping.get(k, k) for k in fuller}
            mapping[key] = targets.pop() if len(targets) == 1 else key
        else:
            mapping[key] = key
    return mapping


# Nouns that make a phrase a job title ("the Defense Secretary", "Pentagon spokesman").
_ROLE_NOUNS = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "undersecretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
        "chief",
        "chairman",
        "chairwoman",
        "governor",
        "mayor",
        "ambassador",
        "commander",
        "general",
        "admiral",
        "senator",
        "emir",
        "king",
        "queen",
        "prince",
        "pope",
        "head",
        "leader",
        "premier",
        "chancellor",
    ]
)
_TITLE_FILLER = frozenset(["the", "a", "an", "of", "for", "us", "u", "s", "uk", "and"])
_TITLE_BEFORE_NAME = re.compile(r"((?:(?:[A-Z][\w.'’-]*|of|for|the)[ \t]*,?[ \t]+){1,7})$")


def title_key(text: str) -> frozenset[str] | None:
    """The words of a job title, order-free: 'the U.S. Defense Secretary' and 'Secretary of Defense'
    both give {'defense', 'secretary'}; None when the phrase holds no role noun."""
    words = [w for w in fold(text).split() if w not in _TITLE_FILLER]
    if not words or len(words) > 6 or not any(w in _ROLE_NOUNS for w in words):
        return None
    return frozenset(words)


def title_before(text: str, name_start: int) -> frozenset[str] | None:
    """The job title written just before a name ('Secretary of Defense Pete Hegseth', 'Secretary, Pete')."""
    match = _TITLE_BEFORE_NAME.search(text[max(0, name_start - 80) : name_start])
    return title_key(match.group(1)) if match else None


# Countries (folded, aliased keys): a city and its country are containment, not two different places.
_COUNTRY_LINES = (
    "afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan",
    "bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana",
    "brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia",
    "comoros congo croatia cuba cyprus czech czechia denmark djibouti dominica ecuador egypt eritrea",
    "estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada",
    "guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel",
    "italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia",
    "lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia",
    "maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro",
    "morocco mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger",
    "nigeria macedonia norway oman pakistan palau palestine panama paraguay peru philippines poland",
    "portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia",
    "slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania",
    "thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan",
    "vanuatu vatican venezuela vietnam yemen zambia zimbabwe",
)
COUNTRIES = frozenset(word for line in _COUNTRY_LINES for word in line.split()) | frozenset(
    [
        "united states",
        "united kingdom",
        "united arab emirates",
        "saudi arabia",
        "south africa",
        "south korea",
        "north korea",
        "new zealand",
        "sri lanka",
        "costa rica",
        "el salvador",
        "ivory coast",
        "sierra leone",
        "south sudan",
        "east timor",
        "papua new guinea",
        "dominican republic",
        "czech republic",
        "central african republic",
        "equatorial guinea",
        "cape verde",
        "trinidad and tobago",
        "bosnia and herzegovina",
        "north macedonia",
        "san marino",
        "marshall islands",
        "solomon islands",
    ]
)
