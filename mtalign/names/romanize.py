"""Korean to Latin letters: house-style personal names, strict RR / MR text, and a loose key
for comparing a romanized Korean name with an English spelling (Kim Soo-yeon ~ 김수연).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import List

from mtalign.names import styles
from mtalign.names.jamo import split

STYLES = ("yonhap", "kcna", "rr", "mr")
_NAME = re.compile(r"^[가-힣]{3,4}$")
# Surnames common enough that a 2-4 syllable word starting with one is taken for a name.
SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공"
               "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경사부가복태목형피두감음빈동온호범"
               "좌팽승간상갈시견당리로량림")


@dataclass
class Romanization:
    input: str
    output: str
    style: str
    source: str          # glossary | name rules | text rules
    confidence: float
    alternatives: List[str] = field(default_factory=list)


def romanize_syllables(text: str) -> list:
    """Each Hangul syllable in RR without sound changes; other characters kept."""
    out = []
    for ch in text:
        parts = split(ch)
        out.append(styles.RR_INITIAL[parts[0]] + styles.RR_MEDIAL[parts[1]] + styles.FINAL_SOUND[parts[2]]
                   if parts else ch)
    return out


def romanize_syllable_by_syllable(text: str) -> str:
    """RR letters per syllable, no sound changes (김정은 -> gimjeongeun): for comparing names;
    styles.romanize_rr is strict RR of running text."""
    return "".join(romanize_syllables(text))


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
        alternatives = [alt for alt in dict.fromkeys(_name(text, other)[0] for other in STYLES) if alt != output]
        return Romanization(text, output, style, "name rules", confidence, alternatives)
    return Romanization(text, _text(text, style), style, "text rules", 0.8,
                        [alt for alt in dict.fromkeys(_text(text, other) for other in ("rr", "mr")) if alt != _text(text, style)])


# Spellings that news English uses for the same sounds, folded to one form each. English
# orthography first (Revised Romanization never writes c, q, x, f, v, z, th, ph).
_LOOSE = [("ph", "p"), ("th", "t"), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("q", "k"),
          ("x", "ks"), ("f", "p"), ("v", "b"), ("z", "j"), ("oo", "u"), ("ee", "i"), ("yeo", "yo"), ("eo", "o"),
          ("eu", "u"), ("ae", "e"), ("wo", "o"), ("k", "g"), ("p", "b"), ("t", "d"), ("r", "l"), ("ch", "j"),
          ("sh", "s"), ("ll", "l"), ("ng", "n")]


def loose_key(latin: str) -> str:
    """A spelling-insensitive key: Kim Soo-yeon, Gim Su-yeon and KIM SOOYEON agree."""
    key = re.sub(r"[^a-z]", "", latin.casefold())
    for spelling, folded in _LOOSE:
        key = key.replace(spelling, folded)
    return key
