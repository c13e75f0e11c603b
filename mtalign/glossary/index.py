"""The SQLite index built from the TSV files: rebuilt automatically when they change.

It lives in a cache folder ($MTALIGN_CACHE, default ~/.cache/mtalign), one file per set
of glossary paths, stamped with checksums of their contents; the MAX_INDEXES most recently
used indexes are kept, older ones removed.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Callable, Iterator, Sequence, Tuple

from mtalign.glossary.keys import deletions, norm_key, skeleton_key, sound_key, words
from mtalign.glossary.store import Glossary
from mtalign.types import Entry, Variant

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entries (id TEXT PRIMARY KEY, data TEXT);
CREATE TABLE keys (kind TEXT, key TEXT, entry TEXT, form TEXT);
"""
INDEXES = "CREATE INDEX keys_kind_key ON keys (kind, key);"
MIN_FUZZY_KEY = 4
MAX_INDEXES = 8


def cache_dir() -> Path:
    return Path(os.environ.get("MTALIGN_CACHE", Path.home() / ".cache" / "mtalign"))


def content_stamp(files) -> str:
    """Checksums of the files' paths and bytes: CRC-32 and Adler-32 together, and the length
    (zlib, not hashlib: loading OpenSSL would cost a lookup more than the lookup itself)."""
    crc, adler, length = 0, 1, 0
    for path in files:
        data = os.path.abspath(path).encode() + b"\0" + Path(path).read_bytes() + b"\0"
        crc, adler, length = zlib.crc32(data, crc), zlib.adler32(data, adler), length + len(data)
    return f"{crc:08x}{adler:08x}-{length}"


def entry_from_json(data: str) -> Entry:
    fields = json.loads(data)
    fields["variants"] = [Variant(**variant) for variant in fields["variants"]]
    return Entry(**fields)


def _keys(entry: Entry) -> Iterator[Tuple[str, str, str]]:
    """(kind, key, form) rows for one entry."""
    for form in entry.ko:
        yield "ko", norm_key(form), form
        for word in words(form):
            yield "word", word, form
    canonical = {entry.en, *entry.styles.values()}
    for form in entry.english_forms():
        yield ("norm" if form in canonical else "variant"), norm_key(form), form
        for word in words(form):
            yield "word", word, form
        skeleton = skeleton_key(form)
        if len(skeleton) >= 2:
            yield "skeleton", skeleton, form
        sound = sound_key(form)
        if len(sound) >= MIN_FUZZY_KEY:
            yield "sound", sound, form
            for deleted in set(deletions(sound)):
                yield "del", deleted, form


def build(glossary: Glossary, path: Path, stamp: str) -> None:
    """Write a fresh index to `path` (atomically)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    connection = sqlite3.connect(tmp)
    with connection:
        connection.executescript(SCHEMA)
        connection.executemany("INSERT INTO entries VALUES (?, ?)", (
            (entry.id, json.dumps(dataclasses.asdict(entry), ensure_ascii=False))
            for entry in glossary.entries.values()))
        connection.executemany("INSERT INTO keys VALUES (?, ?, ?, ?)", (
            (kind, key, entry.id, form)
            for entry in glossary.entries.values() for kind, key, form in _keys(entry) if key))
        connection.execute(INDEXES)
        connection.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
        connection.execute(
            "INSERT INTO meta VALUES ('conflicts', ?)", (json.dumps(glossary.conflicts),)
        )
    connection.close()
    os.replace(tmp, path)


def open_index(files: Sequence[str], load: Callable[[], Glossary]) -> sqlite3.Connection:
    """A read-only connection to an up-to-date index of the glossary `files`.

    The TSV files are parsed (by `load`) only when the index is missing or stale, so a
    lookup in a large glossary starts fast.
    """
    stamp = content_stamp(files)
    name = f"{zlib.crc32(chr(0).join(map(os.path.abspath, files)).encode()):08x}"
    path = cache_dir() / f"glossary-{name}.sqlite"
    if not path.exists() or _stamp(path) != stamp:
        build(load(), path, stamp)
    now = (
        time.time_ns()
    )  # the modification time says when the index was last used (finer than utime's)
    os.utime(path, ns=(now, now))
    _remove_least_recently_used(path.parent)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _stamp(path: Path) -> str:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE name = 'stamp'").fetchone()
        finally:
            connection.close()
        return row[0] if row else ""
    except sqlite3.DatabaseError:
        return ""


def _remove_least_recently_used(folder: Path) -> None:
    """Keep the MAX_INDEXES most recently used indexes (one per glossary set ever looked up)."""
    indexes = sorted(
        folder.glob("glossary-*.sqlite"), key=lambda path: path.stat().st_mtime_ns, reverse=True
    )
    for stale in indexes[MAX_INDEXES:]:
        stale.unlink(missing_ok=True)
