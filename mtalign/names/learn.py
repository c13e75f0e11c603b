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
from typing import Dict, List, Optional, Sequence, Tuple

from mtalign.hangul import FINAL_SOUND as RR_FINAL
from mtalign.hangul import FINALS, INITIALS, MEDIALS, RR_INITIAL, RR_MEDIAL
from mtalign.hangul import split_syllable as split
from mtalign.names.styles import split_name

# Spellings of each jamo that people and newsrooms use (RR, MR without diacritics, the
# older English habits). Only for recognising a spelling; preferences come from data.
INITIAL_SPELLINGS = {
    "ㄱ": "g|k|gh|kh",
    "ㄲ": "kk|gg|k|g",
    "ㄴ": "n",
    "ㄷ": "d|t|dh|th",
    "ㄸ": "tt|dd|t|d",
    "ㄹ": "r|l|n|rh|lh",
    "ㅁ": "m",
    "ㅂ": "b|p|bh|ph",
    "ㅃ": "pp|bb|p|b",
    "ㅅ": "s|sh|ss|c",
    "ㅆ": "ss|s",
    "ㅇ": "|w|y|wh",
    "ㅈ": "j|ch|z|tz|dj|g",
    "ㅉ": "jj|tch|j|ch|zz",
    "ㅊ": "ch|c|chh|tch|j",
    "ㅋ": "k|kh|c",
    "ㅌ": "t|th",
    "ㅍ": "p|ph|f",
    "ㅎ": "h|wh",
}
MEDIAL_SPELLINGS = {
    "ㅏ": "a|aa|ah|ar",
    "ㅐ": "ae|ai|e|ay|a",
    "ㅑ": "ya|yah|ia",
    "ㅒ": "yae|ye|ya",
    "ㅓ": "eo|u|o|eu|uh|ou|ur|or|er|e|a",
    "ㅔ": "e|ae|ei|ay|eh",
    "ㅕ": "yeo|yu|yo|yeu|yoe|you|ye|eo|yeon|io|yuh",
    "ㅖ": "ye|yeh|ae|e",
    "ㅗ": "o|oh|ou|oo",
    "ㅘ": "wa|oa|ua|hwa",
    "ㅙ": "wae|we|oae|wai",
    "ㅚ": "oe|oi|we|wae|oy|wi|ue",
    "ㅛ": "yo|yoh|io",
    "ㅜ": "u|oo|ou|o|uh|w",
    "ㅝ": "wo|weo|wu|wou|uo|wuh|eo|o",
    "ㅞ": "we|wae",
    "ㅟ": "wi|wee|ui|whi|wui|we",
    "ㅠ": "yu|yoo|you|yuu|eu|iu|u",
    "ㅡ": "eu|u|e|ue|oo|i|uh|a|o|eo",
    "ㅢ": "ui|eui|ee|i|ei|uy|eu|wi|e",
    "ㅣ": "i|ee|y|e|ie|yi|ea|ey|ii",
}
FINAL_SPELLINGS = {
    "": "",
    "ㄱ": "k|g|c|ck|gh|kk",
    "ㄲ": "k|kk|g",
    "ㄳ": "k",
    "ㄴ": "n|nn",
    "ㄵ": "n",
    "ㄶ": "n",
    "ㄷ": "t|d|s",
    "ㄹ": "l|r|ll|rl",
    "ㄺ": "k|lk",
    "ㄻ": "m",
    "ㄼ": "l",
    "ㄽ": "l",
    "ㄾ": "l",
    "ㄿ": "p",
    "ㅀ": "l",
    "ㅁ": "m|mm",
    "ㅂ": "b|p|pp",
    "ㅄ": "p",
    "ㅅ": "t|s|d|ss",
    "ㅆ": "t|s|ss",
    "ㅇ": "ng|g|n",
    "ㅈ": "t|j|s",
    "ㅊ": "t|ch",
    "ㅋ": "k",
    "ㅌ": "t",
    "ㅍ": "p",
    "ㅎ": "t|h",
}
ONSET = re.compile(r"^[^aeiouwy]*")
# Back-off weights: how many observations the next, more general estimate counts as.
POSITION_PRIOR = 2.0
SYLLABLE_PRIOR = 3.0
PART_PRIOR = 1.0


