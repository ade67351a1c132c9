"""One exception root; the CLI turns any of these into one line and a non-zero exit."""

from __future__ import annotations


class CompareError(Exception):
    """Base of every error the user can cause; its message is shown as-is."""

    exit_code = 1


class InputError(CompareError):
    """An input file or document cannot be used (missing, empty, binary, undecodable...)."""

    exit_code = 2


class OptionsError(CompareError):
    """An option has a value we do not accept."""

    exit_code = 2


class ModelError(CompareError):
    """An embedding model or language model cannot be loaded."""

    exit_code = 3


class RenderError(CompareError):
    """A report could not be rendered."""

    exit_code = 4


class OutputError(CompareError):
    """A report could not be written where asked."""

    exit_code = 5
