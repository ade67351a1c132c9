"""Turn the bytes of an input file into text, refusing what is not text and saying what was assumed."""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compare.errors import InputError
from compare.limits import MAX_CONTROL_RATIO, MAX_INPUT_BYTES, SNIFF_BYTES, human_size

__all__ = ["Decoded", "decode_bytes", "read_and_decode", "text_codec", "valid_strings", "valid_text"]

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# Leading bytes of file formats people save or rename by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document"),
    (b"\x00\x00\x01\x00", "an icon image"),
)
# RIFF containers (WebP, WAV, AVI) and ISO media (MP4, HEIC) carry their type a few bytes in.
_RIFF_TYPES = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}

# Control characters that plain text legitimately contains.
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")

# Legacy encodings preferred when charset-normalizer finds several equally plausible ones.
_PREFERRED_LEGACY = ("cp1252", "cp1251", "latin_1")


# Codecs Python knows that decode bytes to str but are no character set a page can be written in: the
# codecs documentation's "Python Specific Encodings" (escape formats, IDNA/punycode, an always-failing
# codec), the raw charmap codec, and UTF-7, which the WHATWG Encoding Standard drops (a script-smuggling
# vector). Binary and text transforms (base64, zlib, rot13, ...) are refused by _is_text_encoding.
_NOT_CHARSETS = frozenset(
    {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "charmap", "palmos", "utf-7"}
    | {"mbcs", "oem"}
)


def text_codec(label: str) -> str | None:
    """The codec for a declared charset label if it names a real text encoding, else None."""
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding it was read as, and a note for the user when that was a guess."""

    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes, *, name: str, limit: int = MAX_INPUT_BYTES) -> Decoded:
    """Decode an input file's bytes, or raise InputError naming the file and the problem.

    Args:
        data: the raw bytes as read from disk.
        name: how the user knows the input (its path); every message starts with it.
        limit: the largest input accepted, in bytes.

    Returns:
        The text, the encoding assumed ("utf-8", "utf-16-le", "cp1251", ...) and, when the
        encoding was not plain UTF-8, a one-line note saying what was assumed and why.
    """
    _check_size(len(data), name=name, limit=limit)
    if not data:
        raise InputError(f"{name}: file is empty")
    decoded = _decode_with_bom(data, name=name)
    if decoded is None:
        _refuse_binary(data, name=name)
        decoded = _decode_without_bom(data, name=name)
    if not decoded.text.strip():
        raise InputError(f"{name}: file contains only whitespace, no text")
    return decoded


def read_and_decode(path: Path, *, limit: int = MAX_INPUT_BYTES) -> Decoded:
    """Read one input file and decode it, turning every file-system problem into one InputError."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"{name}: is not a regular file (a pipe or a device); save the article to a file first"
        )
    _check_size(info.st_size, name=name, limit=limit)
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file that grew since stat() is still caught
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    return decode_bytes(data, name=name, limit=limit)


def _check_size(size: int, *, name: str, limit: int) -> None:
    if size > limit:
        raise InputError(f"{name}: file is {human_size(size)}, over the input limit of {human_size(limit)}")


def _decode_with_bom(data: bytes, *, name: str) -> Decoded | None:
    """Decode text that starts with a byte-order mark, dropping the mark; None when there is none."""
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                    f"(bad bytes at offset {error.start + len(bom)})"
                ) from None
            note = None if encoding == "utf-8" else f"decoded as {label} (byte-order mark)"
            return Decoded(text=text, encoding=encoding, note=note)
    return None


