"""Glossary lookup in either script: exact, any variant, fuzzy, prefix, romanized.

Kim Jong Un, kim jong-un, KIM JONG-UN  -> exact / variant (case, hyphens, spaces ignored)
Kim Jung-il                            -> fuzzy: Kim Jong-il (one edit apart in sound)
Vostochny, 김정                         -> prefix of a word: Vostochny Cosmodrome; 김정은, 김정일
푸틴 (where only English were known)     -> romanized: Putin
"""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from mtalign.glossary.index import entry_from_json, open_index
from mtalign.glossary.keys import deletions, norm_key, skeleton_key, sound_key, words
from mtalign.glossary.store import Glossary, load_glossary, shipped_glossaries
from mtalign.hangul import has_hangul
from mtalign.types import Entry

FUZZY_FLOOR = 0.75
NEAR_FLOOR = 0.4
PREFIX_LIMIT = 50
CANDIDATE_LIMIT = 200  # rows per key query: bounds the time of very common keys


@dataclass
class Hit:
    entry: Entry
    form: str     # the glossary form that matched
    match: str    # exact | variant | fuzzy | prefix | romanized
    score: float  # 1.0 exact; lower for looser matches


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _near_score(query: str, key: str, form: str, form_key: str) -> float:
    """Spelling similarity, half of it from the query's words found (one slip each) in the form:
    Ministry of Fiance is nearer Ministry of Finance and Economy than Ministry of Justice."""
    query_words = [word for word in words(query) if len(word) >= 3] or [key]
    form_words = words(form) or [form_key]
    found = sum(any(_similarity(word, other) >= 0.8 for other in form_words)
                for word in query_words)
    return 0.5 * _similarity(key, form_key) + 0.5 * found / len(query_words)


