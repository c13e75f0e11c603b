"""The `mtalign` command: parses arguments, calls one library function, prints.

Exit codes: 0 success, 1 the job ran and found problems, 2 bad usage or input, 3 a bug.
Each command group lives in its own module and adds its subcommands here. Only the group of
the command being run is imported (and its stages only inside the handler), so a lookup or
`--version` starts fast; the top-level help loads every group to list them.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import signal
import sys
from typing import List, Optional

from mtalign import __version__
from mtalign.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, one_line
from mtalign.errors import UserError

# Top-level command -> the module (mtalign.cli.NAME) that defines it, in help order.
GROUPS = {"segment": "documents", "align": "documents", "run": "documents", "glossary": "glossary",
          "tmx": "tm", "xliff": "tm", "romanize": "names", "check": "names", "model": "translate",
          "translate": "translate"}


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, naming the (sub)command and where its help is."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see: {self.prog} --help)\n")


def _command_parser(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> argparse.ArgumentParser:
    """The parser of the deepest subcommand chosen in `args`."""
    while True:
        action = next(
            (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None
        )
        if action is None or getattr(args, action.dest, None) not in action.choices:
            return parser
        parser = action.choices[getattr(args, action.dest)]


def _suggestion(parser: argparse.ArgumentParser, unknown: List[str]) -> str:
    """'; did you mean --limit?' for a misspelt option, else nothing."""
    options = [option for action in parser._actions for option in action.option_strings]
    for arg in unknown:
        if not arg.startswith("--"):
            continue
        close = difflib.get_close_matches(arg.split("=")[0], options, n=1)
        if close:
            return f"; did you mean {close[0]}?"
    return ""


def _groups_needed(argv: Optional[List[str]]) -> List[str]:
    """The command's own group; none for a bare --version; all for help or a bad command."""
    if argv is None:
        return list(dict.fromkeys(GROUPS.values()))
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    if command in GROUPS:
        return [GROUPS[command]]
    return [] if command is None and "--version" in argv else _groups_needed(None)


def build_parser(argv: Optional[List[str]] = None) -> argparse.ArgumentParser:
    """The parser for `argv` (default: with every command, as the top-level help shows)."""
    parser = Parser(
        prog="mtalign",
        description="Korean-English news toolkit: segment, align, glossary, names, TMX and XLIFF.",
    )
    parser.add_argument("--version", action="version", version=f"mtalign {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in _groups_needed(argv):
        importlib.import_module(f"mtalign.cli.{group}").add_commands(commands)
    for name in GROUPS.keys() - commands.choices.keys():
        commands.add_parser(name)  # known to the parser, defined by its group when it runs
    return parser


def _terminated(signum: int, frame) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C, so temporary files are removed


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # a mistyped option of a subcommand: that subcommand's usage, not the top level's
        command = _command_parser(parser, args)
        command.error(f"unrecognized arguments: {' '.join(unknown)}{_suggestion(command, unknown)}")
    signal.signal(signal.SIGTERM, _terminated)
    try:
        return args.handler(args)
    except BrokenPipeError:
        return EXIT_OK
    except (UserError, OSError) as err:
        print(f"mtalign: error: {one_line(err)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # a bug: one line for the user, the traceback on request
        if os.environ.get("MTALIGN_DEBUG"):
            raise
        print(
            f"mtalign: internal error: {type(err).__name__}: {one_line(err)} "
            "(set MTALIGN_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("mtalign: interrupted", file=sys.stderr)
        return 130
