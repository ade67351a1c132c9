"""How each word of a statement is used, read once from its parse so that judging never re-parses.

The judge asks of words what only a parse can tell: is this word asserted or negated, who is it said
of, what does a verb of praise or blame target. Those answers are read here, at extraction, into plain
values (`Reading`: one `Word` per content word, plus the statement's named modifiers and stances).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compare.facts import nlp
from compare.facts.charges import ChargeReading, read_charges
from compare.facts.residences import ResidenceReading, read_residences
from compare.facts.responses import ResponseReading, read_responses
from compare.facts.stances import StanceReading, main_acts, read_stances

_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "AUX", "ADV"})


@dataclass(frozen=True, slots=True)
class Word:
    """One content word of a statement and how it is used there."""

    at: int  # offset in the statement's text
    text: str
    lemma: str
    pos: str
    asserted: bool  # said to be so: not negated, not what would or could happen
    subject: str | None  # who a verb is said of ('PRON' for a pronoun), None without one
    frames: frozenset[tuple[str, ...]]  # what the word is said of (subject, object, the word it hangs on)
    modifies: str | None  # the noun a modifier describes: 'driver' for 'drunk' in 'a drunk driver'
    existential: bool  # 'there were no survivors': that the thing exists at all is denied
    everyone: bool  # 'all 143 aboard were killed': said of everyone


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause with a verb of its own, hung on another one: adverbial ('when the market opens'),
    coordinated ('and leave on Sunday'), relative ('who faces a recall'), reported, or set beside it.
    What it tells is a statement of its own, not a detail of the one it hangs on."""

    start: int  # offsets in the statement's text, edge punctuation and "and"/"but" aside
    end: int
    words: frozenset[str]  # its content words (stop words aside), as lemmas and as written, lower case
    size: int  # how many content words it has


@dataclass(frozen=True, slots=True)
class Reading:
    """A statement's words as the judge needs them."""

    words: tuple[Word, ...] = ()
    named_modifiers: tuple[tuple[str, frozenset[str]], ...] = ()  # noun lemma -> proper names on it
    # the same without the names of owners: 'Indonesia's Aceh province' -> province: {aceh}
    named_kinds: tuple[tuple[str, frozenset[str]], ...] = ()
    stances: tuple[StanceReading, ...] = ()
    main_acts: frozenset[str] = frozenset()
    clauses: tuple[Clause, ...] = ()
    charges: tuple[ChargeReading, ...] = ()  # the charges it tells of ('charged with murder')
    responses: tuple[ResponseReading, ...] = ()  # answers of a party it reports ('the army denied it')
    residences: tuple[ResidenceReading, ...] = ()  # homes of named people ('Ana Pereira, 61, of Elm Park')

    def lemmas(self) -> dict[str, int]:
        """Content-word lemmas (nouns, verbs, adjectives, names) with their first offset."""
        out: dict[str, int] = {}
        for word in self.words:
            if word.pos in ("NOUN", "VERB", "ADJ", "PROPN"):
                out.setdefault(word.lemma, word.at)
        return out


EMPTY = Reading()


def read(text: str) -> Reading:
    """The reading of one statement's text; EMPTY without a spaCy model."""
    parsed = nlp.parse(text)
    if parsed is None:
        return EMPTY
    marks = _Marks(parsed)
    words = tuple(
        Word(
            at=token.idx,
            text=token.text,
            lemma=str(token.lemma_).lower(),
            pos=token.pos_,
            asserted=_asserted(token, marks),
            subject=_subject(token),
            frames=frozenset(_frames(token)),
            modifies=_modifies(token),
            existential=_existential(token),
            everyone=_everyone(token),
        )
        for token in parsed
        if token.pos_ in _CONTENT
    )
    word_of = {token.i: n for n, token in enumerate(t for t in parsed if t.pos_ in _CONTENT)}
    modifiers = tuple(sorted((k, frozenset(v)) for k, v in _named_modifiers(parsed).items()))
    kinds = tuple(sorted((k, frozenset(v)) for k, v in _named_modifiers(parsed, owners=False).items()))
    return Reading(
        words,
        named_modifiers=modifiers,
        named_kinds=kinds,
        stances=tuple(read_stances(parsed)),
        main_acts=main_acts(parsed),
        clauses=_clauses(parsed),
        charges=tuple(read_charges(parsed, word_of)),
        responses=tuple(read_responses(parsed)),
        residences=tuple(read_residences(parsed)),
    )


# Dependencies that hang a clause of its own on another: adverbial, coordinated, relative, reported
# (complement) and loosely set beside it. Participles on a noun ('systems containing US parts') and
# infinitives completing a verb ('decided to change') describe or finish what they hang on, so they are
# not among them.
_CLAUSE_DEPS = frozenset({"advcl", "conj", "relcl", "ccomp", "parataxis"})
_EDGE = frozenset({"PUNCT", "CCONJ"})  # the subordinator ("after", "while") is kept: it says how it relates


