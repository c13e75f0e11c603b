"""Korean sound changes that Revised Romanization (2000) and McCune-Reischauer write.

A word's syllables become (initial, medial, final) jamo as pronounced: aspiration
(좋고 [조코] joko, 잡혀 [자펴] japyeo), palatalization (같이 [가치] gachi, 해돋이 [해도지]),
liaison (설악 [서락] seorak), ㄹ read as ㄴ after other consonants and nasalization (독립문
[동닙문] Dongnimmun, 왕십리 [왕심니] wangsimni), and ㄴ/ㄹ liquidization (신라 [실라] Silla,
별내 [별래]). Tensing is not written (압구정 apgujeong). Two rules depend on grammar, which a
romanizer does not see: a syllable ㅎ after ㄱ/ㄷ/ㅂ/ㅈ aspirates them in verbs (잡혀 japyeo)
but is written in nouns (묵호 Mukho) -- decided by a verb ending; and ㄴ + ㄹ stays ㄴㄴ before
a suffix such as 로 (신문로 sinmunno). The ㄴ inserted in compounds (학여울 hangnyeoul) is
not made: it would break far commoner words (목요일 mogyoil).
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from mtalign.hangul import FINALS, INITIALS, MEDIALS, split_syllable

ASPIRATED = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
H_FINALS = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}
# A compound final before a vowel: the part that stays and the part that moves on.
SPLIT_FINALS = {
    "ㄳ": ("ㄱ", "ㅆ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅆ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅄ": ("ㅂ", "ㅆ"),
}
# The sound a final keeps before a consonant or a pause.
NEUTRAL = {
    "ㄲ": "ㄱ",
    "ㅋ": "ㄱ",
    "ㄳ": "ㄱ",
    "ㄺ": "ㄱ",
    "ㄵ": "ㄴ",
    "ㄶ": "ㄴ",
    "ㅅ": "ㄷ",
    "ㅆ": "ㄷ",
    "ㅈ": "ㄷ",
    "ㅊ": "ㄷ",
    "ㅌ": "ㄷ",
    "ㅎ": "ㄷ",
    "ㄼ": "ㄹ",
    "ㄽ": "ㄹ",
    "ㄾ": "ㄹ",
    "ㅀ": "ㄹ",
    "ㄻ": "ㅁ",
    "ㅍ": "ㅂ",
    "ㅄ": "ㅂ",
}
NASAL = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}
VERB_ENDINGS = ("다", "고", "지", "게", "며", "면", "서", "니", "는", "혀", "히", "자", "아", "어")
NN_SUFFIXES = set("로란량론")

Syllable = List[str]


def pronounced(word: str) -> List[Optional[Syllable]]:
    """The word's syllables as [initial, medial, final] after the written sound changes;
    None for a character that is no Hangul syllable."""
    parts = [list(split_syllable(ch)) if split_syllable(ch) else None for ch in word]
    verb = word.endswith(VERB_ENDINGS)
    for index in range(len(parts) - 1):
        this, nxt = parts[index], parts[index + 1]
        if this and nxt:
            _boundary(this, nxt, verb, last=index + 2 == len(parts) and len(parts) > 2)
    for part in parts:
        if part:
            part[2] = NEUTRAL.get(part[2], part[2])
    return parts


def _boundary(this: Syllable, nxt: Syllable, verb: bool, last: bool) -> None:
    _aspirate(this, nxt, verb)
    if (
        this[2] in ("ㄷ", "ㅌ", "ㄾ") and nxt[0] in ("ㅇ", "ㅎ") and nxt[1] == "ㅣ"
    ):  # 같이 [가치], 굳히다 [구치다]
        keep = "ㄹ" if this[2] == "ㄾ" else ""
        nxt[0] = "ㅊ" if this[2] != "ㄷ" or nxt[0] == "ㅎ" else "ㅈ"
        this[2] = keep
    if nxt[0] == "ㅇ" and this[2] not in ("", "ㅇ"):  # liaison
        this[2], nxt[0] = SPLIT_FINALS.get(this[2], ("", this[2]))
    final = NEUTRAL.get(this[2], this[2])
    if nxt[0] == "ㄹ" and final not in ("", "ㄴ", "ㄹ"):
        nxt[0] = "ㄴ"
    if final == "ㄴ" and nxt[0] == "ㄹ":
        if last and _syllable_text(nxt) in NN_SUFFIXES:
            nxt[0] = "ㄴ"
        else:
            final = "ㄹ"
    elif final == "ㄹ" and nxt[0] == "ㄴ":
        nxt[0] = "ㄹ"
    if nxt[0] in ("ㄴ", "ㅁ") and final in NASAL:
        final = NASAL[final]
    this[2] = final


def _aspirate(this: Syllable, nxt: Syllable, verb: bool) -> None:
    if this[2] in H_FINALS and nxt[0] in ASPIRATED:  # 좋고 [조코]
        this[2], nxt[0] = H_FINALS[this[2]], ASPIRATED[nxt[0]]
    elif this[2] in H_FINALS and nxt[0] in ("ㅇ", "ㄴ"):  # 좋아 [조아], 놓는 [논는]
        this[2] = H_FINALS[this[2]] or ("ㄷ" if nxt[0] == "ㄴ" else "")
    elif verb and nxt[0] == "ㅎ" and NEUTRAL.get(this[2], this[2]) in ASPIRATED and nxt[1] != "ㅣ":
        nxt[0], this[2] = (
            ASPIRATED[NEUTRAL.get(this[2], this[2])],
            "",
        )  # 잡혀 [자펴], 맞히다 [마치다]
    elif verb and nxt[0] == "ㅎ" and this[2] in ("ㅈ", "ㄱ", "ㅂ") and nxt[1] == "ㅣ":
        nxt[0], this[2] = ASPIRATED[this[2]], ""


def _syllable_text(part: Syllable) -> str:
    code = (INITIALS.index(part[0]) * 21 + MEDIALS.index(part[1])) * 28 + FINALS.index(part[2])
    return chr(0xAC00 + code)


def voiced_context(previous: Optional[Syllable]) -> bool:
    """MR voices a plain stop after a vowel or ㄴ ㄹ ㅁ ㅇ (inside a word)."""
    return previous is not None and previous[2] in ("", "ㄴ", "ㄹ", "ㅁ", "ㅇ")


def pairs(parts: List[Optional[Syllable]]) -> List[Tuple[Optional[Syllable], Optional[Syllable]]]:
    """Each syllable with the one before it (None at the start or after a non-syllable)."""
    return [(part, parts[index - 1] if index else None) for index, part in enumerate(parts)]
