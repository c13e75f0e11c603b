"""The glossary commands: lookup, find, extract, merge, export, import, check."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from mtalign.cli.common import EXIT_FINDINGS, EXIT_OK, glossary_of, note
from mtalign.fileio import check_outputs
from mtalign.types import HOUSE_STYLES

if TYPE_CHECKING:
    from mtalign.glossary import Hit, Lookup


def _hit_record(hit: "Hit", style: Optional[str]) -> dict:
    return {
        "id": hit.entry.id,
        "match": hit.match,
        "score": hit.score,
        "matched": hit.form,
        "ko": hit.entry.ko,
        "en": hit.entry.english(style),
        "type": hit.entry.type,
        "note": hit.entry.note,
        "variants": [{"form": v.form, "reason": v.reason} for v in hit.entry.variants],
    }


def cmd_glossary_lookup(args: argparse.Namespace) -> int:
    from mtalign.glossary.lookup import Lookup

    lookup = Lookup(args.glossary or None)
    for conflict in lookup.conflicts:
        note(f"warning: glossary conflict: {conflict}")
    hits = lookup.lookup(args.query, limit=args.limit)
    records = [_hit_record(hit, args.style) for hit in hits]
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            print(
                f"{r['score']:.3f}  {r['match']:<9}  {' | '.join(r['ko']) or '-'}  →  {r['en']}  "
                f"({r['type']})"
                + (f"  [matched {r['matched']}]" if r["match"] != "exact" else "")
            )
    if not hits:
        note(f"no entry matches {args.query!r}; {_miss_hint(lookup, args.query, args.style)}")
    return EXIT_OK if hits else EXIT_FINDINGS


def _miss_hint(lookup: "Lookup", query: str, style: Optional[str]) -> str:
    """The nearest entries, and for Hangul what the romanizer proposes."""
    from mtalign.hangul import has_hangul
    from mtalign.names.romanize import romanize

    near = [f"{' | '.join(hit.entry.ko[:1]) or hit.form} → {hit.entry.english(style)}"
            for hit in lookup.nearest(query)]
    hint = f"nearest: {'; '.join(near)}" if near else "no entry is near"
    if has_hangul(query):
        hint += f"; the romanizer proposes {romanize(query, style or 'yonhap').output!r}"
    return hint


def cmd_glossary_find(args: argparse.Namespace) -> int:
    from mtalign.glossary.recognize import Recognizer, find_in_files

    recognizer = Recognizer(glossary_of(args).entries.values())
    count = 0
    for record in find_in_files(args.files, recognizer, args.style):
        count += 1
        if args.format == "json":
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{record['file']}:{record['line']}:{record['col']}: {record['text']}  →  "
                  f"{record['en']}  ({record['type']}, {record['id']})")
    note(f"{count} glossary terms found in {len(args.files)} files")
    return EXIT_OK


def cmd_glossary_extract(args: argparse.Namespace) -> int:
    from mtalign.formats.alignments import read_aligned_texts
    from mtalign.formats.output import open_output
    from mtalign.glossary import extract_candidates, write_candidates

    check_outputs([args.output], args.alignments)
    pairs = [pair for path in args.alignments for pair in read_aligned_texts(path).text_pairs()]
    candidates = extract_candidates(pairs, glossary=glossary_of(args))
    with open_output(args.output) as out:
        write_candidates(candidates, out)
    note(
        f"{len(candidates)} candidates from {len(pairs)} aligned pairs; mark accepted rows with "
        "'y', then run: mtalign glossary merge FILE"
    )
    return EXIT_OK


def cmd_glossary_merge(args: argparse.Namespace) -> int:
    from mtalign.glossary import merge_candidates

    check_outputs([args.into], [args.candidates])
    added, skipped = merge_candidates(args.candidates, glossary_of(args), args.into)
    for reason in skipped:
        note(f"skipped: {reason}")
    print(
        f"added {len(added)} entries to {args.into}"
        + (f", skipped {len(skipped)}" if skipped else "")
    )
    return EXIT_OK if added else EXIT_FINDINGS


def cmd_glossary_export(args: argparse.Namespace) -> int:
    from mtalign.formats.glossary_csv import write_csv
    from mtalign.formats.output import open_output
    from mtalign.formats.tbx import write_tbx

    check_outputs([args.output], args.glossary or [])
    entries = list(glossary_of(args).entries.values())
    with open_output(args.output, binary=(args.format != "csv")) as out:
        count = (
            write_csv(entries, out)
            if args.format == "csv"
            else write_tbx(entries, out, args.format)
        )
    note(f"exported {count} entries as {args.format.upper()}")
    return EXIT_OK


def cmd_glossary_import(args: argparse.Namespace) -> int:
    from mtalign.formats.output import open_output
    from mtalign.formats.tbx import TbxReadReport
    from mtalign.glossary import import_entries, write_tsv

    check_outputs([args.output], [args.file])
    report, encodings = TbxReadReport(), []
    entries, dropped = import_entries(args.file, args.format, encodings, report)
    if encodings and encodings[0] == "cp949":
        note(f"{args.file}: read as CP949 (Korean Windows/Excel), not UTF-8")
    for reason in dropped:
        note(reason)
    with open_output(args.output) as out:
        write_tsv(entries, out)
    dropped_note = f", dropped {len(dropped)}" if dropped else ""
    imported = f"imported {len(entries)} entries from {args.file}{dropped_note}"
    note(report.summary(args.file) if report.skipped else imported)
    return EXIT_FINDINGS if dropped else EXIT_OK


def cmd_glossary_check(args: argparse.Namespace) -> int:
    from mtalign.glossary import load_glossary

    glossary = load_glossary(args.glossary or None)
    for conflict in glossary.conflicts:
        print(f"conflict: {conflict}")
    print(
        f"{len(glossary.entries)} entries in {len(glossary.files)} files, "
        f"{len(glossary.conflicts)} conflicts"
    )
    return EXIT_FINDINGS if glossary.conflicts else EXIT_OK


def add_commands(commands) -> None:
    glossary = commands.add_parser(
        "glossary",
        help="the terminology glossary: lookup, extract, merge, export, import",
        description="Names and institutions in Korean and English, per house style.",
    )
    sub = glossary.add_subparsers(dest="glossary_command", metavar="COMMAND", required=True)

    def with_glossary(parser):
        parser.add_argument(
            "--glossary",
            action="append",
            metavar="FILE",
            help="glossary TSV (repeatable; later files override); default: the shipped "
                 "glossaries/",
        )
        return parser

    lookup = with_glossary(
        sub.add_parser(
            "lookup",
            help="find an entry by Korean or English, exact, variant, fuzzy, prefix or romanized",
            description="Look a name up in either script. Case, hyphens and spaces are ignored; "
                        "misspellings match fuzzily with a score; a word or prefix finds longer "
                        "names; Hangul finds entries known only in English by romanization. Exit "
                        "1 when nothing matches.",
        )
    )
    lookup.add_argument("query")
    lookup.add_argument(
        "--style", choices=HOUSE_STYLES, help="show the English form of this house style"
    )
    lookup.add_argument("--format", choices=("table", "json"), default="table")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.set_defaults(handler=cmd_glossary_lookup)

    find = with_glossary(sub.add_parser(
        "find", help="list every glossary term in running text, Korean or English",
        description="Find glossary terms in text files, both scripts. Korean terms count only "
                    "as words (with particles); a name that is also a common word (조국, 한강) "
                    "needs name context; a title joins the name or surname before it (윤 대통령: "
                    "President Yoon). JSON: one object a line with file, line, col, text, id, "
                    "en, type."))
    find.add_argument("files", nargs="+", metavar="FILE")
    find.add_argument("--style", choices=HOUSE_STYLES, help="the English form of this house style")
    find.add_argument("--format", choices=("text", "json"), default="text")
    find.set_defaults(handler=cmd_glossary_find)

    extract_cmd = with_glossary(sub.add_parser("extract", help="propose entries from aligned text",
        description="Propose Korean-English pairs of names and institutions from alignments "
                    "that carry texts (the main job's alignments.jsonl, align --fragments, or "
                    "align --format tsv), with scores and evidence, for review. Pairs the "
                    "glossary already holds and crossed pairs (a Korean full name with an "
                    "English surname alone) are never proposed."))
    extract_cmd.add_argument("alignments", nargs="+", metavar="ALIGNMENTS")
    extract_cmd.add_argument("-o", "--output", metavar="CANDIDATES.tsv")
    extract_cmd.set_defaults(handler=cmd_glossary_extract)

    merge = with_glossary(
        sub.add_parser(
            "merge",
            help="add reviewed candidates to a glossary file",
            description="Add the rows marked y/yes/x/1 in the accept column; "
            "terms already in the glossary are reported, not added. "
            "Exit 1 only when nothing was added.",
        )
    )
    merge.add_argument("candidates", metavar="CANDIDATES.tsv")
    merge.add_argument(
        "--into",
        default=str(Path("glossaries") / "user.tsv"),
        help="glossary file to add to (default glossaries/user.tsv; created if missing)",
    )
    merge.set_defaults(handler=cmd_glossary_merge)

    export = with_glossary(
        sub.add_parser(
            "export",
            help="write the glossary as TBX-Basic or CSV",
            description="TBX-Basic as TBX v3 (ISO 30042:2019, tbx) or v2 (martif, "
            "tbx-v2: OmegaT, older CAT tools), or CSV for memoQ/Trados.",
        )
    )
    export.add_argument("--format", choices=("tbx", "tbx-v2", "csv"), required=True)
    export.add_argument("-o", "--output", metavar="FILE")
    export.set_defaults(handler=cmd_glossary_export)

    import_cmd = sub.add_parser(
        "import",
        help="read a TBX or CSV termbase into glossary TSV",
        description="Read TBX-Basic or mtalign CSV (safely: no entity expansion, "
        "no DTD or network fetch) and write glossary TSV.",
    )
    import_cmd.add_argument("file", metavar="FILE")
    import_cmd.add_argument("--format", choices=("tbx", "tbx-v2", "csv"), required=True,
                            help="tbx reads both TBX versions")
    import_cmd.add_argument("-o", "--output", metavar="OUT.tsv", help="default: standard output")
    import_cmd.set_defaults(handler=cmd_glossary_import)

    check = with_glossary(
        sub.add_parser(
            "check",
            help="report conflicting entries",
            description="Load the glossary and report Korean forms that two "
            "entries translate differently. Exit 1 on conflicts.",
        )
    )
    check.set_defaults(handler=cmd_glossary_check)
