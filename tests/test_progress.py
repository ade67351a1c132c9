"""Progress: a bar only on a terminal and never with --quiet; the bar says stage and counts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from compare.progress import NullProgress, Progress, TerminalProgress, make_progress


class FakeTTY(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_tty_gets_a_terminal_bar() -> None:
    assert isinstance(make_progress(stream=FakeTTY()), TerminalProgress)


def test_quiet_is_silent_even_on_a_tty() -> None:
    stream = FakeTTY()
    progress = make_progress(quiet=True, stream=stream)
    assert isinstance(progress, NullProgress)
    _run(progress)
    assert stream.getvalue() == ""


def test_not_a_tty_is_silent() -> None:
    stream = io.StringIO()
    progress = make_progress(stream=stream)
    assert isinstance(progress, NullProgress)
    _run(progress)
    assert stream.getvalue() == ""


def test_closed_stream_counts_as_not_a_tty() -> None:
    stream = io.StringIO()
    stream.close()  # isatty() now raises ValueError
    assert isinstance(make_progress(stream=stream), NullProgress)


def test_default_stream_is_stderr_not_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeTTY()
    monkeypatch.setattr("sys.stderr", fake)
    _run(make_progress())
    assert "segment" in fake.getvalue()
    assert capsys.readouterr().out == ""


def test_bar_shows_stage_counts_and_time() -> None:
    clock = Clock()
    progress = TerminalProgress(FakeTTY(), clock=clock, width=200)
    progress.stage("align", 8)
    clock.now += 1.5
    progress.advance(2)
    assert progress.line() == "align [######------------------] 2/8 1.5s"


def test_unknown_total_shows_a_count() -> None:
    progress = TerminalProgress(FakeTTY(), clock=Clock(), width=200)
    progress.stage("read", 0)
    progress.advance(3)
    assert progress.line() == "read 3 0.0s"


def test_overshoot_is_clamped() -> None:
    progress = TerminalProgress(FakeTTY(), clock=Clock(), width=200)
    progress.stage("judge", 2)
    progress.advance(5)
    assert "2/2" in progress.line()
    assert "#" * 24 in progress.line()


def test_line_fits_the_terminal() -> None:
    progress = TerminalProgress(FakeTTY(), clock=Clock(), width=20)
    progress.stage("a-very-long-stage-name", 10)
    assert len(progress.line()) == 19


def test_redraws_are_throttled_but_stage_ends_drawn() -> None:
    clock = Clock()
    stream = FakeTTY()
    progress = TerminalProgress(stream, clock=clock, width=200)
    progress.stage("facts", 1000)
    for _ in range(999):
        progress.advance()
    assert stream.getvalue().count("\r") == 1  # only the stage start: no time has passed
    progress.advance()
    assert stream.getvalue().count("\r") == 2  # the last step is always drawn
    assert stream.getvalue().endswith("1000/1000 0.0s")
    clock.now += 1
    progress.stage("align", 4)
    progress.advance()
    clock.now += 1
    progress.advance()
    assert stream.getvalue().endswith("align [############------------] 2/4 1.0s")


def test_close_clears_the_line_once_and_ignores_later_calls() -> None:
    stream = FakeTTY()
    progress = TerminalProgress(stream, clock=Clock(), width=200)
    _run(progress)
    after_close = stream.getvalue()
    assert after_close.endswith("\r\x1b[K")
    progress.close()
    progress.stage("again", 3)
    progress.advance()
    assert stream.getvalue() == after_close


def test_close_without_drawing_writes_nothing() -> None:
    stream = FakeTTY()
    TerminalProgress(stream).close()
    assert stream.getvalue() == ""


def test_advance_before_any_stage_is_ignored() -> None:
    stream = FakeTTY()
    TerminalProgress(stream).advance()
    assert stream.getvalue() == ""


def test_output_is_ascii_with_no_newlines() -> None:
    stream = FakeTTY()
    _run(TerminalProgress(stream, clock=Clock(), width=200))
    assert stream.getvalue().isascii()
    assert "\n" not in stream.getvalue()


def _run(progress: Progress) -> None:
    progress.stage("segment", 2)
    progress.advance()
    progress.advance()
    progress.stage("align", 3)
    progress.advance(3)
    progress.close()


# --- through the CLI -----------------------------------------------------------------------------------

STORY_A = "Bridge approved\n\nThe council approved the bridge on Monday. It will cost 40 million dollars.\n"
STORY_B = "Council backs bridge\n\nOn Monday the council backed the bridge. The cost is 45 million dollars.\n"


def _cli(tmp_path: Path, *extra: str) -> int:
    from compare.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text(STORY_B, encoding="utf-8")
    out = tmp_path / "out"
    return main(
        ["report", str(a), str(b), "-o", str(out), "--format", "json", "--embedder", "lexical", *extra]
    )


def test_cli_shows_stages_on_a_terminal_and_clears_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeTTY()
    monkeypatch.setattr("sys.stderr", fake)
    assert _cli(tmp_path) == 0
    shown = fake.getvalue()
    for stage in ("segment", "facts", "align", "judge"):
        assert f"\r\x1b[K{stage} [" in shown, stage
    bar_part = shown.rsplit("\r\x1b[K", 1)
    assert bar_part[1].startswith("compare: wrote ") or bar_part[1] == "", (
        "the bar was not cleared before messages"
    )


def test_cli_quiet_shows_no_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeTTY()
    monkeypatch.setattr("sys.stderr", fake)
    assert _cli(tmp_path, "--quiet") == 0
    assert fake.getvalue() == ""


def test_cli_shows_no_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(tmp_path) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "\x1b" not in err
    assert err.startswith("compare: wrote ")


def test_cli_error_after_the_bar_starts_is_printed_on_a_clean_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from compare.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY_A, encoding="utf-8")
    b.write_text("Read more: Bridge news\n", encoding="utf-8")  # passes ingest, fails in the segment stage
    fake = FakeTTY()
    monkeypatch.setattr("sys.stderr", fake)
    code = main(["report", str(a), str(b), "-o", str(tmp_path / "out"), "--embedder", "lexical"])
    assert code != 0
    shown = fake.getvalue()
    assert "segment [" in shown
    assert shown.rsplit("\r\x1b[K", 1)[1].startswith("compare: error: "), repr(shown[-200:])


class Recording:
    """A progress that keeps every stage with the steps advanced in it, in order."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, int, list[int]]] = []

    def stage(self, name: str, total: int) -> None:
        self.stages.append((name, total, []))

    def advance(self, n: int = 1) -> None:
        self.stages[-1][2].append(n)

    def close(self) -> None:
        pass


