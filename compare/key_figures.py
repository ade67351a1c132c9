"""The story's key figures side by side: one row per slot, one column per outlet, the 10-second view.

A slot is what a figure, date, place or name is about, read from the facts' slots (compare.facts.slots):
people killed or injured, a magnitude, an amount, the date and place of the main event, a named person,
or another figure by what it counts and for which act ("passenger", "body (recover)"). A row keeps each
outlet's values in its own words with their exact spans ("six" and "6" share a row and are no
disagreement); a row is disagreeing when a number, date or name finding quotes its cells.

Figures of a past event that a story recalls (a statement naming a year other than the story's own) are
not the story's key figures. Rows are kept when two or more outlets give them or a finding is about
them, ranked by how many outlets give them, at most KEY_FIGURE_ROWS (rows a finding is about first in
line for a place).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from compare.facts.attribution import REPORTING_VERBS
from compare.facts.slots import meaning
from compare.judge.base import GENERIC_NOUNS
from compare.judge.recalled import is_year, recalled_statements
from compare.model import (
    Claim,
    CopyGroup,
    Document,
    Fact,
    FactKind,
    FigureCell,
    FigureKind,
    FigureValue,
    Finding,
    FindingType,
    KeyFigure,
    Span,
    Statement,
    copy_sources,
)

KEY_FIGURE_ROWS = 12  # rows in the table at most: it is read in ten seconds, the findings hold the rest
LEAD_STATEMENTS = 5  # a report's date and place of the main event come from its first claim statements

# Findings that quote a figure, a date or a name: those mark the rows their spans fall on.
JUDGED = frozenset({FindingType.NUMBER, FindingType.TIME_DATE, FindingType.ENTITY})

# Acts a story's toll is told by, under the name compare.facts.slots.meaning gives each group.
_CASUALTIES = {
    meaning("kill"): "Killed",
    meaning("injure"): "Injured",
    meaning("arrest"): "Arrested",
    meaning("rescue"): "Rescued",
}
# Nouns that name a toll whatever verb carries its figure ('the death toll rose to 15').
_TOLLS = {
    **dict.fromkeys(("toll", "death", "fatality", "dead"), meaning("kill")),
    **dict.fromkeys(("injury", "injured", "wounded"), meaning("injure")),
}
# Predicates that name no act of their own ("is", "has", "included").
_EMPTY_ACTS = frozenset({"be", "have", "include", "do", "get", "make", "involve", "contain", "number"})
_CURRENCY_NOUNS = {
    "dollar": "usd",
    "euro": "eur",
    "pound": "gbp",
    "yen": "jpy",
    "rouble": "rub",
    "ruble": "rub",
    "hryvnia": "uah",
    "yuan": "cny",
}
_MAGNITUDE = frozenset({"magnitude", "richter"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
# A place is where something happened when it is the object of one of these ('crashed off Bahrain'),
# not an actor ('the U.S. continues its search') or a dateline.
_LOCATIVE = frozenset(
    {
        "in",
        "into",
        "off",
        "near",
        "at",
        "on",
        "over",
        "outside",
        "inside",
        "from",
        "to",
        "across",
        "along",
        "of",
    }
)
_ABOARD = frozenset({"passenger", "crew", "people", "person"})  # 'passengers and crew': everyone aboard
_DATES = frozenset({"DATE", "TIME"})  # not durations, periods, 'since' or a wire's dateline
_KIND_ORDER = {kind: n for n, kind in enumerate(FigureKind)}


@dataclass(slots=True)
class _Row:
    """A slot being filled: its values by document, and the findings on it."""

    kind: FigureKind
    label: str
    first: tuple[int, int]  # (document position, statement index) of its first value, for a stable order
    needs_finding: bool = False  # shown only when a finding is about it (a second date or place)
    values: dict[str, list[FigureValue]] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    source_of: dict[str, str] = field(default_factory=dict)  # document -> its copy group's first document

    def outlets(self) -> int:
        """How many sources give it from their own facts, copies of one text counted once."""
        return len(
            {self.source_of.get(d, d) for d, values in self.values.items() if any(v.fact for v in values)}
        )


def key_figures(
    documents: Sequence[Document],
    statements: Sequence[Statement],
    facts: Iterable[Fact],
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    *,
    copies: Sequence[CopyGroup] = (),
) -> tuple[KeyFigure, ...]:
    """The story's key figures, ranked: one KeyFigure per slot, one cell per document.

    Args:
        documents: the reports, in report order (the table's columns).
        statements: every statement; only those holding facts are read.
        facts: the facts of the claim statements.
        claims: the aligned claims (a statement aligned with one naming no other year is not recalled).
        findings: the judge's findings, with their final ids.
        copies: documents carrying one text (compare.copies): a row given only by one group is one
            outlet's, and `outlets` counts a group once.
    """
    source_of = copy_sources(copies)
    by_id = {s.id: s for s in statements}
    position = {d.id: n for n, d in enumerate(documents)}
    of_statement: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.statement in by_id:
            of_statement[fact.statement].append(fact)
    recalled = recalled_statements(documents, of_statement, by_id, claims)
    kept = sorted(
        (s for s in of_statement if s not in recalled),
        key=lambda s: (position.get(by_id[s].document, len(position)), by_id[s].index),
    )
    lead_date = _leads(kept, of_statement, by_id, lambda f: f.kind is FactKind.TIME and f.label in _DATES)
    lead_place = _leads(
        kept,
        of_statement,
        by_id,
        lambda f: f.kind is FactKind.ENTITY and f.label in _PLACES and f.arg in _LOCATIVE,
    )
    people = _people(f for s in kept for f in of_statement[s])

    rows: dict[tuple[str, ...], _Row] = {}
    for statement_id in kept:
        statement = by_id[statement_id]
        for fact in of_statement[statement_id]:
            slot = _slot(fact, statement_id in lead_date, statement_id in lead_place, people)
            if slot is None:
                continue
            key, kind, label, needs_finding = slot
            row = rows.get(key)
            if row is None:
                first = (position.get(statement.document, len(position)), statement.index)
                row = rows[key] = _Row(kind, label, first, needs_finding, source_of=source_of)
            text = " ".join(fact.text.split())
            row.values.setdefault(statement.document, []).append(
                FigureValue(text, _span(fact, statement), fact=fact.id)
            )

    for finding in findings:
        # a finding setting the story against a past event it recalls is not about the story's figures
        if finding.type in JUDGED and not any(span.statement in recalled for span in finding.spans):
            _mark(rows.values(), finding)
    shown = [r for r in rows.values() if r.findings or (not r.needs_finding and r.outlets() >= 2)]
    ranked = sorted(shown, key=lambda r: (-r.outlets(), not r.findings, _KIND_ORDER[r.kind], r.first))
    chosen = ranked[:KEY_FIGURE_ROWS]
    # a row a finding is about takes the place of the lowest-ranked row no finding is about
    for row in (r for r in ranked[KEY_FIGURE_ROWS:] if r.findings):
        plain = [r for r in chosen if not r.findings]
        if not plain:
            break
        chosen.remove(plain[-1])
        chosen.append(row)
    chosen.sort(key=ranked.index)
    return tuple(
        KeyFigure(
            id=f"k{n}",
            kind=row.kind,
            label=row.label,
            cells=tuple(FigureCell(d.id, _distinct(row.values.get(d.id, ()))) for d in documents),
            outlets=row.outlets(),
            findings=tuple(row.findings),
        )
        for n, row in enumerate(chosen, start=1)
    )


def _leads(
    kept: Sequence[str],
    of_statement: dict[str, list[Fact]],
    by_id: dict[str, Statement],
    wanted: Callable[[Fact], bool],
) -> set[str]:
    """Per document, the first of its first LEAD_STATEMENTS statements with facts that holds a wanted one."""
    seen: Counter[str] = Counter()
    found: dict[str, str] = {}
    for statement_id in kept:
        document = by_id[statement_id].document
        if document in found or seen[document] >= LEAD_STATEMENTS:
            continue
        seen[document] += 1
        if any(wanted(f) for f in of_statement[statement_id]):
            found[document] = statement_id
    return set(found.values())


def _people(facts: Iterable[Fact]) -> dict[str, str]:
    """Person keys -> the key of the person they name: a full name of two or more words, or one word
    that is the surname of exactly one such ('Trump' of 'Donald Trump')."""
    keys = {f.key for f in facts if f.kind is FactKind.ENTITY and f.label == "PERSON" and f.key}
    full = {k for k in keys if len(k.split()) >= 2}
    out = {k: k for k in full}
    for key in keys - full:
        longer = [k for k in full if k.split()[-len(key.split()) :] == key.split()]
        if len(longer) == 1:
            out[key] = longer[0]
    # a shorter full name inside exactly one longer one is the same person ('Al-Bably', 'Said Al-Bably')
    for key in full:
        longer = [k for k in full if k != key and k.split()[-len(key.split()) :] == key.split()]
        if len(longer) == 1:
            out[key] = longer[0]
    return out


_Slot = tuple[tuple[str, ...], FigureKind, str, bool]


def _slot(fact: Fact, lead_date: bool, lead_place: bool, people: dict[str, str]) -> _Slot | None:
    """The row a fact belongs in (key, kind, label, shown only with a finding), or None."""
    if fact.hypothetical:
        return None
    act = _act(fact)
    if fact.kind is FactKind.NUMBER:
        return _number_slot(fact, act)
    if fact.kind is FactKind.TIME and fact.label in _DATES:
        if lead_date:
            return ("when",), FigureKind.WHEN, "When", False
        return ("when", act), FigureKind.WHEN, f"When ({act})" if act else "When, also", True
    if fact.kind is FactKind.ENTITY and fact.label in _PLACES and fact.arg in _LOCATIVE:
        if lead_place:
            return ("where",), FigureKind.WHERE, "Where", False
        return ("where", act), FigureKind.WHERE, f"Where ({act})" if act else "Where, also", True
    if fact.kind is FactKind.ENTITY and fact.label == "PERSON" and fact.key in people:
        person = people[fact.key]
        return ("person", person), FigureKind.PERSON, _name(person), False
    return None


def _number_slot(fact: Fact, act: str) -> _Slot | None:
    role = fact.role or ""
    if fact.label == "ORDINAL" or is_year(fact) or role.startswith(("age", "whole:")):
        return None
    words = {meaning(w) for w in (*fact.around, *fact.narrowing, role)}
    if words & _MAGNITUDE or fact.unit == "magnitude":
        return ("number", "magnitude"), FigureKind.NUMBER, "Magnitude", False
    counted = _counted(fact)
    currency = fact.unit if fact.label == "MONEY" and fact.unit else _CURRENCY_NOUNS.get(counted or "")
    if currency:
        return ("number", "amount", currency), FigureKind.NUMBER, f"Amount ({currency.upper()})", False
    if not act and not counted:
        return None
    unit = fact.unit or ""
    noun = _noun(fact) if counted else ""
    if act in _CASUALTIES:
        label = _CASUALTIES[act] + (f": {noun}" if noun else "")
    else:
        verb = fact.predicate if act and fact.predicate and meaning(fact.predicate) == act else act
        label = (
            (noun or "People").capitalize() + (f" ({verb})" if verb else "") + (f", {unit}" if unit else "")
        )
    # 'Bahrainis' and 'Bahraini' count the same people
    stem = (counted or "").removesuffix("s") if len(counted or "") > 3 else counted or ""
    return ("number", act, stem, unit), FigureKind.NUMBER, label, False


def _act(fact: Fact) -> str:
    """The act a fact belongs to, one name per synonym group; a toll's act wins over a reporting verb,
    and a toll named by its noun over the verb it rises or falls by ('the death toll rose to 15')."""
    predicate = meaning(fact.predicate) if fact.predicate else ""
    if predicate in _CASUALTIES:
        return predicate
    tolls = [_TOLLS[w] for w in fact.around if w in _TOLLS]
    if tolls:
        return tolls[0]
    if not predicate or predicate in _EMPTY_ACTS or predicate in REPORTING_VERBS:
        around = [meaning(w) for w in fact.around]
        return next((w for w in around if w in _CASUALTIES), "")
    return predicate


def _counted(fact: Fact) -> str | None:
    """The noun a figure counts ('passenger' of 'list:passenger'); None when it says nothing of whom."""
    role = fact.role or ""
    for prefix in ("list:", "part-of:", "per:"):
        role = role.removeprefix(prefix)
    parts = [meaning(part) for part in role.split("+") if part]
    if not parts or (len(parts) > 1 and set(parts) & _ABOARD):
        return None
    counted = parts[0]
    return None if counted in GENERIC_NOUNS or counted in _CASUALTIES else counted


def _noun(fact: Fact) -> str:
    """The noun a figure counts as its first outlet words it ('egyptians' of 'list:egyptians')."""
    role = fact.role or ""
    for prefix in ("list:", "part-of:", "per:"):
        role = role.removeprefix(prefix)
    return role.split("+")[0]


def _name(key: str) -> str:
    """A person's key ('pete hegseth') as a name ('Pete Hegseth'); the view shows each outlet's wording."""
    return " ".join(part[:1].upper() + part[1:] for part in key.split())


def _span(fact: Fact, statement: Statement) -> Span:
    return Span(
        document=statement.document, statement=statement.id, start=fact.start, end=fact.end, text=fact.text
    )


def _distinct(values: Sequence[FigureValue]) -> tuple[FigureValue, ...]:
    """An outlet's values, each wording once: the occurrence a finding quotes if there is one."""
    chosen: dict[str, FigureValue] = {}
    for value in values:
        key = value.text.casefold()
        if key not in chosen or (value.finding and not chosen[key].finding):
            chosen[key] = value
    return tuple(chosen.values())


def _overlaps(value: FigureValue, span: Span) -> bool:
    return (
        value.span.statement == span.statement and value.span.start < span.end and span.start < value.span.end
    )


def _mark(rows: Iterable[_Row], finding: Finding) -> None:
    """Put a finding on the rows where its spans fall on the most outlets' values, marking those values
    and adding its quote for an outlet that has no value there."""
    hits: list[tuple[int, _Row]] = []
    for row in rows:
        documents = {
            document
            for document, values in row.values.items()
            if any(_overlaps(v, s) for v in values for s in finding.spans)
        }
        if documents:
            hits.append((len(documents), row))
    if not hits:
        return
    best = max(n for n, _ in hits)
    for n, row in hits:
        if n != best:
            continue
        row.findings.append(finding.id)
        for document, values in row.values.items():
            row.values[document] = [
                FigureValue(v.text, v.span, v.fact, finding.id)
                if v.finding is None and any(_overlaps(v, s) for s in finding.spans)
                else v
                for v in values
            ]
        for span in finding.spans:
            if not row.values.get(span.document):
                row.values[span.document] = [FigureValue(" ".join(span.text.split()), span, None, finding.id)]
