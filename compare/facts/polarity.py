"""Polarity (negation, denial, refusal) and certainty (hedges) of a statement."""

from __future__ import annotations

import re
from typing import Any

from compare.facts import nlp
from compare.facts.attribution import REPORTING_VERBS
from compare.model import Fact, FactKind

_NEGATION_RE = re.compile(
    r"(?:\b(?:not|never|no|none|neither|nor|nobody|nothing|without|cannot)\b"
    r"|\b(?:ca|wo|is|was|are|were|did|does|do|has|have|had|could|would|should|must|need)?n['’]t\b)",
    re.IGNORECASE,
)
_DENIAL_LEMMAS = frozenset(
    ["deny", "refuse", "reject", "dismiss", "decline", "rebuff", "forbid", "ban", "prohibit", "block", "rule"]
)
_DENIAL_RE = re.compile(
    r"\b(?:denied|denies|deny|denying|refused|refuses|refuse|refusing|rejected|rejects|reject|rejecting|"
    r"dismissed|dismisses|dismissing|declined|declines|declining|ruled out|rules out|ruling out|"
    r"(?:banned|bans|banning|barred|bars|barring|prohibited|prohibits|prohibiting|prevented|prevents|"
    r"preventing|forbade|forbids|forbidden|forbidding|forbid)(?=(?:\s+[\w'’-]+){0,4}?\s+(?:from|to)\s+\w+ing\b)|"
    r"(?:forbade|forbids|forbidden|forbidding|forbid)(?=(?:\s+[\w'’-]+){0,4}?\s+to\s+\w+\b))\b",
    re.IGNORECASE,
)
# Verbs whose object says nothing by itself ("did not make any statement"): the object is what is negated.
_LIGHT_VERBS = frozenset(["make", "have", "give", "get", "take", "do", "offer", "provide", "show", "find"])
_REPORT_NOUNS = frozenset(
    ["report", "claim", "allegation", "rumor", "rumour", "suggestion", "accusation", "speculation"]
)
# Nouns that only measure or classify the noun after 'of' ("any kind of statement").
_LIGHT_NOUNS = frozenset(["kind", "type", "sort", "form", "lot", "number", "amount", "sign", "piece", "bit"])
_HEDGES: dict[str, str] = {
    # phrase -> strength (weak = clearly uncertain, strong = probable)
    "apparently": "weak",
    "reportedly": "weak",
    "allegedly": "weak",
    "possibly": "weak",
    "perhaps": "weak",
    "maybe": "weak",
    "may": "weak",
    "might": "weak",
    "could": "weak",
    "would": "weak",
    "unconfirmed": "weak",
    "it is believed": "weak",
    "is believed": "weak",
    "are believed": "weak",
    "was believed": "weak",
    "seems": "weak",
    "seemed": "weak",
    "appears": "weak",
    "appeared": "weak",
    "suspected": "weak",
    "presumably": "weak",
    "cautiously assumes": "weak",
    "assumes": "weak",
    "speculated": "weak",
    "rumoured": "weak",
    "rumored": "weak",
    "likely": "strong",
    "probably": "strong",
    "very probably": "strong",
    "most likely": "strong",
    "almost certainly": "strong",
    "we believe": "strong",
    "it is thought": "weak",
    "is thought": "weak",
    "are thought": "weak",
    "unclear": "weak",
    "not clear": "weak",
    "it is possible": "weak",
    "may have": "weak",
    "could have": "weak",
}
_HEDGE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def extract(text: str, offset: int, statement_id: str) -> list[Fact]:
    """NEG / DENIAL polarity facts (role: the negated word) and HEDGE certainty facts."""
    parsed = nlp.parse(text)
    facts: list[Fact] = []
    for match in _NEGATION_RE.finditer(text):
        if match.group(0).lower() == "no" and re.match(r"\s*(?:longer|doubt)\b", text[match.end() :]):
            continue  # "no longer", "no doubt" are not negations of the claim
        if match.group(0).lower() == "not" and re.match(r"\s+only\b", text[match.end() :]):
            continue  # "not only ... but also" affirms
        facts.append(
            _fact(
                text,
                offset,
                statement_id,
                match.start(),
                match.end(),
                FactKind.POLARITY,
                "NEG",
                "negative",
                None if _contrastive(text, match.start(), match.end()) else _scope(parsed, match.start()),
            )
        )
    for match in _DENIAL_RE.finditer(text):
        facts.append(
            _fact(
                text,
                offset,
                statement_id,
                match.start(),
                match.end(),
                FactKind.POLARITY,
                "DENIAL",
                "negative",
                _denied(parsed, match.start()),
            )
        )
    for match in _HEDGE_RE.finditer(text):
        phrase = match.group(0).lower()
        strength = _HEDGES.get(phrase, "weak")
        if (
            phrase in ("may", "might", "could", "would")
            and parsed is not None
            and (
                not _modal_verb(parsed, match.start())
                or _backshifted(parsed, match.start())
                or _denied_ability(parsed, match.start())
            )
        ):
            continue
        facts.append(
            _fact(
                text,
                offset,
                statement_id,
                match.start(),
                match.end(),
                FactKind.CERTAINTY,
                "HEDGE",
                strength,
                _scope(parsed, match.start()),
            )
        )
    facts.sort(key=lambda f: f.start)
    return facts


