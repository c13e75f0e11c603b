"""Commands over documents: segment, align, and the main job (run)."""

from __future__ import annotations

import argparse
import itertools
import json
import os
from typing import Optional

from mtalign.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_engine_options,
    engine_of,
    glossary_of,
    note,
)
from mtalign.engines import session
from mtalign.errors import UserError
from mtalign.fileio import check_outputs
from mtalign.formats.alignments import ALIGNMENT_FORMATS, output_format


def cmd_segment(args: argparse.Namespace) -> int:
    from mtalign.formats import csvtsv, jsonl
    from mtalign.formats.output import open_output
    from mtalign.segment import ROLES_MODEL_DEFAULT, detect_encoding, segment_file

    check_outputs([args.output], args.files)
    encodings = {path: detect_encoding(path) for path in args.files}  # fail before writing anything
    for path, encoding in encodings.items():
        if encoding not in ("utf-8", "utf-8-sig"):
            note(f"{path}: decoded as {encoding}")
        if os.path.getsize(path) == 0:
            note(f"{path}: empty file, no segments")
    roles = ROLES_MODEL_DEFAULT if args.learned_roles is None else args.learned_roles
    segments = itertools.chain.from_iterable(
        segment_file(path, enc, roles=roles) for path, enc in encodings.items()
    )
    with open_output(args.output) as out:
        if args.format == "jsonl":
            jsonl.write(segments, out)
        else:
            columns = csvtsv.SEGMENT_COLUMNS
            csvtsv.write_rows(
                columns, ([getattr(seg, name) for name in columns] for seg in segments), out
            )
    return EXIT_OK


def _align_fragments(args: argparse.Namespace, encoder) -> int:
    from mtalign.align.fragments import pair_fragments
    from mtalign.formats.alignments import write_records
    from mtalign.formats.output import open_output
    from mtalign.segment import read_document

    documents = [read_document(path) for path in args.files]  # fail before writing anything
    records = [record for doc in documents for record in pair_fragments(doc.segments, encoder)]
    with open_output(args.output, binary=(args.format == "tmx")) as out:
        write_records(records, args.format, out)
    unpaired = sum(1 for record in records if record.en_text is None)
    note(
        f"{len(records)} Korean fragments, {len(records) - unpaired} paired, {unpaired} without an "
        "English counterpart"
    )
    return EXIT_OK


def _align_jobs(args: argparse.Namespace) -> int:
    from mtalign.align.jobs import check_jobs, read_jobs
    from mtalign.engines.jobs import JobOptions, run_align_jobs
    from mtalign.engines.manifest import item_key

    jobs = read_jobs(args.jobs)
    unusable = check_jobs(jobs, args.jobs)
    for line, reason in unusable.items():
        note(f"error: {args.jobs}:{line}: {reason}")
    failed = len(unusable)
    runnable = [job for job in jobs if job.line not in unusable]
    options = JobOptions(args.format, args.presegmented, args.encoder, args.anchors,
                         fingerprint=item_key("glossary", args.glossary or ()))
    engine = engine_of(args)
    with session(engine):
        for job, outcome in run_align_jobs(engine, args.jobs, runnable, options, not args.quiet):
            if outcome.error is not None:
                failed += 1
                note(f"error: {args.jobs}:{job.line}: {outcome.error}")
                continue
            for warning in outcome.value.warnings:
                note(f"warning: {warning}")
            if outcome.value.left_out:
                note(f"{job.out}: {outcome.value.left_out} unpaired beads (1-0, 0-1) "
                     "are not in the TMX")
    return EXIT_FINDINGS if failed else EXIT_OK


def _report_and_write(alignment, out: Optional[str], args: argparse.Namespace) -> None:
    from mtalign.align.documents import write_alignment

    for warning in alignment.warnings:
        note(f"warning: {warning}")
    left_out = write_alignment(alignment, args.format or output_format(out), out)
    if left_out:
        note(f"{out or 'output'}: {left_out} unpaired beads (1-0, 0-1) are not in the TMX")


