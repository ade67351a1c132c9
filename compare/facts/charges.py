"""The criminal charges a statement says someone faces, read from its parse ('charged with murder').

An offence word (a closed, legal vocabulary: murder, manslaughter, robbery, arson, DWI, ...) names a
charge only where the parse hangs it on a word of charging: the object of 'charged with', 'accused of',
'convicted of', 'pleaded guilty to', 'arrested on suspicion of', 'indicted on'; a modifier of 'charge',
'count' or 'conviction' ('a murder charge', 'two counts of murder'); what one 'faces'; or a member of a
list that one of those heads. 'The murder rate', 'a murder mystery', 'the murder of a teacher' name
no charge. Each charge carries its grade where the law grades the act (a killing charged as murder or
as manslaughter), who is charged (by name, where named), and whether it is stated, hedged ('expected to
be charged') or only weighed ('considering murder charges').
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# Offence words, each with the offence it names (spellings and synonyms reporters use share a name).
_OFFENCES = {
    "murder": "murder",
    "murders": "murder",
    "manslaughter": "manslaughter",
    "homicide": "homicide",
    "homicides": "homicide",
    "assault": "assault",
    "assaults": "assault",
    "battery": "battery",
    "robbery": "robbery",
    "robberies": "robbery",
    "burglary": "burglary",
    "burglaries": "burglary",
    "theft": "theft",
    "thefts": "theft",
    "larceny": "theft",
    "fraud": "fraud",
    "embezzlement": "embezzlement",
    "kidnapping": "kidnapping",
    "kidnaping": "kidnapping",
    "abduction": "kidnapping",
    "rape": "rape",
    "rapes": "rape",
    "arson": "arson",
    "dwi": "impaired driving",
    "dui": "impaired driving",
    "extortion": "extortion",
    "bribery": "bribery",
    "perjury": "perjury",
    "stalking": "stalking",
    "carjacking": "carjacking",
    "trespassing": "trespass",
    "trespass": "trespass",
    "vandalism": "vandalism",
    "terrorism": "terrorism",
    "treason": "treason",
    "forgery": "forgery",
}

# Grades of one act that exclude each other for that act: a killing is charged as murder (intended) or
# as manslaughter or negligent homicide (not intended). A bare 'homicide' is either, so has no grade.
KILLING = "killing"
_GRADES = {"murder": "murder", "manslaughter": "manslaughter"}
_NEGLIGENT = frozenset({"negligent", "vehicular", "reckless"})  # 'criminally negligent homicide'
_ATTEMPTED = frozenset({"attempted", "attempt", "attempting"})  # 'attempted murder': no one was killed

# Words of charging and the prepositions that hang an offence on them: 'charged with', 'accused of'.
_CHARGING = {
    "charge": frozenset({"with", "in", "for", "of", "including"}),
    "accuse": frozenset({"of"}),
    "convict": frozenset({"of", "for", "in"}),
    "indict": frozenset({"on", "for", "in"}),
    "arrest": frozenset({"for", "on", "in"}),
    "book": frozenset({"on", "for"}),
    "jail": frozenset({"for", "on"}),
    "sentence": frozenset({"for"}),
    "try": frozenset({"for"}),
    "trial": frozenset({"for"}),
    "guilty": frozenset({"of", "to"}),
    "plead": frozenset({"to"}),
    "suspicion": frozenset({"of"}),
    "count": frozenset({"of"}),
    "conviction": frozenset({"for", "of"}),
    "indictment": frozenset({"for", "on", "of"}),
}
# Nouns an offence word modifies to name a charge: 'a murder charge', 'manslaughter counts'.
_CHARGE_NOUNS = frozenset({"charge", "count", "conviction", "indictment", "trial"})
_FACING = frozenset({"face"})  # 'faces murder', 'facing manslaughter'

# Verbs under which a charge is only weighed, sought or asked for, not laid: 'considering murder
# charges', 'will seek a manslaughter charge', 'decide whether to charge him with murder'.
_WEIGHED = frozenset(
    {
        "consider",
        "weigh",
        "seek",
        "pursue",
        "mull",
        "discuss",
        "ask",
        "urge",
        "demand",
        "call",
        "want",
        "request",
        "recommend",
        "hope",
    }
)
# Verbs under which a charge is no longer held: 'the murder charge was dropped', 'reduced'.
_LIFTED = frozenset(
    {"drop", "dismiss", "withdraw", "reduce", "downgrade", "upgrade", "vacate", "overturn", "quash", "amend"}
)
# What is said to come, not said to be: 'expected to be charged', 'likely to face', 'will be charged'.
_COMING = frozenset({"expect", "likely", "set", "plan", "intend", "will", "shall", "'ll"})
_HEDGING_ADVERBS = frozenset({"allegedly", "reportedly", "apparently", "possibly", "probably"})
_CONDITIONS = frozenset({"whether", "if", "unless"})


@dataclass(frozen=True, slots=True)
class ChargeReading:
    """One charge a statement tells of, by the offence word that names it."""

    word: int  # the offence word's index among the statement's read words (compare.facts.reading)
    offence: str  # 'murder', 'manslaughter', 'homicide', 'robbery', ...
    grade: str | None  # its grade among the charges for one act ('murder', 'manslaughter'), if graded
    act: str | None  # the act it grades (KILLING), if graded
    before: int  # how many words of its phrase come before it ('criminally negligent homicide': 2)
    defendant: frozenset[str]  # the names of who is charged, lower case; empty when unnamed
    # said to be laid or held: not only considered, sought or asked for, laid on a condition or dropped
    laid: bool
    hedged: bool  # said to come, or said with 'allegedly': not stated flatly


def read_charges(parsed: Any, word_of: Mapping[int, int]) -> list[ChargeReading]:
    """The charges a parsed statement tells of, in order; `word_of` gives each read word's index by its
    token's."""
    out: list[ChargeReading] = []
    for token in parsed:
        offence = _OFFENCES.get(token.lower_)
        if offence is None or token.pos_ not in ("NOUN", "PROPN", "ADJ"):  # 'manslaughter charges': ADJ
            continue
        head = _charging_head(token)
        if head is None:
            continue
        modifiers = _modifiers(token)
        words = {m.lower_ for m in modifiers}
        if offence == "assault" and "sexual" in words:
            offence = "sexual assault"
        if words & _ATTEMPTED:
            offence = f"attempted {offence}"
        grade = _GRADES.get(offence)
        if offence == "homicide" and words & _NEGLIGENT:
            grade = "manslaughter"
        out.append(
            ChargeReading(
                word=word_of[token.i],
                offence=offence,
                grade=grade,
                act=KILLING if grade is not None else None,
                before=len({m.i for m in modifiers if m.i < token.i and not m.is_punct and m.whitespace_}),
                defendant=_defendant(head),
                laid=not _weighed(token),
                hedged=_hedged(token),
            )
        )
    return out


