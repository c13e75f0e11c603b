"""Stage 1: raw article files -> tagged sentence Segments.

    read & decode (decode.py) -> normalize (clean.py) -> group lines into blocks
    -> tag roles (tag.py) -> split body blocks into sentences (split.py)

Text files stream paragraph by paragraph, so memory stays bounded on huge inputs.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Iterable, Iterator, List, Optional

from mtalign.hangul import is_hangul
from mtalign.segment import extract, fields, roles_model, tag
from mtalign.segment.block import Block
from mtalign.segment.clean import (
    TRANSCRIPT_LABEL,
    USAGE_RESTRICTION,
    is_boilerplate,
    normalize_line,
    speaker_label,
)
from mtalign.segment.decode import detect_encoding, iter_lines
from mtalign.segment.html import html_blocks, is_html
from mtalign.segment.split import split_sentences
from mtalign.segment.tag import detect_lang
from mtalign.types import Document, Segment

__all__ = ["segment_file", "segment_text", "read_document", "detect_encoding", "document_text",
           "iter_lines", "detect_lang", "split_sentences"]

MAX_PARAGRAPH_LINES = 200
ROLES_MODEL_DEFAULT = True  # text files: the learned role model (roles_model.py) gives the roles


def _segment(source: str, text: str, start: int, role: str) -> Segment:
    return Segment(text, detect_lang(text), role, source, start, start + len(text))


def _block_role(line: str, form_role: Optional[str]) -> str:
    """The role its form or its neighbours give a line; else headline or body by its shape."""
    if form_role:
        return form_role
    if tag.looks_like_heading(line) and "\n" not in line:
        return "boilerplate" if tag.is_menu_word(line) else "headline"
    return "body"


def _body_segments(block: Block, source: str, role: str = "body") -> Iterator[Segment]:
    """Sentences of a body block (or of a caption holding several), its opening stamp and
    tails split off with their own roles."""
    text, offset = block.text, block.start
    lead = len(text) - len(text.lstrip())
    opening = text[lead:]  # indented ledes too
    prefix = (tag.DATELINE_PREFIX.match(opening) or TRANSCRIPT_LABEL.match(opening)
              or speaker_label(opening) or tag.SECTION_TITLE.match(opening)
              or tag.DATE_TAG.match(opening))
    speech = False  # the text after a speaker's label
    if prefix:
        prefix_role = tag.prefix_role(prefix.group())
        speech = prefix_role == "boilerplate"
        yield _segment(source, prefix.group(), offset + lead, prefix_role)
        text, offset = text[lead + prefix.end():], offset + lead + prefix.end()
    cuts = tag.inline_stamp_cuts(text)
    if any(re.match(USAGE_RESTRICTION, text[start:end]) for start, end, _ in cuts):
        role = "caption"  # the text beside a wire photo's usage restriction describes the photo
    for start, end, cut_role in cuts:
        if cut_role:
            yield _segment(source, text[start:end], offset + start, cut_role)
        else:
            yield from _sentence_segments(text[start:end], offset + start, source, role, speech)


def _sentence_segments(text: str, offset: int, source: str, role: str,
                       speech: bool = False) -> Iterator[Segment]:
    """The sentences of body text, a date, e-mail or credit tail given its own role."""
    spans = tag.credits_to_captions(text, split_sentences(text, not speech))
    for start, end, own_role in tag.english_sentence_roles(text, spans, role):
        if own_role:
            yield _segment(source, text[start:end], offset + start, own_role)
            continue
        pieces = [piece for note_start, note_end in tag.split_photo_note(text, start, end)
                  for piece in tag.split_email_tail(text, note_start, note_end)]
        for piece_start, piece_end in pieces:
            piece = text[piece_start:piece_end]
            piece_role = tag.sentence_role(piece)
            yield _segment(source, piece, offset + piece_start,
                           role if piece_role == "body" else piece_role)


def _line_segments(block: Block, role: str, source: str) -> Iterator[Segment]:
    """A non-body line, or its pieces when it holds a date beside other text or opens with a
    speaker's label (Title: News Headlines)."""
    lead = len(block.text) - len(block.text.lstrip())
    stripped = block.text.strip()
    # a segment title in angle brackets holds no label: <초대석 : NAME 前 OO신문 사진부장>
    title = re.fullmatch(r"<[^<>]+>", stripped) and not tag.ends_sentence(stripped[:-1])
    label = None if title else speaker_label(stripped)
    if label:
        yield _segment(source, label.group(), block.start + lead, "boilerplate")
        rest = stripped[label.end():]
        lead += label.end() + len(rest) - len(rest.lstrip())
        stripped = rest.strip()
        heading = tag.looks_like_heading(stripped)  # a title after its label (Title: Opening)
        role = tag.line_role(stripped) or ("headline" if heading else "body")
    for start, end, piece_role in tag.date_cuts(stripped):
        yield _segment(source, stripped[start:end], block.start + lead + start, piece_role or role)


