"""The `mtalign` command: parses arguments, calls one library function, prints.

Exit codes: 0 success, 1 the job ran and found problems, 2 bad usage or input, 3 a bug.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import os
import json
import sys
from pathlib import Path
from typing import List, Optional

from tqdm import tqdm

from mtalign import __version__, pipeline
from mtalign.errors import UserError
from mtalign.formats import csvtsv, jsonl
from mtalign.formats.output import open_output
from mtalign.align.documents import FORMATS, align_files, read_jobs, write_alignment
from mtalign.align.encoders import load_encoder
from mtalign.align.fragments import fragment_units, pair_fragments
from mtalign.formats.glossary_csv import read_csv, write_csv
from mtalign.formats.tbx import read_tbx, write_tbx
from mtalign.formats.tmx import TmxReadReport, merge, read_units, validate, write_tmx
from mtalign.formats.xliff import read_xliff, write_xliff
from mtalign.glossary.terms import TermFinder
from mtalign.names.consistency import check_files, fix_copies
from mtalign.names.romanize import STYLES as ROMANIZE_STYLES
from mtalign.names.romanize import romanize
from mtalign.tm.pretranslate import reviewed_units, xliff_units
from mtalign.tm.store import TranslationMemory
from mtalign.glossary.candidates import merge_candidates, read_alignment_pairs, write_candidates
from mtalign.glossary.extract import extract
from mtalign.glossary.lookup import Hit, Lookup
from mtalign.glossary.store import STYLES, Glossary, load_glossary, write_tsv
from mtalign.segment import detect_encoding, read_document, segment_file

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


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


def _align_fragments(args: argparse.Namespace, encoder) -> int:
    documents = [read_document(path) for path in args.files]  # fail before writing anything
    pairs = [pair for doc in documents for pair in pair_fragments(doc.segments, encoder)]
    with open_output(args.output, binary=(args.format == "tmx")) as out:
        if args.format == "tmx":
            write_tmx(fragment_units(pairs), out)
        elif args.format == "jsonl":
            jsonl.write(pairs, out)
        else:
            csvtsv.write_rows(("source", "ko_text", "en_text", "score"),
                              ((p.source, p.ko_text, p.en_text or "", p.score) for p in pairs), out)
    unpaired = sum(1 for pair in pairs if pair.en_text is None)
    _note(f"{len(pairs)} Korean fragments, {len(pairs) - unpaired} paired, {unpaired} without an English counterpart")
    return EXIT_OK


def _align_jobs(args: argparse.Namespace, encoder) -> int:
    failed = 0
    for job in tqdm(read_jobs(args.jobs), desc="align", unit="job", file=sys.stderr, disable=args.quiet):
        try:
            _align_pair(job.ko, job.en, job.out, args, encoder)
        except UserError as err:
            failed += 1
            _note(f"error: {args.jobs}:{job.line}: {err}")
    return EXIT_FINDINGS if failed else EXIT_OK


def _align_pair(ko: str, en: str, out: Optional[str], args: argparse.Namespace, encoder) -> None:
    alignment = align_files(ko, en, encoder, presegmented=args.presegmented, glossary=args.glossary_entries)
    for warning in alignment.warnings:
        _note(f"warning: {warning}")
    left_out = write_alignment(alignment, args.format, out)
    if left_out:
        _note(f"{out or 'output'}: {left_out} unpaired beads (1-0, 0-1) are not in the TMX")


def cmd_align(args: argparse.Namespace) -> int:
    if args.jobs and args.files:
        raise UserError("give either KO EN files or --jobs JOBS.tsv, not both")
    if not args.jobs and not args.fragments and len(args.files) != 2:
        raise UserError("align needs two files, KO and EN (or --fragments FILE..., or --jobs JOBS.tsv)")
    if args.fragments and not args.files:
        raise UserError("--fragments needs at least one article file")
    encoder = load_encoder(args.encoder)
    args.glossary_entries = list(load_glossary(args.glossary).entries.values()) if args.glossary else []
    if args.fragments:
        return _align_fragments(args, encoder)
    if args.jobs:
        return _align_jobs(args, encoder)
    _align_pair(args.files[0], args.files[1], args.output, args, encoder)
    return EXIT_OK


def _glossary(args: argparse.Namespace) -> Glossary:
    glossary = load_glossary(args.glossary or None)
    for conflict in glossary.conflicts:
        _note(f"warning: glossary conflict: {conflict}")
    return glossary


def _hit_record(hit: Hit, style: Optional[str]) -> dict:
    return {"id": hit.entry.id, "match": hit.match, "score": hit.score, "matched": hit.form,
            "ko": hit.entry.ko, "en": hit.entry.english(style), "type": hit.entry.type, "note": hit.entry.note,
            "variants": [{"form": v.form, "reason": v.reason} for v in hit.entry.variants]}


def cmd_glossary_lookup(args: argparse.Namespace) -> int:
    lookup = Lookup(args.glossary or None)
    for conflict in lookup.conflicts:
        _note(f"warning: glossary conflict: {conflict}")
    hits = lookup.lookup(args.query, limit=args.limit)
    records = [_hit_record(hit, args.style) for hit in hits]
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            print(f"{r['score']:.3f}  {r['match']:<9}  {' | '.join(r['ko']) or '-'}  →  {r['en']}  ({r['type']})"
                  + (f"  [matched {r['matched']}]" if r["match"] != "exact" else ""))
    if not hits:
        _note(f"no entry matches {args.query!r}")
    return EXIT_OK if hits else EXIT_FINDINGS


def cmd_glossary_extract(args: argparse.Namespace) -> int:
    pairs = [pair for path in args.alignments for pair in read_alignment_pairs(path)]
    candidates = extract(pairs)
    with open_output(args.output) as out:
        write_candidates(candidates, out)
    _note(f"{len(candidates)} candidates from {len(pairs)} aligned pairs; mark accepted rows with 'y', "
          "then run: mtalign glossary merge FILE")
    return EXIT_OK


def cmd_glossary_merge(args: argparse.Namespace) -> int:
    added, skipped = merge_candidates(args.candidates, _glossary(args), args.into)
    for reason in skipped:
        _note(f"skipped: {reason}")
    print(f"added {len(added)} entries to {args.into}" + (f", skipped {len(skipped)}" if skipped else ""))
    return EXIT_FINDINGS if skipped else EXIT_OK


def cmd_glossary_export(args: argparse.Namespace) -> int:
    entries = list(_glossary(args).entries.values())
    with open_output(args.output, binary=(args.format != "csv")) as out:
        count = write_csv(entries, out) if args.format == "csv" else write_tbx(entries, out, args.format)
    _note(f"exported {count} entries as {args.format.upper()}")
    return EXIT_OK


def cmd_glossary_import(args: argparse.Namespace) -> int:
    entries = read_csv(args.file) if args.format == "csv" else read_tbx(args.file)
    with open_output(args.output) as out:
        write_tsv(entries, out)
    _note(f"imported {len(entries)} entries from {args.file}")
    return EXIT_OK


def cmd_glossary_check(args: argparse.Namespace) -> int:
    glossary = load_glossary(args.glossary or None)
    for conflict in glossary.conflicts:
        print(f"conflict: {conflict}")
    print(f"{len(glossary.entries)} entries in {len(glossary.files)} files, {len(glossary.conflicts)} conflicts")
    return EXIT_FINDINGS if glossary.conflicts else EXIT_OK


def _add_glossary_commands(commands) -> None:
    glossary = commands.add_parser("glossary", help="the terminology glossary: lookup, extract, merge, export, import",
                                   description="Names and institutions in Korean and English, per house style.")
    sub = glossary.add_subparsers(dest="glossary_command", metavar="COMMAND", required=True)

    def with_glossary(parser):
        parser.add_argument("--glossary", action="append", metavar="FILE",
                            help="glossary TSV (repeatable; later files override); default: the shipped glossaries/")
        return parser

    lookup = with_glossary(sub.add_parser(
        "lookup", help="find an entry by Korean or English, exact, variant, fuzzy, prefix or romanized",
        description="Look a name up in either script. Case, hyphens and spaces are ignored; misspellings "
                    "match fuzzily with a score; a word or prefix finds longer names; Hangul finds entries "
                    "known only in English by romanization. Exit 1 when nothing matches."))
    lookup.add_argument("query")
    lookup.add_argument("--style", choices=STYLES, help="show the English form of this house style")
    lookup.add_argument("--format", choices=("table", "json"), default="table")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.set_defaults(handler=cmd_glossary_lookup)

    extract_cmd = sub.add_parser("extract", help="propose entries from aligned text",
                                 description="Propose Korean-English name pairs from alignments that carry "
                                             "texts (the main job's alignments.jsonl, align --fragments, or "
                                             "align --format tsv), with scores and evidence, for review.")
    extract_cmd.add_argument("alignments", nargs="+", metavar="ALIGNMENTS")
    extract_cmd.add_argument("-o", "--output", metavar="CANDIDATES.tsv")
    extract_cmd.set_defaults(handler=cmd_glossary_extract)

    merge = with_glossary(sub.add_parser("merge", help="add reviewed candidates to a glossary file",
                                         description="Add the rows marked y/yes/x/1 in the accept column; "
                                                     "terms already in the glossary are reported, not added."))
    merge.add_argument("candidates", metavar="CANDIDATES.tsv")
    merge.add_argument("--into", default=str(Path("glossaries") / "user.tsv"),
                       help="glossary file to add to (default glossaries/user.tsv; created if missing)")
    merge.set_defaults(handler=cmd_glossary_merge)

    export = with_glossary(sub.add_parser("export", help="write the glossary as TBX-Basic or CSV",
                                          description="TBX-Basic as TBX v3 (ISO 30042:2019, tbx) or v2 (martif, "
                                                      "tbx-v2: OmegaT, older CAT tools), or CSV for memoQ/Trados."))
    export.add_argument("--format", choices=("tbx", "tbx-v2", "csv"), required=True)
    export.add_argument("-o", "--output", metavar="FILE")
    export.set_defaults(handler=cmd_glossary_export)

    import_cmd = sub.add_parser("import", help="read a TBX or CSV termbase into glossary TSV",
                                description="Read TBX-Basic or mtalign CSV (safely: no entity expansion, "
                                            "no DTD or network fetch) and write glossary TSV.")
    import_cmd.add_argument("file", metavar="FILE")
    import_cmd.add_argument("--format", choices=("tbx", "tbx-v2", "csv"), required=True,
                            help="tbx reads both TBX versions")
    import_cmd.add_argument("-o", "--output", metavar="OUT.tsv", help="default: standard output")
    import_cmd.set_defaults(handler=cmd_glossary_import)

    check = with_glossary(sub.add_parser("check", help="report conflicting entries",
                                         description="Load the glossary and report Korean forms that two "
                                                     "entries translate differently. Exit 1 on conflicts."))
    check.set_defaults(handler=cmd_glossary_check)


def cmd_tmx_import(args: argparse.Namespace) -> int:
    tm = TranslationMemory(args.tm)
    report = TmxReadReport()
    for path in args.files:
        added, present = tm.add(read_units(path, keep_markup=args.markup == "keep", report=report))
        print(f"{path}: {added} units added, {present} already in the TM")
    for skipped in report.skipped:
        _note(f"skipped: {skipped}")
    print(f"{args.tm}: {len(tm)} units")
    return EXIT_OK


def cmd_tmx_validate(args: argparse.Namespace) -> int:
    problems = validate(args.file)
    for problem in problems:
        print(problem)
    print(f"{args.file}: " + ("valid TMX 1.4b" if not problems else f"{len(problems)} problems"))
    return EXIT_FINDINGS if problems else EXIT_OK


def cmd_tmx_merge(args: argparse.Namespace) -> int:
    for path in args.files:
        if not os.path.isfile(path):
            raise UserError(f"{path}: no such file")
    with open_output(args.output, binary=True) as out:
        kept, dropped = merge(args.files, out)
    _note(f"{kept} units written, {dropped} duplicates dropped")
    return EXIT_OK


def cmd_tmx_export(args: argparse.Namespace) -> int:
    with open_output(args.output, binary=True) as out:
        report = write_tmx(TranslationMemory(args.tm).units(), out)
    _note(f"{report.units} units written" + (f", {report.characters_removed} characters illegal in XML removed"
                                             if report.characters_removed else ""))
    return EXIT_OK


def cmd_xliff_export(args: argparse.Namespace) -> int:
    documents = [read_document(path) for path in args.files]
    tm = TranslationMemory(args.tm) if args.tm else None
    finder = TermFinder(load_glossary(args.glossary or None).entries.values())
    files = [(doc.source, xliff_units(doc.segments, tm, finder, args.style)) for doc in documents]
    with open_output(args.output, binary=True) as out:
        count = write_xliff(files, out)
    translated = sum(1 for _, units in files for unit in units if unit.target is not None)
    _note(f"{count} trans-units, {translated} pre-translated from the TM")
    return EXIT_OK


def cmd_xliff_import(args: argparse.Namespace) -> int:
    tm = TranslationMemory(args.tm)
    for path in args.files:
        added, present = tm.add(reviewed_units(read_xliff(path), path))
        print(f"{path}: {added} reviewed units added, {present} already in the TM")
    return EXIT_OK


def _add_tm_commands(commands) -> None:
    tmx = commands.add_parser("tmx", help="TMX 1.4b: import into a TM, validate, merge, export",
                              description="Translation memory exchange (TMX 1.4b) in bounded memory.")
    sub = tmx.add_subparsers(dest="tmx_command", metavar="COMMAND", required=True)
    imp = sub.add_parser("import", help="add TMX units to a translation memory",
                         description="Read Korean-English units (any language-code form, deprecated lang "
                                     "attribute accepted) into a SQLite TM; duplicates are not repeated.")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--tm", required=True, help="translation memory file (SQLite; created if missing)")
    imp.add_argument("--markup", choices=("flatten", "keep"), default="flatten",
                     help="inline markup (<bpt>, <ph> ...): drop codes and keep text (default) or keep as XML")
    imp.set_defaults(handler=cmd_tmx_import)
    val = sub.add_parser("validate", help="check a TMX file against TMX 1.4b",
                         description="Report problems with their line; exit 1 when there are any.")
    val.add_argument("file", metavar="FILE")
    val.set_defaults(handler=cmd_tmx_validate)
    mer = sub.add_parser("merge", help="merge TMX files, dropping duplicate units",
                         description="Copy every unit of the files into one TMX, markup and props intact; a "
                                     "unit whose texts repeat an earlier one is dropped.")
    mer.add_argument("files", nargs="+", metavar="FILE")
    mer.add_argument("-o", "--output", required=True, metavar="OUT")
    mer.set_defaults(handler=cmd_tmx_merge)
    exp = sub.add_parser("export", help="write a translation memory as TMX",
                         description="Write every unit of a TM as TMX 1.4b.")
    exp.add_argument("--tm", required=True)
    exp.add_argument("-o", "--output", metavar="OUT")
    exp.set_defaults(handler=cmd_tmx_export)

    xliff = commands.add_parser("xliff", help="XLIFF 1.2: pre-translated documents for CAT tools and back",
                                description="Export documents as XLIFF 1.2 pre-translated from the TM; import "
                                            "reviewed XLIFF back into the TM.")
    xsub = xliff.add_subparsers(dest="xliff_command", metavar="COMMAND", required=True)
    xexp = xsub.add_parser("export", help="segment documents and pre-translate them from the TM",
                           description="One trans-unit per segment: TM match -> state translated, no match -> "
                                       "new; glossary hits as notes; boilerplate and credits translate=\"no\".")
    xexp.add_argument("files", nargs="+", metavar="FILE")
    xexp.add_argument("--tm", help="translation memory to pre-translate from")
    xexp.add_argument("--glossary", action="append", metavar="FILE")
    xexp.add_argument("--style", choices=STYLES)
    xexp.add_argument("-o", "--output", metavar="OUT.xlf")
    xexp.set_defaults(handler=cmd_xliff_export)
    ximp = xsub.add_parser("import", help="add reviewed XLIFF units to the TM",
                           description="Units whose target state is translated, final or signed-off are added.")
    ximp.add_argument("files", nargs="+", metavar="FILE")
    ximp.add_argument("--tm", required=True)
    ximp.set_defaults(handler=cmd_xliff_import)


def cmd_romanize(args: argparse.Namespace) -> int:
    lookup = None if args.no_glossary else Lookup(args.glossary or None)
    results = [romanize(text, args.style, lookup, args.kind) for text in args.texts]
    if args.format == "json":
        print(json.dumps([dataclasses.asdict(r) for r in results], ensure_ascii=False, indent=2))
    else:
        for result in results:
            print(result.output)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    glossary = _glossary(args)
    for path in args.files:
        if os.path.isfile(path) and os.path.getsize(path) == 0:
            _note(f"{path}: empty file, nothing to check")
    findings = check_files(args.files, glossary, args.style)
    if args.format == "json":
        print(json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            print(f"{f.file}:{f.line}:{f.col}: {f.kind}: {f.text!r} -> {f.suggestion!r}")
    if args.fix:
        changes = fix_copies(args.files, findings, args.fix)
        _note(f"{len(changes)} changes written to corrected copies in {args.fix} (report: fixes.json)")
    return EXIT_FINDINGS if findings else EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    report = pipeline.run(args.corpus, args.out, progress=not args.quiet)
    for note in report.notes:
        _note(note)
    if args.format == "json":
        print(json.dumps(report.__dict__, ensure_ascii=False, indent=2))
    else:
        print(f"{report.files} files, {report.segments} segments, {report.alignments} alignment records")
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

    align = commands.add_parser(
        "align", help="align Korean with English sentences",
        description="Align a Korean document with its English version into monotone beads "
                    "(JSONL: {\"ko\": [indices], \"en\": [indices], \"score\": cosine}); every sentence is in "
                    "exactly one bead. --fragments pairs the Korean segments of mixed articles with English "
                    "counterparts anywhere in the same article. --jobs aligns many pairs with one encoder.",
    )
    align.add_argument("files", nargs="*", metavar="FILE", help="KO EN, or the articles with --fragments")
    align.add_argument("--presegmented", action="store_true", help="each input line is one sentence")
    align.add_argument("--fragments", action="store_true", help="pair Korean fragments inside each article")
    align.add_argument("--jobs", metavar="JOBS.tsv", help="lines of KO<TAB>EN<TAB>OUT, aligned in one run")
    align.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    align.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    align.add_argument("--encoder", default="use",
                       help="'use' (built-in multilingual USE, default) or a sentence-transformers model folder")
    align.add_argument("--glossary", action="append", metavar="FILE",
                       help="glossary TSV whose names anchor the alignment (repeatable)")
    align.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    align.set_defaults(handler=cmd_align)

    _add_glossary_commands(commands)
    _add_tm_commands(commands)

    roman = commands.add_parser(
        "romanize", help="write Korean names as news media do (yonhap, kcna) or in strict RR / MR",
        description="Romanize Korean personal names the way South Korean media (yonhap: Lee Jae-myung) or "
                    "North Korean official English (kcna: Ri Son Gwon) write them, or any text in strict Revised "
                    "Romanization (rr) or McCune-Reischauer (mr). Glossary entries win unless --no-glossary. "
                    "One line per input, in order; JSON adds the alternatives and a confidence.")
    roman.add_argument("texts", nargs="+", metavar="TEXT")
    roman.add_argument("--style", choices=ROMANIZE_STYLES, default="yonhap")
    roman.add_argument("--as", dest="kind", choices=("auto", "name", "text"), default="auto",
                       help="treat input as a personal name or as text (default: guess)")
    roman.add_argument("--no-glossary", action="store_true", help="rules only")
    roman.add_argument("--glossary", action="append", metavar="FILE")
    roman.add_argument("--format", choices=("text", "json"), default="text")
    roman.set_defaults(handler=cmd_romanize)

    check = commands.add_parser(
        "check", help="flag name spellings that break the house style or each other",
        description="Flag in English copy: (a) glossary names in another house style's form, (b) misspellings, "
                    "(c) institutions off their canonical name, (d) one name written two ways across the files, "
                    "(e) place-name variants. Exit 1 when there are findings.")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--glossary", action="append", metavar="FILE", help="default: the shipped glossaries/")
    check.add_argument("--style", choices=STYLES, default="yonhap", help="house style (default yonhap)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fix", metavar="OUTDIR", help="write corrected copies (and fixes.json) here; originals untouched")
    check.set_defaults(handler=cmd_check)

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


if __name__ == "__main__":
    sys.exit(main())
