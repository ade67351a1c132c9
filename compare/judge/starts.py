"""When something began, told differently: 'rebels have been fighting the army since June' / 'fighting
began in July', 'the strike started in March' / 'on strike since May'.

A 'since ...' time is the start of its predicate's act; a time of 'begin', 'start', 'erupt' or 'break
out' is the start of what began (its subject). Starts of one act are compared across reports, wherever
alignment put the statements: the two sentences rarely share more than the act.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from compare.facts.slots import act_meaning
from compare.judge.base import Draft, Side, draft, told_per_report
from compare.judge.slots import EMPTY_PREDICATES
from compare.judge.spans import fact_span
from compare.model import Claim, Fact, FactKind, FindingType, Severity

LEAD = "Different times for when it began"
_BEGINNING = frozenset({"begin", "start", "erupt", "break", "commence", "resume"})
_NOBODY = frozenset({"PRON", "it", "this", "that", "thing", "one"})
_MONTH = re.compile(r"(?:[a-z]+-)?month-(\d\d)")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d\d)")
_YEAR = re.compile(r"\d{4}")

Start = tuple[str, str | None, str | None]  # granularity ('month' | 'year'), year, month


def start_drafts(claims: Sequence[Claim], side: Callable[[str], Side]) -> list[Draft]:
    """Two reports giving one act different starts (months, or years, that cannot both be). One finding
    per act and pair of reports."""
    claim_of, told = told_per_report(claims, side, _starts)
    starts = {doc: [(x, act, when, fact) for x, (act, when, fact) in found] for doc, found in told.items()}
    out: list[Draft] = []
    documents = sorted(starts)
    for n, first in enumerate(documents):
        for second in documents[n + 1 :]:
            for act in sorted({a for _, a, _, _ in starts[first]} & {a for _, a, _, _ in starts[second]}):
                mine = [(x, when, f) for x, a, when, f in starts[first] if a == act]
                theirs = [(y, when, f) for y, a, when, f in starts[second] if a == act]
                if any(not _conflict(m[1], t[1]) for m in mine for t in theirs):
                    continue  # a start both can hold: one report may give two (a lull, a resumption)
                (x, _, fact), (y, _, other) = mine[0], theirs[0]
                if x.recalled != y.recalled:
                    continue  # a past event the story recalls against the story's own
                out.append(
                    draft(
                        FindingType.TIME_DATE,
                        Severity.LOW,
                        claim_of[x.statement.id],
                        x,
                        y,
                        LEAD,
                        fact_span(fact, x.statement, x.document),
                        fact_span(other, y.statement, y.document),
                        conflict=True,
                    )
                )
    return out


def _starts(x: Side) -> list[tuple[str, Start, Fact]]:
    out: list[tuple[str, Start, Fact]] = []
    for fact in x.facts:
        if fact.kind is not FactKind.TIME or not fact.predicate:
            continue
        when = _when(fact.key)
        if when is None:
            continue
        if fact.label == "SINCE" and fact.predicate not in EMPTY_PREDICATES:
            out.append((_act(fact.predicate), when, fact))
        elif fact.label in ("DATE", "PERIOD") and fact.predicate in _BEGINNING:
            what = fact.subject or _subject_of(x, fact)
            if what and what not in _NOBODY:
                out.append((_act(what), when, fact))
    return out


def _act(word: str) -> str:
    """The act a verb or its noun names: 'fighting' began is what 'have been fighting' does."""
    word = word.lower()
    if word.endswith("ing") and len(word) > 6:
        word = word[:-3]
    return act_meaning(word)


def _subject_of(x: Side, fact: Fact) -> str | None:
    """The subject of the begin verb nearest the time ('fighting ... began in July': fight)."""
    at = fact.start - x.statement.start
    verbs = [w for w in x.reading.words if w.lemma == fact.predicate and w.pos in ("VERB", "AUX")]
    nearest = min(verbs, key=lambda w: abs(w.at - at), default=None)
    if nearest is None:
        return None
    if nearest.subject is not None:
        return nearest.subject
    # a long subject the parser loses ('Since fighting between the army and the rebels' militia began
    # in July'): the first content word of the begin verb's own clause, before the verb
    clause = next((c for c in x.reading.clauses if c.start <= nearest.at < c.end), None)
    if clause is None:
        return None
    first = next(
        (w for w in x.reading.words if clause.start <= w.at < nearest.at and w.pos in ("NOUN", "VERB")), None
    )
    return first.lemma if first is not None else None


def _when(key: str) -> Start | None:
    key = key.removeprefix("since:")
    if m := _MONTH.fullmatch(key):
        return ("month", None, m.group(1))
    if m := _YEAR_MONTH.fullmatch(key):
        return ("month", m.group(1), m.group(2))
    if _YEAR.fullmatch(key):
        return ("year", key, None)
    return None


def _conflict(x: Start, y: Start) -> bool:
    """Two starts that cannot both hold: other months (of one year, or of years nobody names), other
    years. A month and a year are compared only by their years."""
    (gx, yx, mx), (gy, yy, my) = x, y
    if yx is not None and yy is not None and yx != yy:
        return True
    return gx == gy == "month" and mx != my and (yx is None or yy is None or yx == yy)
