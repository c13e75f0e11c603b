#!/usr/bin/env python3
"""Roles, sentence boundaries and fragment pairing of `mtalign segment` on real news pages.

Gold: tests/data/pages/ (MANIFEST.tsv lists each page, its source and its split: dev, or
heldout2 and heldout3, the held-out parts; `dev-heldout1` is the first held-out part, read
twice and so moved into dev: `--split dev` includes it, `--split dev-heldout1` scores it alone;
`html` are saved HTML pages, scored as mtalign reads HTML).
NAME.gold.tsv holds every segment of NAME as it should be: start/end offsets
into the normalized document text, role, language, and for Korean segments the start
offset(s) of the English segment(s) they translate (`-` for none, `a+b` for two).

- role accuracy: share of gold segments whose text is mostly covered by a predicted
  segment of the same role;
- boundaries: a boundary is the offset where a segment starts; precision, recall and
  errors (missed + spurious) per 100 gold segments;
- fragment pairing: `align --fragments` pairs (Korean gold segment, English gold segment)
  against the gold pairs, on pages holding both languages.

Figures are per language of the gold segment (ko = ko + mixed; und counts with the page's
language). `--baseline REV` evaluates git revision REV's mtalign the same way, side by side.
`--group-by outlet` deals the pages into `--folds` groups by publisher (MANIFEST's outlet
column, its parenthesized note dropped: every Yonhap page in one fold) and prints each fold
beside the whole; `--fold K` scores (and lists the errors of) fold K alone, so that rules
can be written from some outlets and checked on the others.

    .venv/bin/python scripts/eval_pages.py [--split heldout2] [--baseline main]
        [--compare-roles] [--errors] [--group-by outlet [--folds 5] [--fold K]]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "data" / "pages"
GOLD_COLUMNS = ("start", "end", "role", "lang", "pair", "text")


@dataclass
class Span:
    start: int
    end: int
    role: str
    lang: str
    pair: str = ""
    text: str = ""


def manifest(split: str) -> List[dict]:
    with open(PAGES / "MANIFEST.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows
            if split in ("all", row["split"]) or row["split"].startswith(split + "-")]


def outlet_group(outlet: str) -> str:
    """The publisher of a page: "Yonhap News Agency (English)" -> "yonhap news agency"."""
    name = re.sub(r"\([^()]*\)", "", outlet).strip().lower()
    return re.sub(r"^the\s+", "", name)


def outlet_folds(rows: List[dict], folds: int) -> Dict[str, int]:
    """Each page's fold: whole outlets dealt, largest first, to the fold with fewest pages."""
    by_outlet: Dict[str, List[str]] = defaultdict(list)
    for row in rows:
        by_outlet[outlet_group(row["outlet"])].append(row["file"])
    sizes = [0] * folds
    fold_of = {}
    for outlet in sorted(by_outlet, key=lambda name: (-len(by_outlet[name]), name)):
        fold = sizes.index(min(sizes))
        sizes[fold] += len(by_outlet[outlet])
        fold_of.update(dict.fromkeys(by_outlet[outlet], fold))
    return fold_of


def read_gold(path: Path) -> List[Span]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Span(int(r["start"]), int(r["end"]), r["role"], r["lang"], r["pair"], r["text"])
            for r in rows]


def write_gold(spans: List[Span], out) -> None:
    out.write("\t".join(GOLD_COLUMNS) + "\n")
    for s in spans:
        text = s.text.replace("\\", "\\\\").replace("\n", "\\n")  # one segment, one line
        out.write(f"{s.start}\t{s.end}\t{s.role}\t{s.lang}\t{s.pair}\t{text}\n")


def page_language(name: str) -> str:
    return "en" if name.startswith("en_") else "ko"


def segment_language(span: Span, page: str) -> str:
    if span.lang == "und":
        return page_language(page)
    return "en" if span.lang == "en" else "ko"


def predict(path: Path, extractor: bool = True, roles: Optional[bool] = None) -> List[Span]:
    """mtalign's segments of a page; `roles` turns the learned role model on or off (None: the
    package's default)."""
    from mtalign.segment import segment_file

    options = {} if extractor else {"extractor": False}  # older revisions lack the options
    options.update({} if roles is None else {"roles": roles})
    segments = segment_file(path, **options)
    return [Span(s.start, s.end, s.role, s.lang, "", s.text) for s in segments]


def predicted_pairs(path: Path, predicted: List[Span], encoder) -> List[Tuple[int, int]]:
    """(Korean start, English start) of every pair `align --fragments` makes on the page."""
    from mtalign.align.fragments import pair_fragments
    from mtalign.types import Segment

    segments = [Segment(s.text, s.lang, s.role, str(path), s.start, s.end) for s in predicted]
    records = pair_fragments(segments, encoder)
    return [(predicted[r.ko[0]].start, predicted[en].start) for r in records for en in r.en]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def best_match(span: Span, candidates: List[Span]) -> Optional[Span]:
    overlaps = [(_overlap(span, c), c) for c in candidates]
    best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > 0 else None


