"""The decisions file: validated with one clear line per problem, applied to every output format."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fixtures_comparison import small_comparison

from compare.cli import main
from compare.errors import InputError
from compare.model import Decision, ReviewStatus
from compare.render import render
from compare.render.view import build_view
from compare.review import apply_decisions, decisions_document, load_decisions, parse_decisions

THREE = Path(__file__).resolve().parent / "fixtures" / "three_outlets"
NOW = "2026-03-04T12:00:00+00:00"


def _file(*decisions: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"format": "compare-decisions", "version": 1, "decisions": list(decisions), **top}


def test_a_valid_file_reads_back_in_order() -> None:
    decisions = parse_decisions(
        _file(
            {"finding": "f-0123456789", "status": "dismissed", "note": " both figures official "},
            {"finding": "f2", "status": "needs_checking", "decided": "2026-03-04T12:10:00Z", "about": "x"},
            report={"title": "t", "documents": ["a"], "generated": NOW},
        )
    )
    assert decisions == (
        Decision("f-0123456789", ReviewStatus.DISMISSED, "both figures official"),
        Decision("f2", ReviewStatus.NEEDS_CHECKING, None, "2026-03-04T12:10:00Z", "x"),
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"version": 1, "decisions": []}, "'format' must be 'compare-decisions'"),
        (_file(version=2), "version 2 is newer than this compare reads"),
        (_file(version="1"), "'version' must be a whole number"),
        ({"format": "compare-decisions", "version": 1}, "'decisions' must be a list"),
        (_file(extra=1), "unknown key 'extra'"),
        (_file({"finding": "f1", "status": "maybe"}), r"decisions\[0\]: 'status' 'maybe' is not one of"),
        (_file({"status": "confirmed"}), r"decisions\[0\]: 'finding' must be a finding id"),
        (_file({"finding": "f 1", "status": "open"}), "is not a finding id"),
        (_file({"finding": "f1", "status": "open", "note": 3}), "'note' must be text or null"),
        (_file({"finding": "f1", "status": "open", "decided": "yesterday"}), "not an ISO 8601 time"),
        (_file({"finding": "f1", "status": "open", "by": "me"}), "unknown key 'by'"),
        (
            _file({"finding": "f1", "status": "open"}, {"finding": "f1", "status": "dismissed"}),
            r"decisions\[1\]: finding 'f1' is decided twice",
        ),
    ],
)
def test_bad_files_are_refused_with_the_place_and_the_problem(data: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_decisions(data, source="review.json")


def test_file_problems_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="decisions file not found"):
        load_decisions(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.json: not valid JSON \(line 1"):
        load_decisions(broken)
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"x": "\xe9"}')
    with pytest.raises(InputError, match="not UTF-8"):
        load_decisions(latin)


def test_statuses_reach_the_view_dismissed_last_and_stale_listed() -> None:
    comparison = small_comparison()
    decided = apply_decisions(
        comparison,
        [
            Decision("f2", ReviewStatus.DISMISSED, "both figures are official", "2026-01-01T00:00:00Z"),
            Decision("f3", ReviewStatus.CONFIRMED, None),
            Decision("f-gone000000", ReviewStatus.CONFIRMED, "checked", about="Numbers differ — A: “1”"),
        ],
    )
    view = build_view(decided)
    assert [f.id for f in view.discrepancies] == ["f3"]
    assert [f.id for f in view.dismissed] == ["f2"]
    assert (
        view.dismissed[0].review is not None and view.dismissed[0].review.note == "both figures are official"
    )
    assert [(s.finding, s.status) for s in view.stale] == [("f-gone000000", "confirmed")]
    # 'only one source' (f1) is listed, not reviewed: it is not counted as open
    assert {o.value: o.count for o in view.review_counts} == {
        "open": 0,
        "needs_checking": 0,
        "confirmed": 1,
        "dismissed": 1,
    }
    summary = decided.summary()["review"]
    assert summary == {"open": 1, "needs_checking": 0, "confirmed": 1, "dismissed": 1, "stale": 1}
    data = json.loads(render(decided, "json"))
    reviews = {f["id"]: f["review"] for f in data["findings"]}
    assert reviews["f2"] == {
        "status": "dismissed",
        "note": "both figures are official",
        "decided": "2026-01-01T00:00:00Z",
    }
    assert reviews["f1"]["status"] == "open"
    assert [d["finding"] for d in data["review"]["stale"]] == ["f-gone000000"]
    assert parse_decisions(decisions_document(decided)) == decided.decisions  # the file round-trips


def test_every_format_records_the_decisions(tmp_path: Path) -> None:
    comparison = small_comparison()
    decided = apply_decisions(
        comparison,
        [
            Decision("f2", ReviewStatus.DISMISSED, "both are official figures"),
            Decision("f-gone000000", ReviewStatus.CONFIRMED, "old check"),
        ],
    )
    note = render(decided, "md").decode()
    assert "Review: 1 open, 0 needs checking, 0 confirmed, 1 dismissed, 1 stale." in note
    assert note.index("### Dismissed") > note.index("### Only in one report")
    assert "**Dismissed**: both are official figures (f2)" in note.split("### Dismissed")[1]
    assert "300 km" not in note.split("### Where they disagree")[1].split("###")[0]
    assert "**Confirmed** f-gone000000" in note.split("### Stale decisions")[1]
    html = render(decided, "html").decode()
    dismissed = html.split('id="dismissed"')[1].split("</section>")[0]
    assert "both are official figures" in dismissed and '<option value="dismissed" selected>' in dismissed
    assert 'data-stale-finding="f-gone000000"' in html
    if shutil.which("pdftotext"):
        pdf = tmp_path / "brief.pdf"
        pdf.write_bytes(render(decided, "pdf"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Dismissed both are official figures" in " ".join(text.split())
        assert "Stale decisions" in text and "f-gone000000" in text


@pytest.mark.slow
def test_cli_reads_decisions_and_refuses_a_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "first"
    args = ["report", str(THREE), "--embedder", "lexical", "--now", NOW, "-q", "-f", "json,md"]
    assert main([*args, "-o", str(out)]) == 0
    findings = json.loads((out / "report.json").read_text(encoding="utf-8"))["findings"]
    number = next(f for f in findings if f["type"] == "number")
    review = tmp_path / "review.json"
    review.write_text(
        json.dumps(
            _file({"finding": number["id"], "status": "dismissed", "note": "300 is the official count"})
        ),
        encoding="utf-8",
    )
    again = tmp_path / "again"
    assert main([*args, "-o", str(again), "--decisions", str(review), "--title", "Castlebrook fire"]) == 0
    data = json.loads((again / "report.json").read_text(encoding="utf-8"))
    assert data["title"] == "Castlebrook fire" and data["summary"]["review"]["dismissed"] == 1
    assert next(f for f in data["findings"] if f["id"] == number["id"])["review"]["status"] == "dismissed"
    note = (again / "report.md").read_text(encoding="utf-8")
    assert note.startswith("## Castlebrook fire\n")
    assert "**Dismissed**: 300 is the official count" in note.split("### Dismissed")[1]

    review.write_text(json.dumps(_file({"finding": number["id"], "status": "wrong"})), encoding="utf-8")
    capsys.readouterr()
    assert main([*args, "-o", str(tmp_path / "bad"), "--decisions", str(review)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("compare: error: ") and "'status' 'wrong' is not one of" in error
    assert error.count("\n") == 1
    assert main([*args, "-o", str(tmp_path / "bad"), "--title", "  "]) == 2
