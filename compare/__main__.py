"""`python -m compare` runs the command line."""

from __future__ import annotations

from compare.console import run

run()
