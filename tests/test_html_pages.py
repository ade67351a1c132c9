"""Saved web pages: every body paragraph survives HTML quirks; page furniture and guessed dates do not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from compare.ingest import load_document
from compare.model import StatementKind
from compare.segment import segment

HEADLINE = "Council approves new bridge"
PARAGRAPHS = [
    f"Paragraph {word} says the council approved a bridge costing {n} million dollars on Monday."
    for n, word in enumerate(["one", "two", "three", "four", "five", "six"], start=1)
]


def _article(body: str) -> str:
    return f"<article><h1>{HEADLINE}</h1>{body}</article>"


def page(middle: str, wrap: Callable[[str], str] = _article) -> str:
    """Six body paragraphs with `middle` after the second, inside `wrap` (an article by default)."""
    first, second, *rest = (f"<p>{text}</p>" for text in PARAGRAPHS)
    body = first + second + middle + "".join(rest)
    return f"<!doctype html><html><head><title>Bridge</title></head><body>{wrap(body)}</body></html>"


def _layout_table(body: str) -> str:
    return f"<table><tr><td><h1>{HEADLINE}</h1>{body}</td><td>Sidebar: weather</td></tr></table>"


QUIRKS = {
    "embed": page('<embed src="video.swf" type="application/x-shockwave-flash">'),
    "embed-closed": page('<embed src="video.swf"></embed>'),
    "object": page('<object data="movie.swf"><param name="quality" value="high"></object>'),
    "object-unclosed": page('<object data="movie.swf"><param name="quality" value="high">'),
    "video-with-fallback": page('<video src="clip.mp4"><source src="clip.webm">Video not supported.</video>'),
    "noscript": page('<noscript><img src="pixel.gif">Please enable JavaScript.</noscript>'),
    "template": page("<template><p>A template the page never shows.</p></template>"),
    "unclosed-paragraphs": page("<p>An unclosed paragraph<p>and another").replace("</p>", "", 2),
    "unclosed-div": page('<div class="ad"><span>Advertisement'),
    "nested-articles": page("<article><p>Teaser: another story.</p></article>"),
    "layout-table": page("", wrap=_layout_table),
    "svg-chart": page("<svg><text>Chart label</text></svg>"),
}


@pytest.mark.parametrize("name", sorted(QUIRKS))
def test_every_body_paragraph_survives(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(QUIRKS[name], encoding="utf-8")
    text = load_document(path).document.text
    missing = [paragraph for paragraph in PARAGRAPHS if paragraph not in text]
    assert not missing, f"lost {len(missing)} paragraphs: {missing[:1]}"
    assert text.lstrip().startswith(HEADLINE), "the <h1> was lost"
    assert "<" not in text and "Please enable JavaScript" not in text and "Chart label" not in text


TEASER = """<!doctype html><html><head><title>Council approves bridge | Example News</title></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing to browse you accept
our cookie policy.</p><button>Accept</button></div>
<header><a href="/login">Log in.</a></header>
<table><tr><td><h1>Council approves new bridge</h1>
<p>The council approved the new bridge on Monday after a long debate.</p>
<div class="paywall"><p>Already a subscriber?</p><p>Log in.</p><p>Subscribe now for full access.</p></div>
</td></tr></table>
<div id="more"><p>Click here to read more stories from our newsroom.</p></div>
<footer><p>© 2025 Example News. All rights reserved.</p></footer></body></html>
"""
FURNITURE = ("We use cookies", "Already a subscriber", "Log in", "Subscribe now", "Click here", "©")


def test_teaser_page_furniture_is_never_a_claim_and_the_headline_stays(tmp_path: Path) -> None:
    path = tmp_path / "teaser.html"
    path.write_text(TEASER, encoding="utf-8")
    document = load_document(path).document
    claims = [s.text for s in segment(document) if s.kind.is_claim]
    assert claims[0] == HEADLINE, claims
    assert "The council approved the new bridge on Monday after a long debate." in claims
    leaked = [claim for claim in claims if any(bit in claim for bit in FURNITURE)]
    assert not leaked, leaked


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to give you the best experience on our site.",
        "Already a subscriber?",
        "Log in.",
        "Sign in to continue reading.",
        "To see the full list of projects, click here.",
        "You have reached your limit of free articles.",
    ],
)
def test_furniture_lines_are_boilerplate(line: str) -> None:
    from compare.model import Document

    document = Document.from_text(
        f"{HEADLINE}\n\nThe council approved the bridge on Monday.\n\n{line}\n", id="d"
    )
    kinds = {s.text: s.kind for s in segment(document)}
    assert kinds[line] is StatementKind.BOILERPLATE


def test_a_report_about_cookies_is_still_a_report() -> None:
    from compare.model import Document

    sentence = (
        "The regulator said on Monday that websites which use cookies without consent will face fines of "
        "up to four percent of turnover, starting next year after a two-year transition period for firms."
    )
    document = Document.from_text(f"{HEADLINE}\n\n{sentence}\n", id="d")
    assert [s.kind for s in segment(document) if s.text == sentence] == [StatementKind.BODY]


def test_no_publication_date_from_a_copyright_footer(tmp_path: Path) -> None:
    path = tmp_path / "teaser.html"
    path.write_text(TEASER, encoding="utf-8")
    assert load_document(path).document.published is None


def test_publication_date_from_the_page_markup_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "dated.html"
    marked = TEASER.replace(
        "</head>", '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
    )
    path.write_text(marked, encoding="utf-8")
    assert load_document(path).document.published == "2024-03-05"
