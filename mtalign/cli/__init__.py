"""The `mtalign` command: parses arguments, calls one library function, prints.

Exit codes: 0 success, 1 the job ran and found problems, 2 bad usage or input, 3 a bug.
Each command group lives in its own module and adds its subcommands here.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from mtalign import __version__
from mtalign.cli import documents, glossary, names, tm, translate
from mtalign.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from mtalign.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtalign", description="Korean-English news toolkit: segment, align, glossary, names, TMX and XLIFF."
    )
    parser.add_argument("--version", action="version", version=f"mtalign {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in (documents, glossary, tm, names, translate):
        group.add_commands(commands)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except UserError as err:
        print(f"mtalign: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as err:
        print(f"mtalign: error: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # a bug: one line for the user, the traceback on request
        if os.environ.get("MTALIGN_DEBUG"):
            raise
        print(f"mtalign: internal error: {type(err).__name__}: {err} (set MTALIGN_DEBUG=1 for details)",
              file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("mtalign: interrupted", file=sys.stderr)
        return 130
