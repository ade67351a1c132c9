"""compare: what several news reports of one story agree on, where they differ, and what only one says."""

from __future__ import annotations

from compare.errors import (
    CompareError,
    InputError,
    ModelError,
    OptionsError,
    OutputError,
    RenderError,
)
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

__all__ = [
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
]
