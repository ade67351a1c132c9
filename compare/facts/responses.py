"""How a party answered what the story says of it: it denied it, or it gave no comment.

'The army denied carrying out the strike' and 'there was no immediate comment from the army' tell two
different answers from one party; the judge sets them against each other across reports
(compare.judge.responses). Read from the parse, once, when the statement is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from compare.facts import aliases

DENIED = "denied"
NO_COMMENT = "no comment"

# Verbs that refuse to comment when 'comment' completes them: 'declined to comment', 'refused to comment'.
_REFUSING = frozenset({"decline", "refuse"})
# Verbs whose negation says nothing came back from the party: 'could not be reached for comment', 'did
# not respond to requests for comment', 'did not return calls seeking comment'.
_UNANSWERED = frozenset({"reach", "respond", "return", "answer"})
_NAME_TYPES = frozenset({"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class ResponseReading:
    """One answer a statement says a party gave."""

    kind: str  # DENIED or NO_COMMENT
    party: frozenset[str]  # the names of who answered, as comparison keys ('sudan', 'sudan armed forces')
    start: int  # offsets in the statement's text of the words to quote ('the army denied')
    end: int


def read_responses(parsed: Any) -> list[ResponseReading]:
    """The answers a parsed statement reports, in order; only those of a named party."""
    out: list[ResponseReading] = []
    for token in parsed:
        found = _denial(token) or _no_comment(token)
        if found is None:
            continue
        kind, party_head, quoted = found
        party = _party(party_head)
        if not party:
            continue  # 'he denied it', 'officials declined to comment': nobody the reports can match
        start = min(t.idx for t in quoted)
        end = max(t.idx + len(t.text) for t in quoted)
        out.append(ResponseReading(kind, party, start, end))
    return out


def _denial(token: Any) -> tuple[str, Any, list[Any]] | None:
    """'X denied (that) ...': an asserted 'deny' with its subject."""
    if str(token.lemma_).lower() != "deny" or token.pos_ != "VERB" or _negated(token):
        return None
    subject = _subject(token)
    if subject is None:
        return None
    return DENIED, subject, [*subject.subtree, token]


def _no_comment(token: Any) -> tuple[str, Any, list[Any]] | None:
    """'no comment from X', 'X had no comment', 'X declined to comment', 'X could not be reached for
    comment'."""
    lemma = str(token.lemma_).lower()
    if lemma == "comment" and token.pos_ == "NOUN" and any(c.lower_ == "no" for c in token.children):
        froms = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"]
        source = next((g for c in froms for g in c.children if g.dep_ == "pobj"), None)
        said = [c for c in token.children if c.dep_ in ("det", "amod") and c.i < token.i]  # 'no immediate'
        if source is not None:
            return NO_COMMENT, source, [*said, token, *source.subtree]
        if token.head.pos_ in ("VERB", "AUX") and str(token.head.lemma_).lower() == "have":
            subject = _subject(token.head)
            if subject is not None:
                return NO_COMMENT, subject, [*subject.subtree, token.head, token]
        return None
    if lemma == "comment" and token.pos_ == "VERB":
        head = token.head
        if token.dep_ == "xcomp" and str(head.lemma_).lower() in _REFUSING:
            subject = _subject(head)
            if subject is not None:
                return NO_COMMENT, subject, [*subject.subtree, head, token]
        if _negated(token):  # 'the ministry would not comment'
            subject = _subject(token)
            if subject is not None:
                return NO_COMMENT, subject, [*subject.subtree, token]
        return None
    if lemma in _UNANSWERED and token.pos_ == "VERB" and _negated(token) and _asks_for_comment(token):
        subject = _subject(token)
        if subject is not None:
            return NO_COMMENT, subject, [*subject.subtree, token]
    return None


def _asks_for_comment(verb: Any) -> bool:
    return any(t.lower_ in ("comment", "comments") for t in verb.subtree)


def _negated(token: Any) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _subject(verb: Any) -> Any | None:
    """The subject of a verb, through the verbs it completes ('could not be reached', 'declined to')."""
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if node.dep_ not in ("xcomp", "conj") or node.head is node:
            return None
        node = node.head
    return None


def _party(head: Any) -> frozenset[str]:
    """The names in a party's phrase ('Sudan' in "Sudan's armed forces", 'SAF' in 'a SAF spokesman'),
    each as a comparison key; demonyms are kept as written ('sudanese'): the judge matches them."""
    return frozenset(aliases.normalise(" ".join(t.text for t in name)) for name in _names(head))


def _names(head: Any) -> Iterator[list[Any]]:
    """Runs of name words in the phrase headed by `head`, outside relative clauses."""
    run: list[Any] = []
    for token in _phrase(head):
        if token.pos_ == "PROPN" or (token.ent_type_ in _NAME_TYPES and token.is_alpha and not token.is_stop):
            if run and token.i != run[-1].i + 1:
                yield run
                run = []
            run.append(token)
    if run:
        yield run


def _phrase(head: Any) -> list[Any]:
    """The noun phrase without the clauses hung on it ('the army, which denied ...': the army)."""
    skip = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    return sorted((t for t in head.subtree if t.i not in skip), key=lambda t: t.i)
