"""Checking files for name consistency, fixing copies, and writing the report."""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from mtalign.fileio import atomic_write, check_outputs, copy_targets
from mtalign.glossary import Glossary, Lookup
from mtalign.names.check import Checker, inconsistent_names
from mtalign.segment import detect_encoding
from mtalign.types import Finding

KIND_LABELS = {
    "style": "(a) house-style form",
    "misspelling": "(b) misspelling",
    "institution": "(c) institution name",
    "inconsistent": "(d) written two ways",
    "place": "(e) place-name variant",
}


def _raw_lines(path: str) -> tuple:
    """(encoding, lines with their own line endings) exactly as in the file."""
    encoding = detect_encoding(path)
    with open(path, encoding=encoding, newline="") as handle:
        return encoding, handle.readlines()


def read_lines(path: str) -> List[str]:
    """The file's lines exactly as written (decoded, line ending removed), for exact columns."""
    return [line.rstrip("\r\n") for line in _raw_lines(path)[1]]


def check_files(paths: Sequence[str], glossary: Glossary, style: Optional[str]) -> List[Finding]:
    texts = {path: read_lines(path) for path in paths}
    checker = Checker(glossary.entries.values(), style, Lookup(glossary=glossary))
    findings: List[Finding] = []
    for path, lines in texts.items():
        findings.extend(checker.check_lines(lines, path))
    taken: Dict[tuple, List[tuple]] = defaultdict(list)  # glossary names and findings so far
    for path, lines in texts.items():
        for number, line in enumerate(lines, start=1):
            taken[path, number].extend(checker.spans(line))
    for finding in findings:
        taken[finding.file, finding.line].append(
            (finding.col - 1, finding.col - 1 + len(finding.text))
        )
    findings.extend(inconsistent_names(texts, skip_spans=taken, style=style))
    return _one_per_span(sorted(findings, key=lambda f: (f.file, f.line, f.col)))


def _one_per_span(findings: List[Finding]) -> List[Finding]:
    """One finding, so one suggestion, per stretch of text: the first (glossary) one wins."""
    kept: List[Finding] = []
    for finding in findings:
        end = finding.col + len(finding.text)
        if not any(
            k.file == finding.file
            and k.line == finding.line
            and k.col < end
            and finding.col < k.col + len(k.text)
            for k in kept[-5:]
        ):
            kept.append(finding)
    return kept


def fix_targets(paths: Sequence[str], out_dir: str | os.PathLike) -> List[Path]:
    """The corrected copies' paths; refused (UserError) if one would overwrite an input or
    another output."""
    targets = copy_targets(paths, out_dir)
    check_outputs([*targets, Path(out_dir) / "fixes.json"], paths)
    return targets


def fix_copies(paths: Sequence[str], findings: Sequence[Finding], out_dir: str) -> List[dict]:
    """Write corrected copies into out_dir (never over an input) and return the changes made."""
    out = Path(out_dir)
    targets = fix_targets(paths, out)
    changes = []
    for path, target in zip(paths, targets):
        encoding, lines = _raw_lines(path)
        for finding in sorted(
            (f for f in findings if f.file == path and f.fixable), key=lambda f: (f.line, -f.col)
        ):
            line = lines[finding.line - 1]
            start = finding.col - 1
            if line[start : start + len(finding.text)] == finding.text:
                lines[finding.line - 1] = (
                    line[:start] + finding.suggestion + line[start + len(finding.text) :]
                )
                changes.append(
                    {
                        "file": path,
                        "line": finding.line,
                        "col": finding.col,
                        "from": finding.text,
                        "to": finding.suggestion,
                        "kind": finding.kind,
                        "copy": str(target),
                    }
                )
        with atomic_write(target, encoding=encoding) as handle:  # same encoding and line endings
            handle.write("".join(lines))
    with atomic_write(out / "fixes.json") as handle:
        json.dump(changes, handle, ensure_ascii=False, indent=2)
    return changes


def markdown_report(findings: Sequence[Finding], style: Optional[str]) -> str:
    counts = Counter(f.kind for f in findings)
    lines = [
        f"# Name consistency report (house style: {style or 'default'})",
        "",
        f"{len(findings)} findings: "
        + ", ".join(f"{KIND_LABELS[k]} {n}" for k, n in sorted(counts.items())),
        "",
        "| file | line:col | found | suggestion | kind |",
        "| --- | --- | --- | --- | --- |",
    ]
    for f in findings:
        where = f"{os.path.basename(f.file)} | {f.line}:{f.col}"
        lines.append(f"| {where} | {f.text} | {f.suggestion} | {KIND_LABELS[f.kind]} |")
    return "\n".join(lines) + "\n"
