"""Character normalization and the site-clutter patterns (boilerplate, credit lines).

Nothing is deleted here: clutter is *tagged* so that later stages skip it, and every
character the user gave still appears in some segment.
"""

from __future__ import annotations

import re
import unicodedata

_ODD_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_ODD_SPACES, **_ZERO_WIDTH}


def normalize_line(line: str) -> str:
    """NFC, exotic spaces to ASCII space, zero-width characters and soft hyphens removed."""
    return unicodedata.normalize("NFC", line.translate(_TRANSLATE))


_BOILERPLATE_LINES = {
    "spot_img", "img", "advertisement", "- advertisement -", "sponsored", "sponsored content",
    "latest news", "popular articles", "most popular", "most read", "most viewed", "related articles",
    "related news", "related stories", "recommended", "trending", "trending now", "top stories",
    "read more", "more stories", "share", "share this", "share this article", "tweet", "print",
    "email", "copy link", "subscribe", "newsletter", "font size", "(end)", "weather", "home",
    "기사 이미지 확대 보기", "이미지 확대 보기", "이미지 확대", "공유하기", "기사공유", "댓글", "좋아요",
    "구독", "많이 본 뉴스", "최신 뉴스", "관련기사", "관련 기사", "인기기사", "광고", "프린트", "글자크기",
}
_SHARE_WORDS = {
    "share", "tweet", "facebook", "twitter", "x", "email", "print", "whatsapp", "linkedin", "kakaotalk",
    "telegram", "reddit", "pinterest", "copy", "link", "url", "카카오톡", "페이스북", "트위터", "공유", "링크복사",
}
_WEATHER = re.compile(r"^-?\d{1,3}(?:\.\d)?\s*°?\s*[CF]$")
_CREDIT = re.compile(
    r"[©ⓒ]|\(c\)\s|\bcopyright\b|all rights reserved|무단\s?전재|재배포\s?금지|저작권자", re.IGNORECASE
)


def is_boilerplate(line: str) -> bool:
    """Site furniture: ads, widgets, weather, section labels, share buttons, markup debris."""
    text = line.strip()
    folded = text.casefold()
    if folded in _BOILERPLATE_LINES or _WEATHER.match(text):
        return True
    if not any(ch.isalpha() for ch in text):
        return True
    words = re.findall(r"\w+", folded)
    return bool(words) and all(word in _SHARE_WORDS for word in words)


def is_credit(line: str) -> bool:
    """Copyright and reproduction notices, in either language."""
    return len(line.split()) <= 30 and bool(_CREDIT.search(line))
