"""Judgement: compare the facts of aligned statements, set pair relations and verdicts, raise findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from compare.facts import aliases, nlp
from compare.facts.attribution import REPORTING_VERBS
from compare.facts.times import since_as_duration
from compare.findings import fact_span, name_list, quote, sides, statement_span, window_span
from compare.model import (
    Claim,
    Document,
    Fact,
    FactKind,
    Finding,
    FindingType,
    Pair,
    Relation,
    Severity,
    Span,
    Statement,
    Verdict,
)

__all__ = ["judge"]

# Prepositions whose object is where/whence something happened: a different object there is a conflict.
_PLACE_ROLES = frozenset({"from", "in", "at", "near", "off", "outside", "inside"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NAME"})
_GENERIC_SCOPES = frozenset({"be", "have", "do", "say", "make", "get", "go", "take", "give", "know", "not"})
_MODAL_HEDGES = frozenset({"may", "might", "could", "would"})
_TYPE_ORDER = {t: i for i, t in enumerate(FindingType)}
_LOWER = frozenset({"more than", "at least"})
_UPPER = frozenset({"up to", "less than"})


@dataclass(frozen=True, slots=True)
class _Draft:
    """A finding before ids are given; `conflict` marks pair-level contradictions."""

    type: FindingType
    severity: Severity
    claim_index: int
    statements: tuple[str, ...]
    message: str
    spans: tuple[Span, ...]
    note: str | None = None
    conflict: bool = False


@dataclass(frozen=True, slots=True)
class _Side:
    """One statement of a pair with what judging needs about it."""

    statement: Statement
    document: Document
    facts: Sequence[Fact]
    label: str


def judge(
    claims: Sequence[Claim],
    statements: Sequence[Statement],
    facts: Mapping[str, Sequence[Fact]],
    documents: Sequence[Document],
) -> tuple[list[Claim], list[Finding]]:
    """Judge aligned claims.

    Args:
        claims: claims from alignment, in canonical order.
        statements: every statement (all kinds); claims refer to them by id.
        facts: facts per statement id (headline/body statements).
        documents: the compared documents.

    Returns:
        The claims with pair relations and verdicts settled, and findings with ids "f1".. ordered
        by severity, then claim order.
    """
    by_id = {s.id: s for s in statements}
    docs = {d.id: d for d in documents}
    canon = aliases.canonical_map(
        f.key
        for fs in facts.values()
        for f in fs
        if f.kind is FactKind.ENTITY and f.label in ("PERSON", "NAME")
    )
    canon_facts = {sid: [_canonical(f, canon) for f in fs] for sid, fs in facts.items()}
    canon_facts = _resolve_title_sources(canon_facts, by_id)
    canon_facts = _resolve_pronoun_sources(canon_facts, by_id)

    labels = outlet_labels(documents)

    def side(statement_id: str) -> _Side:
        statement = by_id[statement_id]
        document = docs[statement.document]
        return _Side(statement, document, canon_facts.get(statement_id, ()), labels[document.id])

    drafts: list[_Draft] = []
    judged: list[Claim] = []
    for index, claim in enumerate(claims):
        pairs: list[Pair] = []
        closest = _closest_pairs(claim.pairs, by_id)
        for pair in claim.pairs:
            found = compare_pair(side(pair.a), side(pair.b), index)
            if pair not in closest:
                # a loose link inside a big claim: only hard conflicts are worth a reader's time
                found = [d for d in found if d.conflict]
            drafts.extend(found)
            pairs.append(replace(pair, relation=_relation(pair.relation, found)))
        judged_claim = replace(claim, pairs=tuple(pairs))
        judged.append(replace(judged_claim, verdict=_verdict(judged_claim)))
        drafts.extend(_coverage_findings(judged_claim, index, by_id, docs, documents, labels))
    drafts.extend(_internal_findings(judged, by_id, docs, canon_facts, labels))
    drafts.extend(_unaligned_number_findings(judged, side))
    return judged, _number(drafts, [c.id for c in judged])


def _closest_pairs(pairs: Sequence[Pair], by_id: Mapping[str, Statement]) -> set[Pair]:
    """Pairs that are each side's best-scoring link towards the other side's document (mutual best)."""
    best: dict[tuple[str, str], Pair] = {}
    for pair in pairs:
        for mine, other in ((pair.a, pair.b), (pair.b, pair.a)):
            key = (mine, by_id[other].document)
            if key not in best or pair.score > best[key].score:
                best[key] = pair
    return {
        p for p in pairs if best[(p.a, by_id[p.b].document)] is p and best[(p.b, by_id[p.a].document)] is p
    }


def outlet_labels(documents: Sequence[Document]) -> dict[str, str]:
    """The name each document is quoted under; two reports from one outlet get their ids added."""
    counts: dict[str, int] = {}
    for document in documents:
        counts[document.label] = counts.get(document.label, 0) + 1
    return {
        d.id: d.label if counts[d.label] == 1 or d.label == d.id else f"{d.label} ({d.id})" for d in documents
    }


def _canonical(fact: Fact, canon: Mapping[str, str]) -> Fact:
    if fact.kind is FactKind.ENTITY and fact.key in canon and canon[fact.key] != fact.key:
        return replace(fact, key=canon[fact.key])
    return fact


def _resolve_title_sources(
    facts: Mapping[str, Sequence[Fact]], by_id: Mapping[str, Statement]
) -> dict[str, list[Fact]]:
    """'the Defense Secretary said' names the person called 'Defense Secretary Pete Hegseth' elsewhere."""
    people: dict[frozenset[str], set[str]] = {}
    for sid, fs in facts.items():
        statement = by_id.get(sid)
        if statement is None:
            continue
        for fact in fs:
            if fact.kind is FactKind.ENTITY and fact.label == "PERSON" and len(fact.key.split()) > 1:
                title = aliases.title_before(statement.text, fact.start - statement.start)
                if title:
                    people.setdefault(title, set()).add(fact.key)
    known = {title: next(iter(keys)) for title, keys in people.items() if len(keys) == 1}
    out: dict[str, list[Fact]] = {}
    for sid, fs in facts.items():
        resolved = []
        for fact in fs:
            if fact.kind is FactKind.ATTRIBUTION and fact.label == "SOURCE":
                title = aliases.title_key(fact.text)
                if title in known:
                    fact = replace(fact, key=known[title], label="PERSON", role="title")
            resolved.append(fact)
        out[sid] = resolved
    return out


def _resolve_pronoun_sources(
    facts: Mapping[str, Sequence[Fact]], by_id: Mapping[str, Statement]
) -> dict[str, list[Fact]]:
    """'he said' takes the person quoted just before in the same report (at most two statements back)."""
    out = {sid: list(fs) for sid, fs in facts.items()}
    per_doc: dict[str, list[Statement]] = {}
    for sid in facts:
        if sid in by_id:
            per_doc.setdefault(by_id[sid].document, []).append(by_id[sid])
    for stmts in per_doc.values():
        stmts.sort(key=lambda s: s.index)
        last: tuple[int, Fact] | None = None
        for statement in stmts:
            resolved = []
            for fact in out[statement.id]:
                if (
                    fact.kind is FactKind.ATTRIBUTION
                    and fact.label == "PRONOUN"
                    and fact.text.lower() in ("he", "she")
                    and last is not None
                    and statement.index - last[0] <= 2
                ):
                    fact = replace(fact, key=last[1].key, label="PERSON", role="pronoun")
                resolved.append(fact)
            out[statement.id] = resolved
            people = [f for f in resolved if f.kind is FactKind.ATTRIBUTION and f.label == "PERSON"]
            if people:
                last = (statement.index, people[-1])
    return out


def _relation(current: Relation, found: Sequence[_Draft]) -> Relation:
    """Conflict if any conflicting finding holds; any other difference makes an agreement partial."""
    if any(d.conflict for d in found):
        return Relation.CONFLICT
    if found and current is Relation.AGREE:
        return Relation.PARTIAL
    return current


def _verdict(claim: Claim) -> Verdict:
    documents = set(claim.documents) or {s.split(":s")[0] for s in claim.statements}
    if len(documents) <= 1:
        return Verdict.UNIQUE
    if any(p.relation is Relation.CONFLICT for p in claim.pairs):
        return Verdict.CONFLICT
    if claim.pairs and all(p.relation is Relation.AGREE for p in claim.pairs):
        return Verdict.AGREE
    return Verdict.PARTIAL


def _number(drafts: Sequence[_Draft], claim_ids: Sequence[str]) -> list[Finding]:
    """Drop duplicates, order by severity then claim, give ids f1.."""
    seen: set[tuple[object, ...]] = set()
    unique: list[_Draft] = []
    for draft in drafts:
        key = (draft.type, draft.claim_index, frozenset((s.document, s.start, s.end) for s in draft.spans))
        if key in seen:
            continue
        seen.add(key)
        unique.append(draft)
    unique.sort(key=lambda d: (d.severity.rank, d.claim_index, _TYPE_ORDER[d.type], d.statements))
    return [
        Finding(
            id=f"f{n}",
            type=d.type,
            severity=d.severity,
            claim=claim_ids[d.claim_index] if d.claim_index < len(claim_ids) else "",
            statements=d.statements,
            message=d.message,
            spans=d.spans,
            note=d.note,
        )
        for n, d in enumerate(unique, start=1)
    ]


# --- one pair ---------------------------------------------------------------------------------


def compare_pair(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """Every difference between two aligned statements that a fact-checker should see."""
    found: list[_Draft] = []
    found.extend(_numbers(a, b, claim_index))
    found.extend(_times(a, b, claim_index))
    found.extend(_entities(a, b, claim_index))
    found.extend(_polarity(a, b, claim_index))
    if not any(d.type is FindingType.POLARITY for d in found):
        found.extend(_certainty(a, b, claim_index))
    found.extend(_attribution(a, b, claim_index))
    found.extend(_scarcity(a, b, claim_index))
    return found


def _scarcity(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """One report says there is very little of something the other reports without that warning."""
    for x, y in ((a, b), (b, a)):
        scarce = [f for f in x.facts if f.kind is FactKind.NUMBER and f.label == "SCARCE"]
        if not scarce or any(f.kind is FactKind.NUMBER and f.label == "SCARCE" for f in y.facts):
            continue
        fact = scarce[0]
        if fact.text.lower() == "few" and not fact.role:
            continue  # "few" as a pronoun ("few believed it")
        span_x = fact_span(fact, x.statement, x.document)
        span_y = statement_span(y.statement, y.document)
        spans = (span_x, span_y) if x is a else (span_y, span_x)
        return [
            _draft(
                FindingType.NUMBER,
                Severity.LOW,
                claim_index,
                a,
                b,
                f"Only {x.label} says the amount is small",
                spans[0],
                spans[1],
            )
        ]
    return []


def _draft(
    ftype: FindingType,
    severity: Severity,
    claim_index: int,
    a: _Side,
    b: _Side,
    lead: str,
    span_a: Span,
    span_b: Span,
    *,
    note: str | None = None,
    conflict: bool = False,
) -> _Draft:
    return _Draft(
        type=ftype,
        severity=severity,
        claim_index=claim_index,
        statements=(a.statement.id, b.statement.id),
        message=f"{lead}. {sides(a.label, span_a, b.label, span_b)}",
        spans=(span_a, span_b),
        note=note,
        conflict=conflict,
    )


def _num_class(fact: Fact) -> tuple[str, str | None, str | None]:
    return ("ordinal" if fact.label == "ORDINAL" else "count", fact.unit, fact.role)


def _unit_word(fact: Fact) -> str:
    """The unit as written (last word of the fact's text): 'miles', 'km'."""
    words = re.findall(r"[A-Za-z%]+", fact.text)
    return words[-1].lower() if words else ""


def _direction(qualifier: str | None) -> str:
    if qualifier in _LOWER:
        return "lower"
    if qualifier in _UPPER:
        return "upper"
    if qualifier in ("about", "nearly"):
        return "approx"
    return "exact"


def numbers_compatible(x: Fact, y: Fact) -> bool:
    """Whether two numbers about the same thing can both be true, read as a journalist would."""
    assert x.value is not None and y.value is not None
    tol = 0.03 if x.unit and x.unit not in ("%",) else 0.005
    if x.unit and _unit_word(x) != _unit_word(y):
        tol = 0.1  # converted figures ("30 miles (50 km)") are rounded by the writer
    dx, dy = _direction(x.qualifier), _direction(y.qualifier)
    if dx == dy and dx in ("lower", "upper"):
        # "at least 15" vs "at least 30": two different floors are two different claims
        return abs(x.value - y.value) <= tol * max(abs(x.value), abs(y.value), 1.0)
    lo_x = x.low if x.low is not None else float("-inf")
    hi_x = x.high if x.high is not None else float("inf")
    lo_y = y.low if y.low is not None else float("-inf")
    hi_y = y.high if y.high is not None else float("inf")
    slack = tol * max(abs(x.value), abs(y.value), 1.0)
    if (dx == "lower" and dy == "exact") or (dy == "lower" and dx == "exact"):
        slack = max(slack, 1.0)  # "more than 130" vs "130": the same count told loosely
    return lo_x - slack <= hi_y and lo_y - slack <= hi_x


def _numbers(a: _Side, b: _Side, claim_index: int, *, strict: bool = False) -> list[_Draft]:
    """Numbers counting the same thing with the same unit that cannot both be true."""
    na = [f for f in a.facts if _comparable_number(f)]
    nb = [f for f in b.facts if _comparable_number(f)]
    out: list[_Draft] = []
    for cls in sorted({_num_class(f) for f in na} & {_num_class(f) for f in nb}, key=str):
        xs = [f for f in na if _num_class(f) == cls]
        ys = [f for f in nb if _num_class(f) == cls]
        if (_role_count(a, cls) > 1 and _role_count(b, cls) > 1) or max(
            _role_count(a, cls), _role_count(b, cls)
        ) > 2:
            continue  # several figures for the same noun on a side (per event, per place): no safe pairing
        if (_role_count(a, cls) > 1) != (_role_count(b, cls) > 1):
            continue
        lonely_x = [x for x in xs if not any(numbers_compatible(x, y) for y in ys)]
        lonely_y = [y for y in ys if not any(numbers_compatible(x, y) for x in xs)]
        if not lonely_x or not lonely_y:
            continue
        candidates = [(x, y) for x in lonely_x for y in lonely_y if _same_context(a, x, b, y, strict=strict)]
        if not candidates:
            continue
        x, y = candidates[0]
        bounded = _direction(x.qualifier) != "exact" or _direction(y.qualifier) != "exact"
        note = _update_note(a, b)
        severity = Severity.MEDIUM if bounded or note else Severity.HIGH
        out.append(
            _draft(
                FindingType.NUMBER,
                severity,
                claim_index,
                a,
                b,
                "Different numbers for the same thing",
                fact_span(x, a.statement, a.document),
                fact_span(y, b.statement, b.document),
                note=note,
                conflict=True,
            )
        )
    return out


def _role_count(side: _Side, cls: tuple[str, str | None, str | None]) -> int:
    """How many numbers of a side count the same noun, breakdown items included."""
    role = cls[2]
    return sum(
        1
        for f in side.facts
        if f.kind is FactKind.NUMBER
        and f.role is not None
        and f.role.removeprefix("list:") == role
        and f.unit == cls[1]
    )


def _comparable_number(fact: Fact) -> bool:
    """Numbers that count something named; items of a breakdown ('36 Bahrainis, 12 Saudis') are left alone."""
    if fact.kind is not FactKind.NUMBER or fact.value is None:
        return False
    if fact.role and fact.role.startswith("list:"):
        return False
    return bool(fact.role or fact.unit)


_CONTEXT_STOP = frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "report",
        "include",
        "also",
        "other",
        "more",
        "least",
        "than",
        "about",
        "some",
        "all",
        "such",
        "many",
        "several",
        "own",
        "year",
        "day",
    }
)


