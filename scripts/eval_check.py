#!/usr/bin/env python3
"""Precision and recall of `mtalign check` on marked test paragraphs.

Each file holds paragraphs with injected variants marked `[[text|kind]]`; the file name
(yonhap.txt, kcna.txt, ap.txt) names the house style. The marks are stripped, the clean
text is checked, and findings are matched to marks by line and column.

    .venv/bin/python scripts/eval_check.py [FILE ...]   (default: tests/data/check/*.txt)
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from mtalign.glossary.store import load_glossary
from mtalign.names.consistency import check_files

MARK = re.compile(r"\[\[(.+?)\|(\w+)\]\]")
DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "check"


def strip_marks(text: str):
    """Clean lines and the gold findings {(line, col): (text, kind)}."""
    gold, lines = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        clean, offset = [], 0
        for match in MARK.finditer(line):
            clean.append(line[offset:match.start()])
            col = len("".join(clean)) + 1
            gold[number, col] = (match.group(1), match.group(2))
            clean.append(match.group(1))
            offset = match.end()
        clean.append(line[offset:])
        lines.append("".join(clean))
    return lines, gold


def evaluate(path: Path, glossary):
    lines, gold = strip_marks(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp) / path.name
        clean.write_text("\n".join(lines) + "\n", encoding="utf-8")
        findings = check_files([str(clean)], glossary, path.stem)
    found = {(f.line, f.col): (f.text, f.kind) for f in findings}
    hits = set(found) & set(gold)
    kinds = sum(1 for key in hits if found[key][1] == gold[key][1])
    return (
        len(hits),
        len(found),
        len(gold),
        kinds,
        sorted(set(found) - set(gold)),
        sorted(set(gold) - set(found)),
        found,
        gold,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="marked files (default: tests/data/check/*.txt)")
    files = parser.parse_args().files or sorted(DEFAULT.glob("*.txt"))
    glossary = load_glossary()
    total = [0, 0, 0, 0]
    for path in files:
        hit, found, gold, kinds, extra, missed, found_map, gold_map = evaluate(path, glossary)
        total = [t + v for t, v in zip(total, (hit, found, gold, kinds))]
        print(
            f"{path.name}: {hit} of {found} findings right, {hit} of {gold} variants found, kind "
            f"right {kinds}/{hit}"
        )
        for key in extra:
            print(f"  false alarm line {key[0]}: {found_map[key]}")
        for key in missed:
            print(f"  missed line {key[0]}: {gold_map[key]}")
    hit, found, gold, kinds = total
    print(f"precision {hit / found if found else 1:.3f}  recall {hit / gold if gold else 1:.3f}  "
          f"kind accuracy {kinds / hit if hit else 1:.3f}  ({found} findings, {gold} injected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
