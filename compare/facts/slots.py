"""What a fact is about: the predicate it belongs to, its role there, and the words around it.

Read once per fact at extraction, from the statement's parse, so that the judge can pair the facts of
two statements slot by slot ("15 were taken to hospital" and "took 30 to hospital": both the patient of
'take') without going back to the parser. Headline grammar ("12 killed in blast", "Nine dead") is parsed
poorly by small models, so besides the grammatical predicate a slot keeps the content words linked to
the fact or standing next to it; the judge compares slots by those words as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from compare.facts import nlp
from compare.facts.attribution import REPORTING_VERBS

# Words that carry no event of their own: "is", "has", "said", "did".
_EMPTY = frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "report",
        "also",
        "other",
        "more",
        "least",
        "than",
        "about",
        "some",
        "such",
        "own",
        "-PRON-",
    }
)
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_PREDICATE_POS = frozenset({"VERB", "ADJ"})
_CLIMB = frozenset(
    {"nummod", "quantmod", "compound", "amod", "advmod", "npadvmod", "pobj", "prep", "appos", "conj", "nmod"}
)
_SUBJECT = frozenset({"nsubj", "csubj", "agent", "expl"})
_OBJECT = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})  # the patient, whatever the voice
_NEIGHBOURS = 2  # content words this close to the fact count as its context, parse or no parse


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a fact sits in its statement."""

    predicate: str | None  # lemma of the verb or predicative adjective it belongs to
    arg: str | None  # its role there: subj, obj, attr, mod, or the preposition ("from", "to", "at")
    words: tuple[str, ...]  # content lemmas linked to the fact or next to it (the fact's own excluded)
    subject: str | None = None  # the predicate's subject noun when the fact is not its subject
    narrowing: tuple[str, ...] = ()  # words narrowing the noun a figure counts ('US Navy' helicopters)
    hypothetical: bool = False  # what could, would or is designed to be, not what is or was


NO_SLOT = Slot(None, None, ())


# Predicates that name one kind of event in different words; a slot's words are compared through them.
SAME_MEANING: tuple[frozenset[str], ...] = (
    frozenset({"kill", "dead", "die", "death", "toll", "fatality", "life", "perish", "slay", "fatal"}),
    frozenset({"injure", "wound", "hurt", "injury", "injured", "wounded"}),
    frozenset({"arrest", "detain", "apprehend", "custody", "nab"}),
    frozenset({"rescue", "save", "pull", "evacuate"}),
    frozenset({"quake", "earthquake", "tremor", "temblor"}),
    frozenset({"convict", "sentence", "jail", "imprison", "guilty"}),
    frozenset({"depart", "leave", "take", "off", "takeoff"}),
    frozenset({"arrive", "land", "reach"}),
    frozenset({"rise", "climb", "increase", "gain", "jump", "grow", "up", "high", "higher", "advance"}),
    frozenset({"fall", "drop", "decline", "decrease", "slip", "down", "low", "lower", "lose", "shed"}),
)
_MEANING = {word: min(group) for group in SAME_MEANING for word in group}
MEANING_GROUPS = frozenset(_MEANING.values())  # the name each group goes by


# Verbs that tell one military raid by its means ('attacked the camp at 2:53', 'bombed the camp at 3:00',
# 'dropped bombs at 3:20' read as bomb): one act when they are predicates. Only predicates: as counted
# nouns they count different things ('four bombs' / 'two raids').
_SAME_ACT: tuple[frozenset[str], ...] = (
    frozenset({"attack", "bomb", "bombard", "shell", "raid", "airstrike"}),
    frozenset({"strike", "hit"}),  # 'the quake struck at 7:37' / 'hit at 7:37'
)
_ACT = {word: min(group) for group in _SAME_ACT for word in group}


def act_meaning(predicate: str) -> str:
    """A predicate reduced to the act it tells: `meaning`, with the verbs of one raid made one."""
    return _ACT.get(predicate.lower(), meaning(predicate))


@lru_cache(maxsize=1 << 16)
def meaning(word: str) -> str:
    """A word reduced to what it means for pairing: singular, lower case, one name per synonym group.

    Headlines capitalise every word, and a small parser then keeps 'Tourists' and 'Gunmen' as they are.
    """
    word = word.lower()
    if word in _MEANING:
        return _MEANING[word]
    if word.endswith("men") and len(word) > 4:
        word = word[:-3] + "man"
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    return _MEANING.get(word, word)