def _charging_head(token: Any) -> Any | None:
    """The word of charging the offence word names a charge of, through the list it stands in; None
    when it names none ('the murder rate', 'the murder of a teacher')."""
    node = token
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        if node.head.pos_ in ("VERB", "AUX"):
            # 'charged with manslaughter, leaving the scene and DWI': DWI hung on the verb itself
            return node.head if _lemma(node.head) in _CHARGING else None
        node = node.head
    head = node.head
    if node.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if head.lower_ in _CHARGING.get(_lemma(verb), frozenset()):
            return verb
        return None
    if node.dep_ in ("compound", "nmod", "amod") and _lemma(head) in _CHARGE_NOUNS:
        return head
    if node.dep_ == "dobj" and _lemma(head) in _FACING:
        return head
    return None


def _lemma(token: Any) -> str:
    """The word's lemma, lower case; a plural of a charge noun read as a name ('Charges') is its noun."""
    lemma = str(token.lemma_).lower()
    if lemma.endswith("s") and lemma[:-1] in _CHARGE_NOUNS:
        return lemma[:-1]
    return lemma


def _modifiers(token: Any) -> list[Any]:
    """The words that make the offence word's phrase: 'criminally negligent', 'second-degree',
    'attempted' (its modifiers and theirs), not its determiners or possessors."""
    out: list[Any] = []
    stack = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "advmod", "npadvmod")]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(c for c in child.children if c.dep_ in ("amod", "compound", "advmod", "punct", "nummod"))
    return sorted(out, key=lambda t: t.i)


