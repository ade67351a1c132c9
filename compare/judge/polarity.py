"""Polarity and certainty findings: one report denies what the other affirms, or hedges what it asserts."""

from __future__ import annotations

from dataclasses import replace

from compare.facts import aliases
from compare.facts.reading import Word
from compare.judge.base import GENERIC_NOUNS, Draft, Side, draft, in_order
from compare.judge.context import GENERIC_SCOPES, different_referents, lemmas, scope_span, word_window
from compare.judge.spans import fact_span, quote
from compare.model import Fact, FactKind, FindingType, Severity

# Words that name one kind of thing, so denying one denies the others: "reported no problems" against
# "reported an engine fire", "no casualties" against "two deaths". Small and general on purpose.
_KINDS: dict[str, frozenset[str]] = {
    "trouble": frozenset(
        [
            "problem",
            "trouble",
            "difficulty",
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


def _same_word(part: str, word: Word) -> bool:
    """The word itself, or a noun of the same kind ('problem' / 'fire'); a message word ('report',
    'indication') only as itself, since any statement reports something."""
    if part == word.lemma:
        return True
    kind = _KIND_OF.get(part)
    return kind is not None and kind != "message" and word.pos == "NOUN" and _KIND_OF.get(word.lemma) == kind


def _token_for(side: Side, part: str) -> Word | None:
    return next((w for w in side.reading.words if w.lemma == part), None)


def _affirmed(side: Side, part: str, negated: Word | None = None) -> list[int]:
    """Offsets in the document where a statement asserts `part` (or a noun of its kind). When `negated`
    (the denied word in the other statement) is a verb, it must be met as a verb ('the freeze' does
    not affirm that rates were frozen) and said of the same subject ('he did not see' / 'a witness saw')."""
    out = []
    for w in side.reading.words:
        if w.pos not in ("NOUN", "VERB", "ADJ", "PROPN") or not _same_word(part, w) or not w.asserted:
            continue
        if negated is not None and negated.pos in ("VERB", "AUX"):
            if w.pos != "VERB":
                continue
            theirs, mine = negated.subject, w.subject
            if theirs and mine and (theirs != mine or theirs == "PRON"):
                continue
        out.append(side.statement.start + w.at)
    return out


def _denial_verb(fact: Fact) -> str:
    word = fact.text.lower()
    return next((verb for verb in _AFFIRMING if word.startswith(verb)), word)


def _negates_too(y: Side, parts: list[str]) -> bool:
    """The other statement denies the same thing (both negative: no conflict)."""
    for fact in y.facts:
        if fact.kind is FactKind.POLARITY and fact.role:
            theirs = fact.role.removeprefix("obj:").split("@")
            if set(parts) & set(theirs) or {_KIND_OF.get(p) for p in parts} & {
                _KIND_OF.get(q) for q in theirs
            } - {None}:
                return True
    return False


def _shares_more(x: Side, y: Side, parts: list[str], at_least: int = 1) -> bool:
    """Besides the denied words, the statements share content words (both about the pilot, the plane)."""
    shared = set(lemmas(x)) & set(lemmas(y))
    return len({w for w in shared if w not in GENERIC_SCOPES and len(w) > 2} - set(parts)) >= at_least


def _conflict_at(x: Side, fact: Fact, y: Side, *, strict: bool = False) -> tuple[str, int] | None:
    """Where y affirms what `fact` in x denies: the denied word and its offset in y; None if nowhere.

    strict (statements not aligned): two more shared words (one for a denial that the thing was there at
    all: 'there was no fire' / 'a fire broke out in an engine of the plane'), and no denial of existence
    on its own.
    """
    role = fact.role or ""
    if strict and role.startswith("obj:"):
        return None
    named = _one_named_act(x, fact, y, role.split("@")[0])
    if strict and not _shares_more(x, y, role.split("@"), 1 if named or _existential(x, role) else 2):
        return None
    if role.startswith("obj:"):
        # a denied thing: the other report must say it was accepted / confirmed
        noun = role.removeprefix("obj:")
        verbs = _AFFIRMING.get(_denial_verb(fact), frozenset())
        found = _affirmed(y, noun)
        if not found or not any(_affirmed(y, v) for v in verbs) or _negates_too(y, [noun]):
            return None
        return noun, found[0]
    parts = [p for p in role.split("@") if p not in GENERIC_SCOPES]
    if len(parts) > 1:
        # "no statements of problems": the message only carries what is denied
        parts = [p for p in parts if _KIND_OF.get(p) != "message"] or parts
    if not parts or _negates_too(y, parts):
        return None
    denied = _token_for(x, parts[0])
    alone = denied is not None and denied.existential and _KIND_OF.get(parts[0]) != "message"
    named = named and parts[0] == role.split("@")[0]
    if (
        strict
        and not alone
        and not named
        and not any(_KIND_OF.get(p) not in (None, "message") for p in parts)
    ):
        # statements kept apart: only a denial that something of a kind was there ('no problems', 'no
        # survivors') is worth comparing; a negated act ('did not extend', 'wouldn't score') meets its
        # affirmation in another sentence far more often by chance than by dispute (read on ECB+ clusters),
        # unless both tell it of the same named doer and the same named thing
        return None
    if not alone and not _shares_more(x, y, parts):
        return None  # "there were no survivors" needs no more; other denials need a shared subject
    # one named doer (the parse's subject words may differ: 'Lindsay' / 'Lohan')
    places = [_affirmed(y, p, None if named else _token_for(x, p)) for p in parts]
    if not all(places):
        return None
    return parts[0], places[0][0]


_PRONOUNS = frozenset({"pron", "he", "she", "they", "it", "i", "we", "you", "who"})


def _one_named_act(x: Side, denial: Fact, y: Side, verb: str) -> bool:
    """Both statements tell the act `verb` of one named doer and one named thing, the thing the denial
    bears on being the first named after it: 'Ruiz never checked into the Elm Clinic' / 'Ana Ruiz had
    checked into the Elm Clinic' (not 'Ruiz never checked into the Elm Clinic but is back at Oak House'
    / 'Ruiz checked into Oak House')."""

    def on_verb(side: Side) -> list[Fact]:
        return [f for f in side.facts if f.kind is FactKind.ENTITY and f.predicate == verb]

    def doers(facts: list[Fact]) -> list[str]:
        """Who does it: a named subject, else the subject word the things' slots give ('ruiz')."""
        named = [f.key for f in facts if f.role == f"nsubj:{verb}"]
        return named + [f.subject for f in facts if f.subject and f.subject.lower() not in _PRONOUNS]

    def things(facts: list[Fact]) -> list[Fact]:
        return [f for f in facts if not (f.role or "").startswith("nsubj")]

    mine, theirs = on_verb(x), on_verb(y)
    denied = next((f for f in sorted(things(mine), key=lambda f: f.start) if f.start > denial.start), None)
    if denied is None:
        return False
    same = aliases.same_entity
    return any(same(a, b) for a in doers(mine) for b in doers(theirs)) and any(
        f.arg == denied.arg
        and (same(f.key, denied.key) or f.key.startswith(denied.key) or denied.key.startswith(f.key))
        for f in things(theirs)
    )


def _existential(side: Side, role: str) -> bool:
    """The denial is that the thing was there at all ('there was no fire', 'no survivors were found')."""
    parts = [p for p in role.split("@") if p not in GENERIC_SCOPES]
    denied = _token_for(side, parts[0]) if parts else None
    return denied is not None and denied.existential


def denied_keys(side: Side) -> set[str]:
    """The words (or kinds of word) a statement denies, to pair it with statements that affirm them."""
    out: set[str] = set()
    for fact in side.facts:
        if fact.kind is FactKind.POLARITY and fact.role and not fact.role.startswith("obj:"):
            out.update(_KIND_OF.get(p, p) for p in fact.role.split("@") if p not in GENERIC_SCOPES)
    return out - {"message"}


def said_keys(side: Side) -> set[str]:
    """The content words (or kinds of word) a statement uses."""
    return {_KIND_OF.get(w, w) for w in lemmas(side)}


def polarity_drafts(a: Side, b: Side, claim_index: int, *, strict: bool = False) -> list[Draft]:
    """One statement negates or denies what the other affirms."""
    for x, y in ((a, b), (b, a)):
        denials = [f for f in x.facts if f.kind is FactKind.POLARITY and f.role]
        for fact in sorted(denials, key=lambda f: f.start):
            hit = _conflict_at(x, fact, y, strict=strict)
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


# Hedging verbs: what they hedge is the event under them ('is believed to have failed': fail).
_HEDGING_VERBS = frozenset({"believe", "think", "appear", "seem", "suspect", "expect", "say", "report", "be"})
_EMPTY_SCOPES = frozenset({"be", "have", "do", "say", "not"})


def _hedged(fact: Fact, other: dict[str, int]) -> str | None:
    """The word a hedge bears on that the other statement also says: the word the hedge attaches to,
    else, for a hedging verb or adverb, the event its clause tells ('reportedly knew': know)."""
    for scope, too_general in ((fact.role, GENERIC_SCOPES), (fact.predicate, _EMPTY_SCOPES)):
        if scope and scope in other and scope not in too_general and scope not in _HEDGING_VERBS:
            return scope
    return None


# The hedge a report puts on what a suspect is accused of doing ('Smith allegedly struck her'): the
# caution the law asks of a newsroom before a verdict, not a doubt that the act happened. Another report
# stating the act flatly ('she was struck') disagrees on nothing an editor can check.
_LEGAL_HEDGES = frozenset({"allegedly"})


def _legal_caution(side: Side, fact: Fact, scope: str) -> bool:
    """The hedge is 'allegedly' on an act a named person (or 'he'/'she') is said to have done."""
    if fact.text.lower() not in _LEGAL_HEDGES:
        return False
    act = _word_at(side, scope, fact.start)
    if act is None or act.pos != "VERB" or act.subject is None:
        return False
    if act.subject == "PRON":
        return True
    # a name that is not a place's or a people's: 'Sudan allegedly bombed the camp' is one state accusing
    # another, a dispute of its own
    named = any(w.lemma == act.subject and w.pos == "PROPN" for w in side.reading.words)
    places = {
        part
        for f in side.facts
        if f.kind is FactKind.ENTITY and f.label in ("GPE", "LOC", "NORP", "FAC")
        for part in f.key.split()
    }
    return named and act.subject not in places


def _word_at(side: Side, lemma: str, near: int) -> Word | None:
    """The word of that lemma nearest a document offset (the hedge that bears on it)."""
    words = [w for w in side.reading.words if w.lemma == lemma]
    return min(words, key=lambda w: abs(side.statement.start + w.at - near), default=None)


def _said_of(word: Word) -> frozenset[str]:
    """What a word is said of: the noun it modifies, else its subject and object."""
    if word.modifies is not None:
        return frozenset([word.modifies])
    return frozenset(frame[1] for frame in word.frames if frame[0] in ("subj", "about"))


def _participants(side: Side, word: Word) -> frozenset[str]:
    """Who or what a word is said of, as common nouns: a pronoun, a name or 'people' may stand for anyone
    ('five people were hurt' may be the residents another report counts)."""
    nouns = {w.lemma for w in side.reading.words if w.pos == "NOUN"}
    return frozenset(n for n in _said_of(word) if n in nouns and n not in GENERIC_NOUNS)


def _figures(side: Side, word: Word) -> list[Fact]:
    """The counts of those a predicate is said of ('five people were injured': 5 people)."""
    return [
        f
        for f in side.facts
        if f.kind is FactKind.NUMBER
        and f.value is not None
        and f.predicate == word.lemma
        and f.arg in ("subj", "obj")
    ]


def _one_group(x: Fact, y: Fact) -> bool:
    """Two counts may be of one group: the same figure, or the same noun counted ('four bombs' / 'five
    bombs' is one count told two ways, for the number finding to weigh)."""
    return x.value == y.value or (x.role is not None and x.role == y.role)


def _same_fact(x: Side, hedged: Word, y: Side, stated: Word) -> bool:
    """The flat statement says the hedged word of the same participants in the same role: a modifier
    ('a drunk driver') only of what the hedge says it of ('the driver was allegedly drunk'), a predicate
    not of others (another noun, another count of another group: 'five people reportedly hurt' / '140
    were hurt')."""
    if hedged.modifies is not None or stated.modifies is not None:
        return bool(_said_of(hedged) & _said_of(stated))
    mine, theirs = _participants(x, hedged), _participants(y, stated)
    if mine and theirs and not mine & theirs:
        return False
    counts, others = _figures(x, hedged), _figures(y, stated)
    return not counts or not others or any(_one_group(c, o) for c in counts for o in others)


def _flat_word(x: Side, fact: Fact, scope: str, y: Side) -> int | None:
    """Where y says flatly what the hedge `fact` in x bears on (`scope`), of the same participants; None
    if y says that word only of something else."""
    hedged = _word_at(x, scope, fact.start)
    stated = [w for w in y.reading.words if w.lemma == scope]
    if hedged is None or not stated:  # read without a parse: the word alone will do
        return lemmas(y).get(scope)
    return next((y.statement.start + w.at for w in stated if _same_fact(x, hedged, y, w)), None)


def certainty_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """One report hedges what the other states as fact."""
    for x, y in ((a, b), (b, a)):
        hx = _hedges(x)
        if not hx or _hedges(y):
            continue
        lemmas_y = lemmas(y)
        for fact in hx:
            scope = _hedged(fact, lemmas_y)
            if scope is None:
                continue  # the hedged word must be in the other statement: the same thing, hedged there only
            if _legal_caution(x, fact, scope):
                continue
            at = _flat_word(x, fact, scope, y)
            if at is None:
                continue  # said there of other people or things: another fact, not this one hedged
            hedged = scope_span(x, fact, scope)
            span_a, span_b = in_order(x, y, a, hedged, word_window(y, at))
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
                    subject=hedged,
                )
            ]
    return []


_UP = frozenset(["rise", "increase", "gain", "climb", "jump", "advance", "grow", "raise", "hike", "higher"])
_DOWN = frozenset(
    ["fall", "drop", "decline", "decrease", "slip", "sink", "shrink", "plunge", "tumble", "cut", "lower"]
)
_STEADY = frozenset(["flat", "unchanged", "steady"])

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
        _UP,
        _DOWN,
    ),
    # a move against no move, or against a mixed close: 'stocks open flat' / 'open lower'
    (_STEADY, _UP | _DOWN),
    (frozenset(["mixed"]), _UP | _DOWN | _STEADY),
    (
        frozenset(["strengthen", "firm", "appreciate", "rally", "recover"]),
        frozenset(["weaken", "soften", "depreciate", "slump", "slide"]),
    ),
    (frozenset(["confirm", "admit", "acknowledge"]), frozenset(["deny", "dispute"])),
    (
        frozenset(["approve", "accept", "endorse", "agree"]),
        frozenset(["reject", "veto", "refuse", "decline"]),
    ),
    (frozenset(["expand", "widen", "extend"]), frozenset(["narrow", "shrink", "curtail"])),
    (frozenset(["lift", "ease", "relax"]), frozenset(["impose", "tighten"])),
    (frozenset(["release", "free"]), frozenset(["arrest", "detain", "jail"])),
    # outcomes that exclude each other for the same people: killed or hurt, quit or pushed out
    (frozenset(["kill", "die", "dead"]), frozenset(["injure", "wound", "hurt", "injured", "wounded"])),
    (frozenset(["resign", "quit"]), frozenset(["sack", "fire", "oust", "dismiss", "overthrow", "depose"])),
    (frozenset(["convict"]), frozenset(["acquit", "clear"])),
    (frozenset(["open", "reopen"]), frozenset(["close", "shut"])),
)


