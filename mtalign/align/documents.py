"""Aligning two documents: reading their sentences, aligning them, the records and the output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from mtalign.align import align_sentences
from mtalign.align.encoders import Encoder
from mtalign.align.score import GlossaryAnchors
from mtalign.formats.alignments import write_records
from mtalign.formats.output import open_output
from mtalign.segment import detect_encoding, detect_lang, iter_lines, segment_file
from mtalign.types import AlignmentRecord, Bead, Segment


@dataclass
class Alignment:
    ko: List[Segment]
    en: List[Segment]
    beads: List[Bead]
    warnings: List[str] = field(default_factory=list)
    ko_source: str = ""
    en_source: str = ""


def read_sentences(path: str, presegmented: bool) -> List[Segment]:
    """A document's sentences: its non-blank lines (presegmented) or the segmenter's output."""
    encoding = detect_encoding(path)
    if not presegmented:
        return list(segment_file(path, encoding))
    sentences, offset = [], 0
    for line in iter_lines(path, encoding):
        text = line.strip()
        if text:
            start = offset + line.index(text)
            sentences.append(
                Segment(text, detect_lang(text), "body", path, start, start + len(text))
            )
        offset += len(line)
    return sentences


def _language_warnings(path: str, side: str, sentences: List[Segment]) -> List[str]:
    if not sentences:
        return [f"{path}: no sentences; every sentence of the other side is left unaligned"]
    share = sum(s.lang in ("ko", "mixed") for s in sentences) / len(sentences)
    if side == "ko" and share < 0.5:
        return [f"{path}: expected Korean, but {1 - share:.0%} of its sentences are not Korean"]
    if side == "en" and share > 0.5:
        return [f"{path}: expected English, but {share:.0%} of its sentences are Korean"]
    return []


def pair_of(ko_path: str, ko: List[Segment], en_path: str, en: List[Segment]) -> Alignment:
    """Two documents' sentences and the language warnings about them, not yet aligned."""
    warnings = _language_warnings(ko_path, "ko", ko) + _language_warnings(en_path, "en", en)
    return Alignment(ko, en, [], warnings, ko_path, en_path)


def read_pair(ko_path: str, en_path: str, presegmented: bool = False) -> Alignment:
    return pair_of(
        ko_path,
        read_sentences(ko_path, presegmented),
        en_path,
        read_sentences(en_path, presegmented),
    )


def align_read(
    pair: Alignment, encoder: Encoder, anchors: Optional[GlossaryAnchors] = None
) -> Alignment:
    """The read pair with its beads."""
    pair.beads = align_sentences([s.text for s in pair.ko], [s.text for s in pair.en], encoder,
                                 anchors=anchors)
    return pair


def align_files(ko_path: str, en_path: str, encoder: Encoder, presegmented: bool = False,
                anchors: Optional[GlossaryAnchors] = None) -> Alignment:
    return align_read(read_pair(ko_path, en_path, presegmented), encoder, anchors)


def _joined(segments: List[Segment], indices: List[int]) -> Optional[str]:
    return " ".join(segments[i].text for i in indices) or None


def bead_records(alignment: Alignment) -> List[AlignmentRecord]:
    """One record per bead, in order: indices, joined texts, score and the first roles."""
    ko, en = alignment.ko, alignment.en
    return [
        AlignmentRecord(
            "bead",
            alignment.ko_source,
            alignment.en_source,
            bead.ko,
            bead.en,
            _joined(ko, bead.ko),
            _joined(en, bead.en),
            bead.score,
            ko[bead.ko[0]].role if bead.ko else "",
            en[bead.en[0]].role if bead.en else "",
        )
        for bead in alignment.beads
    ]


def write_alignment(alignment: Alignment, fmt: str, path: Optional[str]) -> int:
    """Write the beads as records (jsonl, tsv) or units (tmx); returns how many unpaired beads
    TMX left out."""
    with open_output(path, binary=(fmt == "tmx")) as handle:
        count = write_records(bead_records(alignment), fmt, handle)
    return count if fmt == "tmx" else 0
