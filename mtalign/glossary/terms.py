"""Find glossary terms inside running text (Korean forms, or English forms of any spelling)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple

from mtalign.types import Entry


@dataclass(frozen=True)
class TermHit:
    entry: Entry
    form: str
    start: int
    end: int


class TermFinder:
    """Longest-match scan for known forms, indexed by their first two characters."""

    def __init__(self, entries: Iterable[Entry], korean: bool = True) -> None:
        self._by_prefix: Dict[str, List[Tuple[str, Entry]]] = defaultdict(list)
        for entry in entries:
            for form in (entry.ko if korean else entry.english_forms()):
                if len(form) >= 2:
                    self._by_prefix[form[:2]].append((form, entry))
        for forms in self._by_prefix.values():
            forms.sort(key=lambda pair: -len(pair[0]))

    def find(self, text: str) -> List[TermHit]:
        hits, position = [], 0
        while position < len(text) - 1:
            for form, entry in self._by_prefix.get(text[position:position + 2], ()):
                if text.startswith(form, position):
                    hits.append(TermHit(entry, form, position, position + len(form)))
                    position += len(form) - 1
                    break
            position += 1
        return hits
