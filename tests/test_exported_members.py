"""The public API is exactly what we mean it to be."""

from __future__ import annotations

import compare


def test_all_lists_the_public_api() -> None:
    assert set(compare.__all__) == {
        "BatchResult",
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
        "batch",
        "compare_documents",
    }
    for name in compare.__all__:
        assert hasattr(compare, name), name


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert files("compare").joinpath("py.typed").is_file()


def test_exports_resolve_to_their_modules() -> None:
    """The lazy exports are the very objects their modules define."""
    from compare.model import Finding
    from compare.pipeline import compare_documents

    assert compare.Finding is Finding
    assert compare.compare_documents is compare_documents
    assert set(dir(compare)) >= set(compare.__all__)
