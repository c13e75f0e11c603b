"""Find a file's encoding and stream its text as normalized lines.

UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, and the Korean legacy encodings
EUC-KR / CP949 are accepted. Anything else is refused with the byte offset of the
first undecodable byte: text is never silently mangled.
"""

from __future__ import annotations

import codecs
import os
from typing import Iterator

from mtalign.errors import UserError
from mtalign.segment.clean import normalize_line

CHUNK_BYTES = 1 << 20
# UTF-32 LE's BOM begins with UTF-16 LE's, so it is tried first
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _first_decode_error(path: str, encoding: str) -> int | None:
    """Byte offset of the first byte `encoding` cannot decode, or None if the file decodes."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    consumed = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(CHUNK_BYTES)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as err:
                return consumed - pending + err.start
            if not chunk:
                return None
            consumed += len(chunk)


def _bom_encoding(path: str, head: bytes) -> str | None:
    """The encoding a BOM announces, once every byte after it has been checked."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            error = _first_decode_error(path, encoding)
            if error is not None:
                name = encoding.upper().replace("-SIG", "")
                raise UserError(
                    f"{path}: starts with a {name} byte order mark but the byte at offset {error} "
                    "cannot be decoded as such"
                )
            return encoding
    return None


def detect_encoding(path: str | os.PathLike) -> str:
    """Return the codec name to read `path` with, or raise UserError saying why none fits."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise UserError(f"{path}: no such file")
    if os.path.isdir(path):
        raise UserError(f"{path}: is a directory, not a file")
    with open(path, "rb") as handle:
        head = handle.read(8192)
    encoding = _bom_encoding(path, head)
    if encoding:
        return encoding
    nul_offset = head.find(b"\x00")
    if nul_offset >= 0:
        raise UserError(
            f"{path}: looks like a binary file (NUL byte at offset {nul_offset}), not text"
        )
    errors = {"utf-8": _first_decode_error(path, "utf-8")}
    if errors["utf-8"] is None:
        return "utf-8"
    for legacy in ("euc-kr", "cp949"):
        errors[legacy] = _first_decode_error(path, legacy)
        if errors[legacy] is None:
            return legacy
    # the encoding that decodes furthest is the file's own: its offset is the byte to fix
    closest = max(errors, key=errors.get)
    raise UserError(f"{path}: cannot decode byte at offset {errors[closest]} as {closest.upper()} "
                    "(the encoding that fits the file longest); not UTF-8, EUC-KR or CP949")


def iter_lines(path: str | os.PathLike, encoding: str) -> Iterator[str]:
    """Yield the file's lines, normalized, each ending in '\\n' except perhaps the last.

    CRLF and lone CR become LF; see `normalize_line` for what happens inside a line.
    """
    with open(path, "r", encoding=encoding, newline=None) as handle:
        for raw_line in handle:
            body = raw_line[:-1] if raw_line.endswith("\n") else raw_line
            yield normalize_line(body) + raw_line[len(body):]
