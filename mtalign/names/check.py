"""Name-consistency checks for English copy.

Kinds of finding:
- style        (a) a glossary name in another house style's form (Kim Jong Un in yonhap copy)
- misspelling  (b) a known or near misspelling of a glossary name (Kim Jung-il, Vladmir Putin, Pyeongyang)
- institution  (c) an organization, outlet, office or treaty off its canonical name
- inconsistent (d) one name written two ways across the files checked, glossary or not
- place        (e) another form of a place name (Viet Nam / Vietnam, Kim Il Sung square)

Abbreviations (KCNA, U.S.) and aliases (Republic of Korea) are correct usage, never
flagged; different people who share a surname are never merged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from mtalign.glossary import Lookup, norm_key
from mtalign.hangul import SURNAME_SPELLINGS
from mtalign.names.learn import segment
from mtalign.types import Entry, Finding

FLAGGED_REASONS = {"style", "misspelling", "former"}
INSTITUTION_TYPES = {"organization", "media", "office", "treaty"}
CASE_SENSITIVE_TYPES = {"person", "place", "organization", "media"}
FUZZY_SCORE = 0.88
DERIVED_SUFFIXES = {"n", "s", "an", "ns", "ans", "ese", "ian", "ians"}
_KOREAN_NAME = re.compile(rf"\b(?:{'|'.join(SURNAME_SPELLINGS)}) [A-Z][a-z]+(?:-[a-z]+| [A-Z][a-z]+(?![\w-]))?(?![\w-])")
_CAPITALIZED_SPAN = re.compile(r"\b[A-Z][\w’'-]*(?: (?:of |for |the )?[A-Z][\w’'-]*){0,5}")


def _form_pattern(form: str) -> str:
    """A form matching any case and either hyphen or space between its parts."""
    parts = [re.escape(part) for part in re.split(r"[-\s]+", form)]
    return r"[-\s]".join(parts)


class Checker:
    def __init__(self, entries: Iterable[Entry], style: Optional[str] = None, lookup: Optional[Lookup] = None):
        self.style = style
        self.lookup = lookup
        self._forms: Dict[str, List[Tuple[Entry, Optional[str]]]] = defaultdict(list)
        patterns = []
        for entry in entries:
            canonical = {entry.en, *entry.styles.values()}
            for form in entry.english_forms():
                reason = None if form in canonical else next(v.reason for v in entry.variants if v.form == form)
                self._forms[norm_key(form)].append((entry, reason))
                patterns.append(form)
        patterns.sort(key=len, reverse=True)
        alternation = "|".join(_form_pattern(form) for form in patterns)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE) if patterns else None

    def _judge(self, found: str) -> Optional[Tuple[str, Entry]]:
        """(kind, entry) when `found` is off the style's canonical form, else None."""
        candidates = self._forms.get(norm_key(found), [])
        if not candidates or found.isupper():  # all capitals (SEOUL, MOSCOW) is typography
            return None
        for entry, reason in candidates:
            if found == entry.english(self.style):
                return None
            if reason in ("abbreviation", "alias") and found in entry.english_forms():
                return None
        entry, reason = next(((e, r) for e, r in candidates if r is None), candidates[0])
        if reason is not None and reason not in FLAGGED_REASONS:
            return None
        canonical = entry.english(self.style)
        case_only = found.casefold() == canonical.casefold()
        if case_only and entry.type not in CASE_SENSITIVE_TYPES:
            return None  # titles and treaty names are lower-cased by many styles
        return _kind_of_type(entry, "misspelling" if reason == "misspelling" else "case" if case_only else "style"), entry

    def spans(self, line: str) -> List[Tuple[int, int]]:
        """Where glossary names stand in the line (flagged or not)."""
        return [match.span() for match in self._pattern.finditer(line)] if self._pattern else []

    def check_lines(self, lines: Sequence[str], file: str) -> List[Finding]:
        findings: List[Finding] = []
        for number, line in enumerate(lines, start=1):
            covered: List[Tuple[int, int]] = []
            for match in self._pattern.finditer(line) if self._pattern else ():
                covered.append(match.span())
                verdict = self._judge(match.group())
                if verdict:
                    kind, entry = verdict
                    findings.append(Finding(file, number, match.start() + 1, match.group(),
                                            entry.english(self.style), kind, entry.id))
            findings.extend(self._fuzzy(line, number, file, covered))
        return findings

    def _fuzzy(self, line: str, number: int, file: str, covered: List[Tuple[int, int]]) -> List[Finding]:
        """Near misspellings of glossary names that the glossary does not list."""
        if self.lookup is None:
            return []
        findings = []
        for match in _CAPITALIZED_SPAN.finditer(line):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in covered):
                continue
            hits = [hit for hit in self.lookup.lookup(match.group(), limit=3)
                    if hit.match == "fuzzy" and hit.score >= FUZZY_SCORE
                    and _word_count(hit.form) == _word_count(match.group())
                    and not _derived_word(match.group(), hit.form)
                    and _same_reading(hit.entry, match.group())]
            if len({hit.entry.english(self.style) for hit in hits}) == 1:  # namesakes: no one suggestion
                entry = hits[0].entry
                findings.append(Finding(file, number, start + 1, match.group(), entry.english(self.style),
                                        _kind_of_type(entry, "misspelling"), entry.id))
        return findings


