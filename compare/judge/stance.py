"""Stance findings: one report has someone for an act, another has the same person against it.

"Trump criticised Biden for failing for too long to authorise the strikes" puts Trump for authorising;
"Trump called the move (Biden's authorisation) 'a big mistake'" puts him against it. Neither sentence
negates the other word for word, so the denial check misses it; here a stance is read from the parse:

  - a verb of praise or blame and what it is about: "criticised X for approving" (against approving),
    "welcomed the decision to allow" (for allowing), "blamed X for refusing to fund" (for funding:
    blaming a failure, refusal or delay to act is being for the act);
  - calling something a mistake: "called the move a mistake", "called the decision to allow ... wrong".

"The move", "the decision", "this step" stand for the act of the report's earlier statement in the
same claim (an outlet that splits one sentence in two). Both reports must name the same holder of the
stance (a person or body, names resolved), and the acts must be the same or of one kind (approve,
authorise, allow, permit, give the green light are one act).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from compare.facts import nlp
from compare.judge.base import Draft, Side
from compare.judge.spans import quote
from compare.model import Claim, FactKind, FindingType, Severity, Span

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
_PERMIT_KEY = "permit"
_NOT_ACTS = frozenset(["be", "have", "say", "claim", "do"])  # verbs that tell no act of their own


@dataclass(frozen=True, slots=True)
class Stance:
    """Someone for (+1) or against (-1) an act, with the words that say so."""

    holder: str  # resolved name (or lemma) of who holds the stance
    holder_text: str
    acts: frozenset[str]  # act keys: lemmas, or "permit" for the permission family
    sign: int
    start: int  # offsets in the document of the words that carry the stance
    end: int
    stands_in: bool  # the act is "the move": filled in from an earlier statement


def _act_key(token: Any) -> str:
    lemma = str(token.lemma_).lower()
    return _PERMIT_KEY if lemma in _PERMIT else lemma


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
                acts.add(_PERMIT_KEY)
        elif _green_light(token) or (token.pos_ == "NOUN" and str(token.lemma_).lower() in _PERMIT):
            acts.add(_PERMIT_KEY)
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
            key = _PERMIT_KEY if _green_light(node) else _act_key(node)
            if key not in _NOT_ACTS:
                acts.add(key)
                last = max(last, node.i)
    return frozenset(acts), not_done, last


def _subject(verb: Any) -> Any | None:
    node = verb
    while node.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in node.children):
        node = node.head
    return next((c for c in node.children if c.dep_ == "nsubj"), None)


def _holder(side: Side, token: Any) -> tuple[str, str] | None:
    """Who the subject token is: a named entity's resolved key if one covers it, else its lemma."""
    if token.pos_ == "PRON":
        return None
    at = side.statement.start + token.idx
    for fact in side.facts:
        if fact.kind is FactKind.ENTITY and fact.start <= at < fact.end:
            return fact.key, fact.text
    return str(token.lemma_).lower(), token.text


def _stances(side: Side) -> list[Stance]:
    parsed = nlp.parse(side.statement.text)
    if parsed is None:
        return []
    found: list[Stance] = []
    base = side.statement.start
    for token in parsed:
        lemma = str(token.lemma_).lower()
        if token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
            continue
        subject = _subject(token)
        holder = _holder(side, subject) if subject is not None else None
        if holder is None:
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
                acts = acts | {_PERMIT_KEY}
            stands_in = str(target.lemma_).lower() in _STAND_INS and not acts
            if not acts and not stands_in:
                continue
            end_token = judged
        else:
            continue
        found.append(
            Stance(
                holder=holder[0],
                holder_text=holder[1],
                acts=acts,
                sign=-sign if not_done else sign,
                start=base + token.idx,
                end=base + end_token.idx + len(end_token.text),
                stands_in=stands_in,
            )
        )
    return found


def _span(side: Side, stance: Stance) -> Span:
    document = side.document
    return Span(
        document=document.id,
        statement=side.statement.id,
        start=stance.start,
        end=stance.end,
        text=document.text[stance.start : stance.end],
    )


def _act_word(acts: frozenset[str]) -> str:
    if _PERMIT_KEY in acts:
        return "giving permission"
    return ", ".join(sorted(acts)[:2])


def stance_drafts(claim: Claim, claim_index: int, side: Callable[[str], Side]) -> list[Draft]:
    """Opposite stances of one holder on one act, between two reports of the claim."""
    by_document: dict[str, list[Side]] = {}
    for statement_id in claim.statements:
        s = side(statement_id)
        by_document.setdefault(s.document.id, []).append(s)
    stances: dict[str, list[tuple[Side, Stance]]] = {}
    for document_id, sides in by_document.items():
        sides.sort(key=lambda s: s.statement.start)
        earlier_acts: frozenset[str] = frozenset()
        for s in sides:
            parsed = nlp.parse(s.statement.text)
            for stance in _stances(s):
                if stance.stands_in:
                    if not earlier_acts:
                        continue
                    stance = Stance(
                        stance.holder,
                        stance.holder_text,
                        earlier_acts,
                        stance.sign,
                        stance.start,
                        stance.end,
                        True,
                    )
                stances.setdefault(document_id, []).append((s, stance))
            if parsed is not None:
                earlier_acts = main_acts(parsed)
    documents = sorted(stances)
    drafts: list[Draft] = []
    for i, first in enumerate(documents):
        for second in documents[i + 1 :]:
            hit = _opposite(stances[first], stances[second])
            if hit is not None:
                drafts.append(_draft(claim_index, *hit))
    return drafts


def _opposite(
    xs: Sequence[tuple[Side, Stance]], ys: Sequence[tuple[Side, Stance]]
) -> tuple[Side, Stance, Side, Stance] | None:
    for a, x in xs:
        for b, y in ys:
            if x.holder == y.holder and x.sign != y.sign and x.acts & y.acts:
                return a, x, b, y
    return None


def _draft(claim_index: int, a: Side, x: Stance, b: Side, y: Stance) -> Draft:
    span_a, span_b = _span(a, x), _span(b, y)
    act = _act_word(x.acts & y.acts)
    for_label, against_label = (a.label, b.label) if x.sign > 0 else (b.label, a.label)
    lead = (
        f"Opposite stances of {x.holder_text} on {act}: {for_label} has {x.holder_text} for it, "
        f"{against_label} against it"
    )
    return Draft(
        type=FindingType.POLARITY,
        severity=Severity.MEDIUM,
        claim_index=claim_index,
        statements=(a.statement.id, b.statement.id),
        message=f"{lead}. {a.label}: {quote(span_a)} — {b.label}: {quote(span_b)}",
        spans=(span_a, span_b),
        conflict=True,
    )
