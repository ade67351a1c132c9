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


def test_findings_first_then_agreements_one_source_claims_and_sources(plain: bytes) -> None:
    text = plain.decode()
    markers = (
        'id="key-figures"',
        'id="disagree"',
        'id="agree"',
        'id="one-source"',
        'id="claims"',
        'id="sources"',
    )
    order = [text.index(marker) for marker in markers]
    assert order == sorted(order)
    header = text.split('id="key-figures"')[0]
    assert "<title>Ukraine still has some ATACMS missiles left, officials said.</title>" in header
    assert header.count("Ukraine still has some ATACMS missiles left") == 3  # <title>, data-title, <h1>
    for outlet in ("Defense Express", "Українська правда", "VnExpress"):
        assert outlet in header
    assert "https://pravda.example/ua?a=1&amp;b=2" in text.split('id="sources"')[1]


def test_discrepancies_most_severe_first_name_who_says_what(plain: bytes) -> None:
    text = plain.decode()
    disagree = text.split('id="disagree"')[1].split('id="agree"')[0]
    assert re.findall(r'<article class="finding sev-(\w+)', disagree) == ["high", "medium"]
    high = disagree.split('class="finding sev-high')[1].split("</article>")[0]
    line = high.split('class="sides"')[1].split("</p>")[0]
    assert '<span class="who">Defense Express:</span> <span class="said">“300 km”</span>' in line
    assert '<span class="who">Українська правда:</span> <span class="said">“500 km”</span>' in line
    assert "Numbers differ" in high  # the type in words, not only a colour
    exact = high.split('<details class="exact">')[1].split("</details>")[0]
    assert "<mark>300 km</mark>" in exact and "<mark>500 km</mark>" in exact  # exact quotes, one click away
    # the message's explanation is shown, its quotes are not repeated: the sides line holds them
    assert '<p class="lead">Range differs; one may be a later estimate.</p>' in high
    assert "'300 km'" not in high
    assert 'data-finding="f2"' in high and "review-controls" in high


def test_one_source_statements_are_a_compact_list_by_outlet(plain: bytes) -> None:
    one = plain.decode().split('id="one-source"')[1].split("</section>")[0]
    assert one.count("<li ") == 2 and "Hegseth has the final say" in one
    assert re.findall(r'<h3 class="group"><a href="#(d\d)">', one) == ["d1", "d3"]


def test_claims_mark_disputed_facts_and_keep_the_word_diff_on_demand(plain: bytes) -> None:
    text = plain.decode()
    agree = text.split('id="claim-2"')[1].split("</article>")[0]
    assert '<span class="wd">some</span>' in agree and '<span class="wd">a few</span>' in agree
    assert "<mark" not in agree  # nothing disputed in this claim
    conflict = text.split('id="claim-4"')[1].split("</article>")[0]
    assert '<mark class="wd">300</mark><mark> km</mark>' in conflict  # the fact, its differing word
    assert 'name="diff"' in text.split('id="filters"')[1].split("</form>")[0]
    assert "same statement" in agree.split('<details class="match">')[1]  # match scores folded away
    assert "contradicts" in conflict


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


def test_key_figures_come_first_and_a_disagreeing_row_links_to_its_finding(plain: bytes) -> None:
    text = plain.decode()
    main = text.split("<main>")[1]
    assert main.index('id="key-figures"') < main.index('id="disagree"')
    table = main.split('class="figures')[1].split("</table>")[0]
    head = table.split("</thead>")[0]
    assert re.findall(r'<th scope="col" class="outlet-col">([^<]+)</th>', head) == [
        "Defense Express",
        "Українська правда",
        "VnExpress",
    ]
    rows = table.split("<tr class=")[1:]  # the header row has no class
    assert len(rows) == 2
    place, disputed = rows
    assert "differs" not in place and place.count(">Ukraine</a>") == 3 and "—" not in place
    assert disputed.startswith('"kind-number differs"') and "✕" in disputed
    finding = re.search(r'id="(finding-\d+)"[^>]*data-types="number"', text)
    assert finding and f'<a href="#{finding.group(1)}">see the finding</a>' in disputed
    assert "<mark>about 300 km</mark>" in disputed and "<mark>about 500 km</mark>" in disputed
    assert re.search(r'<a href="#d1-s\d+" title="The missiles have a range of about 300 km.">', disputed)


def test_one_report_items_are_listed_not_reviewed(plain: bytes) -> None:
    text = plain.decode()
    one = text.split('id="one-source"')[1].split("</section>")[0]
    assert "review-controls" not in one and "<select" not in one and "<input" not in one
    # the open count is of the reviewable findings: the two discrepancies, not the one-report item
    assert re.search(r'<strong data-count="open">2</strong>', text)
    assert text.count('class="review" data-finding=') == 2
