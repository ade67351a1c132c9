"""Polarity and certainty findings: one report denies what the other affirms, or hedges what it asserts."""

from __future__ import annotations

from typing import Any

from compare.facts import nlp
from compare.findings import fact_span, quote
from compare.judging.base import Draft, Side, draft, in_order
from compare.judging.context import GENERIC_SCOPES, different_referents, lemmas, scope_span, word_window
from compare.model import Fact, FactKind, FindingType, Severity

# Words that name one kind of thing, so denying one denies the others: "reported no problems" against
# "reported an engine fire", "no casualties" against "two deaths". Small and general on purpose.
_KINDS: dict[str, frozenset[str]] = {
    "trouble": frozenset(
        [
            "problem",
            "trouble",
            "difficulty",
            "fault",
            "failure",
            "malfunction",
            "fire",
            "explosion",
            "smoke",
            "emergency",
            "leak",
            "defect",
            "breakdown",
            "distress",
            "mayday",
        ]
    ),
    "message": frozenset(
        [
            "statement",
            "report",
            "word",
            "message",
            "mention",
            "indication",
            "signal",
            "call",
            "communication",
            "contact",
            "warning",
        ]
    ),
    "casualty": frozenset(["casualty", "death", "fatality", "injury", "dead", "injured", "victim"]),
    "survivor": frozenset(["survivor", "survive", "alive"]),
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words}
# What affirms a thing that a denial of it rejects: 'rejected the offer' / 'accepted the offer'.
_AFFIRMING: dict[str, frozenset[str]] = {
    "reject": frozenset(
        ["accept", "approve", "endorse", "back", "support", "agree", "adopt", "ratify", "sign"]
    ),
    "refuse": frozenset(["accept", "agree", "grant", "approve"]),
    "decline": frozenset(["accept", "agree", "grant", "approve"]),
    "deny": frozenset(["confirm", "admit", "acknowledge", "accept"]),
    "dismiss": frozenset(["confirm", "admit", "acknowledge", "accept"]),
    "rule": frozenset(["confirm", "blame", "suspect"]),
}


def _same_word(part: str, lemma: str) -> bool:
    return part == lemma or (part in _KIND_OF and _KIND_OF.get(lemma) == _KIND_OF[part])


