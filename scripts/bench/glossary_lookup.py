#!/usr/bin/env python3
"""Lookup latency on a generated 100,000-entry glossary (target: p99 under 5 ms).

Entries are synthetic Korean names and institutions (random Hangul syllables, romanized),
each with a style variant and a misspelling. Queries mix every lookup kind: exact Korean,
exact English in other case/hyphenation, variants, unseen misspellings (fuzzy), prefixes
in both scripts. The SQLite index is built once (timed separately), then each query is
timed on its own.

    .venv/bin/python scripts/bench/glossary_lookup.py [--entries 100000] [--queries 3000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mtalign.glossary.lookup import Lookup
from mtalign.glossary.store import write_tsv
from mtalign.hangul import romanize_syllables
from mtalign.types import Entry, Variant

SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
SYLLABLES = "가나다라마바사아자차카타파하영수민준서현지우성진호연은희경재훈동상"


def _english(hangul: str) -> str:
    parts = romanize_syllables(hangul)
    return (
        f"{parts[0].capitalize()} {parts[1].capitalize()}-{''.join(parts[2:])}"
        if len(parts) > 2
        else " ".join(p.capitalize() for p in parts)
    )


def generate(count: int, rng: random.Random):
    entries, seen = [], set()
    while len(entries) < count:
        kind = rng.random()
        if kind < 0.7:
            korean = rng.choice(SURNAMES) + "".join(rng.choice(SYLLABLES) for _ in range(2))
            english, entry_type = _english(korean), "person"
        else:
            korean = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + rng.choice(
                ["연구원", "대학교", "위원회"]
            )
            stem = "".join(romanize_syllables(korean[:-3])).capitalize()
            english = f"{stem} {rng.choice(['Institute', 'University', 'Commission'])}"
            entry_type = "organization"
        if korean in seen:
            continue
        seen.add(korean)
        spaced = english.replace("-", " ")
        variants = [Variant(spaced, "style")] if spaced != english else []
        entries.append(
            Entry(
                id=f"e{len(entries)}",
                type=entry_type,
                ko=[korean],
                en=english,
                variants=variants,
                note="generated",
            )
        )
    return entries


def _misspell(text: str, rng: random.Random) -> str:
    index = rng.randrange(1, len(text) - 1)
    return text[:index] + rng.choice("aeiou") + text[index + 1:]


def queries(entries, count, rng):
    makers = [
        lambda e: e.ko[0],
        lambda e: e.en,
        lambda e: e.en.upper(),
        lambda e: e.en.replace("-", " ").lower(),
        lambda e: _misspell(e.en, rng),
        lambda e: e.ko[0][:2],
        lambda e: e.en.split()[0][:5],
    ]
    return [rng.choice(makers)(rng.choice(entries)) for _ in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=3_000)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="cpu: this thread's CPU time, for a machine shared with other work")
    args = parser.parse_args()
    clock = time.thread_time if args.clock == "cpu" else time.perf_counter
    rng = random.Random(5)
    entries = generate(args.entries, rng)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MTALIGN_CACHE"] = tmp
        path = Path(tmp) / "big.tsv"
        with open(path, "w", encoding="utf-8") as handle:
            write_tsv(entries, handle)
        began = time.perf_counter()
        lookup = Lookup([path])
        build_seconds = time.perf_counter() - began
        began = time.perf_counter()
        Lookup([path])
        reopen_seconds = time.perf_counter() - began
        times, found = [], 0
        for query in queries(entries, args.queries, rng):
            start = clock()
            hits = lookup.lookup(query)
            times.append((clock() - start) * 1000)
            found += bool(hits)
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    print(
        f"{len(entries)} entries; index built in {build_seconds:.1f} s, reopened in "
        f"{reopen_seconds:.2f} s"
    )
    print(f"{len(times)} lookups ({found} with hits): median {statistics.median(times):.2f} ms, "
          f"p90 {p(0.90):.2f} ms, p99 {p(0.99):.2f} ms, max {times[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
