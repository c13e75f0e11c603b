"""Korean fragments inside one (mostly English) article -> their English counterparts.

Not monotone: a Korean caption may sit above its English caption, a Korean byline at the
top and the English one further down. Each Korean segment is paired with at most one
English segment, best pairs first (greedy matching on the score), and only when the
score clears a threshold. Boilerplate, credit lines and dates pair only with a
near-identical counterpart (so a timestamp never pairs with a date line or an e-mail
tail in the other language). Then a Korean sentence left over beside a paired neighbour
joins that pair (2-to-1) when the two Korean sentences together match the English one
better than the neighbour alone: one English sentence often translates two Korean ones.
"""

from __future__ import annotations

import difflib
import re
from typing import Dict, List, Sequence

import numpy as np

from mtalign.align.encoders import Encoder
from mtalign.hangul import loose_key, romanize_syllable_by_syllable
from mtalign.types import AlignmentRecord, Segment

SAME_ROLE_BONUS = 0.1
CLUTTER = {"boilerplate", "credit", "dateline"}
NEAR_IDENTICAL = 0.8  # character similarity a clutter pair needs
DEFAULT_THRESHOLD = 0.45
JOIN_GAIN = 0.01  # how much better two Korean sentences must match one English sentence than one
JOIN_PART = 0.3  # and how well the sentence that joins must match it on its own
NAME_MATCH = 0.8
_KO_NAME = re.compile(r"^\[?([가-힣]{2,4})(?:\s*(?:기자|특파원))?\]?$")
_EN_BYLINE = re.compile(r"^(?:By\s+)?([A-Z][a-z]+(?:[ -][A-Za-z]+){1,2})")


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


def _pair_scores(ko: Sequence[Segment], en: Sequence[Segment], encoder: Encoder) -> np.ndarray:
    scores = encoder.encode([s.text for s in ko]) @ encoder.encode([s.text for s in en]).T
    for row, ko_segment in enumerate(ko):
        for col, en_segment in enumerate(en):
            if CLUTTER & {ko_segment.role, en_segment.role}:
                scores[row, col] = 1.0 if _near_identical(ko_segment.text, en_segment.text) else 0.0
                continue
            if ko_segment.role == en_segment.role:
                scores[row, col] += SAME_ROLE_BONUS
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
    ko_segments, en_segments = [segments[i] for i in ko], [segments[j] for j in en]
    scores = _pair_scores(ko_segments, en_segments, encoder) if en else np.zeros((len(ko), 0))
    partner = _greedy_pairs(scores)
    partner.update(_joined_neighbours(ko_segments, en_segments, scores, partner, encoder))
    records = []
    for row, index in enumerate(ko):
        segment, col = segments[index], partner.get(row)
        match = segments[en[col]] if col is not None else None
        records.append(AlignmentRecord(
            "fragment", segment.source, segment.source, [index], [en[col]] if match else [],
            segment.text, match.text if match else None,
            round(float(scores[row, col]), 4) if match else 0.0, segment.role,
            match.role if match else "",
        ))
    return records


def _greedy_pairs(scores: np.ndarray) -> Dict[int, int]:
    partner: Dict[int, int] = {}
    taken = set()
    for flat in np.argsort(-scores, axis=None):
        row, col = divmod(int(flat), scores.shape[1])
        if row not in partner and col not in taken and scores[row, col] >= DEFAULT_THRESHOLD:
            partner[row] = col
            taken.add(col)
    return partner


def _joined_neighbours(ko: Sequence[Segment], en: Sequence[Segment], scores: np.ndarray,
                       partner: Dict[int, int], encoder: Encoder) -> Dict[int, int]:
    """Unpaired Korean sentences that join a neighbour's pair: two Korean sentences, one English."""
    joins: Dict[int, int] = {}
    for row in range(len(ko)):
        if row in partner or ko[row].role in CLUTTER:
            continue
        for neighbour in (row - 1, row + 1):
            col = partner.get(neighbour)
            if col is None or scores[row, col] < JOIN_PART:
                continue
            first, second = sorted((ko[row], ko[neighbour]), key=lambda s: s.start)
            both = encoder.encode([f"{first.text} {second.text}", en[col].text])
            joint = both[:1] @ both[1:].T
            bonus = SAME_ROLE_BONUS if ko[neighbour].role == en[col].role else 0.0
            if float(joint[0, 0]) + bonus >= scores[neighbour, col] + JOIN_GAIN:
                joins[row] = col
                break
    return joins

