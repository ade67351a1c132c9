"""`python -m compare` runs the command line."""

from __future__ import annotations

from compare.cli import run

run()
