"""Helpers shared by the command modules: exit codes and messages on stderr.

Command modules import a stage inside the handler that needs it, so `mtalign --version` or a
glossary lookup does not pay for numpy, lxml or the pipeline.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from mtalign.errors import UserError

if TYPE_CHECKING:
    from mtalign.engines import EngineConfig
    from mtalign.glossary import Glossary

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def one_line(error: BaseException) -> str:
    """An error's message on one line (libxml2 and others may span several)."""
    if isinstance(error, OSError) and error.strerror:
        message = f"{error.filename or ''}: {error.strerror}"
    else:
        message = str(error)
    return " ".join(message.split())


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def note(message: str) -> None:
    print(f"mtalign: {message}", file=sys.stderr)


def glossary_of(args: argparse.Namespace) -> "Glossary":
    """The glossary named by --glossary (default: the shipped one), conflicts warned about."""
    from mtalign.glossary import load_glossary

    glossary = load_glossary(args.glossary or None)
    for conflict in glossary.conflicts:
        note(f"warning: glossary conflict: {conflict}")
    return glossary


def add_engine_options(parser: argparse.ArgumentParser, gpus: bool = False) -> None:
    from mtalign.engines import ENGINES  # here, so that commands without engines never load them

    group = parser.add_argument_group("engine (see docs/SCALE.md)")
    group.add_argument("--engine", choices=ENGINES, default="local",
                       help="run here (local, default) or on Ray Data (ray; needs mtalign[ray])")
    group.add_argument("--ray-address", metavar="ADDRESS",
                       help="Ray cluster to join: HOST:PORT, or 'auto' for the one running here "
                            "(default: start a local Ray instance)")
    group.add_argument("--workers", type=int, metavar="N",
                       help="model-holding Ray workers (default: one per CPU of the cluster)")
    if gpus:
        group.add_argument("--gpus-per-worker", type=float, default=0.0, metavar="G",
                           help="GPUs each Ray translation worker reserves (with --device cuda)")
    group.add_argument("-v", "--verbose", action="store_true", help="let Ray's own logs through")


def engine_of(args: argparse.Namespace) -> EngineConfig:
    """The engine the command line asked for; Ray-only options without --engine ray are refused."""
    from mtalign.engines import EngineConfig

    gpus = getattr(args, "gpus_per_worker", 0.0)
    if args.engine != "ray" and (args.ray_address or args.workers or gpus):
        raise UserError("--ray-address, --workers and --gpus-per-worker need --engine ray")
    if args.workers is not None and args.workers < 1:
        raise UserError(f"--workers {args.workers}: give at least 1")
    if gpus < 0:
        raise UserError(f"--gpus-per-worker {gpus}: cannot be negative")
    return EngineConfig(args.engine, args.ray_address, args.workers, gpus, args.verbose)
