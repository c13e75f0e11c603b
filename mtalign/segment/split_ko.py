"""Korean sentence-boundary decisions.

Korean news sentences end in a verbal ending (다, 요, 까, 죠 ...) plus punctuation, so
a mark after Hangul is a boundary, inside quotations too (as Korean news corpora
split them). The exception is a dotted date (2024. 6. 19.). A missing space after an
ending (했다.그러나) is still a boundary.
"""

from __future__ import annotations

import re

# A sentence ending glued to the next sentence without a space: "말했다.그는".
GLUED_ENDING = re.compile(r"(?<=[다요까죠])[.?!](?=[가-힣])")
_FULL_DOTTED_DATE = re.compile(r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}$")


def is_boundary(sentence_so_far: str, mark: str, following: str) -> bool:
    """Decide a candidate inside Korean text; `sentence_so_far` runs up to the mark."""
    if sentence_so_far[-1:].isdigit() and (following[:1].isdigit() or _FULL_DOTTED_DATE.search(sentence_so_far)):
        return False  # a dotted date: 2024. 6. 19.
    return True
