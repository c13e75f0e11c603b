"""Reading a termbase from another format (TBX, CSV) into entries a glossary TSV can hold."""

from __future__ import annotations

import os
from typing import List, Optional, Tuple

from mtalign.formats.glossary_csv import read_csv_rows
from mtalign.formats.tbx import TbxReadReport, read_tbx
from mtalign.glossary.store import importable
from mtalign.types import Entry


def import_entries(
    path: str | os.PathLike,
    fmt: str,
    encodings: Optional[List[str]] = None,
    report: Optional[TbxReadReport] = None,
) -> Tuple[List[Entry], List[str]]:
    """(entries to keep, `where: dropped: why` for the others) of a CSV or TBX file; the CSV
    encoding found goes to `encodings`, skipped TBX concepts to `report`."""
    if fmt == "csv":
        rows = read_csv_rows(path, encodings)
    else:
        where = os.fspath(path)
        rows = [(f"{where}: conceptEntry {entry.id!r}", entry) for entry in read_tbx(path, report)]
    return importable(rows)
