#!/usr/bin/env python3
"""Exact-match accuracy of `romanize --no-glossary` on public figures, beside hangul-romanize
and korean-romanizer run in the same script (their output arranged as Surname Given-name).

    .venv/bin/python scripts/eval_romanize.py [--south FILE] [--north FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mtalign.names.romanize import romanize
from mtalign.names.styles import DATA, split_name

NAMES = Path(__file__).resolve().parent.parent / "tests" / "data" / "names"


def _others():
    systems = {}
    try:
        from hangul_romanize import Transliter
        from hangul_romanize.rule import academic

        transliter = Transliter(academic)
        systems["hangul-romanize"] = transliter.translit
    except ImportError:
        pass
    try:
        from korean_romanizer.romanizer import Romanizer

        systems["korean-romanizer"] = lambda text: Romanizer(text).romanize()
    except ImportError:
        pass
    return systems


def _as_name(engine, hangul: str) -> str:
    surname, given = split_name(hangul)
    return f"{engine(surname).capitalize()} {engine(given).capitalize()}"


def evaluate(path: Path, style: str):
    pairs = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = {"mtalign": sum(romanize(ko, style).output == en for ko, en in pairs)}
    for name, engine in _others().items():
        results[name] = sum(_as_name(engine, ko) == en for ko, en in pairs)
    misses = [(ko, en, romanize(ko, style).output) for ko, en in pairs if romanize(ko, style).output != en]
    return len(pairs), results, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--south", type=Path, default=NAMES / "south.tsv")
    parser.add_argument("--north", type=Path, default=NAMES / "north.tsv")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    derived = {source.split(" = ")[0] for source in json.loads(DATA.read_text(encoding="utf-8"))["sources"]}
    print("| list | style | names | system | exact matches | accuracy |")
    print("| --- | --- | --- | --- | --- | --- |")
    for path, style in ((args.south, "yonhap"), (args.north, "kcna")):
        count, results, misses = evaluate(path, style)
        overlap = [ko for ko, _ in (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()) if ko in derived]
        for system, right in results.items():
            print(f"| {path.name} | {style} | {count} | {system} | {right} | {right / count:.2f} |")
        if overlap:
            print(f"warning: {path.name} shares {overlap} with the derivation data", file=sys.stderr)
        if args.misses:
            for ko, expected, got in misses:
                print(f"  {ko}: expected {expected}, got {got}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