class Lookup:
    """Lookups against glossary files (default: the shipped ones) or an already loaded Glossary.

    The SQLite index is opened once, and rebuilt first only if the files changed.
    """

    def __init__(
        self, files: Optional[Sequence[str]] = None, glossary: Optional[Glossary] = None
    ) -> None:
        if glossary is not None:
            files, load = glossary.files, lambda: glossary
        else:
            files = [os.fspath(path) for path in (files or shipped_glossaries())]
            load = lambda: load_glossary(files)  # noqa: E731 - parsed only if the index is stale
        self._db = open_index(files, load)
        self._entries: Dict[str, Entry] = {}
        (longest,) = self._db.execute(
            "SELECT MAX(LENGTH(key)) FROM keys WHERE kind = 'sound'"
        ).fetchone()
        self._longest_sound = longest or 0

    @property
    def conflicts(self) -> List[str]:
        (data,) = self._db.execute("SELECT value FROM meta WHERE name = 'conflicts'").fetchone()
        return json.loads(data)

    def _entry(self, entry_id: str) -> Entry:
        if entry_id not in self._entries:
            (data,) = self._db.execute(
                "SELECT data FROM entries WHERE id = ?", (entry_id,)
            ).fetchone()
            self._entries[entry_id] = entry_from_json(data)
        return self._entries[entry_id]

    def _rows(self, kind: str, keys: List[str]):
        marks = ",".join("?" * len(keys))
        return self._db.execute(
            f"SELECT entry, form FROM keys WHERE kind = ? AND key IN ({marks}) LIMIT ?",
            (kind, *keys, CANDIDATE_LIMIT),
        )

    def lookup(self, query: str, limit: int = 10) -> List[Hit]:
        """Hits for `query`, best first, one per entry; only the winners are decoded."""
        best: Dict[str, tuple] = {}

        def offer(entry_id: str, form: str, match: str, score: float) -> None:
            if entry_id not in best or score > best[entry_id][2]:
                best[entry_id] = (form, match, score)

        key = norm_key(query)
        if not key:
            return []
        for kind, match, score in (
            ("ko", "exact", 1.0),
            ("norm", "exact", 1.0),
            ("variant", "variant", 0.98),
        ):
            for entry_id, form in self._rows(kind, [key]):
                offer(entry_id, form, match, score)
        self._prefix_matches(key, offer)
        if not (best and has_hangul(query)):  # romanizing Hangul is for terms known only in English
            self._sound_matches(query, offer)
        # Richness decodes entries: only for those that can still make the list (score ties).
        by_score = sorted(best.items(), key=lambda item: (-item[1][2], item[0]))
        cutoff = by_score[min(limit, len(by_score)) - 1][1][2] if by_score else 0.0
        contenders = [item for item in by_score if item[1][2] >= cutoff]
        ranked = sorted(
            contenders, key=lambda item: (-item[1][2], -self._richness(item), item[0])
        )[:limit]
        return [
            Hit(self._entry(entry_id), form, match, round(score, 3))
            for entry_id, (form, match, score) in ranked
        ]

    def _richness(self, item) -> int:
        """Among equal hits (namesakes, prefixes), entries known in more forms (the famous ones,
        with house-style and variant forms) come first."""
        entry_id, (_, match, _) = item
        return (
            len(self._entry(entry_id).english_forms())
            if match in ("exact", "variant", "prefix")
            else 0
        )

    def nearest(self, query: str, limit: int = 3) -> List[Hit]:
        """The entries whose forms are most like `query` in spelling (similarity >= NEAR_FLOOR):
        a hint for a miss. Candidates share the query's longest prefix (8, 4, 2, 1 characters)
        that some forms share."""
        key = norm_key(query)
        if not key:
            return []
        best: Dict[str, tuple] = {}
        for prefix in dict.fromkeys((key[:8], key[:4], key[:2], key[:1])):
            rows = self._db.execute(
                "SELECT entry, form, key FROM keys WHERE kind IN ('ko', 'norm', 'variant', 'word') "
                "AND key >= ? AND key < ? LIMIT 2000", (prefix, prefix + "\U0010ffff"))
            for entry_id, form, candidate in rows:
                score = _near_score(query, key, form, candidate)
                if score < NEAR_FLOOR:
                    continue
                if entry_id not in best or score > best[entry_id][1]:
                    best[entry_id] = (form, score)
            if len(best) >= limit:
                break
        ranked = sorted(best.items(), key=lambda item: (-item[1][1], item[0]))[:limit]
        return [Hit(self._entry(entry_id), form, "nearest", round(score, 3))
                for entry_id, (form, score) in ranked]

    def _sound_matches(self, query: str, offer) -> None:
        """Latin: forms one edit apart after folding spellings. Hangul: English forms with the
        same consonant skeleton once the Hangul is romanized."""
        if has_hangul(query):
            sound = sound_key(query)
            for entry_id, form in self._rows("skeleton", [skeleton_key(query)]):
                offer(entry_id, form, "romanized", 0.6 + 0.3 * _similarity(sound, sound_key(form)))
            return
        sound = sound_key(query)
        # one edit apart means lengths differ by at most one: a longer query can match no
        # glossary form, and its deletions (quadratic in its length) are never made
        if not 3 <= len(sound) <= self._longest_sound + 1:
            return
        near = list(set(deletions(sound)))
        for entry_id, form in {
            *self._rows("sound", [sound, *near]),
            *self._rows("del", [sound, *near]),
        }:
            score = _similarity(norm_key(query), norm_key(form))
            if score >= FUZZY_FLOOR:
                offer(entry_id, form, "fuzzy", min(score, 0.97))

    def _prefix_matches(self, key: str, offer) -> None:
        if len(key) < 2:
            return
        rows = self._db.execute(
            "SELECT entry, form, key FROM keys WHERE kind = 'word' AND key >= ? AND key < ? "
            "LIMIT ?",
            (key, key + "\U0010ffff", PREFIX_LIMIT),
        )
        for entry_id, form, word in rows:
            offer(entry_id, form, "prefix", 0.5 + 0.4 * len(key) / len(word))
