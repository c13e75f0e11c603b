"""Fuzzy translation-memory matching: candidates from an FTS5 trigram index, picked by the
query's rarest trigrams, then scored 0-100 by character similarity (difflib ratio).

A unit 85% similar to the query shares most of its trigrams, so a few rare ones find it
without touching the many units that share only common ones.
"""

from __future__ import annotations

import difflib
import sqlite3
from typing import List, Tuple

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
    frequencies = db.execute(f"SELECT term, doc FROM units_vocab WHERE term IN ({marks})", grams).fetchall()
    rare = [term for term, _ in sorted(frequencies, key=lambda row: row[1])[:RARE_TRIGRAMS]]
    if not rare:
        return []
    query = " OR ".join(_quoted(term) for term in rare)
    return db.execute("SELECT units.id, units.ko_key FROM units_fts JOIN units ON units.id = units_fts.rowid "
                      "WHERE units_fts MATCH ? ORDER BY rank LIMIT ?", (query, CANDIDATES)).fetchall()


def score(key: str, other: str) -> float:
    return 100.0 * difflib.SequenceMatcher(None, key, other, autojunk=False).ratio()
