"""Scores of candidate beads between two sentence lists.

A bead joins a block of `a` Korean with a block of `b` English sentences. Its score is
the cosine of the two blocks' embeddings (a block's embedding is the normalized sum of
its sentences'), made comparable across sentences by subtracting the mean similarity of
each side to its nearest neighbours (a margin score, as in Bertalign), plus a length
ratio term and a bonus for shared anchors (numbers, Latin tokens such as AFP or IBM,
glossary names). Skips (1-0, 0-1) get a fixed score that the margins must beat.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Iterable, List, Sequence, Tuple

import numpy as np

ANCHOR_BITS = 128
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z&'.-]*")


@dataclass(frozen=True)
class ScoreWeights:
    # Tuned on perturbed documents built from the dev data (scripts/eval_align.py); the
    # F1 surface is flat within +-0.005 around these values.
    skip: float = -0.08          # score of a 1-0 or 0-1 bead
    merge: float = 0.03          # cost of each sentence beyond one per side
    length: float = 0.2          # weight of the squared log length ratio
    anchors: float = 0.3         # weight of the shared-anchor share
    knn: int = 32                # neighbours in the margin normalizer
    en_per_ko_char: float = 2.0  # English characters per Korean character (median of the dev data)
    margin: bool = True          # False: raw cosine, no neighbour normalization


def _bits(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % ANCHOR_BITS


def anchor_tokens(text: str, english_side: bool, names: Iterable[Tuple[str, str]] = ()) -> List[str]:
    """Tokens that survive translation: numbers, Latin words (capitalized ones on the English side), names."""
    tokens = [number.replace(",", "") for number in _NUMBER.findall(text)]
    for word in _LATIN.findall(text):
        if not english_side or word[0].isupper():
            tokens.append(word.rstrip(".").casefold())
    for index, (korean, english) in enumerate(names):
        if (english.casefold() in text.casefold()) if english_side else (korean in text):
            tokens.append(f"\x00name{index}")
    return tokens


def _anchor_masks(texts: Sequence[str], english_side: bool, names) -> np.ndarray:
    masks = np.zeros((len(texts), ANCHOR_BITS // 64), dtype=np.uint64)
    for row, text in enumerate(texts):
        for token in anchor_tokens(text, english_side, names):
            bit = _bits(token)
            masks[row, bit // 64] |= np.uint64(1) << np.uint64(bit % 64)
    return masks


class _Side:
    """Per-side block features for block sizes 1..max_block, indexed by block end."""

    def __init__(self, embeddings: np.ndarray, texts: Sequence[str], english_side: bool, names, max_block: int):
        count = len(texts)
        self.prefix = np.zeros((count + 1, embeddings.shape[1]), dtype=np.float32)
        np.cumsum(embeddings, axis=0, out=self.prefix[1:])
        lengths = np.array([len(text) for text in texts], dtype=np.float64)
        self.len_prefix = np.concatenate([[0.0], np.cumsum(lengths)])
        self.masks = _anchor_masks(texts, english_side, names)
        self.max_block = max_block
        self.count = count
        self.knn_mean = np.zeros(count, dtype=np.float64)
        self.knn_prefix = np.zeros(count + 1)

    def set_knn(self, knn_mean: np.ndarray) -> None:
        self.knn_mean = knn_mean
        self.knn_prefix = np.concatenate([[0.0], np.cumsum(knn_mean)])

    def block_embeddings(self, size: int, ends: np.ndarray) -> np.ndarray:
        block = self.prefix[ends] - self.prefix[ends - size]
        return block / np.maximum(np.linalg.norm(block, axis=-1, keepdims=True), 1e-12)

    def block_lengths(self, size: int, ends: np.ndarray) -> np.ndarray:
        return self.len_prefix[ends] - self.len_prefix[ends - size]

    def block_knn(self, size: int, ends: np.ndarray) -> np.ndarray:
        return (self.knn_prefix[ends] - self.knn_prefix[ends - size]) / size

    def block_masks(self, size: int, ends: np.ndarray) -> np.ndarray:
        mask = self.masks[ends - 1].copy()
        for back in range(2, size + 1):
            mask |= self.masks[ends - back]
        return mask


def _knn_means(queries: np.ndarray, keys: np.ndarray, first: np.ndarray, stop: np.ndarray, k: int) -> np.ndarray:
    means = np.zeros(len(queries))
    for row, (lo, hi) in enumerate(zip(first, stop)):
        if hi > lo:
            sims = keys[lo:hi] @ queries[row]
            means[row] = np.partition(sims, -min(k, len(sims)))[-k:].mean() if len(sims) > k else sims.mean()
    return means


class BeadScorer:
    """Scores beads ending at Korean position i and English positions js (exclusive ends)."""

    def __init__(
        self,
        ko_embeddings: np.ndarray,
        en_embeddings: np.ndarray,
        ko_texts: Sequence[str],
        en_texts: Sequence[str],
        weights: ScoreWeights = ScoreWeights(),
        names: Sequence[Tuple[str, str]] = (),
        max_block: int = 3,
    ) -> None:
        self.weights = weights
        self.ko = _Side(ko_embeddings, ko_texts, False, names, max_block)
        self.en = _Side(en_embeddings, en_texts, True, names, max_block)
        self.ko_unit = ko_embeddings
        self.en_unit = en_embeddings

    @property
    def shape(self) -> Tuple[int, int]:
        return self.ko.count, self.en.count

    def fit_margins(self, band_lo: np.ndarray, band_hi: np.ndarray) -> None:
        """Mean cosine of each sentence to its k nearest neighbours on the other side, within the band.

        Korean sentence i may pair with English sentences band_lo[i] .. band_hi[i + 1] - 1; the
        band is monotone, so the Korean sentences an English one may pair with are a range too.
        """
        if not self.weights.margin:
            return
        n, m = self.shape
        en_first = np.array(band_lo[:n])
        en_stop = np.array(band_hi[1:n + 1])
        ko_first = np.searchsorted(en_stop, np.arange(m), side="right")
        ko_stop = np.searchsorted(en_first, np.arange(m), side="right")
        self.ko.set_knn(_knn_means(self.ko_unit, self.en_unit, en_first, en_stop, self.weights.knn))
        self.en.set_knn(_knn_means(self.en_unit, self.ko_unit, ko_first, ko_stop, self.weights.knn))

    def cosine(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        ko_block = self.ko.block_embeddings(a, np.array([i]))[0]
        return self.en.block_embeddings(b, js) @ ko_block

    def scores(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        """Score of bead (a, b) ending at Korean end i and each English end in js."""
        w = self.weights
        if a == 0 or b == 0:
            return np.full(len(js), w.skip)
        ends = np.array([i])
        cos = self.cosine(a, b, i, js)
        margin = cos - 0.5 * (self.ko.block_knn(a, ends)[0] + self.en.block_knn(b, js))
        ko_len = self.ko.block_lengths(a, ends)[0]
        ratio = np.log((self.en.block_lengths(b, js) + 10.0) / (w.en_per_ko_char * ko_len + 10.0))
        ko_mask = self.ko.block_masks(a, ends)[0]
        en_mask = self.en.block_masks(b, js)
        shared = np.bitwise_count(en_mask & ko_mask).sum(axis=1)
        total = np.bitwise_count(en_mask | ko_mask).sum(axis=1)
        anchors = np.where(total > 0, shared / np.maximum(total, 1), 0.0)
        return margin - w.length * ratio**2 + w.anchors * anchors - w.merge * (a + b - 2)


BEAD_TYPES: Tuple[Tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1))