def strict(syllable: str) -> str:
    """Revised Romanization of one syllable on its own (no sound changes)."""
    initial, medial, final = split(syllable)
    return RR_INITIAL[initial] + RR_MEDIAL[medial] + RR_FINAL[final]


# Surnames keep spellings of the initial that the two Koreas' sound laws and old habits give
# (이 Lee / Rhee / Yi, 노 Roh / Noh, 류 Ryu / Yoo, 임 Lim / Yim).
SURNAME_INITIALS = {"ㅇ": "l|r|rh|y|n|w|wh|", "ㄹ": "r|l|rh|y|n|", "ㄴ": "n|r|l|rh"}


@lru_cache(maxsize=None)
def _pattern(syllable: str, surname: bool = False) -> "re.Pattern":
    initial, medial, final = split(syllable)
    onset = (
        SURNAME_INITIALS.get(initial, INITIAL_SPELLINGS[initial])
        if surname
        else INITIAL_SPELLINGS[initial]
    )
    return re.compile(
        f"(?:{onset})(?:{MEDIAL_SPELLINGS[medial]})h?(?:{FINAL_SPELLINGS[final]})h?", re.IGNORECASE
    )


def spells(syllables: str, latin: str, surname: bool = False) -> bool:
    """Whether `latin` (letters only) is a plausible spelling of the Hangul `syllables`."""
    return _split_run(syllables, latin.lower(), surname) is not None


def _split_run(syllables: str, latin: str, surname: bool = False) -> Optional[List[str]]:
    """`latin` cut into one spelling per syllable, or None."""
    if not syllables:
        return [] if not latin else None
    for end in range(
        1, len(latin) + 1
    ):  # shortest first: a stray h or doubled letter opens the next syllable
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
    parts = [
        part.replace("'", "").lower() for word in words[1:] for part in word.split("-") if part
    ]
    if len(parts) == len(given) and all(spells(s, p) for s, p in zip(given, parts)):
        spelled = parts
    else:
        spelled = _split_run(given, "".join(parts))
    if spelled is None:
        return None
    return [(surname, family[:1].upper() + family[1:].lower()), *zip(given, spelled)]


def house_form(korean: str, english: str) -> str:
    """A spelling of `korean` rewritten as Surname Given-name (KANG GIYUN -> Kang Gi-yun)."""
    (_, family), *given = segment(korean, english)
    return f"{family} {'-'.join(spelling for _, spelling in given).capitalize()}".strip()


def position(index: int, count: int) -> str:
    """Where a given-name syllable stands: g1 first, g2 last (of two or more)."""
    return "g1" if index == 0 else "g2"


# Conventions: people spell their whole name one way, either the older English habits
# (Young-hee, Sung-min: what newsrooms print) or Revised Romanization (Yeong-hui, Seong-min).
# A person's spellings are explained by one convention; EM learns both from the data.
CONVENTIONS = 2
EM_ROUNDS = 6
NEWSROOM_WEIGHT = 3.0
RR_HINTS = re.compile(r"eo|eu|^g|ui$")
NEWS_HINTS = re.compile(r"oo|ee|^k|ou|yu|u[nlgkm]")


def derive(pairs, newsroom: Sequence[bool] = ()) -> dict:
    """Spelling tables from (korean, english) pairs: for each convention the surnames, the
    syllables by position and anywhere, onsets by initial and position, rimes by vowel and
    final; `weights` are the conventions' shares and `news` (0) the newsrooms' one.
    `newsroom[i]` marks pair i as a newsroom's own spelling (a glossary entry): it belongs
    to the newsroom convention outright and counts NEWSROOM_WEIGHT times."""
    marks = list(newsroom)
    people, anchored = [], []
    for index, (korean, english) in enumerate(pairs):
        spelled = segment(korean, english)
        if spelled:
            people.append(spelled)
            anchored.append(index < len(marks) and marks[index])
    weight = [NEWSROOM_WEIGHT if anchor else 1.0 for anchor in anchored]
    shares = [
        [1.0, 0.0] if anchor else _first_guess(given)
        for (_, *given), anchor in zip(people, anchored)
    ]
    for _ in range(EM_ROUNDS):
        components = [
            _counts(people, [w * share[z] for w, share in zip(weight, shares)])
            for z in range(CONVENTIONS)
        ]
        weights = [
            sum(share[z] for share in shares) / max(len(shares), 1) for z in range(CONVENTIONS)
        ]
        models = [_Convention(component) for component in components]
        shares = [
            [1.0, 0.0]
            if anchor
            else _posterior([w * model.likelihood(given) for w, model in zip(weights, models)])
            for (_, *given), anchor in zip(people, anchored)
        ]
    return {"components": components, "weights": [round(w, 4) for w in weights], "news": 0}


