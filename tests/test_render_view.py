"""The view model: labels, anchors, ordering, word differences and highlights (no HTML involved)."""

from __future__ import annotations

from dataclasses import replace

from fixtures_comparison import TOLL_ACROSS_CLAIMS, small_comparison

from compare import Document, Options, compare_documents
from compare.model import Pair, Relation
from compare.render.pdf import brief_html
from compare.render.view import (
    SPAN_QUOTE_CHARS,
    Piece,
    build_view,
    highlight,
    message_lead,
    pair_label,
    span_quote,
    story_title,
    word_diff,
)


def marked(pieces: tuple[Piece, ...]) -> list[str]:
    return [p.text for p in pieces if p.mark]


def differing(pieces: tuple[Piece, ...]) -> list[str]:
    """The word diff of a claim's statement (shown on demand), as runs of text."""
    runs: list[str] = []
    for piece in pieces:
        if piece.diff and runs and pieces[pieces.index(piece) - 1].diff:
            runs[-1] += piece.text
        elif piece.diff:
            runs.append(piece.text)
    return [run.strip() for run in runs]


def test_word_diff_marks_only_what_differs_and_keeps_text() -> None:
    text = "Ukraine still has some ATACMS missiles left, officials said."
    other = "Ukraine still has a few ATACMS missiles left, US officials said."
    pieces = word_diff(text, other)
    assert "".join(p.text for p in pieces) == text
    assert marked(pieces) == ["some"]
    assert marked(word_diff(other, text)) == ["a few", "US"]


def test_word_diff_ignores_case_and_punctuation_and_keeps_odd_spacing() -> None:
    text = "  The ban, since LATE spring!\n"
    pieces = word_diff(text, "the ban since late spring")
    assert "".join(p.text for p in pieces) == text
    assert marked(pieces) == []


def test_highlight_marks_document_ranges_inside_a_statement() -> None:
    pieces = highlight("range of about 300 km.", 100, [(115, 121)])
    assert [(p.text, p.mark) for p in pieces] == [("range of about ", False), ("300 km", True), (".", False)]
    assert highlight("whole", 10, [(10, 15)]) == (Piece("whole"),)  # a span over all of it adds nothing


def test_pair_labels_speak_a_journalists_language() -> None:
    assert pair_label(Pair("a", "b", 0.95, Relation.AGREE)) == "same statement"
    assert pair_label(Pair("a", "b", 0.6, Relation.AGREE)) == "overlaps"
    assert pair_label(Pair("a", "b", 0.9, Relation.PARTIAL)) == "overlaps"
    assert pair_label(Pair("a", "b", 0.99, Relation.CONFLICT)) == "contradicts"
    assert pair_label(Pair("a", "b", 0.05, Relation.PARTIAL)) == "loosely related"
    assert pair_label(Pair("a", "b", 0.05, Relation.CONFLICT)) == "contradicts"
    # tied strongly but giving another figure: not the same statement, not loose either (the figure is
    # a finding's to show)
    assert pair_label(Pair("a", "b", 0.2, Relation.AGREE, link=0.9)) == "overlaps"
    assert pair_label(Pair("a", "b", 0.9, Relation.AGREE, link=0.95)) == "same statement"


def test_story_title_is_given_or_shared_and_never_a_disputed_headline() -> None:
    comparison = small_comparison()
    assert story_title(replace(comparison, title="  ATACMS  ban ")) == "ATACMS ban"
    # No title most outlets share and the headlines only partly agree: the lead all three state the same.
    assert story_title(comparison) == "Ukraine still has some ATACMS missiles left, officials said."
    docs = tuple(replace(d, title="Same story") if d.id != "a" else d for d in comparison.documents)
    assert story_title(replace(comparison, documents=docs)) == "Same story"
    # A shared title that holds a disputed fact ("300 km" against "500 km") is not the story's title.
    disputed = tuple(replace(d, title="Range of 300 km") if d.id != "c" else d for d in comparison.documents)
    assert story_title(replace(comparison, documents=disputed)) != "Range of 300 km"
    nothing = replace(
        comparison,
        claims=(),
        findings=(),
        documents=tuple(replace(d, title=None) for d in comparison.documents),
    )
    assert story_title(nothing) == "Comparison of 3 sources"


def test_findings_sorted_most_severe_first() -> None:
    view = build_view(small_comparison())
    assert [f.severity for f in view.findings] == ["high", "medium", "low"]
    assert [f.id for f in view.top_findings] == ["f2", "f3", "f1"]


def test_anchors_are_ours_not_the_input_ids() -> None:
    comparison = small_comparison()
    hostile_ids = {d.id: f'"><x {d.id}' for d in comparison.documents}
    view = build_view(comparison)
    assert [s.anchor for s in view.sources] == ["d1", "d2", "d3"]
    assert view.claims[0].anchor == "claim-1"
    assert all(not set(a).intersection('"<> ') for c in view.claims for a in c.sources)
    assert hostile_ids  # ids never reach attributes: anchors are built from positions


