"""Korean sentence-boundary decisions.

Korean news sentences end in a verbal ending (다, 요, 까, 죠, and the official 음/함/됨)
plus punctuation, so a mark after Hangul is a boundary. The exceptions are a dotted date
(2024. 6. 19.) and a quotation holding several sentences inside one sentence: in
그는 "내일 간다. 꼭 간다"고 말했다. the quote closes into a particle (고, 라며, 는 ...), so
the marks inside it end no sentence. A missing space after an ending (했다.그러나) is
still a boundary.
"""

from __future__ import annotations

import re

from mtalign.hangul import split_syllable

# A sentence ending glued to the next sentence without a space: "말했다.그는".
GLUED_ENDING = re.compile(r"(?<=[다요까죠음함됨])[.?!](?=[가-힣])")
# A formal -ㅂ니다 ending with no mark before the next Korean word, as transcripts drop it:
# "오늘은 고운호 기자와 함께 합니다 안녕하세요." (the space is the boundary; unmarked_ends
# keeps only those whose syllable before 니다 closes in ㅂ, so 다니다 보면 is not one).
_UNMARKED_ENDING = re.compile(r"(?<=[가-힣]니다)\s+(?=[가-힣])")
QUOTE_REACH = 150  # how far a quotation may go on after a mark inside it
SHORT_QUOTE = 40  # a quoted exclamation alone on its line, not a quoted paragraph
# Quotation marks by kind: (opening, closing, either); news text mixes " with “ ”.
_QUOTES = (("“", "”", "\""), ("‘", "’", "'"), ("「", "」", ""), ("『", "』", ""))
# A closing quote glued to a particle or ending: the quotation is part of a longer sentence.
_INTO_PARTICLE = re.compile(
    r"(?:고|라고|이라고|라며|이라며|며|면서|라는|이라는|는|란|이란|라|이라|하고|하며)"
)
_FULL_DOTTED_DATE = re.compile(r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}$")


def unmarked_ends(text: str):
    """Spans of the whitespace after formal endings that carry no sentence mark."""
    for match in _UNMARKED_ENDING.finditer(text):
        syllable = split_syllable(text[match.start() - 3])
        if syllable and syllable[2] == "ㅂ" and not _INTO_PARTICLE.fullmatch(
                text[match.end():].split(" ", 1)[0]):
            yield match


def _open_quote(sentence_so_far: str) -> tuple:
    """The kind of quotation left open in the sentence so far, or ()."""
    for kind in _QUOTES:
        opening, closing, either = kind
        depth = 0
        for ch in sentence_so_far:
            if ch == opening or (ch == either and depth == 0):
                depth = 1
            elif ch == closing or ch == either:
                depth = 0
        if depth:
            return kind
    return ()


def quote_goes_on(sentence_so_far: str, following: str) -> bool:
    """Inside a quotation that closes soon after into a particle: 있다. 관계들도 좋다"고 밝혔다."""
    kind = _open_quote(sentence_so_far)
    if not kind:
        return False
    closes = [i for i, ch in enumerate(following[:QUOTE_REACH]) if ch in kind[1:] and ch]
    return bool(closes) and bool(_INTO_PARTICLE.match(following, closes[0] + 1))


def quote_fills_line(sentence_so_far: str, rest: str) -> bool:
    """A short line that is one quotation of several sentences ("저기! 보인다. 북한 사람이다."):
    a quoted exclamation stays one segment (a quoted paragraph is cut into its sentences)."""
    kind = _open_quote(sentence_so_far)
    if not kind or sentence_so_far.lstrip()[:1] not in kind:
        return False
    if len(sentence_so_far) + len(rest) > SHORT_QUOTE:
        return False
    rest = rest.rstrip()
    closes = [i for i, ch in enumerate(rest) if ch and ch in kind[1:]]
    return closes == [len(rest) - 1]


def is_boundary(sentence_so_far: str, mark: str, following: str) -> bool:
    """Decide a candidate inside Korean text; `sentence_so_far` runs up to the mark."""
    dotted_date = following[:1].isdigit() or _FULL_DOTTED_DATE.search(sentence_so_far)
    if sentence_so_far[-1:].isdigit() and dotted_date:
        return False  # a dotted date: 2024. 6. 19.
    return True
