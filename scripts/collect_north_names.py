#!/usr/bin/env python3
"""Pair North Korean officials' names in Hangul with KCNA's English spelling of them, from
name lists transcribed from stored public pages (corpora/names/sources/north-name-lists.tsv:
one row per name as the page prints it, with the page address; a list cut off by the page
copy loses its last, possibly cut, name) and from the candidates that
scripts/extract_north_name_candidates.py takes from two large one-language sources
(corpora/names/sources/north-name-candidates.tsv: KCNA's English headlines and stories of
1997-2014, the Unification Ministry's directories of North Korean officials 2019-2022).

KCNA's English lists (state funeral committees, officials at a ceremony, cabinet members)
and Korean lists of the same bodies (KCNA's Korean text as South Korean outlets reprint it)
name largely the same officials, in different years and orders. A Hangul name and a KCNA
spelling are paired when each is the other's only match in the whole collection: the
English is a spelling KCNA gives the Hangul (`mtalign.names.styles.kcna_reads`: one
capitalized part per syllable, each part a KCNA spelling of its syllable, Ri Pyong Chol),
and uniqueness is judged over the whole collection, lists and candidates together. A name
with two possible partners (리용호 and 리영호 both read Ri Yong Ho) is left out, as is one
without a partner. A pair of two page-list names goes to north-kcna-lists.tsv, any other
to north-kcna-directories.tsv; each names the source of its English and of its Hangul.

North Korean names as South Korean outlets write them (Yonhap's form, given name hyphenated:
Ri Pyong-chol, Choe Son-hui), transcribed from stored public pages of Yonhap and other South
Korean English outlets (corpora/names/sources/north-yonhap-names.tsv: the name as printed,
the outlet, the page address), are paired the same way with the same Hangul names, read by
`mtalign.names.styles.yonhap_north_reads` and unique both ways among those spellings, into
north-yonhap-written.tsv.

    .venv/bin/python scripts/collect_north_names.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Tuple

from mtalign.names.styles import kcna_reads, kcna_spacing, yonhap_north_reads

CORPORA = Path(__file__).resolve().parent.parent / "corpora" / "names"
LISTS = CORPORA / "sources" / "north-name-lists.tsv"
CANDIDATES = CORPORA / "sources" / "north-name-candidates.tsv"
OUT = CORPORA / "north-kcna-lists.tsv"
OUT_DIRECTORIES = CORPORA / "north-kcna-directories.tsv"
YONHAP_NAMES = CORPORA / "sources" / "north-yonhap-names.tsv"
OUT_YONHAP = CORPORA / "north-yonhap-written.tsv"
HEADER = "ko\ten\tside\tkind\tsource\n"
KIND = "official named by KCNA"
KIND_YONHAP = "North Korean name as a South Korean outlet writes it"
KIND_DIRECTORIES = (
    "North Korean name in KCNA's English and in the Unification Ministry's directories"
)


def _rows(path: Path) -> Iterator[Dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_lists(path: Path) -> Tuple[Dict[str, str], Dict[str, str]]:
    """Hangul names and KCNA spellings, each with the first page that prints it."""
    names: Dict[str, Dict[str, str]] = {"ko": {}, "en": {}}
    for row in _rows(path):
        name = row["name"].strip()
        if row["lang"] == "en":  # KCNA capitalizes every syllable; one list has "Ri Jong OK"
            name = kcna_spacing(name)
        names[row["lang"]].setdefault(name, row["source"])
    return names["ko"], names["en"]


def read_candidates(path: Path) -> Tuple[Dict[str, str], Dict[str, str]]:
    """Hangul names and KCNA spellings of the one-language sources, each with its source."""
    names: Dict[str, Dict[str, str]] = {"ko": {}, "en": {}}
    for row in _rows(path):
        names[row["lang"]][row["name"]] = row["source"]
    return names["ko"], names["en"]


def read_yonhap_names(path: Path) -> Tuple[Dict[str, str], Dict[str, str]]:
    """South Korean outlets' spellings of North Korean names, each with the first page that
    prints it, and the outlet of that page."""
    sources: Dict[str, str] = {}
    outlets: Dict[str, str] = {}
    for row in _rows(path):
        sources.setdefault(row["name"], row["source"])
        outlets.setdefault(row["name"], row["outlet"])
    return sources, outlets


def unique_pairs(
    korean: Iterable[str], english: Iterable[str], reads: Callable[[str, str], bool] = kcna_reads
) -> List[Tuple[str, str]]:
    """(Hangul, spelling) pairs in which each name is the other's only match by `reads`."""
    matches = [(ko, en) for ko in korean for en in english if reads(ko, en)]
    per_korean = Counter(ko for ko, _ in matches)
    per_english = Counter(en for _, en in matches)
    return [(ko, en) for ko, en in matches if per_korean[ko] == per_english[en] == 1]


def write_pairs(path: Path, pairs, korean: Dict[str, str], english: Dict[str, str], kind):
    """`kind` is one text for every row, or a function of the English spelling."""
    kind_of = kind if callable(kind) else lambda _: kind
    rows = [f"{ko}\t{en}\tnorth\t{kind_of(en)}\t{english[en]} {korean[ko]}\n" for ko, en in pairs]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    print(f"{path.name}: {len(pairs)} people")


def main() -> int:
    missing = [path for path in (LISTS, CANDIDATES, YONHAP_NAMES) if not path.is_file()]
    if missing:
        print(f"{missing[0]}: no such file", file=sys.stderr)
        return 2
    listed_korean, listed_english = read_lists(LISTS)
    found_korean, found_english = read_candidates(CANDIDATES)
    korean, english = {**found_korean, **listed_korean}, {**found_english, **listed_english}
    pairs = unique_pairs(korean, english)
    listed = [(ko, en) for ko, en in pairs if ko in listed_korean and en in listed_english]
    in_lists = set(listed)
    others = [pair for pair in pairs if pair not in in_lists]
    write_pairs(OUT, listed, korean, english, KIND)
    write_pairs(OUT_DIRECTORIES, others, korean, english, KIND_DIRECTORIES)
    print(f"({len(korean)} Hangul names, {len(english)} KCNA spellings in lists and candidates)")
    yonhap, outlets = read_yonhap_names(YONHAP_NAMES)
    written = unique_pairs(korean, yonhap, yonhap_north_reads)
    write_pairs(OUT_YONHAP, written, korean, yonhap, lambda en: f"{KIND_YONHAP} ({outlets[en]})")
    print(f"({len(yonhap)} spellings by South Korean outlets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
