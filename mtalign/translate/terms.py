"""Keeping glossary terms in the house style through machine translation.

1. Each glossary term in the source is replaced by a placeholder (TERM1, TERM2 ...), which
   translation models copy as an unknown capitalized token.
2. After translation each placeholder becomes the style's canonical English.
3. Where the model dropped or garbled a placeholder, the segment is translated again in
   pieces around its terms, and the canonical terms are spliced in between: the term is
   then certainly there, in canonical form, and the QA report says the segment was spliced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

from mtalign.glossary import TermFinder, TermHit

_PLACEHOLDER = "TERM{}"


@dataclass
class Protected:
    source: str
    masked: str
    terms: List[Tuple[str, str]] = field(default_factory=list)  # (placeholder, canonical English)
    hits: List[TermHit] = field(default_factory=list)


def protect(text: str, finder: TermFinder, style: Optional[str]) -> Protected:
    hits = finder.find(text)
    masked, terms, cursor = [], [], 0
    for number, hit in enumerate(hits, start=1):
        placeholder = _PLACEHOLDER.format(number)
        masked.append(text[cursor:hit.start] + placeholder)
        terms.append((placeholder, hit.english(style)))
        cursor = hit.end
    masked.append(text[cursor:])
    return Protected(text, "".join(masked), terms, hits)


def restore(protected: Protected, translation: str) -> Optional[str]:
    """The translation with canonical terms, or None when a placeholder did not survive."""
    for placeholder, _ in protected.terms:
        if len(re.findall(rf"\b{placeholder}\b", translation)) != 1:
            return None
    for placeholder, english in reversed(protected.terms):  # TERM12 before TERM1
        translation = re.sub(rf"\b{placeholder}\b", english, translation)
    return translation


def splice(protected: Protected, translate: Callable[[Sequence[str]], List[str]]) -> str:
    """Translate the text between terms and put the canonical terms between the pieces."""
    pieces, cursor = [], 0
    for hit in protected.hits:
        pieces.append(protected.source[cursor:hit.start])
        cursor = hit.end
    pieces.append(protected.source[cursor:])
    wanted = [piece.strip() for piece in pieces if piece.strip()]
    translated = iter(translate(wanted)) if wanted else iter(())
    out = []
    for index, piece in enumerate(pieces):
        if piece.strip():
            out.append(next(translated))
        if index < len(protected.terms):
            out.append(protected.terms[index][1])
    return " ".join(part for part in out if part)
