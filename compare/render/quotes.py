"""Quotes that read well: whole words, cut at a clause or word boundary with an ellipsis, marks balanced.

Spans come from the judge as exact offsets; a span can start or end inside a word or inside a quotation.
Here they are widened to whole words (and to a closing quotation mark right after them) for display; the
exact spans stay in the JSON and are highlighted inside the full statements.
"""

from __future__ import annotations

import re

from compare.model import Span, Statement

ELLIPSIS = "…"
LINE_QUOTE_CHARS = 90  # one side of a "who says what" line
ITEM_QUOTE_CHARS = 240  # one statement in a compact list

_CLAUSE_BREAKS = (", ", "; ", ": ", " — ", " – ", " (")
_CLOSING_AFTER = re.compile(r'^[,.;:!?]{0,2}["”]')
_OPENING_BEFORE = re.compile(r'["“]$')
_TRAILING = ' ,;:—–-("“'


def span_display(span: Span, statement: Statement | None) -> str:
    """The span's text widened to whole words, and to a quotation mark it opens or closes just beside it."""
    if statement is None:
        return span.text
    text = statement.text
    start, end = span.start - statement.start, span.end - statement.start
    if not (0 <= start <= end <= len(text)):
        return span.text
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    shown = text[start:end]
    if _unbalanced(shown) > 0:  # opens a quotation it does not close: take the closing mark along
        closing = _CLOSING_AFTER.match(text[end:])
        if closing:
            end += closing.end()
    elif _unbalanced(shown) < 0:  # closes one it did not open
        opening = _OPENING_BEFORE.search(text[max(0, start - 1) : start])
        if opening:
            start -= 1
    return text[start:end]


def clip(text: str, limit: int) -> str:
    """One line of at most about `limit` characters, cut at a clause or else a word boundary, with '…'.

    Quotation marks left open by the cut (or by the source) are closed, so quotes always balance.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return balance(text)
    window = text[: limit + 1]
    clause = max(window.rfind(mark) for mark in _CLAUSE_BREAKS)
    if clause >= limit * 0.6:
        cut = window[:clause]
    elif window.rfind(" ") >= limit // 3:
        cut = window[: window.rfind(" ")]
    else:  # one very long word (a URL): cut inside it, there is no boundary to keep
        cut = window[:limit]
    return balance(cut.rstrip(_TRAILING) + " " + ELLIPSIS)


def balance(text: str) -> str:
    """Close quotation marks the text leaves open (straight " and curly “ ”); open ones it only closes."""
    if text.count('"') % 2:
        straight = _unbalanced(text.replace("“", "").replace("”", ""))
        text = text + '"' if straight > 0 else '"' + text
    opened, closed = text.count("“"), text.count("”")
    # stray marks beyond one are dropped rather than answered: a quote stays about as long as it was
    while opened - closed > 1:
        at = text.rfind("“")
        text, opened = text[:at] + text[at + 1 :], opened - 1
    while closed - opened > 1:
        at = text.find("”")
        text, closed = text[:at] + text[at + 1 :], closed - 1
    if opened > closed:
        text += "”"
    elif closed > opened:
        text = "“" + text
    return text


def _unbalanced(text: str) -> int:
    """Positive when a quotation is opened and not closed, negative when closed and not opened."""
    curly = text.count("“") - text.count("”")
    if curly:
        return curly
    if text.count('"') % 2 == 0:
        return 0
    last = text.rfind('"')
    opens = last + 1 < len(text) and not text[last + 1].isspace() and (last == 0 or text[last - 1].isspace())
    return 1 if opens else -1
