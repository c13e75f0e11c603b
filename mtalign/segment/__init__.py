"""Stage 1: raw article files -> tagged sentence Segments.

    read & decode (decode.py) -> normalize (clean.py) -> group lines into blocks
    -> tag roles (tag.py) -> split body blocks into sentences (split.py)

Text files stream paragraph by paragraph, so memory stays bounded on huge inputs.
"""

from __future__ import annotations

import os
from typing import Iterable, Iterator, List, Optional

from mtalign.segment import tag
from mtalign.segment.block import Block
from mtalign.segment.clean import normalize_line
from mtalign.segment.decode import detect_encoding, iter_lines
from mtalign.segment.html import html_blocks, is_html
from mtalign.segment.split import split_sentences
from mtalign.segment.tag import detect_lang
from mtalign.types import Document, Segment

__all__ = ["segment_file", "segment_text", "read_document", "detect_encoding", "document_text",
           "iter_lines", "detect_lang", "split_sentences"]

MAX_PARAGRAPH_LINES = 200


def _segment(source: str, text: str, start: int, role: str) -> Segment:
    return Segment(text, detect_lang(text), role, source, start, start + len(text))


def _block_role(line: str, form_role: Optional[str], widget_cluster: bool) -> str:
    """The form's role if it has one; else clutter, headline or body by context and shape."""
    if form_role:
        return form_role
    if widget_cluster and tag.is_widget_label(line):
        return "boilerplate"
    if tag.looks_like_heading(line) and "\n" not in line:
        return "headline"
    return "body"


def _body_segments(block: Block, source: str) -> Iterator[Segment]:
    text, offset = block.text, block.start
    lead = len(text) - len(text.lstrip())
    prefix = tag.DATELINE_PREFIX.match(text, lead)
    if prefix:
        role = "byline" if ("기자" in prefix.group() or "특파원" in prefix.group()) else "dateline"
        yield _segment(source, prefix.group(), offset + lead, role)
        text, offset = text[prefix.end():], offset + prefix.end()
    for start, end in split_sentences(text):
        yield _segment(source, text[start:end], offset + start, "body")


def _paragraph_segments(blocks: List[Block], source: str) -> Iterator[Segment]:
    form_roles = [block.hint or tag.line_role(block.text.strip()) for block in blocks]
    widget_cluster = "boilerplate" in form_roles
    for block, form_role in zip(blocks, form_roles):
        stripped = block.text.strip()
        role = _block_role(stripped, form_role, widget_cluster)
        if role == "body":
            yield from _body_segments(block, source)
        else:
            lead = len(block.text) - len(block.text.lstrip())
            yield _segment(source, stripped, block.start + lead, role)


def _wrapped(previous: str, line: str) -> bool:
    """A hard-wrapped sentence: the previous line stops mid-sentence, this one goes on in lower case."""
    first = line.lstrip()[:1]
    continues = first.isascii() and first.islower()
    return continues and not tag.ends_sentence(previous) and tag.line_role(previous.strip()) is None


def _blocks_of_paragraph(lines: List[tuple]) -> List[Block]:
    blocks: List[Block] = []
    for text, start in lines:
        if blocks and _wrapped(blocks[-1].text.rsplit("\n", 1)[-1], text):
            blocks[-1].text += "\n" + text
        else:
            blocks.append(Block(start, text))
    return blocks


def segment_lines(lines: Iterable[str], source: str) -> Iterator[Segment]:
    """Segment a document given as its lines (with their '\\n'); blank lines end paragraphs."""
    offset = 0
    paragraph: List[tuple] = []
    for line in lines:
        body = line.rstrip("\n")
        if body.strip():
            paragraph.append((body, offset))
        if paragraph and (not body.strip() or len(paragraph) >= MAX_PARAGRAPH_LINES):
            yield from _paragraph_segments(_blocks_of_paragraph(paragraph), source)
            paragraph = []
        offset += len(line)
    if paragraph:
        yield from _paragraph_segments(_blocks_of_paragraph(paragraph), source)


def segment_text(text: str, source: str = "<text>") -> List[Segment]:
    """Segment an in-memory string; offsets index into its normalized form (see clean.normalize_line)."""
    lines = [normalize_line(line) + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return list(segment_lines(lines, source))


def segment_file(path: str | os.PathLike, encoding: Optional[str] = None) -> Iterator[Segment]:
    """Stream the segments of a text or HTML file (encoding detected when not given)."""
    encoding = encoding or detect_encoding(path)
    source = os.fspath(path)
    if is_html(path, encoding):
        for block in html_blocks(path, encoding):
            yield from _paragraph_segments([block], source)
        return
    yield from segment_lines(iter_lines(path, encoding), source)


def read_document(path: str | os.PathLike) -> Document:
    encoding = detect_encoding(path)
    return Document(os.fspath(path), encoding, list(segment_file(path, encoding)))


def document_text(path: str | os.PathLike, encoding: Optional[str] = None) -> str:
    """The decoded, normalized text that segment offsets index into."""
    encoding = encoding or detect_encoding(path)
    if is_html(path, encoding):
        return "\n\n".join(block.text for block in html_blocks(path, encoding))
    return "".join(iter_lines(path, encoding))
