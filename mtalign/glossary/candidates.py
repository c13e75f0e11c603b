"""Candidate files: extraction output that a person reviews, then merges into a glossary.

Columns: accept ko en type score dice sound count evidence. Rows whose `accept` cell is
y, yes, x or 1 are merged; the rest are left out. Nothing is merged silently: every
skipped row is reported with its reason.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO, Iterable, List, Tuple

from mtalign.errors import UserError
from mtalign.fileio import atomic_write
from mtalign.glossary.extract import Candidate
from mtalign.glossary.store import Glossary, read_tsv, write_tsv
from mtalign.types import Entry

COLUMNS = ("accept", "ko", "en", "type", "score", "dice", "sound", "count", "evidence")
ACCEPTED = {"y", "yes", "x", "1"}


def write_candidates(candidates: Iterable[Candidate], handle: IO[str]) -> int:
    handle.write("\t".join(COLUMNS) + "\n")
    count = 0
    for c in candidates:
        handle.write(
            "\t".join(
                [
                    "",
                    c.ko,
                    c.en,
                    c.type,
                    str(c.score),
                    str(c.dice),
                    str(c.sound),
                    str(c.count),
                    c.evidence,
                ]
            )
            + "\n"
        )
        count += 1
    return count


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "term"


def merge_candidates(
    candidates_path: str, glossary: Glossary, target: str
) -> Tuple[List[Entry], List[str]]:
    """Add accepted candidates to the glossary file `target`; returns (added, skipped reasons)."""
    lines = Path(candidates_path).read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise UserError(f"{candidates_path}:1: the header must be: {' '.join(COLUMNS)}")
    existing = read_tsv(target) if os.path.exists(target) else []
    known_ko = {form for entry in [*glossary.entries.values(), *existing] for form in entry.ko}
    known_ids = {entry.id for entry in [*glossary.entries.values(), *existing]}
    added, skipped = [], []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise UserError(
                f"{candidates_path}:{number}: expected {len(COLUMNS)} columns, found {len(cells)}"
            )
        row = dict(zip(COLUMNS, cells))
        if row["accept"].strip().casefold() not in ACCEPTED:
            continue
        entry_id = _slug(row["en"])
        if row["ko"] in known_ko:
            skipped.append(f"{candidates_path}:{number}: {row['ko']} is already in the glossary")
        elif entry_id in known_ids:
            skipped.append(f"{candidates_path}:{number}: id {entry_id} is already used")
        else:
            added.append(Entry(id=entry_id, type=row["type"], ko=[row["ko"]], en=row["en"],
                               note="", sources=[row["evidence"]] if row["evidence"] else []))
            known_ko.add(row["ko"])
            known_ids.add(entry_id)
    if added:
        with atomic_write(target) as handle:
            write_tsv([*existing, *added], handle)
    return added, skipped
