"""compare: what several news reports of one story agree on, where they differ, and what only one says.

The names below are loaded on first use (PEP 562): importing the package, which every submodule and
the console script do first, runs no heavy import, so the command can take Ctrl-C from its first
moment (compare/console.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from compare.batching.run import BatchResult, batch
    from compare.errors import CompareError, InputError, ModelError, OptionsError, OutputError, RenderError
    from compare.model import (
        Claim,
        Comparison,
        Document,
        Fact,
        FactKind,
        Finding,
        FindingType,
        Pair,
        Related,
        Relation,
        Severity,
        Span,
        Statement,
        StatementKind,
        Verdict,
    )
    from compare.options import Options
    from compare.pipeline import compare_documents

__version__ = "0.1.0"

# Each public name and the module that defines it.
_ERRORS = ("CompareError", "InputError", "ModelError", "OptionsError", "OutputError", "RenderError")
_VALUES = (
    "Claim",
    "Comparison",
    "Document",
    "Fact",
    "FactKind",
    "Finding",
    "FindingType",
    "Pair",
    "Related",
    "Relation",
    "Severity",
    "Span",
    "Statement",
    "StatementKind",
    "Verdict",
)
_EXPORTS = {
    **dict.fromkeys(_ERRORS, "compare.errors"),
    **dict.fromkeys(_VALUES, "compare.model"),
    "Options": "compare.options",
    "compare_documents": "compare.pipeline",
    "batch": "compare.batching.run",
    "BatchResult": "compare.batching.run",
}

__all__ = [
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
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'compare' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
