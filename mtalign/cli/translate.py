"""The translate command: documents through the translation memory, then CTranslate2."""

from __future__ import annotations

import argparse
import functools
import json
import os
from dataclasses import asdict
from typing import List, Sequence

from mtalign.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_engine_options,
    engine_of,
    glossary_of,
    note,
    positive_int,
)
from mtalign.engines import session
from mtalign.errors import UserError
from mtalign.fileio import check_outputs, copy_targets
from mtalign.types import HOUSE_STYLES

QUANTIZATIONS = ("int8", "int8_float16", "int16", "float16", "float32", "none")


def cmd_translate(args: argparse.Namespace) -> int:
    from mtalign.engines.translation import translation_engines
    from mtalign.tm import TranslationMemory
    from mtalign.translate import Engine, resolve_model, translate_files, write_qa_report

    for path in args.inputs:
        if not os.path.isfile(path):
            raise UserError(f"{path}: no such file")
    if all(os.path.getsize(path) == 0 for path in args.inputs):
        raise UserError(f"{', '.join(args.inputs)}: empty input, nothing to translate")
    outputs = [*copy_targets(args.inputs, args.out), os.path.join(args.out, "translate-qa.json")]
    check_outputs(outputs, [*args.inputs, *([args.tm] if args.tm else [])])
    model = resolve_model(args.model, args.src, args.tgt)
    if model != args.model and not args.quiet:
        note(f"--model {args.model}: {model}")
    config = engine_of(args)
    engine, translate_chunks = translation_engines(config, functools.partial(
        Engine, model, args.src, args.tgt, device=args.device, compute_type=args.compute_type,
        threads=args.threads, beam=args.beam, batch_tokens=args.batch_tokens, moses=args.moses,
        max_length=args.max_length))
    tm = TranslationMemory.existing(args.tm) if args.tm else None
    glossary = list(glossary_of(args).entries.values())
    chunking = {"chunk_size": args.checkpoint_every} if args.checkpoint_every else {}
    with session(config):
        report = translate_files(args.inputs, engine, args.out, tm, glossary, args.style, args.src,
                                 progress=not args.quiet, tm_threshold=args.tm_threshold,
                                 translate_chunks=translate_chunks, **chunking)
    qa_report = os.path.join(args.out, "translate-qa.json")
    write_qa_report(report, qa_report)
    summary = {
        "segments": report.segments,
        "from_tm": report.from_tm,
        "from_model": report.from_model,
        "passed_through": len(report.passed_through),
        "spliced": len(report.spliced),
        "term_misses": len(report.term_misses),
        "outputs": report.outputs,
        "qa_report": qa_report,
    }
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(
            f"{report.segments} segments: {report.from_tm} from the TM, {report.from_model} "
            f"sentences by the model, {len(report.passed_through)} passed through, "
            f"{len(report.spliced)} translated around glossary terms; {len(report.term_misses)} "
            f"glossary terms missing (see {summary['qa_report']})"
        )
    if report.term_misses or report.passed_through or report.spliced:
        note("some segments need review: see the QA report")
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_model_convert(args: argparse.Namespace) -> int:
    from mtalign.translate import convert_model

    out = convert_model(
        args.hf_dir,
        args.out_dir,
        None if args.quantization == "none" else args.quantization,
        args.force,
    )
    print(f"converted {args.hf_dir} -> {out}")
    return EXIT_OK


def cmd_model_get(args: argparse.Namespace) -> int:
    from mtalign.translate import get_model

    print(get_model(args.model, args.quantization, args.dir, progress=not args.quiet))
    return EXIT_OK


def _print_rows(rows: List[dict], columns: Sequence[str]) -> None:
    widths = {name: max(len(str(row[name])) for row in [{name: name}, *rows]) for name in columns}
    for row in [dict(zip(columns, columns)), *rows]:
        print("  ".join(str(row[name]).ljust(widths[name]) for name in columns).rstrip())


def cmd_model_list(args: argparse.Namespace) -> int:
    from mtalign.translate import installed_models, remote_models

    found, problems = remote_models() if args.remote else (installed_models(args.dir), [])
    for problem in problems:
        note(f"warning: {problem}")
    rows = [{**asdict(model), "languages": " ".join(model.languages) or "?"} for model in found]
    if args.format == "json":
        print(json.dumps([asdict(model) for model in found], ensure_ascii=False, indent=2))
    elif args.remote:
        _print_rows(rows, ("spec", "languages", "kind", "licence", "version", "note"))
        print("get one with: mtalign model get SPEC (downloading needs network access)")
    elif rows:
        rows = [{**row, "size": f"{row['size'] / 1e6:.1f} MB"} for row in rows]
        _print_rows(rows, ("name", "languages", "family", "size", "quantization", "source", "path"))
    else:
        print("no model installed; get one with: mtalign model get ko-en (needs network access)")
    return EXIT_FINDINGS if problems else EXIT_OK


STORE_HELP = "model store folder (default: $MTALIGN_HOME/models or ~/.local/share/mtalign/models)"


