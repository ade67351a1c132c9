"""Size limits for input and statements, named once so messages and tests can quote them."""

from __future__ import annotations

from pathlib import Path

# Largest input file read, in bytes, before decoding. A long news article is tens of kilobytes and
# a saved web page a few megabytes; anything larger is refused with this limit named.
MAX_INPUT_BYTES = 10_000_000

# Largest document text, in characters, after decoding and article extraction: about 100,000 words,
# far beyond the longest news report, and room for bench/bench_pipeline.py's 2 x 5,000-sentence case
# (~470,000 characters each, <= 60 s and 2 GB). The cost grows with the statements (spaCy parses each,
# the PDF lays out every source text), so larger input is refused with this limit named rather than
# run for minutes (bench/bench_large_input.py).
MAX_DOCUMENT_CHARS = 600_000

# Largest text of all documents of one comparison together, in characters.
MAX_TOTAL_CHARS = 1_200_000

# Longest statement the segmenter should emit; longer runs without punctuation are cut at
# whitespace near this length so one pasted line cannot become one enormous statement.
MAX_STATEMENT_CHARS = 1_200

# How many leading bytes are sniffed for binary content (magic numbers, control characters).
SNIFF_BYTES = 65_536

# Share of control characters (other than tab, newline, carriage return, form feed) in the
# sniffed bytes above which a file is treated as binary rather than text.
MAX_CONTROL_RATIO = 0.05


def read_bounded(path: Path, limit: int) -> bytes | None:
    """At most limit bytes of a file, or None when it holds more (checked while reading, not by stat)."""
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    return None if len(data) > limit else data


def human_size(size: int) -> str:
    """A byte count as a short readable figure (decimal units, as the limits above are written)."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value.is_integer() else f"{value:.1f} {unit}"
    return f"{size} bytes"


# Largest metadata block (YAML front matter, a sidecar), in bytes; real ones are a few hundred.
MAX_METADATA_BYTES = 65_536

# Most YAML nodes (scalars, lists, mappings) one metadata block may hold. Aliases are refused
# outright: nested aliases expand exponentially (a 500-byte "billion laughs" block).
MAX_METADATA_NODES = 1_000

# Deepest nesting of lists and mappings in a metadata block or a decisions file; real ones nest two or
# three levels. Deeper input is refused with this limit named (parsers recurse per level).
MAX_NESTING_DEPTH = 32

# Largest --notes file, in bytes: an editor's notes are a few paragraphs; every format lays them out.
MAX_NOTES_BYTES = 200_000

# Largest --decisions file, in bytes, and most decisions it may hold (a report has at most a few hundred
# findings; each decision's note is at most 4,000 characters).
MAX_DECISIONS_BYTES = 8_000_000
MAX_DECISIONS = 10_000

# Longest value kept per metadata field, in characters; longer values (a hostile page's
# og:site_name, a pasted --meta) are cut here and the user is told. The PDF lays each out once.
MAX_FIELD_CHARS = {
    "id": 80,
    "title": 300,
    "outlet": 120,
    "url": 2_000,
    "published": 40,
    "language": 35,
    "author": 200,
}
