"""Pair relations and claim verdicts, settled from the findings raised on each pair."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.facts.reading import Clause
from compare.judge.base import Draft, Side
from compare.judge.numbers import numbers_compatible
from compare.language import is_english
from compare.model import Claim, Fact, FactKind, FindingType, Pair, Relation, Statement, Verdict


def closest_pairs(pairs: Sequence[Pair], by_id: Mapping[str, Statement]) -> set[Pair]:
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


def relation(current: Relation, found: Sequence[Draft]) -> Relation:
    """Conflict if any conflicting finding holds; any other difference in what is said makes an
    agreement partial. Who is credited with it (attribution) is noted, but the two still say the same."""
    if any(d.conflict for d in found):
        return Relation.CONFLICT
    if current is Relation.AGREE and any(d.type is not FindingType.ATTRIBUTION for d in found):
        return Relation.PARTIAL
    return current


# Fact kinds that say what a statement is about: who, where, how many, when.
_KEY_KINDS = frozenset({FactKind.ENTITY, FactKind.NUMBER, FactKind.TIME})
SAME_FACTS_MIN_SCORE = 0.3  # below this the two are only loosely linked, whatever they share
SAME_FACTS_MIN_SHARED = 2  # facts both must state for "the same facts"


def _keys(facts: Sequence[Fact]) -> set[str]:
    """What a statement states: its names, figures and dates."""
    return {f"{f.kind.value}:{f.key}" for f in facts if f.kind in _KEY_KINDS and f.key}


def story_keys(facts: Mapping[str, Sequence[Fact]]) -> frozenset[str]:
    """Facts so common in the comparison that sharing them says nothing (the story's own country, its
    main actor): those in at least three statements and a quarter of all of them."""
    counts: dict[str, int] = {}
    for statement_facts in facts.values():
        for key in _keys(statement_facts):
            counts[key] = counts.get(key, 0) + 1
    floor = max(3, len(facts) // 4)
    return frozenset(key for key, count in counts.items() if count >= floor)


def same_facts(a: Side, b: Side, score: float, common: frozenset[str] = frozenset()) -> str | None:
    """ "same facts; BBC adds more" when the two state the same distinctive facts (names, figures,
    dates beyond the story's own) and at least half of what one states, with no difference found;
    None for a partial overlap."""
    if score < SAME_FACTS_MIN_SCORE:
        return None
    ka, kb = _keys(a.facts) - common, _keys(b.facts) - common
    shared = ka & kb
    if len(shared) < SAME_FACTS_MIN_SHARED and not (shared and (ka <= kb or kb <= ka)):
        return None
    if len(shared) * 2 < min(len(ka), len(kb)):
        return None
    if ka == kb:
        return "same facts"
    if ka < kb or kb < ka:
        return f"same facts; {(b if ka < kb else a).label} adds more"
    return "same facts; each adds details"


_WORD = re.compile(r"[^\W\d_]{4,}")
_MORE = 1.4  # one statement tells more when it has this many times the other's words, the other's in it
_INSIDE = 0.8


def adds_more(a: Side, b: Side) -> str | None:
    """For two statements that agree: 'same facts; BBC adds more' when one holds the other and more."""
    wa = {w.lower() for w in _WORD.findall(a.statement.text)}
    wb = {w.lower() for w in _WORD.findall(b.statement.text)}
    if not wa or not wb:
        return None
    for small, large, side in ((wa, wb, b), (wb, wa, a)):
        if len(large) >= _MORE * len(small) and len(small & large) >= _INSIDE * len(small):
            return f"same facts; {side.label} adds more"
    return None


# What a statement tells beyond the other: its names, figures, dates and sources, in words.
_TOLD_KINDS = frozenset({FactKind.ENTITY, FactKind.NUMBER, FactKind.TIME, FactKind.ATTRIBUTION})
ADDED_LISTED = 3  # facts named per side; more are counted


def _what(fact: Fact) -> str | None:
    """The kind of a fact in a word (date, time span, figure, source); a name speaks for itself (and
    the tagger's guess of person or place is not worth showing)."""
    if fact.kind is FactKind.TIME:
        return "time span" if fact.label == "DURATION" else "date"
    if fact.kind is FactKind.NUMBER:
        return "figure"
    if fact.kind is FactKind.ATTRIBUTION:
        return "source"
    return None


def _mentions(text: str, words: str) -> bool:
    """`words` stand as whole words in `text`, case aside."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE) is not None


_KEY_WORD = re.compile(r"[a-z]+")


def _told_alike(x: Fact, y: Fact) -> bool:
    """The other statement tells this fact too, in its own way: the same key; figures that can both be
    true; dates whose spans overlap; names, sources and dates whose words one holds within the other's
    ('Mayor Ana Ruiz' / 'Ruiz', 'spring 2025' / 'the spring of this year')."""
    if x.key == y.key:
        return True
    if FactKind.NUMBER in (x.kind, y.kind):
        return x.kind is y.kind and x.value is not None and y.value is not None and numbers_compatible(x, y)
    if (x.kind is FactKind.TIME) != (y.kind is FactKind.TIME):
        return False
    if x.kind is FactKind.TIME and x.low is not None and y.low is not None:
        return x.low <= (y.high if y.high is not None else y.low) and y.low <= (
            x.high if x.high is not None else x.low
        )
    wx, wy = set(_KEY_WORD.findall(x.key)), set(_KEY_WORD.findall(y.key))
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def added_facts(own: Side, other: Side, common: frozenset[str] = frozenset()) -> list[Fact]:
    """Names, figures, dates and sources `own` states that `other` neither tells nor mentions (the
    story's own names aside); a fact inside a longer added one ('two' in 'two US officials') is not
    listed again."""
    told = [f for f in other.facts if f.kind in _TOLD_KINDS]
    added: list[Fact] = []
    for fact in sorted(own.facts, key=lambda f: (f.start, -(f.end - f.start))):
        if fact.kind not in _TOLD_KINDS or not fact.key or any(_told_alike(fact, y) for y in told):
            continue
        if f"{fact.kind.value}:{fact.key}" in common or _mentions(other.statement.text, fact.text):
            continue
        if any(fact.start >= a.start and fact.end <= a.end for a in added):
            continue
        added.append(fact)
    return added


def _listed(facts: Sequence[Fact]) -> str:
    named = [f"“{f.text}”" + (f" ({what})" if (what := _what(f)) else "") for f in facts[:ADDED_LISTED]]
    if len(facts) > ADDED_LISTED:
        named.append(f"{len(facts) - ADDED_LISTED} more")
    return ", ".join(named)


# A clause of its own (compare.facts.reading.Clause) with this many content words, none of which the
# other statement uses, is a statement the other does not make: the two agree only in part. MSRP
# validation pairs (taken as paraphrase when they agree): 0.748 -> 0.772 with 2 or 3 words, 0.762 with 4.
ADDED_CLAUSE_MIN_WORDS = 3
_QUOTED_CLAUSE = 80  # characters of an added clause quoted in a pair's detail


def added_clause(own: Side, other: Side) -> Clause | None:
    """The longest clause of `own` that tells something `other` does not touch at all (none of its
    content words is among the other's, as written or as lemmas); None without one, and None for a
    report not in English: its words never match the other's, and its parse is an English model's."""
    if not (is_english(own.document.language) and is_english(other.document.language)):
        return None
    told = {w for word in other.reading.words for w in (word.lemma, word.text.lower())}
    told.update(w.lower() for w in _WORD.findall(other.statement.text))
    new = [
        clause
        for clause in own.reading.clauses
        if clause.size >= ADDED_CLAUSE_MIN_WORDS and not clause.words & told
    ]
    return max(new, key=lambda c: (c.size, -c.start)) if new else None


def _cut(text: str) -> str:
    """At most _QUOTED_CLAUSE characters, cut at a word boundary."""
    if len(text) <= _QUOTED_CLAUSE:
        return text
    return text[:_QUOTED_CLAUSE].rsplit(" ", 1)[0].rstrip(",;: ") + " …"


def tells_more(a: Side, b: Side) -> bool:
    """One of the two makes a statement the other does not: an added clause of its own."""
    return added_clause(a, b) is not None or added_clause(b, a) is not None


def additions(a: Side, b: Side, common: frozenset[str] = frozenset()) -> str | None:
    """ "Nhu Tam also says “that talks had stalled”; Nhu Tam adds “23/8” (date), “US officials”
    (source)": what each side tells that the other does not (a fact inside the quoted clause is not
    named again); None when neither adds a clause of its own, a name, figure, date or source."""
    said, named = [], []
    for own, other in ((a, b), (b, a)):
        clause = added_clause(own, other)
        added = added_facts(own, other, common)
        if clause is not None:
            said.append(f"{own.label} also says “{_cut(own.statement.text[clause.start : clause.end])}”")
            begin, end = own.statement.start + clause.start, own.statement.start + clause.end
            added = [f for f in added if not (f.start >= begin and f.end <= end)]  # document offsets
        if added:
            named.append(f"{own.label} adds {_listed(added)}")
    return "; ".join(said + named) or None


def pair_detail(
    relation: Relation, current: str | None, a: Side, b: Side, common: frozenset[str]
) -> str | None:
    """How two statements relate, in words: 'same facts; BBC adds “Tuesday” (date)' for an agreement,
    'in part; …' for a partial overlap, with what each adds; without added facts, an agreement keeps
    `current` (from same_facts) or says which side tells more in words. None for a conflict (its
    findings say it)."""
    if relation is Relation.CONFLICT:
        return None
    added = additions(a, b, common)
    if relation is Relation.AGREE:
        return f"same facts; {added}" if added else current or adds_more(a, b)
    return f"in part; {added}" if added else None


def claim_detail(claim: Claim) -> str | None:
    """The claim in words, from its strongest pair with the gist (its strongest pair if none)."""
    if claim.verdict in (Verdict.UNIQUE, Verdict.CONFLICT) or not claim.pairs:
        return None
    with_gist = [p for p in claim.pairs if claim.gist in (p.a, p.b)] or list(claim.pairs)
    return max(with_gist, key=lambda p: (p.score, p.a, p.b)).detail


def verdict(claim: Claim) -> Verdict:
    """Unique for one report; conflict if any pair conflicts; agree only if every pair agrees."""
    documents = set(claim.documents) or {s.split(":s")[0] for s in claim.statements}
    if len(documents) <= 1:
        return Verdict.UNIQUE
    if any(p.relation is Relation.CONFLICT for p in claim.pairs):
        return Verdict.CONFLICT
    if claim.pairs and all(p.relation is Relation.AGREE for p in claim.pairs):
        return Verdict.AGREE
    return Verdict.PARTIAL
