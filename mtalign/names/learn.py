"""Korean personal names as people and newsrooms spell them, learnt from real pairs.

`segment` splits an English spelling into one spelling per Hangul syllable (Lee Jae-myung,
LEE Jaemyung and Lee Jae Myung all give 이=Lee, 재=jae, 명=myung) or says it is no
romanization of that name. `derive` counts spellings by position (surname, first and
second given syllable) and `Model.candidates` scores a name's spellings with back-off:
position -> syllable anywhere -> onset and rime composed -> strict RR, so one famous name
does not set a syllable's spelling against the pattern of many others.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from mtalign.names.jamo import split

# Spellings of each jamo that people and newsrooms use (RR, MR without diacritics, the
# older English habits). Only for recognising a spelling; preferences come from data.
INITIALS = {"ㄱ": "g|k|gh|kh", "ㄲ": "kk|gg|k|g", "ㄴ": "n", "ㄷ": "d|t|dh|th", "ㄸ": "tt|dd|t|d",
            "ㄹ": "r|l|n|rh|lh|", "ㅁ": "m", "ㅂ": "b|p|bh|ph", "ㅃ": "pp|bb|p|b", "ㅅ": "s|sh|ss|c",
            "ㅆ": "ss|s", "ㅇ": "|w|y|wh", "ㅈ": "j|ch|z|tz|dj|g", "ㅉ": "jj|tch|j|ch|zz",
            "ㅊ": "ch|c|chh|tch|j", "ㅋ": "k|kh|c", "ㅌ": "t|th", "ㅍ": "p|ph|f", "ㅎ": "h|wh|"}
MEDIALS = {"ㅏ": "a|aa|ah|ar", "ㅐ": "ae|ai|e|ay|a", "ㅑ": "ya|yah|ia", "ㅒ": "yae|ye|ya",
           "ㅓ": "eo|u|o|eu|uh|ou|ur|or|er|e|a", "ㅔ": "e|ae|ei|ay|eh", "ㅕ": "yeo|yu|yo|yeu|yoe|you|ye|eo|yeon|io|yuh",
           "ㅖ": "ye|yeh|ae|e", "ㅗ": "o|oh|ou|oo", "ㅘ": "wa|oa|ua|hwa", "ㅙ": "wae|we|oae|wai", "ㅚ": "oe|oi|we|wae|oy|wi|ue",
           "ㅛ": "yo|yoh|io", "ㅜ": "u|oo|ou|o|uh|w", "ㅝ": "wo|weo|wu|wou|uo|wuh|eo|o", "ㅞ": "we|wae",
           "ㅟ": "wi|wee|ui|whi|wui|we", "ㅠ": "yu|yoo|you|yuu|eu|iu|u", "ㅡ": "eu|u|e|ue|oo|i|uh|a|o|eo",
           "ㅢ": "ui|eui|ee|i|ei|uy|eu|wi|e", "ㅣ": "i|ee|y|e|ie|yi|ea|ey|ii"}
FINALS = {"": "", "ㄱ": "k|g|c|ck|gh|kk", "ㄲ": "k|kk|g", "ㄳ": "k", "ㄴ": "n|nn", "ㄵ": "n", "ㄶ": "n",
          "ㄷ": "t|d|s", "ㄹ": "l|r|ll|rl", "ㄺ": "k|lk", "ㄻ": "m", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l", "ㄿ": "p",
          "ㅀ": "l", "ㅁ": "m|mm", "ㅂ": "b|p|pp", "ㅄ": "p", "ㅅ": "t|s|d|ss", "ㅆ": "t|s|ss", "ㅇ": "ng|g|n",
          "ㅈ": "t|j|s", "ㅊ": "t|ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "t|h"}
# A Korean name: a Hangul surname of one or two syllables and a given name of one to three.
DOUBLE_SURNAMES = {"남궁", "제갈", "선우", "황보", "독고", "사공", "서문", "동방"}
RR_INITIAL = dict(zip("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ",
                      ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]))
RR_MEDIAL = dict(zip("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
                     ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
                      "wi", "yu", "eu", "ui", "i"]))
RR_FINAL = {"": "", "ㄱ": "k", "ㄲ": "k", "ㄳ": "k", "ㄴ": "n", "ㄵ": "n", "ㄶ": "n", "ㄷ": "t", "ㄹ": "l", "ㄺ": "k",
            "ㄻ": "m", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l", "ㄿ": "p", "ㅀ": "l", "ㅁ": "m", "ㅂ": "p", "ㅄ": "p",
            "ㅅ": "t", "ㅆ": "t", "ㅇ": "ng", "ㅈ": "t", "ㅊ": "t", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "t"}
ONSET = re.compile(r"^[^aeiouwy]*")
# Back-off weights: how many observations the next, more general estimate counts as.
POSITION_PRIOR = 2.0
SYLLABLE_PRIOR = 3.0
PART_PRIOR = 1.0


def split_name(name: str) -> Tuple[str, str]:
    """(surname, given name); two-syllable surnames are recognised."""
    if len(name) >= 3 and name[:2] in DOUBLE_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def strict(syllable: str) -> str:
    """Revised Romanization of one syllable on its own (no sound changes)."""
    initial, medial, final = split(syllable)
    return RR_INITIAL[initial] + RR_MEDIAL[medial] + RR_FINAL[final]


# Surnames keep spellings of the initial that the two Koreas' sound laws and old habits give
# (이 Lee / Rhee / Yi, 노 Roh / Noh, 류 Ryu / Yoo, 임 Lim / Yim).
SURNAME_INITIALS = {"ㅇ": "l|r|rh|y|n|", "ㄹ": "r|l|rh|y|n|", "ㄴ": "n|r|l|rh"}


@lru_cache(maxsize=None)
def _pattern(syllable: str, surname: bool = False) -> "re.Pattern":
    initial, medial, final = split(syllable)
    onset = SURNAME_INITIALS.get(initial, INITIALS[initial]) if surname else INITIALS[initial]
    return re.compile(f"(?:{onset})(?:{MEDIALS[medial]})h?(?:{FINALS[final]})h?", re.IGNORECASE)


def spells(syllables: str, latin: str, surname: bool = False) -> bool:
    """Whether `latin` (letters only) is a plausible spelling of the Hangul `syllables`."""
    return _split_run(syllables, latin.lower(), surname) is not None


def _split_run(syllables: str, latin: str, surname: bool = False) -> Optional[List[str]]:
    """`latin` cut into one spelling per syllable, or None."""
    if not syllables:
        return [] if not latin else None
    for end in range(len(latin), 0, -1):
        if _pattern(syllables[0], surname).fullmatch(latin[:end]):
            rest = _split_run(syllables[1:], latin[end:], surname)
            if rest is not None:
                return [latin[:end], *rest]
    return None


def segment(korean: str, english: str) -> Optional[List[Tuple[str, str]]]:
    """[(surname, Spelling), (syllable, spelling), ...] when `english` (surname first, any case,
    given name hyphenated, spaced or run together) romanizes the Hangul name `korean`."""
    if not re.fullmatch(r"[가-힣]{2,5}", korean):
        return None
    words = [word for word in re.split(r"[\s,]+", english.strip()) if word]
    if len(words) < 2 or not all(re.fullmatch(r"[A-Za-z][A-Za-z'\-]*", word) for word in words):
        return None
    surname, given = split_name(korean)
    family = words[0].replace("'", "")
    if not spells(surname, family, surname=True):
        return None
    parts = [part.replace("'", "").lower() for word in words[1:] for part in word.split("-") if part]
    if len(parts) == len(given) and all(spells(s, p) for s, p in zip(given, parts)):
        spelled = parts
    else:
        spelled = _split_run(given, "".join(parts))
    if spelled is None:
        return None
    return [(surname, family[:1].upper() + family[1:].lower()), *zip(given, spelled)]


def position(index: int, count: int) -> str:
    """Where a given-name syllable stands: g1 first, g2 last (of two or more)."""
    return "g1" if index == 0 else "g2"


def derive(pairs) -> dict:
    """Spelling counts from (korean, english) pairs: surnames, syllables by position and
    anywhere, onsets by initial and position, rimes by vowel + final."""
    tables = {name: defaultdict(Counter) for name in ("surnames", "position", "syllables", "onsets", "rimes")}
    for korean, english in pairs:
        spelled = segment(korean, english)
        if spelled is None:
            continue
        (surname, family), *given = spelled
        tables["surnames"][surname][family] += 1
        for index, (syllable, spelling) in enumerate(given):
            where = position(index, len(given))
            tables["position"][f"{syllable}{where}"][spelling] += 1
            tables["syllables"][syllable][spelling] += 1
            initial, medial, final = split(syllable)
            onset = "" if initial == "ㅇ" else ONSET.match(spelling).group()
            tables["onsets"][f"{initial}{where}"][onset] += 1
            tables["rimes"][_rime_key(initial, medial, final)][spelling[len(onset):]] += 1
    return {name: {key: dict(counter) for key, counter in table.items()} for name, table in tables.items()}


def _rime_key(initial: str, medial: str, final: str) -> str:
    # Vowel-initial syllables spell their vowel their own way (영 young, 명 myung).
    return ("0" if initial == "ㅇ" else "") + medial + final


def _distribution(observed: Dict[str, int], prior: Dict[str, float], weight: float) -> Dict[str, float]:
    """Observed counts smoothed toward `prior` (a distribution counting as `weight` observations)."""
    total = sum(observed.values()) + weight
    keys = set(observed) | set(prior)
    return {key: (observed.get(key, 0) + weight * prior.get(key, 0.0)) / total for key in keys}


def _normalized(counts: Dict[str, float]) -> Dict[str, float]:
    total = sum(counts.values())
    return {key: value / total for key, value in counts.items()} if total else {}


class Model:
    """Scores spellings of Korean names from derived counts (see `derive`)."""

    def __init__(self, tables: dict, surnames: Optional[Dict[str, str]] = None):
        self.tables = tables
        self.house_surnames = surnames or {}

    def syllable(self, syllable: str, where: str, top: int = 4) -> List[Tuple[str, float]]:
        """The likeliest spellings of a given-name syllable at `where`, with probabilities."""
        initial, medial, final = split(syllable)
        onsets = _distribution(self.tables["onsets"].get(initial + where, {}),
                               {"" if initial == "ㅇ" else RR_INITIAL[initial]: 1.0}, PART_PRIOR)
        rimes = _distribution(self.tables["rimes"].get(_rime_key(initial, medial, final), {}),
                              {RR_MEDIAL[medial] + RR_FINAL[final]: 1.0}, PART_PRIOR)
        composed = Counter()
        for onset, p_onset in sorted(onsets.items(), key=lambda item: -item[1])[:3]:
            for rime, p_rime in sorted(rimes.items(), key=lambda item: -item[1])[:3]:
                composed[onset + rime] += p_onset * p_rime
        composed = _normalized(composed)
        anywhere = _distribution(self.tables["syllables"].get(syllable, {}), composed, SYLLABLE_PRIOR)
        here = _distribution(self.tables["position"].get(syllable + where, {}), anywhere, POSITION_PRIOR)
        return sorted(here.items(), key=lambda item: (-item[1], item[0]))[:top]

    def surname(self, surname: str, top: int = 3) -> List[Tuple[str, float]]:
        observed = self.tables["surnames"].get(surname, {})
        composed = "".join(strict(s) for s in surname).capitalize()
        spellings = _distribution(observed, {composed: 1.0}, PART_PRIOR)
        house = self.house_surnames.get(surname)
        if house:  # the house spelling leads; the data's others follow as alternatives
            best = max(spellings.values())
            spellings[house] = max(spellings.get(house, 0.0), best) + 1e-9
            spellings = _normalized(spellings)
        return sorted(spellings.items(), key=lambda item: (-item[1], item[0]))[:top]

    def candidates(self, name: str, top: int = 3) -> List[Tuple[str, float]]:
        """The `top` likeliest spellings of a Hangul name as Surname Given-name, with
        probabilities (per-syllable probabilities multiplied)."""
        surname, given = split_name(name)
        beams = [(family, p) for family, p in self.surname(surname)]
        for index, syllable in enumerate(given):
            options = self.syllable(syllable, position(index, len(given)))
            beams = sorted(((text + (" " if index == 0 else "-") + spelling, p * q)
                            for text, p in beams for spelling, q in options), key=lambda item: -item[1])[:8]
        return [(_capitalized(text), round(p, 4)) for text, p in beams[:top]]


def _capitalized(text: str) -> str:
    family, _, given = text.partition(" ")
    return f"{family} {given[:1].upper()}{given[1:]}" if given else family
