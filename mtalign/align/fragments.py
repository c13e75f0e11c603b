"""Korean fragments inside one (mostly English) article -> their English counterparts.

Not monotone: a Korean caption may sit above its English caption, a Korean byline at the
top and the English one further down. Each Korean segment is paired with at most one
English segment, best pairs first (greedy matching on the score), and only when the
score clears a threshold. Clutter pairs only with a near-identical counterpart: segments
whose role is boilerplate, credit or dateline, and, whatever role the segmenter gave them,
segments shaped like clutter (timestamps, e-mail tails, licence and copyright lines, a
word or two of menu) and mixed-language segments (a bilingual credit line is its own
translation, so its halves must not pair with each other). Then the joins: a Korean
sentence left over beside a paired neighbour joins that pair (2-to-1) when the two
Korean sentences together match the English one better than the neighbour alone by a
margin, and an English sentence left over beside a paired one joins it the same way (1-to-2).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Dict, List, Sequence

import numpy as np

from mtalign.align.encoders import Encoder
from mtalign.hangul import loose_key, romanize_syllable_by_syllable
from mtalign.types import AlignmentRecord, Segment

SAME_ROLE_BONUS = 0.1
CLUTTER = {"boilerplate", "credit", "dateline"}
NEAR_IDENTICAL = 0.8  # character similarity a clutter pair needs
DEFAULT_THRESHOLD = 0.48
JOIN_GAIN = 0.01  # how much better a joined pair must score than the single pair
JOIN_PART = 0.3  # and how well the sentence that joins must match on its own
NAME_MATCH = 0.8
ANCHOR_WEIGHT = 0.05  # how far shared (or missing) numbers and Latin words move a score
MIN_CONTENT_SYLLABLES = 5  # fewer Hangul syllables left once dates, e-mails ... are gone: clutter
_KO_NAME = re.compile(r"^\[?([가-힣]{2,4})(?:\s*(?:기자|특파원))?\]?$")
_EN_BYLINE = re.compile(r"^(?:By\s+)?([A-Z][a-z]+(?:[ -][A-Za-z]+){1,2})")
_LICENCE = re.compile(
    r"재배포|무단\s*전재|전재\s*및|사용\s*가능|ⓒ|©|copyright|all rights reserved|redistribut"
    r"|for use only", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.&-]+")
_NOT_CONTENT = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\d+|입력|수정|등록|기사등록|승인|업데이트|오전|오후"
    r"|[년월일시분초]\b")


@dataclass
class _Link:
    """The English columns a Korean row is paired with, and the score of the pair."""

    cols: List[int]
    score: float


def _name_similarity(ko: Segment, en: Segment) -> float:
    """How well a Korean byline name and an English byline spell the same name."""
    ko_match, en_match = _KO_NAME.match(ko.text), _EN_BYLINE.match(en.text)
    if not (ko_match and en_match):
        return 0.0
    korean = loose_key(romanize_syllable_by_syllable(ko_match.group(1)))
    english = loose_key(en_match.group(1))
    return difflib.SequenceMatcher(None, korean, english).ratio()


def _near_identical(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= NEAR_IDENTICAL


def _content_syllables(text: str) -> int:
    return sum("가" <= char <= "힣" for char in _NOT_CONTENT.sub(" ", text))


def looks_like_clutter(segment: Segment) -> bool:
    """Clutter by role or by shape: only a near copy can be its counterpart."""
    if segment.role in CLUTTER or segment.lang == "mixed" or _LICENCE.search(segment.text):
        return True
    return segment.lang == "ko" and segment.role != "byline" and \
        _content_syllables(segment.text) < MIN_CONTENT_SYLLABLES


def _anchors(text: str) -> set:
    """Numbers and Latin words: what a translation keeps as it is."""
    numbers = {number.replace(",", "") for number in _NUMBER.findall(text)}
    return numbers | {word.casefold() for word in _LATIN_WORD.findall(text)}


def _anchor_agreement(ko_text: str, en_text: str) -> float:
    """+1 when every number and Latin word of the Korean is in the English, -1 when none is,
    0 when the Korean has none."""
    ko_anchors = _anchors(ko_text)
    if not ko_anchors:
        return 0.0
    shared = len(ko_anchors & _anchors(en_text)) / len(ko_anchors)
    return 2 * shared - 1


def _bonus(ko_text: str, en_text: str, same_role: bool) -> float:
    """What a pair scores beyond the encoder: same role, shared numbers and Latin words."""
    role = SAME_ROLE_BONUS if same_role else 0.0
    return role + ANCHOR_WEIGHT * _anchor_agreement(ko_text, en_text)


def _pair_scores(ko: Sequence[Segment], en: Sequence[Segment], encoder: Encoder) -> np.ndarray:
    scores = encoder.encode([s.text for s in ko]) @ encoder.encode([s.text for s in en]).T
    en_clutter = [looks_like_clutter(segment) for segment in en]
    for row, ko_segment in enumerate(ko):
        ko_clutter = looks_like_clutter(ko_segment)
        for col, en_segment in enumerate(en):
            if ko_clutter or en_clutter[col]:
                scores[row, col] = 1.0 if _near_identical(ko_segment.text, en_segment.text) else 0.0
                continue
            scores[row, col] += _bonus(ko_segment.text, en_segment.text,
                                       ko_segment.role == en_segment.role)
            if ko_segment.role == en_segment.role == "byline":
                name = _name_similarity(ko_segment, en_segment)
                if name >= NAME_MATCH:
                    scores[row, col] = max(scores[row, col], name)
    return scores


def pair_fragments(segments: Sequence[Segment], encoder: Encoder) -> List[AlignmentRecord]:
    """One record per Korean segment of the article, in document order, paired or not;
    `ko`/`en` index the article's segments."""
    ko = [index for index, s in enumerate(segments) if s.lang in ("ko", "mixed")]
    en = [index for index, s in enumerate(segments) if s.lang == "en"]
    if not ko:
        return []
    scores = _pair_scores([segments[i] for i in ko], [segments[j] for j in en], encoder) \
        if en else np.zeros((len(ko), 0))
    links = _greedy_pairs(scores)
    joiner = _Joiner(segments, ko, en, scores, encoder)
    links.update(joiner.korean_joins(links))
    joiner.add_english_joins(links)
    return [_record(segments, index, [en[col] for col in links[row].cols] if row in links else [],
                    links[row].score if row in links else 0.0)
            for row, index in enumerate(ko)]


