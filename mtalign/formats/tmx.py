"""TMX 1.4b: a streaming writer (lxml.etree.xmlfile), a streaming reader (iterparse), a
validator and a merger, all in bounded memory whatever the file size.

Writing: one <tu> per Unit, valid against the TMX 1.4b DTD. Characters XML cannot carry
(C0 controls, U+FFFE/U+FFFF, lone surrogates) are removed and counted in the report; the
unit itself is always written.

Reading: language codes in any form (ko, ko-KR, KO-KR, en_US) and the deprecated `lang`
attribute; inline markup (<bpt>, <ept>, <ph>, <it>, <ut>, <hi>) flattened to text or kept
as inline XML (a Unit with markup=True is written back as elements); no entity expansion,
no DTD or network fetch; bad files are refused with their line.

Validating: the TMX 1.4b DTD shipped beside this module (as xmllint --dtdvalid would), a
chunk of units at a time, plus checks a DTD cannot make. Merging: TMX 1.1-1.4b in, one
valid TMX 1.4b out, headers merged by the rule of _merged_header.
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
from mtalign.formats.inline import flat_text, inline_element
from mtalign.formats.safexml import check_prolog, expand_entities, syntax_error
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
    props = {
        "x-source-file": unit.source_file,
        "x-role": unit.role,
        "x-origin": unit.origin,
        "x-score": "" if unit.score is None else f"{unit.score:.4f}",
    }
    for kind, value in props.items():
        if value:
            etree.SubElement(tu, "prop", type=kind).text = _clean(value, report)
    for lang, text in ((srclang, unit.ko), (tgtlang, unit.en)):
        tuv = etree.SubElement(tu, "tuv", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
        if unit.markup:
            tuv.append(inline_element("seg", _clean(text, report)))
        else:
            etree.SubElement(tuv, "seg").text = _clean(text, report)
    if report.characters_removed > before:
        report.units_with_removed_characters += 1
    return tu


# --- reading ------------------------------------------------------------------------------

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
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
    return flat_text(seg)


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _iterparse(path: str):
    """(event, element) pairs of a TMX file, refusing entity tricks, a wrong root and bad XML."""
    check_prolog(path)
    events = etree.iterparse(
        path,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        event, root = next(events)
        if root.tag != "tmx":
            raise UserError(f"{path}:{root.sourceline}: root element is <{root.tag}>, not <tmx>")
        yield event, root
        yield from events
    except etree.XMLSyntaxError as err:
        raise syntax_error(path, err, "TMX") from None
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
            expand_entities(element, path)
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
            yield Unit(
                texts["ko"],
                texts["en"],
                props.get("x-origin") or "tm",
                props.get("x-source-file", ""),
                props.get("x-role", ""),
                _score(props.get("x-score")),
                markup=keep_markup,
            )
        elif report is not None:
            report.skipped.append(
                f"{path}:{tu.sourceline}: <tu> without both a Korean and an English segment"
            )


def _score(text: Optional[str]) -> Optional[float]:
    """An x-score prop as a number; other tools' props of that name may hold anything: then None."""
    try:
        return float(text) if text else None
    except ValueError:
        return None


@dataclass
class TmxReadReport:
    units: int = 0
    skipped: List[str] = field(default_factory=list)


DTD_FILE = os.path.join(os.path.dirname(__file__), "tmx14.dtd")
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_CHUNK = 1000  # <tu>s validated at a time, so memory stays flat on huge files


@dataclass
class Validation:
    """`dtd`: what DTD validation against the TMX 1.4b DTD reports (as xmllint --dtdvalid would);
    `other`: checks the DTD cannot make (language codes, the source language present in each
    unit)."""

    dtd: List[str] = field(default_factory=list)
    other: List[str] = field(default_factory=list)

    @property
    def problems(self) -> List[str]:
        return self.dtd + self.other


def _dtd_errors(dtd: etree.DTD, tree, path: str, seen: set) -> List[str]:
    if dtd.validate(tree):
        return []
    new = [
        f"{path}:{error.line}: {error.message}"
        for error in dtd.error_log
        if (error.line, error.message) not in seen
    ]
    seen.update((error.line, error.message) for error in dtd.error_log)
    return new


def _language_checks(path: str, tu, header: Optional[etree._Element]) -> List[str]:
    problems = []
    langs = []
    for tuv in tu.findall("tuv"):
        code = tuv.get(_XML_LANG) or tuv.get("lang") or ""
        langs.append(code.lower())
        if code and not _LANGUAGE_CODE.match(code):
            problems.append(f"{path}:{tuv.sourceline}: {code!r} is not a language code (RFC 4646)")
    srclang = header.get("srclang") if header is not None else None
    source = (tu.get("srclang") or srclang or "").lower()
    if source and source != "*all*" and langs and source not in langs:
        problems.append(
            f"{path}:{tu.sourceline}: <tu> has no <tuv> in its source language {source!r}"
        )
    return problems


def validate(path: str | os.PathLike) -> Validation:
    """Validate a TMX file against the TMX 1.4b DTD shipped with mtalign (no network) plus the
    checks a DTD cannot make; each problem names its line."""
    path = os.fspath(path)
    dtd = etree.DTD(DTD_FILE)
    result, seen, chunk, header, root = Validation(), set(), [], None, None
    for event, element in _iterparse(path):
        root = element if root is None else root
        if event != "end":
            continue
        if element.tag == "header":
            header = element
            result.other.extend(_srclang_check(path, header))
        elif element.tag == "tu":
            result.other.extend(_language_checks(path, element, header))
            chunk.append(element)
            if len(chunk) == _CHUNK and header is not None:
                result.dtd.extend(_dtd_errors(dtd, _chunk_document(header, chunk), path, seen))
                chunk.clear()
    if root is not None:
        result.dtd.extend(_dtd_errors(dtd, root.getroottree(), path, seen))
    return result


