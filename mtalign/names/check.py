"""Name-consistency checks for English copy.

Kinds of finding:
- style        (a) a glossary name in another house style's form (Kim Jong Un in yonhap copy)
- misspelling  (b) a known or near misspelling of a glossary name (Kim Jung-il, Vladmir Putin,
               Pyeongyang)
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

from mtalign.glossary import Lookup, TermFinder, is_title, norm_key
from mtalign.hangul import SURNAME_SPELLINGS
from mtalign.names.learn import readings, same_name, segment
from mtalign.names.styles import split_name
from mtalign.types import Entry, Finding

FLAGGED_REASONS = {"style", "misspelling", "former"}
INSTITUTION_TYPES = {"organization", "media", "office", "treaty"}
CASE_SENSITIVE_TYPES = {"person", "place", "organization", "media"}
FUZZY_SCORE = 0.88
CLOSE_SCORE = 0.9  # a known person's name this close is misspelt even with an unreadable vowel
# North Korean, Koreans; Iraqi, Israeli; German (of Germany)
DERIVED_SUFFIXES = {"n", "s", "an", "ns", "ans", "ese", "ian", "ians", "i", "is", "y"}
MIN_FUZZY_LETTERS = 6  # shorter words are often other words one letter off: Asian ~ Asan
_KOREAN_NAME = re.compile(
    rf"\b(?:{'|'.join(SURNAME_SPELLINGS)}) [A-Z][a-z]+(?:-[a-z]+| [A-Z][a-z]+(?![\w-]))?(?![\w-])"
)
_NAME_SHAPE = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+| [A-Z][a-z]+)?")
_CAPITALIZED_SPAN = re.compile(r"\b[A-Z][\w’'-]*(?: (?:of |for |the )?[A-Z][\w’'-]*){0,5}")


class Checker:
    def __init__(
        self, entries: Iterable[Entry], style: Optional[str] = None, lookup: Optional[Lookup] = None
    ):
        self.style = style
        self.lookup = lookup
        self._forms: Dict[str, List[Tuple[Entry, Optional[str]]]] = defaultdict(list)
        entries = list(entries)
        self._people: Dict[str, List[Entry]] = defaultdict(list)  # curated people by Hangul surname
        for entry in entries:
            if _curated_korean_person(entry):
                self._people[split_name(entry.ko[0])[0]].append(entry)
            canonical = {entry.en, *entry.styles.values()}
            for form in entry.english_forms():
                reason = (
                    None
                    if form in canonical
                    else next(v.reason for v in entry.variants if v.form == form)
                )
                self._forms[norm_key(form)].append((entry, reason))
        self._finder = TermFinder(entries, korean=False, loose=True)

    def _judge(self, found: str) -> Optional[Tuple[str, Entry]]:
        """(kind, entry) when `found` is off the style's canonical form, else None."""
        candidates = self._forms.get(norm_key(found), [])
        if not candidates or found.isupper():  # all capitals (SEOUL, MOSCOW) is typography
            return None
        for entry, reason in candidates:
            if found == _plain_quotes(entry.english(self.style)):
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
        if case_only and entry.type in INSTITUTION_TYPES and re.search(r"(?:^|\s)[a-z]", found):
            return None  # a lower-case descriptor (a Yonhap news agency report), not the name
        return _kind_of_type(
            entry, "misspelling" if reason == "misspelling" else "case" if case_only else "style"
        ), entry

    def spans(self, line: str) -> List[Tuple[int, int]]:
        """Where glossary names of two words or more stand in the line (flagged or not); an
        abbreviation such as UN inside Kim Jung Un is no name of its own."""
        hits = self._finder.find(line)
        return [(hit.start, hit.end) for hit in hits if re.search(r"[-\s]", hit.text)]

    def check_lines(self, lines: Sequence[str], file: str) -> List[Finding]:
        findings: List[Finding] = []
        for number, original in enumerate(lines, start=1):
            line = _plain_quotes(original)  # same length: spans stay the original's
            covered: List[Tuple[int, int]] = own_lines(line)
            name_spans = [name.span() for name in _KOREAN_NAME.finditer(line)]
            for hit in self._finder.find(line):
                span = (hit.start, hit.end)
                if _inside(span, covered):
                    continue
                names = [name for name in name_spans if name != span]
                if not _inside(span, names):  # UN inside Kim Jung Un is no name of its own
                    covered.append(span)
                verdict = self._judge(hit.text)
                if verdict:
                    kind, entry = verdict
                    findings.append(Finding(file, number, hit.start + 1, original[slice(*span)],
                                            entry.english(self.style), kind, entry.id))
            findings.extend(self._fuzzy(original, line, number, file, covered))
        return findings

    def _fuzzy(
        self, original: str, line: str, number: int, file: str, covered: List[Tuple[int, int]]
    ) -> List[Finding]:
        """Near misspellings of glossary names that the glossary does not list (`line` is
        `original` with plain quotes)."""
        if self.lookup is None:
            return []
        findings = []
        spans = [*_KOREAN_NAME.finditer(line), *_CAPITALIZED_SPAN.finditer(line)]
        for match in spans:
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in covered):
                continue
            if len(norm_key(match.group())) < MIN_FUZZY_LETTERS:
                continue
            entries = [hit.entry for hit in self.lookup.lookup(match.group(), limit=6)
                       if (hit.match == "fuzzy" and hit.score >= FUZZY_SCORE
                           or hit.match == "exact") and not is_title(hit.entry)
                       and not _derived_word(match.group(), hit.form)
                       and (_same_reading(hit.entry, match.group())
                            or hit.score >= CLOSE_SCORE and _curated_korean_person(hit.entry)
                            and _word_count(hit.form) == _word_count(match.group()))]
            entries = entries or self._read_as(match.group())
            if entries:
                covered.append((start, end))
                # Namesakes spelt differently: the best-known leads, and --fix leaves it alone.
                entry = max(entries, key=lambda entry: len(entry.english_forms()))
                known = len({entry.english(self.style) for entry in entries}) == 1
                findings.append(
                    Finding(
                        file,
                        number,
                        start + 1,
                        original[start:end],
                        entry.english(self.style),
                        _kind_of_type(entry, "misspelling"),
                        entry.id,
                        fixable=known,
                    )
                )
        return findings

    def _read_as(self, found: str) -> List[Entry]:
        """Curated Korean people whose Hangul name `found` can spell, however far its letters
        are from theirs (Han Deok-su, Wi Seong-rak): another romanization of a known name."""
        if not _NAME_SHAPE.fullmatch(found):
            return []
        family = found.split()[0]
        surnames = readings(family, True)
        return [entry for surname, people in self._people.items() if surname in surnames
                for entry in people if segment(entry.ko[0], found)]