_CONTRARY_WORDS = frozenset(word for pair in _CONTRARIES for group in pair for word in group)

# Outcomes that befall someone: they exclude each other only for the same people, so the two words must
# be said of one patient (the object of 'killed', the subject of 'were injured' or of 'died'), not merely
# share an agent: 'the quake injured dozens' and 'the quake killed one man' can both be true.
_HURT = frozenset(["injure", "wound", "hurt", "injured", "wounded"])
_OUTCOMES = frozenset(["survive", "alive", "die", "dead", "kill", "perish", *_HURT])
# Verbs whose subject is the one the outcome befalls, whatever else they take: 'the pilot survived the crash'.
_UNDERGOERS = frozenset(["survive", "die", "perish"])
# 'fatally injured', 'mortally wounded': a hurt that killed
_FATALLY = frozenset(["fatally", "mortally"])


def _asserted_contrary(side: Side) -> list[Word]:
    """The asserted words of a statement that have a contrary, in order; a fatal hurt reads as a death."""
    words = side.reading.words
    out = []
    for n, w in enumerate(words):
        if w.lemma not in _CONTRARY_WORDS or not w.asserted:
            continue
        if w.lemma in _HURT and any(v.lemma in _FATALLY for v in words[max(0, n - 2) : n + 2]):
            w = replace(w, lemma="kill")
        out.append(w)
    return out


