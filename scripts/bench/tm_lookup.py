#!/usr/bin/env python3
"""Translation-memory lookup latency on a generated 1,000,000-segment TM (target <= 10 ms).

Units are the Korean dev sentences, each in many variants (a number and a few words
changed), so the trigram statistics look like news. Queries are other variants of the
same sentences (fuzzy hits) and unseen sentences (misses); each is timed on its own, exact
lookup then fuzzy lookup as `mtalign translate` does.

    .venv/bin/python scripts/bench/tm_lookup.py [--segments 1000000] [--queries 1000]
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

from mtalign.tm.store import TranslationMemory
from mtalign.types import Unit

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "korean-english-news"
FILLERS = [
    "정부는",
    "전문가들은",
    "현지 언론은",
    "관계자는",
    "당국은",
    "외신은",
    "위원회는",
    "대변인은",
]


def variant(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    for _ in range(2):
        words[rng.randrange(len(words))] = rng.choice(FILLERS)
    return f"{rng.randint(1, 99999)} " + " ".join(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(11)
    sentences = [
        s
        for s in (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
        if len(s.split()) >= 4
    ]
    seen, unseen = sentences[: len(sentences) * 4 // 5], sentences[len(sentences) * 4 // 5:]
    with tempfile.TemporaryDirectory() as tmp:
        tm = TranslationMemory(os.path.join(tmp, "tm.db"))
        began = time.perf_counter()
        tm.add(Unit(variant(rng.choice(seen), rng), f"unit {i}") for i in range(args.segments))
        build = time.perf_counter() - began
        queries = [variant(rng.choice(seen), rng) if rng.random() < 0.8 else rng.choice(unseen)
                   for _ in range(args.queries)]
        times, hits = [], 0
        for query in queries:
            start = time.perf_counter()
            found = tm.exact(query) or tm.fuzzy(query, 85.0)
            times.append((time.perf_counter() - start) * 1000)
            hits += bool(found)
        size = os.path.getsize(os.path.join(tmp, "tm.db")) / 2**20
    times.sort()
    print(f"{len(tm)} segments in the TM ({size:.0f} MB), built in {build:.0f} s")
    print(
        f"{len(times)} lookups ({hits} with a match >= 85): median {statistics.median(times):.2f} "
        f"ms, p90 {times[int(0.9 * len(times))]:.2f} ms, p99 {times[int(0.99 * len(times))]:.2f} "
        f"ms, max {times[-1]:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
