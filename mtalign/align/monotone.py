"""Monotone alignment of two sentence lists by dynamic programming in a band.

Short documents search the full grid. Long ones are aligned coarse-to-fine, as Vecalign
does: the embeddings are pooled in windows of POOL sentences, the pooled documents are
aligned (recursively), and the fine search runs only in a band around the projected
coarse path. Time and memory stay near-linear in the document length.
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy as np

from mtalign.align.score import BEAD_TYPES, BeadScorer, GlossaryAnchors, ScoreWeights
from mtalign.types import Bead

FULL_GRID_CELLS = 300 * 300
POOL = 8
BAND_MARGIN = 2 * POOL + 8
Band = Tuple[np.ndarray, np.ndarray]


def full_band(n: int, m: int) -> Band:
    return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64)


def _pool(embeddings: np.ndarray, texts: Sequence[str]) -> Tuple[np.ndarray, List[str]]:
    groups = range(0, len(texts), POOL)
    pooled = np.stack([embeddings[start:start + POOL].sum(axis=0) for start in groups])
    pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return pooled.astype(np.float32), [" ".join(texts[start:start + POOL]) for start in groups]


def _band_from_coarse(coarse: List[Bead], n: int, m: int) -> Band:
    """Project a pooled alignment back to sentence rows, widened by BAND_MARGIN."""
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    ko_pos = en_pos = 0
    for bead in coarse:
        ko_end, en_end = ko_pos + len(bead.ko), en_pos + len(bead.en)
        rows = slice(ko_pos * POOL, min(ko_end * POOL, n) + 1)
        lo[rows] = np.minimum(lo[rows], en_pos * POOL - BAND_MARGIN)
        hi[rows] = np.maximum(hi[rows], min(en_end * POOL, m) + BAND_MARGIN)
        ko_pos, en_pos = ko_end, en_end
    lo = np.minimum.accumulate(np.clip(lo, 0, m)[::-1])[::-1]
    hi = np.maximum.accumulate(np.clip(hi, 0, m))
    lo[0], hi[n] = 0, m
    return lo, hi


def _search(scorer: BeadScorer, band: Band) -> List[Bead]:
    """Best-scoring monotone path through the band; returns its beads in order."""
    n, m = scorer.shape
    lo, hi = band
    width = int((hi - lo).max()) + 1
    kinds = [
        (kind, a, b, scorer.band_scores(a, b, lo, width))
        for kind, (a, b) in enumerate(BEAD_TYPES)
        if a
    ]
    skip, skip_kind = scorer.weights.skip, BEAD_TYPES.index((0, 1))
    rows: List[np.ndarray] = []
    back: List[np.ndarray] = []
    for i in range(n + 1):
        cols = np.arange(lo[i], hi[i] + 1)
        best = np.full(len(cols), -np.inf)
        choice = np.full(len(cols), -1, dtype=np.int8)
        if i == 0:
            best[0] = 0.0
        for kind, a, b, scores in kinds:
            if a > i:
                continue
            offsets = cols - b - lo[i - a]
            ok = (offsets >= 0) & (offsets < len(rows[i - a]))
            candidate = np.full(len(cols), -np.inf)
            candidate[ok] = rows[i - a][offsets[ok]] + scores[i, : len(cols)][ok]
            better = candidate > best
            best[better], choice[better] = candidate[better], kind
        # 0-1 beads chain along the row: best[j] = max_k<=j (best[k] + (j - k) * skip)
        steps = np.arange(len(cols)) * skip
        chained = np.maximum.accumulate(best - steps) + steps
        from_left = chained > best + 1e-9  # the scan's rounding must not fake a better 0-1 path
        best[from_left], choice[from_left] = chained[from_left], skip_kind
        rows.append(best)
        back.append(choice)
    return _trace(scorer, band, back)


def _trace(scorer: BeadScorer, band: Band, back: List[np.ndarray]) -> List[Bead]:
    n, m = scorer.shape
    lo = band[0]
    beads: List[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = BEAD_TYPES[back[i][j - lo[i]]]
        score = float(scorer.cosine(a, b, i, np.array([j]))[0]) if a and b else 0.0
        beads.append(Bead(list(range(i - a, i)), list(range(j - b, j)), round(score, 4)))
        i, j = i - a, j - b
    beads.reverse()
    return beads


def align_embeddings(
    ko_embeddings: np.ndarray,
    en_embeddings: np.ndarray,
    ko_texts: Sequence[str],
    en_texts: Sequence[str],
    weights: ScoreWeights = ScoreWeights(),
    anchors: Optional[GlossaryAnchors] = None,
) -> List[Bead]:
    """Align two embedded sentence lists; every sentence ends up in exactly one bead."""
    n, m = len(ko_texts), len(en_texts)
    if n == 0 or m == 0:
        return [Bead([i], [], 0.0) for i in range(n)] + [Bead([], [j], 0.0) for j in range(m)]
    if n * m <= FULL_GRID_CELLS:
        band = full_band(n, m)
    else:
        ko_pooled, ko_joined = _pool(ko_embeddings, ko_texts)
        en_pooled, en_joined = _pool(en_embeddings, en_texts)
        coarse = align_embeddings(ko_pooled, en_pooled, ko_joined, en_joined, weights, anchors)
        band = _band_from_coarse(coarse, n, m)
    scorer = BeadScorer(ko_embeddings, en_embeddings, ko_texts, en_texts, weights, anchors)
    scorer.fit_margins(*band)
    return _search(scorer, band)
