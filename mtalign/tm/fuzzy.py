"""Fuzzy translation-memory matching: candidates from an FTS5 trigram index, picked by the
query's rarest trigrams (document frequencies kept in a table of their own), then scored
0-100 by character similarity (rapidfuzz's normalized Indel ratio).

A unit 85% similar to the query shares most of its trigrams, so a few rare ones find it
without touching the many units that share only common ones.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Iterable, List, Tuple

from rapidfuzz import fuzz

RARE_TRIGRAMS = 8
CANDIDATES = 40


def trigrams(text: str) -> List[str]:
    return list(dict.fromkeys(text[i:i + 3] for i in range(len(text) - 2)))


def _quoted(trigram: str) -> str:
    return '"' + trigram.replace('"', '""') + '"'


def candidates(db: sqlite3.Connection, key: str) -> List[Tuple[int, str]]:
    """(unit id, Korean key) of units sharing the query's rarest trigrams."""
    grams = trigrams(key.casefold())
    if not grams:
        return []
    marks = ",".join("?" * len(grams))
    frequencies = db.execute(f"SELECT term, doc FROM trigram_df WHERE term IN ({marks})", grams).fetchall()
    rare = [term for term, _ in sorted(frequencies, key=lambda row: row[1])[:RARE_TRIGRAMS]]
    if not rare:
        return []
    query = " OR ".join(_quoted(term) for term in rare)
    return db.execute("SELECT units.id, units.ko_key FROM units_fts JOIN units ON units.id = units_fts.rowid "
                      "WHERE units_fts MATCH ? ORDER BY rank LIMIT ?", (query, CANDIDATES)).fetchall()


def count_trigrams(db: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Add new units' trigrams to the document-frequency table."""
    counts: Counter = Counter()
    for key in keys:
        counts.update(trigrams(key.casefold()))
    db.executemany("INSERT INTO trigram_df VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET doc = doc + excluded.doc",
                   counts.items())


def score(key: str, other: str) -> float:
    return fuzz.ratio(key, other)
