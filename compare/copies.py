"""Copies of one text: documents that carry the same wire story, so that they count as one source.

Two documents are copies when most of the shorter one's claim statements (COPY_SHARE) have a
near-identical statement in the other: the same words once case, punctuation and spacing are set aside,
at a character ratio of at least NEAR_IDENTICAL (a changed word or figure in a long sentence still
matches; a paraphrase does not). A changed headline, a different dateline, a trimmed last paragraph or
a rewritten lead leave most statements word for word, so the pair stays a copy; two independent reports
that share a quote or a few wire sentences have most of their statements in their own words, so they do
not. Statements shorter than MIN_CHARS ("He said.") prove nothing and are not counted on either side.

A document that carries a long passage of another verbatim but is otherwise its own reporting is not a
copy: it counts as its own source, because what it adds is independent. Only the share of the shorter
document decides, so an outlet that runs the whole wire story and adds a paragraph of its own is a copy.

Groups are transitive (A copies B and B copies C: one group of three).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from compare.model import CopyGroup, Document, Statement

NEAR_IDENTICAL = 90.0  # rapidfuzz ratio (0..100) of two normalised statements that are one sentence
COPY_SHARE = 0.6  # share of the shorter document's statements the other must carry for a copy
MIN_STATEMENTS = 3  # fewer matched statements than this is never a copy, whatever the share
MIN_CHARS = 25  # statements shorter than this (normalised) are not counted

_NOT_WORD = re.compile(r"[\W_]+")


def copy_groups(documents: Sequence[Document], statements: Sequence[Statement]) -> tuple[CopyGroup, ...]:
    """The groups of documents that carry one text, in document order; documents in none are left out.

    Args:
        documents: the reports, in report order.
        statements: their statements; only claim statements (headline and body) are read.

    Returns:
        One CopyGroup per group of two or more documents.
    """
    texts: dict[str, list[str]] = {d.id: [] for d in documents}
    for statement in statements:
        if statement.kind.is_claim and statement.document in texts:
            text = normalise(statement.text)
            if len(text) >= MIN_CHARS:
                texts[statement.document].append(text)
    order = [d.id for d in documents]
    parent = {d: d for d in order}
    shares: dict[str, float] = {}

    def root(d: str) -> str:
        while parent[d] != d:
            d = parent[d]
        return d

    links: list[tuple[str, str, float]] = []
    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            share = shared_share(texts[a], texts[b])
            if share is not None:
                links.append((a, b, share))
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb, key=order.index)] = min(ra, rb, key=order.index)
    for a, _, share in links:
        r = root(a)
        shares[r] = min(shares.get(r, 1.0), share)
    members: dict[str, list[str]] = {}
    for d in order:
        members.setdefault(root(d), []).append(d)
    return tuple(
        CopyGroup(documents=tuple(group), shared=shares[r]) for r, group in members.items() if len(group) > 1
    )


def shared_share(a: Sequence[str], b: Sequence[str]) -> float | None:
    """The share of the shorter side's statements the other carries near word for word, when a copy."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < MIN_STATEMENTS:
        return None
    scores = process.cdist(shorter, longer, scorer=fuzz.ratio, score_cutoff=NEAR_IDENTICAL, workers=1)
    matched = int((scores.max(axis=1) >= NEAR_IDENTICAL).sum())
    share = matched / len(shorter)
    if matched < MIN_STATEMENTS or share < COPY_SHARE:
        return None
    return share


def normalise(text: str) -> str:
    """A statement's words, lower case, punctuation and spacing set aside."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())
