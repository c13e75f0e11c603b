"""The shared vocabulary that flows between pipeline stages: plain, picklable data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

LANGS = ("ko", "en", "mixed", "und")
ROLES = ("headline", "byline", "dateline", "caption", "body", "credit", "boilerplate")


@dataclass(frozen=True)
class Segment:
    """One sentence (or one non-body line) of a document.

    `start`/`end` are character offsets into the document's decoded, normalized text,
    so `document_text[start:end] == text` always holds.
    """

    text: str
    lang: str
    role: str
    source: str
    start: int
    end: int


@dataclass
class Document:
    source: str
    encoding: str
    segments: List[Segment] = field(default_factory=list)


@dataclass
class Bead:
    """One step of an alignment: sentence indices on each side (either may be empty)."""

    ko: List[int]
    en: List[int]
    score: float


@dataclass
class Unit:
    """A translation unit for a translation memory: a Korean text, its English, and where it came from."""

    ko: str
    en: str
    origin: str = "aligned"  # aligned | tm | mt | glossary
    source_file: str = ""
    role: str = ""
    score: Optional[float] = None
