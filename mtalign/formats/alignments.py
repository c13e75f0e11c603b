"""Alignment output read back as translation units: the main job's alignments.jsonl,
`align --fragments` JSONL, and the TSV of `align --format tsv` (beads or fragments).

Paired records become Units; records with one side empty are counted, not returned.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple

from mtalign.errors import UserError
from mtalign.formats import csvtsv, jsonl
from mtalign.types import Unit

ALIGNMENT_FORMATS = ("jsonl", "tsv", "tmx")
_HINT = "give alignments with texts (the main job's alignments.jsonl, align --fragments, or align --format tsv)"


@dataclass
class AlignedTexts:
    units: List[Unit] = field(default_factory=list)
    unpaired: int = 0

    def add(self, ko: str, en: str, source: str, role: str = "", score: Optional[float] = None) -> None:
        if ko and en:
            self.units.append(Unit(ko, en, "aligned", source, role, score))
        else:
            self.unpaired += 1

    def text_pairs(self) -> List[Tuple[str, str, str]]:
        """(ko, en, where) of each paired unit, as glossary extraction takes them."""
        return [(unit.ko, unit.en, unit.source_file) for unit in self.units]


def read_aligned_texts(path: str | os.PathLike) -> AlignedTexts:
    """The paired texts of an alignment file; a file without texts is a UserError naming its line."""
    if not os.path.isfile(path):
        raise UserError(f"{path}: no such file")
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t") if lines else []
    if {"ko", "en"} <= set(header) or {"ko_text", "en_text"} <= set(header):
        return _read_tsv(path, lines)
    return _read_jsonl(path, lines)


def _read_tsv(path, lines: List[str]) -> AlignedTexts:
    aligned = AlignedTexts()
    for number, row in csvtsv.read_rows(lines):
        try:
            score = float(row["score"]) if row.get("score") else None
        except ValueError:
            raise UserError(f"{path}:{number}: score {row['score']!r} is not a number") from None
        aligned.add(row.get("ko", row.get("ko_text", "")), row.get("en", row.get("en_text", "")),
                    f"{path}:{number}", score=score)
    return aligned


def _read_jsonl(path, lines: List[str]) -> AlignedTexts:
    aligned = AlignedTexts()
    for number, record in jsonl.read(lines, str(path)):
        if not isinstance(record, dict) or "ko_text" not in record:
            raise UserError(f"{path}:{number}: no ko_text/en_text; {_HINT}")
        aligned.add(record["ko_text"] or "", record.get("en_text") or "", record.get("source", str(path)),
                    record.get("ko_role") or "", record.get("score"))
    return aligned
