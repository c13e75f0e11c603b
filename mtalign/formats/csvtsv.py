"""Tab-separated values with backslash escapes, so any text fits on one line."""

from __future__ import annotations

import re
from typing import IO, Dict, Iterable, Iterator, Sequence, Tuple

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\([\\tnr])")


def escape(value: object) -> str:
    return str(value).translate(_ESCAPES)


def unescape(cell: str) -> str:
    return _ESCAPED.sub(lambda match: _UNESCAPES[match.group(1)], cell)


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]], handle: IO[str]) -> int:
    handle.write("\t".join(header) + "\n")
    count = 0
    for row in rows:
        handle.write("\t".join(escape(value) for value in row) + "\n")
        count += 1
    return count


def read_rows(lines: Sequence[str]) -> Iterator[Tuple[int, Dict[str, str]]]:
    """(line number, {column: value}) for each row under the header line; short rows get empty
    cells.
    """
    header = lines[0].rstrip("\r\n").split("\t")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip():
            cells = [unescape(cell) for cell in line.rstrip("\r\n").split("\t")]
            yield number, dict(zip(header, cells + [""] * (len(header) - len(cells))))


SEGMENT_COLUMNS = ("source", "start", "end", "lang", "role", "text")
