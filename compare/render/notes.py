"""Turns an editor's Markdown notes into safe HTML: no raw HTML, only http(s)/mailto links, no images."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_HEADINGS = {f"h{level}" for level in range(1, 7)}


def safe_href(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None (javascript:, data:, file: are refused)."""
    if not url:
        return None
    cleaned = url.strip()
    if any(ch.isspace() or ord(ch) < 0x20 for ch in cleaned):
        return None
    if cleaned.lower().startswith(("http://", "https://")) and len(cleaned) > len("https://"):
        return cleaned
    return None


class _SafeLinks(Treeprocessor):  # type: ignore[misc]  # markdown ships no type hints
    """Demotes headings below the report's own, drops unsafe links, turns images into alt text."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag in _HEADINGS:  # notes sit under the report's own h2
                element.tag = f"h{min(int(element.tag[1]) + 2, 6)}"
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = f"[image: {child.get('alt', '')}]"
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)
                elif child.tag == "a":
                    href = child.get("href", "")
                    if not _allowed_scheme(href):
                        del child.attrib["href"]
                    child.set("rel", "noopener noreferrer")


class _SafeNotes(Extension):  # type: ignore[misc]  # markdown ships no type hints
    """Disables raw HTML (it is shown as text) and cleans links."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


def notes_html(text: str | None) -> Markup:
    """The notes rendered as HTML that is safe to embed; empty when there are no notes."""
    if not text or not text.strip():
        return Markup("")
    converter = markdown.Markdown(extensions=[_SafeNotes()], output_format="html")
    return Markup(converter.convert(text))


class _Captured(Treeprocessor):  # type: ignore[misc]  # markdown ships no type hints
    """Keeps the finished tree (after the safe-links pass and unescaping) for writing it back as Markdown."""

    root: ET.Element | None = None

    def run(self, root: ET.Element) -> None:
        self.root = root


def safe_markdown(text: str) -> str:
    """The notes as Markdown that stays inert in any viewer, written back from the parsed notes.

    Used for the Markdown note, where a ticket system or CMS (not us) turns Markdown into HTML. The notes
    are parsed once, by the same parser and safety pass as the HTML report (raw HTML kept as text, only
    http(s)/mailto links, images as their alt text), and the tree is written out again: every piece of
    text escaped, so no character of the notes can open a tag, a link, an image or an entity in the
    viewer. Only what the tree holds comes out: paragraphs, headings, lists, quotes, code, emphasis and
    the safe links.
    """
    if not text.strip():
        return ""
    converter = markdown.Markdown(extensions=[_SafeNotes()], output_format="html")
    captured = _Captured(converter)
    converter.treeprocessors.register(captured, "capture", -10)
    converter.convert(text)
    if captured.root is None:
        return ""
    stash = converter.htmlStash.rawHtmlBlocks
    for element in captured.root.iter():
        for name in ("text", "tail"):
            value = getattr(element, name)
            if value and markdown.util.STX in value:
                # an entity the parser set aside ('&lt;'): the character it stands for, escaped again below
                resolved = _STASHED.sub(lambda m: html.unescape(str(stash[int(m.group(1))])), value)
                setattr(element, name, resolved)
    return "\n\n".join(b for b in (_block(child) for child in captured.root) if b).strip()


# Markdown punctuation that can open a construct anywhere in a line, backslash-escaped (every viewer then
# shows the character itself); '<' and '&' are written as entities, which every viewer reads as text.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]()!{}])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#+=>~-]|\d+[.)])")
_STASHED = re.compile(re.escape(markdown.util.STX) + r"wzxhzdk:(\d+)" + re.escape(markdown.util.ETX))


def _escaped(text: str) -> str:
    flat = re.sub(r"\s+", " ", text).replace("&", "&amp;").replace("<", "&lt;")
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def _inline(element: ET.Element) -> str:
    """An element's inline content as Markdown."""
    parts = [_escaped(element.text or "")]
    for child in element:
        parts.append(_inline_element(child))
        parts.append(_escaped(child.tail or ""))
    return "".join(parts)


def _inline_element(element: ET.Element) -> str:
    inner = _inline(element)
    if element.tag == "strong":
        return f"**{inner}**" if inner else ""
    if element.tag == "em":
        return f"*{inner}*" if inner else ""
    if element.tag == "code":
        return _code_span(html.unescape("".join(element.itertext())))
    if element.tag == "a":
        href = element.get("href")
        if href and _link_target_ok(href):
            return f"[{inner}](<{href}>)"
        return inner
    if element.tag == "br":
        return " "
    return inner  # a span (an image's alt text) or anything else: its text only


def _allowed_scheme(href: str) -> bool:
    """An http(s) or mailto link, or one to a place in the same page."""
    return href.lower().startswith(_SAFE_SCHEMES) or href.startswith("#")


def _link_target_ok(href: str) -> bool:
    """A link the Markdown note may write out: an allowed scheme, nothing that ends the <...> target."""
    breaks_target = any(ch in "<>\\" or ch.isspace() for ch in href)
    return _allowed_scheme(href) and not breaks_target


def _code_span(code: str) -> str:
    flat = " ".join(code.split("\n"))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


def _block(element: ET.Element) -> str:
    """A block element as Markdown (headings keep their demoted level)."""
    tag = element.tag
    if tag in _HEADINGS:
        return f"{'#' * int(tag[1])} {_inline(element)}"
    if tag == "p":
        return _inline(element)
    if tag in ("ul", "ol"):
        items = []
        for number, item in enumerate((c for c in element if c.tag == "li"), start=1):
            marker = f"{number}." if tag == "ol" else "-"
            body = _inline(item) if not any(c.tag in _BLOCKS for c in item) else _children(item)
            items.append(f"{marker} " + body.replace("\n", "\n   "))
        return "\n".join(items)
    if tag == "blockquote":
        return "\n".join(f"> {line}" if line else ">" for line in _children(element).splitlines())
    if tag == "pre":
        code = html.unescape("".join(element.itertext())).rstrip("\n")
        fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
        return f"{fence}\n{code}\n{fence}"
    if tag == "hr":
        return "---"
    return _inline(element)


_BLOCKS = frozenset({"p", "ul", "ol", "blockquote", "pre", "hr", *_HEADINGS})


def _children(element: ET.Element) -> str:
    leading = _escaped(element.text or "").strip()
    blocks = [leading] if leading else []
    blocks.extend(b for b in (_block(child) for child in element) if b)
    return "\n\n".join(blocks)
