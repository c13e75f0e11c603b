"""Korean to Latin letters: house-style personal names and strict RR / MR text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import List

from mtalign.hangul import SURNAMES
from mtalign.names import styles
from mtalign.types import ROMANIZATION_STYLES

_NAME = re.compile(r"^[가-힣]{3,4}$")


@dataclass
class Romanization:
    input: str
    output: str
    style: str
    source: str          # glossary | name rules | text rules
    confidence: float
    alternatives: List[str] = field(default_factory=list)


def is_personal_name(text: str) -> bool:
    """Three or four syllables starting with a common surname (two-syllable words are more
    often places: 부산, 개성); `romanize(..., kind="name")` overrides."""
    return bool(_NAME.match(text)) and text[0] in SURNAMES


def _strip_diacritics(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)).replace("'", "")


def _name(text: str, style: str) -> tuple:
    """(romanization, confidence) of a personal name by the style's rules."""
    if style == "yonhap":
        name, seen = styles.romanize_yonhap_name(text)
        return name, round(0.5 + 0.4 * seen, 2)
    if style == "kcna":
        return styles.romanize_kcna_name(text), 0.85
    surname, given = styles.split_name(text)
    engine = styles.romanize_rr if style == "rr" else styles.romanize_mr
    given_parts = [engine(syllable) for syllable in given]
    return f"{engine(surname).capitalize()} {'-'.join(given_parts).capitalize()}", 0.9


def _text(text: str, style: str) -> str:
    romanized = styles.romanize_mr(text) if style in ("mr", "kcna") else styles.romanize_rr(text)
    romanized = _strip_diacritics(romanized) if style == "kcna" else romanized
    return " ".join(word[:1].upper() + word[1:] for word in romanized.split(" "))


def romanize(text: str, style: str = "yonhap", lookup=None, kind: str = "auto") -> Romanization:
    """Romanize a Korean name (or other text) as `style` writes it; glossary entries win when
    a Lookup is given. kind: auto (names are guessed; rr and mr treat input as text), name, text."""
    text = text.strip()
    name = kind == "name" or (kind == "auto" and style in ("yonhap", "kcna") and is_personal_name(text))
    alternatives = []
    if lookup is not None:
        hits = [hit for hit in lookup.lookup(text, limit=3) if hit.match == "exact" and text in hit.entry.ko]
        if hits:
            entry = hits[0].entry
            house = entry.english(style if style in ("yonhap", "kcna") else None)
            alternatives = [form for form in entry.english_forms() if form != house]
            return Romanization(text, house, style, "glossary", 1.0, alternatives)
    if name:
        output, confidence = _name(text, style)
        alternatives = [alt for alt in dict.fromkeys(_name(text, other)[0] for other in ROMANIZATION_STYLES) if alt != output]
        return Romanization(text, output, style, "name rules", confidence, alternatives)
    return Romanization(text, _text(text, style), style, "text rules", 0.8,
                        [alt for alt in dict.fromkeys(_text(text, other) for other in ("rr", "mr")) if alt != _text(text, style)])
