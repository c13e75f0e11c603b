"""XLIFF for pre-translated documents: written as XLIFF 1.2, one trans-unit per segment;
read from XLIFF 1.0, 1.1, 1.2 and 2.0 with each file's languages.

State per origin: a translation-memory match is `translated`, machine translation is
`needs-review-translation`, no translation is `new` (no target). Glossary hits travel as
<note from="glossary">. Segments that are not for translating (boilerplate, credits) are
kept with translate="no", so the document stays whole.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import IO, Iterable, Iterator, List, Optional, Sequence, Tuple

from lxml import etree

from mtalign import __version__
from mtalign.errors import UserError
from mtalign.formats.inline import flat_text, inline_element, to_xliff12
from mtalign.formats.safexml import parse, split_tag

NS = "urn:oasis:names:tc:xliff:document:1.2"
TOOL_ID = "mtalign"


@dataclass
class XliffUnit:
    id: str
    source: str
    target: Optional[str] = None
    state: Optional[str] = None
    translate: bool = True
    notes: List[str] = field(default_factory=list)
    target_markup: bool = False  # target is TMX inline XML from the TM
    languages: Tuple[str, str] = ("ko", "en")  # the file's source and target language, as written


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _target(unit: XliffUnit) -> etree._Element:
    if unit.target_markup:
        target = to_xliff12(inline_element("target", unit.target or ""), NS)
    else:
        target = etree.Element(_q("target"))
        target.text = unit.target
    target.set("state", unit.state or "translated")
    return target


def write_xliff(
    files: Iterable[Tuple[str, Sequence[XliffUnit]]],
    handle: IO[bytes],
    source_language: str = "ko",
    target_language: str = "en",
) -> int:
    root = etree.Element(_q("xliff"), version="1.2", nsmap={None: NS})
    count = 0
    for original, units in files:
        file = etree.SubElement(
            root,
            _q("file"),
            {
                "original": original,
                "source-language": source_language,
                "target-language": target_language,
                "datatype": "plaintext",
                "tool-id": TOOL_ID,
            },
        )
        etree.SubElement(
            etree.SubElement(file, _q("header")),
            _q("tool"),
            {"tool-id": TOOL_ID, "tool-name": "mtalign", "tool-version": __version__},
        )
        body = etree.SubElement(file, _q("body"))
        for unit in units:
            element = etree.SubElement(body, _q("trans-unit"), id=unit.id)
            if not unit.translate:
                element.set("translate", "no")
            etree.SubElement(element, _q("source")).text = unit.source
            if unit.target is not None:
                element.append(_target(unit))
            for note in unit.notes:
                etree.SubElement(element, _q("note"), {"from": "glossary"}).text = note
            count += 1
    handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


XLIFF_1 = {None: "1.0", "urn:oasis:names:tc:xliff:document:1.1": "1.1", NS: "1.2"}
NS_2 = "urn:oasis:names:tc:xliff:document:2.0"


def _local(element) -> str:
    return split_tag(element)[1]


def _child(element, name: str):
    return next((child for child in element if _local(child) == name), None)


def _children(element, name: str) -> list:
    return [child for child in element if _local(child) == name]


_LAYOUT = re.compile(r"^\s*\n\s*|\s*\n\s*$")


def _segment_text(element) -> str:
    """Flattened text without the line breaks and indentation of a pretty-printed file,
    unless xml:space="preserve" says every space counts."""
    text = flat_text(element)
    space = "string(ancestor-or-self::*[@xml:space][1]/@xml:space)"
    if element is not None and element.xpath(space) == "preserve":
        return text
    return _LAYOUT.sub("", text)


def _units_1(root) -> Iterator[XliffUnit]:
    """XLIFF 1.0-1.2: <file source-language target-language> ... <trans-unit> (in <group>s too)."""
    for file in root.iter(
        f"{{{split_tag(root)[0]}}}file" if split_tag(root)[0] else "file"
    ):
        languages = (file.get("source-language") or "", file.get("target-language") or "")
        for element in file.iter(
            f"{{{split_tag(file)[0]}}}trans-unit"
            if split_tag(file)[0]
            else "trans-unit"
        ):
            target = _child(element, "target")
            yield XliffUnit(
                id=element.get("id", ""),
                source=_segment_text(_child(element, "source")),
                target=_segment_text(target) if target is not None else None,
                state=target.get("state") if target is not None else None,
                translate=element.get("translate") != "no",
                notes=[note.text or "" for note in _children(element, "note")],
                languages=languages,
            )


def _units_2(root) -> Iterator[XliffUnit]:
    """XLIFF 2.0: <xliff srcLang trgLang> <file> <unit> <segment>: one XliffUnit per segment."""
    languages = (root.get("srcLang") or "", root.get("trgLang") or "")
    for unit in root.iter(f"{{{NS_2}}}unit"):
        segments = _children(unit, "segment")
        for number, segment in enumerate(segments, start=1):
            target = _child(segment, "target")
            yield XliffUnit(
                id=unit.get("id", "") + (f"-{number}" if len(segments) > 1 else ""),
                source=_segment_text(_child(segment, "source")),
                target=_segment_text(target) if target is not None else None,
                state=segment.get("state", "initial") if target is not None else None,
                translate=unit.get("translate") != "no",
                languages=languages,
                notes=[
                    note.text or ""
                    for notes in _children(unit, "notes")
                    for note in _children(notes, "note")
                ],
            )


def read_xliff(path: str | os.PathLike) -> List[XliffUnit]:
    """Every unit of an XLIFF 1.0, 1.1, 1.2 or 2.0 file with its file's source and target
    language."""
    root = parse(path, keep_blanks=True).getroot()
    namespace = split_tag(root)[0]
    if _local(root) == "xliff" and namespace == NS_2:
        return list(_units_2(root))
    if _local(root) == "xliff" and namespace in XLIFF_1:
        return list(_units_1(root))
    raise UserError(
        f"{path}:{root.sourceline}: root element is <{_local(root)}> in namespace "
        f"{namespace!r}, "
        "not an XLIFF 1.0-1.2 or 2.0 <xliff>"
    )
