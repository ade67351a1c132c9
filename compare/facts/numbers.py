"""Numbers and quantities: digits, number words, ordinals, money, units, with qualifiers as ranges."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from compare.facts import nlp
from compare.model import Fact, FactKind

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}
_MULTIPLIERS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# unit word -> (unit class, factor to the class's base unit)
_UNIT_TABLE: dict[str, tuple[str, float]] = {
    "km": ("km", 1.0),
    "kilometer": ("km", 1.0),
    "kilometers": ("km", 1.0),
    "kilometre": ("km", 1.0),
    "kilometres": ("km", 1.0),
    "mile": ("km", 1.609344),
    "miles": ("km", 1.609344),
    "mi": ("km", 1.609344),
    "nautical mile": ("km", 1.852),
    "nautical miles": ("km", 1.852),
    "m": ("m", 1.0),
    "meter": ("m", 1.0),
    "meters": ("m", 1.0),
    "metre": ("m", 1.0),
    "metres": ("m", 1.0),
    "ft": ("m", 0.3048),
    "feet": ("m", 0.3048),
    "foot": ("m", 0.3048),
    "kg": ("kg", 1.0),
    "kilogram": ("kg", 1.0),
    "kilograms": ("kg", 1.0),
    "lb": ("kg", 0.45359237),
    "lbs": ("kg", 0.45359237),
    "pound": ("kg", 0.45359237),
    "pounds": ("kg", 0.45359237),
    "ton": ("t", 1.0),
    "tons": ("t", 1.0),
    "tonne": ("t", 1.0),
    "tonnes": ("t", 1.0),
    "%": ("%", 1.0),
    "percent": ("%", 1.0),
    "per cent": ("%", 1.0),
    "pct": ("%", 1.0),
    "pc": ("%", 1.0),
    "percentage points": ("pp", 1.0),
    "percentage point": ("pp", 1.0),
    "km/h": ("km/h", 1.0),
    "kph": ("km/h", 1.0),
    "mph": ("km/h", 1.609344),
    "knots": ("km/h", 1.852),
    "story": ("storeys", 1.0),
    "stories": ("storeys", 1.0),
    "storey": ("storeys", 1.0),
    "storeys": ("storeys", 1.0),
    "cents": ("usd", 0.01),
    "cent": ("usd", 0.01),
}
_CURRENCIES = {
    "$": "usd",
    "us$": "usd",
    "€": "eur",
    "£": "gbp",
    "usd": "usd",
    "eur": "eur",
    "dollars": "usd",
    "euros": "eur",
    "pounds sterling": "gbp",
}

# qualifier phrase -> canonical qualifier
QUALIFIERS: dict[str, str] = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "fewer than": "less than",
    "less than": "less than",
    "under": "less than",
    "exactly": "exactly",
    "only": "exactly",
    "just": "exactly",
}

_WORD_ALT = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_NUMBER_WORDS = (
    rf"(?:(?:an?\s+(?:hundred|thousand|million|billion)|{_WORD_ALT})(?:[\s-]+(?:and\s+)?(?:{_WORD_ALT}))*"
    r"|dozens|hundreds|thousands|millions|a dozen|dozen)"
)
_QUAL_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNIT_TABLE, key=len, reverse=True))
_MULT_ALT = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))

_NUMBER_RE = re.compile(
    rf"(?:\b(?P<qual>{_QUAL_ALT})\s+)?"
    r"(?P<cur>US\$|[$€£])?\s?"
    rf"(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}\.\s\d{{1,2}}(?![\d,])|\d+(?:\.\d+)?|(?<![\w.])\.\d+)(?P<frac>\s\d/\d{{1,2}}(?![\d/]))?"
    r"(?P<ordsuf>st|nd|rd|th)?"
    rf"|(?P<words>\b{_NUMBER_WORDS}\b)|(?P<ordword>\b(?:{'|'.join(_ORDINAL_WORDS)})\b))"
    rf"(?:[\s-]?(?P<mult>(?:{_MULT_ALT}))\b\.?)?"
    rf"(?:[\s-]?(?P<unit>(?:{_UNIT_ALT}))(?![\w]))?",
    re.IGNORECASE,
)

_VAGUE = {
    "dozens": (24.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9.99e8),
}


def words_to_number(phrase: str) -> float | None:
    """Turn 'one hundred and forty-three' into 143; None if it is not a number phrase."""
    tokens = [t for t in re.split(r"[\s-]+", phrase.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens in (["a", "dozen"], ["dozen"]):
        return 12.0
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if token in ("a", "an"):
            current += 1  # "a hundred"
            seen = True
        elif token in _UNITS:
            current += _UNITS[token]
            seen = True
        elif token in _TENS:
            current += _TENS[token]
            seen = True
        elif token == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def qualifier_range(value: float, qualifier: str | None) -> tuple[float | None, float | None]:
    """The range a qualified number allows; None on a side means unbounded."""
    if qualifier == "about":
        return value * 0.9, value * 1.1
    if qualifier == "nearly":
        return value * 0.85, value
    if qualifier in ("more than", "at least"):
        return value, None
    if qualifier in ("up to", "less than"):
        return 0.0, value
    return value, value


def extract(text: str, offset: int, statement_id: str, taken: Sequence[tuple[int, int]] = ()) -> list[Fact]:
    """Number facts of one statement; `taken` are statement-relative spans already used by dates."""
    parsed = nlp.parse(text)
    facts: list[Fact] = []
    for match in _NUMBER_RE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        fact = _fact_from_match(match, text, offset, statement_id, parsed)
        if fact is not None:
            facts.append(fact)
    facts = _without_conversions(_merge_ranges(facts, text, offset), text, offset)
    facts.extend(_occasions(text, offset, statement_id, parsed, [*taken, *_spans(facts, offset)]))
    facts.extend(_zero_counts(text, offset, statement_id, parsed, [*taken, *_spans(facts, offset)]))
    for match in _SCARCE_RE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or any(
            f.start - offset < end and start < f.end - offset for f in facts
        ):
            continue
        facts.append(_word_fact(text, offset, statement_id, parsed, (start, end), "scarce", "SCARCE"))
    return facts


def _word_fact(
    text: str,
    offset: int,
    statement_id: str,
    parsed: Any,
    span: tuple[int, int],
    key: str,
    label: str,
    value: float | None = None,
    qualifier: str | None = None,
) -> Fact:
    """A number fact said in words with no figure ('very few', 'twice'), at statement-relative `span`."""
    start, end = span
    low, high = qualifier_range(value, qualifier) if value is not None else (None, None)
    return Fact(
        id="",
        statement=statement_id,
        kind=FactKind.NUMBER,
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        key=key,
        label=label,
        qualifier=qualifier,
        value=value,
        low=low,
        high=high,
        role=_role(parsed, text, start, end, None),
    )


# How many times something happened, in one word: "fired twice" / "fired three times". "once" alone is
# as often "formerly" ("once a powerhouse"), so it counts only when bounded: "at least once", "only once".
_OCCASION_VALUES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_BOUNDS = ("at least", "more than", "only", "just", "exactly", "no more than")
_OCCASION_RE = re.compile(
    rf"(?:\b(?P<qual>{'|'.join(_BOUNDS)})\s+)?\b(?P<word>once|twice|thrice)\b", re.IGNORECASE
)


def _spans(facts: Sequence[Fact], offset: int) -> list[tuple[int, int]]:
    return [(f.start - offset, f.end - offset) for f in facts]


def _occasions(
    text: str, offset: int, statement_id: str, parsed: Any, taken: Sequence[tuple[int, int]]
) -> list[Fact]:
    """Counts of occasions said in one word ('twice', 'at least once'), read like 'two times'."""
    out: list[Fact] = []
    for match in _OCCASION_RE.finditer(text):
        start, end = match.span()
        word, bound = match.group("word").lower(), (match.group("qual") or "").lower() or None
        if any(s < end and start < e for s, e in taken) or (word == "once" and bound is None):
            continue
        value = _OCCASION_VALUES[word]
        qualifier = QUALIFIERS.get(bound) if bound else None
        span = (start, end)
        out.append(
            _word_fact(
                text, offset, statement_id, parsed, span, _format_value(value), "CARDINAL", value, qualifier
            )
        )
    return out


# Nouns a 'no' never counts: what is said, sought or feared of a thing ('no reports of casualties', 'no
# sign of survivors') is not a count of it, and 'no more' / 'no other' people leave a count standing.
_NOT_COUNTED_BY_NO = frozenset(
    {
        "report",
        "word",
        "sign",
        "indication",
        "information",
        "detail",
        "comment",
        "evidence",
        "news",
        "confirmation",
        "claim",
        "rumour",
        "rumor",
        "hope",
        "chance",
        "plan",
    }
)
_NOT_ALL_OF_THEM = frozenset(
    {"else", "other", "more", "further", "new", "additional", "fresh", "extra", "longer"}
)


def _zero_counts(
    text: str, offset: int, statement_id: str, parsed: Any, taken: Sequence[tuple[int, int]]
) -> list[Fact]:
    """Counts of none said in words: 'no one was killed', 'nobody was hurt', 'none of the crew
    survived', 'there were no casualties'. A zero meets another report's figure for the same thing in
    the same slot as any figure does ('12 people were killed' / 'no one was killed')."""
    if parsed is None:
        return []
    out: list[Fact] = []
    for token in parsed:
        span = _zero_span(parsed, token)
        if span is None:
            continue
        start, end = span[0].idx, span[-1].idx + len(span[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        fact = _word_fact(text, offset, statement_id, parsed, (start, end), "0", "CARDINAL", 0.0)
        if span[-1].lower_ == "no":
            fact = replace(fact, role=_noun_role(span[-1].head))  # 'no casualties' counts casualties
        elif span[-1].lower_ in ("one", "nobody") or fact.role is None:
            fact = replace(fact, role="people")  # 'no one was killed' counts people, as '12 were killed' does
        out.append(fact)
    return out


def _zero_span(parsed: Any, token: Any) -> list[Any] | None:
    """The words of a zero count starting at `token` ('no one', 'nobody', 'none', the 'no' of 'no
    casualties'), or None."""
    following = parsed[token.i + 1] if token.i + 1 < len(parsed) else None
    if following is not None and following.lower_ in _NOT_ALL_OF_THEM:
        return None  # 'no one else', 'no other victims', 'no more bodies': the count stands
    word = token.lower_
    if word in ("nobody", "none") and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT"):
        return [token]
    if word == "no" and following is not None and following.lower_ == "one":
        after = parsed[following.i + 1] if following.i + 1 < len(parsed) else None
        return None if after is not None and after.lower_ in _NOT_ALL_OF_THEM else [token, following]
    if word != "no" or token.dep_ != "det" or token.head.pos_ != "NOUN" or token.head.tag_ != "NNS":
        return None  # 'no damage', 'no comment': not a count of things
    noun = token.head
    if str(noun.lemma_).lower() in _NOT_COUNTED_BY_NO or any(
        c.lower_ in _NOT_ALL_OF_THEM for c in noun.children if c.dep_ == "amod"
    ):
        return None
    return [token]


# Words that say an amount is nearly nothing: "very few left", "only a handful", "hardly any".
_SCARCE_RE = re.compile(
    r"\b(?:(?:very|only|so|too)\s+(?:few|little)|(?<!\ba\s)few)\b"
    r"(?!\s+(?:days|weeks|months|years|hours|minutes|times)\b)"
    r"|\b(?:only\s+)?a\s+handful\b|\b(?:hardly|barely|scarcely)\s+any\b|\balmost\s+no(?:ne)?\b",
    re.IGNORECASE,
)


def _fact_from_match(
    match: re.Match[str], text: str, offset: int, statement_id: str, parsed: Any
) -> Fact | None:
    """Build one fact from a regex match, or None for things that are not quantities."""
    qual_raw = (match.group("qual") or "").lower() or None
    qualifier = QUALIFIERS.get(qual_raw) if qual_raw else None
    label = "CARDINAL"
    digits, words, ordword = match.group("digits"), match.group("words"), match.group("ordword")
    low: float | None
    high: float | None
    if digits:
        if _inside_token(text, match.start("digits"), match.end("digits")) or _identifier(
            text, match.start("digits"), digits
        ):
            return None
        # a decimal written with a space ('magnitude-6. 1'): segmentation never ends a sentence there,
        # because a news sentence does not start with a figure
        value = float(digits.replace(",", "").replace(" ", ""))
        if match.group("frac"):  # "3 5/8 percent"
            numerator, denominator = match.group("frac").split("/")
            if int(denominator):
                value += int(numerator) / int(denominator)
        if match.group("ordsuf"):
            label = "ORDINAL"
    elif ordword:
        value = float(_ORDINAL_WORDS[ordword.lower()])
        label = "ORDINAL"
    else:
        vague = _VAGUE.get(words.lower())
        if vague is not None:
            value = vague[0]
            qualifier = qualifier or "vague"
        else:
            parsed_value = words_to_number(words)
            if parsed_value is None:
                return None
            value = parsed_value
    mult = (match.group("mult") or "").lower().rstrip(".")
    cur = (match.group("cur") or "").lower()
    unit_raw = (match.group("unit") or "").lower()
    if mult in ("m", "b", "k") and not cur:
        # "300 m" is metres, not millions, unless money is involved
        if mult == "m" and not unit_raw:
            unit_raw, mult = "m", ""
        else:
            return None
    if mult:
        value *= _MULTIPLIERS[mult]
    unit: str | None = None
    if cur:
        unit = _CURRENCIES.get(cur, cur)
        label = "MONEY"
    elif not unit_raw and label == "CARDINAL" and _on_a_scale(text, match.start(), match.end()):
        unit = "magnitude"  # 'a 6.1-magnitude quake' measures the quake: it does not count quakes
        label = "QUANTITY"
    elif unit_raw:
        unit_class, factor = _UNIT_TABLE[unit_raw]
        value *= factor
        unit = unit_class
        label = "PERCENT" if unit_class == "%" else "MONEY" if unit_class == "usd" else "QUANTITY"
    if qualifier is None and words and words.lower() in ("a dozen", "dozen"):
        qualifier = "about"
    start, end = match.span()
    if not match.group("qual"):
        # the regex may have eaten leading space before the currency; trim to the visible number
        while start < end and text[start].isspace():
            start += 1
    if label != "ORDINAL" and value >= 1900 and value <= 2100 and not unit and not mult and digits:
        return None  # a year; the time extractor owns it
    if qualifier == "vague":
        low, high = _VAGUE[words.lower()]
        qualifier = "about"
    else:
        low, high = qualifier_range(value, qualifier)
    if digits and not unit and not cur and _names_a_thing(parsed, start, end):
        return None  # "Airbus 320", "Boeing 737", "Apollo 11": part of a name, not a quantity
    role = _role(parsed, text, match.start(), end, unit)
    if unit is None and label == "CARDINAL" and not value.is_integer() and role in _QUAKES:
        unit, label = "magnitude", "QUANTITY"  # 'a 6.8 quake': no count of quakes has a fraction
    if label == "CARDINAL" and not unit and _is_age(parsed, text, start, end, value):
        role = _age_role(parsed, text, start, end, role)
    elif (
        role
        and not role.startswith("part-of:")
        and _PARTITIVE_BEFORE.search(text[max(0, start - 40) : start])
    ):
        role = f"whole:{role}"  # "seven of the nine candidates": nine is the whole set, not a count of it
    if words and words.lower() == "one" and (role is None or re.match(r"\s+of\b", text[end:])):
        return None  # "one of them", "one day": partitive or pronoun-like, not a count
    key = _format_value(value)
    if unit:
        key = f"{key} {unit}"
    if label == "ORDINAL":
        key = f"#{key}"
        if _counted_from_a_start(text[end:]):
            qualifier = COUNTED_FROM_A_START
    return Fact(
        id="",
        statement=statement_id,
        kind=FactKind.NUMBER,
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        key=key,
        label=label,
        unit=unit,
        qualifier=qualifier,
        value=value,
        low=low,
        high=high,
        role=role,
    )


# An ordinal counted from a start the sentence names: 'the first election since the war', 'the third
# attack this year', 'the first vote held after the new constitution'. It does not count from the same
# start as a bare ordinal ('the country's fourth election'), so the two are not one figure told twice.
COUNTED_FROM_A_START = "from a start"
_FROM_A_START = re.compile(
    r"^(?:\s+[\w'-]+){0,6}?\s+(?:since|(?:held|won|staged|recorded)\s+(?:after|following)"
    r"|in\s+(?:(?:more\s+than|over|nearly|almost)\s+)?(?:a|an|\w+)\s+(?:years?|decades?|months?|weeks?|centur(?:y|ies))"
    r"|(?:this|last)\s+(?:year|season|month|week|century)|of\s+the\s+(?:year|season|month|week|century))\b",
    re.IGNORECASE,
)


def _counted_from_a_start(after: str) -> bool:
    """The words after an ordinal name the start it counts from ('... since 1990', '... this year')."""
    return _FROM_A_START.match(after[:80]) is not None


# A reading on a named scale, the scale's name on either side: 'magnitude 6.1', 'magnitude-6.1',
# '6.1-magnitude', '7.2 on the Richter scale'.
_SCALE_BEFORE = re.compile(r"\bmagnitude[\s-]*(?:of\s*)?$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"^[\s-]*(?:magnitude\b|(?:on|in)\s+the\s+richter\b|richter\b)", re.IGNORECASE)


_QUAKES = frozenset({"quake", "earthquake", "tremor", "temblor", "aftershock"})


def _on_a_scale(text: str, start: int, end: int) -> bool:
    return bool(
        _SCALE_BEFORE.search(text[max(0, start - 20) : start]) or _SCALE_AFTER.match(text[end : end + 30])
    )


_NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"})


def _names_a_thing(parsed: Any, start: int, end: int) -> bool:
    """A number that is part of a name: tagged as a product or work, or standing after the proper noun it
    belongs to (a counted noun follows its number in English: 'Airbus 320' names, '320 Airbuses' counts)."""
    if parsed is None:
        return False
    if any(
        ent.label_ in _NAME_LABELS and ent.start_char <= start and end <= ent.end_char for ent in parsed.ents
    ):
        return True
    inside = [t for t in parsed if start <= t.idx < end]
    if len(inside) != 1:
        return False
    token = inside[0]
    head = token.head
    named = any(ent.start <= head.i < ent.end and ent.label_ in ("ORG", "PRODUCT") for ent in parsed.ents)
    return bool(head is not token and head.pos_ == "PROPN" and head.i == token.i - 1 and named)


# "seven of the nine", "one of 97", "most of the 143": the number after 'of' is the size of the whole set
_PARTITIVE_BEFORE = re.compile(
    rf"(?:\b(?:{_NUMBER_WORDS}|most|many|some|several|all|none|each|both|half|few|majority)|\d[\d,.]*)"
    r"\s+of\s+(?:the|its|their|all|an?\s+estimated)?\s*$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?)[\s-]+old\b|^-year-old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age(?:\s+of)?)\s+$", re.IGNORECASE)


_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s*,\s*$")  # 'Fasulo, ' right before a number


def _is_age(parsed: Any, text: str, start: int, end: int, value: float) -> bool:
    """'67-year-old', 'aged 67', or a bare number set off by commas after a person: 'Luigi Fasulo, 67,'."""
    if not 0 < value < 130 or value != int(value):
        return False
    if _AGE_AFTER.match(text[end:]) or _AGE_BEFORE.search(text[max(0, start - 10) : start]):
        return True
    if not re.match(r"\s*(?:,|$|\.$|\))", text[end:]) or not re.search(r"[\w.],\s*$", text[:start]):
        return False
    name = _NAME_BEFORE.search(text, 0, start)
    if parsed is None:
        return name is not None
    person_ends = [ent.end_char for ent in parsed.ents if ent.label_ == "PERSON"]
    if any(re.fullmatch(r"\s*,\s*", text[e:start]) for e in person_ends if e <= start):
        return True
    # a name the model did not tag as a person ('Cheeks, 48, a former all-star'): a capitalised noun, then
    # the number set off by commas
    if name is None:
        return False
    token = parsed.char_span(name.start(1), name.end(1), alignment_mode="expand")[0]
    return token.idx == name.start(1) and token.pos_ in ("PROPN", "NOUN") and not token.ent_type_


def _age_role(parsed: Any, text: str, start: int, end: int, noun: str | None) -> str:
    """'age:fasulo', 'age:pilot': whose age it is, so the ages of a courier and a pilot are not compared."""
    if parsed is not None:
        for ent in parsed.ents:
            if ent.label_ == "PERSON" and (0 <= start - ent.end_char <= 3 or 0 <= ent.start_char - end <= 15):
                return f"age:{ent[-1].lower_}"  # 'Luigi Fasulo, 67,' / '67-year-old Luigi Fasulo'
    if noun and noun.isalpha():
        return f"age:{noun}"  # 'the 38-year-old pilot'
    before = re.search(r"(\w+),?\s+aged\s*$", text[max(0, start - 40) : start])
    return f"age:{before.group(1).lower()}" if before else "age"


# "between 20 and 30", "20 to 30", "20-30", "$12 billion-$14 billion": one range, not two figures
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)


def _merge_ranges(facts: list[Fact], text: str, offset: int) -> list[Fact]:
    """Join two numbers that state one range; 'rose from 20 to 30' is a change, not a range."""
    out: list[Fact] = []
    i = 0
    while i < len(facts):
        first = facts[i]
        second = facts[i + 1] if i + 1 < len(facts) else None
        if second is not None and _is_range(first, second, text, offset):
            low = first.value or 0.0
            high = second.value or 0.0
            scale = _scale_of(second.text)
            if scale and not _scale_of(first.text) and (first.unit is None or first.unit == second.unit):
                low *= scale  # "between 2 and 3 million": the multiplier is written once
            if low <= high:
                start = first.start
                between = re.search(
                    r"\bbetween\s+$", text[max(0, start - offset - 10) : start - offset], re.IGNORECASE
                )
                if between:
                    start -= len(between.group(0))
                unit = second.unit
                key = f"{_format_value(low)}-{_format_value(high)}" + (f" {unit}" if unit else "")
                out.append(
                    Fact(
                        id="",
                        statement=first.statement,
                        kind=FactKind.NUMBER,
                        start=start,
                        end=second.end,
                        text=text[start - offset : second.end - offset],
                        key=key,
                        label=second.label,
                        unit=unit,
                        qualifier="range",
                        value=low,
                        low=low,
                        high=high,
                        role=second.role or first.role,
                    )
                )
                i += 2
                continue
        out.append(first)
        i += 1
    return out


_CURRENCY_UNITS = frozenset(_CURRENCIES.values())
_OPENS_CONVERSION = re.compile(r"^\s*\(\s*(?:or\s+)?$")  # '10 km (6 miles)', '10 km (or 6 miles)'
_CLOSES_CONVERSION = re.compile(r"^\s*\)")
_CONVERSION_ROUNDING = 0.1  # a writer rounds the converted figure: 10 km is '6 miles' or '6.2 miles'


def _without_conversions(facts: list[Fact], text: str, offset: int) -> list[Fact]:
    """Leave out a figure that restates the one before it in another unit, in brackets: '10 km (6 miles)',
    '£10m ($13m)'. It is one figure written twice; compared on its own, the rounded conversion would
    'differ' from another report's exact one, or be left over to meet some other figure."""
    out: list[Fact] = []
    for fact in facts:
        before = out[-1] if out else None
        if before is not None and _restates(before, fact, text, offset):
            continue
        out.append(fact)
    return out


def _restates(first: Fact, second: Fact, text: str, offset: int) -> bool:
    """second is first converted into another unit and put in brackets after it."""
    if not first.unit or not second.unit or first.value is None or second.value is None:
        return False
    between = text[first.end - offset : second.start - offset]
    if not _OPENS_CONVERSION.match(between) or not _CLOSES_CONVERSION.match(text[second.end - offset :]):
        return False
    if first.unit in _CURRENCY_UNITS and second.unit in _CURRENCY_UNITS:
        return first.unit != second.unit  # an exchange rate is not ours to check
    if first.unit != second.unit or unit_word(first) == unit_word(second):
        return False  # '(6 miles)' after '10 miles' is another figure, not a conversion
    largest = max(abs(first.value), abs(second.value), 1e-9)
    return abs(first.value - second.value) <= _CONVERSION_ROUNDING * largest


_PERCENT_WORDS = frozenset({"%", "percent", "cent", "pct", "percentage"})


def unit_word(fact: Fact) -> str:
    """The unit as written (last word of the fact's text), singular and in one spelling: 'mile', 'km';
    'stories' and 'storey' are one unit word, 'metres' and 'meter' another."""
    words = re.findall(r"[A-Za-z%]+", fact.text)
    if not words:
        return ""
    word = words[-1].lower()
    if word in _PERCENT_WORDS:
        return "%"  # '90%', '90 percent', '90 per cent': one unit, no conversion between them
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and len(word) > 2:
        word = word[:-1]
    return re.sub(r"re$", "er", re.sub(r"ey$", "y", word))


def _is_range(first: Fact, second: Fact, text: str, offset: int) -> bool:
    if first.label == "SCARCE" or second.label == "SCARCE" or second.qualifier:
        return False
    if first.qualifier not in (None, "about"):  # "some 20 to 30 people" is still a range
        return False
    if first.unit is not None and second.unit is not None and first.unit != second.unit:
        return False
    if first.role and second.role and first.role.removeprefix("list:") != second.role.removeprefix("list:"):
        return False
    join = text[first.end - offset : second.start - offset]
    if not _RANGE_JOIN.match(join):
        return False
    before = text[max(0, first.start - offset - 30) : first.start - offset].lower()
    word = join.strip().lower()
    if word == "and":
        return before.rstrip().endswith("between")
    low, high = first.value or 0.0, second.value or 0.0
    if first.unit is None and second.unit is not None:
        low *= _scale_of(second.text) or 1.0
    if low <= 0 or high / low > 10:
        return False  # "fell 87 cents to $15.52": a change and a level, not a range
    if word == "to":
        return not re.search(rf"\b(?:from|{_CHANGE_WORDS})\W+(?:\w+\W+)?$", before)
    return True


# Words after which "X to Y" is a change from X to Y, not a range.
_CHANGE_WORDS = (
    r"rose|rise|rising|fell|fall|falling|dropped|drop|dropping|increased|increasing|decreased|decreasing|"
    r"climbed|gained|lost|jumped|slipped|declined|eased|added|up|down|off"
)


def _scale_of(number_text: str) -> float | None:
    """The multiplier word of a number as written ('14 billion' -> 1e9), if any."""
    m = re.search(rf"\b({_MULT_ALT})\b", number_text, re.IGNORECASE)
    return _MULTIPLIERS[m.group(1).lower()] if m else None


def _inside_token(text: str, start: int, end: int) -> bool:
    """Digits glued to letters (F-16, A320, Su-24M, 4x4) are names, not quantities."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before == "-" and re.search(r"(?:^|[^\w-])\d[\d,.]*-$", text[:start]):
        return False  # "5-10 people": the end of a range, not a model name
    if before == "-" and _SCALE_BEFORE.search(text[max(0, start - 20) : start]):
        return False  # "magnitude-6.1": a reading on a scale, not a model name
    if before.isalpha() or (before == "-" and start > 1 and text[start - 2].isalnum()):
        return True
    if after.isalpha() and text[end : end + 2].lower() not in ("st", "nd", "rd", "th"):
        # "143people" never happens; "A320" or "24M" does
        return not re.match(r"(?i)(st|nd|rd|th|k|m|bn|mln|km|kg|ft|mi|mph|kph)\b", text[end:])
    return False


_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:flight|flights|no|number|nos|route|highway|room|gate|platform|line|page|article|section|code)\.?|#)\s*$",
    re.IGNORECASE,
)


def _identifier(text: str, start: int, digits: str) -> bool:
    """'Flight 072', 'No. 5', '#3': labels, not quantities."""
    if len(digits) > 1 and digits.startswith("0") and "." not in digits:
        return True
    if re.match(r"-[A-Z]", text[start + len(digits) :]) and re.search(r"\b[A-Z]{3,}\s+$", text[:start]):
        return True  # a wire slug: "UPDATE 2-Egypt ...", "CORRECTED 1-Markets ..."
    return _IDENTIFIER_BEFORE.search(text[max(0, start - 12) : start]) is not None


def _format_value(value: float) -> str:
    """Stable text for a number: no trailing .0, no exponent."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6g}"


def singular(word: str) -> str:
    """Crude singular, lower case: 'bodies' -> 'body', 'people' stays (regex fallback, quoted spans)."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _counted(token: Any) -> bool:
    """Whether a token is a number or a noun with a number on it."""
    return token.pos_ == "NUM" or token.like_num or any(c.dep_ == "nummod" for c in token.children)


# Heads that say little on their own: "crew members" counts crew, "family members" family.
_GENERIC_HEADS = frozenset(["member", "personnel", "staff"])


def _head_lemma(noun: Any) -> str:
    lemma = str(noun.lemma_).lower()
    if lemma in _GENERIC_HEADS:
        compounds = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if compounds:
            return str(compounds[-1].lemma_).lower()
    return lemma


def _noun_role(noun: Any) -> str:
    """'body'; 'list:bahraini' for one item of a breakdown ('64 Egyptians, 36 Bahrainis');
    'crew+passenger' for one number over joined nouns ('143 crew and passengers')."""
    lemma = _head_lemma(noun)
    if noun.dep_ in ("conj", "appos") and _counted(noun.head):
        return f"list:{lemma}"
    joined = [c for c in noun.children if c.dep_ in ("conj", "appos")]
    if any(_counted(c) for c in joined):
        return f"list:{lemma}"
    if joined:
        return "+".join(sorted({lemma, *(str(c.lemma_).lower() for c in joined)}))
    return lemma


_SKIP_FALLBACK = {"of", "the", "a", "an", "more", "than", "about", "and", "or", "to", "in", "on"}


def _per(parsed: Any, tokens: list[Any]) -> str | None:
    """'per:call' for a rate ('$11,000 per call'): never the same thing as a total."""
    if not tokens:
        return None
    after = tokens[-1].i + 1
    if after + 1 >= len(parsed) or parsed[after].lower_ != "per":
        return None
    if parsed[after + 1].pos_ in ("NOUN", "PROPN"):
        return "per:" + str(parsed[after + 1].lemma_).lower()
    return None


def _hyphen_counted(parsed: Any, token: Any) -> str | None:
    """The noun a figure counts inside a hyphened modifier: 'a 200-student school' counts students and
    'a 300-bed hospital' beds, not schools or hospitals ('a 12-member crew' counts the crew itself)."""
    if token.i + 2 >= len(parsed) or parsed[token.i + 1].text != "-":
        return None
    noun = parsed[token.i + 2]
    if noun.pos_ != "NOUN" or noun.dep_ != "compound" or token.head.i != noun.i:
        return None
    if token.idx + len(token.text) != parsed[token.i + 1].idx or parsed[token.i + 1].idx + 1 != noun.idx:
        return None  # written apart ('200 - student'): not one modifier
    lemma = str(noun.lemma_).lower()
    return None if lemma in _GENERIC_HEADS else lemma


def _role(parsed: Any, text: str, start: int, end: int, unit: str | None) -> str | None:
    """The noun the number counts ('bodies' in 'more than 130 bodies'), lemmatised."""
    if parsed is not None:
        tokens = [t for t in parsed if t.idx >= start and t.idx < end]
        rate = _per(parsed, tokens)
        if rate is not None:
            return rate
        for token in tokens:
            counted = _hyphen_counted(parsed, token) if unit is None else None
            if counted is not None:
                return counted
            head = token
            steps = 0
            while head.dep_ in ("nummod", "quantmod", "compound", "amod", "advmod", "npadvmod") and steps < 4:
                if head.head is head:
                    break
                head = head.head
                steps += 1
            if (
                head is not token
                and head.pos_ in ("NOUN", "PROPN")
                and not (head.idx >= start and head.idx < end)
                and nlp.one_phrase(parsed, token, head)
            ):
                return _noun_role(head)
            if head is not token and head.idx >= start and head.idx < end and unit is not None:
                # the unit itself is the head ("300 km"): what it measures is its own head
                outer = head.head
                if outer is not head and outer.dep_ == "prep" and outer.head.pos_ == "NOUN":
                    return str(outer.head.lemma_).lower()
                return None
        # "36 of the victims": a part of a set, never the size of the set itself
        last = tokens[-1] if tokens else None
        if last is not None and last.i + 2 < len(parsed) and parsed[last.i + 1].lower_ == "of":
            for child in parsed[last.i + 1].children:
                if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
                    return "part-of:" + str(child.lemma_).lower()
        return None
    # regex fallback: the next word that is not a function word
    rest = re.findall(r"[A-Za-z]+", text[end : end + 40])
    for word in rest[:3]:
        if word.lower() not in _SKIP_FALLBACK:
            return singular(word)
    return None
