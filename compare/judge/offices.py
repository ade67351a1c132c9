"""Offices held by different people: 'fire chief Ana Ruiz said' in one report, 'according to fire chief Tom
Becker' in another. The two statements quote different things, so they are seldom aligned: the office
facts (compare.facts.offices) are compared report against report, over the whole story.

One office is one set of words (spelling unified) of the same place: "Bahrain's civil defence chief" and
'Bahraini civil defense chief' are one office, 'Iraq's foreign minister' and 'Iran's foreign minister' two.
An office naming no place is the office of the place its report names most, when that is the other's. Two
names are one person when every word of the shorter is a word of the longer, spelt alike ('Ruiz', 'Ms Ruiz',
'Ana Ruiz'). A report that itself names two holders of one office (two towns' fire chiefs) sets none of
them against another report, and statements recalling another time (compare.judge.recalled) are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from compare.facts.offices import place_key
from compare.judge.base import Draft, Side, draft
from compare.judge.spans import fact_span
from compare.model import Claim, Fact, FactKind, FindingType, Severity

_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_SPELT_ALIKE = 75  # rapidfuzz ratio from which two words of names are one word spelt two ways
_NOTE = (
    "the two statements may be about different moments or bodies: check who held the office when each "
    "report was written"
)


@dataclass(frozen=True, slots=True)
class _Holder:
    """One person named as holding an office in one statement."""

    fact: Fact
    side: Side
    words: frozenset[str]
    places: frozenset[str]


def office_drafts(claims: Sequence[Claim], side: Callable[[str], Side]) -> list[Draft]:
    """Different people named as holding one office in two reports: one draft per office and pair of
    reports, quoting each report's first naming of it (joined across outlets by compare.judge.group)."""
    claim_of = {sid: i for i, claim in enumerate(claims) for sid in claim.statements}
    holders: dict[str, list[_Holder]] = {}  # per document, in statement order
    places: dict[str, Counter[str]] = {}
    people: dict[str, set[str]] = {}
    offices: list[tuple[Fact, Side]] = []
    for x in sorted((side(sid) for sid in claim_of), key=lambda x: (x.document.id, x.statement.index)):
        doc = x.document.id
        counted = places.setdefault(doc, Counter())
        named = people.setdefault(doc, set())
        for fact in x.facts:
            if fact.kind is FactKind.ENTITY and fact.label in _PLACE_LABELS:
                counted[place_key(fact.text)] += 1
            elif fact.kind in (FactKind.ENTITY, FactKind.ATTRIBUTION) and fact.label == "PERSON":
                named.add(fact.key)
            elif fact.kind is FactKind.OFFICE:
                named.add(fact.key)
                if not x.recalled and fact.role:
                    offices.append((fact, x))
    story = set().union(*places.values())
    for fact, x in offices:
        words, held = _split_places((fact.role or "").split(), story)
        held |= {fact.qualifier} if fact.qualifier else set()
        if words:
            holders.setdefault(x.document.id, []).append(_Holder(fact, x, frozenset(words), frozenset(held)))
    top = {doc: _most_named(counted) for doc, counted in places.items()}
    every = [h for found in holders.values() for h in found]
    by_doc = {doc: _own_places(found, every) for doc, found in holders.items()}
    out: list[Draft] = []
    for office in sorted({h.words for found in by_doc.values() for h in found}, key=sorted):
        of_office = {doc: [h for h in found if h.words == office] for doc, found in sorted(by_doc.items())}
        clear = {doc: found for doc, found in of_office.items() if found and not _two_holders(found, top)}
        for d1, d2 in combinations(sorted(clear), 2):
            conflict = _first_conflict(clear[d1], clear[d2], top, people)
            if conflict is None:
                continue
            h1, h2, explicit = conflict
            lead = f"Different people named as {_office_name(h1, h2)}"
            out.append(
                draft(
                    FindingType.ENTITY,
                    Severity.MEDIUM if explicit else Severity.LOW,
                    claim_of[h1.side.statement.id],
                    h1.side,
                    h2.side,
                    lead,
                    fact_span(h1.fact, h1.side.statement, h1.side.document),
                    fact_span(h2.fact, h2.side.statement, h2.side.document),
                    note=_NOTE,
                    conflict=True,
                )
            )
    return out


_MAX_PLACE_WORDS = 3


def _split_places(words: list[str], story: set[str]) -> tuple[list[str], set[str]]:
    """An office's words without the places the story names ('ashford fire chief' where a report names
    Ashford as a place, which the parse of that sentence alone may not have seen), and those places."""
    rest: list[str] = []
    found: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(_MAX_PLACE_WORDS, len(words) - i), 0, -1):
            if " ".join(words[i : i + n]) in story:
                found.add(" ".join(words[i : i + n]))
                i += n
                break
        else:
            rest.append(words[i])
            i += 1
    return rest, found


