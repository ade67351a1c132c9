"""Quotes that read well: whole words, cut at a clause or word with an ellipsis, quotation marks balanced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare.model import Span, Statement, StatementKind
from compare.render.quotes import balance, clip, span_display


def _statement(text: str, start: int = 100) -> Statement:
    return Statement("d:s0", "d", 0, start, start + len(text), text, StatementKind.BODY)


def _span(statement: Statement, begin: int, end: int) -> Span:
    at = statement.start
    return Span("d", statement.id, at + begin, at + end, statement.text[begin:end])


def test_a_span_cut_inside_a_word_is_widened_to_the_whole_word() -> None:
    text = "Such restrictions were introduced to please President Trump and his negotiations."
    statement = _statement(text)
    start = text.index("introduced") + 3
    assert span_display(_span(statement, start, text.index("negotiations") + 4), statement) == (
        "introduced to please President Trump and his negotiations"
    )


def test_a_quotation_the_span_opens_is_closed_from_the_statement() -> None:
    text = 'President Donald Trump called the move "stupid, a big mistake," and questioned why.'
    statement = _statement(text)
    span = _span(statement, text.index("called"), text.index("mistake") + len("mistake"))
    assert span_display(span, statement) == 'called the move "stupid, a big mistake,"'


def test_clip_prefers_a_clause_then_a_word_and_says_so_with_an_ellipsis() -> None:
    text = (
        "Defense Express cautiously assumes that such restrictions were introduced to please President "
        "Donald Trump, in particular his push to arrange direct negotiations"
    )
    assert clip(text, 120) == (
        "Defense Express cautiously assumes that such restrictions were introduced to please President "
        "Donald Trump …"
    )
    assert clip("one two three four five six", 14) == "one two three …"
    assert clip("short enough", 40) == "short enough"


def test_clip_closes_a_quotation_it_cuts() -> None:
    text = 'He said "we will never give up the position on the border whatever the others say" today'
    clipped = clip(text, 50)
    assert clipped.endswith('…"') and clipped.count('"') == 2
    assert balance("“half open") == "“half open”"
    assert balance("closed only”") == "“closed only”"


@given(st.text(alphabet=st.sampled_from(list('ab "“”,;: ')), max_size=300), st.integers(10, 200))
def test_clipped_quotes_are_short_and_balanced(text: str, limit: int) -> None:
    clipped = clip(text, limit)
    assert len(clipped) <= limit + 4
    assert clipped.count('"') % 2 == 0
    assert clipped.count("“") == clipped.count("”")
