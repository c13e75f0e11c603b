"""What a job has already finished, so a restarted driver skips it.

One JSON line per finished item: its key (a digest of the item's input files and the options
that shape its output) and what finishing it gave. Lines are appended and synced as items
finish; a line cut short by a kill is ignored and that item is redone.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, Optional


def file_digest(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def item_key(options: str, files: Iterable[str | os.PathLike]) -> str:
    """The options and the contents of every input file: unchanged inputs give the same key."""
    digest = hashlib.sha256(options.encode("utf-8"))
    for path in files:
        digest.update(b"\0" + str(path).encode("utf-8") + b"\0" + file_digest(path).encode("ascii"))
    return digest.hexdigest()


def item_key_or_none(options: str, files: Iterable[str | os.PathLike]) -> Optional[str]:
    """item_key, or None for an item with an unreadable input (it runs, and reports why)."""
    try:
        return item_key(options, files)
    except OSError:
        return None


class Manifest:
    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self.entries: Dict[str, Any] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                self.entries[record["key"]] = record["value"]

    def get(self, key: str) -> Optional[Any]:
        return self.entries.get(key)

    def record(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"key": key, "value": value}, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
