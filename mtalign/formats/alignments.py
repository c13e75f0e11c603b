"""Alignment files: the one reader and the one writer of `AlignmentRecord`s.

    jsonl  one record per line, the record's fields in order (the main job's alignments.jsonl,
           `align`, `align --fragments`)
    tsv    the same fields as columns, `ko`/`en` indices comma-separated, texts escaped
    tmx    the paired records as translation units (write only; unpaired ones are counted)

`ko`/`en` always hold indices and `ko_text`/`en_text` texts. Readers take files that carry
only some fields (at least `ko_text`/`en_text`); missing ones get defaults, and a TSV row
without a `source` is named by its file:line.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable, List, Optional, Tuple

from mtalign.errors import UserError
from mtalign.formats import csvtsv, jsonl
from mtalign.formats.tmx import write_tmx
from mtalign.types import AlignmentRecord, Unit

ALIGNMENT_FORMATS = ("jsonl", "tsv", "tmx")
OUTPUT_FORMATS = {".tmx": "tmx", ".tsv": "tsv", ".jsonl": "jsonl"}
COLUMNS = tuple(f.name for f in dataclasses.fields(AlignmentRecord))
_HINT = ("give alignments with texts (the main job's alignments.jsonl, align --fragments, or "
         "align --format tsv)")


def output_format(path: Optional[str], default: str = "jsonl") -> str:
    """The alignment format an output path asks for by its extension (.tmx, .tsv, .jsonl)."""
    return OUTPUT_FORMATS.get(Path(path).suffix.lower(), default) if path else default


def write_records(records: Iterable[AlignmentRecord], fmt: str, handle: IO) -> int:
    """Write records as jsonl / tsv (text handle) or tmx (binary handle). Returns how many
    records were written, or for TMX how many unpaired records it left out."""
    if fmt == "tmx":
        records = list(records)
        units = [unit for unit in (record.unit() for record in records) if unit]
        write_tmx(units, handle)
        return len(records) - len(units)
    if fmt == "jsonl":
        return jsonl.write(records, handle)
    return csvtsv.write_rows(COLUMNS, (_cells(record) for record in records), handle)


def _cells(record: AlignmentRecord) -> List[object]:
    row = dataclasses.asdict(record)
    row["ko"], row["en"] = (",".join(map(str, row[side])) for side in ("ko", "en"))
    return ["" if row[column] is None else row[column] for column in COLUMNS]


def read_records(path: str | os.PathLike) -> List[AlignmentRecord]:
    """The records of a JSONL or TSV alignment file; a record without texts, a bad index or a
    bad score is a UserError naming file:line."""
    if not os.path.isfile(path):
        raise UserError(f"{path}: no such file")
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t") if lines else []
    if {"ko_text", "en_text"} <= set(header):
        return [_record(row, f"{path}:{number}") for number, row in csvtsv.read_rows(lines)]
    records = []
    for number, data in jsonl.read(lines, str(path)):
        if not isinstance(data, dict) or "ko_text" not in data:
            raise UserError(f"{path}:{number}: no ko_text/en_text; {_HINT}")
        records.append(_record(data, f"{path}:{number}"))
    return records


def _record(data: dict, where: str) -> AlignmentRecord:
    """A record from a JSON object or a TSV row (all strings), defaults for missing fields."""
    try:
        score = float(data["score"]) if data.get("score") not in (None, "") else 0.0
    except (TypeError, ValueError):
        raise UserError(f"{where}: score {data.get('score')!r} is not a number") from None
    try:
        ko, en = (_indices(data.get(side)) for side in ("ko", "en"))
    except (TypeError, ValueError):
        raise UserError(f"{where}: ko/en must be sentence indices, found {data.get('ko')!r}, "
                        f"{data.get('en')!r}") from None
    return AlignmentRecord(
        kind=data.get("kind") or "bead", source=data.get("source") or where,
        en_source=data.get("en_source") or "", ko=ko, en=en,
        ko_text=data.get("ko_text") or None, en_text=data.get("en_text") or None, score=score,
        ko_role=data.get("ko_role") or "", en_role=data.get("en_role") or "",
    )


def _indices(value) -> List[int]:
    if isinstance(value, list):
        return [int(index) for index in value]
    return [int(index) for index in (value or "").split(",") if index]


@dataclass
class AlignedTexts:
    """The paired records of alignments as translation units; unpaired ones counted."""

    units: List[Unit] = field(default_factory=list)
    unpaired: int = 0

    def text_pairs(self) -> List[Tuple[str, str, str]]:
        """(ko, en, where) of each paired unit, as glossary extraction takes them."""
        return [(unit.ko, unit.en, unit.source_file) for unit in self.units]


def aligned_texts(records: Iterable[AlignmentRecord]) -> AlignedTexts:
    aligned = AlignedTexts()
    for record in records:
        unit: Optional[Unit] = record.unit()
        if unit:
            aligned.units.append(unit)
        else:
            aligned.unpaired += 1
    return aligned


def read_aligned_texts(path: str | os.PathLike) -> AlignedTexts:
    """The paired texts of an alignment file (see `read_records`)."""
    return aligned_texts(read_records(path))