def _negated_token(token: Any) -> bool:
    """Whether a word is under a negation in its own sentence ('did not find any survivors')."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp", "advcl", "relcl"):
            break
    return False


def _pos_of(side: Side, part: str) -> str | None:
    """Whether a statement uses a word as a verb or a noun ('won't freeze rates' / 'the freeze')."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return None
    for token in parsed:
        if str(token.lemma_).lower() == part:
            return "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN"
    return None


def _affirmed(side: Side, part: str, pos: str | None = None) -> list[int]:
    """Offsets in the document where a statement says `part` (or a word of its kind) without negating it;
    a verb must be met as a verb (`pos`), since 'the freeze' does not affirm that rates were frozen."""
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        at = lemmas(side).get(part)
        return [] if at is None else [at]
    return [
        side.statement.start + t.idx
        for t in parsed
        if t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN")
        and _same_word(part, str(t.lemma_).lower())
        and (pos != "VERB" or t.pos_ == "VERB")
        and not _negated_token(t)
    ]


def _denial_verb(fact: Fact) -> str:
    word = fact.text.lower()
    return next((verb for verb in _AFFIRMING if word.startswith(verb)), word)


def _negates_too(y: Side, parts: list[str]) -> bool:
    """The other statement denies the same thing (both negative: no conflict)."""
    for fact in y.facts:
        if fact.kind is FactKind.POLARITY and fact.role:
            theirs = fact.role.removeprefix("obj:").split("@")
            if any(_same_word(p, q) or _same_word(q, p) for p in parts for q in theirs):
                return True
    return False


def _shares_more(x: Side, y: Side, parts: list[str]) -> bool:
    """Besides the denied words, the statements share a content word (both about the pilot, the plane)."""
    shared = set(lemmas(x)) & set(lemmas(y))
    return bool({w for w in shared if w not in GENERIC_SCOPES and len(w) > 2} - set(parts))


def _conflict_at(x: Side, fact: Fact, y: Side) -> tuple[str, int] | None:
    """Where y affirms what `fact` in x denies: the denied word and its offset in y; None if nowhere."""
    role = fact.role or ""
    if role.startswith("obj:"):
        # a denied thing: the other report must say it was accepted / confirmed
        noun = role.removeprefix("obj:")
        verbs = _AFFIRMING.get(_denial_verb(fact), frozenset())
        found = _affirmed(y, noun)
        if not found or not any(_affirmed(y, v) for v in verbs) or _negates_too(y, [noun]):
            return None
        return noun, found[0]
    parts = [p for p in role.split("@") if p not in GENERIC_SCOPES]
    if not parts or _negates_too(y, parts):
        return None
    places = [_affirmed(y, p, _pos_of(x, p)) for p in parts]
    if not all(places):
        return None
    exact = set(lemmas(y))
    if not all(p in exact for p in parts) and not _shares_more(x, y, parts):
        return None  # matched only through a word of the same kind: need one more shared word
    return parts[0], places[0][0]


def polarity_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One statement negates or denies what the other affirms."""
    for x, y in ((a, b), (b, a)):
        denials = [f for f in x.facts if f.kind is FactKind.POLARITY and f.role]
        for fact in sorted(denials, key=lambda f: f.start):
            hit = _conflict_at(x, fact, y)
            if hit is None:
                continue
            word, at = hit
            span_a, span_b = in_order(x, y, a, scope_span(x, fact, word), word_window(y, at))
            return [
                draft(
                    FindingType.POLARITY,
                    Severity.HIGH,
                    claim_index,
                    a,
                    b,
                    "One report negates what the other affirms",
                    span_a,
                    span_b,
                    conflict=True,
                )
            ]
    return []


def _hedges(side: Side) -> list[Fact]:
    return [f for f in side.facts if f.kind is FactKind.CERTAINTY]


def certainty_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One report hedges what the other states as fact."""
    for x, y in ((a, b), (b, a)):
        hx = _hedges(x)
        if not hx or _hedges(y):
            continue
        lemmas_y = lemmas(y)
        for fact in hx:
            if fact.role is None or fact.role in GENERIC_SCOPES or fact.role not in lemmas_y:
                continue  # the hedged word must be in the other statement: the same thing, hedged there only
            span_a, span_b = in_order(
                x, y, a, scope_span(x, fact, fact.role), word_window(y, lemmas_y[fact.role])
            )
            return [
                draft(
                    FindingType.CERTAINTY,
                    Severity.LOW,
                    claim_index,
                    a,
                    b,
                    f"{x.label} hedges ({quote(fact_span(fact, x.statement, x.document))}) "
                    f"where {y.label} states it as fact",
                    span_a,
                    span_b,
                )
            ]
    return []


# Words that exclude each other when said of the same thing: 'the crash was an accident' / 'a terrorist
# attack', 'the pilot survived' / 'the pilot was killed', 'shares rose' / 'shares fell'.
_CONTRARIES: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        frozenset(["accident", "accidental", "mishap"]),
        frozenset(["attack", "terrorism", "terrorist", "sabotage", "deliberate", "intentional", "bombing"]),
    ),
    (frozenset(["survive", "alive"]), frozenset(["die", "dead", "kill", "perish"])),
    (frozenset(["guilty", "convict"]), frozenset(["innocent", "acquit"])),
    (frozenset(["win"]), frozenset(["lose"])),
    (
        frozenset(["rise", "increase", "gain", "climb", "jump", "advance", "grow"]),
        frozenset(["fall", "drop", "decline", "decrease", "slip", "sink", "shrink", "plunge", "tumble"]),
    ),
)


def _frames(token: Any) -> set[tuple[str, ...]]:
    """What a word is said of: the subject of its clause, or the word and preposition it hangs on."""
    node = token
    while node.dep_ in ("amod", "compound") and node.head is not node:
        node = node.head  # 'terrorist attack': what is said is said of the attack
    frames: set[tuple[str, ...]] = set()
    clause = node if node.pos_ in ("VERB", "AUX") else node.head
    if node.dep_ in ("attr", "acomp", "oprd") or node.pos_ in ("VERB", "AUX"):
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                frames.add(("subj", str(child.lemma_).lower()))
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        frames.add(("prep", node.head.lower_, str(node.head.head.lemma_).lower()))
    return frames


def _contrary_words(side: Side, words: frozenset[str]) -> list[Any]:
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return []
    return [t for t in parsed if str(t.lemma_).lower() in words and not _negated_token(t)]


def contrary_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """The two reports say of the same thing two words that exclude each other."""
    if different_referents(a, b):
        return []
    for one, other in _CONTRARIES:
        for first, second in ((one, other), (other, one)):
            xs = [t for t in _contrary_words(a, first) if not _contrary_words(a, second)]
            ys = [t for t in _contrary_words(b, second) if not _contrary_words(b, first)]
            for x in xs:
                for y in ys:
                    if not (_frames(x) & _frames(y)):
                        continue
                    at_a, at_b = a.statement.start + x.idx, b.statement.start + y.idx
                    return [
                        draft(
                            FindingType.POLARITY,
                            Severity.HIGH,
                            claim_index,
                            a,
                            b,
                            "The reports describe the same thing in ways that exclude each other",
                            word_window(a, at_a),
                            word_window(b, at_b),
                            conflict=True,
                        )
                    ]
    return []
