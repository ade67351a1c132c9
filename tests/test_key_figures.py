"""The story's key figures side by side: slots read from the facts, a recalled past event kept out."""

from __future__ import annotations

from compare import Document, compare_documents
from compare.key_figures import KEY_FIGURE_ROWS, key_figures
from compare.model import (
    Comparison,
    Fact,
    FactKind,
    FigureKind,
    Finding,
    FindingType,
    KeyFigure,
    Severity,
    Span,
    Statement,
    StatementKind,
)
from compare.options import Options

# Invented reports of one invented fire: tolls worded differently, and a fire of 2009 that one recalls.
DEPOT = {
    "Alpha": (
        "Fire at Lorton depot kills 12\n\n"
        "A fire at a fuel depot in Lorton killed 12 people on Friday night, the fire service said. "
        "Chief Marta Quill said crews fought the blaze for six hours. "
        "In 2009 a fire at the same depot killed 40 people."
    ),
    "Beta": (
        "Lorton depot blaze: death toll rises to 15\n\n"
        "Fifteen people died in the fire that swept through a fuel depot in Lorton on Friday, officials "
        "said. Fire chief Marta Quill said the blaze burned for six hours."
    ),
    "Gamma": (
        "Depot fire in Lorton\n\n"
        "At least 15 people were killed when fire engulfed a fuel depot in Lorton on Friday. Marta Quill, "
        "the fire chief, said it took 6 hours to put out the flames."
    ),
}
# The same toll in words and in digits.
SAME_TOLL = {
    "Alpha": "Bridge collapse in Harwick\n\nA road bridge collapsed in Harwick on Sunday, killing six.",
    "Beta": "Harwick bridge falls\n\n6 people were killed when the bridge in Harwick collapsed on Sunday.",
}


def _compare(reports: dict[str, str]) -> Comparison:
    documents = [
        Document.from_text(text, id=name.lower(), outlet=name, published="2026-05-09")
        for name, text in reports.items()
    ]
    return compare_documents(documents, options=Options(embedder="lexical"))


def _row(comparison: Comparison, label: str) -> KeyFigure:
    return next(k for k in comparison.key_figures if k.label == label)


def _values(row: KeyFigure) -> list[list[str]]:
    return [[v.text for v in cell.values] for cell in row.cells]


def test_differing_tolls_share_a_row_marked_by_their_finding_and_a_recalled_fire_stays_out() -> None:
    comparison = _compare(DEPOT)
    killed = _row(comparison, "Killed")
    assert killed.kind is FigureKind.NUMBER
    assert [cell.document for cell in killed.cells] == ["alpha", "beta", "gamma"]
    values = _values(killed)
    assert values[0] == ["12"]  # not the 40 of the 2009 fire
    assert {"15", "Fifteen"} <= set(values[1])  # 'death toll rises to 15' is the toll too
    assert values[2] == ["At least 15"]
    assert killed.outlets == 3
    assert killed.disagreeing
    number_findings = {f.id for f in comparison.findings if f.type is FindingType.NUMBER}
    assert set(killed.findings) <= number_findings
    # every value quotes its document exactly
    texts = {d.id: d.text for d in comparison.documents}
    for cell in killed.cells:
        for value in cell.values:
            assert texts[cell.document][value.span.start : value.span.end] == value.span.text
    assert all("40" not in v.text for k in comparison.key_figures for c in k.cells for v in c.values)


def test_the_main_events_date_place_and_people_are_rows_first_by_outlets() -> None:
    comparison = _compare(DEPOT)
    kinds = {k.kind for k in comparison.key_figures}
    assert {FigureKind.WHEN, FigureKind.WHERE, FigureKind.PERSON} <= kinds
    assert _values(_row(comparison, "When")) == [["Friday"]] * 3
    assert _values(_row(comparison, "Where")) == [["Lorton"]] * 3
    assert _row(comparison, "Marta Quill").outlets == 3
    counts = [k.outlets for k in comparison.key_figures]
    assert counts == sorted(counts, reverse=True)
    assert [k.id for k in comparison.key_figures] == [f"k{n}" for n in range(1, len(counts) + 1)]


def test_six_and_6_are_one_value_in_other_words_and_no_disagreement() -> None:
    comparison = _compare(SAME_TOLL)
    killed = _row(comparison, "Killed")
    assert _values(killed) == [["six"], ["6"]]
    assert not killed.disagreeing
    assert all(v.finding is None for cell in killed.cells for v in cell.values)


def test_the_json_report_carries_the_key_figures() -> None:
    comparison = _compare(SAME_TOLL)
    data = comparison.to_dict()["key_figures"]
    killed = next(row for row in data if row["label"] == "Killed")
    assert killed["kind"] == "number" and killed["findings"] == [] and killed["outlets"] == 2
    assert killed["cells"][1]["document"] == "beta"
    assert killed["cells"][1]["values"][0]["text"] == "6"
    assert set(killed["cells"][1]["values"][0]["span"]) == {"document", "statement", "start", "end", "text"}


# --- the ranking and the cap, on hand-made facts (no parser) -------------------------------------------


def _statement(document: str, index: int, text: str) -> Statement:
    return Statement(f"{document}:s{index}", document, index, 0, len(text), text, StatementKind.BODY)


def _count(statement: Statement, text: str, noun: str, n: int) -> Fact:
    at = statement.text.index(text)
    return Fact(
        id=f"{statement.id}:f{n}",
        statement=statement.id,
        kind=FactKind.NUMBER,
        start=statement.start + at,
        end=statement.start + at + len(text),
        text=text,
        key=text,
        label="CARDINAL",
        value=float(text),
        role=noun,
        predicate="see",
        arg="obj",
    )


def test_rows_are_capped_and_a_row_a_finding_is_about_keeps_its_place() -> None:
    nouns = [f"noun{n}" for n in range(KEY_FIGURE_ROWS + 3)]
    documents = [Document.from_text("x", id=d) for d in ("a", "b", "c")]
    statements: list[Statement] = []
    facts: list[Fact] = []
    for index, noun in enumerate(nouns):
        # the first nouns are told by all three outlets, the last ones by two
        for document in ("a", "b", "c") if index < KEY_FIGURE_ROWS else ("a", "b"):
            value = "7" if noun != nouns[-1] or document == "a" else "9"
            statement = _statement(document, index, f"They saw {value} {noun}.")
            statements.append(statement)
            facts.append(_count(statement, value, noun, index))
    last = [s for s in statements if s.index == len(nouns) - 1]
    finding = Finding(
        "f-disputed",
        FindingType.NUMBER,
        Severity.HIGH,
        "c1",
        tuple(s.id for s in last),
        "Different numbers for the same thing.",
        tuple(Span(s.document, s.id, 9, 10, s.text[9:10]) for s in last),
    )
    rows = key_figures(documents, statements, facts, (), [finding])
    assert len(rows) == KEY_FIGURE_ROWS
    assert rows[-1].findings == ("f-disputed",)  # ranked by outlets, but a disputed row is never cut
    assert [r.outlets for r in rows[:-1]] == [3] * (KEY_FIGURE_ROWS - 1)
    assert key_figures(documents, statements, facts, (), []) and all(
        not r.findings for r in key_figures(documents, statements, facts, (), [])
    )
