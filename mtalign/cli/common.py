"""Helpers shared by the command modules: exit codes and messages on stderr.

Command modules import a stage inside the handler that needs it, so `mtalign --version` or a
glossary lookup does not pay for numpy, lxml or the pipeline.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mtalign.glossary import Glossary

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def one_line(error: BaseException) -> str:
    """An error's message on one line (libxml2 and others may span several)."""
    if isinstance(error, OSError) and error.strerror:
        message = f"{error.filename or ''}: {error.strerror}"
    else:
        message = str(error)
    return " ".join(message.split())


def note(message: str) -> None:
    print(f"mtalign: {message}", file=sys.stderr)


def glossary_of(args: argparse.Namespace) -> "Glossary":
    """The glossary named by --glossary (default: the shipped one), conflicts warned about."""
    from mtalign.glossary import load_glossary

    glossary = load_glossary(args.glossary or None)
    for conflict in glossary.conflicts:
        note(f"warning: glossary conflict: {conflict}")
    return glossary
