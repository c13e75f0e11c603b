#!/usr/bin/env python3
"""Mine Korean personal names with the spelling a newsroom gave them from Korean-English
news sentence pairs: a Hangul name in the Korean sentence and, in the aligned English
sentence, a capitalised "Surname Given-name" that romanizes exactly that name
(`mtalign.names.learn.segment`, hyphens kept where the translator put them). The media's
own spelling, one row per (name, spelling) with the file and line it was first seen in,
into corpora/names/news-parallel-mined.tsv. South Korean people only: a name written in
the North's own spelling (Pak Ui Chun) is left out and counted (North Korean names are
collected apart, in their Yonhap form).

Sources: jungyeul/korean-parallel-corpora, line-aligned (line N of one side translates
line N of the other): the news development split and the JHE files. Never a test split:
those are kept aside to check our work. The training split is read too when the snapshot
holds it (the stored snapshot lacks that large file).

    .venv/bin/python scripts/mine_news_names.py [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from mtalign.hangul import SURNAMES
from mtalign.names.learn import segment, spells
from mtalign.names.styles import romanize_kcna_name, split_name

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "corpora" / "names" / "news-parallel-mined.tsv"
SOURCE_REPO = "jungyeul/korean-parallel-corpora"
ARCHIVES = [  # (archive in the repository, Korean member, English member)
    (
        "korean-english-news-v1/korean-english-park.dev.tar.gz",
        "korean-english-park.dev.ko",
        "korean-english-park.dev.en",
    ),
    (
        "korean-english-news-v1/korean-english-park.train.tar.gz",
        "korean-english-park.train.ko",
        "korean-english-park.train.en",
    ),
]
PLAIN = [  # (Korean file, English file)
    ("korean-english-jhe/jhe-koen-dev.ko", "korean-english-jhe/jhe-koen-dev.en"),
    ("korean-english-jhe/jhe-koen-eval.ko", "korean-english-jhe/jhe-koen-eval.en"),
]
KIND = "person named in Korean-English news (the translation's spelling)"
# Surname spellings of North Korean official English that South Korean copy does not use.
NORTH_SURNAMES = set("Pak Ri Choe Rim Ryang Ro O U Jon Paek Kye Chon Jong Hyon Ryom".split())
HEADER = "ko\ten\tside\tkind\tsource\n"
# A Korean word that opens with a surname and two more syllables (the rest of the word is a
# particle or title: 김민수는, 김민수씨, 김민수 대표).
KOREAN_WORD = re.compile(r"(?<![가-힣])([가-힣]{3,})")
# Surname, then a given name hyphenated (Kim Min-soo), run together (Kim Minsoo) or spaced
# in two capitalised parts (Kim Min Soo).
ENGLISH_NAME = re.compile(
    r"\b([A-Z][a-z]{0,5})\s+([A-Z][a-z]+-[a-z]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)


def git_dir(mirror: Path) -> Path:
    return mirror / SOURCE_REPO.replace("/", "+") / "repo"


def blob(mirror: Path, path: str) -> Optional[bytes]:
    """A file of the snapshot, or None where the snapshot lacks it."""
    if ".test" in path:
        raise ValueError(f"{path}: a test split is never read")
    shown = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror)), "show", f"HEAD:{path}"],
        capture_output=True,
    )
    return shown.stdout if shown.returncode == 0 else None


def commit(mirror: Path) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror)), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def sentence_pairs(mirror: Path) -> Iterator[Tuple[str, int, str, str]]:
    """(where, line number, Korean sentence, English sentence) over every readable source."""
    for archive, korean, english in ARCHIVES:
        data = blob(mirror, archive)
        if data is None:
            print(f"not in the snapshot: {archive}", file=sys.stderr)
            continue
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            sides = [tar.extractfile(member).read().decode("utf-8") for member in (korean, english)]
        yield from _numbered(f"{archive}!{korean}", *sides)
    for korean, english in PLAIN:
        sides = [blob(mirror, path) for path in (korean, english)]
        if None in sides:
            print(f"not in the snapshot: {korean}", file=sys.stderr)
            continue
        yield from _numbered(korean, *(side.decode("utf-8") for side in sides))


def _numbered(where: str, korean: str, english: str):
    for number, pair in enumerate(zip(korean.splitlines(), english.splitlines()), start=1):
        yield (where, number, *pair)


def korean_names(sentence: str) -> List[str]:
    """Three-syllable names (four with a two-syllable surname) that open a Korean word."""
    names = []
    for word in KOREAN_WORD.findall(sentence):
        surname, _ = split_name(word)
        if word[0] in SURNAMES or len(surname) == 2:
            names.append(word[: len(surname) + 2])
    return names


def media_spelling(name: str, sentence: str) -> Optional[str]:
    """The English sentence's spelling of the Hangul `name`, when exactly one capitalised
    name in it romanizes it (and a hyphen falls between the given name's syllables)."""
    found = set()
    for family, given in ENGLISH_NAME.findall(sentence):
        spelled = f"{family} {given}"
        if segment(name, spelled) and _hyphen_fits(name, given):
            found.add(spelled)
    return found.pop() if len(found) == 1 else None


def _hyphen_fits(name: str, given: str) -> bool:
    if "-" not in given:
        return True
    _, syllables = split_name(name)
    parts = given.lower().split("-")
    return len(parts) == len(syllables) and all(map(spells, syllables, parts))


def side(name: str, spelled: str) -> str:
    """north when the translation wrote the North's own spelling of the whole name with a
    surname spelt as only the North spells it (Pak Ui Chun, Paek Nam-sun); else south (Kang
    Min-ho and Song Sang-jin read as KCNA spellings too)."""
    kcna = re.sub(r"[^a-z]", "", romanize_kcna_name(name).lower())
    as_kcna = re.sub(r"[^a-z]", "", spelled.lower()) == kcna
    return "north" if as_kcna and spelled.split()[0] in NORTH_SURNAMES else "south"


def mine(pairs) -> Dict[Tuple[str, str], Tuple[str, int]]:
    """(Hangul, spelling) -> (file, line) where it was first seen."""
    rows: Dict[Tuple[str, str], Tuple[str, int]] = {}
    for where, number, korean, english in pairs:
        for name in korean_names(korean):
            spelled = media_spelling(name, english)
            if spelled:
                rows.setdefault((name, spelled), (where, number))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not git_dir(args.mirror).exists():
        print(f"missing snapshot: github:{SOURCE_REPO}", file=sys.stderr)
        return 2
    head = commit(args.mirror)
    rows = mine(sentence_pairs(args.mirror))
    south = {pair: where for pair, where in rows.items() if side(*pair) == "south"}
    args.out.write_text(
        HEADER
        + "".join(
            f"{korean}\t{english}\tsouth\t{KIND}\t{SOURCE_REPO}:{path}@{head} line {number}\n"
            for (korean, english), (path, number) in sorted(south.items())
        ),
        encoding="utf-8",
    )
    print(f"{len(south)} name pairs -> {args.out} ({len(rows) - len(south)} North Korean left out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
