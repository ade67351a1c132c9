"""An editor's Markdown notes become safe HTML: no raw HTML, no unsafe links, no fetched images."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

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
        "[ref]: javascript:alert(2)\n"
        "```\n<raw> in a fence\n```"
    )
    safe = safe_markdown(notes)
    assert "Call **them** &lt;b onclick=x>now&lt;/b>" in safe
    assert "[site](https://ok.example)" in safe and "or bad." in safe
    assert "[image: pixel](https://evil.example/p.png)" in safe and "`a <b> c`" in safe
    assert "javascript" not in safe
    assert "<raw> in a fence" in safe
    html = markdown.markdown(safe)
    assert _tags(html) and {tag for tag, _ in _tags(html)} <= {"p", "strong", "a", "code", "pre"}
