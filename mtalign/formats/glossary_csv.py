"""Glossary CSV for CAT termbases: one row per entry, language-named term columns.

memoQ and Trados (Glossary Converter / MultiTerm) map a column headed by a language name
(Korean, English) to that language's terms and `..._Def` / `Definition` columns to
descriptive fields; synonyms share a cell separated by ` | `. UTF-8 with BOM, RFC 4180
quoting.

A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR) is written
with an apostrophe in front (the OWASP rule against CSV injection); reading removes exactly
that apostrophe, so export -> import -> export is byte-identical.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from pathlib import Path
from typing import IO, Iterable, List, Optional, Tuple

from mtalign.errors import UserError
from mtalign.types import ENTRY_TYPES, HOUSE_STYLES, Entry, format_variants, parse_variants

HEADER = [
    "Entry_ID",
    "Entry_Subject",
    "Korean",
    "Korean_Hanja",
    "English",
    *(f"English_{s}" for s in HOUSE_STYLES),
    "English_Variants",
    "Definition",
    "Entry_Source",
]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_guard(cell: str) -> bool:
    """Starts like a formula, or like an apostrophe-guarded cell (kept apart on reading)."""
    return cell.startswith(FORMULA_STARTS) or (cell.startswith("'") and _needs_guard(cell[1:]))


def guard(cell: str) -> str:
    return "'" + cell if _needs_guard(cell) else cell


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and _needs_guard(cell[1:]) else cell


def _join(values: Iterable[str]) -> str:
    return " | ".join(values)


def _split(cell: str) -> List[str]:
    return [part.strip() for part in cell.split(" | ") if part.strip()]


def write_csv(entries: Iterable[Entry], handle: IO[str]) -> int:
    writer = csv.writer(handle, lineterminator="\r\n")
    handle.write("\ufeff")
    writer.writerow(HEADER)
    count = 0
    for entry in entries:
        writer.writerow(guard(cell) for cell in [
            entry.id, entry.type, _join(entry.ko), entry.hanja, entry.en,
            *(entry.styles.get(style, "") for style in HOUSE_STYLES),
            format_variants(entry.variants), entry.note, _join(entry.sources),
        ])
        count += 1
    return count


def decode_csv(path: str | os.PathLike) -> Tuple[str, str]:
    """(text, encoding) of a CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's
    "Unicode text"), else CP949, which Korean Excel writes as "CSV"."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise UserError(f"{path}: cannot read ({err.strerror})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8", "cp949"]
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as err:
            failure = err
    raise UserError(f"{path}: byte {failure.start}: not UTF-8, UTF-16 or CP949 text") from None


def read_csv(path: str | os.PathLike, encodings: Optional[List[str]] = None) -> List[Entry]:
    """Entries of a glossary CSV; the encoding found is appended to `encodings` when given."""
    return [entry for _, entry in read_csv_rows(path, encodings)]


def read_csv_rows(path: str | os.PathLike, encodings: Optional[List[str]] = None
                  ) -> List[Tuple[str, Entry]]:
    """(file:line, entry) for every row, in order."""
    text, encoding = decode_csv(path)
    if encodings is not None:
        encodings.append(encoding)
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header != HEADER:
        raise UserError(f"{path}:1: the header must be: {','.join(HEADER)}")
    entries = []
    start = rows.line_num + 1
    for row in rows:
        number, start = start, rows.line_num + 1  # a quoted cell may span lines
        if len(row) != len(HEADER):
            raise UserError(f"{path}:{number}: expected {len(HEADER)} columns, found {len(row)}")
        cells = dict(zip(HEADER, (unguard(cell) for cell in row)))
        if cells["Entry_Subject"] not in ENTRY_TYPES or not cells["English"]:
            raise UserError(
                f"{path}:{number}: needs an English term and a subject out of "
                f"{', '.join(ENTRY_TYPES)}"
            )
        entries.append((f"{path}:{number}", Entry(
            id=cells["Entry_ID"], type=cells["Entry_Subject"], ko=_split(cells["Korean"]),
            hanja=cells["Korean_Hanja"], en=cells["English"],
            styles={s: cells[f"English_{s}"] for s in HOUSE_STYLES if cells[f"English_{s}"]},
            variants=parse_variants(cells["English_Variants"], f"{path}:{number}"),
            note=cells["Definition"], sources=_split(cells["Entry_Source"]),
        )))
    return entries