def _add_model_store_commands(model_commands) -> None:
    get = model_commands.add_parser(
        "get", help="download a model into the model store",
        description="Download a model (progress on stderr; size and checksum verified where "
                    "the source publishes them; an interrupted download resumes), install it "
                    "atomically into the model store and print its folder. ko-en and en-ko are "
                    "the Argos Translate packages; argos:CODE names one; hf:OWNER/REPO is a "
                    "Hugging Face Hub repository (a CTranslate2 model as it is; a Marian/NLLB/M2M "
                    "checkpoint is converted with the convert extra). Needs network access.")
    get.add_argument("model", metavar="MODEL", help="ko-en, en-ko, argos:CODE or hf:OWNER/REPO")
    get.add_argument("--quantization", choices=QUANTIZATIONS[:-1],
                     help="checkpoints: conversion quantization (default int8); CTranslate2 "
                          "models: the compute type `translate` uses unless given --compute-type")
    get.add_argument("--dir", metavar="DIR", help=STORE_HELP)
    get.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    get.set_defaults(handler=cmd_model_get)
    listing = model_commands.add_parser(
        "list", help="installed models, or with --remote what can be downloaded",
        description="List the installed models (name, languages, family, size, quantization, "
                    "source, folder); --remote lists the ko/en models of the Argos package index "
                    "and known Hugging Face Hub repositories (needs network access).")
    listing.add_argument("--remote", action="store_true",
                         help="what can be downloaded for ko/en (needs network access)")
    listing.add_argument("--dir", metavar="DIR", help=STORE_HELP)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=cmd_model_list)


def add_commands(commands) -> None:
    model = commands.add_parser("model", help="get, list and convert CTranslate2 models",
                                description="Models for `mtalign translate`: get, list, convert.")
    model_commands = model.add_subparsers(dest="model_command", metavar="COMMAND", required=True)
    _add_model_store_commands(model_commands)
    convert = model_commands.add_parser(
        "convert",
        help="convert a Hugging Face OPUS-MT / NLLB / M2M-100 checkpoint to CTranslate2",
        description="Wrap CTranslate2's converter (needs the `convert` extra: transformers and "
                    "torch) and copy the checkpoint's SentencePiece files beside the converted "
                    "model.",
    )
    convert.add_argument("hf_dir", metavar="HF_DIR")
    convert.add_argument("out_dir", metavar="OUT_DIR")
    convert.add_argument("--quantization", default="int8", choices=QUANTIZATIONS)
    convert.add_argument("--force", action="store_true", help="overwrite OUT_DIR")
    convert.set_defaults(handler=cmd_model_convert)

    translate = commands.add_parser(
        "translate",
        help="translate documents: TM first, then a CTranslate2 model",
        description="Segment the inputs, take translation-memory matches (exact, then fuzzy at "
                    "--tm-threshold), translate the rest with a CTranslate2 model "
                    "(Marian/OPUS-MT, NLLB-200 or M2M-100) in length-sorted, token-budgeted "
                    "batches with glossary terms protected, and write each document back with "
                    "its layout to --out. A checkpoint lets a killed run resume; "
                    "translate-qa.json lists TM matches, segments translated around glossary "
                    "terms, terms still missing and lines passed through. Exit 1 when it lists "
                    "anything to review.",
    )
    translate.add_argument("inputs", nargs="+", metavar="INPUT")
    translate.add_argument("--model", metavar="MODEL",
                           help="CTranslate2 model folder with its SentencePiece files, an Argos "
                                "package folder or .argosmodel file, or an installed model's "
                                "name or language pair (ko-en)")
    translate.add_argument("--src", default="ko", choices=("ko", "en"))
    translate.add_argument("--tgt", default="en", choices=("ko", "en"))
    translate.add_argument("--glossary", action="append", metavar="FILE")
    translate.add_argument("--style", choices=HOUSE_STYLES, default="yonhap")
    translate.add_argument(
        "--tm", help="translation memory (SQLite) whose matches are used before the model"
    )
    translate.add_argument(
        "--tm-threshold",
        type=float,
        default=85.0,
        help="lowest fuzzy-match score (0-100) to reuse a TM translation (default 85)",
    )
    translate.add_argument(
        "--out", default="translated", help="output folder (default translated/)"
    )
    translate.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    translate.add_argument(
        "--compute-type",
        default="auto",
        choices=("auto", "int8", "int8_float16", "float16", "float32"),
    )
    translate.add_argument("--beam", type=int, default=1)
    translate.add_argument("--batch-tokens", type=int, default=4096)
    translate.add_argument(
        "--max-length",
        type=positive_int,
        default=256,
        metavar="TOKENS",
        help="longest translation the model may produce, in tokens (default 256)",
    )
    translate.add_argument(
        "--threads", type=int, default=0, help="CPU threads (0: CTranslate2's default)"
    )
    translate.add_argument(
        "--moses",
        action="store_true",
        help="the model expects Moses-tokenized text: tokenize with sacremoses before "
        "SentencePiece and detokenize after",
    )
    translate.add_argument(
        "--checkpoint-every",
        type=positive_int,
        metavar="N",
        help="sentences per checkpointed chunk: a killed run redoes at most one chunk "
        "(default 256)",
    )
    translate.add_argument("--format", choices=("text", "json"), default="text")
    translate.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    add_engine_options(translate, gpus=True)
    translate.set_defaults(handler=cmd_translate)
