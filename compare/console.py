"""The `compare` console script: Ctrl-C and SIGTERM are taken first, then the command's modules load.

Importing the command line means importing the whole pipeline (spaCy, onnxruntime, lxml, ...), which
takes a noticeable part of a second and longer on a busy machine. A signal in that time used to print
a KeyboardInterrupt traceback. So this module imports only the signal watcher; the package import
before it is lazy (compare/__init__.py). What is left unguarded is the interpreter's own start-up,
before any of the project's code runs.
"""

from __future__ import annotations

import sys
from typing import NoReturn

from compare.interrupt import exit_on_signals


def run() -> NoReturn:
    """main() with Ctrl-C and SIGTERM ending the process at once (exit 130/143) from the first moment."""
    with exit_on_signals():
        from compare.cli import main

        code = main()
    sys.exit(code)
