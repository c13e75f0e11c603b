"""The main job: every stage that exists, run over a corpus folder into a build folder."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import List

from tqdm import tqdm

from mtalign.errors import UserError
from mtalign.fileio import atomic_write
from mtalign.formats import jsonl
from mtalign.segment import detect_encoding, segment_file

CORPUS_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class RunReport:
    files: int = 0
    segments: int = 0
    outputs: List[str] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)


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


def segment_corpus(files: List[Path], out_path: Path, report: RunReport, progress: bool) -> None:
    with atomic_write(out_path) as handle:
        for path in tqdm(files, desc="segment", unit="file", file=sys.stderr, disable=not progress):
            encoding = detect_encoding(path)
            if encoding not in ("utf-8", "utf-8-sig"):
                report.notes.append(f"{path}: decoded as {encoding}")
            report.segments += jsonl.write(segment_file(path, encoding), handle)
    report.outputs.append(str(out_path))


def run(corpus: str | os.PathLike, out_dir: str | os.PathLike, progress: bool = True) -> RunReport:
    files = corpus_files(corpus)
    out = Path(out_dir)
    report = RunReport(files=len(files))
    segment_corpus(files, out / "segments.jsonl", report, progress)
    return report
