"""The one term recognizer: glossary terms in running text, Korean or English.

Alignment anchors, translation term protection, `glossary find` and the checker's spans
all come from here. A fast longest-match scan proposes candidates; Korean candidates are
then kept only where they stand as words:

- the form starts a word (or follows another term) and the rest of its word is particles
  (국방부는, 한강에서), not more stem (대학동아리 is no 대학동, 미국산 no 미국);
- a person whose name is short or also another entry's form (조국 "fatherland", 한강 the
  river) needs name context: a title or role word beside it (조국 전 장관, 소설가 한강), or
  kiwipiepy tagging it a proper noun in the sentence (조국을 위해 is a common noun); a
  two-syllable place or outlet that kiwipiepy reads alone as a word (개성 "character", 연합
  "union", 나선 "stepped forward") needs the proper-noun tag in its sentence too;
- titles (type `office`, forms under four characters: 대통령, 장관, 위원장) are never terms
  alone; they join the person or bare surname before them: 윤 대통령 -> President Yoon.

North Korean spelling (initial ㄹ/ㄴ kept: 로동신문, 리설주, 력사) finds entries written
the South Korean way and back.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Tuple

from mtalign.glossary.morph import kiwi
from mtalign.hangul import (
    FINALS,
    INITIALS,
    MEDIALS,
    SURNAMES,
    is_hangul,
    romanize_syllables,
    split_syllable,
)
from mtalign.types import Entry

# Syllables a particle or ending after a term is made of (은/는/이/가/에서/으로/측 ...).
PARTICLE_SYLLABLES = set(
    "은는이가을를의에서게께와과도만로으까지부터보다처럼나라고며였었측쪽내간등들란야요씩및엔요인"
)
# Words that make a short name a person: roles and honorifics beside it.
NAME_CONTEXT = (
    "씨",
    "전",
    "前",
    "작가",
    "소설가",
    "시인",
    "선수",
    "교수",
    "감독",
    "후보",
    "후보자",
    "의원",
    "대표",
    "장관",
    "위원장",
    "원장",
    "실장",
    "대사",
    "회장",
    "총리",
    "대통령",
    "측",
    "본인",
)
# Syllables that stand before a title as words far more often than as surnames:
# 전/현 former/current, 양/두 both/two, 모 a certain, 동 the said, 제 the, 부 vice.
NOT_SURNAMES_BEFORE_TITLES = set("전현양두모동제부")
TITLE_SURNAMES = SURNAMES - NOT_SURNAMES_BEFORE_TITLES
_SURNAME_SPACE = re.compile(f"(?<![\uac00-\ud7a3])([{''.join(sorted(TITLE_SURNAMES))}]) ")
NAME_TYPES = ("place", "media")  # two-syllable names of these that are also words: 개성, 연합, 나선
FORMER = ("전 ", "前 ")
SHORT_TITLE = 4  # an office form shorter than this is a title only, never a term alone
_DUEUM = {"ㄹ": {"ㅑ", "ㅕ", "ㅖ", "ㅛ", "ㅠ", "ㅣ"}, "ㄴ": {"ㅑ", "ㅕ", "ㅖ", "ㅛ", "ㅠ", "ㅣ"}}


@dataclass(frozen=True)
class TermHit:
    entry: Entry
    form: str
    start: int
    end: int
    text: str = ""  # what stands in the text (a joined title: 윤 대통령)
    title: Optional[Entry] = None  # the title joined to this name
    surname: str = ""  # a bare surname before the title
    former: bool = False  # 전 장관: former Minister

    def english(self, style: Optional[str] = None) -> str:
        """The English for this hit in a house style: President Yoon, Kim Jong-un ..."""
        if self.title is None:
            return self.entry.english(style)
        name = self.entry.english(style) if not self.surname else self.surname
        title = self.title.english(style)
        if " of " in title:
            return f"{name}, {'former ' if self.former else ''}{title}"
        return f"{'former ' if self.former else ''}{title[:1].upper()}{title[1:]} {name}"


def _surname_spellings(entries: Iterable[Entry]) -> Dict[str, str]:
    """Each Korean surname as the glossary's people spell it most often (윤 -> Yoon), going by
    the newsroom-spelled people where they spell it at all: the many self-registered film
    people write 윤 Yun more often than the news does."""
    counts: Dict[Tuple[bool, str], Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        if entry.type == "person" and entry.ko and len(entry.ko[0]) == 3 and " " in entry.en:
            spelling = counts[entry.self_registered(), entry.ko[0][0]]
            spelling[entry.en.split(" ")[0]] += 1
    return {
        surname: max(spellings, key=spellings.get)
        for (_, surname), spellings in sorted(counts.items(), reverse=True)  # newsroom last wins
    }


def _compose(initial: str, medial: str, final: str) -> str:
    return chr(
        0xAC00 + (INITIALS.index(initial) * 21 + MEDIALS.index(medial)) * 28 + FINALS.index(final)
    )


def orthography_variants(form: str) -> List[str]:
    """The form in the other Korea's spelling of word-initial ㄹ/ㄴ (로동 <-> 노동, 리 <-> 이)."""
    words = []
    for word in form.split(" "):
        jamo = split_syllable(word[0]) if word else None
        if not jamo:
            words.append(word)
            continue
        initial, medial, final = jamo
        if initial == "ㄹ":
            initial = "ㅇ" if medial in _DUEUM["ㄹ"] else "ㄴ"
        elif initial == "ㄴ" and medial not in _DUEUM["ㄴ"]:
            initial = "ㄹ"
        elif initial == "ㅇ" and medial in _DUEUM["ㄹ"]:
            initial = "ㄹ"
        words.append(_compose(initial, medial, final) + word[1:])
    variant = " ".join(words)
    return [variant] if variant != form else []


