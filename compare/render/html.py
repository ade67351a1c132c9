"""The interactive HTML report: one self-contained file, inline CSS and JS, no network."""

from __future__ import annotations

import base64
import hashlib

from markupsafe import Markup

from compare.model import Comparison
from compare.render.assets import read_asset
from compare.render.env import html_environment
from compare.render.view import ReportView, build_view

TEMPLATE = "report.html.j2"
SCRIPT = "report.js"
MATRIX_OPEN_LIMIT = 60  # larger claim × outlet matrices start folded so findings stay near the top


def script_hash(script: str) -> str:
    """The CSP source for exactly this inline script, so no injected script could run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_view_html(view: ReportView) -> str:
    """The report page for an already built view."""
    script = read_asset(SCRIPT)
    template = html_environment().get_template(TEMPLATE)
    return template.render(
        view=view,
        script=Markup(script),
        script_hash=script_hash(script),
        matrix_open_limit=MATRIX_OPEN_LIMIT,
    )


def render_html(comparison: Comparison, view: ReportView | None = None) -> bytes:
    """The HTML report as UTF-8 bytes."""
    return render_view_html(view if view is not None else build_view(comparison)).encode("utf-8")
