#!/usr/bin/env python3
"""Time and peak memory of aligning one long document pair (default 10,000 x 10,000 sentences).

The pair is built from the Korean-English news dev data, repeated until long enough, with
~4% of sentences deleted on each side so the path leaves the diagonal. Runs the real
encoder and the banded aligner end to end; peak RSS is read from the kernel.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv/bin/python scripts/bench/align_long.py
    [--sentences N]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "korean-english-news"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    ko_lines = (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en_lines = (DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    rng = random.Random(args.seed)
    ko, en, kept_pairs = [], [], 0
    while len(ko) < args.sentences or len(en) < args.sentences:
        roll = rng.random()  # < 0.04: Korean sentence deleted; 0.04-0.08: English deleted
        if roll >= 0.04 and len(ko) < args.sentences:
            ko.append(ko_lines[kept_pairs % len(ko_lines)])
        if not 0.04 <= roll < 0.08 and len(en) < args.sentences:
            en.append(en_lines[kept_pairs % len(en_lines)])
        kept_pairs += 1
    from mtalign.align import align_sentences, load_encoder

    encoder = load_encoder("use")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    beads = align_sentences(ko, en, encoder)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    covered_ko = sorted(i for bead in beads for i in bead.ko)
    covered_en = sorted(j for bead in beads for j in bead.en)
    assert covered_ko == list(range(len(ko))) and covered_en == list(range(len(en)))
    print(f"{len(ko)} x {len(en)} sentences: {len(beads)} beads in {seconds:.1f} s "
          f"({(len(ko) + len(en)) / seconds:.0f} sentences/s); peak RSS {peak / 1024:.0f} MB "
          f"(before aligning: {before / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