def _first_guess(given) -> List[float]:
    """Convention shares before EM: 0 = the newsrooms' habits, 1 = Revised Romanization."""
    rr = sum(bool(RR_HINTS.search(spelling)) for _, spelling in given)
    news = sum(bool(NEWS_HINTS.search(spelling)) for _, spelling in given)
    first = (1 + news) / (2 + news + rr)
    return [first, 1 - first]


def _posterior(scores: List[float]) -> List[float]:
    total = sum(scores)
    return [score / total for score in scores] if total else [1 / len(scores)] * len(scores)


def _counts(people, shares) -> dict:
    tables = {
        name: defaultdict(Counter)
        for name in ("surnames", "position", "syllables", "onsets", "rimes")
    }
    for ((surname, family), *given), share in zip(people, shares):
        tables["surnames"][surname][family] += share
        for index, (syllable, spelling) in enumerate(given):
            where = position(index, len(given))
            tables["position"][f"{syllable}{where}"][spelling] += share
            tables["syllables"][syllable][spelling] += share
            initial, medial, final = split(syllable)
            onset = "" if initial == "ㅇ" else ONSET.match(spelling).group()
            tables["onsets"][f"{initial}{where}"][onset] += share
            tables["rimes"][_rime_key(initial, medial, final)][spelling[len(onset) :]] += share
    return {
        name: {
            key: {
                spelling: round(count, 3) for spelling, count in counter.items() if count >= 0.001
            }
            for key, counter in table.items()
        }
        for name, table in tables.items()
    }


def _rime_key(initial: str, medial: str, final: str) -> str:
    # Vowel-initial syllables spell their vowel their own way (영 young, 명 myung).
    return ("0" if initial == "ㅇ" else "") + medial + final


def _distribution(
    observed: Dict[str, int], prior: Dict[str, float], weight: float
) -> Dict[str, float]:
    """Observed counts smoothed toward `prior`, a distribution worth `weight` observations."""
    total = sum(observed.values()) + weight
    keys = sorted(set(observed) | set(prior))  # a fixed order keeps float sums reproducible
    return {key: (observed.get(key, 0) + weight * prior.get(key, 0.0)) / total for key in keys}


def _normalized(counts: Dict[str, float]) -> Dict[str, float]:
    total = sum(counts.values())
    return {key: value / total for key, value in counts.items()} if total else {}


class _Convention:
    """Spelling probabilities of given-name syllables under one convention, backing off from
    position to syllable anywhere to onset + rime to strict RR."""

    def __init__(self, tables: dict):
        self.tables = tables
        self._syllables: Dict[Tuple[str, str], Dict[str, float]] = {}

    def syllable(self, syllable: str, where: str) -> Dict[str, float]:
        if (syllable, where) not in self._syllables:
            self._syllables[syllable, where] = self._estimate(syllable, where)
        return self._syllables[syllable, where]

    def _estimate(self, syllable: str, where: str) -> Dict[str, float]:
        initial, medial, final = split(syllable)
        onsets = _distribution(
            self.tables["onsets"].get(initial + where, {}),
            {"" if initial == "ㅇ" else RR_INITIAL[initial]: 1.0},
            PART_PRIOR,
        )
        rimes = _distribution(
            self.tables["rimes"].get(_rime_key(initial, medial, final), {}),
            {RR_MEDIAL[medial] + RR_FINAL[final]: 1.0},
            PART_PRIOR,
        )
        composed = Counter()
        for onset, p_onset in sorted(onsets.items(), key=lambda item: -item[1])[:3]:
            for rime, p_rime in sorted(rimes.items(), key=lambda item: -item[1])[:3]:
                composed[_glided(onset + rime)] += p_onset * p_rime
        anywhere = _distribution(
            self.tables["syllables"].get(syllable, {}), _normalized(composed), SYLLABLE_PRIOR
        )
        return _distribution(
            self.tables["position"].get(syllable + where, {}), anywhere, POSITION_PRIOR
        )

    def surname(self, surname: str, house: Optional[str] = None) -> List[Tuple[str, float]]:
        composed = "".join(strict(s) for s in surname).capitalize()
        spellings = _distribution(
            self.tables["surnames"].get(surname, {}), {composed: 1.0}, PART_PRIOR
        )
        if house:  # the house spelling leads; the data's others follow as alternatives
            spellings[house] = max(spellings.get(house, 0.0), max(spellings.values())) + 1e-9
            spellings = _normalized(spellings)
        return sorted(spellings.items(), key=lambda item: (-item[1], item[0]))[:2]

    def likelihood(self, given) -> float:
        p = 1.0
        for index, (syllable, spelling) in enumerate(given):
            p *= max(self.syllable(syllable, position(index, len(given))).get(spelling, 0.0), 1e-4)
        return p

    def beam(self, given: str, width: int = 8) -> List[Tuple[str, float]]:
        beams = [("", 1.0)]
        for index, syllable in enumerate(given):
            options = sorted(
                self.syllable(syllable, position(index, len(given))).items(),
                key=lambda item: -item[1],
            )
            beams = sorted(
                (
                    (text + ("-" if index else "") + spelling, p * q)
                    for text, p in beams
                    for spelling, q in options[:4]
                ),
                key=lambda item: -item[1],
            )[:width]
        return beams