def test_source_segments_cover_the_whole_text_exactly() -> None:
    comparison = small_comparison()
    view = build_view(comparison)
    for source, document in zip(view.sources, comparison.documents, strict=True):
        assert "".join(seg.text for seg in source.segments) == document.text
    kinds = {seg.statement.kind for seg in view.sources[0].segments if seg.statement}
    assert {"headline", "body", "caption", "boilerplate", "byline"} <= kinds


def test_matrix_cells_say_who_carries_and_who_clashes() -> None:
    view = build_view(small_comparison())
    states = {row.id: [cell.state for cell in row.cells] for row in view.matrix}
    assert states["c2"] == ["agree", "agree", "agree"]
    assert states["c4"] == ["conflict", "conflict", "absent"]
    assert states["c5"] == ["unique", "absent", "absent"]
    assert all(cell.label for row in view.matrix for cell in row.cells)


def test_per_outlet_counts_and_duplicate_outlet_names() -> None:
    comparison = small_comparison()
    docs = tuple(replace(d, outlet="Same") for d in comparison.documents)
    view = build_view(replace(comparison, documents=docs))
    assert [s.label for s in view.sources] == ["Same (a)", "Same (b)", "Same (c)"]
    first = build_view(comparison).sources[0]
    assert first.counts == {"agree": 1, "partial": 1, "conflict": 2, "unique": 1}
    assert first.findings == 3


def test_claim_statements_are_diffed_against_another_outlet() -> None:
    comparison = small_comparison()
    first = comparison.claims[1]  # c2: a, b and c say the stock is left
    a_id, b_id, _ = first.statements
    extra = replace(comparison.statement(a_id), id="a:s99", index=99, text="Officials said stock is left.")
    claims = (replace(first, statements=(a_id, "a:s99", b_id)), *comparison.claims[2:])
    view = build_view(replace(comparison, statements=(*comparison.statements, extra), claims=claims))
    own, same_outlet, other = view.claims[0].statements
    assert differing(own.pieces) == ["some"]  # against b, not against a's other statement
    assert "Officials" not in differing(same_outlet.pieces) and "stock is" in " ".join(
        differing(same_outlet.pieces)
    )
    assert differing(other.pieces) == ["a few", "US"]
    assert not any(p.mark for st in view.claims[0].statements for p in st.pieces)  # no disputed fact here


def test_a_quote_the_line_already_holds_whole_is_not_repeated() -> None:
    documents = [
        Document.from_text(
            "Rescuers found 12 people on Monday. The mayor praised the volunteers.\n", id="a", outlet="A"
        ),
        Document.from_text(
            "Rescuers found 14 people on Monday. The river kept rising overnight.\n", id="b", outlet="B"
        ),
    ]
    view = build_view(compare_documents(documents, options=Options(embedder="lexical")))
    differing = [f for f in view.findings if f.type == "number"]
    assert differing and view.one_source_total == 2
    for finding in differing:  # the line quotes the facts only: the statements are the exact quotes
        assert [s.quotes for s in finding.sides] == [("12 people",), ("14 people",)]
        assert finding.context == finding.quotes
    for finding in view.findings:
        if finding.type == "unique":  # the line already holds the whole statement
            assert finding.context == ()
    brief = brief_html(view, page_size="A4")
    assert brief.count('<p class="q">') == sum(len(f.context) for f in view.discrepancies)
    assert brief.split('class="appendix"')[0].count("The mayor praised the volunteers.") == 1


def test_documents_not_in_english_are_named_in_every_format() -> None:
    from compare import Document, compare_documents
    from compare.render import render

    comparison = compare_documents(
        [
            Document.from_text("The storm cut power to 20,000 homes on Monday.", id="en", outlet="Wire"),
            Document.from_text(
                "La tormenta dejó sin luz a 20.000 hogares el lunes por la noche en la costa.",
                id="es",
                outlet="Diario",
                language="es",
            ),
        ]
    )
    for fmt in ("html", "md", "pdf"):
        data = render(comparison, fmt)
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
            continue
        text = data.decode("utf-8")
        assert "Not in English" in text and "Diario (language es): not judged for it yet" in text


def test_a_claim_shows_its_strongest_related_statements_and_counts_the_rest() -> None:
    from dataclasses import replace

    from fixtures_comparison import small_comparison

    from compare.model import Related, Relation
    from compare.render.view import RELATED_SHOWN, build_view

    comparison = small_comparison()
    first, *others = comparison.claims
    own = first.statements[0]
    own_document = own.split(":")[0]
    targets = [
        (claim, s) for claim in others for s in claim.statements if not s.startswith(own_document + ":")
    ]
    links = tuple(
        Related(statement=own, other=s, claim=claim.id, score=0.1, relation=Relation.PARTIAL, link=0.1)
        for claim, s in (targets * 10)[: RELATED_SHOWN + 3]
    )
    view = build_view(replace(comparison, claims=(replace(first, related=links), *others)))
    shown = next(c for c in view.claims if c.id == first.id)
    assert len(shown.related) == RELATED_SHOWN and shown.related_more == 3