# An outlet's own lines: credit, copyright, end marks, bylines, and the dateline opening a story.
_OWN_LINE = re.compile(r"©|ⓒ|\(c\)|copyright|all rights reserved|^\s*\(END\)|^\s*by [A-Z]",
                       re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,4}\.? \d{1,2} \([^)]{2,30}\) *(?:--|—|-)")


def own_lines(line: str) -> List[Tuple[int, int]]:
    """Stretches of a line that are the outlet's own (credit, copyright, byline, dateline):
    never checked."""
    if _OWN_LINE.search(line):
        return [(0, len(line))]
    dateline = _DATELINE.match(line)
    return [dateline.span()] if dateline else []


def _inside(span: Tuple[int, int], stretches: List[Tuple[int, int]]) -> bool:
    return any(begin <= span[0] and span[1] <= stop for begin, stop in stretches)


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


def _curated_korean_person(entry: Entry) -> bool:
    """A Korean person of a curated glossary (not one built from registered names, which
    are too many and too ordinary to claim every spelling of their Hangul)."""
    return (
        entry.type == "person"
        and bool(entry.ko)
        and bool(re.fullmatch(r"[가-힣]{3,4}", entry.ko[0]))
        and not entry.self_registered()
    )


def _same_reading(entry: Entry, found: str) -> bool:
    """A Korean person is misspelt only by another romanization of the same Hangul name
    (Han Duk-soo for 한덕수); Park Jie-won is not Park Jae-won, however close the letters."""
    if entry.type != "person" or not entry.ko or not re.fullmatch(r"[가-힣]{2,5}", entry.ko[0]):
        return _word_count(entry.en) == _word_count(found)
    return segment(entry.ko[0], found) is not None


