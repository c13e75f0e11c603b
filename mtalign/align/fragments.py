"""Korean fragments inside one (mostly English) article -> their English counterparts.

Not monotone: a Korean caption may sit above its English caption, a Korean byline at the
top and the English one further down. Each Korean segment is paired with at most one
English segment, best pairs first (greedy matching on the score), and only when the
score clears a threshold that is stricter for clutter: boilerplate and credit lines pair
with nothing unless a real counterpart exists.
"""

from __future__ import annotations

import difflib
import re
from typing import List, Sequence

import numpy as np

from mtalign.align.encoders import Encoder
from mtalign.hangul import loose_key, romanize_syllable_by_syllable
from mtalign.types import AlignmentRecord, Segment

SAME_ROLE_BONUS = 0.1
THRESHOLD = {"boilerplate": 0.8, "credit": 0.8}
DEFAULT_THRESHOLD = 0.45
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


def _pair_scores(ko: Sequence[Segment], en: Sequence[Segment], encoder: Encoder) -> np.ndarray:
    scores = encoder.encode([s.text for s in ko]) @ encoder.encode([s.text for s in en]).T
    for row, ko_segment in enumerate(ko):
        for col, en_segment in enumerate(en):
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
    scores = (_pair_scores([segments[i] for i in ko], [segments[j] for j in en], encoder) if en
              else np.zeros((len(ko), 0)))
    partner: dict = {}
    taken = set()
    for flat in np.argsort(-scores, axis=None):
        row, col = divmod(int(flat), len(en))
        if row in partner or col in taken:
            continue
        if scores[row, col] >= THRESHOLD.get(segments[ko[row]].role, DEFAULT_THRESHOLD):
            partner[row] = col
            taken.add(col)
    records = []
    for row, index in enumerate(ko):
        segment, col = segments[index], partner.get(row)
        match = segments[en[col]] if col is not None else None
        records.append(AlignmentRecord(
            "fragment", segment.source, segment.source, [index], [en[col]] if match else [],
            segment.text, match.text if match else None,
            round(float(scores[row, col]), 4) if match else 0.0, segment.role, match.role if match else "",
        ))
    return records
