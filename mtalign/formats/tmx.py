"""TMX 1.4b writer: streaming (lxml.etree.xmlfile), one <tu> per Unit, valid against the DTD.

Characters XML cannot carry (C0 controls, U+FFFE/U+FFFF, lone surrogates) are removed and
counted in the report; the unit itself is always written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import IO, Iterable

from lxml import etree

from mtalign import __version__
from mtalign.types import Unit

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass
class TmxReport:
    units: int = 0
    characters_removed: int = 0
    units_with_removed_characters: int = 0


def _clean(text: str, report: TmxReport) -> str:
    cleaned, removed = _XML_ILLEGAL.subn("", text)
    report.characters_removed += removed
    return cleaned


def write_tmx(units: Iterable[Unit], handle: IO[bytes], srclang: str = "ko", tgtlang: str = "en") -> TmxReport:
    """Write units as TMX 1.4b to a binary handle; returns what was written and removed."""
    report = TmxReport()
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with etree.xmlfile(handle, encoding="UTF-8") as xml:
        xml.write_declaration()
        xml.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        with xml.element("tmx", version="1.4"):
            xml.write(etree.Element("header", {
                "creationtool": "mtalign", "creationtoolversion": __version__, "segtype": "sentence",
                "o-tmf": "mtalign-jsonl", "adminlang": "en", "srclang": srclang, "datatype": "plaintext",
                "creationdate": stamp,
            }))
            with xml.element("body"):
                for unit in units:
                    xml.write(_tu(unit, report, stamp, srclang, tgtlang))
                    report.units += 1
    return report


def _tu(unit: Unit, report: TmxReport, stamp: str, srclang: str, tgtlang: str) -> etree._Element:
    before = report.characters_removed
    tu = etree.Element("tu", tuid=str(report.units + 1), creationdate=stamp)
    props = {"x-source-file": unit.source_file, "x-role": unit.role, "x-origin": unit.origin,
             "x-score": "" if unit.score is None else f"{unit.score:.4f}"}
    for kind, value in props.items():
        if value:
            etree.SubElement(tu, "prop", type=kind).text = _clean(value, report)
    for lang, text in ((srclang, unit.ko), (tgtlang, unit.en)):
        tuv = etree.SubElement(tu, "tuv", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
        etree.SubElement(tuv, "seg").text = _clean(text, report)
    if report.characters_removed > before:
        report.units_with_removed_characters += 1
    return tu
