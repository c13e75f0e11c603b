"""Hangul knowledge shared by segmentation, the glossary, alignment and names (a leaf module).

Syllable tests, syllables as jamo, the Revised Romanization letters of each jamo, a loose
key for comparing a romanized name with an English spelling, and the Korean surnames.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
          "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

RR_INITIAL = dict(zip(INITIALS, ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j",
                                 "jj", "ch", "k", "t", "p", "h"]))
RR_MEDIAL = dict(zip(MEDIALS, ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
                               "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]))
# The sound a final has before a pause or a consonant.
FINAL_SOUND = {"": "", "ㄱ": "k", "ㄲ": "k", "ㄳ": "k", "ㄴ": "n", "ㄵ": "n", "ㄶ": "n",
               "ㄷ": "t", "ㄹ": "l", "ㄺ": "k", "ㄻ": "m", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l",
               "ㄿ": "p", "ㅀ": "l", "ㅁ": "m", "ㅂ": "p", "ㅄ": "p", "ㅅ": "t", "ㅆ": "t",
               "ㅇ": "ng", "ㅈ": "t", "ㅊ": "t", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "t"}

# Surnames common enough that a 2-4 syllable word starting with one is taken for a name
# (the last four are North Korean spellings: 리, 로, 량, 림).
SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공"
    "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예봉경사부가복태목형피두감음빈동온호범"
    "좌팽승간상갈시견당리로량림")
# How English copy spells those surnames, South and North Korean styles.
SURNAME_SPELLINGS = tuple(
    "Kim Lee Yi Rhee Park Choi Chung Jung Jeong Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo "
    "Suh Shin Kwon Hwang Ahn Song Ryu Yoo Yu Hong Jeon Chun Ko Koh Moon Mun Yang Son Bae Baek "
    "Paek Heo Nam Shim Roh Noh Ha Kwak Sung Cha Joo Woo Koo Min Jin Na Ji Um Chae Won Bang Kong "
    "Hyun Ham Byun Choo Do Ban Ri Pak Choe Ro Hyon Rim Ryang Kye Jon Ju Sin".split()
)

# Spellings that news English uses for the same sounds, folded to one form each. English
# orthography first (Revised Romanization never writes c, q, x, f, v, z, th, ph).
_LOOSE = [("ph", "p"), ("th", "t"), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("q", "k"),
          ("x", "ks"), ("f", "p"), ("v", "b"), ("z", "j"), ("oo", "u"), ("ee", "i"), ("yeo", "yo"),
          ("eo", "o"), ("eu", "u"), ("ae", "e"), ("wo", "o"), ("k", "g"), ("p", "b"), ("t", "d"),
          ("r", "l"), ("ch", "j"), ("sh", "s"), ("ll", "l"), ("ng", "n")]


def is_hangul(ch: str) -> bool:
    """A Hangul syllable or jamo (conjoining or compatibility)."""
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def has_hangul(text: str) -> bool:
    return any(is_hangul(ch) for ch in text)


def split_syllable(syllable: str) -> Optional[Tuple[str, str, str]]:
    """(initial, medial, final) jamo of a Hangul syllable; None for any other character."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    return INITIALS[initial], MEDIALS[medial], FINALS[final]


def romanize_syllables(text: str) -> List[str]:
    """Each Hangul syllable in RR without sound changes; other characters kept."""
    out = []
    for ch in text:
        parts = split_syllable(ch)
        out.append(RR_INITIAL[parts[0]] + RR_MEDIAL[parts[1]] + FINAL_SOUND[parts[2]]
                   if parts else ch)
    return out


def romanize_syllable_by_syllable(text: str) -> str:
    """RR letters per syllable, no sound changes (김정은 -> gimjeongeun): for comparing names;
    names.styles.romanize_rr is strict RR of running text."""
    return "".join(romanize_syllables(text))


def loose_key(latin: str) -> str:
    """A spelling-insensitive key: Kim Soo-yeon, Gim Su-yeon and KIM SOOYEON agree."""
    key = re.sub(r"[^a-z]", "", latin.casefold())
    for spelling, folded in _LOOSE:
        key = key.replace(spelling, folded)
    return key
