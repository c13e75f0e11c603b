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
older CAT tools, OmegaT and translate-toolkit read. Writing then reading gives back the
same entries in either, so export -> import -> export is byte-identical.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO, Iterable, List, Optional

from lxml import etree

from mtalign.errors import UserError
from mtalign.formats.safexml import parse
from mtalign.types import HOUSE_STYLES, Entry, Variant


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
STATUS = {"style": "admittedTerm-admn-sts", "misspelling": "deprecatedTerm-admn-sts",
          "former": "supersededTerm-admn-sts", "abbreviation": "admittedTerm-admn-sts",
          "alias": "admittedTerm-admn-sts"}
TERM_TYPE = {"abbreviation": "abbreviation", "alias": "fullForm"}
PREFERRED = "preferredTerm-admn-sts"
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
):
    term_sec = _sub(d, lang_sec, "termSec")
    _sub(d, term_sec, "term", form)
    _sub(d, term_sec, "termNote", "properNoun", type="partOfSpeech")
    _sub(d, term_sec, "termNote", term_type, type="termType")
    _sub(d, term_sec, "termNote", status, type="administrativeStatus")
    for subset in subsets:
        _sub(d, term_sec, "admin", subset, type="customerSubset")


def _concept(d: Dialect, body, entry: Entry) -> None:
    concept = _sub(d, body, "conceptEntry", id=entry.id)
    _sub(d, concept, "descrip", entry.type, type="subjectField")
    if entry.note:
        _sub(d, concept, "note", entry.note)
    for source in entry.sources:
        _sub(d, concept, "admin", source, type="source")
    if entry.ko:
        korean = etree.SubElement(concept, d.q("langSec"), {XML_LANG: "ko"})
        for index, form in enumerate(entry.ko):
            _term(d, korean, form, PREFERRED if index == 0 else "admittedTerm-admn-sts")
    if entry.hanja:
        hanja = etree.SubElement(concept, d.q("langSec"), {XML_LANG: "ko-Hani"})
        _term(d, hanja, entry.hanja, PREFERRED)
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


def _notes(d: Dialect, term_sec) -> dict:
    return {note.get("type"): note.text for note in term_sec.findall(d.q("termNote"))}


def _entry(d: Dialect, concept, where: str) -> Entry:
    subject = concept.find(f"{d.q('descrip')}[@type='subjectField']")
    langs = {
        lang.get(XML_LANG): lang.findall(d.q("termSec")) for lang in concept.findall(d.q("langSec"))
    }
    if not langs.get("en"):
        raise UserError(f"{where}: conceptEntry {concept.get('id')!r} has no English term")
    default, *others = langs["en"]
    styles, variants = {}, []
    for subset in default.findall(f"{d.q('admin')}[@type='customerSubset']"):
        styles[subset.text] = default.findtext(d.q("term"))
    for term_sec in others:
        form, notes = term_sec.findtext(d.q("term")), _notes(d, term_sec)
        subsets = term_sec.findall(f"{d.q('admin')}[@type='customerSubset']")
        if subsets and notes.get("administrativeStatus") == PREFERRED:
            styles.update({subset.text: form for subset in subsets})
        elif notes.get("termType") in TERM_TYPE.values():
            reason = next(r for r, kind in TERM_TYPE.items() if kind == notes.get("termType"))
            variants.append(Variant(form, reason))
        else:
            variants.append(
                Variant(form, _REASON_OF_STATUS.get(notes.get("administrativeStatus"), "style"))
            )
    hanja = langs.get("ko-Hani") or []
    return Entry(
        id=concept.get("id") or "", type=subject.text if subject is not None else "other",
        ko=[term_sec.findtext(d.q("term")) for term_sec in langs.get("ko", [])],
        en=default.findtext(d.q("term")), hanja=hanja[0].findtext(d.q("term")) if hanja else "",
        styles={style: styles[style] for style in HOUSE_STYLES if style in styles},
        variants=variants, note=concept.findtext(d.q("note")) or "",
        sources=[admin.text for admin in concept.findall(f"{d.q('admin')}[@type='source']")],
    )


def read_tbx(path: str | os.PathLike) -> List[Entry]:
    """Entries of a TBX v3 or v2 (martif) file written in this module's structure."""
    root = parse(path).getroot()
    d = next((dialect for dialect in DIALECTS.values() if root.tag == dialect.q("tbx")), None)
    if d is None:
        raise UserError(
            f"{path}:{root.sourceline}: root element is <{etree.QName(root).localname}>, "
            "not TBX <tbx> or <martif>"
        )
    return [
        _entry(d, concept, f"{path}:{concept.sourceline}")
        for concept in root.iter(d.q("conceptEntry"))
    ]