def _fact(
    text: str,
    offset: int,
    sid: str,
    start: int,
    end: int,
    kind: FactKind,
    label: str,
    key: str,
    role: str | None,
) -> Fact:
    return Fact(
        id="",
        statement=sid,
        kind=kind,
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        key=key,
        label=label,
        role=role,
    )


# "not because of who she is but because of what she did", "troops in Iraq, but not those at home":
# the negation picks one of two alternatives; the statement as a whole affirms.
_BUT_ALTERNATIVE = re.compile(
    r"^[^.;]{0,80}?\bbut\s+(?:also\s+|rather\s+)?(?:for|because|by|to|in|on|at|with|as|from)\b"
)
_EXCLUDING = re.compile(r"(?:\bbut|,|\band|\bor)\s*$")


def _contrastive(text: str, start: int, end: int) -> bool:
    """A negation that contrasts two alternatives rather than denying the statement."""
    if text[start:end].lower() not in ("not", "no"):
        return False
    if _BUT_ALTERNATIVE.match(text[end:]):
        return True
    return bool(_EXCLUDING.search(text[:start])) and not re.match(
        r"\s+(?:be|been|being|have|had)\b", text[end:]
    )


def _token_at(parsed: Any, char: int) -> Any | None:
    for token in parsed:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _backshifted(parsed: Any, char: int) -> bool:
    """'would' as the past of 'will' in reported speech ('he said the piece would be sent') or under
    another past verb ('they decided it would wait'), a refusal told in the past ('would not
    comment'), or a modal of purpose ('so that they could see'): a tense, a refusal or an aim, not a
    hedge."""
    token = _token_at(parsed, char)
    if token is None:
        return False
    clause = token.head
    if token.lower_ in ("could", "might", "may"):
        # 'so (that) a witness could identify him': a purpose, not a doubt
        before = parsed[max(0, token.i - 5) : token.i]
        return any(
            t.lower_ == "so"
            and t.i + 1 < len(parsed)
            and parsed[t.i + 1].pos_ in ("DET", "PRON", "NOUN", "PROPN", "SCONJ")
            for t in before
        )
    if token.lower_ != "would":
        return False
    if _refusal(token):
        return True
    # the sequence of tenses: 'would' in what a past verb reports, decides or expects is the past of
    # 'will' ('officials decided it would be wiser to ...'); the doubt, if any, is that verb's
    return clause.dep_ in ("ccomp", "xcomp") and (
        str(clause.head.lemma_).lower() in REPORTING_VERBS or clause.head.tag_ == "VBD"
    )


# verbs of telling that 'would not' turns into a refusal ('the company would not comment')
_TELLING = REPORTING_VERBS | {"comment", "elaborate", "discuss", "specify", "speculate", "answer", "respond"}


def _refusal(would: Any) -> bool:
    """'would not comment', 'wouldn't say': a refusal told in the past, not a doubt."""
    verb = would.head
    return str(verb.lemma_).lower() in _TELLING and any(c.dep_ == "neg" for c in verb.children)


def _modal_verb(parsed: Any, char: int) -> bool:
    """'may' as a modal auxiliary (not the month, not 'May')."""
    token = _token_at(parsed, char)
    return token is not None and token.tag_ == "MD"


_NO_ONE = frozenset({"none", "nobody", "nothing", "neither"})


def _denied_ability(parsed: Any, char: int) -> bool:
    """'could not be confirmed', 'none could be confirmed', 'no one could say': 'could' under a negation
    tells what was not possible, a flat statement; it does not hedge. ('would not pass', 'might not
    pass' still foretell.)"""
    token = _token_at(parsed, char)
    if token is None or token.head is token or token.lower_ != "could":
        return False
    verb = token.head
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in _NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return True
    return False


_SEEMING = frozenset({"appear", "seem", "look", "sound"})


