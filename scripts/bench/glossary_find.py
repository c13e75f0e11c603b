#!/usr/bin/env python3
"""Term recognition speed and hits: the recognizer against a plain substring matcher.

Both run in the same process over the same Korean sentences (default: the 1,000 dev
sentences) with the shipped glossary. The plain matcher is a longest-match scan of the
Korean forms with no word, name-context or title checks (what the project used before
the recognizer). Each is timed over the whole file, median of `--runs` runs; the
recognizer starts cold (kiwipiepy loads on its first ambiguous hit, inside the first run).

    .venv/bin/python scripts/bench/glossary_find.py [--file SENTENCES] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from pathlib import Path

from mtalign.glossary.store import load_glossary
from mtalign.glossary.terms import TermFinder

DEV = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "korean-english-news"
    / "korean-english-park.dev.ko"
)


class SubstringMatcher:
    """Every Korean form wherever it occurs as a substring, longest first."""

    def __init__(self, entries) -> None:
        self._by_prefix = defaultdict(list)
        for entry in entries:
            for form in entry.ko:
                if len(form) >= 2:
                    self._by_prefix[form[:2]].append(form)
        for forms in self._by_prefix.values():
            forms.sort(key=len, reverse=True)

    def find(self, text: str) -> list:
        hits, position = [], 0
        while position < len(text) - 1:
            for form in self._by_prefix.get(text[position : position + 2], ()):
                if text.startswith(form, position):
                    hits.append((position, form))
                    position += len(form) - 1
                    break
            position += 1
        return hits


def timed(find, lines, runs: int):
    """(median seconds, first-run seconds, hits) over the whole file."""
    seconds, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        count = sum(len(find(line)) for line in lines)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), seconds[0], count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEV)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    lines = args.file.read_text(encoding="utf-8").splitlines()
    entries = list(load_glossary().entries.values())
    start = time.perf_counter()
    recognizer = TermFinder(entries)
    built = time.perf_counter() - start
    plain = SubstringMatcher(entries)
    print(
        f"{len(entries)} glossary entries; {len(lines)} sentences from {args.file.name}; "
        f"recognizer built in {built * 1000:.0f} ms"
    )
    for name, find in (("plain substring", plain.find), ("recognizer", recognizer.find)):
        seconds, first, hits = timed(find, lines, args.runs)
        print(
            f"{name:16} {hits:5d} hits  median {seconds * 1000:7.1f} ms  "
            f"{len(lines) / seconds:8.0f} sentences/s  (first run {first * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
