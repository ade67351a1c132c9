"""render(): the formats it knows, the errors it raises, where it finds its templates."""

from __future__ import annotations

import pytest
from fixtures_comparison import small_comparison

from compare.errors import OptionsError
from compare.render import FORMATS, PAGE_SIZES, render
from compare.render.assets import read_asset, templates_dir
from compare.render.env import html_environment, human_date


def test_formats_and_page_sizes() -> None:
    assert FORMATS == ("json", "html", "pdf", "md")
    assert PAGE_SIZES == ("A4", "Letter")


@pytest.mark.parametrize(
    ("fmt", "page_size"), [("docx", "A4"), ("HTML", "A4"), ("pdf", "A5"), ("html", "a4")]
)
def test_unknown_values_are_errors(fmt: str, page_size: str) -> None:
    with pytest.raises(OptionsError):
        render(small_comparison(), fmt, page_size=page_size)


def test_templates_found_and_assets_stay_inside() -> None:
    folder = templates_dir()
    assert (folder / "report.html.j2").is_file() and (folder / "report.css").is_file()
    assert "@page" in read_asset("brief.css")
    with pytest.raises(Exception, match="outside"):
        read_asset("../pyproject.toml")


def test_environment_is_strict_and_escaping() -> None:
    env = html_environment()
    assert env.autoescape is True
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ missing }}").render()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_human_date() -> None:
    assert human_date("2026-11-21T08:04:00+00:00") == "21 Nov 2026, 08:04 UTC"
    assert human_date("2025-08-24") == "24 Aug 2025"
    assert human_date("last Tuesday") == "last Tuesday"
    assert human_date(None) == ""
