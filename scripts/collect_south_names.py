#!/usr/bin/env python3
"""Pair South Korean people's names as Yonhap's English service prints them with their Hangul.

English side: corpora/names/sources/south-yonhap-names.tsv, names transcribed by hand from
stored copies of Yonhap's English pages (en.yna.co.kr, m-en.yna.co.kr, its older hosts, and
Yonhap copy reprinted under a "(Yonhap)" credit), with the context the page gives (title,
team, post) and the page address. Hangul side: people lists with a role, never a list in
English: the South rows of corpora/names/*.tsv (the Hangul only), the curated glossary
people, and corpora/names/sources/south-hangul-lists.tsv (KBO players of 2024-2025 and the
candidates of the 2020 general election, taken from public repositories by --extract).

A spelling and a Hangul name are paired when `mtalign.names.styles.south_reads` reads the
one as the other, the roles agree where both are known (a "Rep." is not paired with a film
database entry, a pitcher not with a candidate), and each is the other's only such match in
the whole collection. The pairs go to corpora/names/south-yonhap-written.tsv with the source
of the spelling and of the Hangul.

    .venv/bin/python scripts/collect_south_names.py [--extract]
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from mtalign.glossary.store import load_glossary
from mtalign.names.styles import south_reads, south_spellings, split_name

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora" / "names"
SPELLINGS = CORPORA / "sources" / "south-yonhap-names.tsv"
HANGUL_LISTS = CORPORA / "sources" / "south-hangul-lists.tsv"
OUT = CORPORA / "south-yonhap-written.tsv"
GLOSSARIES = REPO / "glossaries"
REGISTERED = "ko-en-people-registered.tsv"  # built from corpora/names, read there
MIRRORS = Path("/work/.mirror")
HEADER = "ko\ten\tside\tkind\tsource\n"
KIND = "South Korean name as Yonhap's English service writes it; context: "
# The role a source's people have (None: any), and the English context words that tell one;
# a role no Hangul list has (law, sport) pairs with the lists of any role only.
SOURCE_ROLES = {
    "national-assembly-21.tsv": "politics",
    "kmdb-film-people.tsv": "film",
    "kpop-idols.tsv": "kpop",
}
CONTEXT_ROLES = (
    ("baseball", r"\bbaseball\b"),
    ("football", r"\bfootball\b"),
    ("film", r"\b(?:film|actor|actress)\b"),
    ("law", r"\b(?:court|justice|judge|prosecutor-general)\b"),
    ("sport", r"\b(?:golfer|archer|judoka)\b"),
    (
        "politics",
        r"\b(?:rep\.|lawmaker|minister|party|candidate|mayor|governor|president|"
        r"dp|ppp|lkp)\b",
    ),
)
# Each Hangul name: the roles of the lists that hold it, and a source per role (first seen).
HangulNames = Dict[str, Dict[Optional[str], str]]


def _rows(path: Path) -> Iterator[Dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def context_role(context: str) -> Optional[str]:
    """The role an English context names (baseball, football, film, politics), if any."""
    lowered = context.lower()
    return next((role for role, pattern in CONTEXT_ROLES if re.search(pattern, lowered)), None)


def read_spellings(path: Path) -> Dict[str, Tuple[str, str]]:
    """Each spelling with the context and page of its first row."""
    spellings: Dict[str, Tuple[str, str]] = {}
    for row in _rows(path):
        spellings.setdefault(row["name"], (row["context"], row["source"]))
    return spellings


def hangul_names() -> HangulNames:
    """Every Hangul name of the lists, with the first source of each role that holds it."""
    names: HangulNames = {}

    def add(korean: str, role: Optional[str], source: str) -> None:
        names.setdefault(korean, {}).setdefault(role, source)

    for path in sorted(CORPORA.glob("*.tsv")):
        if path != OUT:
            for row in _rows(path):
                if row["side"] == "south":
                    add(row["ko"], SOURCE_ROLES.get(path.name), f"{path.name}: {row['source']}")
    curated = [path for path in sorted(GLOSSARIES.glob("*.tsv")) if path.name != REGISTERED]
    for entry in load_glossary(curated).entries.values():
        if entry.type == "person" and entry.ko and "kcna" not in entry.styles:
            add(entry.ko[0], None, f"glossary {entry.id}")
    for row in _rows(HANGUL_LISTS):
        add(row["name"], row["role"], row["source"])
    return names


def compatible(english_role: Optional[str], korean_roles) -> bool:
    return english_role is None or None in korean_roles or english_role in korean_roles


def hangul_source(sources: Dict[Optional[str], str], english_role: Optional[str]) -> str:
    """The source of the Hangul: a list of the context's role, else one of any role."""
    return sources.get(english_role) or sources.get(None) or next(iter(sources.values()))


