"""Stances read from a statement's parse: someone for or against an act, and the acts it tells.

"Trump criticised Biden for failing for too long to authorise the strikes" puts Trump for authorising;
"Trump called the move a big mistake" puts him against the move. Read here, at extraction, into plain
values; `compare.judge.stance` resolves who holds a stance and compares reports.

  - a verb of praise or blame and what it is about: "criticised X for approving" (against approving),
    "welcomed the decision to allow" (for allowing), "blamed X for refusing to fund" (for funding:
    blaming a failure, refusal or delay to act is being for the act);
  - calling something a mistake: "called the move a mistake", "called the decision to allow ... wrong".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_PRAISE = frozenset(
    ["praise", "welcome", "hail", "applaud", "commend", "endorse", "back", "support", "defend", "laud"]
)
_BLAME = frozenset(
    [
        "criticize",
        "criticise",
        "fault",
        "blame",
        "slam",
        "attack",
        "accuse",
        "condemn",
        "denounce",
        "lambast",
        "berate",
        "rebuke",
        "castigate",
        "assail",
        "oppose",
        "decry",
        "deplore",
    ]
)
# Failing, refusing or being slow to act: blamed, it shows the holder wanted the act done.
_NOT_DONE = frozenset(["fail", "refuse", "delay", "hesitate", "wait", "neglect", "decline", "stall"])
# What someone can call an act to be against it ("called the move a mistake").
_FAULT_WORDS = frozenset(
    [
        "mistake",
        "error",
        "blunder",
        "misstep",
        "stupid",
        "wrong",
        "disaster",
        "disastrous",
        "folly",
        "reckless",
        "foolish",
        "irresponsible",
        "dangerous",
    ]
)
_GOOD_WORDS = frozenset(["right", "wise", "correct", "necessary", "good", "sensible", "justified"])
# Nouns that stand for an act told before: "the move", "this decision".
_STAND_INS = frozenset(
    ["move", "decision", "step", "choice", "it", "this", "that", "measure", "action", "policy"]
)
# Acts of one kind: giving permission.
_PERMIT = frozenset(
    [
        "authorize",
        "authorise",
        "authorization",
        "authorisation",
        "approve",
        "approval",
        "allow",
        "permit",
        "permission",
        "greenlight",
        "clear",
        "sanction",
        "let",
    ]
)
PERMIT_KEY = "permit"
_NOT_ACTS = frozenset(["be", "have", "say", "claim", "do"])  # verbs that tell no act of their own


@dataclass(frozen=True, slots=True)
class StanceReading:
    """Someone for (+1) or against (-1) an act, as one statement tells it (offsets in the statement)."""

    holder_start: int  # the subject word that holds the stance
    holder_end: int
    holder_lemma: str
    holder_text: str
    acts: frozenset[str]  # act keys: lemmas, or "permit" for the permission family
    sign: int
    start: int  # the words that carry the stance
    end: int
    stands_in: bool  # the act is "the move": filled in from an earlier statement


def _act_key(token: Any) -> str:
    lemma = str(token.lemma_).lower()
    return PERMIT_KEY if lemma in _PERMIT else lemma


def _green_light(token: Any) -> bool:
    """'gave them the green light': an act of permission."""
    return token.lower_ == "light" and any(c.lower_ == "green" for c in token.children)


def main_acts(parsed: Any) -> frozenset[str]:
    """The acts a statement tells: its main verbs (and their coordinated verbs), permission nouns."""
    acts: set[str] = set()
    for token in parsed:
        if token.pos_ == "VERB" and (
            token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")
        ):
            acts.add(_act_key(token))
            if any(_green_light(c) for c in token.children):
                acts.add(PERMIT_KEY)
        elif _green_light(token) or (token.pos_ == "NOUN" and str(token.lemma_).lower() in _PERMIT):
            acts.add(PERMIT_KEY)
    return frozenset(acts - {"be", "have", "say"})


def _acts_under(token: Any) -> tuple[frozenset[str], bool, int]:
    """The acts a stance is about, found under `token`; whether they are said not to be done; the
    index of the last word that says so (the quoted span ends there)."""
    acts: set[str] = set()
    not_done = False
    last = token.i
    for node in token.subtree:
        lemma = str(node.lemma_).lower()
        if node is token:
            continue
        if lemma in _NOT_DONE and node.pos_ == "VERB":
            not_done, last = True, max(last, node.i)
            continue
        if node.pos_ == "VERB" or (node.pos_ == "NOUN" and lemma in _PERMIT) or _green_light(node):
            if node.pos_ == "VERB" and any(c.dep_ == "neg" for c in node.children):
                not_done = True
            key = PERMIT_KEY if _green_light(node) else _act_key(node)
            if key not in _NOT_ACTS:
                acts.add(key)
                last = max(last, node.i)
    return frozenset(acts), not_done, last


def _subject(verb: Any) -> Any | None:
    node = verb
    while node.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in node.children):
        node = node.head
    return next((c for c in node.children if c.dep_ == "nsubj"), None)


def read_stances(parsed: Any) -> list[StanceReading]:
    """Every stance a parsed statement tells."""
    found: list[StanceReading] = []
    for token in parsed:
        lemma = str(token.lemma_).lower()
        if token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue
        subject = _subject(token)
        if subject is None or subject.pos_ == "PRON":
            continue
        if lemma in _PRAISE or lemma in _BLAME:
            sign = 1 if lemma in _PRAISE else -1
            acts, not_done, last = _acts_under(token)
            target = next((c for c in token.children if c.dep_ == "dobj"), None)
            stands_in = target is not None and str(target.lemma_).lower() in _STAND_INS and not acts
            if not acts and not stands_in:
                continue
            end_token = parsed[target.i if stands_in and target is not None else last]
        elif lemma == "call":
            faults = [c for c in token.subtree if str(c.lemma_).lower() in _FAULT_WORDS]
            goods = [c for c in token.subtree if str(c.lemma_).lower() in _GOOD_WORDS]
            fault = faults[-1] if faults else None  # the quote ends at the last judging word
            judged = fault or (goods[-1] if goods else None)
            target = next((c for c in token.children if c.dep_ == "dobj"), None)
            if judged is None or target is None:
                continue
            sign = -1 if fault is not None else 1
            acts, not_done, _ = _acts_under(target)
            if str(target.lemma_).lower() in _PERMIT:
                acts = acts | {PERMIT_KEY}
            stands_in = str(target.lemma_).lower() in _STAND_INS and not acts
            if not acts and not stands_in:
                continue
            end_token = judged
        else:
            continue
        found.append(
            StanceReading(
                holder_start=subject.idx,
                holder_end=subject.idx + len(subject.text),
                holder_lemma=str(subject.lemma_).lower(),
                holder_text=subject.text,
                acts=acts,
                sign=-sign if not_done else sign,
                start=token.idx,
                end=end_token.idx + len(end_token.text),
                stands_in=stands_in,
            )
        )
    return found
