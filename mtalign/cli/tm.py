"""Translation-memory interchange commands: tmx and xliff."""

from __future__ import annotations

import argparse
import json
import os
import sys

from mtalign.cli.common import EXIT_FINDINGS, EXIT_OK, glossary_of, note
from mtalign.errors import UserError
from mtalign.fileio import check_outputs
from mtalign.types import HOUSE_STYLES


def cmd_tmx_import(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from mtalign.formats.alignments import read_aligned_texts
    from mtalign.formats.tmx import TmxReadReport, read_units
    from mtalign.tm import TranslationMemory

    for path in args.files:
        if not os.path.isfile(path):
            raise UserError(f"{path}: no such file")
    check_outputs([args.tm], args.files)
    report = TmxReadReport()
    files = []
    with TranslationMemory(args.tm, on_wait=note) as tm:
        for path in args.files:
            source = (
                read_aligned_texts(path).units
                if path.endswith((".jsonl", ".tsv"))
                else read_units(path, keep_markup=args.markup == "keep", report=report)
            )
            units = tqdm(
                source, desc=os.path.basename(path), unit="tu", file=sys.stderr, disable=args.quiet
            )
            added, present = tm.add(units)
            files.append({"file": path, "added": added, "already_present": present})
        total = len(tm)
    if report.skipped:
        note(
            f"{len(report.skipped)} units without both a Korean and an English segment skipped "
            f"(the first: {report.skipped[0]})"
        )
    summary = {"tm": args.tm, "units": total, "files": files, "skipped": report.skipped}
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for record in files:
            print(
                f"{record['file']}: {record['added']} units added, {record['already_present']} "
                "already in the TM"
            )
        print(f"{args.tm}: {summary['units']} units")
    return EXIT_OK


def cmd_tmx_validate(args: argparse.Namespace) -> int:
    from mtalign.formats.tmx import validate

    result = validate(args.file)
    problems = result.problems
    if args.format == "json":
        print(
            json.dumps(
                {
                    "file": args.file,
                    "valid": not problems,
                    "dtd_valid": not result.dtd,
                    "problems": problems,
                },
                ensure_ascii=False,
            )
        )
    else:
        for problem in problems:
            print(problem)
        print(
            f"{args.file}: " + ("valid TMX 1.4b" if not problems else f"{len(problems)} problems")
        )
    return EXIT_FINDINGS if problems else EXIT_OK


def cmd_tmx_merge(args: argparse.Namespace) -> int:
    from mtalign.formats.output import open_output
    from mtalign.formats.tmx import merge

    for path in args.files:
        if not os.path.isfile(path):
            raise UserError(f"{path}: no such file")
    check_outputs([args.output], args.files)
    with open_output(args.output, binary=True) as out:
        report = merge(args.files, out)
    for disagreement in report.disagreements:
        note(disagreement)
    note(f"{report.kept} units written, {report.dropped} duplicates dropped")
    return EXIT_OK


def cmd_tmx_export(args: argparse.Namespace) -> int:
    from mtalign.formats.output import open_output
    from mtalign.formats.tmx import write_tmx
    from mtalign.tm import TranslationMemory

    check_outputs([args.output], [args.tm])
    tm = TranslationMemory.existing(args.tm)
    with open_output(args.output, binary=True) as out:
        report = write_tmx(tm.units(), out)
    note(
        f"{report.units} units written"
        + (
            f", {report.characters_removed} characters illegal in XML removed"
            if report.characters_removed
            else ""
        )
    )
    return EXIT_OK


def cmd_xliff_export(args: argparse.Namespace) -> int:
    from mtalign.formats.output import open_output
    from mtalign.formats.xliff import write_xliff
    from mtalign.glossary import TermFinder
    from mtalign.segment import read_document
    from mtalign.tm import TranslationMemory, xliff_units

    inputs = [*args.files, *([args.tm] if args.tm else []), *(args.glossary or [])]
    check_outputs([args.output], inputs)
    documents = [read_document(path) for path in args.files]
    tm = TranslationMemory.existing(args.tm) if args.tm else None
    finder = TermFinder(glossary_of(args).entries.values())
    files = [(doc.source, xliff_units(doc.segments, tm, finder, args.style)) for doc in documents]
    with open_output(args.output, binary=True) as out:
        count = write_xliff(files, out)
    translated = sum(1 for _, units in files for unit in units if unit.target is not None)
    note(f"{count} trans-units, {translated} pre-translated from the TM")
    return EXIT_OK


def cmd_xliff_import(args: argparse.Namespace) -> int:
    from mtalign.formats.xliff import read_xliff
    from mtalign.tm import TranslationMemory, XliffImportReport, reviewed_units

    check_outputs([args.tm], args.files)
    with TranslationMemory(args.tm, on_wait=note) as tm:
        for path in args.files:
            report = XliffImportReport()
            added, present = tm.add(reviewed_units(read_xliff(path), path, report))
            if report.other_pairs:
                note(report.summary(path))
            print(f"{path}: {added} reviewed units added, {present} already in the TM")
    return EXIT_OK


def add_commands(commands) -> None:
    tmx = commands.add_parser(
        "tmx",
        help="TMX 1.4b: import into a TM, validate, merge, export",
        description="Translation memory exchange (TMX 1.4b) in bounded memory.",
    )
    sub = tmx.add_subparsers(dest="tmx_command", metavar="COMMAND", required=True)
    imp = sub.add_parser(
        "import",
        help="add TMX units (or alignment output) to a translation memory",
        description="Read Korean-English units (any language-code form, deprecated lang "
        "attribute accepted) into a SQLite TM; duplicates are not repeated. Files "
        "ending in .jsonl or .tsv are read as alignment output with texts (the main "
        "job's alignments.jsonl, align --fragments, align --format tsv).",
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument(
        "--tm", required=True, help="translation memory file (SQLite; created if missing)"
    )
    imp.add_argument(
        "--markup",
        choices=("flatten", "keep"),
        default="flatten",
        help="inline markup (<bpt>, <ph> ...): drop codes and keep text (default) or keep as XML",
    )
    imp.add_argument("--format", choices=("text", "json"), default="text")
    imp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    imp.set_defaults(handler=cmd_tmx_import)
    val = sub.add_parser(
        "validate",
        help="check a TMX file against TMX 1.4b",
        description="Validate against the TMX 1.4b DTD shipped with mtalign, plus "
        "language codes and each unit's source language; report "
        "problems with their line; exit 1 when there are any.",
    )
    val.add_argument("file", metavar="FILE")
    val.add_argument("--format", choices=("text", "json"), default="text")
    val.set_defaults(handler=cmd_tmx_validate)
    mer = sub.add_parser(
        "merge",
        help="merge TMX files, dropping duplicate units",
        description="Merge TMX 1.1-1.4b files into one TMX 1.4b file, markup and "
        "props intact; a unit whose languages and segments (markup "
        "included) repeat an earlier one is dropped. Headers are "
        "merged; disagreements are reported (see README).",
    )
    mer.add_argument("files", nargs="+", metavar="FILE")
    mer.add_argument("-o", "--output", required=True, metavar="OUT")
    mer.set_defaults(handler=cmd_tmx_merge)
    exp = sub.add_parser(
        "export",
        help="write a translation memory as TMX",
        description="Write every unit of a TM as TMX 1.4b.",
    )
    exp.add_argument("--tm", required=True)
    exp.add_argument("-o", "--output", metavar="OUT")
    exp.set_defaults(handler=cmd_tmx_export)

    xliff = commands.add_parser(
        "xliff",
        help="XLIFF 1.2: pre-translated documents for CAT tools and back",
        description="Export documents as XLIFF 1.2 pre-translated from the TM; import "
        "reviewed XLIFF back into the TM.",
    )
    xsub = xliff.add_subparsers(dest="xliff_command", metavar="COMMAND", required=True)
    xexp = xsub.add_parser(
        "export",
        help="segment documents and pre-translate them from the TM",
        description="One trans-unit per segment: TM match -> state translated, no match -> "
        'new; glossary hits as notes; boilerplate and credits translate="no".',
    )
    xexp.add_argument("files", nargs="+", metavar="FILE")
    xexp.add_argument("--tm", help="translation memory to pre-translate from")
    xexp.add_argument("--glossary", action="append", metavar="FILE")
    xexp.add_argument("--style", choices=HOUSE_STYLES)
    xexp.add_argument("-o", "--output", metavar="OUT.xlf")
    xexp.set_defaults(handler=cmd_xliff_export)
    ximp = xsub.add_parser(
        "import",
        help="add reviewed XLIFF units to the TM",
        description="Units whose target state is translated, final or signed-off are added.",
    )
    ximp.add_argument("files", nargs="+", metavar="FILE")
    ximp.add_argument("--tm", required=True)
    ximp.set_defaults(handler=cmd_xliff_import)
