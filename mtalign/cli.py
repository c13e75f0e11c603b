"""The `mtalign` command: parses arguments, calls one library function, prints.

Exit codes: 0 success, 1 the job ran and found problems, 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import itertools
import os
import json
import sys
from typing import List, Optional

from mtalign import __version__, pipeline
from mtalign.errors import UserError
from mtalign.formats import csvtsv, jsonl
from mtalign.formats.output import open_output
from mtalign.segment import detect_encoding, segment_file

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _note(message: str) -> None:
    print(f"mtalign: {message}", file=sys.stderr)


def cmd_segment(args: argparse.Namespace) -> int:
    encodings = {path: detect_encoding(path) for path in args.files}  # fail before writing anything
    for path, encoding in encodings.items():
        if encoding not in ("utf-8", "utf-8-sig"):
            _note(f"{path}: decoded as {encoding}")
        if os.path.getsize(path) == 0:
            _note(f"{path}: empty file, no segments")
    segments = itertools.chain.from_iterable(segment_file(path, enc) for path, enc in encodings.items())
    with open_output(args.output) as out:
        if args.format == "jsonl":
            jsonl.write(segments, out)
        else:
            columns = csvtsv.SEGMENT_COLUMNS
            csvtsv.write_rows(columns, ([getattr(seg, name) for name in columns] for seg in segments), out)
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    report = pipeline.run(args.corpus, args.out, progress=not args.quiet)
    for note in report.notes:
        _note(note)
    if args.format == "json":
        print(json.dumps(report.__dict__, ensure_ascii=False, indent=2))
    else:
        print(f"{report.files} files, {report.segments} segments")
        for output in report.outputs:
            print(f"wrote {output}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mtalign", description="Korean-English news toolkit: segment, align, glossary, names, translate, TMX."
    )
    parser.add_argument("--version", action="version", version=f"mtalign {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    segment = commands.add_parser(
        "segment", help="split articles into tagged sentences",
        description="Decode, clean and split text or HTML articles into sentences tagged with "
                    "language (ko, en, mixed, und) and role (headline, byline, dateline, caption, body, "
                    "credit, boilerplate). JSONL fields: text, lang, role, source, start, end.",
    )
    segment.add_argument("files", nargs="+", metavar="FILE", help="text or HTML files (UTF-8, EUC-KR or CP949)")
    segment.add_argument("--format", choices=("jsonl", "tsv"), default="jsonl", help="output format (default jsonl)")
    segment.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    segment.set_defaults(handler=cmd_segment)

    run = commands.add_parser(
        "run", help="the main job: every stage over a corpus folder",
        description="Run every pipeline stage over CORPUS and write the results to --out.",
    )
    run.add_argument("corpus", metavar="CORPUS", help="folder of article files (for example corpora/)")
    run.add_argument("--out", default="build", help="output folder (default build/)")
    run.add_argument("--format", choices=("text", "json"), default="text", help="summary format")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    run.set_defaults(handler=cmd_run)
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
    except KeyboardInterrupt:
        print("mtalign: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