def slot_of(parsed: Any, start: int, end: int, *, may_date_telling: bool = False) -> Slot:
    """The slot of the fact at statement-relative characters [start, end), or NO_SLOT without a parse.

    may_date_telling: the fact is a time or place, which can belong to the reporting verb itself ('a
    spokesman said Sunday'); a figure never does, so for it a reporting verb gives way to the event.
    """
    if parsed is None:
        return NO_SLOT
    span = parsed.char_span(start, end, alignment_mode="expand")
    inside = list(span) if span is not None else []
    if not inside:
        return NO_SLOT
    head = _span_head(inside)
    words: list[str] = []
    verb, arg = _predicate(head, inside, words)
    # what is reported, not the reporting: '130 bodies are reported to have been recovered'; but a time
    # or place of the reporting itself ('a spokesman said Sunday') stays with it
    of_event = not may_date_telling or arg in ("subj", "obj")
    if of_event:
        verb = _reported_event(verb)
    if verb is None or (_lemma(verb) in REPORTING_VERBS and of_event):
        verb = _next_event_verb(parsed, inside) or verb
    predicate = _lemma(verb) if verb is not None else None
    act = _named_act(verb)
    if act is not None:
        predicate = act  # 'dropped four bombs at 3:20', 'carried out the attack on Tuesday': the act named
    state = _resulting_state(verb) if arg == "obj" else None
    if state is not None:
        predicate = state  # 'left 14 others trapped', 'leaving two missing': what befell them is the act
    subject = None
    if verb is not None:
        # the other participants of the predicate: "death toll climbs to 15" is about the toll
        for child in verb.children:
            if child in inside:
                continue
            if child.dep_ in _SUBJECT | _OBJECT and child.pos_ in ("NOUN", "PROPN"):
                words.append(_lemma(child))
                if child.dep_ in _SUBJECT and arg != "subj" and not _dominates(child, head):
                    subject = subject or _lemma(child)
    for child in head.children:
        if child not in inside and child.pos_ in _CONTENT and child.dep_ not in ("conj", "appos"):
            words.append(_lemma(child))
    lo, hi = inside[0].i, inside[-1].i
    for token in parsed[max(0, lo - _NEIGHBOURS) : hi + _NEIGHBOURS + 1]:
        if token not in inside and token.pos_ in _CONTENT:
            words.append(_lemma(token))
    if predicate is not None:
        words.append(predicate)
    kept = tuple(sorted({w for w in words if w and w not in _EMPTY and w.isalpha()}))
    narrowing = _narrowing(head, inside)
    if verb is not None and arg == "subj" and _lemma(verb) == "be":
        # 'two crew members were Bahrainis', 'thirty-six of them were children': the complement names the
        # part of the group that is counted
        narrowing = tuple(
            sorted(
                {
                    *narrowing,
                    *(_lemma(c) for c in verb.children if c.dep_ in ("attr", "acomp") and c.pos_ in _CONTENT),
                }
            )
        )
    return Slot(predicate, arg, kept, subject, narrowing, _hypothetical(verb))


# Verbs that tell only that their object ended up in a state: 'left 3,000 homeless', 'rendered two blind'.
_RESULT_VERBS = frozenset({"leave", "render"})


# Verbs that only carry out the act their object names: 'dropped bombs' is to bomb, 'launched an attack'
# or 'carried out an attack' to attack, 'opened fire' to fire.
_CARRYING_VERBS = frozenset({"drop", "launch", "carry", "conduct", "mount", "stage", "open"})
# Nouns of an act that the carrying verb's object can name, with the act's verb.
_ACT_NOUNS = {
    "bomb": "bomb",
    "bombing": "bomb",
    "airstrike": "airstrike",
    "attack": "attack",
    "assault": "attack",
    "raid": "raid",
    "offensive": "attack",
    "fire": "fire",
    "shelling": "shell",
}


def _named_act(verb: Any | None) -> str | None:
    """The act a carrying verb's object names ('dropped four bombs': bomb), else None."""
    if verb is None or _lemma(verb) not in _CARRYING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and _lemma(child) in _ACT_NOUNS:
            if _lemma(verb) == "open" and _lemma(child) != "fire":
                return None  # 'opened an attack' is rare; 'opened the bomb bay' is not an act
            return _ACT_NOUNS[_lemma(child)]
    return None


def _resulting_state(verb: Any | None) -> str | None:
    """The state a result verb puts its object in ('left two others missing': missing), else None."""
    if verb is None or _lemma(verb) not in _RESULT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "oprd" and child.pos_ in ("ADJ", "VERB"):
            return _lemma(child)
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for child in obj.children:  # 'left 12 people stranded', parsed as a participle on the people
            if child.dep_ in ("acl", "amod") and child.i > obj.i and child.pos_ in ("ADJ", "VERB"):
                return _lemma(child)
    return None


_MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must"})
# Verbs whose complement is an aim or a capacity: 'designed to carry 150', 'plans to cut 300 jobs'.
_AIMS = frozenset(
    {"design", "able", "plan", "aim", "intend", "hope", "want", "seek", "try", "propose", "threaten", "build"}
)


