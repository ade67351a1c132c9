"""Property: whatever the text, every fact's span slices its exact text out of the document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.facts import extract_facts
from compare.model import Document, Statement, StatementKind

PIECES = st.sampled_from(
    [
        *"0123456789/:.,-$€£% ",
        "about ",
        "more than ",
        "at least ",
        "p.m.",
        "a.m.",
        " km",
        " miles",
        "May ",
        "spring ",
        "since ",
        "late ",
        "this year",
        " years",
        "several ",
        "not ",
        "n't",
        "said",
        "according to ",
        "Wednesday",
        "23/8",
        "99/99",
        "9" * 40,
        "’",
        "\n",
        "Mr. ",
        "U.S.",
        "Lucerne",
        "“",
        "”",
        "few",
        "hundred",
        "thousand",
        "first",
        "25th",
        "Flight 072",
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(PIECES, max_size=30).map("".join),
    st.sampled_from([None, "2025-08-24", "not a date", "08/23/00 13:09", "2025"]),
)
def test_fact_spans_are_exact_and_inside_their_statement(text: str, published: str | None) -> None:
    prefix = "Headline.\n"
    document = Document.from_text(prefix + text, id="d", published=published)
    statement = Statement("d:s1", "d", 1, len(prefix), len(prefix) + len(text), text, StatementKind.BODY)
    facts = extract_facts(statement, document)
    assert [f.id for f in facts] == [f"d:s1:f{n}" for n in range(1, len(facts) + 1)]
    for fact in facts:
        assert document.text[fact.start : fact.end] == fact.text
        assert statement.start <= fact.start <= fact.end <= statement.end
