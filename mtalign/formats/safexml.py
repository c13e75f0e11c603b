"""Parsing XML from users safely: no DTD loading, no entity declarations, no network.

Before lxml sees a file, expat reads its prolog up to the root element and reports the
document type declaration itself, so an internal subset or entity declaration is refused
wherever it sits (after comments or processing instructions holding '<', in UTF-16 or any
other encoding), fast and whatever the file's size. A reference to an external DTD
(`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`) is allowed but never loaded; the HTML named entities
such files use (`&nbsp;`) are expanded to their characters by `expand_entities`.
"""

from __future__ import annotations

import codecs
import html.entities
import os
import re
from typing import IO, Iterator, Optional, Tuple
from xml.parsers import expat

from lxml import etree

from mtalign.errors import UserError

PROLOG_LIMIT = 1 << 20  # a root element must start within the first MiB
MAX_TREE_BYTES = 256 << 20  # files parsed whole (TBX, XLIFF) are refused above this size
_CHUNK = 1 << 16
_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["'][^>]*\?>""")


class _Refused(Exception):
    pass


class _RootReached(Exception):
    pass


def split_tag(element: etree._Element) -> Tuple[Optional[str], str]:
    """(namespace or None, local name) of a parsed element, as etree.QName gives them, but for
    any namespace URI a file declares, even one holding a '}'."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if not tag.startswith("{"):
        return None, tag
    namespace, _, local = tag[1:].rpartition("}")
    return namespace, local


def one_line(message: str) -> str:
    """libxml2 and expat messages may span lines; every refusal is one line."""
    return " ".join(message.split())


def _refuse_subset(name, system_id, public_id, has_internal_subset) -> None:
    if has_internal_subset:
        raise _Refused()


def _refuse(*_args) -> None:
    raise _Refused()


def _reach_root(*_args) -> None:
    raise _RootReached()


def _prolog_parser(encoding: Optional[str]) -> expat.XMLParserType:
    parser = expat.ParserCreate(encoding)
    parser.StartDoctypeDeclHandler = _refuse_subset
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.StartElementHandler = _reach_root
    return parser


def _chunks(handle: IO[bytes], encoding: Optional[str]) -> Iterator[bytes]:
    """The file's bytes as read, or transcoded to UTF-8 for encodings expat lacks (EUC-KR ...)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict") if encoding else None
    while True:
        chunk = handle.read(_CHUNK)
        yield decoder.decode(chunk, final=not chunk).encode("utf-8") if decoder else chunk
        if not chunk:
            return


def _scan_prolog(path: str, encoding: Optional[str], skip: int = 0) -> None:
    """Feed expat the file (transcoded after its `skip`-byte declaration when `encoding` is
    given) until the root element starts."""
    parser = _prolog_parser("UTF-8" if encoding else None)
    with open(path, "rb") as handle:
        handle.seek(skip)
        seen = 0
        for chunk in _chunks(handle, encoding):
            parser.Parse(chunk, not chunk)
            seen += len(chunk)
            if seen > PROLOG_LIMIT:
                raise UserError(
                    f"{path}: no root element in the first {PROLOG_LIMIT >> 20} MiB; not XML"
                )


def _declared_encoding(path: str) -> Tuple[Optional[str], int]:
    """(codec of the XML declaration's encoding, the declaration's length), or (None, 0)."""
    with open(path, "rb") as handle:
        match = _DECLARATION.match(handle.read(1024))
    if not match:
        return None, 0
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name, match.end()
    except LookupError:
        return None, 0


def _unknown_encoding(err: Exception) -> bool:
    if isinstance(err, (ValueError, LookupError)):
        return True
    return err.code == expat.errors.codes[expat.errors.XML_ERROR_UNKNOWN_ENCODING]


def _expat_reason(err: Exception) -> str:
    return expat.ErrorString(err.code) if isinstance(err, expat.ExpatError) else one_line(str(err))


def check_prolog(path: str | os.PathLike) -> None:
    """Refuse a file whose document type has an internal subset or declares entities."""
    path = os.fspath(path)
    encoding, skip = None, 0
    while True:
        try:
            _scan_prolog(path, encoding, skip)
        except _RootReached:
            return
        except _Refused:
            raise UserError(
                f"{path}: refused: the file declares entities or an internal subset in its "
                "DOCTYPE (possible entity bomb or external entity); mtalign does not "
                "expand declared entities"
            ) from None
        except UnicodeDecodeError as err:
            raise UserError(
                f"{path}: not {encoding} as its XML declaration says ({err.reason})"
            ) from None
        except (
            expat.ExpatError,
            ValueError,
            LookupError,
        ) as err:  # ValueError: a multi-byte encoding
            if encoding is None and _unknown_encoding(err):
                encoding, skip = _declared_encoding(path)
                if encoding:
                    continue
            raise UserError(
                f"{path}:{getattr(err, 'lineno', 1)}: malformed XML ({_expat_reason(err)})"
            ) from None
        return


def check_size(path: str | os.PathLike, limit: int = MAX_TREE_BYTES) -> None:
    """Refuse, by its size alone and before reading it, a file too big to parse whole."""
    size = os.path.getsize(path)
    if size > limit:
        raise UserError(
            f"{os.fspath(path)}: refused: {size / (1 << 20):.0f} MiB is over the "
            f"{limit >> 20} MiB this format is read up to"
        )


def expand_entities(element: etree._Element, path: str | os.PathLike) -> None:
    """Replace the entity references a DOCTYPE left unresolved (&nbsp; ...) by their
    characters; a name HTML does not define is a UserError with its line."""
    for entity in list(element.iter(etree.Entity)):
        name = entity.text[1:-1]
        character = html.entities.html5.get(name + ";")
        previous, parent = entity.getprevious(), entity.getparent()
        if character is None:
            line = entity.sourceline or parent.sourceline  # the element holding the reference
            raise UserError(f"{os.fspath(path)}:{line}: undefined entity {entity.text}")
        text = character + (entity.tail or "")
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(entity)


def syntax_error(
    path: str | os.PathLike, err: etree.XMLSyntaxError, what: str = "XML"
) -> UserError:
    return UserError(f"{os.fspath(path)}:{err.lineno}: malformed {what} ({one_line(err.msg)})")


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
    """Parse a file whole, safely; a malformed file is a UserError with its line. Mixed
    content (text with inline elements) needs `keep_blanks`: a space between two inline
    elements is text."""
    try:
        check_size(path)
        check_prolog(path)
        tree = etree.parse(os.fspath(path), parser(keep_blanks))
    except etree.XMLSyntaxError as err:
        raise syntax_error(path, err) from None
    except OSError as err:
        raise UserError(f"{path}: cannot read ({one_line(str(err))})") from None
    expand_entities(tree.getroot(), path)
    return tree