def test_a_related_link_giving_another_figure_is_shown_as_an_overlap() -> None:
    from dataclasses import replace

    from compare.model import Related, Relation
    from compare.render.view import build_view

    comparison = small_comparison()
    first, *others = comparison.claims
    own = first.statements[0]
    claim, other = next((c, s) for c in others for s in c.statements if s.split(":")[0] != own.split(":")[0])
    for score, link, notable, label in ((0.1, 0.6, True, "overlaps"), (0.1, 0.1, False, "loosely related")):
        related = (Related(own, other, claim.id, score, Relation.PARTIAL, link),)
        view = build_view(replace(comparison, claims=(replace(first, related=related), *others)))
        shown = next(c for c in view.claims if c.id == first.id).related[0]
        assert (shown.notable, shown.label) == (notable, label)


def test_a_dispute_across_two_claims_is_shown_once_and_explains_both() -> None:
    alpha, beta = TOLL_ACROSS_CLAIMS
    comparison = compare_documents(
        [Document.from_text(alpha, id="a", outlet="Alpha"), Document.from_text(beta, id="b", outlet="Beta")]
    )
    view = build_view(comparison)
    assert len(view.discrepancies) == 1
    assert view.disputed == ()  # no bare "conflict" item beside the finding that explains it
    assert not any("12 people" in c.heading for c in view.only_one)  # the toll is not Alpha's alone


def test_headlines_restating_a_claim_are_named_on_it_and_listed_apart() -> None:
    comparison = small_comparison()
    restating = {"c5", "c6"}  # one report's only, each: now said to restate the shared claim c2
    claims = tuple(replace(c, summarises=("c2",)) if c.id in restating else c for c in comparison.claims)
    view = build_view(replace(comparison, claims=claims))
    shared = next(c for c in view.claims if c.id == "c2")
    assert shared.headline_note == "also in the headlines of Defense Express and VnExpress"
    assert {item.claim.id for item in view.restating_headlines} == restating
    assert view.one_source_total == 0 and not view.one_source
    assert {c.verdict_label for c in view.claims if c.id in restating} == {
        "Headline, restating shared claims"
    }
    assert all(
        cell.label == "headline"
        for row in view.matrix
        if row.id in restating
        for cell in row.cells
        if cell.state != "absent"
    )


def test_a_findings_message_is_shown_without_the_quotes_the_sides_line_holds() -> None:
    outlets = {"Harbour Post", "Ridge Daily"}
    assert (
        message_lead(
            "Opposite stances of the mayor on the levy: Harbour Post has her for it, Ridge Daily against it. "
            "Harbour Post: 'backed the levy' — Ridge Daily: 'called the levy a mistake'",
            outlets,
        )
        == "Opposite stances of the mayor on the levy: Harbour Post has her for it, Ridge Daily against it."
    )
    assert message_lead("Only Ridge Daily reports this: 'The pier closes.'", outlets) == (
        "Only Ridge Daily reports this."
    )
    assert message_lead("Counts differ: 3 vs 4.", outlets) == "Counts differ: 3 vs 4."  # kept whole


def test_a_quoted_span_is_never_cut_before_its_last_words() -> None:
    span = "said the council had waited far too long to approve the repairs the harbour needed"
    assert span_quote(span) == span  # under the limit: whole, the differing words at its end kept
    long = " ".join(f"word{n}" for n in range(60)) + " the differing end"
    shown = span_quote(long)
    assert shown.endswith("the differing end") and shown.startswith("word0 word1") and "…" in shown
    assert len(shown) <= SPAN_QUOTE_CHARS + 2


def test_one_report_items_with_a_figure_come_first_and_the_brief_names_a_few() -> None:
    reports = {
        "Harbour Post": "The harbour wall gave way on Monday. The mood in town was gloomy. Repairs will cost "
        "4 million euros, the port said.",
        "Ridge Daily": "The harbour wall gave way on Monday.",
    }
    documents = [Document.from_text(t, id=n.split()[0].lower(), outlet=n) for n, t in reports.items()]
    view = build_view(compare_documents(documents, options=Options(embedder="lexical")))
    (group,) = view.one_source
    texts = [item.text for item in group.items]
    assert texts[0].startswith("Repairs will cost") and group.items[0].telling
    assert "The mood in town was gloomy." in texts and not group.items[-1].telling
    assert group.brief and group.more == len(group.items) - len(group.brief)
