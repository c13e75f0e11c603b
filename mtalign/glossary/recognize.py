"""Glossary terms in running text of either script, per file and line (`glossary find`)."""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional, Sequence

from mtalign.errors import UserError
from mtalign.glossary.terms import TermFinder, TermHit
from mtalign.segment import detect_encoding
from mtalign.types import Entry


class Recognizer:
    """Korean and English term finders over one glossary; English hits inside a Korean one
    (SK in SK하이닉스) are dropped."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self.korean = TermFinder(entries)
        self.english = TermFinder(entries, korean=False)

    def find(self, text: str) -> List[TermHit]:
        korean = self.korean.find(text)
        english = [
            hit
            for hit in self.english.find(text)
            if not any(k.start < hit.end and hit.start < k.end for k in korean)
        ]
        return sorted(korean + english, key=lambda hit: hit.start)


def hit_record(path: str, line: int, hit: TermHit, style: Optional[str]) -> dict:
    return {
        "file": path,
        "line": line,
        "col": hit.start + 1,
        "text": hit.text or hit.form,
        "id": hit.entry.id,
        "en": hit.english(style),
        "type": hit.entry.type,
    }


def read_text_lines(path: str) -> List[str]:
    encoding = detect_encoding(path)  # a UserError for a missing file or a directory
    try:
        with open(path, encoding=encoding) as handle:
            return handle.read().splitlines()
    except UnicodeDecodeError as err:
        raise UserError(f"{path}: cannot be decoded (byte offset {err.start})") from None


def find_in_files(
    paths: Sequence[str], recognizer: Recognizer, style: Optional[str]
) -> Iterator[dict]:
    """One record per term found, file by file and line by line."""
    for path in paths:
        for number, line in enumerate(read_text_lines(path), start=1):
            for hit in recognizer.find(line):
                yield hit_record(path, number, hit, style)
