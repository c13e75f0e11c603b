"""The main job: every stage that exists, run over a corpus folder into a build folder.

Each article is read and decoded once; its Document goes to segments.jsonl, fragment
pairing and document alignment, whose sentences are encoded together in large batches; the
alignment records go to glossary extraction and corpus.tmx in memory. A file that cannot be
read is reported (path and reason) and left out; everything else is still written.

Reading and aligning run on an engine (see mtalign.engines): the rows are groups of articles
and document pairs fixed by the corpus alone, so the outputs are the same on every engine.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

from mtalign.align.documents import align_read, bead_records, pair_of
from mtalign.align.encoders import Encoder, PreEncoded, load_encoder
from mtalign.align.fragments import pair_fragments
from mtalign.engines import EngineConfig, Stage, fixed_groups
from mtalign.engines.manifest import Manifest, item_key_or_none
from mtalign.engines.resume import run_resumable
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
CHECKPOINT = ".mtalign-run-checkpoint.jsonl"  # rows finished, for a restarted run; removed at end
GROUP_TASKS, GROUP_BYTES = 8, 1 << 18  # articles or pairs per row, input bytes per row


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


def corpus_tasks(files: List[Path]) -> List[Tuple[Path, ...]]:
    """Every single-language article (its fragments), then every NAME.ko/NAME.en pair."""
    pairs = parallel_pairs(files)
    in_pairs = {path for pair in pairs for path in pair}
    return [(path,) for path in files if path not in in_pairs] + list(pairs)


def read_task_files(tasks: List[Tuple[Path, ...]]) -> dict:
    """The stateless stage: a row's files read and segmented (or why one cannot be)."""
    documents: Dict[Path, object] = {}
    for path in (path for task in tasks for path in task):
        try:
            documents[path] = read_document(path)
        except UserError as err:
            documents[path] = str(err)
    return {"tasks": tasks, "documents": documents}


def align_tasks(encoder: Encoder, read: dict) -> dict:
    """The encoder stage: a row's fragments and beads, its sentences encoded together."""
    documents = {path: doc for path, doc in read["documents"].items() if isinstance(doc, Document)}
    encoded = PreEncoded(encoder, [s.text for doc in documents.values() for s in doc.segments])
    records: List[AlignmentRecord] = []
    notes: List[str] = []
    for task in read["tasks"]:
        if any(path not in documents for path in task):
            continue
        if len(task) == 1:
            records += pair_fragments(documents[task[0]].segments, encoded)
            continue
        ko_path, en_path = task
        pair = pair_of(str(ko_path), documents[ko_path].segments,
                       str(en_path), documents[en_path].segments)
        alignment = align_read(pair, encoded)
        notes.extend(alignment.warnings)
        records += bead_records(alignment)
    files = {str(path): {"error": doc} if isinstance(doc, str) else
             {"encoding": doc.encoding, "segments": [dataclasses.asdict(s) for s in doc.segments]}
             for path, doc in read["documents"].items()}
    return {"files": files, "records": [dataclasses.asdict(r) for r in records], "notes": notes}


def read_and_align(files: List[Path], out: Path, report: RunReport, progress: bool,
                   engine: EngineConfig) -> Tuple[AlignedTexts, List[Path]]:
    """segments.jsonl and alignments.jsonl, on the chosen engine, one progress bar; returns the
    aligned texts for the later stages and the files that could be read."""
    tasks = corpus_tasks(files)
    sizes = [sum(path.stat().st_size for path in task) for task in tasks]
    groups = fixed_groups(tasks, sizes, GROUP_TASKS, GROUP_BYTES)
    encoder = functools.partial(load_encoder, "use", engine.encoder_threads())
    stages = [Stage(read_task_files), Stage(align_tasks, encoder)]
    keys = [item_key_or_none("run", [path for task in group for path in task]) for group in groups]
    bar = {"desc": "run", "enabled": progress, "total": len(files),
           "documents": lambda value: len(value["files"]),
           "sentences": lambda value: sum(len(f.get("segments", ()))
                                          for f in value["files"].values())}
    read: Dict[str, dict] = {}
    records: List[AlignmentRecord] = []
    notes: List[str] = []
    for outcome in run_resumable(engine, groups, stages, keys, Manifest(out / CHECKPOINT), bar):
        if outcome.error is not None:
            raise UserError(outcome.error)
        read.update(outcome.value["files"])
        records += [AlignmentRecord(**record) for record in outcome.value["records"]]
        notes += outcome.value["notes"]
    readable = [path for path in files if "error" not in read[str(path)]]
    report.failed += [read[str(path)]["error"] for path in files if path not in readable]
    report.notes += [f"{path}: decoded as {read[str(path)]['encoding']}" for path in readable
                     if read[str(path)]["encoding"] not in ("utf-8", "utf-8-sig")] + notes
    with atomic_write(out / "segments.jsonl") as handle:
        for path in readable:
            report.segments += jsonl.write(read[str(path)]["segments"], handle)
    with atomic_write(out / "alignments.jsonl") as handle:
        report.alignments = write_records(records, "jsonl", handle)
    report.outputs += [str(out / "segments.jsonl"), str(out / "alignments.jsonl")]
    return aligned_texts(records), readable


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


def run(corpus: str | os.PathLike, out_dir: str | os.PathLike, progress: bool = True,
        engine: EngineConfig = EngineConfig()) -> RunReport:
    files = corpus_files(corpus)
    out = Path(out_dir)
    report = RunReport(files=len(files), notes=partner_warnings(files))
    aligned, readable = read_and_align(files, out, report, progress, engine)
    glossary = load_glossary()
    report.notes.extend(f"glossary conflict: {conflict}" for conflict in glossary.conflicts)
    glossary_outputs(aligned, glossary, out, report)
    corpus_tmx(aligned, out, report)
    consistency(readable, glossary, out, report)
    Manifest(out / CHECKPOINT).remove()
    return report
