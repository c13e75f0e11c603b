"""Tab-separated values with backslash escapes, so any text fits on one line."""

from __future__ import annotations

from typing import IO, Iterable, Sequence

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def escape(value: object) -> str:
    return str(value).translate(_ESCAPES)


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]], handle: IO[str]) -> int:
    handle.write("\t".join(header) + "\n")
    count = 0
    for row in rows:
        handle.write("\t".join(escape(value) for value in row) + "\n")
        count += 1
    return count


SEGMENT_COLUMNS = ("source", "start", "end", "lang", "role", "text")