class TermFinder:
    """Longest-match scan for known forms, indexed by their first two characters, with the
    word checks above for Korean and word boundaries for English. `loose` English matching
    ignores case and takes a hyphen for a space (Kim Jong Un = kim jong-un), for the checker."""

    def __init__(self, entries: Iterable[Entry], korean: bool = True, loose: bool = False) -> None:
        entries = list(entries)
        self.korean, self.loose = korean, loose
        self._by_prefix: Dict[str, List[Tuple[str, Entry]]] = defaultdict(list)
        self._titles: Dict[str, Entry] = {}
        owners: Dict[str, set] = defaultdict(set)
        for entry in entries:
            for form in self._forms(entry):
                owners[form].add(entry.id)
                self._index(form, entry)
        for form in list(self._titles):
            for variant in (prefix + form for prefix in FORMER):
                self._titles.setdefault(variant, self._titles[form])
        self._shared = {form for form, ids in owners.items() if len(ids) > 1}
        for forms in self._by_prefix.values():
            forms.sort(key=lambda pair: (-len(pair[0]), pair[1].type != "person"))
        self._title_forms = sorted(self._titles, key=len, reverse=True)
        self._titles_by_first: Dict[str, List[str]] = defaultdict(list)
        for form in self._title_forms:
            self._titles_by_first[form[0]].append(form)
        self._surnames = _surname_spellings(entries) if korean else {}

    def _index(self, form: str, entry: Entry) -> None:
        if self.korean and entry.type == "office":
            self._titles.setdefault(form, entry)  # 대통령 당선인 after a name: President-elect
            if len(form) < SHORT_TITLE:
                return
        if len(form) < 2:
            return
        if self.loose:
            form = _loose(form)
        self._by_prefix[form[:2]].append((form, entry))
        if not self.korean and not self.loose and not form.isupper():
            self._by_prefix[form[:2].upper()].append((form.upper(), entry))

    def _forms(self, entry: Entry) -> List[str]:
        if not self.korean:
            # President, leader, major: titles are found with names, in Korean
            return [] if is_title(entry) else entry.english_forms()
        forms = list(entry.ko)
        forms += [
            variant
            for form in entry.ko
            for variant in orthography_variants(form)
            if variant not in forms
        ]
        return forms

    def find(self, text: str) -> List[TermHit]:
        return self._find_korean(text) if self.korean else self._find_english(text)

    def _find_english(self, text: str) -> List[TermHit]:
        """Forms as written or in capitals (SEOUL), as whole words; a plural s may follow."""
        scanned = _loose(text) if self.loose else text
        if len(scanned) != len(text):  # a letter whose lower case is longer: match as written
            scanned = text
        hits, position = [], 0
        while position < len(text) - 1:
            if position == 0 or not _joined(text[position - 1], self.loose):
                for form, entry in self._by_prefix.get(scanned[position : position + 2], ()):
                    end = position + len(form)
                    if scanned.startswith(form, position) and _english_word_ends(
                        text, end, self.loose
                    ):
                        hits.append(TermHit(entry, form, position, end, text[position:end]))
                        position = end - 1
                        break
            position += 1
        return hits

    def _find_korean(self, text: str) -> List[TermHit]:
        hits: List[TermHit] = []
        position, tagged = 0, _Tags(text)
        while position < len(text) - 1:
            hit = self._korean_at(text, position, hits, tagged)
            if hit is None:
                position += 1
                continue
            hit = self._join_title(text, hit)
            hits.append(hit)
            position = hit.end
        return sorted(hits + self._surname_titles(text, hits), key=lambda hit: hit.start)

    def _korean_at(
        self, text: str, position: int, hits: List[TermHit], tagged: "_Tags"
    ) -> Optional[TermHit]:
        after_term = bool(hits) and hits[-1].end == position
        if position and is_hangul(text[position - 1]) and not after_term:
            return None
        for form, entry in self._by_prefix.get(text[position : position + 2], ()):
            if not text.startswith(form, position):
                continue
            end = position + len(form)
            if not _word_ends(text, end):
                continue
            if entry.type == "person" and not self._is_person(text, position, end, form, tagged):
                continue
            if entry.type == "person" and self._other_given_name(text, position, form, tagged):
                continue
            if (
                entry.type in NAME_TYPES
                and len(form) == 2
                and _common_word(form)
                and tagged.tag_at(position) != "NNP"
            ):
                continue
            return TermHit(entry, form, position, end, form)
        return None

    def _is_person(self, text: str, start: int, end: int, form: str, tagged: "_Tags") -> bool:
        if len(form) > 3 or " " in form or _has_context(text, start, end, self._title_forms):
            return True
        if len(form) < 3 or form in self._shared:
            return False
        return not _word_like(form) or tagged.tag_at(start) == "NNP"

    def _other_given_name(self, text: str, start: int, form: str, tagged: "_Tags") -> bool:
        """미셸 오바마: a proper noun that is no term of its own, right before the bare family
        name of someone known by more (버락 오바마), names another person of that family."""
        before = re.search(r"([가-힣]+) $", text[:start])
        if " " in form or before is None or self._is_term(before.group(1)):
            return False
        return tagged.whole_proper_noun(before.start(1), before.end(1))

    def _is_term(self, word: str) -> bool:
        return any(form == word for form, _ in self._by_prefix.get(word[:2], ()))

    def _join_title(self, text: str, hit: TermHit) -> TermHit:
        if hit.entry.type != "person":
            return hit
        title, end, former = self._title_after(text, hit.end)
        if title is None:
            return hit
        return TermHit(
            hit.entry, hit.form, hit.start, end, text[hit.start : end], title, former=former
        )

    def _title_after(self, text: str, position: int) -> Tuple[Optional[Entry], int, bool]:
        """The title right after `position` (past one space), where it ends, and whether former."""
        start = position + 1 if text[position : position + 1] == " " else position
        for form in self._titles_by_first.get(text[start : start + 1], ()):
            end = start + len(form)
            if text.startswith(form, start) and _word_ends(text, end):
                return self._titles[form], end, form.startswith(FORMER)
        return None, position, False

    def _surname_titles(self, text: str, hits: List[TermHit]) -> List[TermHit]:
        """윤 대통령, 김 위원장: a bare surname and a title, outside the names already found."""
        found = []
        for match in _SURNAME_SPACE.finditer(text):
            position, char = match.start(), match.group(1)
            title, end, former = self._title_after(text, position + 1)
            if title is None or any(h.start < end and position < h.end for h in hits):
                continue
            found.append(
                TermHit(
                    title,
                    text[position + 2 : end],
                    position,
                    end,
                    text[position:end],
                    title,
                    self._surnames.get(char) or romanize_syllables(char)[0].capitalize(),
                    former,
                )
            )
        return found


