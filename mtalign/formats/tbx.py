"""TBX (ISO 30042), TBX-Basic dialect: one conceptEntry per glossary Entry.

    conceptEntry@id
      descrip[subjectField] = entry type; note = entry note; admin[source] per source
      langSec ko       termSec per Korean form (first preferred)
      langSec ko-Hani  the Hanja form
      langSec en       first termSec = the default English form; termSecs carrying
                       admin[customerSubset] = yonhap | kcna | ap are house-style forms;
                       the rest are variants: admittedTerm = style variant,
                       deprecatedTerm = misspelling, supersededTerm = former name,
                       termType abbreviation = abbreviation.

The same structure is written in two dialects: TBX v3 (ISO 30042:2019, conceptEntry /
langSec / termSec, the default) and TBX v2 (martif / termEntry / langSet / tig), which
older CAT tools, OmegaT and translate-toolkit read; in v2 the Hanja form is a tig of the
Korean langSet with <note>Hanja form</note>, since those readers take a second language
for the target. Writing then reading gives back the same entries in either, so
export -> import -> export is byte-identical.

Reading takes TBX from other tools too: v3 dialects (Basic, Core, Min), v2 martif with or
without a namespace, <tig> and <ntig>; a concept lacking a Korean or an English term is
skipped and counted.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import IO, Iterable, List, Optional

from lxml import etree

from mtalign.errors import UserError
from mtalign.formats.safexml import parse, split_tag
from mtalign.types import ENTRY_TYPES, HOUSE_STYLES, Entry, Variant


@dataclass(frozen=True)
class Dialect:
    namespace: Optional[str]
    root: str
    header: str
    concept: str
    lang: str
    term: str

    def q(self, tag: str) -> str:
        tag = {
            "tbx": self.root,
            "tbxHeader": self.header,
            "conceptEntry": self.concept,
            "langSec": self.lang,
            "termSec": self.term,
        }.get(tag, tag)
        return f"{{{self.namespace}}}{tag}" if self.namespace else tag


NS = "urn:iso:std:iso:30042:ed-2"
V3 = Dialect(NS, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
V2 = Dialect(None, "martif", "martifHeader", "termEntry", "langSet", "tig")
DIALECTS = {"tbx": V3, "tbx-v2": V2}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {
    "style": "admittedTerm-admn-sts",
    "misspelling": "deprecatedTerm-admn-sts",
    "former": "supersededTerm-admn-sts",
    "abbreviation": "admittedTerm-admn-sts",
    "alias": "admittedTerm-admn-sts",
}
TERM_TYPE = {"abbreviation": "abbreviation", "alias": "fullForm"}
PREFERRED = "preferredTerm-admn-sts"
HANJA_NOTE = "Hanja form"
_REASON_OF_STATUS = {status: reason for reason, status in STATUS.items() if reason not in TERM_TYPE}


def _sub(dialect: Dialect, parent, tag: str, text: str = None, **attributes):
    element = etree.SubElement(parent, dialect.q(tag), attributes)
    if text is not None:
        element.text = text
    return element


def _term(
    d: Dialect,
    lang_sec,
    form: str,
    status: str,
    term_type: str = "fullForm",
    subsets: Iterable[str] = (),
    note: str = "",
):
    term_sec = _sub(d, lang_sec, "termSec")
    _sub(d, term_sec, "term", form)
    _sub(d, term_sec, "termNote", "properNoun", type="partOfSpeech")
    _sub(d, term_sec, "termNote", term_type, type="termType")
    _sub(d, term_sec, "termNote", status, type="administrativeStatus")
    for subset in subsets:
        _sub(d, term_sec, "admin", subset, type="customerSubset")
    if note:
        _sub(d, term_sec, "note", note)


def _concept(d: Dialect, body, entry: Entry) -> None:
    concept = _sub(d, body, "conceptEntry", id=entry.id)
    _sub(d, concept, "descrip", entry.type, type="subjectField")
    if entry.note:
        _sub(d, concept, "note", entry.note)
    for source in entry.sources:
        _sub(d, concept, "admin", source, type="source")
    if entry.ko or (entry.hanja and d is V2):
        korean = etree.SubElement(concept, d.q("langSec"), {XML_LANG: "ko"})
        for index, form in enumerate(entry.ko):
            _term(d, korean, form, PREFERRED if index == 0 else "admittedTerm-admn-sts")
    if entry.hanja and d is V3:
        hanja = etree.SubElement(concept, d.q("langSec"), {XML_LANG: "ko-Hani"})
        _term(d, hanja, entry.hanja, PREFERRED)
    elif entry.hanja:  # v2 readers take each langSet for a language: Hanja stays on the Korean side
        _term(d, korean, entry.hanja, "admittedTerm-admn-sts", term_type="variant", note=HANJA_NOTE)
    english = etree.SubElement(concept, d.q("langSec"), {XML_LANG: "en"})
    _term(
        d,
        english,
        entry.en,
        PREFERRED,
        subsets=[s for s, form in entry.styles.items() if form == entry.en],
    )
    for form in dict.fromkeys(form for form in entry.styles.values() if form != entry.en):
        _term(
            d, english, form, PREFERRED, subsets=[s for s, f in entry.styles.items() if f == form]
        )
    for variant in entry.variants:
        _term(
            d,
            english,
            variant.form,
            STATUS[variant.reason],
            term_type=TERM_TYPE.get(variant.reason, "variant"),
        )


def write_tbx(entries: Iterable[Entry], handle: IO[bytes], dialect: str = "tbx") -> int:
    d = DIALECTS[dialect]
    nsmap = {None: d.namespace} if d.namespace else None
    attributes = {"type": "TBX-Basic", XML_LANG: "en", **({"style": "dca"} if d is V3 else {})}
    root = etree.Element(d.q("tbx"), attributes, nsmap=nsmap)
    header = _sub(d, _sub(d, root, "tbxHeader"), "fileDesc")
    _sub(d, _sub(d, header, "sourceDesc"), "p", "mtalign Korean-English news glossary")
    body = _sub(d, _sub(d, root, "text"), "body")
    count = 0
    for entry in entries:
        _concept(d, body, entry)
        count += 1
    handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


@dataclass
class TbxReadReport:
    """What a read left out: concepts lacking a Korean or an English term, counted."""

    concepts: int = 0
    skipped: List[str] = field(default_factory=list)

    def summary(self, path: str) -> str:
        kept = self.concepts - len(self.skipped)
        return (
            f"{path}: {self.concepts} concepts, {kept} Korean-English entries, "
            f"{len(self.skipped)} skipped (no Korean or no English term)"
        )


def _text(element) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _reader_dialect(root) -> Optional[Dialect]:
    """The file's structure: TBX v3 (<tbx>, any dialect) or TBX v2 (<martif>), in any namespace."""
    namespace, name = split_tag(root)
    if name == "tbx":
        return Dialect(namespace, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
    if name == "martif":
        return Dialect(namespace, "martif", "martifHeader", "termEntry", "langSet", "tig")
    return None


def _term_groups(d: Dialect, lang_sec) -> list:
    """The term containers of a language section: termSec (v3), tig or ntig (v2)."""
    return [group for group in lang_sec if group.tag in (d.q("termSec"), d.q("ntig"))]


def _language(code: str) -> str:
    """ko, en or hanja from an xml:lang value in any form (ko-KR, EN_us, ko-Hani); '' for others."""
    parts = code.replace("_", "-").lower().split("-")
    if parts[0] == "ko" and "hani" in parts[1:]:
        return "hanja"
    return parts[0] if parts[0] in ("ko", "en") else ""


@dataclass
class _Term:
    form: str
    notes: dict
    subsets: List[str]


def _terms(d: Dialect, concept) -> dict:
    """Terms of a concept by language (ko, en, hanja), in document order; empty terms left out."""
    by_lang: dict = {}
    for lang_sec in concept.findall(d.q("langSec")):
        lang = _language(lang_sec.get(XML_LANG) or "")
        for group in _term_groups(d, lang_sec) if lang else []:
            form = _text(group.find(f".//{d.q('term')}"))
            if not form:
                continue
            notes = {note.get("type"): _text(note) for note in group.iter(d.q("termNote"))}
            admins = group.iter(d.q("admin"))
            subsets = [_text(a) for a in admins if a.get("type") == "customerSubset"]
            hanja = lang == "hanja" or _text(group.find(d.q("note"))) == HANJA_NOTE
            by_lang.setdefault("hanja" if hanja else lang, []).append(_Term(form, notes, subsets))
    return by_lang


def _english(terms: List[_Term]) -> tuple:
    """(default form, house styles, variants) of the English terms, the first being the default."""
    default, *others = terms
    styles = {subset: default.form for subset in default.subsets}
    variants = []
    for term in others:
        status, kind = term.notes.get("administrativeStatus"), term.notes.get("termType")
        if term.subsets and status == PREFERRED:
            styles.update({subset: term.form for subset in term.subsets})
        elif kind in TERM_TYPE.values():
            variants.append(Variant(term.form, next(r for r, k in TERM_TYPE.items() if k == kind)))
        else:
            variants.append(Variant(term.form, _REASON_OF_STATUS.get(status, "style")))
    return default.form, styles, variants


def _entry_id(raw: Optional[str], number: int) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", (raw or "").lower()).strip("-")
    return slug or f"tbx-{number}"


def _entry(d: Dialect, concept, number: int) -> Optional[Entry]:
    """The concept as a glossary Entry; None when it lacks a Korean or an English term."""
    terms = _terms(d, concept)
    if not terms.get("ko") or not terms.get("en"):
        return None
    en, styles, variants = _english(terms["en"])
    subject = _text(concept.find(f"{d.q('descrip')}[@type='subjectField']"))
    return Entry(
        id=_entry_id(concept.get("id"), number),
        type=subject if subject in ENTRY_TYPES else "other",
        ko=[term.form for term in terms["ko"]],
        en=en,
        hanja=terms["hanja"][0].form if terms.get("hanja") else "",
        styles={style: styles[style] for style in HOUSE_STYLES if style in styles},
        variants=variants,
        note=_text(concept.find(d.q("note"))),
        sources=[
            _text(a)
            for a in concept.findall(d.q("admin"))
            if a.get("type") == "source" and _text(a)
        ],
    )


def read_tbx(path: str | os.PathLike, report: Optional[TbxReadReport] = None) -> List[Entry]:
    """Korean-English entries of a TBX file: TBX v3 (Basic, Core, Min ...) or TBX v2 (martif,
    with or without a namespace, tig or ntig). Concepts without a Korean or an English term
    are skipped and counted in `report`, never failing the file."""
    root = parse(path).getroot()
    d = _reader_dialect(root)
    if d is None:
        raise UserError(
            f"{path}:{root.sourceline}: root element is <{split_tag(root)[1]}>, "
            "not TBX <tbx> (v3) or <martif> (v2)"
        )
    report = report if report is not None else TbxReadReport()
    entries = []
    for number, concept in enumerate(root.iter(d.q("conceptEntry")), start=1):
        report.concepts += 1
        entry = _entry(d, concept, number)
        if entry is None:
            name = concept.get("id") or number
            report.skipped.append(
                f"{path}:{concept.sourceline}: concept {name} has no Korean or no English term"
            )
        else:
            entries.append(entry)
    return entries
