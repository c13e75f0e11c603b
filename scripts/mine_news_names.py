#!/usr/bin/env python3
"""Mine Korean personal names with the spelling a newsroom or news translator gave them
from Korean-English news sentence pairs: a Hangul name in the Korean sentence and, in the
aligned English sentence, a capitalised "Surname Given-name" that romanizes exactly that
name (`mtalign.names.learn.segment`, hyphens kept where the translator put them). One row
per (name, spelling) with the file and sentence it was first seen in, one file per corpus:

- corpora/names/news-parallel-mined.tsv: jungyeul/korean-parallel-corpora, line-aligned
  (the news development split and the JHE files; the training split too when the snapshot
  holds it, which the stored one does not). Never its test split: it is kept aside.
- corpora/names/news-keat-mined.tsv: emorynlp/MRL-2021, Korean newspaper articles (Seoul
  Economic Daily, Hankyoreh, Kookmin Ilbo, SBS, ...) with their English translation from
  AI Hub's Korean-English corpus (KEAT), sentence by sentence.

South Korean people only: a name in the North's own spelling (Pak Ui Chun) or a North Korean
of the curated glossary (Kim Jong Un) is left out and counted; North Korean names are
collected apart, in their Yonhap form.

    .venv/bin/python scripts/mine_news_names.py [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from mtalign.glossary.store import load_glossary
from mtalign.hangul import SURNAMES
from mtalign.names.learn import segment, spells
from mtalign.names.styles import romanize_kcna_name, split_name

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "corpora" / "names"
PARK = "jungyeul/korean-parallel-corpora"
KEAT = "emorynlp/MRL-2021"
KEAT_ZIP = "dataset/keat/data.zip"
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


def git_dir(mirror: Path, repo: str) -> Path:
    return mirror / repo.replace("/", "+") / "repo"


def blob(mirror: Path, path: str, repo: str = PARK) -> Optional[bytes]:
    """A file of the snapshot, or None where the snapshot lacks it."""
    if ".test" in path:
        raise ValueError(f"{path}: a test split is never read")
    shown = subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "show", f"HEAD:{path}"],
        capture_output=True,
    )
    return shown.stdout if shown.returncode == 0 else None


def commit(mirror: Path, repo: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir(mirror, repo)), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def park_pairs(mirror: Path) -> Iterator[Tuple[str, str, str, str]]:
    """(where, "line N", Korean sentence, English sentence) of the line-aligned files."""
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


def keat_pairs(mirror: Path) -> Iterator[Tuple[str, str, str, str]]:
    """(where, "aihub_id N (newspaper)", Korean sentence, English sentence) of the KEAT
    articles (development and evaluation sets)."""
    data = blob(mirror, KEAT_ZIP, KEAT)
    if data is None:
        print(f"not in the snapshot: {KEAT_ZIP}", file=sys.stderr)
        return
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in sorted(archive.namelist()):
            for article in json.loads(archive.read(member)):
                for sentence in article["text"]:
                    sentence_id = f"aihub_id {sentence['aihub_id']} ({article['source']})"
                    yield (
                        f"{KEAT_ZIP}!{member}",
                        sentence_id,
                        sentence["ko_text"],
                        sentence["en_text"],
                    )


CORPORA = [  # (output file, repository, reader, kind)
    (
        "news-parallel-mined.tsv",
        PARK,
        park_pairs,
        "person named in Korean-English news (the translation's spelling)",
    ),
    (
        "news-keat-mined.tsv",
        KEAT,
        keat_pairs,
        "person named in Korean newspaper articles (the AI Hub translation's spelling)",
    ),
]


def _numbered(where: str, korean: str, english: str):
    for number, pair in enumerate(zip(korean.splitlines(), english.splitlines()), start=1):
        yield (where, f"line {number}", *pair)


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
    """north for a North Korean of the curated glossary (Kim Jong Un) or when the
    translation wrote the North's own spelling of the whole name with a surname spelt as
    only the North spells it (Pak Ui Chun, Paek Nam-sun); else south (Kang Min-ho and Song
    Sang-jin read as KCNA spellings too)."""
    kcna = re.sub(r"[^a-z]", "", romanize_kcna_name(name).lower())
    as_kcna = re.sub(r"[^a-z]", "", spelled.lower()) == kcna
    north_spelt = as_kcna and spelled.split()[0] in NORTH_SURNAMES
    return "north" if north_spelt or name in north_koreans() else "south"


@lru_cache(maxsize=1)
def north_koreans() -> frozenset:
    """Hangul names of the curated glossaries' North Korean people (those with a KCNA form)."""
    return frozenset(
        korean
        for entry in load_glossary().entries.values()
        if entry.type == "person" and "kcna" in entry.styles
        for korean in entry.ko
    )


def mine(pairs) -> Dict[Tuple[str, str], Tuple[str, str]]:
    """(Hangul, spelling) -> (file, sentence) where it was first seen."""
    rows: Dict[Tuple[str, str], Tuple[str, str]] = {}
    for where, sentence, korean, english in pairs:
        for name in korean_names(korean):
            spelled = media_spelling(name, english)
            if spelled:
                rows.setdefault((name, spelled), (where, sentence))
    return rows


def write(path: Path, rows, kind: str, source: str) -> int:
    """The South Korean rows into `path`; how many North Korean ones were left out."""
    south = {pair: where for pair, where in rows.items() if side(*pair) == "south"}
    path.write_text(
        HEADER
        + "".join(
            f"{korean}\t{english}\tsouth\t{kind}\t{source.format(path=file)} {sentence}\n"
            for (korean, english), (file, sentence) in sorted(south.items())
        ),
        encoding="utf-8",
    )
    print(f"{len(south)} name pairs -> {path} ({len(rows) - len(south)} North Korean left out)")
    return len(south)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the TSV files")
    args = parser.parse_args()
    missing = 0
    for name, repo, reader, kind in CORPORA:
        if not git_dir(args.mirror, repo).exists():
            print(f"missing snapshot: github:{repo}", file=sys.stderr)
            missing += 1
            continue
        source = f"{repo}:{{path}}@{commit(args.mirror, repo)}"
        write(args.out / name, mine(reader(args.mirror)), kind, source)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