def _most_named(counted: Counter[str]) -> frozenset[str]:
    """The places a report names most (ties kept: a report about two countries names no one place)."""
    if not counted:
        return frozenset()
    most = max(counted.values())
    return frozenset(p for p, n in counted.items() if n == most)


def _own_places(found: Sequence[_Holder], every: Sequence[_Holder]) -> list[_Holder]:
    """A report's holders, each office naming no place given the place named for the same person in the
    same office, in the same report ("Bahrain's fire chief X" ... 'fire chief X'), else in the others
    ('South Sudan President Salva Kiir' makes another report's 'President Salva Kiir' South Sudan's)."""
    out = []
    for h in found:
        for pool in (found, every):
            if h.places:
                break
            named = {
                o.places
                for o in pool
                if o.places and o.words == h.words and one_person(o.fact.key, h.fact.key)
            }
            if len(named) == 1:
                h = _Holder(h.fact, h.side, h.words, named.pop())
        out.append(h)
    return out


def _same_office(a: _Holder, b: _Holder, top: dict[str, frozenset[str]]) -> bool | None:
    """Whether two holders' offices are one: True where both name the same place, False where the place
    is inferred (one or both name none, and it is what their reports name most), None where not one."""
    if a.words != b.words:
        return None
    if a.places and b.places:
        return True if a.places == b.places else None
    if len(a.words) < 2:
        return None  # 'President X' against "Sudan's president Y": a bare title may be any country's
    if a.places or b.places:
        named, bare = (a, b) if a.places else (b, a)
        return False if named.places == top.get(bare.side.document.id, frozenset()) else None
    # neither names a place: one office, unless their reports are about two places
    ta, tb = top.get(a.side.document.id, frozenset()), top.get(b.side.document.id, frozenset())
    return False if ta & tb or not (ta and tb) else None


def _two_holders(found: Sequence[_Holder], top: dict[str, frozenset[str]]) -> bool:
    """Whether one report names two people as holding the office (of two places, or at two times)."""
    return any(
        not one_person(a.fact.key, b.fact.key) and _same_office(a, b, top) is not None
        for a, b in combinations(found, 2)
    )


def _first_conflict(
    xs: Sequence[_Holder], ys: Sequence[_Holder], top: dict[str, frozenset[str]], people: dict[str, set[str]]
) -> tuple[_Holder, _Holder, bool] | None:
    """The first holders of two reports that hold one office and cannot be one person, and whether both
    name its place. An office whose place is inferred is not compared when either report names the
    other's person too: both people are in the story, and a bare title may be of either's body."""
    for x in xs:
        for y in ys:
            same = _same_office(x, y, top)
            if same is None or one_person(x.fact.key, y.fact.key):
                continue
            if not same and (
                _names(people[x.side.document.id], y.fact.key)
                or _names(people[y.side.document.id], x.fact.key)
            ):
                continue
            return x, y, same
    return None


def _names(keys: set[str], person: str) -> bool:
    return any(one_person(key, person) for key in keys)


_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "di", "van", "von", "der"}
)


def one_person(a: str, b: str) -> bool:
    """Whether two name keys can name one person: every word of the shorter is a word of the longer,
    spelt alike ('ruiz' / 'ana ruiz', 'abdul rahman al khalifa' / 'abdul rahman bin rashed al khalifa')."""
    wa = [w for w in a.split() if w not in _PARTICLES] or a.split()
    wb = [w for w in b.split() if w not in _PARTICLES] or b.split()
    if len(wa) > 1 and len(wb) > 1 and _alike(wa[-1], wb[-1]):
        return True  # one surname: 'Tom Becker' / 'Thomas Becker'
    short, long_ = sorted((wa, wb), key=len)
    return all(any(_alike(w, v) for v in long_) for w in short)


def _alike(a: str, b: str) -> bool:
    """One word of a name: the same, one cut short ('Tom' / 'Thomas' is not), or spelt alike."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return fuzz.ratio(a, b) >= _SPELT_ALIKE


def _office_name(a: _Holder, b: _Holder) -> str:
    """The office in words, with its place: "civil defense chief (bahrain)"."""
    words = [w for w in (a.fact.role or "").split() if w in a.words]
    place = a.places or b.places
    return " ".join(words) + (f" ({', '.join(p.title() for p in sorted(place))})" if place else "")