def _clauses(parsed: Any) -> tuple[Clause, ...]:
    """The statement's verb-headed subordinate, coordinated and relative clauses with a lexical verb
    among their content words ('who is a Democrat' has none: it describes, it does not tell)."""
    out: list[Clause] = []
    for token in parsed:
        if token.dep_ not in _CLAUSE_DEPS or token.pos_ not in ("VERB", "AUX"):
            continue
        span = list(token.subtree)
        content = [t for t in span if t.is_alpha and not t.is_stop]
        if not any(t.pos_ == "VERB" for t in content):
            continue
        while len(span) > 1 and span[0].pos_ in _EDGE:
            span.pop(0)
        while len(span) > 1 and span[-1].pos_ in _EDGE:
            span.pop()
        words = frozenset(w for t in content for w in (str(t.lemma_).lower(), t.lower_))
        out.append(Clause(span[0].idx, span[-1].idx + len(span[-1]), words, len(content)))
    return tuple(out)


class _Marks:
    """Which words have a negation or a modal among their children, found in one pass."""

    def __init__(self, parsed: Any) -> None:
        self.negated: set[int] = set()
        self.modal: set[int] = set()
        for token in parsed:
            if token.dep_ == "neg" or (token.dep_ == "det" and token.lower_ in ("no", "neither")):
                self.negated.add(token.head.i)
            if token.dep_ == "aux" and token.lower_ in _HYPOTHETICAL:
                self.modal.add(token.head.i)

    def clause(self, token: Any) -> list[Any]:
        """The word and the words above it up to its clause's head."""
        path = [token]
        node = token
        while node.dep_ not in ("ROOT", "ccomp", "advcl", "relcl") and node.head is not node:
            node = node.head
            path.append(node)
        return path


def _negated_token(token: Any, marks: _Marks) -> bool:
    """Whether a word is under a negation in its own sentence ('did not find any survivors')."""
    return any(node.i in marks.negated for node in marks.clause(token))


def _asserted(token: Any, marks: _Marks) -> bool:
    """Said to be so: not negated, not what would or could happen, not an aim or a difficulty
    ('an effort to determine', 'too early to speculate', 'the task of determining'), not a thing sought
    or awaited ('watching for signs of change', 'called for a ceasefire')."""
    if _negated_token(token, marks) or _sought(token):
        return False
    if token.dep_ in ("xcomp", "acl", "pcomp") and token.head.pos_ in ("NOUN", "ADJ"):
        return False
    if token.dep_ == "pcomp" and (
        token.head.head.pos_ in ("NOUN", "ADJ")
        or token.head.lower_ in ("in", "for", "of", "to", "toward", "at")
    ):
        return False  # "investigators ... in determining the cause": at work on it, not done
    return not any(node.i in marks.modal for node in marks.clause(token))


_HYPOTHETICAL = frozenset(["would", "could", "might", "may", "should"])

# What one seeks, awaits or hopes for is not said to be: 'watched for change', 'called for a ceasefire',
# 'sought a pardon', 'hopes of a deal', 'signs of recovery'; nor what is only reported: 'reports of
# casualties'. Verbs with 'for', verbs with their object, and nouns of expectation or report with 'of'
# or 'for'.
_SEEKING_FOR = frozenset(
    ["look", "watch", "wait", "hope", "search", "call", "seek", "pray", "appeal", "press", "push", "hunt"]
)
_SEEKING = frozenset(["seek", "await", "want", "demand", "request"])
_EXPECTING = frozenset(
    [
        "sign",
        "hope",
        "prospect",
        "expectation",
        "chance",
        "possibility",
        "likelihood",
        "search",
        "call",
        "demand",
        "bid",
        "quest",
        "hunt",
        # what is only reported or feared: 'reports of casualties', 'rumours of a coup', 'fears of a leak'
        "report",
        "rumour",
        "rumor",
        "claim",
        "allegation",
        "speculation",
        "fear",
    ]
)
# the words between a noun and what it hangs on: 'signs of [economic] change', 'calls for peace and reform'
_IN_PHRASE = frozenset({"pobj", "pcomp", "compound", "amod", "conj", "appos"})


def _sought(token: Any) -> bool:
    """What is looked for, awaited or hoped for: the object of a verb of seeking ('seek a change', 'look
    for survivors') or what a noun of expectation is of ('signs of change', 'hopes for a deal')."""
    node = token
    while node.head is not node:
        head = node.head
        if node.dep_ == "dobj":
            return head.pos_ == "VERB" and _one_of(head, _SEEKING)
        if node.dep_ == "prep":
            if head.pos_ in ("VERB", "AUX"):
                return node.lower_ == "for" and _one_of(head, _SEEKING_FOR)
            if head.pos_ == "NOUN" and _one_of(head, _EXPECTING) and node.lower_ in ("of", "for"):
                return True
        elif node.dep_ not in _IN_PHRASE or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            return False
        node = head
    return False


def _one_of(token: Any, lemmas: frozenset[str]) -> bool:
    """The word is one of these lemmas, inflected as written when the model's lemma is off ('hoping'
    read as a form of 'hop')."""
    if str(token.lemma_).lower() in lemmas:
        return True
    return token.lower_ in {form for base in lemmas for form in _inflected(base)}


