"""The shared vocabulary that flows between pipeline stages: plain, picklable data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional

from mtalign.errors import UserError

# Segment roles kept in every output but never translated (nor pre-translated).
NOT_FOR_TRANSLATION = frozenset({"boilerplate", "credit"})
# The house styles a glossary entry may give its own English form for.
HOUSE_STYLES = ("yonhap", "kcna", "ap")
# Romanization systems: news house styles for names (yonhap, kcna) and strict RR / MR.
ROMANIZATION_STYLES = ("yonhap", "kcna", "rr", "mr")
ENTRY_TYPES = ("person", "organization", "place", "office", "event", "treaty", "media", "other")
VARIANT_REASONS = ("style", "misspelling", "former", "abbreviation", "alias")
_VARIANT = re.compile(r"^(?P<form>.+?)\s*\[(?P<reason>[a-z]+)\]$")


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
    """A translation unit for a translation memory: a Korean text, its English, and where it came
    from.
    """

    ko: str
    en: str
    origin: str = "aligned"  # aligned | tm | mt | glossary
    source_file: str = ""
    role: str = ""
    score: Optional[float] = None
    markup: bool = False  # texts are TMX inline XML (<bpt>, <ph> ... from --markup keep)


@dataclass
class AlignmentRecord:
    """One record of an alignment: a bead of two parallel documents (kind "bead") or a Korean
    fragment of a mixed article with its English counterpart (kind "fragment").

    `ko`/`en` are indices into each document's sentences (segments, for fragments), either
    side possibly empty; `ko_text`/`en_text` are those sentences joined by a space, None for
    an empty side.
    """

    kind: str
    source: str       # the Korean document
    en_source: str    # the English document (the same article for a fragment)
    ko: List[int]
    en: List[int]
    ko_text: Optional[str]
    en_text: Optional[str]
    score: float
    ko_role: str = ""
    en_role: str = ""

    def unit(self) -> Optional[Unit]:
        """The translation unit of a paired record; None when one side is empty."""
        if not (self.ko_text and self.en_text):
            return None
        return Unit(self.ko_text, self.en_text, "aligned", self.source, self.ko_role, self.score)


@dataclass(frozen=True)
class Variant:
    form: str
    reason: str  # one of VARIANT_REASONS


def format_variants(variants: Iterable[Variant]) -> str:
    """The one cell form of variants: `form [reason] | form [reason]`."""
    return " | ".join(f"{variant.form} [{variant.reason}]" for variant in variants)


def parse_variants(cell: str, where: str) -> List[Variant]:
    """Read a `form [reason] | ...` cell back; `where` (file:line) names a malformed part."""
    variants = []
    for part in filter(None, (part.strip() for part in cell.split("|"))):
        match = _VARIANT.match(part)
        if not match or match.group("reason") not in VARIANT_REASONS:
            raise UserError(
                f"{where}: variant {part!r} must look like 'form [reason]' with reason one "
                f"of {', '.join(VARIANT_REASONS)}"
            )
        variants.append(Variant(match.group("form"), match.group("reason")))
    return variants


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

    def self_registered(self) -> bool:
        """A person known from a spelling they registered (film database, National Assembly),
        not from a newsroom's: such spellings say little about how news writes the name."""
        return self.type == "person" and "registered as" in self.note


@dataclass
class Finding:
    """A name written off the glossary or off its own other spellings, at file:line:col."""

    file: str
    line: int
    col: int
    text: str
    suggestion: str
    kind: str
    entry: Optional[str]
    fixable: bool = True  # --fix applies it: the right form is known (glossary, house style)
