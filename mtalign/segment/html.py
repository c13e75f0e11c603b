"""HTML pages -> Blocks, with roles the markup already tells (ads, nav, captions, bylines).

The document text of an HTML page is its blocks joined by blank lines; segment offsets
index into that text. Script and style contents are not text and are not kept.
"""

from __future__ import annotations

import os
import re
from typing import Iterator, List, Optional, Set

import lxml.html
from lxml import etree

from mtalign.errors import UserError
from mtalign.segment.block import Block
from mtalign.segment.clean import is_credit, normalize_line

_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "blockquote",
    "td",
    "th",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "pre",
    "address",
    "form",
    "body",
    "br",
    "hr",
    "time",
}
_NOT_TEXT = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "canvas"}
_TAG_ROLES = {
    "nav": "boilerplate",
    "aside": "boilerplate",
    "form": "boilerplate",
    "button": "boilerplate",
    "footer": "boilerplate",
    "h1": "headline",
    "h2": "headline",
    "figcaption": "caption",
    "time": "dateline",
    "address": "byline",
}
_CLASS_ROLES = [
    (re.compile(r"caption|photo-desc|img-desc", re.I), "caption"),
    (re.compile(r"byline|author|reporter|writer", re.I), "byline"),
    (re.compile(r"copyright|copy-right", re.I), "credit"),
    (
        re.compile(
            r"\b(?:ad|ads|advert\w*|banner|promo\w*|widget|share|social|sns|related|popular|sidebar|"
            r"weather|newsletter|subscribe|comments?|menu|breadcrumbs?|recommend\w*|most-read|trending)\b",
            re.I,
        ),
        "boilerplate",
    ),
]


def is_html(path: str | os.PathLike, encoding: str) -> bool:
    if os.fspath(path).lower().endswith((".html", ".htm", ".xhtml")):
        return True
    with open(path, encoding=encoding, errors="replace") as handle:
        head = handle.read(1024).lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _own_role(element) -> Optional[str]:
    role = _TAG_ROLES.get(element.tag if isinstance(element.tag, str) else "")
    if role:
        return role
    names = f"{element.get('class', '')} {element.get('id', '')} {element.get('rel', '')}"
    for pattern, class_role in _CLASS_ROLES:
        if pattern.search(names):
            return class_role
    return None


def _role(element) -> Optional[str]:
    for node in [element, *element.iterancestors()]:
        role = _own_role(node)
        if role:
            return role
    return None


def _block_holders(root) -> Set:
    """Elements with a block somewhere below them, found in one walk up from each block (linear
    even for pages nested thousands deep)."""
    holders: Set = set()
    for element in root.iter(*_BLOCK_TAGS):
        for ancestor in element.iterancestors():
            if ancestor in holders:
                break
            holders.add(ancestor)
    return holders


def _clean(text: str) -> str:
    return normalize_line(re.sub(r"\s+", " ", text)).strip()


def _loose_runs(element, holders: Set) -> Iterator[tuple]:
    """(text, element) for the runs of a container's own text between its nested blocks,
    inline children included; a block or an inline element holding blocks (an unclosed
    <font>) ends a run."""
    run = element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _NOT_TEXT:
            if child.tag in _BLOCK_TAGS or child in holders:
                yield run, element
                run = ""
            else:
                run += child.text_content()
        run += child.tail or ""
    yield run, element


def _pieces(root) -> Iterator[tuple]:
    """(text, element) for every leaf block, and for loose text between nested blocks."""
    holders = _block_holders(root)
    hidden = {inner for outer in root.iter(*_NOT_TEXT) for inner in outer.iter()}
    for element in root.iter():
        if not isinstance(element.tag, str) or element in hidden:
            continue
        if element in holders:
            yield from _loose_runs(element, holders)
        elif element.tag in _BLOCK_TAGS:
            yield element.text_content(), element


def _parse(path: str | os.PathLike, encoding: str):
    """The page's root element, None for a page without elements (blank, comments only).

    huge_tree lifts libxml2's 256-level depth and 10 MB text-node limits; what is left (a
    2048-level depth cap) stops the parser with a fatal error, refused rather than losing
    the rest of the page. Decoded text goes in as UTF-8, so an XML declaration or a meta
    charset cannot contradict the detected encoding.
    """
    with open(path, encoding=encoding) as handle:
        data = handle.read().encode("utf-8")
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    root = etree.fromstring(data, parser)
    fatal = [error for error in parser.error_log if error.level == etree.ErrorLevels.FATAL]
    if fatal:
        raise UserError(
            f"{os.fspath(path)}:{fatal[0].line}: refused: the HTML parser stopped here "
            f"({' '.join(fatal[0].message.split())}); the rest of the page would be lost"
        )
    return root


def html_blocks(path: str | os.PathLike, encoding: str) -> List[Block]:
    root = _parse(path, encoding)
    if root is None:
        return []
    blocks: List[Block] = []
    offset = 0
    for raw, element in _pieces(root):
        text = _clean(raw)
        if not text:
            continue
        role = _role(element)
        if role == "boilerplate" and is_credit(text):
            role = "credit"
        blocks.append(Block(offset, text, role))
        offset += len(text) + 2
    return blocks
