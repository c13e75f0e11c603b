"""Scores of candidate beads between two sentence lists.

A bead joins a block of `a` Korean with a block of `b` English sentences. Its score is
the cosine of the two blocks' embeddings (a block's embedding is the normalized sum of
its sentences'), made comparable across sentences by subtracting the mean similarity of
each side to its nearest neighbours (a margin score, as in Bertalign), plus a length
ratio term, a sentence-count term and a bonus for shared anchors (numbers, Latin tokens
such as AFP or IBM, glossary names). Skips (1-0, 0-1) get a fixed score that the margins
must beat.

The sentence-count term matters for presegmented input: a line that holds two sentences
(by the segmenter's rules) is most likely the counterpart of two lines on the other side,
and two lines facing one single sentence are most likely not a merge.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from mtalign.glossary import TermFinder
from mtalign.segment import split_sentences
from mtalign.types import Entry

ANCHOR_BITS = 128
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z&'.-]*")


@dataclass(frozen=True)
class ScoreWeights:
    # Tuned on perturbed documents built from the dev data (scripts/eval_align.py); the
    # F1 surface is flat within +-0.005 around these values.
    skip: float = -0.08          # score of a 1-0 or 0-1 bead
    sentences: float = 0.1       # weight of |log(Korean sentences / English sentences)| in a bead
    triple: float = 0.2          # extra cost of a 1-3 or 3-1 bead, rare in news translation
    length: float = 0.2          # weight of the squared log length ratio
    anchors: float = 0.3         # weight of the shared-anchor share
    knn: int = 32                # neighbours in the margin normalizer
    en_per_ko_char: float = 2.0  # English characters per Korean character (median of the dev data)
    margin: bool = True          # False: raw cosine, no neighbour normalization


def _bits(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % ANCHOR_BITS


def anchor_tokens(text: str, english_side: bool, finder: Optional[TermFinder] = None) -> List[str]:
    """Tokens that survive translation: numbers, Latin words (capitalized ones on the English
    side), and glossary entries found in the text (in that side's script)."""
    tokens = [number.replace(",", "") for number in _NUMBER.findall(text)]
    for word in _LATIN.findall(text):
        if not english_side or word[0].isupper():
            tokens.append(word.rstrip(".").casefold())
    if finder is not None:
        tokens.extend(f"\x00entry:{hit.entry.id}" for hit in finder.find(text))
    return tokens


class GlossaryAnchors:
    """Term finders for both scripts, built once per glossary and shared by every alignment."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.korean = TermFinder(entries)
        self.english = TermFinder(entries, korean=False)


def _anchor_masks(
    texts: Sequence[str], english_side: bool, anchors: Optional[GlossaryAnchors]
) -> np.ndarray:
    finder = None if anchors is None else (anchors.english if english_side else anchors.korean)
    masks = np.zeros((len(texts), ANCHOR_BITS // 64), dtype=np.uint64)
    for row, text in enumerate(texts):
        for token in anchor_tokens(text, english_side, finder):
            bit = _bits(token)
            masks[row, bit // 64] |= np.uint64(1) << np.uint64(bit % 64)
    return masks


class _Side:
    """One side's block features for block sizes 1..max_block, row e = the block ending before e.

    Computed once per document, so scoring a bead is only indexing.
    """

    def __init__(self, embeddings: np.ndarray, texts: Sequence[str], english_side: bool,
                 anchors: Optional[GlossaryAnchors], max_block: int):
        self.count = len(texts)
        prefix = np.zeros((self.count + 1, embeddings.shape[1]), dtype=np.float32)
        np.cumsum(embeddings, axis=0, out=prefix[1:])
        length_prefix = np.concatenate([[0.0], np.cumsum([len(text) for text in texts])])
        sentence_prefix = np.concatenate(
            [[0.0], np.cumsum([max(1, len(split_sentences(text))) for text in texts])]
        )
        masks = np.vstack([np.zeros((1, ANCHOR_BITS // 64), dtype=np.uint64),
                           _anchor_masks(texts, english_side, anchors)])
        self.embeddings, self.lengths, self.sentences, self.masks, self.knn = {}, {}, {}, {}, {}
        for size in range(1, max_block + 1):
            block = np.zeros_like(prefix)
            block[size:] = prefix[size:] - prefix[:-size]
            self.embeddings[size] = block / np.maximum(
                np.linalg.norm(block, axis=1, keepdims=True), 1e-12
            )
            self.lengths[size] = _block_sums(length_prefix, size)
            self.sentences[size] = np.maximum(_block_sums(sentence_prefix, size), 1.0)
            mask = masks.copy()
            for back in range(1, size):
                mask[back:] |= masks[:-back]
            self.masks[size] = mask
            self.knn[size] = np.zeros(self.count + 1)

    def set_knn(self, knn_mean: np.ndarray) -> None:
        knn_prefix = np.concatenate([[0.0], np.cumsum(knn_mean)])
        for size in self.knn:
            self.knn[size][size:] = (knn_prefix[size:] - knn_prefix[:-size]) / size


def _block_sums(prefix: np.ndarray, size: int) -> np.ndarray:
    """Row e: the sum of the `size` values before e, from their prefix sums (0 where the block does
    not fit).
    """
    sums = np.zeros(len(prefix))
    sums[size:] = prefix[size:] - prefix[:-size]
    return sums


def _knn_means(
    queries: np.ndarray, keys: np.ndarray, first: np.ndarray, stop: np.ndarray, k: int
) -> np.ndarray:
    means = np.zeros(len(queries))
    for row, (lo, hi) in enumerate(zip(first, stop)):
        if hi > lo:
            sims = keys[lo:hi] @ queries[row]
            means[row] = (
                np.partition(sims, -min(k, len(sims)))[-k:].mean() if len(sims) > k else sims.mean()
            )
    return means


def band_matrix(cell_scores, skip: float, a: int, b: int, lo: np.ndarray, width: int, en_count: int,
                chunk: int = 64) -> np.ndarray:
    """Scores of bead (a, b) for every band cell: row i, English end lo[i] + w (-inf outside).

    `cell_scores(a, b, i_index, j_index)` scores many cells at once; rows go in chunks so
    memory stays bounded on long documents.
    """
    rows = len(lo)
    out = np.full((rows, width), -np.inf)
    ends = lo[:, None] + np.arange(width)[None, :]
    valid = (ends <= en_count) & (ends >= b) & (np.arange(rows) >= a)[:, None]
    if a == 0 or b == 0:
        out[valid] = skip
        return out
    for first in range(0, rows, chunk):
        block = slice(first, min(first + chunk, rows))
        ok = valid[block]
        if ok.any():
            i_index = np.broadcast_to(np.arange(first, block.stop)[:, None], ok.shape)[ok]
            out[block][ok] = cell_scores(a, b, i_index, ends[block][ok])
    return out


class BeadScorer:
    """Scores beads ending at Korean position i and English positions js (exclusive ends)."""

    def __init__(
        self,
        ko_embeddings: np.ndarray,
        en_embeddings: np.ndarray,
        ko_texts: Sequence[str],
        en_texts: Sequence[str],
        weights: ScoreWeights = ScoreWeights(),
        anchors: Optional[GlossaryAnchors] = None,
        max_block: int = 3,
    ) -> None:
        self.weights = weights
        self.ko = _Side(ko_embeddings, ko_texts, False, anchors, max_block)
        self.en = _Side(en_embeddings, en_texts, True, anchors, max_block)
        self.ko_unit = ko_embeddings
        self.en_unit = en_embeddings

    @property
    def shape(self) -> Tuple[int, int]:
        return self.ko.count, self.en.count

    def fit_margins(self, band_lo: np.ndarray, band_hi: np.ndarray) -> None:
        """Mean cosine of each sentence to its k nearest neighbours on the other side, within the
        band.

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

    def band_scores(self, a: int, b: int, lo: np.ndarray, width: int) -> np.ndarray:
        return band_matrix(self._cell_scores, self.weights.skip, a, b, lo, width, self.en.count)

    def _cell_scores(self, a: int, b: int, i_index: np.ndarray, j_index: np.ndarray) -> np.ndarray:
        w = self.weights
        cos = np.einsum("kd,kd->k", self.ko.embeddings[a][i_index], self.en.embeddings[b][j_index])
        margin = cos - 0.5 * (self.ko.knn[a][i_index] + self.en.knn[b][j_index])
        ratio = np.log(
            (self.en.lengths[b][j_index] + 10.0)
            / (w.en_per_ko_char * self.ko.lengths[a][i_index] + 10.0)
        )
        ko_mask, en_mask = self.ko.masks[a][i_index], self.en.masks[b][j_index]
        shared = np.bitwise_count(en_mask & ko_mask).sum(axis=1)
        total = np.bitwise_count(en_mask | ko_mask).sum(axis=1)
        anchors = np.where(total > 0, shared / np.maximum(total, 1), 0.0)
        sentences = np.abs(np.log(self.ko.sentences[a][i_index] / self.en.sentences[b][j_index]))
        extra = w.triple if max(a, b) >= 3 else 0.0
        return margin - w.length * ratio**2 - w.sentences * sentences + w.anchors * anchors - extra

    def cosine(self, a: int, b: int, i: int, js: np.ndarray) -> np.ndarray:
        return self.en.embeddings[b][js] @ self.ko.embeddings[a][i]


BEAD_TYPES: Tuple[Tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (1, 3), (3, 1))