def _context(side: _Side, fact: Fact, radius: int = 6) -> set[str]:
    """Content lemmas within a few words of a fact (the counted noun itself excluded)."""
    parsed = nlp.parse(side.statement.text)
    start = fact.start - side.statement.start
    end = fact.end - side.statement.start
    role_words = set((fact.role or "").replace("part-of:", "").replace("+", " ").split())
    if parsed is None:
        words = side.statement.text.lower().split()
        before = len(side.statement.text[:start].split())
        window = words[max(0, before - radius) : before + radius + 1]
        return {w.strip(".,;:'\"") for w in window if len(w) > 3} - role_words - _CONTEXT_STOP
    inside = [t.i for t in parsed if start <= t.idx < end]
    if not inside:
        return set()
    lo, hi = max(0, inside[0] - radius), min(len(parsed), inside[-1] + radius + 1)
    lemmas = {
        str(t.lemma_).lower()
        for t in parsed[lo:hi]
        if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and not (start <= t.idx < end)
    }
    # the verbs the fact's phrase depends on ('bodies ... reported to have been recovered')
    node = parsed[inside[-1]]
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            lemmas.add(str(node.lemma_).lower())
            lemmas.update(
                str(c.lemma_).lower()
                for c in node.children
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            )
            break
    return lemmas - role_words - _CONTEXT_STOP