def test_models_load_as_stages_of_their_own_and_the_judge_advances_claim_by_claim() -> None:
    from compare import Document, compare_documents

    texts = {
        "a": "The council approved the budget on Monday. The mayor said 40 jobs would go. Rain fell.",
        "b": "On Monday the council approved the budget. The mayor said 50 jobs would go. Fans cheered.",
    }
    recording = Recording()
    comparison = compare_documents(
        [Document.from_text(t, id=i) for i, t in texts.items()], progress=recording
    )
    names = [name for name, _, _ in recording.stages]
    assert names.index("load language model") < names.index("facts")
    assert names.index("facts") < names.index("encode statements") < names.index("align")
    assert names[-1] == "judge"
    _, total, steps = recording.stages[-1]
    assert total == len(comparison.claims) > 1 and steps == [1] * total  # one step as each claim is judged


def test_rendering_is_a_stage_of_one_step_per_format() -> None:
    from compare import Document, compare_documents
    from compare.render import render_many

    comparison = compare_documents(
        [
            Document.from_text("The bridge opened on Monday.", id="a"),
            Document.from_text("The bridge opened.", id="b"),
        ]
    )
    recording = Recording()
    rendered = render_many(comparison, ["json", "html", "md"], progress=recording)
    assert set(rendered) == {"json", "html", "md"}
    assert recording.stages == [("render", 3, [1, 1, 1])]