def _split_caption(line: str, own_role: Optional[str]) -> bool:
    if own_role is None or tag.sentences_of_caption(line):
        return True
    if tag.english_credit_start(line) is not None and not tag.photo_marked(line):
        return True  # an English photo text of several sentences ending in its credit
    return bool(re.search(USAGE_RESTRICTION, line)) and not tag.photo_marked(line)


def _paragraph_segments(blocks: List[Block], source: str,
                        after_clutter: bool = False) -> Iterator[Segment]:
    lines = [block.text.strip() for block in blocks]
    own_roles = [block.hint or tag.line_role(line) for block, line in zip(blocks, lines)]
    form_roles = tag.context_roles(lines, own_roles, after_clutter)
    for block, stripped, own_role, form_role in zip(blocks, lines, own_roles, form_roles):
        role = tag.english_paragraph_role(stripped, _block_role(stripped, form_role))
        # A caption its neighbours make (text beside a photo's slot), a photo position or a
        # usage restriction inside it (... 2025. (For Use Only ...) (Yonhap)) marks is split
        # into sentences; one its own form marks (▲ ..., a credit at its end) stays whole.
        if role == "body" or (role == "caption" and _split_caption(stripped, own_role)):
            yield from _body_segments(block, source, role)
        else:
            yield from _line_segments(block, role, source)


def _wrapped(previous: str, line: str) -> bool:
    """A hard-wrapped sentence: the previous line stops mid-sentence and this one goes on.

    English goes on in lower case; Korean after a line that ends in a particle or a
    connective ending (크롬기반의 / 브라우저에서만 ...). A list number alone on its line
    goes with the item after it. Clutter and bulleted items never wrap.
    """
    if tag.LIST_NUMBER.fullmatch(previous.strip()):
        return True
    if tag.ends_sentence(previous) or tag.line_role(previous.strip()) is not None:
        return False
    if tag.line_role(line.strip()) is not None:  # a sign-off under a caption, a timestamp
        return False
    if is_boilerplate(line) or fields.opens_field(line):
        return False
    if previous.lstrip()[:1] in "•·▪-*":
        return False
    first = line.lstrip()[:1]
    # an English line going on in lower case; a study page's word list (doorstep 문간, ... /
    # lower 낮추다) starts each entry in lower case after a Korean gloss
    if first.isascii() and first.islower() and not is_hangul(previous.rstrip()[-1:]):
        return True
    if tag.cut_korean_prose(previous, line):
        return True
    return tag.continues_korean(previous, line) or tag.continues_english(previous, line)


def _goes_on(block: Block, line: str) -> bool:
    """Wrapped, or the next line of a paragraph already wrapped mid-sentence (a source with a
    fixed line width): ... rice has reached / 6,000 KPW per kilo, inside sources report."""
    previous = block.text.rsplit("\n", 1)[-1]
    if _wrapped(previous, line):
        return True
    if "\n" not in block.text or tag.ends_sentence(previous) or previous.rstrip()[-1:] == ":":
        return False
    return tag.line_role(line.strip()) is None and not is_boilerplate(line)


def _blocks_of_paragraph(lines: List[tuple]) -> List[Block]:
    blocks: List[Block] = []
    for text, start in lines:
        if blocks and _goes_on(blocks[-1], text):
            blocks[-1].text += "\n" + text
        else:
            blocks.append(Block(start, text))
    return blocks


def _paragraph_items(paragraph: List[tuple], source: str,
                     after_clutter: bool) -> List[roles_model.Item]:
    """A paragraph's segments, each marked with whether it starts or ends its line."""
    blocks = fields.split_fields(_blocks_of_paragraph(paragraph))
    segments = list(_paragraph_segments(blocks, source, after_clutter))
    starts = {offset + len(text) - len(text.lstrip()) for text, offset in paragraph}
    ends = {offset + len(text.rstrip()) for text, offset in paragraph}
    return [roles_model.Item(s, s.start in starts, s.end in ends) for s in segments]


def _paragraphs(lines: Iterable[str]) -> Iterator[List[tuple]]:
    """The (line, offset) lists of a document's paragraphs; blank lines end them."""
    offset = 0
    paragraph: List[tuple] = []
    for line in lines:
        body = line.rstrip("\n")
        if body.strip():
            paragraph.append((body, offset))
        if paragraph and (not body.strip() or len(paragraph) >= MAX_PARAGRAPH_LINES):
            yield paragraph
            paragraph = []
        offset += len(line)
    if paragraph:
        yield paragraph


LINK_RUN = 3  # Korean titles in a row below an article's text: a list of links
# A programme's point, marked by a dash or a bullet or quoted whole: "- 北, … 대응책은?",
# "\"北 주민들, 예상보다 평온한 일상 인상적\"".
_POINT = re.compile(r"[-–•·▪]|[\"“][^\"“”]*[\"”]$")


def _korean_title(item: roles_model.Item) -> bool:
    return item.segment.role == "headline" and item.segment.lang == "ko"