def _same_context(a: _Side, x: Fact, b: _Side, y: Fact, *, strict: bool = False) -> bool:
    """Two facts are about the same thing when the words around them overlap, or the sentences nearly match.

    strict (statements not aligned): the verb the fact hangs on must match as well.
    """
    shared = _context(a, x) & _context(b, y)
    if strict:
        # a counted noun and the verb it hangs on must both match
        return bool(x.role and y.role and shared & _verbs(a, x) & _verbs(b, y))
    if shared:
        return True
    return fuzz.token_set_ratio(a.statement.text, b.statement.text) >= 80


def _same_event_time(a: _Side, x: Fact, b: _Side, y: Fact) -> bool:
    """Two times are of one event when they hang on the same verb ('crashed at 7:30' / 'at 5:50')."""
    if _verbs(a, x) & _verbs(b, y):
        return True
    return fuzz.token_set_ratio(a.statement.text, b.statement.text) >= 80


def _verbs(side: _Side, fact: Fact) -> set[str]:
    """Lemmas of the verbs a fact's phrase depends on."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return set()
    start = fact.start - side.statement.start
    inside = [t for t in parsed if start <= t.idx < fact.end - side.statement.start]
    out: set[str] = set()
    if not inside:
        return out
    for node in inside[-1].ancestors:
        if node.pos_ == "VERB":
            out.add(str(node.lemma_).lower())
            out.update(
                str(c.lemma_).lower()
                for c in node.children
                if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            )
            break
    return out - _CONTEXT_STOP


def _update_note(a: _Side, b: _Side) -> str | None:
    """When the reports were published at different times, later figures may be updates."""
    pa, pb = a.document.published, b.document.published
    if pa and pb and pa != pb:
        return f"may be successive updates: {a.label} published {pa}, {b.label} published {pb}"
    return None


def _time_group(fact: Fact) -> str | None:
    if fact.label == "TIME":
        return "clock"
    if fact.label in ("DATE", "PERIOD") and fact.low is not None:
        return "calendar"
    if fact.label == "DATE" and fact.key.startswith("--"):
        return "monthday"
    if fact.label in ("DURATION", "SINCE"):
        return "duration"
    return None


def _same_footing(x: Fact, a: _Side, y: Fact, b: _Side) -> bool:
    """Two dates can be compared: same granularity, and relative ones only from the same day's reports."""
    if x.label != y.label or x.low is None or y.low is None or x.high is None or y.high is None:
        return False
    if x.label == "PERIOD" and abs((x.high - x.low) - (y.high - y.low)) > 31:
        return False  # a year against a season: different questions
    if "relative" in (x.qualifier, y.qualifier):
        pa, pb = a.document.published, b.document.published
        return bool(pa and pb and pa[:10] == pb[:10]) and x.qualifier == y.qualifier
    return True