def _refuse_binary(data: bytes, *, name: str) -> None:
    """Raise InputError when the bytes are a known binary format or clearly not text."""
    head = data[:SNIFF_BYTES]
    kind = _magic_kind(head)
    if kind is not None:
        raise InputError(f"{name}: looks like {kind}, not text; give the article as .txt, .md or .html")
    if b"\x00" in head and _utf16_without_bom(head) is None:
        raise InputError(f"{name}: is a binary file (contains NUL bytes), not text")
    controls = sum(1 for byte in head if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    if b"\x00" not in head and controls > MAX_CONTROL_RATIO * len(head):
        raise InputError(
            f"{name}: is a binary file ({controls} control bytes in the first "
            f"{human_size(len(head))}), not text"
        )


def _magic_kind(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_TYPES:
        return _RIFF_TYPES[head[8:12]]
    if head[4:8] == b"ftyp":
        return "an MP4/HEIC media file"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """The UTF-16 codec whose zero bytes fit the data, or None.

    Mostly-Latin UTF-16 has a zero in every other byte; other scripts only at spaces, digits and
    punctuation, but then always on the same side, and the text it decodes to is not control codes.
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    zeros_even = head[0 : pairs * 2 : 2].count(0)
    zeros_odd = head[1 : pairs * 2 : 2].count(0)
    if zeros_odd >= 0.6 * pairs and zeros_even <= 0.05 * pairs:
        return "utf-16-le"
    if zeros_even >= 0.6 * pairs and zeros_odd <= 0.05 * pairs:
        return "utf-16-be"
    for codec, zeros, other in (("utf-16-le", zeros_odd, zeros_even), ("utf-16-be", zeros_even, zeros_odd)):
        if zeros >= 0.05 * pairs and other <= 0.005 * pairs and _reads_as_text(head[: pairs * 2], codec):
            return codec
    return None


def _reads_as_text(data: bytes, codec: str) -> bool:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    controls = sum(1 for char in text if ord(char) < 0x20 and char not in "\t\n\r\x0c")
    return controls <= 0.01 * len(text)


def _decode_without_bom(data: bytes, *, name: str) -> Decoded:
    """Decode UTF-16 without a mark (valid UTF-8 too, full of NULs), else UTF-8, else a legacy guess."""
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16 is not None:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            raise InputError(f"{name}: is a binary file (contains NUL bytes), not text") from None
        return Decoded(text=text, encoding=utf16, note=f"assumed {utf16} (no byte-order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise InputError(f"{name}: contains NUL bytes: binary, or text in an encoding we cannot tell")
        return Decoded(text=text, encoding="utf-8")
    encoding, text = _guess_legacy(data, name=name)
    _refuse_control_text(text, name=name, encoding=encoding)
    return Decoded(
        text=text,
        encoding=encoding,
        note=f"not valid UTF-8; assumed {encoding} (detected by charset-normalizer)",
    )


def _guess_legacy(data: bytes, *, name: str) -> tuple[str, str]:
    """Ask charset-normalizer for the most plausible legacy encoding, preferring common ones on ties."""
    # Imported here: only files that are not UTF-8 need it.
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: is not valid UTF-8 and no text encoding fits; save it as UTF-8")
    text = str(best)
    tied = {
        match.encoding
        for match in matches
        if match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.1
    }
    for preferred in _PREFERRED_LEGACY:
        if preferred == best.encoding:
            break
        if preferred in tied or _decodes_same(data, preferred, text):
            try:
                return preferred, data.decode(preferred)
            except UnicodeDecodeError:
                continue
    return best.encoding, text


def _decodes_same(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _refuse_control_text(text: str, *, name: str, encoding: str) -> None:
    """Refuse a guessed decoding that is still mostly control characters (binary that happened to decode)."""
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for char in sample if ord(char) < 0x20 and char not in "\t\n\r\x0c\x1b")
    if controls > MAX_CONTROL_RATIO * len(sample):
        raise InputError(f"{name}: is a binary file, not text (even read as {encoding})")


# --- strings that enter from outside a file's text: file names, arguments, JSON escapes ----------------

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _legacy_bytes(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 inside a name, read as Windows-1252 (what old archives and Windows wrote)."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("compare-legacy-bytes", _legacy_bytes)


def valid_text(value: str) -> tuple[str, bool]:
    """`value` as valid Unicode, and whether anything had to change.

    Python hands over a file name or an argument that is not UTF-8 with each bad byte kept as a lone
    surrogate; those bytes are read as Windows-1252 ('caf\\xe9.txt' reads 'café.txt'). Any other lone
    surrogate (a JSON escape such as \\ud800) cannot be written in any format and becomes U+FFFD.
    """
    if not _LONE_SURROGATE.search(value):
        return value, False
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", value), True
    return raw.decode("utf-8", "compare-legacy-bytes"), True


def valid_strings(data: Any) -> tuple[Any, int]:
    """Decoded JSON or YAML with every string (keys too) made valid; how many strings changed."""
    if isinstance(data, str):
        text, changed = valid_text(data)
        return text, int(changed)
    if isinstance(data, list):
        items = [valid_strings(item) for item in data]
        return [item for item, _ in items], sum(n for _, n in items)
    if isinstance(data, dict):
        out: dict[Any, Any] = {}
        total = 0
        for key, item in data.items():
            clean_key, key_changed = valid_strings(key)
            clean_item, item_changed = valid_strings(item)
            out[clean_key] = clean_item
            total += key_changed + item_changed
        return out, total
    return data, 0