def _word_count(text: str) -> int:
    return len(re.split(r"[-\s]+", text.strip()))


def _plain_quotes(text: str) -> str:
    """Typographic quotes as plain ones: Women’s and Women's are one spelling."""
    return text.translate(_QUOTES)


_QUOTES = str.maketrans("‘’“”", "''\"\"")


def _derived_word(found: str, form: str) -> bool:
    """North Korean is the adjective of North Korea, and the Minister of Unification heads the
    Ministry of Unification: neither is a misspelling."""
    found_key, form_key = norm_key(found), norm_key(form)
    headed = re.sub(r"\bMinister\b", "Ministry", found)
    if headed != found and norm_key(headed) == form_key:
        return True
    return found_key[len(form_key):] in DERIVED_SUFFIXES and found_key.startswith(form_key) or \
        form_key[len(found_key):] in DERIVED_SUFFIXES and form_key.startswith(found_key)


HOUSE_FORMS = {"yonhap": re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?"),
               "kcna": re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+"),
               "ap": re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+(?:[- ][A-Za-z][a-z]+)?")}


def inconsistent_names(texts: Dict[str, Sequence[str]],
                       skip_spans: Optional[Dict[Tuple[str, int], List[Tuple[int, int]]]] = None,
                       style: Optional[str] = None) -> List[Finding]:
    """(d): Korean-shaped names written two ways across all files.

    Mentions are grouped when they can be one Korean name (`same_name`: vowel and consonant
    choices, hyphen, space, case, a run-together given name), never across a different
    number of syllables or different given names (Park Jin / Park Jie-won, Kim Min-su /
    Kim Min-ho). The suggestion is the spelling in the house style's shape (Surname
    Given-name for yonhap), then the most frequent, then the first seen; a finding is
    fixable only when the two differ in shape alone (hyphen, space, case), since which
    vowel a person uses (Seok or Suk) is for the glossary to say, not the batch.
    """
    mentions: List[Tuple[str, int, int, str]] = []
    for file, lines in texts.items():
        for number, line in enumerate(lines, start=1):
            for match in _KOREAN_NAME.finditer(line):
                taken = [*own_lines(line), *(skip_spans or {}).get((file, number), [])]
                if any(match.start() < stop and begin < match.end() for begin, stop in taken):
                    continue
                mentions.append((file, number, match.start() + 1, match.group()))
    findings = []
    for group in _groups(mentions):
        spellings = Counter(text for *_, text in group)
        if len(spellings) < 2:
            continue
        first_seen = {text: index for index, (*_, text) in reversed(list(enumerate(group)))}
        shape = HOUSE_FORMS.get(style or "yonhap")
        preferred = max(spellings, key=lambda text: (bool(shape.fullmatch(text)), spellings[text],
                                                     -first_seen[text]))
        findings.extend(Finding(file, number, col, text, preferred, "inconsistent", None,
                                fixable=norm_key(text) == norm_key(preferred)
                                and bool(shape.fullmatch(preferred)))
                        for file, number, col, text in group if text != preferred)
    return findings


def _groups(mentions: List[Tuple[str, int, int, str]]) -> List[List[Tuple[str, int, int, str]]]:
    """Mentions joined when their spellings can be one Korean name (union of pairs)."""
    spellings = list(dict.fromkeys(text for *_, text in mentions))
    parent = {text: text for text in spellings}

    def root(text: str) -> str:
        while parent[text] != text:
            text = parent[text]
        return text

    for index, one in enumerate(spellings):
        for other in spellings[index + 1:]:
            if root(one) != root(other) and same_name(one, other):
                parent[root(other)] = root(one)
    groups: Dict[str, list] = defaultdict(list)
    for mention in mentions:
        groups[root(mention[3])].append(mention)
    return list(groups.values())
