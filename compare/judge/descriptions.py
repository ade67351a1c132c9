"""Descriptions that exclude each other: one thing told in two colours ('a silver sedan' / 'a grey sedan').

A colour is said of the noun it modifies; two reports giving one noun two different colours describe the
same thing in ways that cannot both be true, unless either report gives both colours itself (a two-tone
car, or two cars). Nouns are matched by what they mean, so 'a red truck' never meets 'a blue car'.
"""

from __future__ import annotations

import re

from compare.facts.reading import Word
from compare.facts.slots import meaning
from compare.judge.base import Draft, Side, draft
from compare.judge.context import different_referents, word_window
from compare.judge.polarity import EXCLUDING
from compare.model import FindingType, Severity

# The colour words a report gives a thing, each with the colour it names (spellings and shades that
# reporters use for one colour share a name).
_COLOURS = {
    "black": "black",
    "white": "white",
    "red": "red",
    "maroon": "red",
    "burgundy": "red",
    "blue": "blue",
    "green": "green",
    "yellow": "yellow",
    "orange": "orange",
    "purple": "purple",
    "pink": "pink",
    "brown": "brown",
    "tan": "brown",
    "beige": "beige",
    "grey": "grey",
    "gray": "grey",
    "silver": "silver",
    "gold": "gold",
    "golden": "gold",
}


# What may stand between a colour and the names of its noun: a space, a hyphen, a model year.
_IN_ONE_PHRASE = re.compile(r"^[\s-]*(?:\d{4}[\s-]+)?$")


def _described(side: Side, n: int) -> str | None:
    """The noun the colour word at index n describes: the one the parse hangs it on, else the last of the
    nouns right after it ('a silver Toyota Camry': camry), which a small parser often gets wrong."""
    words = side.reading.words
    if words[n].modifies is not None:
        return words[n].modifies
    text = side.statement.text
    noun = None
    end = words[n].at + len(words[n].text)
    for word in words[n + 1 :]:
        if word.pos not in ("NOUN", "PROPN") or not _IN_ONE_PHRASE.match(text[end : word.at]):
            break
        noun, end = word.lemma, word.at + len(word.text)
    return noun


def _coloured(side: Side) -> dict[str, dict[str, Word]]:
    """Per noun (by meaning), the colours the statement asserts of it, each with its word."""
    out: dict[str, dict[str, Word]] = {}
    for n, word in enumerate(side.reading.words):
        colour = _COLOURS.get(word.text.lower())
        if colour is None or not word.asserted:
            continue
        noun = _described(side, n)
        if noun is not None:
            out.setdefault(meaning(noun), {}).setdefault(colour, word)
    return out


def colour_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """The two reports give one thing two colours."""
    in_a, in_b = _coloured(a), _coloured(b)
    shared = sorted(in_a.keys() & in_b.keys())
    if not shared or different_referents(a, b):
        return []
    for noun in shared:
        colours_a, colours_b = in_a[noun], in_b[noun]
        if colours_a.keys() & colours_b.keys():
            continue  # a colour both give: the other may be a second thing or a second tone
        first = min(colours_a.values(), key=lambda w: w.at)
        second = min(colours_b.values(), key=lambda w: w.at)
        return [
            draft(
                FindingType.POLARITY,
                Severity.LOW,
                claim_index,
                a,
                b,
                EXCLUDING,
                word_window(a, a.statement.start + first.at),
                word_window(b, b.statement.start + second.at),
                conflict=True,
            )
        ]
    return []
