"""Each document's language is known; for one not in English the limits are said, not silently met."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.cli import main
from compare.language import ENGLISH_ONLY, detect_language, is_english

ENGLISH = (
    "Council approves new bridge\n\nThe city council approved the new bridge on Monday. "
    "The bridge will cost 40 million dollars, the mayor said.\n"
)
RUSSIAN = (
    "Совет одобрил новый мост\n\nГородской совет одобрил строительство нового моста в понедельник. "
    "Мост обойдётся в 45 миллионов долларов, заявил мэр.\n"
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ENGLISH, "en"),
        (RUSSIAN, "ru"),
        (
            "Le conseil a approuvé le nouveau pont lundi. Le coût sera de 40 millions, a déclaré le maire.",
            "fr",
        ),
        ("議会は月曜日に新しい橋の建設を承認した。費用は四千万ドルになると市長は述べた。", "ja"),
        ("Hội đồng thành phố đã phê duyệt cây cầu mới vào thứ Hai.", "vi"),
        ("40 million.", None),  # too little to tell
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language
    assert detect_language(text) == detect_language(text)  # the same answer every run


def test_is_english_reads_metadata_tags() -> None:
    assert is_english("en") and is_english("en-GB") and is_english("EN_us") and is_english(None)
    assert not is_english("ru") and not is_english("zh-cn")


def test_a_russian_report_is_said_in_the_terminal_and_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english, russian = tmp_path / "en.txt", tmp_path / "ru.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    russian.write_text(RUSSIAN, encoding="utf-8")
    out = tmp_path / "out"
    argv = ["report", str(english), str(russian), "-o", str(out), "--format", "json", "--embedder", "lexical"]
    assert main(argv) == 0
    err = capsys.readouterr().err
    limits = "; ".join(ENGLISH_ONLY)
    assert f"compare: note: {russian}: language ru, not English; not judged for it yet: {limits}\n" in err
    assert f"{english}: language" not in err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {doc["id"]: doc["language"] for doc in report["documents"]} == {"en": "en", "ru": "ru"}
    assert report["settings"]["language_limits"] == {"ru": list(ENGLISH_ONLY)}


def test_metadata_language_wins_over_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ENGLISH, encoding="utf-8")
    b.write_text(
        "---\nlanguage: en\n---\n" + ENGLISH.replace("40", "45").replace("Monday", "Tuesday"),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert (
        main(["report", str(a), str(b), "-o", str(out), "-f", "json", "--embedder", "lexical", "--quiet"])
        == 0
    )
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "language_limits" not in report["settings"]
    assert [doc["language"] for doc in report["documents"]] == ["en", "en"]
