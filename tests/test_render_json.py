"""The JSON report is Comparison.to_dict(), readable UTF-8, one trailing newline."""

from __future__ import annotations

import json

from fixtures_comparison import small_comparison

from compare.render import render


def test_json_equals_to_dict_and_keeps_unicode() -> None:
    comparison = small_comparison()
    data = render(comparison, "json")
    assert json.loads(data) == json.loads(json.dumps(comparison.to_dict()))
    assert "Українська правда".encode() in data
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    assert data.startswith(b'{\n  "format": 1,')