def _chunk_document(header: etree._Element, tus: List[etree._Element]) -> etree._Element:
    """A document of the header and these completed units, moved out of the file's tree: the
    parser reads ahead, so the tree itself may end in a unit still being built."""
    document = etree.Element("tmx", version="1.4")
    document.append(copy.deepcopy(header))
    etree.SubElement(document, "body").extend(tus)
    return document


def _srclang_check(path: str, header: etree._Element) -> List[str]:
    srclang = header.get("srclang") or ""
    if srclang == "*all*" or _LANGUAGE_CODE.match(srclang):
        return []
    return [f"{path}:{header.sourceline}: srclang {srclang!r} is not a language code"]


OPTIONAL_HEADER_ATTRIBUTES = ("o-encoding", "creationdate", "creationid", "changedate", "changeid")
HEADER_DEFAULTS = {
    "creationtool": "unknown",
    "creationtoolversion": "unknown",
    "segtype": "sentence",
    "o-tmf": "unknown",
    "adminlang": "en",
    "srclang": "*all*",
    "datatype": "unknown",
}


@dataclass
class MergeReport:
    kept: int = 0
    dropped: int = 0
    disagreements: List[str] = field(default_factory=list)


def _file_header(path: str) -> etree._Element:
    """The <header> of a TMX file (an empty one when it has none), read without its body."""
    for event, element in _iterparse(path):
        if event == "end" and element.tag == "header":
            return copy.deepcopy(element)
        if event == "start" and element.tag == "body":
            break
    return etree.Element("header")


def _upgrade(element: etree._Element) -> etree._Element:
    """TMX 1.1-1.3 to 1.4b: the `lang` attribute becomes xml:lang (<tuv>, <note>, <prop> ...)."""
    for node in element.iter():
        if node.get("lang") is not None:
            if node.get(_XML_LANG) is None:
                node.set(_XML_LANG, node.get("lang"))
            del node.attrib["lang"]
    return element


def _merged_header(
    headers: Sequence[Tuple[str, etree._Element]], report: MergeReport
) -> etree._Element:
    """One header for the merged files. Rule: an attribute the inputs agree on (ignoring case) is
    kept; when they disagree, srclang becomes *all* (each unit then names its own source language)
    and any other attribute keeps the first file's value; a missing required attribute gets a
    default. <note>, <prop> and <ude> of every header are kept, repeats once, <ude>s of the same
    name joined (_header_children)."""
    header = etree.Element("header")
    for name in (*HEADER_ATTRIBUTES, *OPTIONAL_HEADER_ATTRIBUTES):
        values = list({v.lower(): v for v in (h.get(name) for _, h in headers) if v}.values())
        value = (
            values[0]
            if len(values) == 1
            else "*all*"
            if name == "srclang" and values
            else values[0]
            if values
            else HEADER_DEFAULTS.get(name)
        )
        if len(values) > 1:
            report.disagreements.append(
                f"header {name}: the inputs say {', '.join(values)}; the merge has {value}"
            )
        if value is not None:
            header.set(name, value)
    header.extend(_header_children(file_header for _, file_header in headers))
    return header


def _header_children(headers: Iterable[etree._Element]) -> List[etree._Element]:
    """<note>, <prop> and <ude> of every header in order, repeats once, <ude>s of a name joined."""
    children, udes = {}, {}
    for child in (child for header in headers for child in header):
        name = child.get("name")
        if child.tag == "ude" and name in udes:
            known = {etree.tostring(m) for m in udes[name]}
            udes[name].extend(m for m in child if etree.tostring(m) not in known)
            continue
        if child.tag == "ude":
            udes[name] = child
        children.setdefault(etree.tostring(child, with_tail=False), child)
    return list(children.values())


def _unit_key(tu) -> bytes:
    """Languages and segments with inline markup: units differing only in markup stay apart."""
    texts = sorted((language(tuv), seg_text(tuv.find("seg"), True)) for tuv in tu.findall("tuv"))
    return hashlib.blake2b(json.dumps(texts).encode(), digest_size=16).digest()


def merge(paths: Sequence[str], handle: IO[bytes]) -> MergeReport:
    """Merge TMX files (1.1-1.4) into one valid TMX 1.4b file: headers merged by the rule of
    _merged_header, `lang` upgraded to xml:lang, a unit whose languages and segments (markup
    included) repeat an earlier one dropped; each unit keeps its file's source language."""
    report, seen = MergeReport(), set()
    headers = [(path, _upgrade(_file_header(path))) for path in paths]
    header = _merged_header(headers, report)
    out_srclang = header.get("srclang").lower()
    with etree.xmlfile(handle, encoding="UTF-8") as xml:
        xml.write_declaration()
        with xml.element("tmx", version="1.4"):
            xml.write(header)
            with xml.element("body"):
                for path, file_header in headers:
                    srclang = file_header.get("srclang") or ""
                    for tu in iter_tus(path):
                        key = _unit_key(tu)
                        if key in seen:
                            report.dropped += 1
                            continue
                        seen.add(key)
                        unit = _upgrade(copy.deepcopy(tu))
                        if srclang and not unit.get("srclang") and srclang.lower() != out_srclang:
                            unit.set("srclang", srclang)
                        xml.write(unit)
                        report.kept += 1
    return report
