#!/usr/bin/env python3
"""Translation quality of a model on parallel dev data, the way `mtalign translate` runs it.

Each pair of files X.ko / X.en under --data (line N translates line N) is translated in the
directions the model allows (both for NLLB-200 and M2M-100; for others the pairs recorded
when the model was installed, else ko-en), through mtalign's own pipeline (segmentation,
glossary protection, batching). Reported per direction: sacreBLEU BLEU and chrF against the
reference lines, the share of glossary terms of the source that reach the output in
house-style form, `mtalign check` findings on English output, and speed.

    .venv/bin/python scripts/eval_translate.py --model ko-en [--data DIR] [--limit N]

Needs the eval extra (sacrebleu): pip install 'mtalign[eval]'.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from mtalign.errors import UserError
from mtalign.glossary import TermFinder, load_glossary
from mtalign.names import check_files
from mtalign.translate import Engine, model_languages, resolve_model, translate_files
from mtalign.types import HOUSE_STYLES, Entry

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "korean-english-news"


def directions(model_dir: str, wanted: str) -> List[Tuple[str, str]]:
    if wanted != "auto":
        return [("ko", "en"), ("en", "ko")] if wanted == "both" else [tuple(wanted.split("-"))]
    return [tuple(pair.split("-")) for pair in model_languages(model_dir) or ["ko-en"]]


def read_pairs(data: Path, source: str, target: str, limit: int) -> Tuple[List[str], List[str]]:
    sources, references = [], []
    for source_file in sorted(data.glob(f"*.{source}")):
        target_file = source_file.with_suffix(f".{target}")
        if target_file.is_file():
            sources += source_file.read_text(encoding="utf-8").splitlines()
            references += target_file.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(references) or not sources:
        raise UserError(f"{data}: no parallel *.{source} / *.{target} files of equal length")
    return sources[:limit or None], references[:limit or None]


def term_share(sources: Sequence[str], outputs: Sequence[str], entries: Sequence[Entry],
               source: str, style: str) -> Tuple[int, int]:
    """(terms whose expected target form is in the output, terms found in the source)."""
    finder = TermFinder(entries, korean=source == "ko")
    kept = total = 0
    for text, output in zip(sources, outputs):
        for hit in finder.find(text):
            expected = [hit.entry.english(style)] if source == "ko" else hit.entry.ko
            kept += any(form in output for form in expected)
            total += 1
    return kept, total


@functools.lru_cache(maxsize=None)
def shipped_glossary():
    """Loaded once for all directions."""
    return load_glossary()


def evaluate(model: str, source: str, target: str, sources: List[str], references: List[str],
             args: argparse.Namespace) -> Dict:
    import sacrebleu

    glossary = shipped_glossary()
    entries = [] if args.no_glossary else list(glossary.entries.values())
    engine = Engine(model, source, target, beam=args.beam, threads=args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        document = Path(tmp) / f"dev.{source}.txt"
        document.write_text("\n\n".join(sources) + "\n", encoding="utf-8")  # one paragraph a line
        started = time.perf_counter()
        report = translate_files([str(document)], engine, str(Path(tmp) / "out"), glossary=entries,
                                 style=args.style, source_lang=source, progress=False)
        seconds = time.perf_counter() - started
        output = Path(report.outputs[0])
        outputs = output.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
        findings = check_files([str(output)], glossary, args.style) if target == "en" else []
    kept, terms = term_share(sources, outputs, list(glossary.entries.values()), source, args.style)
    return {"direction": f"{source}-{target}", "sentences": len(sources),
            "bleu": round(sacrebleu.corpus_bleu(outputs, [references]).score, 2),
            "chrf": round(sacrebleu.corpus_chrf(outputs, [references]).score, 2),
            "terms": terms, "terms_in_house_style": round(kept / terms, 4) if terms else None,
            "check_findings": len(findings),
            "findings_by_kind": dict(Counter(finding.kind for finding in findings)),
            "seconds": round(seconds, 2),
            "sentences_per_second": round(len(sources) / seconds, 1)}


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True,
                        help="model folder, installed model name or language pair (ko-en)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of X.ko / X.en files")
    parser.add_argument("--direction", choices=("auto", "ko-en", "en-ko", "both"), default="auto")
    parser.add_argument("--limit", type=int, default=0, help="first N pairs only (0: all)")
    parser.add_argument("--style", choices=HOUSE_STYLES, default="yonhap")
    parser.add_argument("--no-glossary", action="store_true", help="no glossary protection")
    parser.add_argument("--beam", type=int, default=1)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> List[Dict]:
    pair = re.fullmatch(r"(ko|en)-(ko|en)", args.model)  # a pair names the direction too
    languages = (pair[1], pair[2]) if pair else ("ko", "en")
    model = resolve_model(args.model, *languages)
    results = []
    for source, target in [languages] if pair else directions(model, args.direction):
        sources, references = read_pairs(args.data, source, target, args.limit)
        results.append(evaluate(model, source, target, sources, references, args))
    return results


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    try:
        results = run(args)
    except UserError as err:
        print(f"eval_translate: error: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=2))
    for result in results if args.format == "text" else ():
        share = result["terms_in_house_style"]
        print(f"{result['direction']}: {result['sentences']} sentences  BLEU {result['bleu']}  "
              f"chrF {result['chrf']}  glossary terms in house style "
              f"{'n/a' if share is None else f'{share:.1%}'} of {result['terms']}  "
              f"check findings {result['check_findings']}  {result['sentences_per_second']} sent/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
