"""Article text and metadata of an HTML page (a saved file or a fetched URL); nothing is fetched here.

Pages are hostile and messy: active content is removed first, but so that an element a browser treats
as empty (`<embed>`) or one left unclosed never takes the paragraphs after it along; page furniture
(cookie banners, log-in and subscription boxes) is removed before extraction; the page's `<h1>` is kept
even where the extractor drops it; and a publication date is only taken from the page's own markup,
never guessed from a "© 2025" footer.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

__all__ = ["blocks_to_text", "extract_page"]

BLOCK_TAGS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "blockquote",
    "figcaption",
    "td",
    "th",
    "pre",
    "dt",
    "dd",
)

# Removed with everything inside them: never article text.
_ACTIVE_TAGS = (
    "script",
    "style",
    "noscript",
    "frame",
    "frameset",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "svg",
    "canvas",
    "template",
    "nav",
)
# Embedded media: the element goes, but what the parser put inside it stays when that holds article
# blocks. libxml2 does not know <embed> is empty and nests the rest of the page in it; an unclosed
# <object> or <iframe> does the same.
_EMBED_TAGS = ("embed", "object", "applet", "iframe", "param", "video", "audio", "source", "track")
# Elements whose class or id names them as page furniture rather than the article.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|paywall|subscri(?:be|ption)|login|log-in|signin|sign-in|"
    r"newsletter|promo|modal|popup|overlay|banner|share|social|related|recommend(?:ed|ations)?)(?:$|[\s_-])",
    re.IGNORECASE,
)


def extract_page(source: str, where: str) -> tuple[str, dict[str, Any], list[str]]:
    """The article text of a page (one block per line), its metadata (title, outlet, date, ...) and notes
    on what was done to read it."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    source, set_aside = within_parse_depth(source)
    notes = []
    if set_aside:
        notes.append(
            f"{set_aside:,} tags nested more than {MAX_PARSE_DEPTH} deep were set aside so that the text "
            "inside and after them is read; the text is kept"
        )
    cleaned = _clean_page(source)
    text = trafilatura.extract(
        cleaned,
        output_format="txt",
        include_comments=False,
        include_tables=False,  # data tables are not prose; layout tables still give their paragraphs
        include_images=False,
        include_links=False,
        favor_precision=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        text = blocks_to_text(cleaned)
    text = _keep_headline(text, _first_h1(cleaned))
    metadata: dict[str, Any] = {}
    # extensive=False: dates from the page's markup only (meta tags, <time>, JSON-LD, the URL), not
    # from free text such as a copyright footer.
    found = extract_metadata(cleaned, extensive=False)
    if found is not None:
        for ours, theirs in (
            ("title", "title"),
            ("outlet", "sitename"),
            ("url", "url"),
            ("published", "date"),
            ("author", "author"),
            ("language", "language"),
        ):
            value = getattr(found, theirs, None)
            if value:
                metadata[ours] = value
    url = metadata.get("url")
    if url and not str(url).startswith(("http://", "https://")):
        del metadata["url"]
    return text + ("" if text.endswith("\n") else "\n"), metadata, notes


# libxml2, under lxml and trafilatura, stops at 256 open elements and drops everything after (old CMSs
# write hundreds of unclosed <b>/<font> tags). Tags deeper than this are taken out before parsing; their
# text stays where it was.
MAX_PARSE_DEPTH = 200
_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)


class _DepthBound(HTMLParser):
    """Writes the page back as it came, leaving out start and end tags past MAX_PARSE_DEPTH."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipped: dict[str, int] = {}
        self.set_aside = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self.out.append(self.get_starttag_text() or "")
        elif len(self.open) >= MAX_PARSE_DEPTH:
            self.skipped[tag] = self.skipped.get(tag, 0) + 1
            self.set_aside += 1
            if tag in BLOCK_TAGS:
                self.out.append("<br>")  # a paragraph set aside still ends a line
        else:
            self.open.append(tag)
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skipped.get(tag):
            self.skipped[tag] -= 1
            return
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")


def _open_at_most(source: str) -> int:
    """An upper bound on how deep the page's elements nest, by counting tags (a quick scan: the full
    rewrite runs only on pages that may be too deep). Elements HTML closes by itself ('<p>', '<li>')
    count as open, so the bound is high, never low."""
    depth = deepest = 0
    for match in _TAG.finditer(source):
        closing, tag, self_closing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and tag.lower() not in _VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def within_parse_depth(source: str) -> tuple[str, int]:
    """The page with tags nested past MAX_PARSE_DEPTH taken out, and how many were; the page itself when
    it is not that deep (the common case: nothing is rewritten)."""
    if source.count("<") <= MAX_PARSE_DEPTH or _open_at_most(source) <= MAX_PARSE_DEPTH:
        return source, 0
    bound = _DepthBound()
    bound.feed(source)
    bound.close()
    if not bound.set_aside:
        return source, 0
    return "".join(bound.out), bound.set_aside


def blocks_to_text(html: str) -> str:
    """Text of an HTML fragment with each block element on its own line; scripts dropped."""
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for element in list(root.iter("script", "style", "iframe", "form", "noscript", "img")):
        element.drop_tree()
    blocks: list[str] = []
    for element in root.iter(*BLOCK_TAGS):
        if any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors()):
            continue
        line = " ".join(element.text_content().split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [" ".join(root.text_content().split())]
    return "\n\n".join(blocks) + "\n"


def _clean_page(source: str) -> str:
    """The page without active content, embedded media wrappers and furniture, as HTML again."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return source
    for element in list(root.iter(*_ACTIVE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(root.iter(*_EMBED_TAGS)):
        if element.getparent() is None:
            continue
        if _holds_blocks(element):
            element.drop_tag()  # keep the paragraphs the parser nested inside it
        else:
            element.drop_tree()
    for element in list(root.iter("div", "section", "aside", "header", "footer", "p", "span", "a")):
        if element.getparent() is None or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if _FURNITURE.search(names) and not _holds_headline(element):
            element.drop_tree()
    return str(lxml_html.tostring(root, encoding="unicode"))


def _holds_blocks(element: Any) -> bool:
    return any(True for _ in element.iter(*BLOCK_TAGS, "div", "article", "section"))


def _holds_headline(element: Any) -> bool:
    return any(True for _ in element.iter("h1", "article", "main"))


def _first_h1(html: str) -> str | None:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for element in root.iter("h1"):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _keep_headline(text: str, headline: str | None) -> str:
    """Put the page's <h1> first when the extractor dropped it (it is the headline a reader sees)."""
    if not headline or " ".join(headline.split()) in " ".join(text.split()):
        return text
    return f"{headline}\n{text}"
