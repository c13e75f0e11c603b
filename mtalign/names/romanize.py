"""Korean to Latin letters: house-style personal names and strict RR / MR text."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import List

from mtalign.hangul import SURNAMES
from mtalign.names import styles
from mtalign.names.learn import Model

NAME_DATA = Path(__file__).resolve().parent / "data" / "name_spellings.json"
_NAME = re.compile(r"^[가-힣]{3,4}$")


@dataclass
class Romanization:
    input: str
    output: str
    style: str
    source: str  # glossary | name rules | text rules
    confidence: float
    alternatives: List[str] = field(default_factory=list)


def is_personal_name(text: str) -> bool:
    """Three or four syllables starting with a common surname (two-syllable words are more
    often places: 부산, 개성); `romanize(..., kind="name")` overrides."""
    return bool(_NAME.match(text)) and text[0] in SURNAMES


def _strip_diacritics(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    ).replace("'", "")


# North Korean spelling marks a name as the North's: initial ㄹ kept (리 Ri, 로 Ro, 류 Ryu,
# 량 Ryang, 림 Rim) and initial 녀 / 뇨 / 니 where the South writes 여 / 요 / 이.
NORTH_INITIALS = re.compile(r"^(?:[리림로량려렴룡륙]|[녀뇨니])")
SIDES = ("auto", "south", "north")


@lru_cache(maxsize=1)
def name_model() -> Model:
    tables = json.loads(NAME_DATA.read_text(encoding="utf-8"))
    return Model(tables, tables["house_surnames"])


def name_side(text: str, side: str = "auto") -> str:
    """north or south: as given, else by North Korean spelling cues (default south)."""
    if side != "auto":
        return side
    return "north" if NORTH_INITIALS.match(text) else "south"


def _name(text: str, style: str, side: str) -> tuple:
    """(romanization, confidence, alternatives) of a personal name by the style's rules."""
    if style in ("yonhap", "kcna") and (style == "kcna" or side == "north"):
        kcna = styles.romanize_kcna_name(text)
        output = kcna if style == "kcna" else styles.yonhap_north(kcna)
        return (
            output,
            0.9,
            [form for form in dict.fromkeys([kcna, styles.yonhap_north(kcna)]) if form != output],
        )
    if style == "yonhap":
        (output, confidence), *others = name_model().candidates(text, top=3)
        return output, confidence, [form for form, _ in others]
    surname, given = styles.split_name(text)
    engine = styles.romanize_rr if style == "rr" else styles.romanize_mr
    given_parts = [engine(syllable) for syllable in given]
    return f"{engine(surname).capitalize()} {'-'.join(given_parts).capitalize()}", 0.9, []


def _text(text: str, style: str) -> str:
    romanized = styles.romanize_mr(text) if style in ("mr", "kcna") else styles.romanize_rr(text)
    romanized = _strip_diacritics(romanized) if style == "kcna" else romanized
    return " ".join(word[:1].upper() + word[1:] for word in romanized.split(" "))


def romanize(
    text: str, style: str = "yonhap", lookup=None, kind: str = "auto", side: str = "auto"
) -> Romanization:
    """Romanize a Korean name (or other text) as `style` writes it; glossary entries win when
    a Lookup is given (every entry with that Hangul: namesakes come as alternatives).
    kind: auto (names are guessed; rr and mr treat input as text), name, text.
    side: south, north or auto (glossary, then North Korean spelling cues; default south)."""
    text = text.strip()
    name = kind == "name" or (
        kind == "auto" and style in ("yonhap", "kcna") and is_personal_name(text)
    )
    if lookup is not None:
        entries = [
            hit.entry
            for hit in lookup.lookup(text, limit=5)
            if hit.match == "exact" and text in hit.entry.ko
        ]
        if entries:
            house = [
                entry.english(style if style in ("yonhap", "kcna") else None) for entry in entries
            ]
            others = [form for entry in entries for form in entry.english_forms()]
            return Romanization(
                text,
                house[0],
                style,
                "glossary",
                round(1 / len(set(house)), 2),  # namesakes written differently share it
                [form for form in dict.fromkeys(house + others) if form != house[0]],
            )
    if name:
        output, confidence, alternatives = _name(text, style, name_side(text, side))
        return Romanization(text, output, style, "name rules", confidence, alternatives)
    return Romanization(
        text,
        _text(text, style),
        style,
        "text rules",
        0.8,
        [
            alt
            for alt in dict.fromkeys(_text(text, other) for other in ("rr", "mr"))
            if alt != _text(text, style)
        ],
    )