def _time_range(fact: Fact, side: _Side) -> tuple[float, float] | None:
    if fact.key.startswith("--"):
        month, day = (int(p) for p in fact.key[2:].split("-"))
        ordinal = float(date(2000, month, day).toordinal())
        return ordinal, ordinal
    if fact.label == "SINCE":
        return since_as_duration(fact, side.document.published)
    if fact.low is None:
        return None
    return fact.low, fact.high if fact.high is not None else float("inf")


def _overlap(x: tuple[float, float], y: tuple[float, float], slack: float) -> bool:
    return x[0] - slack <= y[1] and y[0] - slack <= x[1]


def _times(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """Times, dates and durations of the same kind that cannot both hold (or are told differently)."""
    out: list[_Draft] = []
    ta = [f for f in a.facts if f.kind is FactKind.TIME and _time_group(f)]
    tb = [f for f in b.facts if f.kind is FactKind.TIME and _time_group(f)]
    for group in ("clock", "calendar", "monthday", "duration"):
        xs = [f for f in ta if _time_group(f) == group]
        ys = [f for f in tb if _time_group(f) == group]
        if not xs or not ys:
            continue
        if {f.key for f in xs} & {f.key for f in ys}:
            continue
        slack = {"clock": 10.0, "calendar": 0.0, "monthday": 0.0, "duration": 0.0}[group]
        ranges_x = [(f, _time_range(f, a)) for f in xs]
        ranges_y = [(f, _time_range(f, b)) for f in ys]
        known = [
            (x, rx, y, ry)
            for x, rx in ranges_x
            for y, ry in ranges_y
            if rx is not None and ry is not None and (group != "calendar" or _same_footing(x, a, y, b))
        ]
        if known:
            if any(_overlap(rx, ry, slack) for _, rx, _, ry in known):
                if group != "duration":
                    continue
                x, _, y, _ = next(k for k in known if _overlap(k[1], k[3], slack))
                if x.label == y.label == "DURATION" and x.qualifier == y.qualifier:
                    continue  # "several months" vs "a few months": vague words, no real difference
                out.append(
                    _draft(
                        FindingType.TIME_DATE,
                        Severity.LOW,
                        claim_index,
                        a,
                        b,
                        "The time span is told differently",
                        fact_span(x, a.statement, a.document),
                        fact_span(y, b.statement, b.document),
                    )
                )
                continue
            related = [(x, y) for x, _, y, _ in known if _same_event_time(a, x, b, y)]
            if not related:
                continue
            x, y = related[0]
            out.append(
                _draft(
                    FindingType.TIME_DATE,
                    Severity.MEDIUM,
                    claim_index,
                    a,
                    b,
                    "Different times or dates",
                    fact_span(x, a.statement, a.document),
                    fact_span(y, b.statement, b.document),
                    conflict=True,
                )
            )
        elif group == "duration":
            # no publication date to resolve 'since ...' against: show the wording difference only
            out.append(
                _draft(
                    FindingType.TIME_DATE,
                    Severity.LOW,
                    claim_index,
                    a,
                    b,
                    "The time span is told differently",
                    fact_span(xs[0], a.statement, a.document),
                    fact_span(ys[0], b.statement, b.document),
                )
            )
    return out


def _entity_keys(side: _Side) -> set[str]:
    return {f.key for f in side.facts if f.kind in (FactKind.ENTITY, FactKind.ATTRIBUTION)}


def _mentions(side: _Side, key: str) -> bool:
    """Whether a statement names the entity at all (as a fact or anywhere in its words)."""
    if any(aliases.same_entity(key, k) for k in _entity_keys(side)):
        return True
    folded = f" {aliases.fold(side.statement.text)} "
    return f" {key} " in folded or any(f" {w} " in folded for w in key.split()[-1:] if len(w) > 3)


def _entities(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """A different place (same preposition) or a different actor of the same action."""
    out: list[_Draft] = []
    ea = [f for f in a.facts if f.kind is FactKind.ENTITY and f.role]
    eb = [f for f in b.facts if f.kind is FactKind.ENTITY and f.role]
    for x in ea:
        for y in eb:
            if x.role != y.role or aliases.same_entity(x.key, y.key):
                continue
            place = x.role in _PLACE_ROLES
            actor = (
                ":" in (x.role or "")
                and (x.role or "").split(":")[1] not in REPORTING_VERBS | _GENERIC_SCOPES
            )
            if not (place or actor):
                continue
            if place and not (
                _placelike(x) and _placelike(y) and _same_granularity(x, y) and _same_event(a, x, b, y)
            ):
                continue
            if actor and not (x.label == y.label == "PERSON"):
                continue
            if _mentions(b, x.key) or _mentions(a, y.key):
                continue
            what = "place" if place else "actor"
            out.append(
                _draft(
                    FindingType.ENTITY,
                    Severity.MEDIUM,
                    claim_index,
                    a,
                    b,
                    f"Different {what}",
                    fact_span(x, a.statement, a.document),
                    fact_span(y, b.statement, b.document),
                    conflict=True,
                )
            )
            return out
    return out


_MOTION = frozenset(
    [
        "depart",
        "leave",
        "take",
        "fly",
        "come",
        "arrive",
        "travel",
        "launch",
        "set",
        "head",
        "return",
        "land",
        "crash",
        "go",
        "bind",
        "route",
        "divert",
    ]
)


def _governor(side: _Side, fact: Fact) -> str | None:
    """The word a place's preposition hangs on: 'depart' in 'departed from Lucerne'."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return None
    start = fact.start - side.statement.start
    for token in parsed:
        if token.idx == start or (token.idx <= start < token.idx + len(token.text)):
            node = token
            while node.dep_ in ("compound", "amod", "det", "flat") and node.head is not node:
                node = node.head
            if node.dep_ == "pobj" and node.head.dep_ == "prep":
                return str(node.head.head.lemma_).lower()
            return None
    return None


def _same_event(a: _Side, x: Fact, b: _Side, y: Fact) -> bool:
    """Places conflict only when they answer the same question: the same word, or both a journey's end."""
    ga, gb = _governor(a, x), _governor(b, y)
    if ga is None or gb is None:
        return False
    return ga == gb or (ga in _MOTION and gb in _MOTION)


def _placelike(fact: Fact) -> bool:
    """A place, or a one-word name the small NER model mislabels ('from Lucerne' as ORG or PERSON)."""
    return fact.label in _PLACE_LABELS or (fact.label in ("PERSON", "ORG") and len(fact.key.split()) == 1)


_REGION_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "middle",
        "africa",
        "europe",
        "asia",
        "america",
        "americas",
        "oceania",
        "arctic",
        "antarctica",
        "gulf",
        "region",
        "province",
        "state",
        "county",
        "district",
    ]
)


