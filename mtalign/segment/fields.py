"""Lines that hold several fields: cut before the roles are given.

Press digests and bilingual reading pages put several short fields on one line:

    o 제목 : 북한 문제, 너무 늦진 않아 / It's Not Too Late on North Korea
    〇매체 : 미국 CNN / 3월 7일
    ... an unprecedented crisis./ 김정일의 갑작스런 죽음으로 ... 직면해 있다/ Our first ...

A bulleted field label (`o 제목 :`) is furniture of its own, except a source label
(`매체 :`), which stays with the outlet it names (a byline). A slash followed by a space
separates two fields when the language changes across it (a Korean line and its English
counterpart) or when one side is a date; the slash stays with the field before it.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from mtalign.segment.block import Block
from mtalign.segment.tag import detect_lang, line_role

Piece = Tuple[int, int, Optional[str]]

# A digest field: a round bullet (o, 〇, ○) then a short Korean label and a colon (■ opens a
# broadcast's credits: ■ 방송 : YTN 뉴스특보 stays whole).
_FIELD_LABEL = re.compile(r"^(?:o\s+|[〇○◦]\s*)(?P<label>[가-힣]{1,6}(?: [가-힣]{1,4})?)"
                          r"\s*:(?=\s+\S)")
_SOURCE_LABELS = {"매체", "언론사", "출처"}
_URL = re.compile(r"https?://|www\.")
_FIELD_SLASH = re.compile(r"/(?=\s+\S)")
# An English section label glued to a Korean title: "WORLD NEWS북한 위기의 해법".
_GLUED_LABEL = re.compile(r"^[A-Z]{2,}(?: [A-Z]{2,}){1,3}(?=[가-힣])")  # not "KBS는 ..."
# A reading text cut into phrases for learners: "북한이 미사일을 쐈는데/ 전문가들은 .../ ..."
_PHRASE_SLASH = re.compile(r"[^\s/]/\s")
_SENTENCE_END = re.compile(r"(?:[.?!][\"'”’)]*|[가-힣]다)$")
_SHORT_DATE = re.compile(r"\d{1,2}월\s?\d{1,2}일|\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?")


def _label_pieces(line: str) -> Tuple[List[Piece], int, Optional[str]]:
    """The label cut off a digest field line, where its value starts and the value's role."""
    glued = _GLUED_LABEL.match(line)
    if glued:
        return [(0, glued.end(), "boilerplate")], glued.end(), "headline"
    match = _FIELD_LABEL.match(line)
    if not match or _URL.search(line) or line_role(line):  # ■ 진행 : NAME 앵커 (a byline)
        return [], 0, None
    label = match.group("label")
    if label in _SOURCE_LABELS:
        return [], 0, "byline"
    value_start = len(line) - len(line[match.end():].lstrip())
    value_role = "headline" if label.endswith("제목") else None
    return [(0, match.end(), "boilerplate")], value_start, value_role


def _is_date(text: str) -> bool:
    return bool(_SHORT_DATE.fullmatch(text.strip(" /")))


def _differ(left: str, right: str) -> bool:
    """Two fields: each a few words in another language than the other, or a date."""
    if _is_date(left) or _is_date(right):
        return True
    if min(len(left.split()), len(right.split())) < 2:
        return False
    return {detect_lang(left), detect_lang(right)} == {"ko", "en"}


def _sentence_role(text: str) -> Optional[str]:
    """Body for a field a slash ends that reads as a sentence (the slash hides its mark)."""
    field = text.strip().rstrip("/").rstrip()
    return "body" if text.rstrip().endswith("/") and _SENTENCE_END.search(field) else None


def _bracket_depth(text: str) -> int:
    return sum(text.count(ch) for ch in "([<【") - sum(text.count(ch) for ch in ")]>】")


def _free_slashes(line: str, start: int) -> List[int]:
    """Where the slashes that may separate fields end, leaving out those inside brackets
    ([ 한국 뉴스 채널 / Korea News Channel ] is one name); the depth is carried from slash to
    slash so that a line of many slashes is read once."""
    slashes, depth, counted = [], _bracket_depth(line[:start]), start
    for match in _FIELD_SLASH.finditer(line, start):
        depth += _bracket_depth(line[counted:match.start()])
        counted = match.start()
        if depth <= 0:
            slashes.append(match.end())
    return slashes


def _slash_cuts(line: str, start: int) -> List[int]:
    """Offsets where a field after a slash starts."""
    slashes = _free_slashes(line, start)
    bounds = [start] + slashes + [len(line)]
    return [bounds[i + 1] for i in range(len(slashes))
            if _differ(line[bounds[i]:bounds[i + 1]], line[bounds[i + 1]:bounds[i + 2]])]


def field_pieces(line: str) -> List[Piece]:
    """The fields of a line as (start, end, role or None), whitespace trimmed; one piece
    covering the whole line when it holds a single field."""
    pieces, start, role = _label_pieces(line)
    for cut in _slash_cuts(line, start) + [len(line)]:
        text = line[start:cut]
        lead = len(text) - len(text.lstrip())
        if text.strip():
            piece_role = "dateline" if _is_date(text) else role or _sentence_role(text)
            if piece_role is None and len(_PHRASE_SLASH.findall(text)) >= 2:
                piece_role = "body"
            pieces.append((start + lead, start + len(text.rstrip()), piece_role))
        start = cut
    return pieces


def split_fields(blocks: List[Block]) -> List[Block]:
    """One-line blocks holding several fields become a block per field (its role as hint)."""
    out: List[Block] = []
    for block in blocks:
        pieces = [] if "\n" in block.text or block.hint else field_pieces(block.text)
        if len(pieces) < 2 and not (pieces and pieces[0][2]):
            out.append(block)
            continue
        out += [Block(block.start + start, block.text[start:end], role)
                for start, end, role in pieces]
    return out


def opens_field(line: str) -> bool:
    """A digest field's line, which never goes on from the line above."""
    return bool(_FIELD_LABEL.match(line.lstrip()))
