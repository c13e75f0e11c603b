"""Romanization engines: strict Revised Romanization and McCune-Reischauer for text, and the
news house styles for personal names (yonhap: South Korean media; kcna: North Korean
official English).

Names are romanized syllable by syllable without sound changes across syllables, as
both Koreas do for names; text gets the standard sound changes (liaison, nasalization,
lateralization). South Korean media spellings of names are learnt from data
(`names/learn.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Tuple

from mtalign.hangul import FINAL_SOUND, RR_INITIAL, RR_MEDIAL
from mtalign.hangul import split_syllable as split
from mtalign.names import sounds

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
# The North writes no surname 이: a 이 is the South's spelling of the North's 리 (Ri). 임 is a
# surname of its own beside 림 (임철웅 Im Chol Ung, 림광일 Rim Kwang Il), as 노, 양 and 유 are
# beside 로, 량 and 류, so those keep the sound their Hangul shows.
KCNA_SURNAMES = {
    "이": "Ri",
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


RR_FINAL = {"": "", "ㄱ": "k", "ㄴ": "n", "ㄷ": "t", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅇ": "ng"}
MR_INITIAL = {
    **RR_INITIAL,
    "ㄱ": "k",
    "ㄷ": "t",
    "ㅂ": "p",
    "ㅈ": "ch",
    "ㅉ": "tch",
    "ㅊ": "ch'",
    "ㅋ": "k'",
    "ㅌ": "t'",
    "ㅍ": "p'",
}
MR_VOICED = {"ㄱ": "g", "ㄷ": "d", "ㅂ": "b", "ㅈ": "j"}


def _romanized(text: str, syllable) -> str:
    """Each word of `text` with its sound changes, spelt syllable by syllable by `syllable`."""
    words = []
    for word in text.split():
        parts = sounds.pronounced(word)
        words.append(
            "".join(
                syllable(part, previous) if part else word[index]
                for index, (part, previous) in enumerate(sounds.pairs(parts))
            )
        )
    return " ".join(words)


def _liquid(initial: str, previous) -> Optional[str]:
    if initial == "ㄹ":
        return "l" if previous and previous[2] == "ㄹ" else "r"
    return None


def romanize_rr(text: str) -> str:
    """Strict Revised Romanization (2000) of running text, with the sound changes it writes."""

    def syllable(part, previous) -> str:
        initial, medial, final = part
        onset = _liquid(initial, previous) or RR_INITIAL[initial]
        return onset + RR_MEDIAL[medial] + RR_FINAL[final]

    return _romanized(text, syllable)


def romanize_mr(text: str) -> str:
    """McCune-Reischauer of running text, with its breves, aspiration apostrophes, voicing
    of plain stops between voiced sounds and the apostrophe of n'g."""

    def syllable(part, previous) -> str:
        initial, medial, final = part
        onset = _liquid(initial, previous) or MR_INITIAL[initial]
        if initial in MR_VOICED and sounds.voiced_context(previous):
            onset = MR_VOICED[initial]
            if initial == "ㄱ" and previous[2] == "ㄴ":
                onset = "'g"
        return onset + MR_MEDIAL[medial] + RR_FINAL[final]

    return _romanized(text, syllable)


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


# Every spelling KCNA's English gives a jamo, voiced or not, so a list's name can be read
# without the romanizer's own choices (Kim Jong Gak and Kim Jong Kak both spell 김정각).
KCNA_ONSETS = {
    **{k: {v} for k, v in KCNA_INITIAL.items()},
    "ㄱ": {"k", "g"},
    "ㄷ": {"t", "d"},
    "ㅂ": {"p", "b"},
    "ㅈ": {"j", "ch"},
    "ㅋ": {"kh", "k"},
    "ㅌ": {"th", "t"},
    "ㅍ": {"ph", "p"},
    "ㅆ": {"ss", "s"},
}
KCNA_CODAS = {
    "": "",
    "ㄱ": "k",
    "ㄲ": "k",
    "ㄴ": "n",
    "ㄷ": "t",
    "ㄹ": "l",
    "ㅁ": "m",
    "ㅂ": "p",
    "ㅅ": "t",
    "ㅆ": "t",
    "ㅇ": "ng",
    "ㅈ": "t",
    "ㅊ": "t",
    "ㅌ": "t",
    "ㅎ": "t",
}


