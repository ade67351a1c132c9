"""Charges that exclude each other: one act charged in two grades ('charged with murder' / 'charged with
vehicular manslaughter'). Degrees ('first-degree' / 'second-degree murder') are figures, compared as such.

The charges come from the reading (compare.facts.charges): an offence word only where it names a charge,
with its grade and defendant. Two reports that charge one defendant (or an unnamed one) with
grades of one killing that share none tell the story two ways; an editor must check which is right.
Charges that are not grades of one another (drunk driving, leaving the scene) add to each other, so a
report listing fewer charges is never a finding; nor is one whose grades include the other's, one whose
whole text names the other's grade somewhere (complaints often list murder and manslaughter together),
or a charge only weighed or sought ('considering murder charges').
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.facts.charges import ChargeReading
from compare.facts.reading import Word
from compare.judge.base import Draft, Side, draft
from compare.judge.context import word_window
from compare.judge.spans import window_span
from compare.model import FindingType, Severity, Span

LEAD = "The charge differs"

# How a report's text names a grade of a killing anywhere, charged or not.
_GRADE_NAMED = {
    "murder": re.compile(r"\bmurder", re.IGNORECASE),
    "manslaughter": re.compile(
        r"\bmanslaughter\b|\b(?:negligent|vehicular|reckless)\s+homicide\b", re.IGNORECASE
    ),
}
_CHARGE_NOUNS = frozenset({"charge", "count"})  # quoted with the offence: 'manslaughter charges'

_Charged = tuple[ChargeReading, Word]


def _charged(side: Side) -> list[_Charged]:
    """The charges the statement says are laid (asserted, not only weighed or dropped), each with its
    word."""
    words = side.reading.words
    return [
        (c, words[c.word])
        for c in side.reading.charges
        if c.word < len(words) and words[c.word].asserted and c.laid
    ]


def _one_defendant(x: ChargeReading, y: ChargeReading) -> bool:
    """The two charges may be of one person: both name the same one, or either names none."""
    return not (x.defendant and y.defendant and not x.defendant & y.defendant)


def _differs(
    x: ChargeReading, y: ChargeReading, a: Side, b: Side, xs: Sequence[_Charged], ys: Sequence[_Charged]
) -> bool:
    """x (of a) and y (of b) charge one act in grades that exclude each other, and neither report gives
    the other's grade anywhere."""
    mine = [c for c, _ in xs if _one_defendant(c, y)]
    theirs = [c for c, _ in ys if _one_defendant(c, x)]
    if x.act is None or x.act != y.act or x.grade == y.grade:
        return False
    grades_a = {c.grade for c in mine if c.act == x.act}
    grades_b = {c.grade for c in theirs if c.act == y.act}
    if grades_a & grades_b:
        return False  # one report's grades include one of the other's: charged together
    return not any(_GRADE_NAMED[g].search(a.document.text) for g in grades_b if g) and not any(
        _GRADE_NAMED[g].search(b.document.text) for g in grades_a if g
    )


def _quote(side: Side, charge: ChargeReading, word: Word) -> Span:
    """The offence with the words of its phrase and the two before it ('charged with vehicular
    manslaughter'), and a charge noun right after it ('facing manslaughter charges')."""
    window = word_window(side, side.statement.start + word.at, before=charge.before + 3)
    end = window.end
    after = side.reading.words[charge.word + 1 : charge.word + 2]
    if after and after[0].lemma in _CHARGE_NOUNS:
        noun_at = side.statement.start + after[0].at
        if not side.document.text[end:noun_at].strip():
            end = noun_at + len(after[0].text)
    return window_span(side.statement, side.document, window.start, end)


def charge_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """The two reports charge one act in grades that exclude each other."""
    in_a, in_b = _charged(a), _charged(b)
    for x, word_x in in_a:
        for y, word_y in in_b:
            if not _one_defendant(x, y) or not _differs(x, y, a, b, in_a, in_b):
                continue
            flat = not (x.hedged or y.hedged)
            return [
                draft(
                    FindingType.POLARITY,
                    Severity.HIGH if flat else Severity.MEDIUM,
                    claim_index,
                    a,
                    b,
                    LEAD,
                    _quote(a, x, word_x),
                    _quote(b, y, word_y),
                    conflict=True,
                )
            ]
    return []
