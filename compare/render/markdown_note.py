"""The Markdown editorial note: agree on / differ with quotes / only one reports / sources."""

from __future__ import annotations

from compare.model import Comparison, FindingType
from compare.render.env import markdown_environment
from compare.render.view import ReportView, build_view

TEMPLATE = "note.md.j2"
LIST_LIMIT = 15  # claims listed per section before "...and N more"; the note stays short


def render_view_markdown(view: ReportView) -> str:
    """The note for an already built view."""
    differ = [f for f in view.findings if f.type != FindingType.UNIQUE.value]
    text = markdown_environment().get_template(TEMPLATE).render(view=view, differ=differ, limit=LIST_LIMIT)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def render_markdown(comparison: Comparison) -> bytes:
    """The Markdown note as UTF-8 bytes."""
    return render_view_markdown(build_view(comparison)).encode("utf-8")
