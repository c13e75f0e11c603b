"""Role hints for HTML blocks from an extraction library (trafilatura, with htmldate inside).

trafilatura finds a page's main content, title, author and date. Its verdicts become hints
on the blocks the markup left without a role; nothing is deleted: a block outside the main
content is tagged boilerplate, unless its own form (a timestamp, a byline, a caption, a
credit) or the library's title, author or date says otherwise. trafilatura is optional (the
`html` extra); without it no hints are given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional, Set

from mtalign.segment import tag
from mtalign.segment.block import Block
from mtalign.segment.clean import is_site_notice

try:
    import trafilatura
except ImportError:  # the optional extra is not installed: the markup and the rules decide
    trafilatura = None

MIN_CONTAINED = 15  # shorter blocks ("뉴스", "Share") are in the main text by chance
MAX_LABEL = 60  # a byline or a timestamp block is short


@dataclass
class Signals:
    title: str = ""
    author: str = ""
    date: str = ""  # YYYY-MM-DD
    lines: Set[str] = field(default_factory=set)  # the main text's lines, spaces removed
    text: str = ""  # the main text, spaces removed


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def available() -> bool:
    return trafilatura is not None


def page_signals(html: str) -> Optional[Signals]:
    """What trafilatura says of the page, or None (not installed, or nothing found)."""
    if trafilatura is None:
        return None
    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # noqa: BLE001 - a library failure must not stop segmentation
        return None
    if found is None:
        return None
    meta = found.as_dict() if hasattr(found, "as_dict") else found
    lines = [_key(line) for line in (meta.get("text") or "").split("\n")]
    return Signals(_key(meta.get("title") or ""), meta.get("author") or "",
                   meta.get("date") or "", {line for line in lines if line}, "".join(lines))


def _in_main_text(text: str, signals: Signals) -> bool:
    key = _key(text)
    return key in signals.lines or (len(key) >= MIN_CONTAINED and key in signals.text)


def _dated(text: str, date: str) -> bool:
    """The block prints the library's date: 2020-03-04, 2020.03.04, 2020/3/4, 2020년 3월 4일."""
    if not date or len(text) > MAX_LABEL:
        return False
    year, month, day = date.split("-")
    pattern = rf"{year}\s?[-./년]\s?0?{int(month)}\s?[-./월]\s?0?{int(day)}(?!\d)"
    return bool(re.search(pattern, text))


def block_hint(text: str, signals: Signals) -> Optional[str]:
    """The role the library's verdicts give a block the markup left without one."""
    if _in_main_text(text, signals):
        return None
    if signals.title and _key(text) == signals.title:
        return "headline"
    if signals.author and signals.author in text and len(text) <= MAX_LABEL:
        return "byline"
    if _dated(text, signals.date):
        return "dateline"
    if is_site_notice(text) or _own_form(text):
        return None
    return "boilerplate"


def _own_form(text: str) -> bool:
    """A role the block's own form gives, strong enough outside the main text: not a lone
    word that happens to look like a Korean name (예능, 전체뉴스 are menu items)."""
    role = tag.line_role(text)
    if role == "boilerplate":  # furniture by its form too ("KBS WORLD"): not a reason to keep
        return False  # the markup's heading
    return role is not None and not (role == "byline" and len(text.split()) == 1)


def _open_to_hints(block: Block) -> bool:
    """No markup role, or a heading of three words at most: the markup of widgets and
    sections ("Editor's Pick", "분야별 뉴스") calls those headings too."""
    return block.hint is None or (block.hint == "headline" and len(block.text.split()) <= 3)


def add_hints(html: str, blocks: List[Block]) -> None:
    """Give the blocks the markup leaves open the library's hint (in place)."""
    signals = page_signals(html)
    if signals is None:
        return
    for block in blocks:
        if _open_to_hints(block):
            hint = block_hint(block.text, signals)
            block.hint = hint if hint or block.hint is None else block.hint
