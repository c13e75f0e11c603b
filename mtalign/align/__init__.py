"""Stage 2: Korean-English alignment.

- `align_sentences`: two sentence lists (a document and its translation) -> monotone
  Beads (1-1, 1-2, 2-1, 1-0, 0-1, 1-3, 3-1, 2-2); every sentence in exactly one bead.
- `mtalign.align.fragments`: Korean fragments of one mixed article -> their English
  counterparts anywhere in the article.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from mtalign.align.encoders import Encoder, load_encoder
from mtalign.align.monotone import align_embeddings
from mtalign.align.score import GlossaryAnchors, ScoreWeights
from mtalign.types import Bead

__all__ = ["align_sentences", "load_encoder", "Encoder", "GlossaryAnchors", "ScoreWeights"]


def align_sentences(
    ko: Sequence[str],
    en: Sequence[str],
    encoder: Encoder,
    weights: ScoreWeights = ScoreWeights(),
    anchors: Optional[GlossaryAnchors] = None,
) -> List[Bead]:
    """Align Korean sentences with English ones; glossary entries found on both sides
    (`GlossaryAnchors`, built once per glossary) are anchors."""
    return align_embeddings(encoder.encode(ko), encoder.encode(en), ko, en, weights, anchors)
