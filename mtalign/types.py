"""The shared vocabulary that flows between pipeline stages: plain, picklable data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

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


@dataclass(frozen=True)
class Variant:
    form: str
    reason: str  # style | misspelling | former | abbreviation


@dataclass
class Entry:
    """One concept of the glossary: a person, organization, place, office, event, treaty ..."""

    id: str
    type: str
    ko: List[str]
    en: str
    hanja: str = ""
    styles: Dict[str, str] = field(default_factory=dict)  # house style -> English form
    variants: List[Variant] = field(default_factory=list)
    note: str = ""
    sources: List[str] = field(default_factory=list)

    def english(self, style: Optional[str] = None) -> str:
        """The English form a house style prescribes (the default when the style is silent)."""
        return self.styles.get(style or "", "") or self.en

    def english_forms(self) -> List[str]:
        """Every English spelling this entry knows, canonical ones first, without repeats."""
        forms = [self.en, *self.styles.values(), *(variant.form for variant in self.variants)]
        return list(dict.fromkeys(forms))