def _record(segments: Sequence[Segment], index: int, matches: List[int],
            score: float) -> AlignmentRecord:
    segment = segments[index]
    en_text = " ".join(segments[j].text for j in matches) if matches else None
    en_role = segments[matches[0]].role if matches else ""
    return AlignmentRecord("fragment", segment.source, segment.source, [index], matches,
                           segment.text, en_text, round(float(score), 4), segment.role, en_role)


def _greedy_pairs(scores: np.ndarray) -> Dict[int, _Link]:
    links: Dict[int, _Link] = {}
    taken = set()
    for flat in np.argsort(-scores, axis=None):
        row, col = divmod(int(flat), scores.shape[1])
        if row not in links and col not in taken and scores[row, col] >= DEFAULT_THRESHOLD:
            links[row] = _Link([col], float(scores[row, col]))
            taken.add(col)
    return links


class _Joiner:
    """2-to-1 and 1-to-2 pairs: a sentence left over joins its document neighbour's pair when
    the joined text matches the other side better than the neighbour alone, by a margin."""

    def __init__(self, segments: Sequence[Segment], ko: List[int], en: List[int],
                 scores: np.ndarray, encoder: Encoder) -> None:
        self.segments, self.ko, self.en = segments, ko, en
        self.scores, self.encoder = scores, encoder

    def _joined_score(self, ko: Sequence[int], en: Sequence[int]) -> float:
        """The pair score of Korean segments `ko` joined against English segments `en` joined
        (indices into the article); the role bonus is the first segments'."""
        ko_text, en_text = (" ".join(self.segments[i].text for i in sorted(side))
                            for side in (ko, en))
        rows = self.encoder.encode([ko_text, en_text])
        same_role = self.segments[min(ko)].role == self.segments[min(en)].role
        return float(rows[0] @ rows[1]) + _bonus(ko_text, en_text, same_role)

    def _joinable(self, index: int) -> bool:
        return not looks_like_clutter(self.segments[index])

    def korean_joins(self, links: Dict[int, _Link]) -> Dict[int, _Link]:
        joins: Dict[int, _Link] = {}
        for row, index in enumerate(self.ko):
            if row in links or not self._joinable(index):
                continue
            for neighbour in (row - 1, row + 1):
                link = links.get(neighbour)
                if link is None or len(link.cols) != 1 or abs(self.ko[neighbour] - index) != 1:
                    continue
                col = link.cols[0]
                if self.scores[row, col] < JOIN_PART:
                    continue
                joint = self._joined_score((index, self.ko[neighbour]), (self.en[col],))
                if joint >= link.score + JOIN_GAIN:
                    joins[row] = _Link([col], joint)
                    break
        return joins

    def add_english_joins(self, links: Dict[int, _Link]) -> None:
        taken = {col for link in links.values() for col in link.cols}
        partners: Dict[int, List[int]] = {}
        for row, link in links.items():
            partners.setdefault(link.cols[0], []).append(row)
        for col, rows in partners.items():
            if len(rows) != 1 or not self._joinable(self.ko[rows[0]]):
                continue
            link = links[rows[0]]
            for other in (col - 1, col + 1):
                if other in taken or not 0 <= other < len(self.en) or \
                        abs(self.en[other] - self.en[col]) != 1 or \
                        not self._joinable(self.en[other]) or \
                        self.scores[rows[0], other] < JOIN_PART:
                    continue
                joint = self._joined_score((self.ko[rows[0]],), (self.en[col], self.en[other]))
                if joint >= link.score + JOIN_GAIN:
                    link.cols, link.score = sorted((col, other)), joint
                    taken.add(other)
                    break
