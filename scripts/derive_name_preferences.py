#!/usr/bin/env python3
"""Derive the South Korean name-spelling tables from real name pairs, not guesses.

Sources: every `side=south` row of corpora/names/*.tsv (real people with the spelling they
or their publisher use, source on every row) and the South Korean person entries of the
shipped glossaries (their yonhap form; entries with a KCNA form are North Koreans). Each
pair is cut into one spelling per syllable (`mtalign.names.learn.segment`) and counted:
surnames; given-name syllables by position (first, second) and anywhere; onsets by
initial consonant and position; rimes by vowel and final. The romanizer backs off from
position to syllable to onset + rime to strict RR, so a spelling needs many people behind
it before it beats the general pattern.

House surnames: South Korean media write some surnames their own way whatever a database
says (윤 Yoon, 전 Jeon, 백 Baek, 심 Shim, 김 Kim, 이 Lee, 박 Park, 최 Choi, 유 Yoo, 류 Ryu);
for 정 and 노 the data choose among Jung / Jeong / Chung and Noh / Roh.

    .venv/bin/python scripts/derive_name_preferences.py [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from mtalign.glossary.store import load_glossary
from mtalign.names.learn import derive, segment

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora" / "names"
OUT = REPO / "mtalign" / "names" / "data" / "name_spellings.json"
EVALUATION = REPO / "tests" / "data" / "names"
GLOSSARIES = REPO / "glossaries"
REGISTERED = (
    "ko-en-people-registered.tsv"  # built from corpora/names by scripts/build_people_glossary.py
)
HOUSE_SURNAMES = {
    "윤": ("Yoon",),
    "전": ("Jeon",),
    "백": ("Baek",),
    "심": ("Shim",),
    "김": ("Kim",),
    "이": ("Lee",),
    "박": ("Park",),
    "최": ("Choi",),
    "유": ("Yoo",),
    "류": ("Ryu",),
    "정": ("Jung", "Jeong", "Chung"),
    "노": ("Noh", "Roh"),
}


def corpus_rows(side: str = "south") -> list:
    """Rows (ko, en, kind, source file) of corpora/names/*.tsv for one side."""
    rows = []
    for path in sorted(CORPORA.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += [
                (row["ko"], row["en"], row["kind"], path.name)
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if row["side"] == side
            ]
    return rows


def glossary_rows() -> list:
    """South Korean people of the curated glossaries (not the one built from corpora/names),
    less the public figures kept for evaluation (tests/data/names)."""
    kept = {
        line.split("\t")[0]
        for path in EVALUATION.glob("*.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    curated = [path for path in sorted(GLOSSARIES.glob("*.tsv")) if path.name != REGISTERED]
    return [
        (entry.ko[0], entry.english("yonhap"), "glossary person", "glossary")
        for entry in load_glossary(curated).entries.values()
        if entry.type == "person"
        and entry.ko
        and "kcna" not in entry.styles
        and entry.ko[0] not in kept
    ]


def house_surnames(rows) -> dict:
    """The house spelling of each listed surname (of several allowed, the one the newsroom's
    own spellings in the glossary use most, then the lawmakers' registered names), and of
    every other surname those two sources spell one way at least twice."""
    seen = {source: Counter() for source in ("glossary", "lawmakers")}
    for ko, en, kind, source in rows:
        spelled = segment(ko, en)
        where = "glossary" if source == "glossary" else "lawmakers" if "lawmaker" in kind else None
        if spelled and where:
            seen[where][spelled[0]] += 1
    listed = {surname: max(spellings, key=lambda spelling: (seen["glossary"][surname, spelling],
                                                          seen["lawmakers"][surname, spelling],
                                                          -spellings.index(spelling)))
              for surname, spellings in HOUSE_SURNAMES.items()}
    by_data = Counter()  # other surnames: the newsroom's spelling once it is seen twice
    for (surname, spelling), count in (seen["glossary"] + seen["lawmakers"]).items():
        by_data[surname, spelling] = count
    for (surname, spelling), count in sorted(by_data.items(), key=lambda item: -item[1]):
        if count >= 2 and surname not in listed:
            listed[surname] = spelling
    return listed


def build(rows) -> dict:
    tables = derive([(ko, en) for ko, en, *_ in rows], [row[3] == "glossary" for row in rows])
    tables["house_surnames"] = house_surnames(rows)
    return tables


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = corpus_rows() + glossary_rows()
    usable = [row for row in rows if segment(row[0], row[1])]
    tables = build(usable)
    args.out.write_text(
        json.dumps(tables, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(
        f"{len(usable)} of {len(rows)} name pairs -> conventions {tables['weights']} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