def _same_granularity(x: Fact, y: Fact) -> bool:
    """A country against a region ('Kenya' / 'East Africa') may be containment, not conflict."""
    labels = {f.label for f in (x, y) if f.label in _PLACE_LABELS - {"NAME"}}
    if len(labels) > 1:
        return False
    regions = [bool(set(f.key.split()) & _REGION_WORDS) for f in (x, y)]
    return not any(regions)


def _lemmas(side: _Side) -> dict[str, int]:
    """Content-word lemmas of a statement with their first character offset in the document."""
    parsed = nlp.parse(side.statement.text)
    out: dict[str, int] = {}
    if parsed is None:
        for word in side.statement.text.split():
            out.setdefault(word.strip(".,;:'\"").lower(), side.statement.start)
        return out
    for token in parsed:
        if token.pos_ in ("NOUN", "VERB", "ADJ", "PROPN"):
            out.setdefault(str(token.lemma_).lower(), side.statement.start + token.idx)
    return out


def _negated_scopes(side: _Side) -> dict[str, Fact]:
    return {f.role: f for f in side.facts if f.kind is FactKind.POLARITY and f.role}


def _polarity(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """One statement negates or denies what the other affirms."""
    for x, y in ((a, b), (b, a)):
        neg_x = _negated_scopes(x)
        if not neg_x or any(f.kind is FactKind.POLARITY for f in y.facts):
            continue
        lemmas_y = _lemmas(y)
        for scope, fact in sorted(neg_x.items(), key=lambda kv: kv[1].start):
            parts = [p for p in scope.split("@") if p not in _GENERIC_SCOPES]
            if not parts or any(p not in lemmas_y for p in parts):
                continue
            span_x = _scope_span(x, fact, parts[0])
            at = lemmas_y[parts[0]]
            span_y = _word_window(y, at)
            first, second = (x, y) if x is a else (y, x)
            spans = (span_x, span_y) if x is a else (span_y, span_x)
            return [
                _draft(
                    FindingType.POLARITY,
                    Severity.HIGH,
                    claim_index,
                    first,
                    second,
                    "One report negates what the other affirms",
                    spans[0],
                    spans[1],
                    conflict=True,
                )
            ]
    return []


def _scope_span(side: _Side, fact: Fact, scope: str) -> Span:
    """From the negation to the word it negates, whichever comes first."""
    lemmas = _lemmas(side)
    at = lemmas.get(scope, fact.start)
    start = min(fact.start, at)
    end = max(fact.end, _word_end(side, at))
    return window_span(side.statement, side.document, start, end)


def _word_end(side: _Side, at: int) -> int:
    text = side.document.text
    end = at
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    return end


def _word_window(side: _Side, at: int, before: int = 3) -> Span:
    """A few words leading up to and including the word at `at`."""
    text = side.document.text
    start = at
    words = 0
    while start > side.statement.start and words < before:
        start -= 1
        if text[start] == " " and text[start - 1] != " ":
            words += 1
    if text[start] == " ":
        start += 1
    return window_span(side.statement, side.document, start, _word_end(side, at))


def _hedges(side: _Side) -> list[Fact]:
    return [f for f in side.facts if f.kind is FactKind.CERTAINTY]


def _certainty(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """One report hedges what the other states as fact."""
    for x, y in ((a, b), (b, a)):
        hx = _hedges(x)
        if not hx or _hedges(y):
            continue
        lemmas_y = _lemmas(y)
        for fact in hx:
            if fact.role is None or fact.role in _GENERIC_SCOPES or fact.role not in lemmas_y:
                continue  # the hedged word must be in the other statement: the same thing, hedged there only
            span_x = (
                _scope_span(x, fact, fact.role or "")
                if fact.role
                else fact_span(fact, x.statement, x.document)
            )
            span_y = (
                _word_window(y, lemmas_y[fact.role])
                if fact.role in lemmas_y
                else statement_span(y.statement, y.document)
            )
            spans = (span_x, span_y) if x is a else (span_y, span_x)
            return [
                _draft(
                    FindingType.CERTAINTY,
                    Severity.LOW,
                    claim_index,
                    a,
                    b,
                    f"{x.label} hedges ({quote(fact_span(fact, x.statement, x.document))}) "
                    f"where {y.label} states it as fact",
                    spans[0],
                    spans[1],
                )
            ]
    return []


def _sources(side: _Side) -> list[Fact]:
    return [f for f in side.facts if f.kind is FactKind.ATTRIBUTION and f.label in ("SOURCE", "PERSON")]


_GENERIC_SOURCE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "two",
        "three",
        "four",
        "some",
        "several",
        "of",
        "and",
        "its",
        "his",
        "her",
        "their",
        "our",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "source",
        "sources",
        "report",
        "reports",
        "statement",
        "people",
        "person",
        "chief",
        "head",
        "for",
        "senior",
        "told",
        "said",
        "earlier",
        "initial",
        "local",
    ]
)


