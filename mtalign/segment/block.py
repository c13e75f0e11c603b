"""The unit the tagger works on before sentences are split."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Block:
    """A run of text that shares one role: a line, a few wrapped lines, or an HTML element.

    `start` is the character offset of `text` in the document's normalized text.
    """

    start: int
    text: str
    hint: Optional[str] = None  # the role, when the markup already says it (HTML)
