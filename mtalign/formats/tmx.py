"""TMX 1.4b: a streaming writer (lxml.etree.xmlfile), a streaming reader (iterparse), a
validator and a merger, all in bounded memory whatever the file size.

Writing: one <tu> per Unit, valid against the TMX 1.4b DTD. Characters XML cannot carry
(C0 controls, U+FFFE/U+FFFF, lone surrogates) are removed and counted in the report; the
unit itself is always written.

Reading: language codes in any form (ko, ko-KR, KO-KR, en_US) and the deprecated `lang`
attribute; inline markup (<bpt>, <ept>, <ph>, <it>, <ut>, <hi>) flattened to text or kept
as inline XML; no entity expansion, no DTD or network fetch; bad files are refused with
their line.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator, List, Optional, Sequence, Tuple

from lxml import etree

from mtalign import __version__
from mtalign.errors import UserError
from mtalign.formats.safexml import check_prolog
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


def _header(stamp: str, srclang: str) -> etree._Element:
    return etree.Element(
        "header",
        {
            "creationtool": "mtalign",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "mtalign",
            "adminlang": "en",
            "srclang": srclang,
            "datatype": "plaintext",
            "creationdate": stamp,
        },
    )


def write_tmx(
    units: Iterable[Unit], handle: IO[bytes], srclang: str = "ko", tgtlang: str = "en"
) -> TmxReport:
    """Write units as TMX 1.4b to a binary handle; returns what was written and removed."""
    report = TmxReport()
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with etree.xmlfile(handle, encoding="UTF-8") as xml:
        xml.write_declaration()
        with xml.element("tmx", version="1.4"):
            xml.write(_header(stamp, srclang))
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


# --- reading ------------------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODE_TAGS = {"bpt", "ept", "it", "ph", "ut"}  # native codes, not text
HEADER_ATTRIBUTES = (
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
)


def language(tuv) -> str:
    """ko, en ... from xml:lang or the deprecated lang attribute, in any case or region form."""
    code = tuv.get(_XML_LANG) or tuv.get("lang") or ""
    return code.replace("_", "-").split("-")[0].lower()


def seg_text(seg, keep_markup: bool) -> str:
    """The segment as plain text (codes dropped, <hi> text kept) or as its inline XML."""
    if seg is None:
        return ""
    if keep_markup:
        inner = [etree.tostring(child, encoding="unicode", with_tail=True) for child in seg]
        return (xml_escape(seg.text or "")) + "".join(inner)
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in _CODE_TAGS:
            parts.append(seg_text(child, False))
        parts.append(child.tail or "")
    return "".join(parts)


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _iterparse(path: str):
    """(event, element) pairs of a TMX file, refusing entity tricks, a wrong root and bad XML."""
    check_prolog(path)
    events = etree.iterparse(path, events=("start", "end"), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False, remove_comments=True)
    try:
        event, root = next(events)
        if root.tag != "tmx":
            raise UserError(f"{path}:{root.sourceline}: root element is <{root.tag}>, not <tmx>")
        yield event, root
        yield from events
    except etree.XMLSyntaxError as err:
        raise UserError(f"{path}:{err.lineno}: malformed TMX ({err.msg})") from None
    except StopIteration:
        raise UserError(f"{path}: empty file, not TMX") from None


def _props(tu) -> dict:
    return {prop.get("type"): prop.text or "" for prop in tu.findall("prop")}


def _free(element) -> None:
    """Drop a handled element and its earlier siblings, so memory stays flat on huge files."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def iter_tus(path: str | os.PathLike):
    """Each <tu> element in turn; handled elements are freed."""
    for event, element in _iterparse(os.fspath(path)):
        if event == "end" and element.tag == "tu":
            yield element
            _free(element)


def read_units(
    path: str | os.PathLike, keep_markup: bool = False, report: Optional["TmxReadReport"] = None
) -> Iterator[Unit]:
    """Korean-English units of a TMX file; units lacking either language are counted, not
    returned.
    """
    for tu in iter_tus(path):
        texts = {}
        for tuv in tu.findall("tuv"):
            texts.setdefault(language(tuv), seg_text(tuv.find("seg"), keep_markup))
        if report is not None:
            report.units += 1
        if texts.get("ko") and texts.get("en"):
            props = _props(tu)
            score = props.get("x-score")
            yield Unit(
                texts["ko"],
                texts["en"],
                props.get("x-origin") or "tm",
                props.get("x-source-file", ""),
                props.get("x-role", ""),
                float(score) if score else None,
            )
        elif report is not None:
            report.skipped.append(
                f"{path}:{tu.sourceline}: <tu> without both a Korean and an English segment"
            )


@dataclass
class TmxReadReport:
    units: int = 0
    skipped: List[str] = field(default_factory=list)


def validate(path: str | os.PathLike) -> List[str]:
    """Problems that make a file invalid TMX 1.4b, each with its line; empty when valid."""
    path = os.fspath(path)
    problems: List[str] = []
    header_seen = False
    for event, element in _iterparse(path):
        if event != "end":
            if element.tag == "tmx" and element.get("version") != "1.4":
                problems.append(
                    f"{path}:{element.sourceline}: <tmx version> is {element.get('version')!r}, "
                    "not '1.4'"
                )
            continue
        if element.tag == "header":
            header_seen = True
            missing = [name for name in HEADER_ATTRIBUTES if not element.get(name)]
            if missing:
                problems.append(f"{path}:{element.sourceline}: <header> lacks {', '.join(missing)}")
        elif element.tag == "tuv":
            if not language(element):
                problems.append(f"{path}:{element.sourceline}: <tuv> without xml:lang")
            if element.find("seg") is None:
                problems.append(f"{path}:{element.sourceline}: <tuv> without <seg>")
        elif element.tag == "tu":
            if not element.findall("tuv"):
                problems.append(f"{path}:{element.sourceline}: <tu> without <tuv>")
            _free(element)
    if not header_seen:
        problems.append(f"{path}: no <header>")
    return problems


def merge(paths: Sequence[str], handle: IO[bytes]) -> Tuple[int, int]:
    """Copy every <tu> of the files into one TMX, dropping repeats of the same Korean-English
    pair (compared as plain text); markup and props are kept as they are. Returns (kept,
    dropped)."""
    seen, kept, dropped = set(), 0, 0
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with etree.xmlfile(handle, encoding="UTF-8") as xml:
        xml.write_declaration()
        with xml.element("tmx", version="1.4"):
            xml.write(_header(stamp, "ko"))
            with xml.element("body"):
                for path in paths:
                    for tu in iter_tus(path):
                        texts = {
                            language(tuv): seg_text(tuv.find("seg"), False)
                            for tuv in tu.findall("tuv")
                        }
                        key = hashlib.blake2b(
                            json.dumps(sorted(texts.items())).encode(), digest_size=16
                        ).digest()
                        if key in seen:
                            dropped += 1
                            continue
                        seen.add(key)
                        kept += 1
                        xml.write(copy.deepcopy(tu))
    return kept, dropped