def _source_words(fact: Fact) -> set[str]:
    words = set(fact.key.split()) | set(aliases.fold(fact.text).split())
    return {w for w in words if w not in _GENERIC_SOURCE_WORDS and len(w) > 1}


def _same_source(x: Fact, y: Fact) -> bool:
    """Same source: the same person (surname matches), else shared distinctive words ('State Department')."""
    if x.label == y.label == "PERSON":
        return aliases.same_entity(x.key, y.key)
    if aliases.same_entity(x.key, y.key):
        return True
    return bool(_source_words(x) & _source_words(y))


def _attribution(a: _Side, b: _Side, claim_index: int) -> list[_Draft]:
    """The same claim credited to different sources."""
    sa, sb = _sources(a), _sources(b)
    if not sa or not sb:
        return []
    if any(_same_source(x, y) for x in sa for y in sb):
        return []
    x, y = sa[0], sb[0]
    notes = [
        f"'{f.text}' is taken to be {f.key.title()}, quoted just before in {side.label}"
        for f, side in ((x, a), (y, b))
        if f.role == "pronoun"
    ]
    notes.extend(
        f"'{f.text}' is {side.label}'s own assessment"
        for f, side in ((x, a), (y, b))
        if side.document.outlet and aliases.fold(side.document.outlet) == aliases.fold(f.text)
    )
    return [
        _draft(
            FindingType.ATTRIBUTION,
            Severity.LOW,
            claim_index,
            a,
            b,
            "Attributed to different sources",
            fact_span(x, a.statement, a.document),
            fact_span(y, b.statement, b.document),
            note="; ".join(notes) or None,
        )
    ]