@lru_cache(maxsize=None)
def kcna_spellings(syllable: str) -> frozenset:
    """The lower-case spellings KCNA's English may give one Hangul syllable in a name."""
    initial, medial, final = split(syllable)
    if final not in KCNA_CODAS:
        return frozenset()
    vowel = RR_MEDIAL[medial].replace("eo", "o").replace("eu", "u")
    return frozenset(onset + vowel + KCNA_CODAS[final] for onset in KCNA_ONSETS[initial])


def kcna_reads(korean: str, english: str) -> bool:
    """Whether `english` can be KCNA's spelling of the Hangul name `korean`: one spaced part
    per syllable (Ri Pyong Chol), each a KCNA spelling of its syllable."""
    parts = english.lower().split()
    return len(parts) == len(korean) and all(
        part in kcna_spellings(syllable) for syllable, part in zip(korean, parts)
    )


def yonhap_north_reads(korean: str, english: str) -> bool:
    """Whether `english` can be Yonhap's spelling of the North Korean name `korean`: the
    North's syllable spellings (as `kcna_reads` takes them), the given name's syllables
    joined by hyphens after the first, lower-case (Ri Pyong-chol, Choe Son-hui, Yu Jin)."""
    _, _, given = english.partition(" ")
    return (
        " " not in given
        and given == given.capitalize()
        and kcna_reads(korean, english.replace("-", " "))
    )


def kcna_spacing(name: str) -> str:
    """The North's own spacing of a North Korean name, every syllable capitalized: the inverse
    of yonhap_north (Ri Pyong-chol -> Ri Pyong Chol; a list's "Ri Jong OK" -> Ri Jong Ok)."""
    return " ".join(part.capitalize() for part in name.replace("-", " ").split())


# South Korean spellings of a syllable in a name, written by hand from the romanization
# systems (Revised Romanization, McCune-Reischauer without diacritics) and the newsroom
# habits (Young, Sung, Hee, Joon, Chung, Suh), not from the collected pairs. Each syllable's
# spellings are an onset, a vowel and a coda from these tables, plus the whole-syllable
# spellings of SOUTH_SYLLABLES that no combination gives (Lee, Park, Roh, Ahn, Sohn).
SOUTH_ONSETS = {
    "ㄱ": ("g", "k"),
    "ㄲ": ("kk", "gg", "k"),
    "ㄴ": ("n",),
    "ㄷ": ("d", "t"),
    "ㄸ": ("tt", "dd"),
    "ㄹ": ("r", "l"),
    "ㅁ": ("m",),
    "ㅂ": ("b", "p"),
    "ㅃ": ("pp", "bb"),
    "ㅅ": ("s",),
    "ㅆ": ("ss", "s"),
    "ㅇ": ("",),
    "ㅈ": ("j", "ch"),
    "ㅉ": ("jj", "tch"),
    "ㅊ": ("ch",),
    "ㅋ": ("k", "kh"),
    "ㅌ": ("t", "th"),
    "ㅍ": ("p", "ph"),
    "ㅎ": ("h",),
}
SOUTH_VOWELS = {
    "ㅏ": ("a",),
    "ㅐ": ("ae", "ai"),
    "ㅑ": ("ya",),
    "ㅒ": ("yae",),
    "ㅓ": ("eo", "o", "u"),
    "ㅔ": ("e",),
    "ㅕ": ("yeo", "yo", "yu", "you"),
    "ㅖ": ("ye",),
    "ㅗ": ("o",),
    "ㅘ": ("wa",),
    "ㅙ": ("wae",),
    "ㅚ": ("oe", "oi"),
    "ㅛ": ("yo",),
    "ㅜ": ("u", "oo", "ou"),
    "ㅝ": ("wo", "weo"),
    "ㅞ": ("we",),
    "ㅟ": ("wi", "wee"),
    "ㅠ": ("yu", "yoo", "you"),
    "ㅡ": ("eu", "u"),
    "ㅢ": ("ui", "eui", "ee", "i"),
    "ㅣ": ("i", "ee"),
}
# Spellings a vowel takes only at the end of a syllable (Oh, Suh, Huh) or after no consonant.
SOUTH_OPEN_VOWELS = {"ㅗ": ("oh",), "ㅓ": ("uh",)}
SOUTH_BARE_VOWELS = {"ㅜ": ("woo", "wu"), "ㅣ": ("yi",)}
SOUTH_CODAS = {
    "": ("",),
    "ㄱ": ("k", "g", "ck"),
    "ㄲ": ("k",),
    "ㄴ": ("n",),
    "ㄷ": ("t", "d"),
    "ㄹ": ("l", "r"),
    "ㅁ": ("m",),
    "ㅂ": ("p", "b"),
    "ㅅ": ("t", "s"),
    "ㅆ": ("t", "ss"),
    "ㅇ": ("ng",),
    "ㅈ": ("t", "j"),
    "ㅊ": ("t", "ch"),
    "ㅌ": ("t",),
    "ㅍ": ("p",),
    "ㅎ": ("t", "h"),
}
SOUTH_SYLLABLES = {
    "이": ("lee", "rhee", "ree", "rhie"),
    "박": ("park",),
    "노": ("roh",),
    "최": ("chey", "choy"),
    "안": ("ahn",),
    "손": ("sohn",),
    "허": ("hur",),
    "임": ("lim", "rim"),
    "림": ("lim",),
    "엄": ("uhm",),
    "함": ("hahm",),
    "류": ("yoo", "yu", "you"),
    "유": ("ryu", "yoo"),
    "나": ("ra",),
    "라": ("na",),
    "여": ("yuh",),
}


