"""Split one block of text into sentence spans.

Candidates are sentence marks followed by closing quotes/brackets and whitespace (or a
Korean ending glued to the next sentence). Whether a candidate is a boundary depends on
the script of the word before it: Hangul goes to the Korean rules, Latin to the English
rules (abbreviations, initials), anything else is a boundary unless lower case follows.
"""

from __future__ import annotations

import re
from typing import List, Tuple

from mtalign.hangul import is_hangul
from mtalign.segment import split_en, split_ko

# Tried once per run of marks (a match never starts inside one), so a long run stays linear.
_CANDIDATE = re.compile(r"(?<![.?!…。])(?P<mark>[.?!…。]+)[\"'”’)\]»」』]*(?=\s)")
Span = Tuple[int, int]


# A list number alone before its mark ("1.", "2)", "가."): the item goes on after it.
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}|[가-하]|[ivx]{1,4})")


def _is_boundary(sentence_so_far: str, mark: str, following: str) -> bool:
    if _LIST_NUMBER.fullmatch(sentence_so_far) or not any(ch.isalnum() for ch in following):
        return False  # a list number, or only closing punctuation left ("…?) ……")
    words = sentence_so_far.split()
    prev_word = words[-1] if words and not sentence_so_far[-1:].isspace() else ""
    prev_word = re.split(r"[(\[]", prev_word)[-1] or prev_word  # "Su-yong(N." -> "N."
    if not prev_word:
        return not split_en.starts_lowercase(following)
    last = prev_word[-1]
    if is_hangul(last) or (last.isdigit() and is_hangul(following[:1])):
        return split_ko.is_boundary(sentence_so_far, mark, following)
    if last.isascii() and last.isalpha():
        return split_en.is_boundary(prev_word, mark, following)
    if last.isdigit() and following[:1].isdigit():
        return split_ko.is_boundary(sentence_so_far, mark, following)
    return not split_en.starts_lowercase(following)


def _candidates(text: str):
    """Yield (mark_start, mark, sentence_end, next_start) in text order."""
    found = []
    for match in _CANDIDATE.finditer(text):
        next_start = match.end()
        while next_start < len(text) and text[next_start].isspace():
            next_start += 1
        found.append((match.start("mark"), match.group("mark"), match.end(), next_start))
    for match in split_ko.GLUED_ENDING.finditer(text):
        found.append((match.start(), text[match.start()], match.end(), match.end()))
    for mark_start, end in split_en.glued_sentence_ends(text):
        found.append((mark_start, text[mark_start], end, end))
    found += [(m.start(), "", m.start(), m.end()) for m in split_ko.unmarked_ends(text)]
    return sorted(found)


def split_sentences(text: str, short_quotes: bool = True) -> List[Span]:
    """Return (start, end) spans of the sentences of `text`, whitespace trimmed, in order.

    Every non-space character of `text` lies in exactly one span. With `short_quotes`, a
    short line that is one quotation stays whole (a quoted exclamation); a transcript's
    speech after a speaker's label is cut at its sentence ends however short.
    """
    spans: List[Span] = []
    start = len(text) - len(text.lstrip())
    for mark_start, mark, sentence_end, next_start in _candidates(text):
        if next_start >= len(text) or sentence_end <= start:
            continue
        following = text[next_start:next_start + 300]
        so_far = text[start:sentence_end]
        # the line's rest only matters up to the short-quote length (a slice to the end per
        # candidate made long texts quadratic)
        if split_ko.quote_goes_on(so_far, following) or (short_quotes and split_ko.quote_fills_line(
                so_far, text[next_start:next_start + split_ko.SHORT_QUOTE + 1])):
            continue
        if _is_boundary(text[start:mark_start], mark, following):
            spans.append((start, sentence_end))
            start = next_start
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans
