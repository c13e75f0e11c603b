"""A deterministic stand-in encoder: fast, and exact about which sentences translate which.

Every number in a text (sentence 12, 문장 12) contributes one fixed random vector, so a
sentence and its translation embed alike and a merged sentence embeds like its parts. A
text without numbers gets a vector seeded by its CRC-32, the same in every process (hash()
of a str is salted per process).
"""

import re
import zlib

import numpy as np


class NumberEncoder:
    name = "number-fake"

    def __init__(self, dim: int = 64):
        self.dim = dim

    def _vector(self, number: int) -> np.ndarray:
        return np.random.default_rng(number).standard_normal(self.dim)

    def encode(self, texts):
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for number in re.findall(r"\d+", text):
                rows[row] += self._vector(int(number))
            if not rows[row].any():
                rows[row] = np.random.default_rng(zlib.crc32(text.encode("utf-8"))).standard_normal(
                    self.dim
                )
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def parallel(count: int):
    """Korean and English sentence lists, line i translating line i (lengths vary)."""
    ko = [f"{'가나다라' * (1 + i % 5)} 문장 {i}번이다." for i in range(count)]
    en = [f"{'word ' * (2 * (1 + i % 5))}sentence {i} here." for i in range(count)]
    return ko, en
