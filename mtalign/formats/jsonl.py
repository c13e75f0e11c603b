"""JSON Lines: one record per line, UTF-8, keys in a fixed order."""

from __future__ import annotations

import dataclasses
import json
from typing import IO, Any, Iterable, Iterator, Tuple

from mtalign.errors import UserError


def dumps(record: Any) -> str:
    if dataclasses.is_dataclass(record):
        record = dataclasses.asdict(record)
    return json.dumps(record, ensure_ascii=False)


def write(records: Iterable[Any], handle: IO[str]) -> int:
    """Write records (dicts or dataclasses), return how many."""
    count = 0
    for record in records:
        handle.write(dumps(record) + "\n")
        count += 1
    return count


def read(handle: Iterable[str], name: str) -> Iterator[Tuple[int, Any]]:
    """(line number, record) for each non-blank line; a bad line is a UserError naming file:line."""
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as err:
            raise UserError(f"{name}:{number}: not valid JSON ({err.msg})") from None