def _scope(parsed: Any, char: int) -> str | None:
    """The content word a negation or hedge attaches to (lemma), e.g. 'make' in 'did not make'."""
    if parsed is None:
        return None
    token = _token_at(parsed, char)
    if token is None:
        return None
    if token.lower_ in ("nobody", "nothing", "none") and token.dep_ in ("nsubj", "nsubjpass"):
        return str(token.head.lemma_).lower()  # "nobody survived": the verb is what is denied
    head = token.head if token.dep_ in ("neg", "det", "advmod", "aux", "preconj", "cc", "amod") else token
    if _conditional(head):
        return None  # "if they do not release": a condition, not a statement of fact
    if str(head.lemma_).lower() in _SEEMING:
        # "did not appear to be an attack", "did not seem tired": what is denied is what it seemed
        for child in head.children:
            if child.dep_ in ("attr", "acomp"):
                return str(child.lemma_).lower()
        head = next((c for c in head.children if c.dep_ == "xcomp"), head)
    if head.lemma_ == "be":
        for child in head.children:
            if child.dep_ in ("attr", "acomp"):
                return str(child.lemma_).lower()
        for child in head.children:
            if child.dep_ == "prep":  # "the plane was not on fire"
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand.pos_ == "NOUN":
                        # "not at the right altitude": what is denied is that it was the right one
                        qualities = [str(c.lemma_).lower() for c in grand.children if c.dep_ == "amod"]
                        return "@".join([*qualities, str(grand.lemma_).lower()])
    if token.dep_ in ("det", "preconj", "cc") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "neither box appeared damaged": the noun and what is said of it
        verb = head.head
        if verb is not head and verb.pos_ in ("VERB", "AUX") and verb.lemma_ not in ("be", "have"):
            if head.lower_ in ("one", "body", "thing"):
                return str(verb.lemma_).lower()  # "no one was killed": the verb is what is denied
            return f"{str(head.lemma_).lower()}@{str(verb.lemma_).lower()}"
    if token.lower_ in ("nobody", "nothing", "none") and head.pos_ in ("VERB", "AUX"):
        return str(head.lemma_).lower()
    if str(head.lemma_).lower() in _LIGHT_VERBS:
        objects = _object_nouns(head)
        if objects:
            return "@".join(objects)
    if head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and any(d.lower_ == "any" for d in c.children) for c in head.children
    ):
        # "did not report any problems": the verb and the thing of which there was none
        return "@".join([str(head.lemma_).lower(), *_object_nouns(head)])
    return str(head.lemma_).lower()


def _object_nouns(verb: Any) -> list[str]:
    """The nouns a light verb's object names: 'any kind of statements of problems' -> statement, problem."""
    out: list[str] = []
    for child in verb.children:
        if child.dep_ not in ("dobj", "attr"):
            continue
        node = child
        for _ in range(4):
            lemma = str(node.lemma_).lower()
            if node.pos_ in ("NOUN", "PROPN") and lemma not in _LIGHT_NOUNS and lemma not in out:
                out.append(lemma)
            of = [c for c in node.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "on")]
            objects = [g for p in of for g in p.children if g.dep_ == "pobj"]
            if not objects:
                break
            node = objects[0]
    return out


def _denied(parsed: Any, char: int) -> str | None:
    """What a denial denies: the clause or verb after it ('denied [the attack was carried out]' -> carry,
    'banned from [striking]' -> strike), or 'obj:offer' for a denied thing ('rejected the offer')."""
    if parsed is None:
        return None
    token = _token_at(parsed, char)
    if token is None or _conditional(token):
        return None
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
            return str(child.lemma_).lower()
        if child.dep_ == "prep" and child.lower_ in ("from", "to"):
            for grand in child.children:
                if grand.dep_ in ("pcomp", "pobj") and grand.pos_ == "VERB":
                    return str(grand.lemma_).lower()
    for child in token.children:
        if child.dep_ == "dobj" and child.pos_ == "NOUN" and child.lemma_ in _REPORT_NOUNS:
            # "denied reports of casualties" / "denied claims that ...": what was reported is denied
            for grand in child.children:
                if grand.dep_ in ("acl", "ccomp", "relcl") and grand.pos_ in ("VERB", "AUX"):
                    return str(grand.lemma_).lower()
                if grand.dep_ == "prep" and grand.lower_ == "of":
                    nouns = [g for g in grand.children if g.dep_ == "pobj"]
                    if nouns:
                        return str(nouns[0].lemma_).lower()
        if child.dep_ == "dobj" and child.pos_ == "NOUN":
            for grand in child.children:
                # "prevented Ukraine from firing": the object's action
                if grand.dep_ == "prep" and grand.lower_ == "from":
                    acts = [g for g in grand.children if g.pos_ == "VERB"]
                    if acts:
                        return str(acts[0].lemma_).lower()
            return f"obj:{str(child.lemma_).lower()}"
        if child.dep_ == "dobj":
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ == "from":
                    acts = [g for g in grand.children if g.pos_ == "VERB"]
                    if acts:
                        return str(acts[0].lemma_).lower()
    return None


def _conditional(token: Any) -> bool:
    """Whether a word sits in an 'if'/'unless'/'whether' clause."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp"):
            break
    return False
