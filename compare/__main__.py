"""`python -m compare` runs the command line."""

from __future__ import annotations

import sys

from compare.cli import main

sys.exit(main())
