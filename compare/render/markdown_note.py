"""The Markdown editorial note: disagree (with review status) / agree / only one reports / review record."""

from __future__ import annotations

from compare.model import Comparison
from compare.render.env import markdown_environment
from compare.render.view import ReportView, build_view

TEMPLATE = "note.md.j2"


def render_view_markdown(view: ReportView) -> str:
    """The note for an already built view."""
    text = markdown_environment().get_template(TEMPLATE).render(view=view)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def render_markdown(comparison: Comparison, view: ReportView | None = None) -> bytes:
    """The Markdown note as UTF-8 bytes."""
    return render_view_markdown(view if view is not None else build_view(comparison)).encode("utf-8")
