#!/usr/bin/env python3
"""Collect real (Hangul name, English spelling) pairs from public repository snapshots into
corpora/names/*.tsv, one file per source, a source (repository:path@commit) on every row.

Each source names a repository, a file at a commit and how to read it: a regular expression
whose groups are the role, the Hangul name and the English spelling, or CSV columns (with
the value a column must have, e.g. Country = South Korea). A pair is kept only when the
English spelling is a romanization of the Hangul (`mtalign.names.learn.segment` can split it
into one spelling per syllable), so foreign names written in Hangul (증국상 = Derek Tsang) drop out.

    .venv/bin/python scripts/collect_names.py [--mirror /work/.mirror]

The snapshots come from the search tool's `fetch` (github:owner/name); without them the
script reports which are missing and writes nothing for those sources.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
from pathlib import Path

from mtalign.names.learn import segment

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "corpora" / "names"
HANGUL = r"\s*([가-힣]{2,4})\s*"
LATIN = r"\s*([A-Za-z][A-Za-z' .\-]+?)\s*"
SOURCES = [
    {
        "file": "kmdb-film-people.tsv",
        "repo": "LeRelais/Capstone_Design_I",
        "path": "seeds/movie.js",
        "commit": "93a775d09c292471dfe1bc9e53c73cc857390c49",
        "side": "south",
        "pattern": rf'"(actor|director)Nm":\s*"{HANGUL}",\s*"(?:actor|director)EnNm":\s*"{LATIN}"',
        "kinds": {"actor": "film actor", "director": "film director"},
    },
    {
        "file": "kpop-idols.tsv",
        "repo": "kyg2575/project-A",
        "path": "kpop_idols.csv",
        "commit": "e809fea47fbd109b0fab2b00f08cd269c4d4bae1",
        "side": "south",
        "columns": ("Korean Name", "Full Name"),
        "only": ("Country", "South Korea"),
        "kinds": {"": "K-pop idol (birth name, as the fan database dbkpop.com spells it)"},
    },
]
HEADER = "ko\ten\tside\tkind\tsource\n"


def blob(mirror: Path, repo: str, path: str, commit: str) -> str:
    git_dir = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def found(source: dict, text: str):
    """(role, Hangul name, English spelling) as the source's regular expression or columns
    read them."""
    if "pattern" in source:
        return re.findall(source["pattern"], text)
    korean, english = source["columns"]
    column, value = source["only"]
    return [
        ("", record[korean].strip(), record[english])
        for record in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        if record[column] == value
    ]


def rows(source: dict, text: str):
    seen = set()
    where = f"{source['repo']}:{source['path']}@{source['commit']}"
    for role, korean, english in found(source, text):
        english = " ".join(english.split())
        if (korean, english) in seen or segment(korean, english) is None:
            continue
        seen.add((korean, english))
        yield "\t".join([korean, english, source["side"], source["kinds"][role], where])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    for source in SOURCES:
        try:
            text = blob(args.mirror, source["repo"], source["path"], source["commit"])
        except (subprocess.CalledProcessError, FileNotFoundError):
            print(f"missing snapshot: github:{source['repo']} ({source['path']})", file=sys.stderr)
            continue
        kept = list(rows(source, text))
        (OUT / source["file"]).write_text(
            HEADER + "".join(line + "\n" for line in kept), encoding="utf-8"
        )
        print(f"{source['file']}: {len(kept)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
