#!/usr/bin/env python3
"""Strict bead precision/recall/F1 and speed of mtalign's document aligner, side by side
with a length-only Gale-Church aligner and a plain dynamic program over raw encoder cosine.

Test documents are built from one-sentence-a-line parallel data: 25-50 consecutive
pairs per document; on each side, neighbours are merged into one sentence at ~8% and
sentences deleted at ~4%, so the gold alignment holds 1-1, 1-2, 2-1, 1-0 and 0-1 beads.

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv/bin/python scripts/eval_align.py
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from mtalign.align import ScoreWeights, align_sentences, load_encoder
from mtalign.align.monotone import _search, full_band
from mtalign.align.score import band_matrix

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "korean-english-news"
)
MERGE, DELETE = 0.08, 0.04


def build_documents(ko_lines, en_lines, seed):
    """[(ko_sentences, en_sentences, gold_beads)] with beads as (ko index tuple, en index tuple)."""
    rng = random.Random(seed)
    documents, start = [], 0
    while start < len(ko_lines):
        size = rng.randint(25, 50)
        pairs = list(zip(ko_lines[start:start + size], en_lines[start:start + size]))
        start += size
        ko, en, gold, k = [], [], [], 0
        while k < len(pairs):
            roll = rng.random()
            has_next = k + 1 < len(pairs)
            if roll < MERGE and has_next:  # Korean side merged: 1-2
                gold.append(((len(ko),), (len(en), len(en) + 1)))
                ko.append(pairs[k][0] + " " + pairs[k + 1][0])
                en.extend([pairs[k][1], pairs[k + 1][1]])
                k += 2
            elif roll < 2 * MERGE and has_next:  # English side merged: 2-1
                gold.append(((len(ko), len(ko) + 1), (len(en),)))
                ko.extend([pairs[k][0], pairs[k + 1][0]])
                en.append(pairs[k][1] + " " + pairs[k + 1][1])
                k += 2
            elif roll < 2 * MERGE + DELETE:  # Korean sentence deleted: 0-1
                gold.append(((), (len(en),)))
                en.append(pairs[k][1])
                k += 1
            elif roll < 2 * MERGE + 2 * DELETE:  # English sentence deleted: 1-0
                gold.append(((len(ko),), ()))
                ko.append(pairs[k][0])
                k += 1
            else:
                gold.append(((len(ko),), (len(en),)))
                ko.append(pairs[k][0])
                en.append(pairs[k][1])
                k += 1
        documents.append((ko, en, gold))
    return documents


class GaleChurchScorer:
    """Gale & Church (1993): bead priors plus a Gaussian model of the length difference."""

    PRIORS = {
        (1, 1): 0.89,
        (1, 0): 0.0099,
        (0, 1): 0.0099,
        (1, 2): 0.089,
        (2, 1): 0.089,
        (2, 2): 0.011,
        (1, 3): 0.001,
        (3, 1): 0.001,
    }

    def __init__(self, ko, en, ratio, variance=6.8):
        self.ko_len = np.concatenate([[0], np.cumsum([len(s) for s in ko])])
        self.en_len = np.concatenate([[0], np.cumsum([len(s) for s in en])])
        self.shape = (len(ko), len(en))
        self.ratio, self.variance = ratio, variance
        self.weights = ScoreWeights(skip=math.log(self.PRIORS[(1, 0)]) - 3.0)

    def band_scores(self, a, b, lo, width):
        return band_matrix(self.cell_scores, self.weights.skip, a, b, lo, width, self.shape[1])

    def cell_scores(self, a, b, i, js):
        ko = self.ko_len[i] - self.ko_len[i - a]
        en = self.en_len[js] - self.en_len[js - b]
        mean = (ko * self.ratio + en) / 2
        delta = (en - ko * self.ratio) / np.sqrt(np.maximum(mean, 1) * self.variance)
        return math.log(self.PRIORS[(a, b)]) - delta**2 / 2

    def cosine(self, a, b, i, js):
        return np.zeros(len(js))


def strict_prf(gold_docs, predicted_docs):
    tp = fp = fn = 0
    for gold, predicted in zip(gold_docs, predicted_docs):
        gold_set = set(gold)
        predicted_set = {(tuple(bead.ko), tuple(bead.en)) for bead in predicted}
        tp += len(gold_set & predicted_set)
        fp += len(predicted_set - gold_set)
        fn += len(gold_set - predicted_set)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


def run_systems(documents, encoder, repeat):
    """Each system's scores and its median speed over `repeat` runs (this machine is shared and
    noisy).
    """
    sentences = sum(len(ko) + len(en) for ko, en, _ in documents)
    systems = {
        "mtalign": lambda ko, en: align_sentences(ko, en, encoder),
        "raw-cosine DP": lambda ko, en: align_sentences(
            ko,
            en,
            encoder,
            ScoreWeights(skip=0.0, sentences=0.0, length=0.0, anchors=0.0, margin=False),
        ),
        "Gale-Church": lambda ko, en: _search(
            GaleChurchScorer(ko, en, ScoreWeights().en_per_ko_char), full_band(len(ko), len(en))
        ),
    }
    rows = []
    for name, align in systems.items():
        speeds = []
        for _ in range(repeat):
            began = time.perf_counter()
            predicted = [align(ko, en) for ko, en, _ in documents]
            speeds.append(sentences / (time.perf_counter() - began))
        rows.append(
            (
                name,
                *strict_prf([gold for *_, gold in documents], predicted),
                statistics.median(speeds),
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ko", type=Path, default=DEFAULT_DATA / "korean-english-park.dev.ko")
    parser.add_argument("--en", type=Path, default=DEFAULT_DATA / "korean-english-park.dev.en")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per system; speed is the median"
    )
    args = parser.parse_args()
    ko_lines = args.ko.read_text(encoding="utf-8").splitlines()
    en_lines = args.en.read_text(encoding="utf-8").splitlines()
    if len(ko_lines) != len(en_lines):
        print(f"{args.ko} and {args.en} differ in line count", file=sys.stderr)
        return 2
    documents = build_documents(ko_lines, en_lines, args.seed)
    encoder = load_encoder("use")
    encoder.encode(["warm-up"])
    print(f"{len(documents)} documents, {sum(len(g) for *_, g in documents)} gold beads, "
          f"{sum(len(k) + len(e) for k, e, _ in documents)} sentences ({args.ko.name})")
    print("| system | precision | recall | F1 | sentences/s (median) |")
    print("| --- | --- | --- | --- | --- |")
    for row in run_systems(documents, encoder, args.repeat):
        print("| {} | {:.4f} | {:.4f} | {:.4f} | {:.0f} |".format(*row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