def _verb_of(head: Any) -> Any:
    """The verb a word of charging belongs to: itself, or the verb its phrase hangs on ('faces a murder
    charge', 'arrested on suspicion of', 'pleaded guilty to')."""
    node = head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _defendant(head: Any) -> frozenset[str]:
    """The names of who is charged: 'charges against Smith', the one charged ('Smith was charged',
    'police charged Smith'), or the one who faces or pleads ('Smith faces a murder charge')."""
    verb = _verb_of(head)
    for child in [*head.children, *verb.children]:
        if child.dep_ == "prep" and child.lower_ == "against":  # 'charges (were filed) against Smith'
            return frozenset(n for g in child.children if g.dep_ == "pobj" for n in _names(g))
        if child.dep_ == "poss":  # 'Smith's murder conviction'
            return _names(child)
    while verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # 'is expected to be charged': who is expected
    children = list(verb.children)
    who = (
        [c for c in children if c.dep_ == "nsubjpass"]
        or ([c for c in children if c.dep_ == "dobj"] if _lemma(verb) in _CHARGING else [])
        or [c for c in children if c.dep_ == "nsubj"]
    )
    if not who:
        return frozenset()
    person = who[0]
    if person.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        person = verb.head  # 'the driver, who was charged with murder'
    return _names(person)


def _names(token: Any) -> frozenset[str]:
    """The proper name a noun phrase gives, as lower-case words ('John Smith'); empty for 'the driver'."""
    if token.pos_ != "PROPN":
        return frozenset()
    parts = [token, *(c for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN")]
    return frozenset(t.lower_ for t in parts if t.is_alpha)


# Where a clause of its own begins: a hedge above it is said of something else ('allegedly shot the
# clerk and was charged with murder'). A noun's 'conj' is a member of a list, not a clause.
_CLAUSE_HEADS = frozenset({"ROOT", "advcl", "relcl", "ccomp", "parataxis"})


def _clause(token: Any) -> Iterator[Any]:
    """The word and the words above it up to the head of its clause, through the verbs it completes
    ('expected to be charged': charged, expected)."""
    node = token
    yield node
    while node.head.i != node.i:
        if node.dep_ in _CLAUSE_HEADS or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            return
        node = node.head
        yield node


def _weighed(token: Any) -> bool:
    """The charge is only weighed, sought or asked for, laid only on a condition, or dropped, in its own
    clause or one it completes ('whether to charge him with murder', 'considering murder charges', 'if
    he is charged', 'the charge was dropped'); what the clause a relative hangs on does is not said of
    it ('the driver, who was charged with murder, asked for bail')."""
    for node in _clause(token):
        lemma = _lemma(node)
        if lemma in _WEIGHED and node.pos_ in ("VERB", "NOUN"):
            return True
        if lemma in _LIFTED and node.pos_ == "VERB":
            return True
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return True
    return False


def _hedged(token: Any) -> bool:
    """The charge is said to come or said with 'allegedly', in its own clause or one it completes:
    'expected to be charged with murder', 'will face a manslaughter charge', 'allegedly charged'."""
    for node in _clause(token):
        if _lemma(node) in _COMING and node.pos_ in ("VERB", "ADJ", "AUX"):
            return True
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in _COMING:
                return True
            if child.dep_ == "advmod" and child.lower_ in _HEDGING_ADVERBS:
                return True
    return False
