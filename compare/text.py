"""Text as it enters the system: made valid once at the edge, and read through a normalised view.

Valid: a str that comes from outside may hold lone surrogates, which no encoder writes, so one of them
anywhere in a report used to end the run at rendering. File names and command-line arguments arrive
with undecodable bytes as U+DC80..U+DCFF (Python's surrogateescape), JSON and YAML accept "\\ud800"
escapes, and a few codecs yield them. `valid_text` replaces each with U+FFFD and counts them; the caller
says where, so the report can say what was replaced.

Read: what the stages read is the text in NFC without invisible format characters (soft hyphen,
zero-width space and joiners, bidi marks, the byte-order mark), so that "4\\u00ad0" reads as 40 and a
name typed in NFD is the name in NFC. `reading_text` keeps, for every character read, the exact stretch
of the given text it came from, so that spans found in the reading map back to offsets into what the
user gave (spans quote the user's text, never the reading).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from itertools import pairwise

__all__ = ["REPLACEMENT", "ReadingText", "invalid_count", "reading_text", "valid_text"]

REPLACEMENT = "\ufffd"

_SURROGATE = re.compile("[\ud800-\udfff]")

# Invisible format characters (Unicode category Cf) left out of the reading. The prepended concatenation
# marks, which are Cf but drawn (Arabic number signs U+0600..U+0605, U+06DD, U+070F, U+0890..U+0891,
# U+08E2, Kaithi U+110BD and U+110CD), stay.
_INVISIBLE_RANGES = (
    "\u00ad",  # soft hyphen
    "\u061c",  # Arabic letter mark
    "\u180e",  # Mongolian vowel separator
    "\u200b-\u200f",  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    "\u202a-\u202e",  # bidi embeddings and overrides
    "\u2060-\u2064",  # word joiner, invisible operators
    "\u2066-\u206f",  # bidi isolates, deprecated format characters
    "\ufeff",  # zero-width no-break space (byte-order mark)
    "\ufff9-\ufffb",  # interlinear annotation
    "\U00013430-\U00013438",  # Egyptian hieroglyph format controls
    "\U0001bca0-\U0001bca3",  # shorthand format controls
    "\U0001d173-\U0001d17a",  # musical symbol format controls
    "\U000e0001",  # language tag
    "\U000e0020-\U000e007f",  # tag characters
)
INVISIBLE = re.compile("[" + "".join(_INVISIBLE_RANGES) + "]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_SPACE = re.compile(r"\S")


def invalid_count(text: str) -> int:
    """How many characters of the text no encoder can write (lone surrogates)."""
    if text.isascii():
        return 0
    return len(_SURROGATE.findall(text))


def valid_text(text: str) -> tuple[str, int]:
    """The text with every lone surrogate replaced by U+FFFD, and how many were replaced."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn(REPLACEMENT, text)


@dataclass(frozen=True, slots=True)
class ReadingText:
    """The text the stages read and, per character, the stretch of the original it stands for.

    `starts[i]:ends[i]` is the stretch of `original` that `text[i]` came from; both are None when the
    reading is the original itself (plain text, the usual case).
    """

    text: str
    original: str
    starts: array[int] | None = field(default=None, repr=False)
    ends: array[int] | None = field(default=None, repr=False)

    @property
    def exact(self) -> bool:
        """Whether the reading is the original text itself (offsets need no mapping)."""
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The stretch of the original text that `text[start:end]` was read from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside a text of {len(self.text)} characters")
        if self.starts is None or self.ends is None:
            return start, end
        if start == end:
            at = self.starts[start] if start < len(self.text) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]


def reading_text(text: str) -> ReadingText:
    """The text as the stages read it: NFC, invisible format characters out, mapped back exactly.

    An invisible character belongs to the visible character just before it, or, after white space, to
    the next visible one, so each still falls inside the statement around it.
    """
    if text.isascii() or (not INVISIBLE.search(text) and unicodedata.is_normalized("NFC", text)):
        return ReadingText(text, text)
    kept, k_starts, k_ends = _without_invisible(text)
    if unicodedata.is_normalized("NFC", kept):
        return ReadingText(kept, text, k_starts, k_ends)
    pieces: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    done = 0  # kept[:done] is in pieces already
    for run in _NON_ASCII.finditer(kept):
        low = max(run.start() - 1, 0)  # the ASCII letter a mark may compose with
        region = kept[low : run.end()]
        if unicodedata.is_normalized("NFC", region):
            continue
        pieces.append(kept[done:low])
        starts.extend(k_starts[done:low])
        ends.extend(k_ends[done:low])
        for first, last in _clusters(region):
            cluster = region[first:last]
            normal = unicodedata.normalize("NFC", cluster)
            if normal == cluster:
                starts.extend(k_starts[low + first : low + last])
                ends.extend(k_ends[low + first : low + last])
            else:  # each character of the composed cluster stands for the whole cluster
                starts.extend([k_starts[low + first]] * len(normal))
                ends.extend([k_ends[low + last - 1]] * len(normal))
            pieces.append(normal)
        done = run.end()
    pieces.append(kept[done:])
    starts.extend(k_starts[done:])
    ends.extend(k_ends[done:])
    return ReadingText("".join(pieces), text, starts, ends)


def _without_invisible(text: str) -> tuple[str, array[int], array[int]]:
    """The text without invisible characters, and the stretch of the text each kept character covers."""
    pieces: list[str] = []
    starts: array[int] = array("q")
    runs: list[tuple[int, int, int]] = []  # (start, end) in text, and the index of the next kept char
    cursor = 0
    for run in INVISIBLE.finditer(text):
        pieces.append(text[cursor : run.start()])
        starts.extend(range(cursor, run.start()))
        runs.append((run.start(), run.end(), len(starts)))
        cursor = run.end()
    pieces.append(text[cursor:])
    starts.extend(range(cursor, len(text)))
    kept = "".join(pieces)
    ends = array("q", (start + 1 for start in starts))
    for low, high, following in runs:
        if following > 0 and not kept[following - 1].isspace():
            ends[following - 1] = high
            continue
        after = _NON_SPACE.search(kept, following)
        if after is not None:  # the white space between goes along, so starts stay in order
            for index in range(following, after.start() + 1):
                starts[index] = min(starts[index], low)
            continue
        before = next((i for i in range(following - 1, -1, -1) if not kept[i].isspace()), None)
        if before is not None:
            ends[before] = high
    return kept, starts, ends


def _clusters(region: str) -> list[tuple[int, int]]:
    """The region cut where normalisation cannot reach across: before starters composing with nothing."""
    bounds = [i for i, char in enumerate(region) if i == 0 or unicodedata.combining(char) == 0]
    clusters: list[tuple[int, int]] = []
    for first, last in pairwise([*bounds, len(region)]):
        if clusters:
            before = region[clusters[-1][0] : first]
            joined = unicodedata.normalize("NFC", before + region[first:last])
            apart = unicodedata.normalize("NFC", before) + unicodedata.normalize("NFC", region[first:last])
            if joined != apart:
                clusters[-1] = (clusters[-1][0], last)
                continue
        clusters.append((first, last))
    return clusters