def _as_furniture(item: roles_model.Item) -> roles_model.Item:
    return dataclasses.replace(item, segment=dataclasses.replace(item.segment, role="boilerplate"))


def _unlinked(item: roles_model.Item) -> roles_model.Item:
    return _as_furniture(item) if _korean_title(item) else item


def _logos_unsigned(items: List[roles_model.Item], state: dict) -> List[roles_model.Item]:
    """An outlet's name alone on its line (SBS 뉴스, 경향신문) signs the text it follows (VOA
    뉴스 under the report); elsewhere, atop the page or after the sign-off, it is the site's
    logo (one before a timestamp on its line stays a byline)."""
    out = []
    for item in items:
        logo = (item.segment.role == "byline" and item.starts_line and item.ends_line
                and tag.OUTLET_SIGN.match(item.segment.text))
        out.append(_as_furniture(item) if logo and state["previous"] != "body" else item)
        state["previous"] = item.segment.role
    return out


def _unlink_lists(items: List[roles_model.Item], state: dict) -> List[roles_model.Item]:
    """Korean titles that link to other stories made furniture: every one after the page's
    copyright notice (a portal's or the outlet's list; on the gold pages no headline follows
    that notice), and three or more whole-line titles in a row below the article's text (a
    widget of popular stories; a programme's marked or quoted points stay headlines).
    `state` carries what the page has shown so far (text, a copyright notice)."""
    out = list(items)
    run: List[int] = []
    for i, item in enumerate([*items, None]):
        if item is not None and _korean_title(item) and item.starts_line and item.ends_line \
                and not _POINT.match(item.segment.text):
            run.append(i)
            continue
        if state["text"] and len(run) >= LINK_RUN:
            out[run[0]:run[-1] + 1] = map(_unlinked, out[run[0]:run[-1] + 1])
        run = []
        if item is not None:
            state["text"] = state["text"] or item.segment.role in ("body", "caption")
    for i, item in enumerate(out):
        out[i] = _unlinked(item) if state["copyright"] else item
        state["copyright"] = state["copyright"] or item.segment.role == "credit"
    return out


def page_items(lines: Iterable[str], source: str) -> Iterator[roles_model.Item]:
    """The rules' segments of a document given as its lines (with their '\\n'), with where
    each sits on its line; blank lines end paragraphs."""
    after_clutter = False  # the previous paragraph ended in site clutter (a menu, a widget)
    state = {"text": False, "copyright": False, "previous": None}
    for paragraph in _paragraphs(lines):
        items = _unlink_lists(_paragraph_items(paragraph, source, after_clutter), state)
        items = _logos_unsigned(items, state)
        after_clutter = bool(items) and items[-1].segment.role == "boilerplate"
        yield from items


def segment_lines(lines: Iterable[str], source: str,
                  roles: bool = ROLES_MODEL_DEFAULT) -> Iterator[Segment]:
    """Segment a document given as its lines (with their '\\n'); blank lines end paragraphs.
    With `roles`, the learned role model (roles_model.py) gives the roles."""
    items = page_items(lines, source)
    if roles:
        yield from roles_model.relabel(items)
    else:
        yield from (item.segment for item in items)


def segment_text(text: str, source: str = "<text>",
                 roles: bool = ROLES_MODEL_DEFAULT) -> List[Segment]:
    """Segment an in-memory string; offsets index into its normalized form (normalize_line)."""
    lines = [normalize_line(line) + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return list(segment_lines(lines, source, roles))


def segment_file(path: str | os.PathLike, encoding: Optional[str] = None,
                 extractor: bool = True, roles: bool = ROLES_MODEL_DEFAULT) -> Iterator[Segment]:
    """Stream the segments of a text or HTML file (encoding detected when not given).

    For HTML, `extractor` lets trafilatura's main-content, title, author and date verdicts
    hint the roles of the blocks the markup leaves open (when the `html` extra is installed).
    For text, `roles` lets the learned role model (roles_model.py) give the roles.
    """
    encoding = encoding or detect_encoding(path)
    source = os.fspath(path)
    if is_html(path, encoding):
        blocks = html_blocks(path, encoding)
        if extractor and extract.available():
            with open(path, encoding=encoding, errors="replace") as handle:
                extract.add_hints(handle.read(), blocks)
        for block in blocks:
            yield from _paragraph_segments([block], source)
        return
    yield from segment_lines(iter_lines(path, encoding), source, roles)


def read_document(path: str | os.PathLike) -> Document:
    encoding = detect_encoding(path)
    return Document(os.fspath(path), encoding, list(segment_file(path, encoding)))


def document_text(path: str | os.PathLike, encoding: Optional[str] = None) -> str:
    """The decoded, normalized text that segment offsets index into."""
    encoding = encoding or detect_encoding(path)
    if is_html(path, encoding):
        return "\n\n".join(block.text for block in html_blocks(path, encoding))
    return "".join(iter_lines(path, encoding))
