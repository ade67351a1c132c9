"""An editor's Markdown notes become safe HTML: no raw HTML, no unsafe links, no fetched images."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.render.notes import notes_html, safe_href, safe_markdown


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<div onclick=alert(1)>x</div>",
        "<iframe src=https://evil.example></iframe>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](https://evil.example/pixel.png)",
        '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
        "<style>body{display:none}</style>",
    ],
)
def test_payload_stays_text(payload: str) -> None:
    tags = _tags(str(notes_html(f"Note: {payload}")))
    assert {tag for tag, _ in tags} <= {"p", "a", "span"}
    for _, attributes in tags:
        assert not [name for name in attributes if name.startswith("on")]
        href = (attributes.get("href") or "https://").lower()
        assert href.startswith("https://")


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    found: list[tuple[str, dict[str, str | None]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Parser().feed(html)
    return found


def test_markdown_still_works() -> None:
    html = str(
        notes_html("# Heading\n\nSome **bold**, a [link](https://example.com/a?b=1&c=2) and `code <b>`.")
    )
    assert "<h3>Heading</h3>" in html  # demoted below the report's own headings
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.com/a?b=1&amp;c=2"' in html
    assert "<code>code &lt;b&gt;</code>" in html


def test_empty_notes_render_nothing() -> None:
    assert str(notes_html(None)) == "" and str(notes_html("  \n")) == ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.example/x", "https://a.example/x"),
        ("http://a.example", "http://a.example"),
        ("javascript:alert(1)", None),
        ("  JAVASCRIPT:alert(1)", None),
        ("data:text/html,x", None),
        ("file:///etc/passwd", None),
        ("//evil.example", None),
        ("https://a.example/x y", None),
        ("https://", None),
        (None, None),
    ],
)
def test_safe_href(url: str | None, expected: str | None) -> None:
    assert safe_href(url) == expected


def test_safe_markdown_keeps_prose_and_code_but_not_html_or_unsafe_links() -> None:
    notes = (
        "Call **them** <b onclick=x>now</b> and see [site](https://ok.example) "
        "or [bad](javascript:alert(1)).\n"
        "![pixel](https://evil.example/p.png) `a <b> c`\n"
        "[ref]: javascript:alert(2)\n\n"
        "    <raw> in a code block\n\n"
        "# Plan\n\n- check the **toll**\n- call [the desk](mailto:desk@example.org)\n\n> quoted <i>x</i>"
    )
    safe = safe_markdown(notes)
    assert "Call **them** &lt;b onclick=x>now&lt;/b>" in safe
    assert "[site](<https://ok.example>)" in safe and "or bad." in safe
    assert "\\[image: pixel\\]" in safe and "evil.example" not in safe  # an image fetches nothing
    assert "` a <b> c `" in safe and "javascript" not in safe
    assert "```\n<raw> in a code block\n```" in safe
    assert "### Plan" in safe and "- check the **toll**" in safe and "(<mailto:desk@example.org>)" in safe
    assert "> quoted &lt;i>x&lt;/i>" in safe
    html = markdown.markdown(safe)
    assert {tag for tag, _ in _tags(html)} <= _INERT_TAGS


_INERT_TAGS = {
    "p",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
}

# Fragments an attacker strings together: raw HTML, entities that spell tags, autolinks, images, reference
# definitions, link titles, unbalanced brackets, code fences, backslashes.
_FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;img src=x&gt;", "&#60;b&#62;",
    "&amp;lt;",
    "<https://evil.example/a>", "![x](https://evil.example/p.png)", "![x][r]", "[r]: https://evil.example/i.png",
    "[x](javascript:alert(1))", "[x](<javascript:alert(1)>)", '[x](https://ok.example "t\\" onclick=\\"x")',
    "[x](https://ok.example/a_(b))", "[", "]", "(", ")", "`", "```", "~~~", "\\", "*", "_", "<", ">", "&",
    "<!-- c -->", "<?php ?>", "<![CDATA[x]]>", "<a href='https://evil.example'>", "</a>", "javascript:",
    "data:text/html,x", "    indented", "# h", "- item", "1. item", "> quote", "---", "\n", "\n\n", " ",
    "word",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25))
def test_no_notes_can_make_the_markdown_note_fetch_or_run_anything(pieces: list[str]) -> None:
    safe = safe_markdown("".join(pieces))
    renderers = [markdown.markdown]
    markdown_it = _markdown_it()
    if markdown_it is not None:  # a CommonMark viewer that passes raw HTML through: the worst case
        renderers.append(markdown_it.MarkdownIt("commonmark", {"html": True}).render)
    for render in renderers:
        for tag, attributes in _tags(render(safe)):
            assert tag in _INERT_TAGS, (pieces, safe, tag)
            assert set(attributes) <= {"href", "title"}, (pieces, safe, attributes)
            href = (attributes.get("href") or "https://").lower()
            assert href.startswith(("https://", "http://", "mailto:", "#")), (pieces, safe, href)


def _markdown_it():  # type: ignore[no-untyped-def]
    try:
        import markdown_it
    except ImportError:
        return None
    return markdown_it
