"""Helpers shared by the command modules: exit codes and messages on stderr."""

from __future__ import annotations

import argparse
import sys

from mtalign.glossary.store import Glossary, load_glossary

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def note(message: str) -> None:
    print(f"mtalign: {message}", file=sys.stderr)


def glossary_of(args: argparse.Namespace) -> Glossary:
    """The glossary named by --glossary (default: the shipped one), conflicts warned about."""
    glossary = load_glossary(args.glossary or None)
    for conflict in glossary.conflicts:
        note(f"warning: glossary conflict: {conflict}")
    return glossary