def _kind_of_type(entry: Entry, variant_kind: str) -> str:
    """The finding's kind from the entry type and the variant's kind (misspelling, style, case).

    Institutions off their name are (c) whatever the variant; a misspelt place is (b) like a
    misspelt person (Pyeongyang), other place variants are (e) (Viet Nam, Kim Il Sung square);
    a person's name in the wrong case is a misspelling.
    """
    if entry.type in INSTITUTION_TYPES:
        return "institution"
    if entry.type == "place":
        return "misspelling" if variant_kind == "misspelling" else "place"
    return "misspelling" if variant_kind == "case" else variant_kind


def _same_reading(entry: Entry, found: str) -> bool:
    """A Korean person is misspelt only by another romanization of the same Hangul name
    (Han Duk-soo for 한덕수); Park Jie-won is not Park Jae-won, however close the letters."""
    if entry.type != "person" or not entry.ko or not re.fullmatch(r"[가-힣]{2,5}", entry.ko[0]):
        return True
    return segment(entry.ko[0], found) is not None


def _word_count(text: str) -> int:
    return len(re.split(r"[-\s]+", text.strip()))


def _derived_word(found: str, form: str) -> bool:
    """North Korean is the adjective of North Korea, not its misspelling."""
    found_key, form_key = norm_key(found), norm_key(form)
    return found_key[len(form_key):] in DERIVED_SUFFIXES and found_key.startswith(form_key) or \
        form_key[len(found_key):] in DERIVED_SUFFIXES and form_key.startswith(found_key)


def inconsistent_names(texts: Dict[str, Sequence[str]],
                       skip_spans: Optional[Dict[Tuple[str, int], List[Tuple[int, int]]]] = None) -> List[Finding]:
    """(d): Korean-shaped names written two ways (hyphen, space, case) across all files.

    Names are grouped by their letters only, so Park Jin and Park Jie-won stay apart; the
    most frequent spelling (the first seen on a tie) is the suggestion for the others.
    """
    mentions: Dict[str, List[Tuple[str, int, int, str]]] = defaultdict(list)
    for file, lines in texts.items():
        for number, line in enumerate(lines, start=1):
            for match in _KOREAN_NAME.finditer(line):
                if skip_spans and any(match.start() < stop and begin < match.end()
                                      for begin, stop in skip_spans.get((file, number), [])):
                    continue
                mentions[norm_key(match.group())].append((file, number, match.start() + 1, match.group()))
    findings = []
    for group in mentions.values():
        spellings = Counter(text for *_, text in group)
        if len(spellings) < 2:
            continue
        first_seen = {text: index for index, (*_, text) in reversed(list(enumerate(group)))}
        preferred = max(spellings, key=lambda text: (spellings[text], -first_seen[text]))
        findings.extend(Finding(file, number, col, text, preferred, "inconsistent", None)
                        for file, number, col, text in group if text != preferred)
    return findings
