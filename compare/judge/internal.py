"""Figures outside aligned pairs: a report contradicting itself, and statements alignment kept apart."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from compare.facts.attribution import REPORTING_VERBS
from compare.judge.base import Draft, Side
from compare.judge.durations import duration_keys, duration_slot_drafts
from compare.judge.entities import entity_drafts
from compare.judge.numbers import NumClass, direction, num_class, numbers_compatible
from compare.judge.polarity import denied_keys, polarity_drafts, said_keys
from compare.judge.slots import number_slot_drafts, slot_keys, time_slot_drafts
from compare.judge.spans import fact_span, quote
from compare.model import Claim, Document, Fact, FactKind, FindingType, Severity, Statement

# A counted noun in more statements than this (per scan) is too generic to pair statements by:
# pairing them all would grow with the square of the input and flood the report.
MAX_SCAN_BUCKET = 40


# A related link this strong could have joined the two statements in one claim (alignment's own
# threshold for linking two statements); weaker ones only touch the same topic.
LINKED_STRENGTH = 0.05


def unaligned_drafts(claims: Sequence[Claim], side: Callable[[str], Side]) -> list[Draft]:
    """Figures, times, dates and denials of one thing told differently in statements kept apart.

    Alignment groups by overall wording; 'more than 130 bodies were recovered' and a long quote
    saying 'more than 70 bodies ... have been recovered' may land in different claims, or only in a
    related link. Candidates are the related links and the statements of other reports that share an
    event slot with one another (a figure or time of the same predicate, or counting the same noun);
    their facts are then paired as for aligned statements, but only on a strong slot match.
    """
    claim_of = {sid: i for i, claim in enumerate(claims) for sid in claim.statements}
    order = sorted(claim_of, key=lambda s: (claim_of[s], s))
    sides = [side(sid) for sid in order]
    position = {sid: n for n, sid in enumerate(order)}
    # only statements with a fact in the same slot can disagree: bucket them by that slot
    buckets: dict[tuple[str, object], list[int]] = {}
    for n, x in enumerate(sides):
        for key in slot_keys(x.facts) | duration_keys(x):
            buckets.setdefault(("slot", key), []).append(n)
        for word in denied_keys(x):
            buckets.setdefault(("polarity", ("denied", word)), []).append(n)
    # statements that say a denied word go with the statements denying it
    denied = {key: set(members) for (kind, key), members in buckets.items() if kind == "polarity"}
    for n, x in enumerate(sides):
        for word in said_keys(x):
            members = denied.get(("denied", word))
            if members is not None and n not in members and len(members) <= MAX_SCAN_BUCKET:
                members.add(n)
                buckets[("polarity", ("denied", word))].append(n)
    # an act told of one named thing ('checked into the Elm Clinic'): its denial meets its affirmation
    # whatever else the statements share, and however often the story says the verb
    for key, telling in _named_acts(sides).items():
        buckets[("polarity", key)] = telling
    candidates = {
        (kind, i, j)
        for (kind, _), members in buckets.items()
        if len(members) <= MAX_SCAN_BUCKET
        for i in members
        for j in members
        if i < j
    }
    linked: set[tuple[int, int]] = set()
    for claim in claims:  # related links: overlaps the claims could not hold
        for link in claim.related:
            i, j = sorted((position[link.statement], position[link.other]))
            candidates.add(("slot", i, j))
            if link.link >= LINKED_STRENGTH:
                linked.add((i, j))
    # a report that both denies and says a word tells both sides itself ('officials said there was no
    # fire'; 'a witness reported seeing a fire'): no disagreement between outlets on it
    denies: dict[str, set[str]] = {}
    for x in sides:
        denies.setdefault(x.document.id, set()).update(denied_keys(x))
    story_places = _story_places(sides)
    out: list[Draft] = []
    # at most one such finding per statement, kind and other report: a hint, not a flood
    flagged: set[tuple[str, int, str]] = set()
    # the surer pairings first: figures counting one named thing, then bare figures of loosely linked
    # statements where nothing surer was found for them
    ordered = [(kind, i, j, False) for kind, i, j in sorted(candidates)]
    ordered += [("slot", i, j, True) for i, j in sorted(linked)]
    for kind, i, j, loose in ordered:
        a, b = sides[i], sides[j]
        if (kind, i, b.document.id) in flagged or (kind, j, a.document.id) in flagged:
            continue
        if a.document.id == b.document.id or claim_of[a.statement.id] == claim_of[b.statement.id]:
            continue
        if a.recalled != b.recalled:
            continue  # a past event the story recalls against the story's own
        if kind == "polarity" and (
            denied_keys(a) & denies[b.document.id] or denied_keys(b) & denies[a.document.id]
        ):
            continue
        index = claim_of[a.statement.id]
        if kind == "slot" and _placed_elsewhere(a, b, story_places):
            continue  # a toll or time of a place the other statement does not speak of
        if loose:
            drafts = number_slot_drafts(a, b, index, aligned=False, linked=True)
        elif kind == "slot":
            drafts = [
                *number_slot_drafts(a, b, index, aligned=False),
                *time_slot_drafts(a, b, index, aligned=False),
                *duration_slot_drafts(a, b, index, aligned=False),
                *entity_drafts(a, b, index, aligned=False),
            ]
        else:
            drafts = polarity_drafts(a, b, index, strict=True)
        if drafts:
            flagged.update(((kind, i, b.document.id), (kind, j, a.document.id)))
        for found in drafts:
            out.append(
                replace(
                    found,
                    severity=Severity.MEDIUM if found.conflict else found.severity,
                    note="; ".join(
                        n
                        for n in (
                            found.note,
                            "the two statements were not aligned as one claim: check they "
                            "report the same thing",
                        )
                        if n
                    ),
                )
            )
    return out


def _named_acts(sides: Sequence[Side]) -> dict[tuple[str, ...], list[int]]:
    """Statements telling a verb of a named thing, keyed by the verb and the thing's first word, for the
    verbs some statement denies: ('act', 'check', 'into', 'elm') holds 'never checked into the Elm Clinic' and
    'checked into Elm Clinic on Friday'."""
    out: dict[tuple[str, ...], list[int]] = {}
    denied: set[tuple[str, ...]] = set()
    for n, x in enumerate(sides):
        negated = denied_keys(x)
        keys = {
            ("act", f.predicate, f.arg or "", f.key.split()[0])
            for f in x.facts
            if f.kind is FactKind.ENTITY and f.predicate and f.key and not (f.role or "").startswith("nsubj")
        }
        for key in keys:
            out.setdefault(key, []).append(n)
            if key[1] in negated:
                denied.add(key)
    return {key: members for key, members in out.items() if key in denied and len(members) > 1}


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _places(side: Side) -> set[str]:
    return {f.key for f in side.facts if f.kind is FactKind.ENTITY and f.label in _PLACE_LABELS}


def _story_places(sides: Sequence[Side]) -> frozenset[str]:
    """Where the story happens: the places that more than a third of the reports name (two at least)."""
    named: dict[str, set[str]] = {}
    for x in sides:
        for key in _places(x):
            named.setdefault(key, set()).add(x.document.id)
    reports = len({x.document.id for x in sides})
    return frozenset(
        key for key, documents in named.items() if len(documents) >= 2 and len(documents) * 3 > reports
    )


def _placed_elsewhere(a: Side, b: Side, story_places: frozenset[str]) -> bool:
    """Two statements kept apart share no named thing, and one names a place that is not the story's and
    that the other does not name: 'the bombing of Hill Town killed at least seven' and '12 people were
    killed' tell of another raid, or of a part of the toll, not of one figure told twice."""
    if not story_places:
        return False  # no place the story is known by: a place one report names may be the story's own
    if _entity_keys(a) & _entity_keys(b):
        return False  # both speak of one named thing ('checked into the clinic in Palm Town' / 'the clinic')
    for x, y in ((a, b), (b, a)):
        other = y.statement.text.lower()
        if any(key not in other for key in _places(x) - story_places):
            return True
    return False


def _entity_keys(side: Side) -> set[str]:
    """The named things a statement tells of; the one it quotes as its source is not one of them."""
    return {
        f.key
        for f in side.facts
        if f.kind is FactKind.ENTITY and (f.role or "").removeprefix("nsubj:") not in REPORTING_VERBS
    }


def internal_drafts(
    claims: Sequence[Claim],
    by_id: Mapping[str, Statement],
    docs: Mapping[str, Document],
    facts: Mapping[str, Sequence[Fact]],
    labels: Mapping[str, str],
) -> list[Draft]:
    """A report giving two exact, different figures for the same thing in similar sentences."""
    claim_of = {sid: i for i, claim in enumerate(claims) for sid in claim.statements}
    out: list[Draft] = []
    # Only statements counting the same noun in the same unit can disagree: bucket them by that,
    # per document, and leave nouns too common to pair (MAX_SCAN_BUCKET) alone.
    buckets: dict[tuple[str, NumClass], list[Statement]] = {}
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
            and direction(f.qualifier) == "exact"
        ]
        if numbers:
            exact[sid] = numbers
            for cls in {num_class(f) for f in numbers}:
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
                n1 = [f for f in exact[s1.id] if num_class(f) == cls]
                same = [y for y in exact[s2.id] if num_class(y) == cls]
                if any(numbers_compatible(a, b) for a in n1 for b in same):
                    continue
                sx = fact_span(n1[0], s1, document)
                sy = fact_span(same[0], s2, document)
                flagged.update((s1.id, s2.id))
                out.append(
                    Draft(
                        FindingType.INTERNAL,
                        Severity.MEDIUM,
                        claim_of.get(s1.id, 0),
                        (s1.id, s2.id),
                        f"{labels[doc_id]} gives two different figures: {quote(sx)} and {quote(sy)}",
                        (sx, sy),
                    )
                )
    return out
