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

Writing then reading gives back the same entries, so export -> import -> export is
byte-identical.
"""

from __future__ import annotations

import os
from typing import IO, Iterable, List

from lxml import etree

from mtalign.errors import UserError
from mtalign.formats.safexml import parse
from mtalign.types import Entry, Variant

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {"style": "admittedTerm-admn-sts", "misspelling": "deprecatedTerm-admn-sts",
          "former": "supersededTerm-admn-sts", "abbreviation": "admittedTerm-admn-sts"}
PREFERRED = "preferredTerm-admn-sts"
_REASON_OF_STATUS = {status: reason for reason, status in STATUS.items() if reason != "abbreviation"}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent, tag: str, text: str = None, **attributes):
    element = etree.SubElement(parent, _q(tag), attributes)
    if text is not None:
        element.text = text
    return element


def _term(lang_sec, form: str, status: str, term_type: str = "fullForm", subsets: Iterable[str] = ()):
    term_sec = _sub(lang_sec, "termSec")
    _sub(term_sec, "term", form)
    _sub(term_sec, "termNote", "properNoun", type="partOfSpeech")
    _sub(term_sec, "termNote", term_type, type="termType")
    _sub(term_sec, "termNote", status, type="administrativeStatus")
    for subset in subsets:
        _sub(term_sec, "admin", subset, type="customerSubset")


def _concept(body, entry: Entry) -> None:
    concept = _sub(body, "conceptEntry", id=entry.id)
    _sub(concept, "descrip", entry.type, type="subjectField")
    if entry.note:
        _sub(concept, "note", entry.note)
    for source in entry.sources:
        _sub(concept, "admin", source, type="source")
    if entry.ko:
        korean = etree.SubElement(concept, _q("langSec"), {XML_LANG: "ko"})
        for index, form in enumerate(entry.ko):
            _term(korean, form, PREFERRED if index == 0 else "admittedTerm-admn-sts")
    if entry.hanja:
        hanja = etree.SubElement(concept, _q("langSec"), {XML_LANG: "ko-Hani"})
        _term(hanja, entry.hanja, PREFERRED)
    english = etree.SubElement(concept, _q("langSec"), {XML_LANG: "en"})
    _term(english, entry.en, PREFERRED, subsets=[s for s, form in entry.styles.items() if form == entry.en])
    for form in dict.fromkeys(form for form in entry.styles.values() if form != entry.en):
        _term(english, form, PREFERRED, subsets=[s for s, f in entry.styles.items() if f == form])
    for variant in entry.variants:
        kind = "abbreviation" if variant.reason == "abbreviation" else "variant"
        _term(english, variant.form, STATUS[variant.reason], term_type=kind)


def write_tbx(entries: Iterable[Entry], handle: IO[bytes]) -> int:
    root = etree.Element(_q("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"}, nsmap={None: NS})
    header = _sub(_sub(root, "tbxHeader"), "fileDesc")
    _sub(_sub(header, "sourceDesc"), "p", "mtalign Korean-English news glossary")
    body = _sub(_sub(root, "text"), "body")
    count = 0
    for entry in entries:
        _concept(body, entry)
        count += 1
    handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


def _notes(term_sec) -> dict:
    return {note.get("type"): note.text for note in term_sec.findall(_q("termNote"))}


def _entry(concept, where: str) -> Entry:
    subject = concept.find(f"{_q('descrip')}[@type='subjectField']")
    langs = {lang.get(XML_LANG): lang.findall(_q("termSec")) for lang in concept.findall(_q("langSec"))}
    if not langs.get("en"):
        raise UserError(f"{where}: conceptEntry {concept.get('id')!r} has no English term")
    default, *others = langs["en"]
    styles, variants = {}, []
    for subset in default.findall(f"{_q('admin')}[@type='customerSubset']"):
        styles[subset.text] = default.findtext(_q("term"))
    for term_sec in others:
        form, notes = term_sec.findtext(_q("term")), _notes(term_sec)
        subsets = term_sec.findall(f"{_q('admin')}[@type='customerSubset']")
        if subsets and notes.get("administrativeStatus") == PREFERRED:
            styles.update({subset.text: form for subset in subsets})
        elif notes.get("termType") == "abbreviation":
            variants.append(Variant(form, "abbreviation"))
        else:
            variants.append(Variant(form, _REASON_OF_STATUS.get(notes.get("administrativeStatus"), "style")))
    hanja = langs.get("ko-Hani") or []
    return Entry(
        id=concept.get("id") or "", type=subject.text if subject is not None else "other",
        ko=[term_sec.findtext(_q("term")) for term_sec in langs.get("ko", [])],
        en=default.findtext(_q("term")), hanja=hanja[0].findtext(_q("term")) if hanja else "",
        styles={style: styles[style] for style in ("yonhap", "kcna", "ap") if style in styles},
        variants=variants, note=concept.findtext(_q("note")) or "",
        sources=[admin.text for admin in concept.findall(f"{_q('admin')}[@type='source']")],
    )


def read_tbx(path: str | os.PathLike) -> List[Entry]:
    root = parse(path).getroot()
    if root.tag != _q("tbx"):
        raise UserError(f"{path}:{root.sourceline}: root element is <{etree.QName(root).localname}>, not a TBX <tbx>")
    return [_entry(concept, f"{path}:{concept.sourceline}") for concept in root.iter(_q("conceptEntry"))]
