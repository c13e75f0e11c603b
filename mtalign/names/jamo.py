"""Hangul syllables as (initial, medial, final) jamo indices."""

from __future__ import annotations

from typing import Optional, Tuple

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
          "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]


def split(syllable: str) -> Optional[Tuple[str, str, str]]:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    return INITIALS[initial], MEDIALS[medial], FINALS[final]