def _loose(text: str) -> str:
    return text.lower().replace("-", " ")


def is_title(entry: Entry) -> bool:
    """An office known only by short forms (대통령, 장관): a title for names, not a term alone."""
    return (
        entry.type == "office"
        and bool(entry.ko)
        and all(len(form) < SHORT_TITLE for form in entry.ko)
    )


def _joined(char: str, loose: bool) -> bool:
    """Whether `char` continues a word: letters and digits; for the checker hyphens too (a
    name inside Itar-Tass is not flagged), while Russia-North Korea holds two terms."""
    return char.isalnum() or loose and char == "-"


def _english_word_ends(text: str, end: int, loose: bool) -> bool:
    if end < len(text) and text[end] == "s":
        end += 1
    return end >= len(text) or not _joined(text[end], loose)


def _word_ends(text: str, end: int) -> bool:
    """Nothing but particles between the end of a form and the end of its word."""
    for char in text[end : end + 4]:
        if not is_hangul(char):
            return True
        if char not in PARTICLE_SYLLABLES:
            return False
    return end + 4 >= len(text) or not is_hangul(text[end + 4])


def _has_context(text: str, start: int, end: int, titles: List[str]) -> bool:
    """A role word or title right before the name, or within the two words after it."""
    before = text[max(0, start - 6) : start].rstrip()
    if before.endswith(NAME_CONTEXT):
        return True
    words = text[end : end + 16].split()[:2]
    if not words:
        return False
    return any(
        word.startswith(NAME_CONTEXT) or any(t in word for t in titles) for word in words
    ) or words[0].rstrip("은는이가을를의에과와도").endswith(NAME_CONTEXT)


