"""Strings that are not valid text (a Latin-1 file name, bytes in --title or --meta, a lone surrogate in a
JSON escape) are made valid once where they enter, with a note, and every format is still written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare.decode import valid_strings, valid_text

ROOT = Path(__file__).resolve().parent.parent
STORY_A = b"The city council approved the new bridge on Monday. It will cost 40 million dollars.\n"
STORY_B = b"On Monday the council voted for the bridge. Officials put the cost at 45 million dollars.\n"
FAST = ["--embedder", "lexical", "--judge", "rules", "--now", "2026-01-01T00:00:00"]


def _run(args: list[bytes | str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "compare", "report", *args, *FAST, "-o", "out"],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=300,
    )


def _written(folder: Path) -> dict[str, object]:
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert names == ["report.html", "report.json", "report.md", "report.pdf"], names
    for name in ("report.html", "report.md"):
        (folder / name).read_text(encoding="utf-8")  # valid UTF-8 throughout
    data: dict[str, object] = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("odd", [b"caf\xe9", b"r\xe9sum\xe9 du jour", b"Stra\xdfe-\xff"])
def test_a_file_name_in_latin_1_bytes_gives_a_full_report_and_a_note(tmp_path: Path, odd: bytes) -> None:
    name = os.fsdecode(odd + b".txt")
    (tmp_path / name).write_bytes(STORY_A)
    (tmp_path / "b.txt").write_bytes(STORY_B)
    result = _run([odd + b".txt", "b.txt"], tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "Traceback" not in err
    assert "file name is not UTF-8" in err
    data = _written(tmp_path / "out")
    expected = odd.decode("cp1252") + ".txt"
    sources = [d["source"] for d in data["documents"]]  # type: ignore[index]
    assert expected in sources


def test_bytes_that_are_not_utf_8_in_title_and_meta_are_read_and_noted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY_A)
    (tmp_path / "b.txt").write_bytes(STORY_B)
    result = _run(
        ["a.txt", "b.txt", "--title", b"Pont \xe9lu", "--meta", b"b.outlet=Le Journal \xe9"], tmp_path
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "--title: not UTF-8" in err and "--meta b.outlet: not UTF-8" in err
    data = _written(tmp_path / "out")
    assert data["title"] == "Pont élu"
    outlets = {d["id"]: d["outlet"] for d in data["documents"]}  # type: ignore[index]
    assert outlets["b"] == "Le Journal é"


def test_a_lone_surrogate_in_a_decisions_note_or_a_sidecar_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY_A)
    (tmp_path / "b.txt").write_bytes(STORY_B)
    (tmp_path / "a.txt.meta.json").write_text('{"outlet": "Herald \\ud800"}', encoding="ascii")
    decisions = {
        "format": "compare-decisions",
        "version": 1,
        "decisions": [{"finding": "f-0000000000", "status": "dismissed", "note": "checked \\udfff twice"}],
    }
    (tmp_path / "d.json").write_text(json.dumps(decisions).replace("\\\\u", "\\u"), encoding="ascii")
    result = _run(["a.txt", "b.txt", "--decisions", "d.json"], tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "not text" in err
    data = _written(tmp_path / "out")
    outlets = {d["id"]: d["outlet"] for d in data["documents"]}  # type: ignore[index]
    assert outlets["a"] == "Herald \ufffd"
    assert "checked \ufffd twice" in json.dumps(data, ensure_ascii=False)


def test_valid_text_keeps_valid_text_and_says_when_it_changed_something() -> None:
    assert valid_text("Zürich, 東京") == ("Zürich, 東京", False)
    assert valid_text(os.fsdecode("naïve ".encode() + b"\xe9")) == ("naïve é", True)
    assert valid_text("x\ud83dy") == ("x\ufffdy", True)  # half of a surrogate pair
    cleaned, changed = valid_strings({"a\udcff": ["ok", "b\ud800", 3]})
    assert cleaned == {"aÿ": ["ok", "b\ufffd", 3]} and changed == 2


def test_decisions_saved_from_another_story_are_applied_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY_A)
    (tmp_path / "b.txt").write_bytes(STORY_B)
    saved = {
        "format": "compare-decisions",
        "version": 1,
        "report": {"title": "Another story", "documents": ["rome", "b"], "generated": "2026-01-01T00:00:00"},
        "decisions": [{"finding": "f-0123456789", "status": "confirmed"}],
    }
    (tmp_path / "d.json").write_text(json.dumps(saved), encoding="utf-8")
    result = _run(["a.txt", "b.txt", "--decisions", "d.json", "-q"], tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("compare: warning:")]
    assert len(warnings) == 1, err
    assert "rome" in warnings[0] and "a not in the report it was saved from" in warnings[0]
    assert "0 of its 1 decisions match a finding here" in warnings[0]
    _written(tmp_path / "out")
    # a file saved from this very set of reports is applied without a word
    saved["report"]["documents"] = ["a", "b"]  # type: ignore[index]
    (tmp_path / "d.json").write_text(json.dumps(saved), encoding="utf-8")
    result = _run(["a.txt", "b.txt", "--decisions", "d.json", "-q"], tmp_path)
    assert result.returncode == 0 and b"warning" not in result.stderr


@pytest.mark.parametrize("inline", ["<b>", "<font size=2>", "<span><i>", "<div>"])
def test_text_after_hundreds_of_unclosed_tags_is_read_with_a_note(tmp_path: Path, inline: str) -> None:
    page = (
        "<html><head><title>Council</title></head><body><article>"
        "<p>The council met on Monday to vote on the new bridge.</p>"
        + inline * 400
        + "Deep in the markup, 40 residents came to the meeting."
        + "</p><p>After the deep part, the mayor said the bridge will open in May.</p>"
        + "</article></body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(STORY_B)
    result = _run(["a.html", "b.txt"], tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "nested more than 200 deep were set aside" in err
    data = _written(tmp_path / "out")
    text = next(d["text"] for d in data["documents"] if d["id"] == "a")  # type: ignore[index]
    assert "40 residents came" in text and "the bridge will open in May" in text


def test_a_page_of_ordinary_depth_is_parsed_as_it_came() -> None:
    from compare.extract import MAX_PARSE_DEPTH, within_parse_depth

    page = "<html><body>" + "<div><p>Paragraph <b>bold</b> &amp; more.</p></div>" * 500 + "</body></html>"
    assert within_parse_depth(page) == (page, 0)
    deep = "<b>" * (MAX_PARSE_DEPTH + 5) + "x"
    rewritten, set_aside = within_parse_depth(deep)
    assert set_aside == 5 and rewritten.endswith("x") and rewritten.count("<b>") == MAX_PARSE_DEPTH


def test_text_after_a_deep_markdown_quote_or_list_is_read_with_a_note(tmp_path: Path) -> None:
    nested_list = "".join("  " * level + f"- level {level}\n" for level in range(260))
    note = (
        "The council met on Monday to vote on the new bridge.\n\n"
        + ">" * 1500
        + " Deep in a quote, 40 residents came to the meeting.\n\n"
        + nested_list
        + "\nAfter the deep part, the mayor said the bridge will open in May.\n"
    )
    (tmp_path / "a.md").write_text(note, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(STORY_B)
    result = _run(["a.md", "b.txt"], tmp_path)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 0, err
    assert "nested more than 200 deep were flattened" in err
    data = _written(tmp_path / "out")
    text = next(d["text"] for d in data["documents"] if d["id"] == "a")  # type: ignore[index]
    assert "40 residents came" in text and "level 259" in text and "the bridge will open in May" in text
