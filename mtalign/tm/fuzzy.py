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
CANDIDATES = 50
POSTINGS = 400  # units read per rare trigram: bounds the time of common ones


def trigrams(text: str) -> List[str]:
    return list(dict.fromkeys(text[i:i + 3] for i in range(len(text) - 2)))


def _quoted(trigram: str) -> str:
    return '"' + trigram.replace('"', '""') + '"'


def candidates(db: sqlite3.Connection, key: str) -> List[Tuple[int, str]]:
    """(unit id, Korean key) of the units that share the most of the query's rarest trigrams.

    Each rare trigram is looked up on its own (bounded), and units are ranked by how many
    of them they hold: a unit that differs only in a number or a word still shares most.
    """
    grams = trigrams(key.casefold())
    if not grams:
        return []
    marks = ",".join("?" * len(grams))
    frequencies = db.execute(
        f"SELECT term, doc FROM trigram_df WHERE term IN ({marks})", grams
    ).fetchall()
    votes: Counter = Counter()
    for term, _ in sorted(frequencies, key=lambda row: row[1])[:RARE_TRIGRAMS]:
        votes.update(
            row[0]
            for row in db.execute(
                "SELECT rowid FROM units_fts WHERE units_fts MATCH ? LIMIT ?",
                (_quoted(term), POSTINGS),
            )
        )
    best = [unit_id for unit_id, _ in votes.most_common(CANDIDATES)]
    if not best:
        return []
    return db.execute(
        f"SELECT id, ko_key FROM units WHERE id IN ({','.join('?' * len(best))})", best
    ).fetchall()


def count_trigrams(db: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Add new units' trigrams to the document-frequency table."""
    counts: Counter = Counter()
    for key in keys:
        counts.update(trigrams(key.casefold()))
    db.executemany(
        "INSERT INTO trigram_df VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET doc = doc + "
        "excluded.doc",
        counts.items(),
    )


def score(key: str, other: str) -> float:
    return fuzz.ratio(key, other)