def cmd_align(args: argparse.Namespace) -> int:
    from mtalign.align import GlossaryAnchors, load_encoder

    if args.jobs and args.files:
        raise UserError("give either KO EN files or --jobs JOBS.tsv, not both")
    if not args.jobs and not args.fragments and len(args.files) != 2:
        raise UserError(
            "align needs two files, KO and EN (or --fragments FILE..., or --jobs JOBS.tsv)"
        )
    if args.fragments and not args.files:
        raise UserError("--fragments needs at least one article file")
    check_outputs([args.output], args.files)
    if not args.jobs and args.engine != "local":
        raise UserError("--engine ray runs many pairs: use it with --jobs JOBS.tsv")
    args.anchors = GlossaryAnchors(glossary_of(args).entries.values()) if args.glossary else None
    if args.jobs:
        return _align_jobs(args)
    encoder = load_encoder(args.encoder)
    if args.fragments:
        args.format = args.format or output_format(args.output)
        return _align_fragments(args, encoder)
    from mtalign.align.documents import align_files

    alignment = align_files(args.files[0], args.files[1], encoder, args.presegmented, args.anchors)
    _report_and_write(alignment, args.output, args)
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from mtalign import pipeline

    engine = engine_of(args)
    with session(engine):
        report = pipeline.run(args.corpus, args.out, progress=not args.quiet, engine=engine)
    for message in report.notes:
        note(message)
    for failure in report.failed:
        note(f"error: {failure} (left out; the other files were processed)")
    if args.format == "json":
        print(json.dumps(report.__dict__, ensure_ascii=False, indent=2))
    else:
        print(
            f"{report.files} files, {report.segments} segments, {report.alignments} alignment "
            "records"
        )
        for output in report.outputs:
            print(f"wrote {output}")
    return EXIT_FINDINGS if report.failed else EXIT_OK


def add_commands(commands) -> None:
    segment = commands.add_parser(
        "segment",
        help="split articles into tagged sentences",
        description="Decode, clean and split text or HTML articles into sentences tagged with "
        "language (ko, en, mixed, und) and role (headline, byline, dateline, caption, body, "
        "credit, boilerplate). JSONL fields: text, lang, role, source, start, end.",
    )
    segment.add_argument(
        "files", nargs="+", metavar="FILE", help="text or HTML files (UTF-8, EUC-KR or CP949)"
    )
    segment.add_argument(
        "--format", choices=("jsonl", "tsv"), default="jsonl", help="output format (default jsonl)"
    )
    segment.add_argument(
        "-o", "--output", metavar="OUT", help="write here instead of standard output"
    )
    segment.add_argument(
        "--learned-roles",
        action=argparse.BooleanOptionalAction,
        help="text files: the learned role model gives the roles (on by default, better than "
        "the rules alone on page layouts they were not written from, docs/BENCHMARKS.md); "
        "--no-learned-roles: the rules alone",
    )
    segment.set_defaults(handler=cmd_segment)

    align = commands.add_parser(
        "align",
        help="align Korean with English sentences",
        description="Align a Korean document with its English version into monotone beads "
        "(JSONL records: kind, source, en_source, ko and en sentence indices, ko_text, en_text, "
        "score, ko_role, en_role); every sentence is in exactly one bead. --fragments pairs "
        "the Korean segments of mixed articles with English counterparts anywhere in the same "
        "article. --jobs aligns many pairs with one encoder.",
    )
    align.add_argument(
        "files", nargs="*", metavar="FILE", help="KO EN, or the articles with --fragments"
    )
    align.add_argument(
        "--presegmented", action="store_true", help="each input line is one sentence"
    )
    align.add_argument(
        "--fragments", action="store_true", help="pair Korean fragments inside each article"
    )
    align.add_argument(
        "--jobs", metavar="JOBS.tsv", help="lines of KO<TAB>EN<TAB>OUT, aligned in one run"
    )
    align.add_argument(
        "--format",
        choices=ALIGNMENT_FORMATS,
        help="output format (default: from each OUT's extension .tmx/.tsv/.jsonl, else jsonl)",
    )
    align.add_argument(
        "-o", "--output", metavar="OUT", help="write here instead of standard output"
    )
    align.add_argument(
        "--encoder",
        default="use",
        help="'use' (built-in multilingual USE, default) or a sentence-transformers model folder",
    )
    align.add_argument("--glossary", action="append", metavar="FILE",
                       help="glossary TSV whose names anchor the alignment (repeatable)")
    align.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_engine_options(align)
    align.set_defaults(handler=cmd_align)

    run = commands.add_parser(
        "run",
        help="the main job: every stage over a corpus folder",
        description="Run every pipeline stage over CORPUS and write the results to --out. A file "
                    "that cannot be read is reported and left out, the rest is still written "
                    "(exit 1).",
    )
    run.add_argument(
        "corpus", metavar="CORPUS", help="folder of article files (for example corpora/)"
    )
    run.add_argument("--out", default="build", help="output folder (default build/)")
    run.add_argument("--format", choices=("text", "json"), default="text", help="summary format")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    add_engine_options(run)
    run.set_defaults(handler=cmd_run)
