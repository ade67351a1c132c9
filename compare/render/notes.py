"""Turns an editor's Markdown notes into safe HTML: no raw HTML, only http(s)/mailto links, no images."""

from __future__ import annotations

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
                    allowed = href.lower().startswith(_SAFE_SCHEMES) or href.startswith("#")
                    if not allowed:
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


_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_INLINE_LINK = re.compile(
    r"(!?)\[([^\]]*)\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(\s.*)?$")


def safe_markdown(text: str) -> str:
    """The notes as Markdown that stays inert in any viewer: raw HTML shown as text, only http(s) links.

    Used for the Markdown note, where a ticket system or CMS (not us) turns Markdown into HTML.
    Images become plain links so nothing loads by itself; code is left as the editor wrote it.
    """
    lines = []
    in_fence = False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            lines.append(line)
            continue
        if in_fence:
            lines.append(line)
            continue
        reference = _REFERENCE.match(line)
        if reference and not _allowed_link(reference.group(1)):
            continue  # a link definition with an unsafe target is dropped
        parts = []
        cursor = 0
        for code in _CODE_SPAN.finditer(line):
            parts.append(_safe_prose(line[cursor : code.start()]))
            parts.append(code.group(0))
            cursor = code.end()
        parts.append(_safe_prose(line[cursor:]))
        lines.append("".join(parts))
    return "\n".join(lines)


def _allowed_link(url: str) -> bool:
    return url.lower().startswith(_SAFE_SCHEMES) or url.startswith("#")


def _safe_prose(text: str) -> str:
    text = text.replace("<", "&lt;")

    def link(match: re.Match[str]) -> str:
        bang, label, url = match.groups()
        if not _allowed_link(url):
            return label
        if bang:
            return f"[image: {label}]({url})"
        return match.group(0)

    return _INLINE_LINK.sub(link, text)