# --- claims as a whole -------------------------------------------------------------------------


def _coverage_findings(
    claim: Claim,
    index: int,
    by_id: Mapping[str, Statement],
    docs: Mapping[str, Document],
    documents: Sequence[Document],
    labels: Mapping[str, str],
) -> list[_Draft]:
    """Unique claims (one outlet only) and omissions (all outlets but one carry it, three or more)."""
    carried = [
        d.id
        for d in documents
        if d.id in set(claim.documents or (by_id[s].document for s in claim.statements))
    ]
    first = by_id[claim.statements[0]]
    span = statement_span(first, docs[first.document])
    if len(carried) == 1:
        label = labels[carried[0]]
        return [
            _Draft(
                FindingType.UNIQUE,
                Severity.LOW,
                index,
                (first.id,),
                f"Only {label} reports this: {quote(span)}",
                (span,),
            )
        ]
    missing = [d for d in documents if d.id not in carried]
    if len(documents) >= 3 and len(missing) == 1:
        names = [labels[d] for d in carried]
        return [
            _Draft(
                FindingType.OMISSION,
                Severity.MEDIUM,
                index,
                tuple(claim.statements),
                f"{labels[missing[0].id]} does not report what {name_list(names)} report: {quote(span)}",
                (span,),
            )
        ]
    return []