@lru_cache(maxsize=None)
def south_spellings(syllable: str) -> frozenset:
    """The lower-case spellings South Korean names give one Hangul syllable."""
    initial, medial, final = split(syllable)
    if final not in SOUTH_CODAS:
        return frozenset(SOUTH_SYLLABLES.get(syllable, ()))
    onsets = ("sh", "s") if initial == "ㅅ" and medial == "ㅣ" else SOUTH_ONSETS[initial]
    vowels = SOUTH_VOWELS[medial]
    if not final:
        vowels += SOUTH_OPEN_VOWELS.get(medial, ())
    spellings = {
        onset + vowel + coda for onset in onsets for vowel in vowels for coda in SOUTH_CODAS[final]
    }
    if initial == "ㅇ":
        spellings |= {
            vowel + coda
            for vowel in SOUTH_BARE_VOWELS.get(medial, ())
            for coda in SOUTH_CODAS[final]
        }
    return frozenset(spellings | set(SOUTH_SYLLABLES.get(syllable, ())))


def _spells_run(syllables: str, text: str) -> bool:
    """Whether `text` is the syllables' spellings one after another."""
    if not syllables:
        return not text
    return any(
        text.startswith(spelling) and _spells_run(syllables[1:], text[len(spelling) :])
        for spelling in south_spellings(syllables[0])
        if spelling
    )


def _spells_parts(syllables: str, parts) -> bool:
    """Whether the written parts (hyphen- or space-separated) spell the syllables in order,
    each part one syllable or more (Bit-garam, Bitgaram)."""
    if not parts:
        return not syllables
    return any(
        _spells_run(syllables[:cut], parts[0]) and _spells_parts(syllables[cut:], parts[1:])
        for cut in range(1, len(syllables) - len(parts) + 2)
    )


def south_reads(korean: str, english: str) -> bool:
    """Whether `english` can be a South Korean spelling of the Hangul name `korean`: the
    surname first, then the given name in one or more parts (Kim Ha-seong, Yoon Suk Yeol,
    Yoon Bitgaram), each syllable spelt as South Korean names spell it (Lee / Yi / Rhee,
    Jung / Jeong / Chung, Choi / Choe, Young, Hee, Joon)."""
    words = english.lower().split()
    if not re.fullmatch(r"[가-힣]{2,5}", korean) or len(words) < 2:
        return False
    if not all(re.fullmatch(r"[a-z][a-z-]*", word) for word in words):
        return False
    surname, given = split_name(korean)
    parts = [part for word in words[1:] for part in word.split("-") if part]
    return _spells_run(surname, words[0]) and _spells_parts(given, parts)