def gold_pairs(gold: List[Span]) -> set:
    return {(s.start, int(en)) for s in gold if s.pair not in ("", "-") for en in s.pair.split("+")}


def map_pairs(pairs, predicted: List[Span], gold: List[Span]) -> set:
    """Predicted (ko start, en start) -> the gold segments they mostly cover."""
    starts = {s.start: s for s in predicted}
    mapped = set()
    for ko, en in pairs:
        ko_gold, en_gold = best_match(starts[ko], gold), best_match(starts[en], gold)
        if ko_gold and en_gold:
            mapped.add((ko_gold.start, en_gold.start))
    return mapped


def score_page(name: str, gold: List[Span], predicted: List[Span], counts: Dict[str, Counter],
               errors: Optional[list]) -> None:
    gold_starts = {s.start: s for s in gold}
    predicted_starts = {s.start: s for s in predicted}
    for span in gold:
        lang = segment_language(span, name)
        match = best_match(span, predicted)
        counts[lang]["segments"] += 1
        counts[lang]["role_ok"] += bool(match and match.role == span.role)
        if errors is not None and not (match and match.role == span.role):
            found = match.role if match else None
            errors.append(f"{name}: role {found} for {span.role}: {span.text[:70]}")
        if span.start in predicted_starts:
            counts[lang]["boundary_tp"] += 1
        else:
            counts[lang]["boundary_fn"] += 1
            if errors is not None:
                errors.append(f"{name}: missed start: {span.text[:70]}")
    for start, span in predicted_starts.items():
        if start not in gold_starts:
            holder = best_match(span, gold)
            lang = segment_language(holder, name) if holder else page_language(name)
            counts[lang]["boundary_fp"] += 1
            if errors is not None:
                errors.append(f"{name}: spurious start: {span.text[:70]}")


def score_pairs(name: str, gold: List[Span], found: set, counts: Dict[str, Counter],
                errors: Optional[list]) -> None:
    expected = gold_pairs(gold)
    if errors is not None:
        text = {s.start: s.text[:40] for s in gold}
        for label, pairs in (("wrong", found - expected), ("missed", expected - found)):
            errors += [f"{name}: {label} pair: {text[k]} = {text[e]}" for k, e in sorted(pairs)]
    counts["pairs"]["predicted"] += len(found)
    counts["pairs"]["gold"] += len(expected)
    counts["pairs"]["correct"] += len(found & expected)


def evaluate(rows: List[dict], with_pairs: bool, show_errors: bool, extractor: bool = True,
             roles: Optional[bool] = None) -> dict:
    counts: Dict[str, Counter] = defaultdict(Counter)
    errors: Optional[list] = [] if show_errors else None
    encoder = None
    if with_pairs:
        from mtalign.align.encoders import load_encoder

        encoder = load_encoder()
    for row in rows:
        path = PAGES / row["file"]
        gold = read_gold(path.with_suffix(".gold.tsv"))
        predicted = predict(path, extractor, roles)
        score_page(row["file"], gold, predicted, counts, errors)
        if encoder is not None and any(s.lang == "en" for s in gold):
            found = map_pairs(predicted_pairs(path, predicted, encoder), predicted, gold)
            score_pairs(row["file"], gold, found, counts, errors)
    return {"counts": {key: dict(value) for key, value in counts.items()}, "errors": errors or []}


def figures(counts: dict) -> dict:
    out = {}
    for lang in ("ko", "en"):
        c = Counter(counts.get(lang, {}))
        tp, fp, fn, n = c["boundary_tp"], c["boundary_fp"], c["boundary_fn"], c["segments"]
        out[lang] = {
            "segments": n,
            "role accuracy": c["role_ok"] / n if n else 0.0,
            "boundary precision": tp / (tp + fp) if tp + fp else 1.0,
            "boundary recall": tp / (tp + fn) if tp + fn else 1.0,
            "boundary errors / 100": 100 * (fp + fn) / n if n else 0.0,
        }
    pairs = Counter(counts.get("pairs", {}))
    if pairs:
        out["pairs"] = {
            "gold pairs": pairs["gold"],
            "precision": pairs["correct"] / pairs["predicted"] if pairs["predicted"] else 1.0,
            "recall": pairs["correct"] / pairs["gold"] if pairs["gold"] else 1.0,
        }
    return out


