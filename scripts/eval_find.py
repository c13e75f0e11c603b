#!/usr/bin/env python3
"""Precision of `glossary find` on Korean news sentences, against hand judgments
(docs/glossary-find-judgments.tsv: 200 hits on the 1,000 dev sentences, every person and
title hit among them, each checked against its sentence and the English translation).

    .venv/bin/python scripts/eval_find.py [--ko FILE] [--judgments FILE]

Hits the list does not judge (after a glossary or recognizer change, or on a held-out
set) are printed, to be judged the same way: correct when the hit names the entity its
entry describes, wrong otherwise (a place inside a newspaper's name, another party).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from mtalign.glossary import Recognizer, load_glossary
from mtalign.glossary.recognize import find_in_files

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "korean-english-news"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ko", type=Path, default=DATA / "korean-english-park.dev.ko")
    parser.add_argument(
        "--judgments", type=Path, default=REPO / "docs" / "glossary-find-judgments.tsv"
    )
    args = parser.parse_args()
    with open(args.judgments, encoding="utf-8") as handle:
        judged = {
            (row["line"], row["col"], row["id"]): row
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        }
    found = {
        (str(r["line"]), str(r["col"]), r["id"])
        for r in find_in_files([str(args.ko)], Recognizer(load_glossary().entries.values()), None)
    }
    for key in sorted(found - set(judged), key=lambda k: (int(k[0]), int(k[1]))):
        print("unjudged\t" + "\t".join(key))
    scored = [row for key, row in judged.items() if key in found]
    for label, rows in (
        ("person and title hits", [r for r in scored if r["person"] == "y"]),
        ("all judged hits", scored),
    ):
        right = sum(row["judgment"] == "correct" for row in rows)
        precision = right / max(len(rows), 1)
        print(f"{label}: {right}/{len(rows)} correct, precision {precision:.3f}")
    gone = len(set(judged) - found)
    print(f"{len(found)} hits in {args.ko.name}; {gone} judged hits no longer found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
