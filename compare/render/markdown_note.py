"""The Markdown editorial note: agree on / differ with quotes / only one reports / sources."""

from __future__ import annotations

from compare.model import Comparison, FindingType, Verdict
from compare.render.env import markdown_environment
from compare.render.view import ReportView, build_view

TEMPLATE = "note.md.j2"


def render_view_markdown(view: ReportView) -> str:
    """The note for an already built view."""
    differ = [f for f in view.findings if f.type != FindingType.UNIQUE.value]
    # Conflicting claims no finding explains are still quoted, so every claim reaches the note.
    disputed = [c for c in view.claims if c.verdict == Verdict.CONFLICT.value and not c.findings]
    template = markdown_environment().get_template(TEMPLATE)
    text = template.render(view=view, differ=differ, disputed=disputed)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def render_markdown(comparison: Comparison, view: ReportView | None = None) -> bytes:
    """The Markdown note as UTF-8 bytes."""
    return render_view_markdown(view if view is not None else build_view(comparison)).encode("utf-8")
