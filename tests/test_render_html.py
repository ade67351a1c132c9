"""The HTML report: what a reader must find in it, and that hostile article text stays text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fixtures_comparison import XSS, small_comparison

from compare.render import render


class _Page(HTMLParser):
    """Collects tags, ids, hrefs and the text of the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: bytes) -> _Page:
    page = _Page()
    page.feed(html.decode("utf-8"))
    return page


@pytest.fixture(scope="module")
def hostile() -> bytes:
    return render(
        small_comparison(hostile=True, notes="Hi <script>alert(3)</script> [x](javascript:alert(4))"), "html"
    )


@pytest.fixture(scope="module")
def plain() -> bytes:
    return render(small_comparison(), "html")


def test_hostile_text_is_escaped_everywhere(hostile: bytes) -> None:
    page = parse(hostile)
    assert [t for t, _ in page.tags].count("script") == 1  # only our own filter script
    assert not [t for t, _ in page.tags if t in ("img", "iframe", "object", "embed", "link")]
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert b"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in hostile
    assert XSS in "".join(page.text)  # shown to the reader as text


def test_only_http_links_leave_the_page(hostile: bytes) -> None:
    hrefs = [str(a["href"]) for t, a in parse(hostile).tags if t == "a" and a.get("href")]
    external = [h for h in hrefs if not h.startswith("#")]
    assert external and all(h.startswith(("https://", "http://")) for h in external)
    assert not any("javascript" in h.lower() for h in hrefs)


def test_self_contained_with_strict_csp(plain: bytes) -> None:
    page = parse(plain)
    assert not [a for t, a in page.tags if a.get("src")]
    csp = next(
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp and "script-src 'sha256-" in csp
    assert b"<style>" in plain and b"<script>" in plain


def test_every_internal_link_has_a_target_and_ids_are_unique(plain: bytes) -> None:
    page = parse(plain)
    ids = [str(a["id"]) for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    targets = {
        str(a["href"])[1:] for t, a in page.tags if t == "a" and str(a.get("href", "")).startswith("#")
    }
    assert targets and targets <= page.ids


def test_header_summary_findings_claims_sources_in_reading_order(plain: bytes) -> None:
    text = plain.decode()
    order = [
        text.index(marker) for marker in ('id="summary"', 'id="findings"', 'id="claims"', 'id="sources"')
    ]
    assert order == sorted(order)
    assert "US quietly blocks ATACMS strikes" in text.split('id="summary"')[0]
    for outlet in ("Defense Express", "Українська правда", "VnExpress"):
        assert outlet in text.split('id="summary"')[0]
    assert "https://pravda.example/ua?a=1&amp;b=2" in text


def test_findings_most_severe_first_with_differing_facts_marked(plain: bytes) -> None:
    text = plain.decode()
    findings = re.findall(r'<article class="finding sev-(\w+)"', text)
    assert findings == ["high", "medium", "low"]
    high = text.split('class="finding sev-high"')[1].split("</article>")[0]
    assert "<mark>300 km</mark>" in high and "<mark>500 km</mark>" in high
    assert "Numbers differ" in high  # the type in words, not only a colour


def test_claims_side_by_side_with_word_diff_and_journalist_labels(plain: bytes) -> None:
    text = plain.decode()
    agree = text.split('id="claim-2"')[1].split("</article>")[0]
    assert "<mark>some</mark>" in agree and "<mark>a few</mark>" in agree
    assert "same statement" in agree
    assert "contradicts" in text.split('id="claim-4"')[1].split("</article>")[0]
    assert "overlaps" in text.split('id="claim-1"')[1].split("</article>")[0]


def test_matrix_marks_clashes_with_icon_and_words(plain: bytes) -> None:
    matrix = plain.decode().split('class="matrix"')[1].split("</table>")[0]
    assert matrix.count("<tr ") == 6
    assert 'class="cell cell-conflict"' in matrix and "clashes" in matrix and "✕" in matrix
    assert "not reported" in matrix


def test_source_texts_label_and_link_non_claim_statements(plain: bytes) -> None:
    text = plain.decode()
    sources = text.split('id="sources"')[1]
    assert 'class="st kind-caption" id="d1-s1"' in sources and "[caption]" in sources
    assert "[boilerplate]" in sources and "[byline]" in sources
    assert 'href="#claim-5"' in sources  # each claim statement leads back to its claim


def test_filters_offer_types_verdicts_and_outlets(plain: bytes) -> None:
    form = plain.decode().split('id="filters"')[1].split("</form>")[0]
    for value in ("number", "time_date", "unique", "agree", "conflict", "d1", "d3"):
        assert f'value="{value}"' in form
    assert "Українська правда" in form


def test_notes_are_markdown_made_safe(hostile: bytes) -> None:
    notes = hostile.decode().split('class="notes-body"')[1].split("</div>")[0]
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in notes
    assert "javascript" not in notes
    assert '<a rel="noopener noreferrer">x</a>' in notes  # the unsafe link lost its href, kept its text


def test_no_notes_section_without_notes(plain: bytes) -> None:
    assert b'id="notes"' not in plain
