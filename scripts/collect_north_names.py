#!/usr/bin/env python3
"""Pair North Korean officials' names in Hangul with KCNA's English spelling of them, from
name lists transcribed from stored public pages (corpora/names/sources/north-name-lists.tsv:
one row per name as the page prints it, with the page address; a list cut off by the page
copy loses its last, possibly cut, name).

KCNA's English lists (state funeral committees, officials at a ceremony, cabinet members)
and Korean lists of the same bodies (KCNA's Korean text as South Korean outlets reprint it)
name largely the same officials, in different years and orders. A Hangul name and a KCNA
spelling are paired when each is the other's only match in the whole collection: the
English is a romanization of the Hangul (`mtalign.names.learn.segment`) written as KCNA
writes names, one capitalized part per syllable (Ri Pyong Chol). A name with two possible
partners (리용호 and 리영호 both read Ri Yong Ho) is left out, as is one without a partner.
Each pair names the page of its English and of its Hangul spelling.

    .venv/bin/python scripts/collect_north_names.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

from mtalign.names.learn import segment
from mtalign.names.styles import kcna_spacing

CORPORA = Path(__file__).resolve().parent.parent / "corpora" / "names"
LISTS = CORPORA / "sources" / "north-name-lists.tsv"
OUT = CORPORA / "north-kcna-lists.tsv"
HEADER = "ko\ten\tside\tkind\tsource\n"
KIND = "official named by KCNA"


def read_lists(path: Path) -> Tuple[Dict[str, str], Dict[str, str]]:
    """Hangul names and KCNA spellings, each with the first page that prints it."""
    names: Dict[str, Dict[str, str]] = {"ko": {}, "en": {}}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = row["name"].strip()
            if row["lang"] == "en":  # KCNA capitalizes every syllable; one list has "Ri Jong OK"
                name = kcna_spacing(name)
            names[row["lang"]].setdefault(name, row["source"])
    return names["ko"], names["en"]


def kcna_reading(korean: str, english: str) -> bool:
    """Whether `english` spells `korean` the way KCNA writes a name: a romanization with one
    part per syllable."""
    return len(english.split()) == len(korean) and segment(korean, english) is not None


def unique_pairs(korean: Iterable[str], english: Iterable[str]) -> List[Tuple[str, str]]:
    """(Hangul, KCNA spelling) pairs in which each name is the other's only match."""
    matches = [(ko, en) for ko in korean for en in english if kcna_reading(ko, en)]
    per_korean = Counter(ko for ko, _ in matches)
    per_english = Counter(en for _, en in matches)
    return [(ko, en) for ko, en in matches if per_korean[ko] == per_english[en] == 1]


def main() -> int:
    if not LISTS.is_file():
        print(f"{LISTS}: no such file", file=sys.stderr)
        return 2
    korean, english = read_lists(LISTS)
    pairs = unique_pairs(korean, english)
    rows = [
        "\t".join([ko, en, "north", KIND, f"{english[en]} {korean[ko]}"]) + "\n" for ko, en in pairs
    ]
    OUT.write_text(HEADER + "".join(rows), encoding="utf-8")
    print(
        f"{OUT.name}: {len(pairs)} people ({len(korean)} Hangul names, "
        f"{len(english)} KCNA spellings in the lists)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
