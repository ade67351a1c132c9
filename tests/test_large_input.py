"""Large input: long statements are cut at clause breaks, and input past the size limits is refused
at once with the limit named (the cost of a comparison grows with its statements; see
bench/bench_large_input.py for time and memory)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.align.embed import BATCH_ATTENTION, BATCH_SIZE, token_batches
from compare.cli import main
from compare.errors import InputError
from compare.limits import MAX_STATEMENT_CHARS
from compare.model import Document
from compare.pipeline import _PARSE_AHEAD_CHARS
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


# One 500,000-character line with no sentence punctuation (#24 item 5), and its relatives: one 'word'
# with no spaces, many such lines. Each becomes statements of at most MAX_STATEMENT_CHARS, and the
# stages that grow with a statement's length work in batches bounded by size, not count (memory of
# bench/bench_large_input.py's cases: 2.5 GB before, under 1 GB now).
WORDS = [
    "council",
    "bridge",
    "money",
    "river",
    "mayor",
    "vote",
    "plan",
    "city",
    "work",
    "year",
    "people",
    "said",
    "officials",
]


def _words(size: int) -> str:
    return " ".join(WORDS[(i * 7) % len(WORDS)] for i in range(size // 5))[:size]


HOSTILE = {
    "words, one line": _words(499_999) + "\n",
    "one word": "abcdefghij" * 50_000,
    "many lines": (_words(4_999) + "\n") * 100,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_text_without_punctuation_becomes_bounded_statements(name: str) -> None:
    text = HOSTILE[name]
    statements = segment(Document.from_text(text, id="d"))
    assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in statements)
    lines = text.count("\n") + 1
    assert len(statements) <= len(text) // (MAX_STATEMENT_CHARS // 2) + lines  # each cut keeps >= 600
    assert "".join(s.text for s in statements).replace(" ", "").replace("\n", "") == (
        text.replace(" ", "").replace("\n", "")
    )


def test_encoder_batches_are_bounded_by_their_attention_size() -> None:
    lengths = [256] * 418 + [20] * 300 + [64] * 64  # statements cut at the limit, and real sentences
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches = token_batches(order, lengths)
    assert sorted(row for batch in batches for row in batch) == list(range(len(lengths)))
    for batch in batches:
        width = max(lengths[row] for row in batch)
        assert len(batch) <= BATCH_SIZE and len(batch) * width * width <= BATCH_ATTENTION
    assert [len(b) for b in batches if max(lengths[r] for r in b) <= 64][:5] == [64, 64, 64, 64, 64]
    assert max(len(b) for b in batches if max(lengths[r] for r in b) == 256) == 4


def test_statements_are_parsed_in_chunks_bounded_by_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from compare.facts import nlp

    chunks: list[list[str]] = []
    prepare_many = nlp.prepare_many

    def recording(texts: list[str]) -> None:
        chunks.append(list(texts))
        prepare_many(texts)

    monkeypatch.setattr(nlp, "prepare_many", recording)
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    line = tmp_path / "line.txt"
    line.write_text(_words(99_999) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(
        ["report", str(small), str(line), "-o", str(out), "-f", "json", "--embedder", "lexical", "-q"]
    )
    assert code == 0, capsys.readouterr().err
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    texts = [s["text"] for s in report["statements"] if s["document"] == "line"]
    assert len(texts) >= 99_999 // MAX_STATEMENT_CHARS and max(map(len, texts)) <= MAX_STATEMENT_CHARS
    assert len(chunks) >= 2 and all(sum(map(len, chunk)) <= _PARSE_AHEAD_CHARS for chunk in chunks)
