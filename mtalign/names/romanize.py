"""Revised Romanization of Hangul, syllable by syllable, and a loose key for comparing
a romanized Korean name with an English spelling (Kim Soo-yeon ~ 김수연).
"""

from __future__ import annotations

import re

_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
            "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t"]


def romanize_syllables(text: str) -> list:
    """Each Hangul syllable in RR (no sound changes across syllables); other characters kept."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            medial, final = divmod(rest, 28)
            out.append(_INITIALS[initial] + _MEDIALS[medial] + _FINALS[final])
        else:
            out.append(ch)
    return out


def romanize_rr(text: str) -> str:
    return "".join(romanize_syllables(text))


# Spellings that news English uses for the same sounds, folded to one form each. English
# orthography first (Revised Romanization never writes c, q, x, f, v, z, th, ph).
_LOOSE = [("ph", "p"), ("th", "t"), ("ck", "k"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("q", "k"),
          ("x", "ks"), ("f", "p"), ("v", "b"), ("z", "j"), ("oo", "u"), ("ee", "i"), ("yeo", "yo"), ("eo", "o"), ("eu", "u"), ("ae", "e"), ("wo", "o"),
          ("k", "g"), ("p", "b"), ("t", "d"), ("r", "l"), ("ch", "j"), ("sh", "s"), ("ll", "l"), ("ng", "n")]


def loose_key(latin: str) -> str:
    """A spelling-insensitive key: Kim Soo-yeon, Gim Su-yeon and KIM SOOYEON agree."""
    key = re.sub(r"[^a-z]", "", latin.casefold())
    for spelling, folded in _LOOSE:
        key = key.replace(spelling, folded)
    return key
