#!/usr/bin/env python3
"""Precision of the top-N glossary candidates extracted from one-sentence-a-line parallel data,
judged against a hand-built list (docs/glossary-extraction-judgments.tsv).

    .venv/bin/python scripts/eval_extract.py [--ko FILE --en FILE] [--top 100] [--no-glossary]

Candidates that the list does not judge are printed, so that a new data set (a held-out
set) can be judged by hand the same way: each pair is checked against its evidence line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mtalign.glossary import load_glossary
from mtalign.glossary.extract import extract

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "korean-english-news"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ko", type=Path, default=DATA / "korean-english-park.dev.ko")
    parser.add_argument("--en", type=Path, default=DATA / "korean-english-park.dev.en")
    parser.add_argument(
        "--judgments", type=Path, default=REPO / "docs" / "glossary-extraction-judgments.tsv"
    )
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--no-glossary", action="store_true",
                        help="propose known pairs too (the list before issue 12)")
    args = parser.parse_args()
    glossary = None if args.no_glossary else load_glossary()
    ko = args.ko.read_text(encoding="utf-8").splitlines()
    en = args.en.read_text(encoding="utf-8").splitlines()
    pairs = [(k, e, f"{args.ko.name}:{i + 1}") for i, (k, e) in enumerate(zip(ko, en))]
    top = extract(pairs, glossary=glossary)[: args.top]
    judged = {}
    for line in args.judgments.read_text(encoding="utf-8").splitlines()[1:]:
        k, e, judgment, _ = line.split("\t")
        judged[k, e] = judgment
    counts = {"correct": 0, "part": 0, "wrong": 0, "unjudged": 0}
    for candidate in top:
        verdict = judged.get((candidate.ko, candidate.en), "unjudged")
        counts[verdict] += 1
        if verdict == "unjudged":
            print(f"unjudged\t{candidate.ko}\t{candidate.en}\t{candidate.evidence}")
    total = len(top)
    print(f"top {total}: {counts}")
    print(f"precision (correct or name part): {(counts['correct'] + counts['part']) / total:.2f}; "
          f"strict (whole names only): {counts['correct'] / total:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
