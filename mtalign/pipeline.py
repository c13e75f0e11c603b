"""The main job: every stage that exists, run over a corpus folder into a build folder.

Each article is read and decoded once; its Document goes to segments.jsonl, fragment
pairing and document alignment, whose sentences are encoded together in large batches; the
alignment records go to glossary extraction and corpus.tmx in memory. A file that cannot be
read is reported (path and reason) and left out; everything else is still written.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

from tqdm import tqdm

from mtalign.align.documents import align_read, bead_records, pair_of
from mtalign.align.encoders import PreEncoded, load_encoder
from mtalign.align.fragments import pair_fragments
from mtalign.errors import UserError
from mtalign.fileio import atomic_write
from mtalign.formats import jsonl
from mtalign.formats.alignments import AlignedTexts, aligned_texts, write_records
from mtalign.formats.tbx import write_tbx
from mtalign.formats.tmx import write_tmx
from mtalign.glossary import Glossary, extract_candidates, load_glossary, write_candidates
from mtalign.names import check_files, markdown_report
from mtalign.segment import read_document
from mtalign.types import AlignmentRecord, Document

CORPUS_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class RunReport:
    files: int = 0
    segments: int = 0
    alignments: int = 0
    outputs: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    failed: List[str] = field(default_factory=list)  # files left out: "path: reason"


def corpus_files(corpus: str | os.PathLike) -> List[Path]:
    """Article files under `corpus`, in a stable order (hidden files and folders skipped)."""
    root = Path(corpus)
    if not root.is_dir():
        raise UserError(f"{corpus}: not a folder")
    files = [
        path for path in root.rglob("*")
        if path.is_file() and path.suffix.lower() in CORPUS_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    if not files:
        raise UserError(f"{corpus}: no .txt or .html files found")
    return sorted(files)


def read_corpus(files: List[Path], report: RunReport, progress: bool) -> Dict[Path, Document]:
    """Every readable file as a Document; the others are reported in `report.failed`."""
    documents = {}
    for path in tqdm(files, desc="segment", unit="file", file=sys.stderr, disable=not progress):
        try:
            documents[path] = read_document(path)
        except UserError as err:
            report.failed.append(str(err))
            continue
        if documents[path].encoding not in ("utf-8", "utf-8-sig"):
            report.notes.append(f"{path}: decoded as {documents[path].encoding}")
    return documents


def write_segments(documents: Dict[Path, Document], out_path: Path, report: RunReport) -> None:
    with atomic_write(out_path) as handle:
        for document in documents.values():
            report.segments += jsonl.write(document.segments, handle)
    report.outputs.append(str(out_path))


def parallel_pairs(files: List[Path]) -> List[Tuple[Path, Path]]:
    """NAME.ko.EXT files that have a NAME.en.EXT sibling."""
    names = set(files)
    pairs = []
    for path in files:
        if path.name.endswith(".ko" + path.suffix):
            english = path.with_name(path.name[: -len(".ko" + path.suffix)] + ".en" + path.suffix)
            if english in names:
                pairs.append((path, english))
    return pairs


def partner_warnings(files: List[Path]) -> List[str]:
    """NAME.ko.EXT or NAME.en.EXT files whose partner is missing: they are read as single
    articles.
    """
    paired = {path for pair in parallel_pairs(files) for path in pair}
    warnings = []
    for path in files:
        for side, other in ((".ko", ".en"), (".en", ".ko")):
            if path.name.endswith(side + path.suffix) and path not in paired:
                partner = path.name[: -len(side + path.suffix)] + other + path.suffix
                warnings.append(
                    f"warning: {path}: no {partner} beside it; read as a single article, not "
                    "aligned as a translation"
                )
    return warnings


def align_corpus(documents: Dict[Path, Document], out_path: Path, report: RunReport,
                 progress: bool) -> AlignedTexts:
    """Fragments of every single-language article, and beads of every NAME.ko/NAME.en pair,
    written to `out_path` and returned as units for the later stages."""
    files = list(documents)
    pairs = parallel_pairs(files)
    in_pairs = {path for pair in pairs for path in pair}
    encoder = PreEncoded(
        load_encoder("use"), [s.text for doc in documents.values() for s in doc.segments]
    )
    records: List[AlignmentRecord] = []
    for path in tqdm(
        [path for path in files if path not in in_pairs],
        desc="fragments",
        unit="file",
        file=sys.stderr,
        disable=not progress,
    ):
        records += pair_fragments(documents[path].segments, encoder)
    for ko_path, en_path in tqdm(
        pairs, desc="align", unit="pair", file=sys.stderr, disable=not progress
    ):
        pair = pair_of(
            str(ko_path), documents[ko_path].segments, str(en_path), documents[en_path].segments
        )
        alignment = align_read(pair, encoder)
        report.notes.extend(alignment.warnings)
        records += bead_records(alignment)
    with atomic_write(out_path) as handle:
        report.alignments = write_records(records, "jsonl", handle)
    report.outputs.append(str(out_path))
    return aligned_texts(records)


def glossary_outputs(
    aligned: AlignedTexts, glossary: Glossary, out: Path, report: RunReport
) -> None:
    """Candidate entries proposed from the corpus alignments, and the shipped glossary as TBX."""
    candidates = extract_candidates(aligned.text_pairs(), glossary=glossary)
    with atomic_write(out / "glossary-candidates.tsv") as handle:
        write_candidates(candidates, handle)
    with atomic_write(out / "glossary.tbx", "wb") as handle:
        write_tbx(glossary.entries.values(), handle)
    report.outputs += [str(out / "glossary-candidates.tsv"), str(out / "glossary.tbx")]


def corpus_tmx(aligned: AlignedTexts, out: Path, report: RunReport) -> None:
    """Every paired record of the corpus alignments as one TMX; unpaired ones are counted."""
    with atomic_write(out / "corpus.tmx", "wb") as handle:
        tmx_report = write_tmx(aligned.units, handle)
    report.notes.append(f"corpus.tmx: {tmx_report.units} units; {aligned.unpaired} unpaired "
                        "sentences or fragments left out")
    report.outputs.append(str(out / "corpus.tmx"))


def consistency(
    files: List[Path], glossary: Glossary, out: Path, report: RunReport, style: str = "yonhap"
) -> None:
    """Name-consistency findings for the English articles of the corpus (parallel pairs left
    out).
    """
    in_pairs = {path for pair in parallel_pairs(files) for path in pair}
    articles = [str(path) for path in files if path not in in_pairs]
    findings = check_files(articles, glossary, style)
    with atomic_write(out / "consistency.json") as handle:
        json.dump([dataclasses.asdict(f) for f in findings], handle, ensure_ascii=False, indent=2)
    with atomic_write(out / "consistency.md") as handle:
        handle.write(markdown_report(findings, style))
    report.outputs += [str(out / "consistency.json"), str(out / "consistency.md")]


def run(corpus: str | os.PathLike, out_dir: str | os.PathLike, progress: bool = True) -> RunReport:
    files = corpus_files(corpus)
    out = Path(out_dir)
    report = RunReport(files=len(files), notes=partner_warnings(files))
    documents = read_corpus(files, report, progress)
    write_segments(documents, out / "segments.jsonl", report)
    aligned = align_corpus(documents, out / "alignments.jsonl", report, progress)
    glossary = load_glossary()
    report.notes.extend(f"glossary conflict: {conflict}" for conflict in glossary.conflicts)
    glossary_outputs(aligned, glossary, out, report)
    corpus_tmx(aligned, out, report)
    consistency(list(documents), glossary, out, report)
    return report
