"""Language and role tags for lines and sentences.

Roles that belong to a whole line (byline, dateline, caption, credit, boilerplate) are
recognised by pattern; a headline is a short line without sentence-final punctuation (a
title or a subhead); short labels beside site clutter are clutter too; everything else
is body and gets split into sentences.
"""

from __future__ import annotations

import re
from typing import Optional

from mtalign.hangul import SURNAMES, is_hangul
from mtalign.segment.clean import is_boilerplate, is_credit

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)"
_DATE_LINE = re.compile(
    rf"^[|\s]*(?:(?:입력|수정|등록|Posted|Updated|Published)\s*:?\s*)?"
    rf"(?:{_WEEKDAY}?{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}[-./]\s?\d{{1,2}}[-./]\s?\d{{1,2}}\.?)"
    rf"(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?[|\s]*$"
)
# "SEOUL, June 19 (Yonhap) --", "MOSCOW –", "(서울=연합뉴스)": the place/agency stamp that opens a report.
DATELINE_PREFIX = re.compile(
    rf"^(?:[A-Z][A-Z.'’ -]{{2,30}}(?:,\s*{_MONTH}\s+\d{{1,2}})?\s*(?:\([^()]{{2,40}}\))?\s*(?:--|—|–|-)"
    r"|\([가-힣]{1,6}=[^()]{1,20}\)(?:\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*=)?)(?=\s)"
)
_BYLINE_EN = re.compile(r"^[Bb]y\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s|,|$)")
_BYLINE_ROLE = re.compile(r"\b(?:reporter|correspondent|staff writer|contributing writer|editor)\b", re.IGNORECASE)
_BYLINE_KO = re.compile(r"^\[?(?:[가-힣A-Za-z]+\s+)?[가-힣]{2,4}\s*(?:선임)?(?:기자|특파원|논설위원)\b")
_EMAIL_ONLY = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_CAPTION_START = re.compile(r"^(?:[▲△▶]|\[?사진\s*[=:]|\(사진\s*[=:]|photo\s*:|\(photo\b)", re.IGNORECASE)
_PHOTO_POSITION = re.compile(
    r"\((?:left|right|center|centre|L|R|C|front|back|\d(?:st|nd|rd|th) from (?:left|right|L|R))\)"
)
_AGENCY = r"(?:AFP|AP|Reuters|EPA|Yonhap|Xinhua|KCNA|Getty Images|News1|Newsis|연합뉴스|뉴시스|뉴스1)"
_CAPTION_CREDIT = re.compile(
    rf"(?:[.)]\s*{_AGENCY}(?:[-/]{_AGENCY})?|/\s*Source:[^|]*|\(Yonhap\)|사진\s*=?\s*{_AGENCY}(?:\s*{_AGENCY})?)\s*\|?\s*$"
)
_TERMINAL = re.compile(r"[.?!…。][\"'”’)\]]*$")


def detect_lang(text: str) -> str:
    """ko, en, mixed, or und (no letters), from the share of Hangul among letters.

    A Hangul syllable carries about as much as two Latin letters, so it counts double.
    """
    hangul = sum(1 for ch in text if is_hangul(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if hangul + latin == 0:
        return "und"
    share = 2 * hangul / (2 * hangul + latin)
    if share >= 0.6:
        return "ko"
    return "en" if share <= 0.2 else "mixed"


def _is_byline(line: str) -> bool:
    words = line.split()
    if _EMAIL_ONLY.match(line) or _BYLINE_KO.match(line):
        return True
    if re.fullmatch(r"[가-힣]{2,4}", line) and line[0] in SURNAMES:
        return True
    if _TERMINAL.search(line):
        return False
    return bool(_BYLINE_EN.match(line) and len(words) <= 16) or bool(_BYLINE_ROLE.search(line) and len(words) <= 6)


def _is_caption(line: str) -> bool:
    if _CAPTION_START.match(line) or _CAPTION_CREDIT.search(line):
        return True
    return bool(_PHOTO_POSITION.search(line)) and len(line.split()) <= 60


def line_role(line: str) -> Optional[str]:
    """The role a whole line has by its form alone, or None when context decides."""
    if _DATE_LINE.match(line):
        return "dateline"
    if is_boilerplate(line):
        return "boilerplate"
    if is_credit(line):
        return "credit"
    if _is_byline(line):
        return "byline"
    if _is_caption(line):
        return "caption"
    return None


def ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def looks_like_heading(line: str) -> bool:
    """Short and without sentence-final punctuation (an ellipsis inside is fine)."""
    return len(line.split()) <= 25 and not ends_sentence(line)


def is_widget_label(line: str) -> bool:
    """A stray short label (a place name of a weather widget, a menu word)."""
    return len(line.split()) <= 3 and not ends_sentence(line)
