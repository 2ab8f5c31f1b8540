"""The `casualty` command: argv -> library -> a writer on stdout. One module per command.

Data goes to stdout (or `-o FILE`, written atomically); messages, warnings, the progress bar
and the summary go to stderr (`reporter`). spaCy is imported only by commands that need it, so
`casualty --help` stays fast. Options are defined once, as decorators (`options`), so commands
share them; how a run meets signals and closed pipes is `streams`.
"""
from __future__ import annotations

from . import evaluate, extract, report, schema, tolls  # noqa: F401  (each registers its command)
from .main import main

__all__ = ["main"]
