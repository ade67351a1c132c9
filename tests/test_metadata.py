"""Metadata is hostile input too: YAML is parsed with bounds, every field is capped, ids keep any script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.cli import main
from compare.errors import InputError
from compare.ingest import load_document

OUTLET_LIMIT, TITLE_LIMIT = 120, 300  # compare.limits.MAX_FIELD_CHARS
STORY_A = "The city council approved the new bridge on Monday. The bridge will cost 40 million dollars.\n"
STORY_B = "On Monday the council voted for the bridge. Officials put the cost at 45 million dollars.\n"

# 523 bytes that expand to 9^9 strings: the "billion laughs" shape, in a title.
ALIAS_BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "title: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "---\n"
)


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


def pair(tmp_path: Path, first: str, second: str = STORY_B, *, name: str = "a.txt") -> list[str]:
    a, b = tmp_path / name, tmp_path / "b.txt"
    a.write_text(first, encoding="utf-8")
    b.write_text(second, encoding="utf-8")
    return [str(a), str(b)]


def test_yaml_alias_bomb_in_front_matter_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = pair(tmp_path, ALIAS_BOMB + STORY_A)
    out = tmp_path / "out"
    code, err = cli(["report", *inputs, "-o", str(out), "--embedder", "lexical", "--quiet"], capsys)
    assert code == InputError.exit_code
    refusal = "front matter refused: YAML aliases (*name) are not allowed in metadata"
    assert err == f"compare: error: {inputs[0]}: {refusal}\n"
    assert not out.exists()


def test_yaml_alias_bomb_in_a_sidecar_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(ALIAS_BOMB.strip("-\n"), encoding="utf-8")
    with pytest.raises(InputError, match="YAML aliases"):
        load_document(tmp_path / "a.txt")


def test_yaml_with_too_many_values_or_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nauthor: [" + ",".join(["x"] * 5000) + "]\n---\n" + STORY_A, encoding="utf-8")
    with pytest.raises(InputError, match="more than 1,000 YAML values"):
        load_document(path)
    path.write_text("---\ntitle: " + "x" * 70_000 + "\n---\n" + STORY_A, encoding="utf-8")
    with pytest.raises(InputError, match=r"front matter is 70\.0 kB, over the limit of 65\.5 kB"):
        load_document(path)


def test_deeply_nested_json_sidecar_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("[" * 30_000 + "]" * 30_000, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_document(tmp_path / "a.txt")


def test_an_anchor_without_alias_is_plain_yaml(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\noutlet: &o Reuters\n---\n" + STORY_A, encoding="utf-8")
    assert load_document(path).document.outlet == "Reuters"


# --- every field bounded ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [9_000, 54_000])
def test_huge_outlet_from_meta_is_cut_and_said(
    size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = pair(tmp_path, STORY_A)
    out = tmp_path / "out"
    argv = ["report", *inputs, "-o", str(out), "--format", "json", "--embedder", "lexical"]
    code, err = cli([*argv, "--meta", "a.outlet=" + "Ex " * (size // 3)], capsys)
    assert code == 0, err
    assert f"compare: note: --meta a: outlet is {size - 1:,} characters; cut to the first 120" in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    outlet = next(doc["outlet"] for doc in report["documents"] if doc["id"] == "a")
    assert len(outlet) == OUTLET_LIMIT and outlet.endswith("…")


def test_huge_site_name_of_a_page_is_cut_and_said(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    body = "".join(f"<p>{sentence}</p>" for sentence in STORY_A.split(". "))
    page.write_text(
        f'<html><head><meta property="og:site_name" content="{"N" * 54_000}">'
        f"<title>{'T ' * 5000}</title></head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    loaded = load_document(page)
    assert loaded.document.outlet is not None and len(loaded.document.outlet) <= OUTLET_LIMIT
    assert loaded.document.title is not None and len(loaded.document.title) <= TITLE_LIMIT
    assert any(": outlet is " in notice and "cut to the first 120" in notice for notice in loaded.notices)


def test_metadata_values_become_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text('---\ntitle: "Line one\\nline two\\u0007\\u202e"\n---\n' + STORY_A, encoding="utf-8")
    assert load_document(path).document.title == "Line one line two"


# --- ids keep letters of any script ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Киев", "Киев"),
        ("日本語", "日本語"),
        ("हिन्दी", "हिन्दी"),
        ("Báo", "Báo"),
        ("Bão", "Bão"),
        ("Ba\u0301o", "Báo"),  # decomposed (as macOS names files) is the same id as composed
        ("a b/c", "a-b-c"),
    ],
)
def test_clean_id_keeps_any_script(raw: str, expected: str) -> None:
    from compare.metadata import clean_id

    assert clean_id(raw) == expected


def test_non_latin_file_names_are_distinct_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = {
        "Киев.txt": STORY_A,
        "日本語.txt": STORY_B,
        "Báo.txt": STORY_A + "Extra one.\n",
        "Bão.txt": STORY_B + "Two.\n",
    }
    for name, text in names.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    argv = ["report", *(str(tmp_path / n) for n in names), "-o", str(out), "--format", "json"]
    code, err = cli([*argv, "--embedder", "lexical", "--quiet"], capsys)
    assert code == 0, err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(doc["id"] for doc in report["documents"]) == sorted(["Киев", "日本語", "Báo", "Bão"])


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "evil\nname\x1b[31m.txt"
    bad.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(STORY_A, encoding="utf-8")
    code, err = cli(["report", str(good), str(bad), "-o", str(tmp_path / "out"), "--quiet"], capsys)
    assert code == InputError.exit_code
    assert err.count("\n") == 1 and err.startswith("compare: error: ")
    assert "evil\\nname\\x1b[31m.txt: file is empty" in err and "\x1b" not in err