def _glided(spelling: str) -> str:
    # A given-name syllable is never the bare vowel i (이 -> Yi, as in Lee Yi-kyung).
    return "yi" if spelling == "i" else spelling


class Model:
    """Scores spellings of Korean names from derived tables (see `derive`)."""

    def __init__(self, tables: dict, surnames: Optional[Dict[str, str]] = None):
        self.conventions = [_Convention(component) for component in tables["components"]]
        self.weights = tables["weights"]
        # Media spell a given name by the newsroom habits more often than people registering
        # their own names do: the alternatives and confidences use the media's shares.
        self.media_weights = tables.get("media_weights", self.weights)
        self.calibration = tables.get("calibration", [])
        self.news = tables["news"]
        self.house_surnames = surnames or {}

    def convention_shares(self, korean: str, english: str) -> List[float]:
        """How likely each convention is to have spelt this person's given name."""
        _, *given = segment(korean, english)
        return _posterior(
            [
                weight * model.likelihood(given)
                for weight, model in zip(self.weights, self.conventions)
            ]
        )

    def candidates(self, name: str, top: int = 3) -> List[Tuple[str, float]]:
        """The newsroom spelling of a Hangul name (Surname Given-name, house surname) first,
        then the other likeliest spellings; each with the probability the data give it over
        both conventions mixed as media mix them (a house surname the data rarely show makes
        it low), the first's mapped through the calibration when the tables have one."""
        surname, given = split_name(name)
        house = self.house_surnames.get(surname)
        mixed = Counter()  # what the data say, the house surname not favoured
        for weight, convention in zip(self.media_weights, self.conventions):
            for family, p_family in convention.surname(surname):
                for text, p in convention.beam(given):
                    mixed[f"{family} {text}".strip()] += weight * p_family * p
        news = self.conventions[self.news]
        family = news.surname(surname, house)[0][0]
        first = f"{family} {news.beam(given, width=1)[0][0]}" if given else family
        ordered = [first] + [text for text, _ in mixed.most_common(top) if text != first]
        scored = [(_capitalized(text), round(mixed[text], 4)) for text in ordered[:top]]
        if self.calibration:
            scored[0] = (scored[0][0], round(calibrated(scored[0][1], self.calibration), 4))
        return scored


def same_letters(one: str, other: str) -> bool:
    """Equal but for case, hyphens and spaces (Kim Min-soo = KIM MINSOO)."""
    return re.sub(r"[^a-z]", "", one.lower()) == re.sub(r"[^a-z]", "", other.lower())


