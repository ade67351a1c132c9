"""decode_bytes / read_and_decode: text comes out, everything that is not text is refused by name."""

from __future__ import annotations

import codecs
import os
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from compare.decode import Decoded, decode_bytes, read_and_decode
from compare.errors import InputError
from compare.limits import MAX_INPUT_BYTES, human_size

RUSSIAN = "Президент заявил, что решение будет принято на следующей неделе."
FRENCH = "Le président a déclaré que la décision serait prise à la fin de l'été."


def test_plain_utf8_has_no_note() -> None:
    result = decode_bytes("Zürich — “quoted”.".encode(), name="a.txt")
    assert result == Decoded(text="Zürich — “quoted”.", encoding="utf-8", note=None)


def test_utf8_bom_is_dropped() -> None:
    result = decode_bytes(codecs.BOM_UTF8 + b"Hello.", name="a.txt")
    assert result.text == "Hello."
    assert result.encoding == "utf-8"


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-16", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32-le")],
)
def test_utf16_and_utf32_with_bom(codec: str, expected: str) -> None:
    data = FRENCH.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    result = decode_bytes(data, name="a.txt")
    assert result.text == FRENCH
    assert result.encoding == expected
    assert result.note is not None and "byte-order mark" in result.note


def test_utf16_without_bom_is_recognised_not_called_binary() -> None:
    result = decode_bytes(FRENCH.encode("utf-16-le"), name="a.txt")
    assert result.text == FRENCH
    assert result.encoding == "utf-16-le"
    assert result.note is not None


def test_cp1251_is_detected_and_said() -> None:
    result = decode_bytes(RUSSIAN.encode("cp1251"), name="ru.txt")
    assert result.text == RUSSIAN
    assert result.encoding == "cp1251"
    assert result.note is not None and "cp1251" in result.note


@pytest.mark.parametrize("text", [FRENCH, "Café déjà vu", "Größere Übungen für Mädchen."])
def test_latin1_text_reads_as_western_european(text: str) -> None:
    result = decode_bytes(text.encode("latin-1"), name="fr.txt")
    assert result.text == text
    assert result.encoding in {"cp1252", "latin_1"}
    assert result.note is not None and result.encoding in result.note


def test_empty_file() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: file is empty$"):
        decode_bytes(b"", name="a.txt")


@pytest.mark.parametrize("data", [b" ", b"\n\n\t  \r\n", "\u00a0\u2003\n".encode(), codecs.BOM_UTF8])
def test_whitespace_only_file(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.txt: file contains only whitespace"):
        decode_bytes(data, name="a.txt")


def _zip_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", FRENCH)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (_zip_bytes(), "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(InputError, match=rf"^story\.txt: looks like an? {kind}"):
        decode_bytes(data, name="story.txt")


def test_nul_bytes_mean_binary() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(InputError, match=r"^x\.txt: is a binary file \(contains NUL bytes\)"):
        decode_bytes(data, name="x.txt")


def test_many_control_bytes_mean_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 0x41, 0x42]) * 200
    with pytest.raises(InputError, match=r"^x\.txt: is a binary file"):
        decode_bytes(data, name="x.txt")


def test_random_bytes_are_refused() -> None:
    data = os.urandom(4096)
    with pytest.raises(InputError, match=r"^x\.bin: "):
        decode_bytes(data, name="x.bin")


def test_text_that_merely_starts_like_a_format_is_text() -> None:
    text = "MZ Airlines said on Monday. BZh is not bzip2. PK was not a zip."
    assert decode_bytes(text.encode(), name="a.txt").text == text


def test_a_few_control_characters_are_still_text() -> None:
    text = "A form feed\x0c and an escape \x1b[0m and one bell\x07 in a long enough line. " * 3
    assert decode_bytes(text.encode(), name="a.txt").text == text


def test_size_limit_is_named() -> None:
    with pytest.raises(InputError, match=r"^big\.txt: file is 1\.5 kB, over the input limit of 1 kB$"):
        decode_bytes(b"a" * 1500, name="big.txt", limit=1000)


def test_default_limit_is_named_in_the_message() -> None:
    assert human_size(MAX_INPUT_BYTES) == "10 MB"
    with pytest.raises(InputError, match=r"over the input limit of 10 MB"):
        decode_bytes(b"a " * (MAX_INPUT_BYTES // 2 + 1), name="big.txt")


def test_invalid_bytes_after_a_bom_are_reported() -> None:
    with pytest.raises(InputError, match=r"UTF-8 byte-order mark but is not valid UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", name="a.txt")


def test_read_and_decode_missing(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=rf"^{missing}: no such file$"):
        read_and_decode(missing)


def test_read_and_decode_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": is a directory, not a file$"):
        read_and_decode(tmp_path)


def test_read_and_decode_refuses_big_file_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: 60 MB on paper, nothing on disk
        handle.truncate(60_000_000)
    with pytest.raises(InputError, match=r"file is 60 MB, over the input limit of 10 MB"):
        read_and_decode(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_read_and_decode_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Text.", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match=r": permission denied$"):
            read_and_decode(path)
    finally:
        path.chmod(0o600)


def test_read_and_decode_reads_text(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    assert read_and_decode(path).text == RUSSIAN