def _inflected(base: str) -> tuple[str, ...]:
    """The regular forms of a verb or noun: 'hope', 'hopes', 'hoped', 'hoping'; 'watches', 'watched'."""
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    return base, base + "s", base + "es", base + "ed", base + "ing"


def _subject(token: Any) -> str | None:
    """Who a verb is said of: its subject's lemma ('PRON' for a pronoun); None without a subject."""
    verb = token if token.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None
    while verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "a witness reported seeing": the witness saw
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("one", "nobody", "nothing", "none", "anyone", "anybody"):
                return None  # "no one was killed": said of nobody in particular
            return "PRON" if child.pos_ == "PRON" else str(child.lemma_).lower()
    return None


def _existential(token: Any | None) -> bool:
    """'There were no survivors', 'no survivors were found': that something exists at all is denied."""
    if token is None or token.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return False
    if any(c.dep_ in ("acl", "relcl", "xcomp") for c in token.children):
        return False  # "there was no way to determine": an idiom of impossibility, not of absence
    verb = token.head
    there = any(c.dep_ == "expl" for c in verb.children)
    return bool((there and token.dep_ == "attr") or token.dep_ == "nsubjpass")


def _frames(token: Any) -> set[tuple[str, ...]]:
    """What a word is said of: the subject of its clause, or the word and preposition it hangs on."""
    node = token
    while node.dep_ in ("amod", "compound") and node.head is not node:
        node = node.head  # 'terrorist attack': what is said is said of the attack
    frames: set[tuple[str, ...]] = set()
    clause = node if node.pos_ in ("VERB", "AUX") else node.head
    # 'stocks close lower', 'shares ended higher': the manner word is said of the verb's subject
    manner = node.dep_ in ("advmod", "npadvmod", "xcomp", "oprd") and node.head.pos_ in ("VERB", "AUX")
    # 'it did not appear to be an attack': the subject of 'appear' is the subject of 'be'
    subjects = clause
    while subjects.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in subjects.children):
        subjects = subjects.head
    if node.dep_ in ("attr", "acomp", "oprd") or node.pos_ in ("VERB", "AUX") or manner:
        for child in subjects.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                frames.add(("subj", str(child.lemma_).lower()))
    if node.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        # a headline the model read as one noun phrase ('Yuan strengthens against dollar', the verb as a
        # noun or with 'Yuan' as its compound): the names before the head are its subject
        for child in node.children:
            if child.dep_ == "compound" and child.i < node.i and child.pos_ in ("NOUN", "PROPN"):
                frames.add(("subj", str(child.lemma_).lower()))
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        frames.add(("prep", node.head.lower_, str(node.head.head.lemma_).lower()))
    # who or what the word is said of, whatever the construction: the object of a transitive verb
    # ('acquitted the driver'), else the subject ('the driver ... guilty', 'shares fell')
    about = [c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")] or [
        c for c in subjects.children if c.dep_ == "nsubj"
    ]
    if node.pos_ == "ADJ":
        about = [c for c in node.children if c.dep_ == "nsubj"] or about
    frames.update(("about", str(c.lemma_).lower()) for c in about if c.pos_ in ("NOUN", "PROPN"))
    return frames


def _modifies(token: Any) -> str | None:
    """The noun a word describes as its modifier ('drunk driver', 'patient care'): what it says is said
    of that noun, not of the clause's subject; None for a word that heads its own phrase."""
    if token.dep_ in ("amod", "compound", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
        return str(token.head.lemma_).lower()
    return None


_EVERYONE = frozenset(["all", "everyone", "everybody", "every"])
_DEATH = frozenset(["die", "dead", "kill", "perish"])


def _everyone(token: Any) -> bool:
    """'All 143 people on board were killed', 'killing all 143 aboard', 'everyone on board died'."""
    if str(token.lemma_).lower() not in _DEATH:
        return False
    return any(
        child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(t.lower_ in _EVERYONE for t in child.subtree)
        for child in token.children
    )


_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})


def _named_modifiers(parsed: object, *, owners: bool = True) -> dict[str, set[str]]:
    """Per common-noun head lemma, the proper-name words that modify it ('plan' -> {'senate'}); without
    `owners`, not the names of whose it is ('Indonesia's Aceh province' -> {'aceh'})."""
    out: dict[str, set[str]] = {}
    for token in parsed:  # type: ignore[attr-defined]
        if token.pos_ not in ("NOUN", "PROPN") or not token.is_alpha:
            continue
        names: set[str] = set()
        for child in token.children:
            if child.dep_ in _MODIFIER_DEPS and (owners or child.dep_ != "poss"):
                names.update(
                    t.lower_
                    for t in child.subtree
                    if t.pos_ == "PROPN" and t.i < token.i and t.lower_.isalpha()
                )
            elif child.dep_ == "prep" and child.lower_ == "of":  # "shares of Lucent"
                names.update(
                    t.lower_
                    for g in child.children
                    if g.dep_ == "pobj"
                    for t in g.subtree
                    if t.pos_ == "PROPN" and t.lower_.isalpha()
                )
        if names:
            out.setdefault(str(token.lemma_).lower(), set()).update(names)
    return out
