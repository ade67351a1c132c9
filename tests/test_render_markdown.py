"""The Markdown note: short, sectioned, quotes escaped so article text cannot become markup."""

from __future__ import annotations

from dataclasses import replace

import markdown
from fixtures_comparison import XSS, small_comparison, synthetic_comparison

from compare.render import render
from compare.render.env import md_escape


def test_sections_in_editorial_order() -> None:
    note = render(small_comparison(notes="Call the **ministry**."), "md").decode()
    headings = [line for line in note.splitlines() if line.startswith("#")]
    assert headings == [
        "## Ukraine still has some ATACMS missiles left, officials said.",
        "### Key figures",
        "### Where they disagree",
        "### Editor's notes",
        "### Where they agree",
        "### Only in one report",
        "### Sources",
    ]
    assert "Call the **ministry**." in note  # the editor's Markdown passes through
    assert (
        "- **High · Numbers differ:** Range differs; one may be a later estimate. "
        "Defense Express: “300 km” — Українська правда: “500 km” (f2)"
    ) in note
    # the key figures first: one row per slot, a column per outlet, the disputed values in bold
    figures = note.split("### Key figures")[1].split("###")[0]
    assert "| What | Defense Express | Українська правда | VnExpress |" in figures
    assert "| ✕ Range, km, differs: f2 | **about 300 km** | **about 500 km** | — |" in figures
    assert "  - Українська правда: “The missiles have a range of about 500 km.”" in note
    assert note.count("The missiles have a range of about 500 km.") == 1
    assert "Hegseth has the final say" in note.split("### Only in one report")[1]
    assert "<https://pravda.example/ua?a=1&b=2>" in note


def test_hostile_article_text_renders_as_text() -> None:
    note = render(small_comparison(hostile=True), "md").decode()
    html = markdown.markdown(note)
    assert "<script" not in html and "<img" not in html
    assert "<em>not</em>" not in html and "<a " not in html.split("<h3>Sources</h3>")[0]
    assert "\\<script\\>" in note and '&lt;script&gt;alert("x")' in html
    assert "javascript:alert" not in note  # the hostile URL was dropped from the sources list


def test_escape_keeps_text_readable_and_inert() -> None:
    assert md_escape("U.S. officials said 2.5 km") == "U.S. officials said 2.5 km"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("- not a list") == "\\- not a list"
    assert (
        md_escape("a *b* _c_ [d](e) `f` |g| ~h~ <i>")
        == "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\|g\\| \\~h\\~ \\<i\\>"
    )
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("AT&amp;T") == "AT\\&amp;T"
    rendered = markdown.markdown(md_escape(XSS + " *x* [y](javascript:z)"))
    assert "<script" not in rendered and "<em>" not in rendered and "<a " not in rendered


def test_every_claim_and_finding_is_in_the_note() -> None:
    comparison = synthetic_comparison(sources=4, claims=40)
    no_findings = replace(comparison, findings=())  # conflicts without findings are still quoted
    for case in (comparison, no_findings):
        note = render(case, "md").decode()
        for claim in case.claims:
            first = case.statement(claim.statements[0]).text
            assert md_escape(first)[:40] in note, claim.id
        for finding in case.findings:
            assert f"({finding.id})" in note or finding.type.value == "unique"


def test_stale_decisions_are_listed_on_lines_of_their_own() -> None:
    from compare.model import Decision, ReviewStatus
    from compare.review import apply_decisions

    stale = Decision(
        "f-gone000000", ReviewStatus.CONFIRMED, "rang the port", "2026-02-01T09:30:00Z", "A: “1”"
    )
    note = render(apply_decisions(small_comparison(), [stale]), "md").decode()
    section = note.split("### Stale decisions")[1].split("###")[0]
    assert (
        "- **Confirmed** f-gone000000\n  - was: A: “1”\n  - note: rang the port\n  - decided: 1 Feb 2026"
        in section
    )
