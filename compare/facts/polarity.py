"""Polarity (negation, denial, refusal) and certainty (hedges) of a statement."""

from __future__ import annotations

import re
from typing import Any

from compare.facts import nlp
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
    r"\b(?:denied|denies|deny|denying|refused|refuses|refuse|refusing|rejected|rejects|reject|"
    r"dismissed|dismisses|declined|declines|ruled out|rules out)\b",
    re.IGNORECASE,
)
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
                _scope(parsed, match.start()),
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
                _scope(parsed, match.start()),
            )
        )
    for match in _HEDGE_RE.finditer(text):
        phrase = match.group(0).lower()
        strength = _HEDGES.get(phrase, "weak")
        if (
            phrase in ("may", "might", "could", "would")
            and parsed is not None
            and not _modal_verb(parsed, match.start())
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


def _token_at(parsed: Any, char: int) -> Any | None:
    for token in parsed:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _modal_verb(parsed: Any, char: int) -> bool:
    """'may' as a modal auxiliary (not the month, not 'May')."""
    token = _token_at(parsed, char)
    return token is not None and token.tag_ == "MD"


def _scope(parsed: Any, char: int) -> str | None:
    """The content word a negation or hedge attaches to (lemma), e.g. 'make' in 'did not make'."""
    if parsed is None:
        return None
    token = _token_at(parsed, char)
    if token is None:
        return None
    head = token.head if token.dep_ in ("neg", "det", "advmod", "aux", "preconj", "cc", "amod") else token
    if _conditional(head):
        return None  # "if they do not release": a condition, not a statement of fact
    if head.lemma_ == "be":
        for child in head.children:
            if child.dep_ in ("attr", "acomp"):
                return str(child.lemma_).lower()
    if token.dep_ in ("det", "preconj", "cc") and head.pos_ in ("NOUN", "PROPN"):
        # "neither box appeared damaged": the noun and what is said of it
        verb = head.head
        if verb is not head and verb.pos_ in ("VERB", "AUX") and verb.lemma_ not in ("be", "have"):
            return f"{str(head.lemma_).lower()}@{str(verb.lemma_).lower()}"
    return str(head.lemma_).lower()


def _conditional(token: Any) -> bool:
    """Whether a word sits in an 'if'/'unless'/'whether' clause."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp"):
            break
    return False