# A counted noun in more statements than this (per scan) is too generic to pair statements by:
# pairing them all would grow with the square of the input and flood the report.
MAX_SCAN_BUCKET = 40


def _unaligned_number_findings(claims: Sequence[Claim], side: Callable[[str], _Side]) -> list[_Draft]:
    """Figures for the same thing told differently by statements that alignment kept apart.

    Alignment groups by overall wording; 'more than 130 bodies were recovered' and a long quote
    saying 'more than 70 bodies ... have been recovered' may land in different claims. Only number
    conflicts with a shared context are raised here, so the scan stays quiet on unrelated sentences.
    """
    claim_of = {sid: i for i, claim in enumerate(claims) for sid in claim.statements}
    sides = [side(sid) for sid in sorted(claim_of, key=lambda s: (claim_of[s], s))]
    # only statements counting the same noun in the same unit can disagree: bucket them by that
    buckets: dict[tuple[str, str | None, str | None], list[int]] = {}
    for n, x in enumerate(sides):
        for cls in {_num_class(f) for f in x.facts if _comparable_number(f) and f.role}:
            buckets.setdefault(cls, []).append(n)
    candidates = sorted(
        {
            (i, j)
            for members in buckets.values()
            if len(members) <= MAX_SCAN_BUCKET
            for i in members
            for j in members
            if i < j
        }
    )
    out: list[_Draft] = []
    flagged: set[int] = set()  # at most one such finding per statement: a hint, not a flood
    for i, j in candidates:
        a, b = sides[i], sides[j]
        if i in flagged or j in flagged:
            continue
        if a.document.id == b.document.id or claim_of[a.statement.id] == claim_of[b.statement.id]:
            continue
        drafts = _numbers(a, b, claim_of[a.statement.id], strict=True)
        if drafts:
            flagged.update((i, j))
        for draft in drafts:
            out.append(
                replace(
                    draft,
                    severity=Severity.MEDIUM,
                    note="; ".join(
                        n
                        for n in (
                            draft.note,
                            "the two statements were not aligned as one claim: check they "
                            "report the same thing",
                        )
                        if n
                    ),
                )
            )
    return out


def _internal_findings(
    claims: Sequence[Claim],
    by_id: Mapping[str, Statement],
    docs: Mapping[str, Document],
    facts: Mapping[str, Sequence[Fact]],
    labels: Mapping[str, str],
) -> list[_Draft]:
    """A report giving two exact, different figures for the same thing in similar sentences."""
    claim_of = {sid: i for i, claim in enumerate(claims) for sid in claim.statements}
    out: list[_Draft] = []
    # Only statements counting the same noun in the same unit can disagree: bucket them by that,
    # per document, and leave nouns too common to pair (MAX_SCAN_BUCKET) alone.
    buckets: dict[tuple[str, tuple[str, str | None, str | None]], list[Statement]] = {}
    exact: dict[str, list[Fact]] = {}
    for sid in facts:
        if sid not in by_id:
            continue
        numbers = [
            f
            for f in facts[sid]
            if f.kind is FactKind.NUMBER
            and f.role
            and f.value is not None
            and _direction(f.qualifier) == "exact"
        ]
        if numbers:
            exact[sid] = numbers
            for cls in {_num_class(f) for f in numbers}:
                buckets.setdefault((by_id[sid].document, cls), []).append(by_id[sid])
    flagged: set[str] = set()  # at most one internal finding per statement
    for (doc_id, cls), stmts in sorted(buckets.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        if len(stmts) > MAX_SCAN_BUCKET:
            continue
        stmts.sort(key=lambda s: s.index)
        document = docs[doc_id]
        for i, s1 in enumerate(stmts):
            for s2 in stmts[i + 1 :]:
                if s1.id in flagged or s2.id in flagged:
                    continue
                if fuzz.token_set_ratio(s1.text, s2.text) < 60:
                    continue
                n1 = [f for f in exact[s1.id] if _num_class(f) == cls]
                same = [y for y in exact[s2.id] if _num_class(y) == cls]
                x = n1[0]
                if any(numbers_compatible(a, b) for a in n1 for b in same):
                    continue
                sx = fact_span(x, s1, document)
                sy = fact_span(same[0], s2, document)
                flagged.update((s1.id, s2.id))
                out.append(
                    _Draft(
                        FindingType.INTERNAL,
                        Severity.MEDIUM,
                        claim_of.get(s1.id, 0),
                        (s1.id, s2.id),
                        f"{labels[doc_id]} gives two different figures: {quote(sx)} and {quote(sy)}",
                        (sx, sy),
                    )
                )
    return out
