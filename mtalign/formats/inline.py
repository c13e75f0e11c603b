"""Inline markup of TMX and XLIFF segments, flattened to the text a translator reads.

Native codes (TMX/XLIFF 1.2 <bpt>, <ept>, <ph>, <it>, <ut>) hold the original format's
markup, not text, so they are dropped; <hi>, <g>, <mrk>, <pc> wrap text, which is kept.
Elements are matched by local name, so the XLIFF namespaces make no difference.
"""

from __future__ import annotations

from lxml import etree

from mtalign.formats.safexml import split_tag

CODE_TAGS = frozenset({"bpt", "ept", "it", "ph", "ut"})


def flat_text(element) -> str:
    """The element's text with native codes dropped; '' for None."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and split_tag(child)[1] not in CODE_TAGS:
            parts.append(flat_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def inline_element(tag: str, inner_xml: str) -> etree._Element:
    """An element holding inline XML kept from a TMX segment (`<seg>` content); text that is not
    well-formed XML is kept as text."""
    try:
        return etree.fromstring(f"<{tag}>{inner_xml}</{tag}>", _PARSER)
    except etree.XMLSyntaxError:
        element = etree.Element(tag)
        element.text = inner_xml
        return element


def markup_text(inner_xml: str) -> str:
    """The plain text of kept inline XML, as flat_text gives it."""
    return flat_text(inline_element("seg", inner_xml))


_XLIFF_NAMES = {
    "bpt": "bpt",
    "ept": "ept",
    "ph": "ph",
    "it": "it",
    "ut": "ph",
    "hi": "mrk",
    "sub": "sub",
}


def to_xliff12(seg: etree._Element, namespace: str) -> etree._Element:
    """TMX inline markup as XLIFF 1.2 inline markup: codes keep their content; `i`/`x` become the
    required `id`, `it@pos` begin/end becomes open/close, <hi> becomes <mrk mtype="x-hi">."""
    converted = etree.Element(f"{{{namespace}}}{split_tag(seg)[1]}")
    converted.text = seg.text
    for number, child in enumerate(seg, start=1):
        if not isinstance(child.tag, str):
            continue
        name = _XLIFF_NAMES.get(child.tag, "ph")
        element = to_xliff12(child, namespace) if len(child) else etree.Element(f"{{{namespace}}}x")
        element.tag, element.text, element.tail = f"{{{namespace}}}{name}", child.text, child.tail
        if name in ("bpt", "ept", "ph", "it"):
            element.set("id", child.get("i") or child.get("x") or str(number))
        if name == "it":
            element.set("pos", "open" if child.get("pos") == "begin" else "close")
        if name == "mrk":
            element.set("mtype", "x-hi")
        converted.append(element)
    return converted
