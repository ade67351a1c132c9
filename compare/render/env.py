"""The one place the Jinja environments are built, with every filter the templates use."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from compare.render.assets import read_asset, templates_dir
from compare.render.notes import notes_html, safe_href, safe_markdown

# Characters that start Markdown/GFM syntax (or raw HTML) anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]|~<>])")
# Syntax that only matters at the start of a line: headings, list items, rules; "1." ordered lists.
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=])", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


class MarkdownText(str):
    """Text already in Markdown (an editor's notes, our own syntax): not escaped again."""

    __slots__ = ()


def md_escape(value: Any) -> str:
    """Quoted article text made inert in Markdown: special characters escaped, one line."""
    if isinstance(value, MarkdownText):
        return str(value)
    text = " ".join(str(value).split())
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    text = _MD_ORDERED.sub(r"\1\\\2", text)
    return _MD_LINE_START.sub(r"\1\\\2", text)


def md_url(url: str) -> MarkdownText:
    """An already vetted http(s) URL as a Markdown autolink that cannot break out of its brackets."""
    return MarkdownText("<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">")


def md_finalize(value: Any) -> str:
    """Every {{ expression }} in a Markdown template is escaped unless it is MarkdownText."""
    if value is None:
        return ""
    return md_escape(value)


def human_date(value: str | None) -> str:
    """An ISO 8601 date or date-time as '21 Nov 2026, 08:04 UTC' (or '21 Nov 2026'); raw if unparsable."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    day = f"{moment.day} {moment:%b %Y}"
    if len(value) <= 10:
        return day
    zone = moment.strftime("%Z")
    zone = "UTC" if zone in ("UTC", "UTC+00:00") else zone
    return f"{day}, {moment:%H:%M} {zone}".strip()


def percent(value: float) -> str:
    """A 0..1 score as a whole percentage."""
    return f"{round(value * 100)}%"


def _trusted_asset(name: str) -> Markup:
    """Our own CSS/JS from the templates folder, inlined verbatim (never user text)."""
    return Markup(read_asset(name))


def _common(env: Environment) -> Environment:
    env.filters["human_date"] = human_date
    env.filters["percent"] = percent
    env.filters["safe_href"] = safe_href
    return env


@cache
def html_environment() -> Environment:
    """HTML templates: everything is escaped (news text is hostile), undefined names are errors."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["notes_html"] = notes_html
    env.globals["asset"] = _trusted_asset
    return _common(env)


@cache
def markdown_environment() -> Environment:
    """Markdown templates: every expression is Markdown-escaped by finalize; notes pass as MarkdownText."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=False,
        finalize=md_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_escape"] = md_escape
    env.filters["markdown_text"] = MarkdownText
    env.filters["safe_markdown"] = lambda text: MarkdownText(safe_markdown(text))
    env.filters["md_url"] = md_url
    return _common(env)
