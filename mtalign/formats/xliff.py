"""XLIFF 1.2 for pre-translated documents: one trans-unit per segment.

State per origin: a translation-memory match is `translated`, machine translation is
`needs-review-translation`, no translation is `new` (no target). Glossary hits travel as
<note from="glossary">. Segments that are not for translating (boilerplate, credits) are
kept with translate="no", so the document stays whole.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import IO, Iterable, List, Optional, Sequence, Tuple

from lxml import etree

from mtalign.errors import UserError
from mtalign.formats.safexml import parse

NS = "urn:oasis:names:tc:xliff:document:1.2"


@dataclass
class XliffUnit:
    id: str
    source: str
    target: Optional[str] = None
    state: Optional[str] = None
    translate: bool = True
    notes: List[str] = field(default_factory=list)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def write_xliff(files: Iterable[Tuple[str, Sequence[XliffUnit]]], handle: IO[bytes],
                source_language: str = "ko", target_language: str = "en") -> int:
    root = etree.Element(_q("xliff"), version="1.2", nsmap={None: NS})
    count = 0
    for original, units in files:
        body = etree.SubElement(
            etree.SubElement(
                root,
                _q("file"),
                {
                    "original": original,
                    "source-language": source_language,
                    "target-language": target_language,
                    "datatype": "plaintext",
                    "tool-id": "mtalign",
                },
            ),
            _q("body"),
        )
        for unit in units:
            element = etree.SubElement(body, _q("trans-unit"), id=unit.id)
            if not unit.translate:
                element.set("translate", "no")
            etree.SubElement(element, _q("source")).text = unit.source
            if unit.target is not None:
                etree.SubElement(
                    element, _q("target"), state=unit.state or "translated"
                ).text = unit.target
            for note in unit.notes:
                etree.SubElement(element, _q("note"), {"from": "glossary"}).text = note
            count += 1
    handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    return count


def read_xliff(path: str | os.PathLike) -> List[XliffUnit]:
    root = parse(path).getroot()
    if root.tag != _q("xliff"):
        raise UserError(
            f"{path}:{root.sourceline}: root element is <{etree.QName(root).localname}>, "
            "not an XLIFF 1.2 <xliff>"
        )
    units = []
    for element in root.iter(_q("trans-unit")):
        target = element.find(_q("target"))
        units.append(XliffUnit(
            id=element.get("id", ""), source="".join(element.find(_q("source")).itertext()),
            target="".join(target.itertext()) if target is not None else None,
            state=target.get("state") if target is not None else None,
            translate=element.get("translate") != "no",
            notes=[note.text or "" for note in element.findall(_q("note"))],
        ))
    return units
