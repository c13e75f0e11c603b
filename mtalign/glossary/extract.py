"""Propose glossary entries from aligned Korean-English text.

Korean side: proper nouns (NNP) from kiwipiepy's morphological analyser, which runs
offline with the model shipped on PyPI; runs of adjacent proper nouns form one candidate
too (블라디미르 푸틴). English side: spans of capitalized words (Kim Jong-un, Korea
Institute for National Unification) and their sub-spans. A pair is scored by how often
the two occur in the same aligned pair (Dice coefficient) and by how alike they sound
once the Korean is romanized (transliteration similarity): transliterated names score
on sound at once; translated names (통일연구원) need repeated co-occurrence.
Candidates are proposals with evidence: a person reviews them (`glossary merge`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from mtalign.glossary.keys import norm_key, skeleton_key, sound_key
from mtalign.glossary.morph import kiwi
from mtalign.glossary.store import Glossary
from mtalign.hangul import SURNAME_SPELLINGS, SURNAMES

_CONNECTORS = {"of", "for", "and", "the", "on", "de", "du"}
_WORD = r"(?:[A-Z][\w'’.]*(?:-[A-Za-z][\w'’]*)*|[A-Z]{2,}s?)"
_SPAN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|and|the|on)\s+)?{_WORD})*")
_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "He",
    "She",
    "It",
    "They",
    "We",
    "But",
    "And",
    "This",
    "That",
    "His",
    "Her",
    "Their",
    "Its",
    "If",
    "As",
    "For",
    "After",
    "Before",
    "When",
    "While",
    "According",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Prime",
    "Minister",
    "Chairman",
    "Director",
    "Secretary",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "I",
    "You",
    "There",
    "Some",
}
MAX_SPAN_WORDS = 6
# What an institution's Korean name ends with -> the head words its English name has.
HEADS = {
    "위원회": "Commission Committee Council Board", "이사회": "Council Board", "법원": "Court",
    "사령부": "Command Headquarters", "본부": "Headquarters Command Office",
    "공사": "Corporation Corp. Company", "공단": "Corporation Corp. Service Authority",
    "은행": "Bank", "기구": "Organization Organisation Agency", "재단": "Foundation",
    "협회": "Association Society Federation", "연구소": "Institute Center Centre",
    "대학교": "University", "통신": "Agency News", "당": "Party Congress",
    "부": "Ministry Department", "처": "Ministry Office Agency Administration",
    "청": "Agency Administration Office Service",
    "원": "Institute Service Agency Court Board Office",
}
_INSTITUTION = re.compile(f"({'|'.join(HEADS)})$")
MIN_SCORE = 0.45


@dataclass
class Candidate:
    ko: str
    en: str
    type: str
    score: float
    dice: float
    sound: float
    count: int
    evidence: str


def korean_names(texts: Sequence[str]) -> List[Set[str]]:
    """Proper nouns of each Korean text, with runs of adjacent ones joined, and institution
    names: nouns written together that end like one (외교+통상부, 국가+정보원, 국방+위원회)."""
    found = []
    for tokens in kiwi().tokenize(list(texts)):
        names: Set[str] = set()
        run: List = []
        for token in [*tokens, None]:
            if token is not None and token.tag == "NNP":
                if run and token.start > run[-1].start + run[-1].len + 1:
                    names.update(_runs(run))
                    run = []
                run.append(token)
                continue
            names.update(_runs(run))
            run = []
        names.update(_institutions(tokens))
        found.append({name for name in names if len(name) >= 2})
    return found


def _institutions(tokens) -> Iterable[str]:
    """Runs of nouns with no space between them whose whole ends like an institution."""
    run: List = []
    for token in [*tokens, None]:
        if token is not None and token.tag in ("NNG", "NNP") and \
                (not run or token.start == run[-1].start + run[-1].len):
            run.append(token)
            continue
        name = "".join(t.form for t in run)
        if len(run) > 1 and len(name) >= 3 and _INSTITUTION.search(name):
            yield name
        run = [token] if token is not None and token.tag in ("NNG", "NNP") else []


def _runs(tokens) -> Iterable[str]:
    for token in tokens:
        yield token.form
    if len(tokens) > 1:
        yield " ".join(token.form for token in tokens)


def english_names(text: str) -> Set[str]:
    """Capitalized spans and their sub-spans that start and end on a capitalized word."""
    names: Set[str] = set()
    for match in _SPAN.finditer(text):
        words = match.group().split()
        while words and words[0] in _STOP:
            words = words[1:]
        for start in range(len(words)):
            for stop in range(start + 1, min(len(words), start + MAX_SPAN_WORDS) + 1):
                span = words[start:stop]
                if (
                    span[0] in _CONNECTORS
                    or span[-1] in _CONNECTORS
                    or any(word in _STOP for word in span)
                ):
                    continue
                names.add(" ".join(span).rstrip(".'’").removesuffix("'s").removesuffix("’s"))
        names.update(part for word in words if "-" in word for part in word.split("-")
                     if re.fullmatch(r"[A-Z][a-z]+|[A-Z]{2,}", part) and part not in _STOP)
    return {name for name in names if len(name) >= 2}


def sound_similarity(korean: str, english: str) -> float:
    """How alike the romanized Korean and the English sound (0..1)."""
    sound = difflib.SequenceMatcher(None, sound_key(korean), sound_key(english)).ratio()
    skeleton = difflib.SequenceMatcher(None, skeleton_key(korean), skeleton_key(english)).ratio()
    return (sound + skeleton) / 2


def _guess_type(korean: str, english: str) -> str:
    if _institution_match(korean, english):
        return "media" if korean.endswith("통신") else "organization"
    if re.fullmatch(r"[가-힣]{2,4}", korean) and re.fullmatch(
        r"[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?", english
    ):
        return "person"
    if re.search(
        r"(대학교?|연구원|연구소|위원회|협회|기구|은행|회사|공사|당|부|청|처|원)$", korean
    ):
        return "organization"
    if re.search(r"(통신|신문|방송|일보|뉴스)$", korean):
        return "media"
    return "other"


def _drop_parts(candidates: List[Candidate], ko_count: Counter) -> List[Candidate]:
    """Drop 아담/Adam where 아담 비나티에리/Adam Vinatieri sounds alike as a whole and 아담 never
    occurs apart (러시아 푸틴/Vladimir Putin does not sound alike, so 푸틴/Putin stays)."""
    wholes = [c for c in candidates if " " in c.ko]
    return [
        c
        for c in candidates
        if not any(
            c is not whole
            and whole.sound >= 0.8
            and set(c.ko.split()) < set(whole.ko.split())
            and set(c.en.split()) < set(whole.en.split())
            and ko_count[c.ko] == ko_count[whole.ko]
            for whole in wholes
        )
    ]


def _institution_match(korean: str, english: str) -> Optional[bool]:
    """None: the Korean is no institution name (or looks like a person's: 김용원); True: the
    English has a head word for its ending (통일부 / Ministry of Unification); False: it has not."""
    match = _INSTITUTION.search(korean)
    if not match or _person_like(korean):
        return None
    words, heads = english.split(), HEADS[match.group(1)].split()
    # The head ends the name or opens its "of" part: Communist Party of Nepal, not Court Judge X.
    return len(words) > 1 and any(word in heads and (i == len(words) - 1 or words[i + 1] == "of")
                                  for i, word in enumerate(words))


def _person_like(korean: str) -> bool:
    """Three syllables from a surname ending like a given name can (김용원): not an institution."""
    three_syllables = bool(re.fullmatch(r"[가-힣]{3}", korean))
    return three_syllables and korean[-1] in "원부처청" and korean[0] in SURNAMES


def _crossed(korean: str, english: str) -> bool:
    """A Korean full name against an English surname alone (김정일 / Kim): never one term."""
    return bool(re.fullmatch(r"[가-힣]{3,4}", korean)) and korean[0] in SURNAMES \
        and english in SURNAME_SPELLINGS


def _unknown(glossary: Optional[Glossary]):
    """A test for pairs whose Korean and English the glossary does not hold already."""
    if glossary is None:
        return lambda ko, en: True
    korean = {form.replace(" ", "") for entry in glossary.entries.values() for form in entry.ko}
    english = {norm_key(form) for entry in glossary.entries.values()
               for form in entry.english_forms()}
    return lambda ko, en: ko.replace(" ", "") not in korean and norm_key(en) not in english


def extract(pairs: Sequence[Tuple[str, str, str]], min_score: float = MIN_SCORE,
            glossary: Optional[Glossary] = None) -> List[Candidate]:
    """Candidates from (ko_text, en_text, where) pairs, best first, one English per Korean term.
    Pairs the glossary already holds (either side) and crossed pairs are never proposed."""
    unknown = _unknown(glossary)
    korean_sets = korean_names([ko for ko, _, _ in pairs])
    english_sets = [english_names(en) for _, en, _ in pairs]
    ko_count: Counter = Counter()
    en_count: Counter = Counter()
    both: Counter = Counter()
    where_seen: Dict[Tuple[str, str], str] = defaultdict(str)
    for (_, _, where), korean, english in zip(pairs, korean_sets, english_sets):
        ko_count.update(korean)
        en_count.update(english)
        for ko in korean:
            for en in english:
                both[ko, en] += 1
                where_seen[ko, en] = where_seen[ko, en] or where
    scored = []
    for (ko, en), count in both.items():
        if _crossed(ko, en) or not unknown(ko, en):
            continue
        dice = 2 * count / (ko_count[ko] + en_count[en])
        sound = sound_similarity(ko, en)
        institution = _institution_match(ko, en)
        if institution is False:
            continue  # 공화당 is a party: never John
        if institution:
            # Translated names: the head words agree, co-occurrence decides, the fuller name wins.
            score = 0.5 + 0.45 * dice + 0.01 * min(len(en.split()), 5)
        else:
            score = 0.6 * sound + 0.4 * dice if sound >= 0.5 else dice * min(1.0, count / 3) * 0.8
        if score >= min_score:
            scored.append(
                Candidate(
                    ko,
                    en,
                    _guess_type(ko, en),
                    round(score, 3),
                    round(dice, 3),
                    round(sound, 3),
                    count,
                    where_seen[ko, en],
                )
            )
    scored = _drop_parts(scored, ko_count)
    # One English term per Korean term and back, best pairs first.
    chosen, used_ko, used_en = [], set(), set()
    for candidate in sorted(scored, key=lambda c: (-c.score, -c.count, c.ko, c.en)):
        if candidate.ko not in used_ko and candidate.en not in used_en:
            chosen.append(candidate)
            used_ko.add(candidate.ko)
            used_en.add(candidate.en)
    return chosen