def may_spell_surname(surname: str, word: str) -> bool:
    """A cheap first check: a one-syllable Hangul surname must be spelt `word`; two-syllable
    surnames are left to `south_reads`."""
    if len(surname) > 1:
        return True
    return "가" <= surname <= "힣" and word in south_spellings(surname)


def unique_pairs(korean: HangulNames, english: Dict[str, Tuple[str, str]]) -> List[Tuple[str, str]]:
    """(Hangul, spelling) pairs in which each is the other's only reading with agreeing roles."""
    by_surname = defaultdict(list)  # only names whose surname the spelling's can be are read
    for ko in korean:
        by_surname[split_name(ko)[0]].append(ko)
    matches = [
        (ko, en)
        for en, (context, _) in english.items()
        for surname, names in by_surname.items()
        if may_spell_surname(surname, en.split()[0].lower())
        for ko in names
        if compatible(context_role(context), korean[ko]) and south_reads(ko, en)
    ]
    per_korean, per_english = defaultdict(int), defaultdict(int)
    for ko, en in matches:
        per_korean[ko] += 1
        per_english[en] += 1
    return sorted((ko, en) for ko, en in matches if per_korean[ko] == per_english[en] == 1)


def _git_show(repo: str, commit: str, path: str) -> str:
    git_dir = next((MIRRORS / repo.replace("/", "+")).glob("repo*"))
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


# Hangul people lists in public repositories (names with a role, no English): repository,
# commit, path, the pattern that finds a name, the role.
LISTS = (
    (
        "Lacri1/baseball",
        "1c042063668bdc6dc9ad84b58a74a696af92832a",
        "src/main/resources/data.sql",
        r"INSERT INTO kbo_(?:hitter|pitcher)_stats_202[45] .*?VALUES \('([가-힣]{2,4})'",
        "baseball",
    ),
    (
        "jhyun3315/festival",
        "31d57e908be897fea5dc336bbb21f4773b0efd20",
        "finalproject_front/src/views/Festival/Map/localseat.final.js",
        r'"name" : "([가-힣]{2,4})\(',
        "politics",
    ),
)


def extract_lists(path: Path) -> None:
    """Write the Hangul lists from the fetched snapshots (the search tool's fetch)."""
    rows = []
    for repo, commit, file, pattern, role in LISTS:
        text = _git_show(repo, commit, file)
        names = sorted(set(re.findall(pattern, text, flags=re.S)))
        rows += [f"{name}\t{role}\t{repo}:{file}@{commit}\n" for name in names]
    path.write_text("name\trole\tsource\n" + "".join(rows), encoding="utf-8")
    print(f"{path.name}: {len(rows)} Hangul names")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extract", action="store_true", help="rebuild the Hangul lists first")
    args = parser.parse_args()
    if args.extract:
        extract_lists(HANGUL_LISTS)
    missing = [path for path in (SPELLINGS, HANGUL_LISTS) if not path.is_file()]
    if missing:
        print(f"{missing[0]}: no such file", file=sys.stderr)
        return 2
    table = collected_table()
    OUT.write_text(table, encoding="utf-8")
    print(f"{OUT.name}: {table.count(chr(10)) - 1} people")
    return 0


def collected_table() -> str:
    """The pairs as the TSV text of OUT, from the stored spellings and Hangul lists."""
    english, korean = read_spellings(SPELLINGS), hangul_names()
    rows = []
    for ko, en in unique_pairs(korean, english):
        context, page = english[en]
        hangul = hangul_source(korean[ko], context_role(context))
        rows.append(f"{ko}\t{en}\tsouth\t{KIND}{context}\t{page} {hangul}\n")
    return HEADER + "".join(rows)


if __name__ == "__main__":
    sys.exit(main())