def _same_thing(x: Word, y: Word) -> bool:
    """Two words of a contrary pair are said of the same thing: a shared frame, or of the same people for
    outcomes that befall someone (or said of everyone: 'all 143 aboard were killed')."""
    if x.everyone or y.everyone:
        return True
    if x.lemma in _OUTCOMES and y.lemma in _OUTCOMES:
        return bool(_patients(x) & _patients(y))
    return bool(x.frames & y.frames)


def _patients(word: Word) -> frozenset[str]:
    """Who an outcome word befalls."""
    about = {frame[1] for frame in word.frames if frame[0] == "about"}
    if word.lemma in _UNDERGOERS:
        about |= {frame[1] for frame in word.frames if frame[0] == "subj"}
    return frozenset(about)


EXCLUDING = "The reports describe the same thing in ways that exclude each other"


def contrary_drafts(a: Side, b: Side, claim_index: int) -> list[Draft]:
    """The two reports say of the same thing two words that exclude each other."""
    said_a, said_b = _asserted_contrary(a), _asserted_contrary(b)
    if not said_a or not said_b or different_referents(a, b):
        return []
    for one, other in _CONTRARIES:
        for first, second in ((one, other), (other, one)):
            if any(w.lemma in second for w in said_a) or any(w.lemma in first for w in said_b):
                continue  # a report that says both words tells both sides itself
            xs = [w for w in said_a if w.lemma in first]
            ys = [w for w in said_b if w.lemma in second]
            for x in xs:
                for y in ys:
                    if not _same_thing(x, y):
                        continue
                    at_a, at_b = a.statement.start + x.at, b.statement.start + y.at
                    return [
                        draft(
                            FindingType.POLARITY,
                            Severity.HIGH,
                            claim_index,
                            a,
                            b,
                            EXCLUDING,
                            word_window(a, at_a),
                            word_window(b, at_b),
                            conflict=True,
                        )
                    ]
    return []
