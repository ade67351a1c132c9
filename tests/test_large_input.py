"""Large input: long statements are cut at clause breaks, and input past the size limits is refused
at once with the limit named (the cost of a comparison grows with its statements; see
bench/bench_large_input.py for time and memory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.cli import main
from compare.errors import InputError
from compare.model import Document
from compare.segment import segment

STORY = "The city council approved the new bridge on Monday. The bridge will cost 40 million dollars.\n"
SENTENCE = "The council met on Monday and the mayor spoke about the bridge and the river. "


def test_a_long_sentence_is_cut_at_clause_breaks() -> None:
    clause = (
        "the council said that the new bridge across the wide river near the old town would cost far "
        "more than planned by the engineers"
    )
    text = ", ".join([clause] * 40) + ".\n"  # one 5,200-character sentence
    statements = segment(Document.from_text(text, id="d"))
    assert len(statements) > 3
    assert all(len(s.text) <= 1_200 for s in statements)
    assert all(s.text.endswith((",", ".")) for s in statements), [s.text[-20:] for s in statements]
    assert "".join(s.text for s in statements).replace(" ", "") == text.strip().replace(" ", "")


@pytest.mark.parametrize("megabytes", [1, 3, 10])
def test_input_over_the_document_limit_is_refused_at_once(
    megabytes: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    size = megabytes * 1_000_000 - 1_000  # just under the 10 MB file limit for the largest
    big.write_text((SENTENCE * (size // len(SENTENCE) + 1))[:size], encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["report", str(small), str(big), "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == InputError.exit_code
    assert err == (
        f"compare: error: {big}: article text is {size:,} characters, over the limit of 600,000 per "
        "document (about 100,000 words)\n"
    )
    assert not out.exists()


def test_documents_over_the_total_limit_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = []
    for index in range(3):
        path = tmp_path / f"d{index}.txt"
        path.write_text(f"Report {index}. " + SENTENCE * 6_000, encoding="utf-8")  # 468,010 characters each
        inputs.append(str(path))
    code = main(["report", *inputs, "-o", str(tmp_path / "out"), "--quiet"])
    assert code == InputError.exit_code
    assert capsys.readouterr().err == (
        "compare: error: the 3 documents hold 1,404,030 characters together, over the limit of 1,200,000 "
        "for one comparison\n"
    )
