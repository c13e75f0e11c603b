"""Parsing XML from users safely: no DTD loading, no entity expansion, no network.

Files that declare entities (billion laughs, external entities) are refused before any
parsing, from their prolog alone, so refusal is fast whatever the file's size.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from mtalign.errors import UserError

PROLOG_BYTES = 1 << 16
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def check_prolog(path: str | os.PathLike) -> None:
    """Refuse a file whose document type declares entities or an internal subset."""
    with open(path, "rb") as handle:
        head = handle.read(PROLOG_BYTES)
    root_start = re.search(rb"<(?![?!])", head)
    prolog = head[: root_start.start()] if root_start else head
    if _ENTITY_DECL.search(prolog) or _INTERNAL_SUBSET.search(prolog):
        raise UserError(
            f"{path}: refused: the file declares entities in its DOCTYPE (possible entity bomb "
            "or external entity); mtalign does not expand entities"
        )


def parser(keep_blanks: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=not keep_blanks,
    )


def parse(path: str | os.PathLike, keep_blanks: bool = False) -> etree._ElementTree:
    """Parse a small XML file safely; a malformed file is a UserError with its line. Mixed
    content (text with inline elements) needs `keep_blanks`: a space between two inline
    elements is text."""
    check_prolog(path)
    try:
        return etree.parse(os.fspath(path), parser(keep_blanks))
    except etree.XMLSyntaxError as err:
        raise UserError(f"{path}:{err.lineno}: malformed XML ({err.msg})") from None
    except OSError as err:
        raise UserError(f"{path}: cannot read ({err})") from None