@contextmanager
def exported(revision: str) -> Iterator[str]:
    """A temporary folder holding git revision `revision`'s mtalign package."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "mtalign"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        yield tmp


def baseline(revision: str, args: argparse.Namespace) -> dict:
    """Run this script against `revision`'s mtalign package (exported to a temporary folder)."""
    with exported(revision) as tmp:
        command = [sys.executable, __file__, "--split", args.split, "--json",
                   "--folds", str(args.folds)]
        command += ["--group-by", args.group_by, "--fold", str(args.fold)] if args.group_by else []
        command += [] if args.pairs else ["--no-pairs"]
        command += [] if args.extractor else ["--no-extractor"]
        env = {**os.environ, "PYTHONPATH": tmp, "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run(command, check=True, capture_output=True, text=True, env=env,
                                cwd=tmp)
    return json.loads(result.stdout)


def print_table(columns: Dict[str, dict]) -> None:
    names = list(columns)
    print("| measure | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    first = columns[names[0]]
    for group, measures in first.items():
        for measure in measures:
            cells = []
            for name in names:
                value = columns[name].get(group, {}).get(measure, "")
                cells.append(f"{value:.3f}" if isinstance(value, float) else str(value))
            print(f"| {group} {measure} | " + " | ".join(cells) + " |")


def print_folds(rows: List[dict], fold_of: Dict[str, int], args: argparse.Namespace) -> int:
    """Figures per outlet fold and for all the folds' pages together."""
    columns, pooled = {}, []
    for fold in range(args.folds):
        members = [row for row in rows if fold_of[row["file"]] == fold]
        outlets = sorted({outlet_group(row["outlet"]) for row in members})
        print(f"fold {fold}: {len(members)} pages: " + ", ".join(outlets))
        result = evaluate(members, args.pairs, False, args.extractor)
        columns[f"fold {fold}"] = figures(result["counts"])
        pooled.append(result["counts"])
    total: Dict[str, Counter] = defaultdict(Counter)
    for counts in pooled:
        for key, value in counts.items():
            total[key].update(value)
    columns["all folds"] = figures({key: dict(value) for key, value in total.items()})
    print(f"split: {args.split}, pages: {len(rows)}, {args.folds} folds by outlet")
    print_table(columns)
    return 0


def draft(path: Path) -> None:
    """Print the current segmentation of a page in the gold format, as a start for hand work."""
    spans = predict(path)
    for span in spans:
        span.pair = "-" if span.lang in ("ko", "mixed") else ""
    write_gold(spans, sys.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    splits = ("dev", "dev-heldout1", "html", "heldout2", "heldout3", "heldout4", "heldout5",
              "heldout6", "all")
    parser.add_argument("--split", choices=splits, default="all")
    parser.add_argument("--baseline", metavar="REV",
                        help="also evaluate git revision REV (e.g. main)")
    parser.add_argument("--no-extractor", dest="extractor", action="store_false",
                        help="HTML pages without trafilatura's role hints")
    parser.add_argument("--no-pairs", dest="pairs", action="store_false",
                        help="skip fragment pairing")
    parser.add_argument("--compare-roles", action="store_true",
                        help="score this checkout with the rules alone and with the role model")
    parser.add_argument("--errors", action="store_true", help="list every wrong role and boundary")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--group-by", choices=("outlet",),
                        help="grouped cross-validation: figures per fold of whole outlets")
    parser.add_argument("--folds", type=int, default=5, help="number of outlet folds")
    parser.add_argument("--fold", type=int, help="score fold K of --group-by alone")
    parser.add_argument("--draft", type=Path, metavar="PAGE",
                        help="print PAGE's segmentation as a gold draft")
    args = parser.parse_args()
    if args.draft:
        draft(args.draft)
        return 0
    if args.fold is not None and not (args.group_by and 0 <= args.fold < args.folds):
        parser.error("--fold K needs --group-by outlet and 0 <= K < --folds")
    rows = manifest(args.split)
    fold_of = outlet_folds(rows, args.folds) if args.group_by else {}
    if args.fold is not None:
        rows = [row for row in rows if fold_of[row["file"]] == args.fold]
    elif args.group_by and not args.json:
        return print_folds(rows, fold_of, args)
    result = evaluate(rows, args.pairs, args.errors, args.extractor,
                      False if args.compare_roles else None)
    ours = figures(result["counts"])
    if args.json:
        print(json.dumps(ours))
        return 0
    columns = {"this checkout": ours}
    if args.compare_roles:
        with_model = evaluate(rows, args.pairs, args.errors, args.extractor, True)
        columns = {"rules only": ours, "rules + role model": figures(with_model["counts"])}
        result["errors"] += ["[with the model] " + line for line in with_model["errors"]]
    if args.baseline:
        columns = {args.baseline: baseline(args.baseline, args), **columns}
    print(f"split: {args.split}, pages: {len(rows)}"
          + (f", outlet fold {args.fold} of {args.folds}" if args.group_by else ""))
    print_table(columns)
    for line in result["errors"]:
        print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