def fit_calibration(outcomes: Sequence[Tuple[float, bool]], bins: int = 10) -> List[List[float]]:
    """[confidence, share right] knots, non-decreasing (pool-adjacent-violators over equal-
    count bins of (confidence, right) outcomes of spellings not learnt from)."""
    ordered = sorted(outcomes)
    size = max(len(ordered) // bins, 1)
    pools = []  # [sum of confidences, sum right, count]
    for start in range(0, len(ordered), size):
        chunk = ordered[start : start + size]
        pools.append([sum(c for c, _ in chunk), sum(r for _, r in chunk), len(chunk)])
        while len(pools) > 1 and pools[-2][1] / pools[-2][2] >= pools[-1][1] / pools[-1][2]:
            last = pools.pop()
            pools[-1] = [a + b for a, b in zip(pools[-1], last)]
    return [[round(c / n, 4), round(r / n, 4)] for c, r, n in pools]


def calibrated(confidence: float, knots: Sequence[Sequence[float]]) -> float:
    """The share right that `knots` (see `fit_calibration`) give a confidence, interpolated."""
    if confidence <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
        if confidence <= x1:
            return y1 if x1 == x0 else y0 + (y1 - y0) * (confidence - x0) / (x1 - x0)
    return knots[-1][1]


def _capitalized(text: str) -> str:
    family, _, given = text.partition(" ")
    return f"{family} {given[:1].upper()}{given[1:]}" if given else family


# Romanization equivalence: two English spellings name the same Korean person when each
# syllable of one can be read as a Hangul syllable that the other's can too.
def _reverse(table: Dict[str, str]) -> Dict[str, List[str]]:
    """Spelling -> the jamo it can stand for, from a table of jamo -> 'alt|alt|...'."""
    reverse = defaultdict(list)
    for jamo, alternatives in table.items():
        for spelling in alternatives.split("|"):
            reverse[spelling].append(jamo)
    return reverse


_ONSETS, _SURNAME_ONSETS = (
    _reverse(INITIAL_SPELLINGS),
    _reverse({**INITIAL_SPELLINGS, **SURNAME_INITIALS}),
)
_VOWELS, _CODAS = _reverse(MEDIAL_SPELLINGS), _reverse(FINAL_SPELLINGS)


@lru_cache(maxsize=8192)
def readings(latin: str, surname: bool = False) -> frozenset:
    """The Hangul syllables that `latin` (one syllable's letters) can spell."""
    latin, onsets, found = latin.lower(), _SURNAME_ONSETS if surname else _ONSETS, set()
    for cut in range(len(latin) + 1):
        for initial in onsets.get(latin[:cut], ()):
            for end in range(cut + 1, len(latin) + 1):
                for medial in _VOWELS.get(latin[cut:end], ()):
                    for final in _codas(latin[end:]):
                        found.add(_compose(initial, medial, final))
    return frozenset(found)


def _codas(rest: str) -> set:
    """Finals that `rest` spells, an h before or after it allowed (Ahn, Choi Kyu-hah)."""
    options = {rest, rest[1:] if rest.startswith("h") else None}
    options |= {option[:-1] for option in list(options) if option and option.endswith("h")}
    return {final for option in options if option is not None for final in _CODAS.get(option, ())}


def _compose(initial: str, medial: str, final: str) -> str:
    code = (INITIALS.index(initial) * 21 + MEDIALS.index(medial)) * 28 + FINALS.index(final)
    return chr(0xAC00 + code)


def _given_readings(parts: List[str]) -> List[tuple]:
    """Possible syllable-by-syllable readings of a given name written in `parts`."""
    if len(parts) > 1:
        spelled = tuple(readings(part) for part in parts)
        return [spelled] if all(spelled) else []
    run = parts[0]
    options = [(readings(run),)] if readings(run) else []
    for cut in range(2, len(run) - 1):
        first, second = readings(run[:cut]), readings(run[cut:])
        if first and second:
            options.append((first, second))
    return options


def same_name(one: str, other: str) -> bool:
    """Whether two English spellings (Surname Given-name, any hyphenation or case) can be
    one Korean name: Kim Jung Un ~ Kim Jong-un, Lee Jae-seok ~ Lee Jae-suk; never Park Jin
    ~ Park Jie-won (a different number of syllables) or Kim Min-su ~ Kim Min-ho."""
    split_one, split_other = _name_parts(one), _name_parts(other)
    if not split_one or not split_other:
        return False
    (family, given), (family_other, given_other) = split_one, split_other
    if not readings(family, True) & readings(family_other, True):
        return False
    return any(
        len(a) == len(b) and all(x & y for x, y in zip(a, b))
        for a in _given_readings(given)
        for b in _given_readings(given_other)
    )


def _name_parts(name: str) -> Optional[Tuple[str, List[str]]]:
    words = name.replace("'", "").split()
    if len(words) < 2 or not all(word.replace("-", "").isalpha() for word in words):
        return None
    parts = [part for word in words[1:] for part in word.split("-") if part]
    return words[0], parts
