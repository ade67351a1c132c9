"""The public API is exactly what we mean it to be."""

from __future__ import annotations

import compare


def test_all_lists_the_public_api() -> None:
    assert set(compare.__all__) == {
        "Claim",
        "CompareError",
        "Comparison",
        "Document",
        "Fact",
        "FactKind",
        "Finding",
        "FindingType",
        "InputError",
        "ModelError",
        "Options",
        "OptionsError",
        "OutputError",
        "Pair",
        "Related",
        "Relation",
        "RenderError",
        "Severity",
        "Span",
        "Statement",
        "StatementKind",
        "Verdict",
        "__version__",
        "compare_documents",
    }
    for name in compare.__all__:
        assert hasattr(compare, name), name


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert files("compare").joinpath("py.typed").is_file()
