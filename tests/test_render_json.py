"""The JSON report is Comparison.to_dict(), readable UTF-8, one trailing newline."""

from __future__ import annotations

import json

import pytest
from fixtures_comparison import small_comparison
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.render import render
from compare.render.json_report import dumps_indented


def test_json_equals_to_dict_and_keeps_unicode() -> None:
    comparison = small_comparison()
    data = render(comparison, "json")
    assert json.loads(data) == json.loads(json.dumps(comparison.to_dict()))
    assert "Українська правда".encode() in data
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    assert data.startswith(b'{\n  "format": 1,')


def test_json_bytes_are_json_dumps_with_indent_2() -> None:
    comparison = small_comparison()
    expected = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert render(comparison, "json") == expected.encode("utf-8")


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text()
)
_KEYS = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats())
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner),
        st.lists(inner).map(tuple),
        st.dictionaries(st.text(), inner),
        st.dictionaries(_KEYS, inner),
    ),
    max_leaves=40,
)


@settings(max_examples=500, deadline=None)
@given(_VALUES)
def test_fast_indented_dump_is_json_dumps(value: object) -> None:
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_fast_indented_dump_hands_other_types_to_json() -> None:
    assert dumps_indented({"a": [1, {"b": 2}]}) == json.dumps({"a": [1, {"b": 2}]}, indent=2)
    with pytest.raises(TypeError):
        dumps_indented({"a": [object()]})
