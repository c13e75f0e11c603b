"""Name-spelling commands: romanize and check."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os

from mtalign.cli.common import EXIT_FINDINGS, EXIT_OK, glossary_of, note
from mtalign.types import HOUSE_STYLES, ROMANIZATION_STYLES


def cmd_romanize(args: argparse.Namespace) -> int:
    from mtalign.glossary import Lookup
    from mtalign.names import romanize

    lookup = None if args.no_glossary else Lookup(args.glossary or None)
    results = [romanize(text, args.style, lookup, args.kind, args.side) for text in args.texts]
    if args.format == "json":
        print(json.dumps([dataclasses.asdict(r) for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            print(result.output)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from mtalign.names import check_files, fix_copies, fix_targets

    if args.fix:
        fix_targets(args.files, args.fix)  # refuse before any work
    glossary = glossary_of(args)
    for path in args.files:
        if os.path.isfile(path) and os.path.getsize(path) == 0:
            note(f"{path}: empty file, nothing to check")
    findings = check_files(args.files, glossary, args.style)
    if args.format == "json":
        print(json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{f.file}:{f.line}:{f.col}: {f.kind}: {f.text!r} -> {f.suggestion!r}")
    if args.fix:
        changes = fix_copies(args.files, findings, args.fix)
        note(
            f"{len(changes)} changes written to corrected copies in {args.fix} (report: fixes.json)"
        )
    return EXIT_FINDINGS if findings else EXIT_OK


def add_commands(commands) -> None:
    roman = commands.add_parser(
        "romanize",
        help="write Korean names as news media do (yonhap, kcna) or in strict RR / MR",
        description="Romanize Korean personal names the way South Korean media (yonhap: Lee "
                    "Jae-myung) or North Korean official English (kcna: Ri Son Gwon) write them, "
                    "or any text in strict Revised Romanization (rr) or McCune-Reischauer (mr). "
                    "Glossary entries win unless --no-glossary. One line per input, in order; "
                    "JSON adds the alternatives and a confidence.",
    )
    roman.add_argument("texts", nargs="+", metavar="TEXT")
    roman.add_argument("--style", choices=ROMANIZATION_STYLES, default="yonhap")
    roman.add_argument("--as", dest="kind", choices=("auto", "name", "text"), default="auto",
                       help="treat input as a personal name or as text (default: guess)")
    roman.add_argument(
        "--side",
        choices=("auto", "south", "north"),
        default="auto",
        help="whose naming conventions: North Korean names keep the North's spelling (yonhap: "
        "Kim Yo-jong; kcna: Kim Yo Jong); auto: the glossary, then North Korean spelling "
        "such as an initial 리 / 로 / 량 (default: auto, else south)",
    )
    roman.add_argument("--no-glossary", action="store_true", help="rules only")
    roman.add_argument("--glossary", action="append", metavar="FILE")
    roman.add_argument("--format", choices=("text", "json"), default="text")
    roman.set_defaults(handler=cmd_romanize)

    check = commands.add_parser(
        "check",
        help="flag name spellings that break the house style or each other",
        description="Flag in English copy: (a) glossary names in another house style's form, (b) "
                    "misspellings, (c) institutions off their canonical name, (d) one name "
                    "written two ways across the files, (e) place-name variants. Exit 1 when "
                    "there are findings.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--glossary", action="append", metavar="FILE", help="default: the shipped glossaries/"
    )
    check.add_argument(
        "--style", choices=HOUSE_STYLES, default="yonhap", help="house style (default yonhap)"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--fix",
        metavar="OUTDIR",
        help="write corrected copies (and fixes.json) here; originals untouched",
    )
    check.set_defaults(handler=cmd_check)
