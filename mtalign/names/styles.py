"""Romanization engines: strict Revised Romanization and McCune-Reischauer for text, and the
news house styles for personal names (yonhap: South Korean media; kcna: North Korean
official English).

Names are romanized syllable by syllable without sound changes across syllables, as
both Koreas do for names; text gets the standard sound changes (liaison, nasalization,
lateralization). South Korean media spellings of names are learnt from data
(`names/learn.py`).
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from mtalign.hangul import FINAL_SOUND, RR_INITIAL, RR_MEDIAL
from mtalign.hangul import split_syllable as split

MR_MEDIAL = dict(
    zip(
        "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
        [
            "a",
            "ae",
            "ya",
            "yae",
            "ŏ",
            "e",
            "yŏ",
            "ye",
            "o",
            "wa",
            "wae",
            "oe",
            "yo",
            "u",
            "wŏ",
            "we",
            "wi",
            "yu",
            "ŭ",
            "ŭi",
            "i",
        ],
    )
)
# The sound a final has before a pause or a consonant.
# A final carried over to a following silent ㅇ (liaison), as the initial it becomes.
LIAISON = {
    "ㄱ": "ㄱ",
    "ㄲ": "ㄲ",
    "ㄴ": "ㄴ",
    "ㄷ": "ㄷ",
    "ㄹ": "ㄹ",
    "ㅁ": "ㅁ",
    "ㅂ": "ㅂ",
    "ㅅ": "ㅅ",
    "ㅆ": "ㅆ",
    "ㅈ": "ㅈ",
    "ㅊ": "ㅊ",
    "ㅋ": "ㅋ",
    "ㅌ": "ㅌ",
    "ㅍ": "ㅍ",
}
NASAL = {"k": "ng", "t": "n", "p": "m"}
VOICED_FINALS = {"", "ㄴ", "ㄹ", "ㅁ", "ㅇ"}
KCNA_INITIAL = {
    "ㄱ": "k",
    "ㄲ": "kk",
    "ㄴ": "n",
    "ㄷ": "t",
    "ㄸ": "tt",
    "ㄹ": "r",
    "ㅁ": "m",
    "ㅂ": "p",
    "ㅃ": "pp",
    "ㅅ": "s",
    "ㅆ": "ss",
    "ㅇ": "",
    "ㅈ": "j",
    "ㅉ": "jj",
    "ㅊ": "ch",
    "ㅋ": "kh",
    "ㅌ": "th",
    "ㅍ": "ph",
    "ㅎ": "h",
}
KCNA_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b"}
KCNA_SURNAMES = {
    "이": "Ri",
    "임": "Rim",
    "유": "Yu",
    "류": "Ryu",
    "노": "No",
    "로": "Ro",
    "양": "Yang",
    "량": "Ryang",
    "최": "Choe",
    "오": "O",
    "우": "U",
}
DOUBLE_SURNAMES = {"남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방"}


def syllables(text: str) -> List[Optional[Tuple[str, str, str]]]:
    return [split(ch) for ch in text]


def _text_romanizer(text: str, medials: Dict[str, str], initial_of, final_of) -> str:
    """Romanize running text word by word, with liaison, nasalization and lateralization."""
    words = []
    for word in text.split():
        parts = syllables(word)
        out = []
        for index, part in enumerate(parts):
            if part is None:
                out.append(word[index])
                continue
            initial, medial, final = part
            prev = parts[index - 1] if index and parts[index - 1] else None
            nxt = parts[index + 1] if index + 1 < len(parts) and parts[index + 1] else None
            if prev and initial == "ㅇ" and prev[2] in LIAISON:
                initial = LIAISON[prev[2]]
            elif prev and initial == "ㄹ" and prev[2] not in ("ㄹ", "ㄴ", ""):
                initial = "ㄴ"
            elif prev and initial == "ㄹ" and prev[2] == "ㄴ":
                initial = "ㄹ"
            elif prev and initial == "ㄴ" and prev[2] == "ㄹ":
                initial = "ㄹ"
            sound = "" if (nxt and nxt[0] == "ㅇ" and final in LIAISON) else FINAL_SOUND[final]
            if nxt and nxt[0] in ("ㄴ", "ㅁ") and sound in NASAL:
                sound = NASAL[sound]
            if nxt and final == "ㄴ" and nxt[0] == "ㄹ":
                sound = "l"
            out.append(initial_of(initial, prev, index) + medials[medial] + final_of(sound, nxt))
        words.append("".join(out))
    return " ".join(words)


def romanize_rr(text: str) -> str:
    """Strict Revised Romanization (2000) of running text."""

    def initial(jamo, prev, index):
        return "l" if jamo == "ㄹ" and prev and prev[2] in ("ㄹ", "ㄴ") else RR_INITIAL[jamo]

    def final(sound, nxt):
        return (
            {"k": "k", "t": "t", "p": "p"}.get(sound, sound)
            if sound != "l" or not nxt or nxt[0] != "ㅇ"
            else "r"
        )

    return _text_romanizer(text, RR_MEDIAL, initial, final)


def romanize_mr(text: str) -> str:
    """McCune-Reischauer of running text, with its breves and aspiration apostrophes."""
    aspirate = {"ㅋ": "k'", "ㅌ": "t'", "ㅍ": "p'", "ㅊ": "ch'"}
    plain = {"ㄱ": ("k", "g"), "ㄷ": ("t", "d"), "ㅂ": ("p", "b"), "ㅈ": ("ch", "j")}

    def initial(jamo, prev, index):
        if jamo in aspirate:
            return aspirate[jamo]
        if jamo in plain:
            voiced = bool(prev) and prev[2] in VOICED_FINALS
            return plain[jamo][1 if voiced else 0]
        if jamo == "ㄹ":
            return "l" if prev and prev[2] in ("ㄹ", "ㄴ") else ("r" if prev else "r")
        if jamo == "ㅅ":
            return "s"
        return RR_INITIAL[jamo]

    def final(sound, nxt):
        return sound

    return _text_romanizer(text, MR_MEDIAL, initial, final)


def split_name(name: str) -> Tuple[str, str]:
    """(surname, given name); two-syllable surnames are recognised."""
    if len(name) >= 3 and name[:2] in DOUBLE_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def kcna_syllable(syllable: str, previous: Optional[Tuple[str, str, str]]) -> str:
    initial, medial, final = split(syllable)
    if initial in KCNA_VOICED and previous is not None and previous[2] in VOICED_FINALS:
        onset = KCNA_VOICED[initial]
    else:
        onset = KCNA_INITIAL[initial]
    vowel = RR_MEDIAL[medial].replace("eo", "o").replace("eu", "u")
    return (onset + vowel + FINAL_SOUND[final]).capitalize()


def romanize_kcna_name(name: str) -> str:
    """North Korean official English: McCune-Reischauer without diacritics, syllables spaced
    and capitalized, plain stops voiced between voiced sounds inside the given name."""
    surname, given = split_name(name)
    family = (
        KCNA_SURNAMES.get(surname) or "".join(kcna_syllable(s, None) for s in surname).capitalize()
    )
    parts = []
    for index, syllable in enumerate(given):
        parts.append(kcna_syllable(syllable, split(given[index - 1]) if index else None))
    return " ".join([family, *parts])


def yonhap_north(kcna_name: str) -> str:
    """How South Korean media write a North Korean name: the North's spelling, given name
    hyphenated (Kim Yo Jong -> Kim Yo-jong, Choe Son Hui -> Choe Son-hui)."""
    family, *given = kcna_name.split(" ")
    return f"{family} {'-'.join(given).capitalize()}" if given else family
