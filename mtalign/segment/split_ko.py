"""Korean sentence-boundary decisions.

Korean news sentences end in a verbal ending (다, 요, 까, 죠 ...) plus punctuation, so
a mark after Hangul is a boundary. The exceptions are dotted dates (2024. 6. 19.) and
a missing space after an ending (했다.그러나), which is still a boundary.
"""

from __future__ import annotations

import re

# A sentence ending glued to the next sentence without a space: "말했다.그는".
GLUED_ENDING = re.compile(r"(?<=[다요까죠])[.?!][\"'”’)]*(?=[가-힣“\"‘'])")


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def is_boundary(prev_word: str, mark: str, following: str) -> bool:
    """Decide a candidate whose preceding word ends in Hangul or a digit inside Korean text."""
    if prev_word[-1:].isdigit() and following[:1].isdigit():
        return False  # dotted date or decimal list: 2024. 6. 19.
    return True
