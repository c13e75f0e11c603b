#!/usr/bin/env python3
"""Build glossaries/ko-en-people-registered.tsv from the real name pairs in corpora/names/.

Every collected person becomes a person entry: the spelling the person registered (film
database, National Assembly) or a news translation wrote (not the sources in LEARNING_ONLY),
in Yonhap's form (Surname Given-name, given name hyphenated:
KANG GIYUN -> Kang Gi-yun), the row's source, and a note naming who the person is and the
spelling as registered, so that namesakes (two people, one Hangul name) stay two entries.
A person whose Hangul name is already in a curated people glossary is left to that entry.

    .venv/bin/python scripts/build_people_glossary.py
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from mtalign.glossary.store import load_glossary
from mtalign.names.learn import house_form, segment
from mtalign.names.styles import kcna_spacing

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora" / "names"
OUT = REPO / "glossaries" / "ko-en-people-registered.tsv"
# Sources that wrote the names themselves rather than taking a registration.
WRITTEN_BY_SOURCE = ("news-parallel-mined.tsv",)
# Learning data only: news calls K-pop idols by their stage names, and the translators of the
# KEAT news spell one person several ways (Son Heung-min, Sohn Heung-min, Soon Heung-min);
# in the glossary they would make the checker take other people's names for misspellings.
# The North's directory pairs match a name, not a person (KCNA's Kim Kwang Nam and the
# directory's 김광남 may be two people), so they are no glossary entries either.
LEARNING_ONLY = ("kpop-idols.tsv", "news-keat-mined.tsv", "north-kcna-directories.tsv",
                 "south-yonhap-written.tsv")
COLUMNS = "id\ttype\tko\thanja\ten\tyonhap\tkcna\tap\tvariants\tnote\tsources"


def curated_people() -> dict:
    """Hangul name -> English forms of the people in the curated glossaries."""
    curated = load_glossary([path for path in sorted(OUT.parent.glob("*.tsv")) if path != OUT])
    people = {}
    for entry in curated.entries.values():
        if entry.type == "person":
            for ko in entry.ko:
                people.setdefault(ko, set()).add(entry.en)
    return people


def people_rows():
    """(row, Yonhap form) of the collected people with three- or four-syllable names (two
    syllables are too often common words: 박진감, 조국), one per name and spelling."""
    seen = set()
    for path in sorted(set(CORPORA.glob("*.tsv")) - {CORPORA / name for name in LEARNING_ONLY}):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row["ko"]) < 3 or not segment(row["ko"], row["en"]):
                    continue
                english = house_form(row["ko"], row["en"])
                if (row["ko"], english) not in seen:
                    seen.add((row["ko"], english))
                    yield {**row, "file": path.name}, english


def entries():
    curated, ids = curated_people(), set()
    rows = [
        (row, english)
        for row, english in people_rows()
        if english not in curated.get(row["ko"], ())
    ]
    spellings = {}
    for row, english in rows:
        spellings.setdefault(row["ko"], set()).add(english)
    for row, english in rows:
        namesakes = len(spellings[row["ko"]] | curated.get(row["ko"], set())) > 1
        ident = _unique_id(re.sub(r"[^a-z]+", "-", english.lower()).strip("-"), ids)
        north = row["side"] == "north"
        how = "written" if row["file"] in WRITTEN_BY_SOURCE else "registered as"
        note = f"{row['kind'][:1].upper()}{row['kind'][1:]}; {how} {row['en']}."
        if namesakes:
            note += f" A namesake of other people named {row['ko']}."
        yield "\t".join(
            [ident, "person", row["ko"], "", english, "", kcna_spacing(english) if north else ""]
            + ["", "", note, row["source"]]
        )


def _unique_id(base: str, ids: set) -> str:
    ident, number = base, 1
    while ident in ids:
        number += 1
        ident = f"{base}-{number}"
    ids.add(ident)
    return ident


def table() -> str:
    """The whole TSV the script writes, header first."""
    return COLUMNS + "\n" + "".join(line + "\n" for line in entries())


def main() -> int:
    text = table()
    OUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 1} people -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
