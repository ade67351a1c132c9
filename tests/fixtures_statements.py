"""Statements built straight from sentences, for alignment tests that skip ingest and segmentation."""

from __future__ import annotations

from compare.model import Statement, StatementKind


def statements_of(document: str, *sentences: str) -> list[Statement]:
    """One statement per sentence, spans as if joined by single spaces; the first is the headline."""
    out, offset = [], 0
    for index, sentence in enumerate(sentences):
        out.append(
            Statement(
                id=f"{document}:s{index}",
                document=document,
                index=index,
                start=offset,
                end=offset + len(sentence),
                text=sentence,
                kind=StatementKind.HEADLINE if index == 0 else StatementKind.BODY,
            )
        )
        offset += len(sentence) + 1
    return out
