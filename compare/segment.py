"""Split a document into statements with exact spans, and tell body text from captions,
bylines and boilerplate.

Statements tile the text: every non-space character belongs to exactly one statement.
Kinds are decided per line first (a caption line stays a caption even when it holds two
sentences), then per sentence. Segmenting reads the document's reading text (NFC, invisible format
characters out: compare/text.py), so a zero-width space or soft hyphen never splits or joins a
sentence; every span is mapped back to exact offsets into the text as given.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from compare.facts.times import CALENDAR_WORDS
from compare.limits import MAX_STATEMENT_CHARS  # over-long statements are cut at white space
from compare.model import Document, Statement, StatementKind
from compare.text import reading_text

_TERMINAL = ".!?…\"'”’»)]"
_CREDIT = re.compile(
    r"\b(?:photo|image|picture|screenshot|video|footage|illustration|graphic|infographic)"
    r"(?:\s+(?:credit|courtesy|source))?\s*:|"
    r"\b(?:credit|courtesy|photograph|photographer|illustrative photo)\s*:|"
    r"\bphoto\s+by\b|\b(?:getty images|afp photo|ap photo|reuters/|epa-efe|shutterstock)\b|"
    r"^(?:illustrative photo|file photo|pictured|above|top|left|right)\b[:.]",
    re.IGNORECASE,
)
_BOILERPLATE_START = re.compile(
    r"^\s*(?:read (?:more|also|next)|also read|see also|related(?: articles?| stories| news)?|"
    r"more on this|subscribe|sign up|follow us|share (?:this|on)|advertisement|sponsored|"
    r"click here|watch(?: now| video)?|listen(?: to)?|recommended|most read|trending|"
    r"copyright|all rights reserved|©|tags?|topics?|comments?|loading|skip to)\b\s*[:|-]?",
    re.IGNORECASE,
)
# Page furniture of paywalled and teaser pages: log-in, subscription and cookie prompts, "click here".
# Only short blocks or sentences (see _FURNITURE_MAX_WORDS) are judged by it, so a report about
# cookie law stays a report.
_FURNITURE = re.compile(
    r"^\s*(?:log ?in|sign ?in|sign ?up|register|subscribe|already (?:a )?(?:subscriber|member|registered)|"
    r"create (?:a |an )?(?:free )?account|continue reading|keep reading|read the full (?:story|article)|"
    r"become a (?:member|subscriber)|you(?:'ve| have) (?:reached|read) (?:your|the)|accept(?: all)? cookies|"
    r"(?:we|this (?:web)?site) uses? cookies|cookie (?:policy|settings|preferences)|"
    r"manage (?:cookies|consent)|"
    r"privacy (?:policy|settings)|terms (?:of|and) (?:use|service|conditions))\b|"
    r"\bclick here\b|\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie policy\b|"
    r"\b(?:for|only for|exclusive to) (?:subscribers|members)\b|\b(?:log|sign) in to (?:continue|read)\b",
    re.IGNORECASE,
)
_FURNITURE_MAX_WORDS = 30
_MARKUP_ONLY = re.compile(r"^[\s#*_|>\-=~`!\[\]()<>{}/\\.,:;'\"]*$")
_COUNTER = re.compile(r"^\s*[\d\s.,:kKmM+]*\s*(?:views?|reads?|shares?|comments?)?\s*$", re.IGNORECASE)
_BYLINE_START = re.compile(
    r"^\s*(?:by|written by|reporting by|reported by|editing by|edited by|compiled by|"
    r"author|authors|text|words)\b\s*:?\s+\S",
    re.IGNORECASE,
)
_BYLINE_SOURCE = re.compile(
    r"\((?:according to|source|sources|via|with|from|based on|theo)\b[^)]*\)\s*$", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# A line that is only a time stamp: 'May 03, 2013', 'Updated: July 2, 2013 15:01 IST', 'Tuesday, July 2nd,
# 2013', 'Originally published 05/03/2013 at 10:20 AM EDT'. It dates the page, it states nothing.
_STAMP_WORDS = frozenset(
    {
        *CALENDAR_WORDS,
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        *("st", "nd", "rd", "th", "am", "pm", "a", "p", "m", "at", "on", "of", "and"),
        *("updated", "update", "published", "posted", "modified", "created", "edited", "last", "first"),
        *("originally", "date", "time", "local"),
        *("gmt", "utc", "bst", "cet", "cest", "eet", "ist", "jst", "et", "est", "edt", "ct", "cst", "cdt"),
        *("mt", "mst", "mdt", "pt", "pst", "pdt", "aest", "aedt", "hkt", "sgt", "msk", "z"),
    }
)
_STAMP_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_STAMP_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class _Line:
    """A run of text treated as one block: one line, or hard-wrapped lines joined."""

    start: int
    end: int
    text: str


def segment(document: Document) -> list[Statement]:
    """Return the statements of a document, in order, each with its span and kind."""
    reading = reading_text(document.text)
    text = reading.text
    lines = list(_lines(text))
    line_kinds = _classify_lines(lines)
    statements: list[Statement] = []
    for line, kind in zip(lines, line_kinds, strict=True):
        for start, end in _sentences(text, line):
            sentence_kind = kind
            if kind is StatementKind.BODY:
                sentence_kind = _classify_sentence(text[start:end])
            given_start, given_end = reading.span(start, end)
            statements.append(
                Statement(
                    id=f"{document.id}:s{len(statements)}",
                    document=document.id,
                    index=len(statements),
                    start=given_start,
                    end=given_end,
                    text=document.text[given_start:given_end],
                    kind=sentence_kind,
                )
            )
    return statements


def _lines(text: str) -> Iterator[_Line]:
    """Yield blocks: each non-blank line, joining lines that a hard wrap broke mid-sentence."""
    raw: list[tuple[int, int]] = []
    position = 0
    for piece in text.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            raw.append((position + lead, position + lead + len(stripped)))
        position += len(piece)
    wrapped = _is_hard_wrapped(text, raw)
    index = 0
    while index < len(raw):
        start, end = raw[index]
        while index + 1 < len(raw) and _continues(text, raw, index, wrapped=wrapped):
            index += 1
            end = raw[index][1]
        yield _Line(start, end, text[start:end])
        index += 1


def _is_hard_wrapped(text: str, raw: list[tuple[int, int]]) -> bool:
    """Whether the text was wrapped at a fixed width: most lines long, similar and left open."""
    if len(raw) < 4:
        return False
    lengths = [end - start for start, end in raw]
    long_lines = [n for n in lengths if n >= 40]
    if len(long_lines) < 0.7 * len(lengths) or max(lengths) > 100:
        return False
    open_lines = sum(1 for start, end in raw if not text[start:end].endswith(tuple(_TERMINAL)))
    return open_lines >= 0.6 * len(raw)


def _continues(text: str, raw: list[tuple[int, int]], index: int, *, wrapped: bool) -> bool:
    """Whether line index+1 continues the sentence that line index leaves open."""
    start, end = raw[index]
    next_start, next_end = raw[index + 1]
    if text[start:next_start].count("\n") > 1:  # a blank line between: a paragraph break
        return False
    line = text[start:end]
    following = text[next_start:next_end]
    if line.endswith(tuple(_TERMINAL)) or line.endswith(("|", ":")) or _CREDIT.search(line):
        return False
    if following[:1].islower():
        return True
    return wrapped and len(line) >= 40


def _sentences(text: str, line: _Line) -> Iterator[tuple[int, int]]:
    """Yield sentence spans inside one block; together they cover all its non-space text."""
    starts = [
        line.start + offset for offset in _syntok_starts(line.text) if not _split_decimal(line.text, offset)
    ]
    if not starts or starts[0] != line.start:
        starts.insert(0, line.start)
    bounds = [*starts, line.end]
    for start, stop in itertools.pairwise(bounds):
        end = stop
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            yield from _cap_length(text, start, end)


# 'a magnitude-6. 1 quake', 'depth of 10 kilometres (6. 2 miles)': a decimal written with a space, as
# some wire feeds and converted pages do. A sentence of news never starts with a figure (style books
# spell it out), so a break between "6." and "1" is no sentence break.
_DIGIT_STOP = re.compile(r"\d\.\s+$")


def _split_decimal(block: str, offset: int) -> bool:
    """A sentence start that would split a spaced decimal ('6. 1') in two."""
    return (
        offset > 0
        and block[offset : offset + 1].isdigit()
        and bool(_DIGIT_STOP.search(block[max(0, offset - 4) : offset]))
    )


def _syntok_starts(block: str) -> list[int]:
    """Offsets where syntok starts a sentence within a block of text."""
    from syntok import segmenter

    starts: list[int] = []
    for paragraph in segmenter.analyze(block):
        for sentence in paragraph:
            if sentence:
                starts.append(sentence[0].offset)
    return starts


def _cap_length(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long span into pieces of at most MAX_STATEMENT_CHARS, at the last clause break
    (semicolon, colon, dash, comma) in the second half of each piece, else at the last white space."""
    while end - start > MAX_STATEMENT_CHARS:
        cut = _clause_break(text, start + MAX_STATEMENT_CHARS // 2, start + MAX_STATEMENT_CHARS)
        if cut <= start:
            cut = start + MAX_STATEMENT_CHARS
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


_CLAUSE_BREAKS = ("; ", ": ", " — ", " – ", " - ", ", ")


def _clause_break(text: str, low: int, high: int) -> int:
    """The offset just after the strongest clause break in text[low:high], else after its last space."""
    for mark in _CLAUSE_BREAKS:
        found = text.rfind(mark, low, high)
        if found > 0:
            return found + len(mark.rstrip())
    return text.rfind(" ", low, high)


def _classify_lines(lines: list[_Line]) -> list[StatementKind]:
    """Decide each block's kind from its own text and from the document around it."""
    kinds = [_line_kind(line.text) for line in lines]
    # Repeated blocks (a caption printed twice, a caption repeating itself with another
    # credit) are captions unless they read as plain prose.
    stems = Counter(_caption_stem(line.text) for line in lines)
    caption_stems = {
        _caption_stem(line.text)
        for line, kind in zip(lines, kinds, strict=True)
        if kind is StatementKind.CAPTION
    }
    for index, line in enumerate(lines):
        stem = _caption_stem(line.text)
        if (
            kinds[index] is StatementKind.BODY
            and stem
            and (stem in caption_stems or (stems[stem] > 1 and not _is_prose(line.text)))
        ):
            kinds[index] = StatementKind.CAPTION
    # Headlines: short unpunctuated lines before the first prose paragraph.
    for index, line in enumerate(lines):
        if kinds[index] is not StatementKind.BODY:
            continue
        if _is_prose(line.text):
            break
        if len(_WORD.findall(line.text)) <= 40:
            kinds[index] = StatementKind.HEADLINE
    # A byline at the very end: a short name line, possibly crediting sources.
    for index in range(len(lines) - 1, -1, -1):
        if kinds[index] is StatementKind.BODY:
            if _looks_like_closing_byline(lines[index].text):
                kinds[index] = StatementKind.BYLINE
            break
    return kinds


def _line_kind(line: str) -> StatementKind:
    """Kind of a block judged on its own text."""
    if _MARKUP_ONLY.match(line) or _COUNTER.match(line):
        return StatementKind.BOILERPLATE
    if _BOILERPLATE_START.match(line) or _is_furniture(line) or is_time_stamp(line):
        return StatementKind.BOILERPLATE
    if _CREDIT.search(line) or (line.rstrip().endswith("|") and not _is_prose(line.rstrip(" |"))):
        return StatementKind.CAPTION
    if _BYLINE_START.match(line) and len(_WORD.findall(line)) <= 12 and not _is_prose(line):
        return StatementKind.BYLINE
    return StatementKind.BODY


def is_time_stamp(line: str) -> bool:
    """A short line of digits and date, time and 'updated' words only: the page's time stamp."""
    words = [w.lower() for w in _STAMP_LETTERS.findall(line)]
    has_digit = any(ch.isdigit() for ch in line)
    return has_digit and len(words) <= _STAMP_MAX_WORDS and all(w in _STAMP_WORDS for w in words)


def _classify_sentence(sentence: str) -> StatementKind:
    """Kind of one sentence inside a body block (a stray credit or prompt inside a paragraph)."""
    if _MARKUP_ONLY.match(sentence) or _is_furniture(sentence):
        return StatementKind.BOILERPLATE
    return StatementKind.BODY


def _is_furniture(text: str) -> bool:
    """A short log-in, subscription or cookie prompt, or a 'click here' line."""
    return len(_WORD.findall(text)) <= _FURNITURE_MAX_WORDS and bool(_FURNITURE.search(text))


def _caption_stem(line: str) -> str:
    """The part of a block before a credit or a ' / ' separator, folded, for spotting repeats."""
    stem = re.split(
        r"\s+/\s+|\s*\|\s*|\b(?:photo|screenshot|image)\s*(?:credit)?\s*:", line, maxsplit=1, flags=re.I
    )[0]
    return " ".join(stem.lower().split())


def _is_prose(line: str) -> bool:
    """Whether a block reads as running text: ends like a sentence and has enough words."""
    return line.rstrip().endswith(tuple(_TERMINAL)) and len(_WORD.findall(line)) >= 6


def _looks_like_closing_byline(line: str) -> bool:
    """A last line such as 'Nhu Tam (According to WSJ, Reuters)' or 'Jane Doe, Kyiv'."""
    words = _WORD.findall(line)
    if not words or len(words) > 10 or (line.rstrip().endswith((".", "!", "?")) and len(words) > 4):
        return False
    if _BYLINE_SOURCE.search(line):
        return True
    name_part = line.split("(")[0].split(",")[0].strip()
    name_words = name_part.split()
    return 2 <= len(name_words) <= 4 and all(word[:1].isupper() for word in name_words) and len(words) <= 6