class _Tags:
    """kiwipiepy part-of-speech tags of one sentence, computed once, and only if asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: Optional[Dict[int, Tuple[str, int]]] = None  # start -> (tag, end)

    def _token_at(self, start: int) -> Tuple[str, int]:
        if self._tokens is None:
            self._tokens = {
                token.start: (token.tag, token.start + token.len)
                for token in kiwi().tokenize(self.text)
            }
        return self._tokens.get(start, ("", start))

    def tag_at(self, start: int) -> str:
        return self._token_at(start)[0]

    def whole_proper_noun(self, start: int, end: int) -> bool:
        """One proper noun fills text[start:end] (미셸; not 미국의, a noun and a particle)."""
        return self._token_at(start) == ("NNP", end)


@lru_cache(maxsize=4096)
def _common_word(form: str) -> bool:
    """kiwipiepy reads the form alone as something other than one proper noun (개성 "character")."""
    tokens = kiwi().tokenize(form)
    return len(tokens) != 1 or tokens[0].tag != "NNP"


@lru_cache(maxsize=4096)
def _word_like(name: str) -> bool:
    """kiwipiepy splits the name inside a noun phrase (국가 이상화 정책: 이상+화), so it may
    be a word here too and the sentence decides; a name it keeps whole (오바마) needs no check."""
    frame = f"국가 {name} 정책"
    tokens = [token for token in kiwi().tokenize(frame) if 3 <= token.start < 3 + len(name)]
    return len(tokens) != 1 or tokens[0].tag != "NNP" or tokens[0].len != len(name)
