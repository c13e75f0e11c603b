"""A SQLite translation memory of Korean-English units.

Units are unique per (Korean, English) pair; adding a pair again changes nothing. Exact
lookups use a whitespace- and Unicode-normalized key of the Korean text; fuzzy lookups an
FTS5 trigram index of that key (fuzzy.py).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from typing import Callable, Iterable, Iterator, List, Optional, Tuple, TypeVar

from mtalign.errors import UserError
from mtalign.formats.inline import markup_text
from mtalign.tm import fuzzy
from mtalign.types import Unit

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY, ko TEXT NOT NULL, en TEXT NOT NULL, ko_key TEXT NOT NULL,
    origin TEXT, source_file TEXT, role TEXT, score REAL, markup INTEGER NOT NULL DEFAULT 0,
    UNIQUE (ko, en));
CREATE INDEX IF NOT EXISTS units_ko_key ON units (ko_key);
CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5 (
    ko_key, content='units', content_rowid='id', tokenize='trigram');
CREATE TABLE IF NOT EXISTS trigram_df (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID;
"""
BATCH = 5000
UNIT_COLUMNS = "ko, en, origin, source_file, role, score, markup"  # the fields of a Unit, in order
BUSY_SECONDS = 1.0  # SQLite's own wait per attempt; attempts repeat up to LOCK_WAIT_SECONDS
LOCK_WAIT_SECONDS = float(os.environ.get("MTALIGN_TM_LOCK_WAIT", 600))
T = TypeVar("T")


def lookup_key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _unit(row: tuple) -> Unit:
    *fields, markup = row
    return Unit(*fields, markup=bool(markup))


class TranslationMemory:
    """One TM file; several processes may write it at once (WAL, writers wait their turn).

    `on_wait` is told once when another writer holds the lock (the CLI prints "waiting for
    the TM lock"); after `lock_wait` seconds without the lock, a UserError says so.
    """

    def __init__(self, path: str | os.PathLike, on_wait: Optional[Callable[[str], None]] = None,
                 lock_wait: float = LOCK_WAIT_SECONDS) -> None:
        self.path = os.fspath(path)
        self._on_wait = on_wait
        self._lock_wait = lock_wait
        try:
            self._db = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
            self._locked(self._open)
        except sqlite3.DatabaseError as err:
            raise UserError(f"{self.path}: not a translation memory ({err})") from None

    @classmethod
    def existing(cls, path: str | os.PathLike) -> "TranslationMemory":
        """Open a TM for reading; a missing file is refused rather than created empty."""
        if not os.path.isfile(path):
            raise UserError(f"{path}: no such translation memory (mtalign tmx import creates one)")
        return cls(path)

    def _open(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.executescript(SCHEMA)
        if "markup" not in {row[1] for row in self._db.execute("PRAGMA table_info(units)")}:
            self._db.execute("ALTER TABLE units ADD COLUMN markup INTEGER NOT NULL DEFAULT 0")

    def _locked(self, action: Callable[[], T]) -> T:
        """Run `action`, waiting (and saying so once) while another process holds the lock."""
        started, told = time.monotonic(), False
        while True:
            try:
                return action()
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err):
                    raise
                waited = time.monotonic() - started
                if waited >= self._lock_wait:
                    raise UserError(
                        f"{self.path}: the translation memory stayed locked by another process "
                        f"for {waited:.0f} s; try again when it has finished"
                    ) from None
                if not told and self._on_wait:
                    self._on_wait(
                        f"{self.path}: waiting for the TM lock (another process is writing)"
                    )
                told = True

    def add(self, units: Iterable[Unit]) -> Tuple[int, int]:
        """Store units in one transaction; returns (added, already present)."""
        added = seen = 0
        batch: List[tuple] = []
        self._locked(lambda: self._db.execute("BEGIN IMMEDIATE"))
        with self._db:  # commits, or rolls back on any error
            for unit in units:
                korean = markup_text(unit.ko) if unit.markup else unit.ko
                batch.append(
                    (
                        unit.ko,
                        unit.en,
                        lookup_key(korean),
                        unit.origin,
                        unit.source_file,
                        unit.role,
                        unit.score,
                        int(unit.markup),
                    )
                )
                if len(batch) >= BATCH:
                    added, seen = self._flush(batch, added, seen)
            added, seen = self._flush(batch, added, seen)
        return added, seen

    def _flush(self, batch: List[tuple], added: int, seen: int) -> Tuple[int, int]:
        last_id = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM units").fetchone()[0]
        before = self._db.total_changes
        self._db.executemany(
            "INSERT OR IGNORE INTO units (ko, en, ko_key, origin, source_file, "
            "role, score, markup) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            batch,
        )
        inserted = self._db.total_changes - before
        self._db.execute(
            "INSERT INTO units_fts (rowid, ko_key) SELECT id, ko_key FROM units WHERE id > ?",
            (last_id,),
        )
        fuzzy.count_trigrams(
            self._db,
            (
                key
                for (key,) in self._db.execute("SELECT ko_key FROM units WHERE id > ?", (last_id,))
            ),
        )
        result = added + inserted, seen + len(batch) - inserted
        batch.clear()
        return result

    def exact(self, korean: str) -> List[Unit]:
        rows = self._db.execute(
            f"SELECT {UNIT_COLUMNS} FROM units WHERE ko_key = ? ORDER BY id", (lookup_key(korean),)
        )
        return [_unit(row) for row in rows]

    def fuzzy(self, korean: str, threshold: float = 85.0) -> List[Tuple[float, Unit]]:
        """(score 0-100, unit) of units at least `threshold` similar to `korean`, best first."""
        key = lookup_key(korean)
        scored = sorted(
            (
                (fuzzy.score(key, other), unit_id)
                for unit_id, other in fuzzy.candidates(self._db, key)
            ),
            reverse=True,
        )
        matches = []
        for similarity, unit_id in scored:
            if similarity < threshold:
                break
            row = self._db.execute(
                f"SELECT {UNIT_COLUMNS} FROM units WHERE id = ?", (unit_id,)
            ).fetchone()
            matches.append((round(similarity, 1), _unit(row)))
        return matches

    def units(self) -> Iterator[Unit]:
        for row in self._db.execute(f"SELECT {UNIT_COLUMNS} FROM units ORDER BY id"):
            yield _unit(row)

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM units").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "TranslationMemory":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