def _hypothetical(verb: Any | None) -> bool:
    """Whether the act is only possible, planned or a capacity: 'could kill', 'designed to carry'."""
    node = verb
    for _ in range(3):
        if node is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children):
            return True
        if node.dep_ != "xcomp" or node.head is node:
            return False
        node = node.head
        if _lemma(node) in _AIMS:
            return True
    return False


# Adjectives that do not narrow what is counted ("more than 70 bodies", "a total of 143 people").
_NOT_NARROWING = frozenset(
    {
        "other",
        "more",
        "additional",
        "total",
        "new",
        "further",
        "least",
        "several",
        "many",
        "some",
        "few",
        "such",
    }
)


def _narrowing(head: Any, inside: list[Any]) -> tuple[str, ...]:
    """The words that narrow the noun a figure counts: 'three US Navy helicopters' -> ('navy', 'us')."""
    noun = head
    for _ in range(4):
        if noun.pos_ in ("NOUN", "PROPN") and noun not in inside:
            break
        if noun.head is noun:
            return ()
        noun = noun.head
    else:
        return ()
    if not nlp.one_phrase(noun.doc, inside[0], noun):
        return ()  # not the noun it counts: 'Four dead in the train accident'
    words: set[str] = set()
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child not in inside:
            words.update(
                _lemma(t)
                for t in child.subtree
                if t.pos_ in ("PROPN", "NOUN", "ADJ") and t not in inside and _lemma(t) not in _NOT_NARROWING
            )
    return tuple(sorted(words))


def _dominates(token: Any, other: Any) -> bool:
    """Whether other lies in token's subtree."""
    return any(t is other for t in token.subtree)


# Verbs that report or judge an event rather than being it: "130 bodies are reported to have been
# recovered", "15 are feared dead", "it is expected to rise to 20".
_RAISING = frozenset(
    {"report", "say", "believe", "expect", "seem", "appear", "think", "fear", "know", "estimate", "confirm"}
)


def _reported_event(verb: Any | None) -> Any | None:
    """The event verb under a reporting verb ('reported to have been recovered' -> recover)."""
    if verb is None or _lemma(verb) not in _RAISING:
        return verb
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in _PREDICATE_POS:
            return child
    return verb


def _next_event_verb(parsed: Any, inside: list[Any]) -> Any | None:
    """The first event verb after the fact, for parses that lost it ('"More than 70 bodies, most of them
    children, have been recovered," an official told TV' hangs the bodies on the quotation mark)."""
    last = inside[-1].i
    for token in parsed[last + 1 : last + 13]:
        if token.pos_ == "VERB" and _lemma(token) not in REPORTING_VERBS:
            return token
        if token.is_punct and token.text in ".;:!?":
            break
    return None


def _span_head(inside: list[Any]) -> Any:
    """The token of the span whose head lies outside it (the last one if the span is its own root)."""
    for token in reversed(inside):
        if token.head not in inside or token.head is token:
            return token
    return inside[-1]


def _predicate(head: Any, inside: list[Any], words: list[str]) -> tuple[Any | None, str | None]:
    """Climb from the fact to the verb or adjective it is an argument of; collect the nouns passed."""
    if head.pos_ == "NUM":
        # a bare count with a participle after it is that participle's subject, whatever else the parse
        # hangs it on: 'Four arrested as toll rises' counts people arrested, not what rises
        for child in head.children:
            if child.dep_ == "acl" and child.pos_ in _PREDICATE_POS and child.i == head.i + 1:
                return child, "subj"
    node, arg = head, None
    for _ in range(6):
        if node.dep_ == "ROOT" or node.head is node:
            # a headline's number is often its root: "12 killed in ...", "Nine dead"
            for child in node.children:
                if child.pos_ in _PREDICATE_POS and child.dep_ in ("acl", "amod", "relcl", "advcl"):
                    return child, arg or "subj"
            if node.pos_ in _PREDICATE_POS and node not in inside:
                return node, arg
            return None, arg
        dep = node.dep_
        parent = node.head
        if dep == "pobj" and parent.dep_ == "prep":
            arg = arg or parent.lower_
        elif dep in _SUBJECT:
            arg = arg or "subj"
        elif dep in _OBJECT:
            arg = arg or "obj"
        elif dep in ("acomp", "xcomp"):
            arg = arg or "attr"
        if parent.pos_ in _PREDICATE_POS and dep not in ("amod", "compound") and parent not in inside:
            return parent, arg or "mod"
        if parent.pos_ in ("AUX",) and dep in _SUBJECT | {"attr", "acomp"}:
            return parent, arg or "subj"
        if dep not in _CLIMB | _SUBJECT | _OBJECT | {"acomp", "xcomp"}:
            return None, arg
        if parent not in inside and parent.pos_ in ("NOUN", "PROPN"):
            words.append(_lemma(parent))
        node = parent
    return None, arg


def _lemma(token: Any) -> str:
    return str(token.lemma_).lower()
