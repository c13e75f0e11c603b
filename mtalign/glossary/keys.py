"""Search keys of a glossary form: exact, spelling-insensitive, romanized, and fuzzy."""

from __future__ import annotations

import re
from typing import Iterator, List

from mtalign.hangul import has_hangul, loose_key, romanize_syllable_by_syllable

_NOT_WORD = re.compile(r"[\W_]+")


def norm_key(text: str) -> str:
    """Case, hyphens, spaces and punctuation ignored: Kim Jong Un = kim jong-un = KIM JONG-UN."""
    return _NOT_WORD.sub("", text.casefold())


def words(text: str) -> List[str]:
    return [word for word in (norm_key(part) for part in re.split(r"[\s\-–/]+", text)) if word]


def sound_key(text: str) -> str:
    """Loose Latin key; Hangul is romanized first, so 푸틴 and Putin share a key."""
    return loose_key(romanize_syllable_by_syllable(text) if has_hangul(text) else text)


def skeleton_key(text: str) -> str:
    """Consonants only: foreign names written in Hangul gain vowels (블라디보스토크 ~
    Vladivostok).
    """
    return re.sub(r"[aeiouwy]", "", sound_key(text))


def deletions(key: str) -> Iterator[str]:
    """The key with one character deleted, each way (SymSpell): two keys one edit apart share
    one.
    """
    for index in range(len(key)):
        yield key[:index] + key[index + 1:]
