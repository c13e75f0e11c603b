#!/usr/bin/env python3
"""Name candidates for scripts/collect_north_names.py from two large one-language sources,
written to corpora/names/sources/north-name-candidates.tsv (lang, name, count, source):

- English: KCNA's own English, the kcna.co.jp headlines of 1997-2014 and the full stories
  of 2011-2012 as bundled by xmarquez/KCNA (`data/*.rda`); a candidate is a run of two to
  four capitalized words, the first a KCNA spelling of a Korean surname and every other a
  KCNA spelling of some Hangul syllable (Choe Ryong Hae, Pak Ui Chun).
- Hangul: the Unification Ministry's directories of North Korean officials by institution
  (북한 기관별 인명록 2019-2022, PDF) and its leader table, as kept in seouljake/nkelites;
  a candidate is a three-syllable word beginning with a surname (names of two syllables
  are printed spaced out, 최   휘, and are left out as too easily confused with words).

Only candidates with at least one possible partner on the other side are kept (the others
cannot change which pairs are unique). Needs the two snapshots (the search tool's fetch,
under /work/.mirror) and, for reading them, pyreadr and pypdf, which mtalign itself does
not use:

    pip install pyreadr pandas pypdf
    python scripts/extract_north_name_candidates.py [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from itertools import product
from pathlib import Path
from typing import Dict, Iterator, Set, Tuple
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mtalign.names.styles import kcna_spellings  # noqa: E402

OUT = REPO / "corpora" / "names" / "sources" / "north-name-candidates.tsv"
KCNA_REPO = "xmarquez/KCNA"
KCNA_FILES = {
    "data/headlines.rda": "title",
    "data/KCNA_2011.rda": "story",
    "data/KCNA_2012.rda": "story",
}
MOU_REPO = "seouljake/nkelites"
MOU_LEADERS = "data/2022 data/2022 data - 2 tables/leaders.xlsx"
# Korean surnames as the North writes them (리, 림, 로, 류 ... and the rarer ones).
SURNAMES = (
    "김리박최정조강장윤한오로노류유홍황전림임안서신량양현태주문백허고차계방마명변석송심우원위진"
    "채편함탁국길남동두라나렴염맹모민반배봉성손승엄여연옥왕용은인좌지천추표하곽구권금기도려륙"
    "륜목사상선설소시어예옹육음제종창초탄팽평피필형호화후"
)
SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
Candidates = Dict[str, Tuple[int, str]]


def git(mirror: Path, repo: str, *args: str) -> bytes:
    directory = mirror / repo.replace("/", "+") / "repo"
    return subprocess.run(
        ["git", "-C", str(directory), "-c", "core.quotepath=off", *args],
        check=True,
        capture_output=True,
    ).stdout


def head(mirror: Path, repo: str) -> str:
    return git(mirror, repo, "rev-parse", "HEAD").decode().strip()


def english_candidates(mirror: Path) -> Candidates:
    import pyreadr  # noqa: PLC0415 - only this step needs it

    surnames = {spelling.capitalize() for s in SURNAMES for spelling in kcna_spellings(s)}
    syllables = {sp for code in range(0xAC00, 0xD7A4) for sp in kcna_spellings(chr(code))}
    run = re.compile(r"(?<![\w'’-])([A-Z][a-z]{0,5}(?: [A-Z][a-z]{0,5}){1,3})(?![\w-])")
    commit, found = head(mirror, KCNA_REPO), Counter()
    first: Dict[str, str] = {}
    for path, column in KCNA_FILES.items():
        with tempfile.NamedTemporaryFile(suffix=".rda") as handle:
            handle.write(git(mirror, KCNA_REPO, "show", f"HEAD:{path}"))
            handle.flush()
            frame = next(iter(pyreadr.read_r(handle.name).values()))
        for text in frame[column].dropna():
            for match in run.finditer(re.sub(r"['’]s\b", "", text)):
                words = match.group(1).split()
                if words[0] in surnames and all(w.lower() in syllables for w in words[1:]):
                    name = " ".join(words)
                    found[name] += 1
                    first.setdefault(name, f"{KCNA_REPO} {path} {commit}")
    return {name: (count, first[name]) for name, count in found.items()}


def directory_texts(mirror: Path) -> Iterator[Tuple[str, str]]:
    import pypdf  # noqa: PLC0415 - only this step needs it

    listing = git(mirror, MOU_REPO, "ls-tree", "-r", "--name-only", "HEAD", "references/org tree/")
    for path in listing.decode().splitlines():
        if path.endswith(".pdf") and "기관별_인명록" in path.replace(" ", "_"):
            reader = pypdf.PdfReader(io.BytesIO(git(mirror, MOU_REPO, "show", f"HEAD:{path}")))
            yield path, "\n".join(page.extract_text() or "" for page in reader.pages)


def sheet_cells(data: bytes) -> Iterator[str]:
    """The text of an .xlsx file's first sheet, shared strings and strings kept in cells."""
    book = zipfile.ZipFile(io.BytesIO(data))
    parts = ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]
    for part in (name for name in parts if name in book.namelist()):
        for text in ElementTree.fromstring(book.read(part)).iter(f"{SHEET}t"):
            yield text.text or ""


def hangul_candidates(mirror: Path) -> Candidates:
    commit, found = head(mirror, MOU_REPO), Counter()
    first: Dict[str, str] = {}
    word = re.compile(r"(?<![가-힣])[가-힣]{3}(?![가-힣])")
    texts = [
        (MOU_LEADERS, "\n".join(sheet_cells(git(mirror, MOU_REPO, "show", f"HEAD:{MOU_LEADERS}"))))
    ]
    for path, text in texts + list(directory_texts(mirror)):
        for name in word.findall(text):
            if name[0] in SURNAMES:
                found[name] += 1
                first.setdefault(name, f"{MOU_REPO} {path} {commit}")
    return {name: (count, first[name]) for name, count in found.items()}


def kcna_forms(korean: str) -> Set[str]:
    """Every spelling KCNA's English may give the Hangul name (Ri Pyong Chol, Ri Byong Chol)."""
    options = [sorted(kcna_spellings(syllable)) for syllable in korean]
    return {" ".join(part.capitalize() for part in parts) for parts in product(*options)}


def with_partners(english: Candidates, korean: Candidates) -> Dict[str, Candidates]:
    forms = {name: kcna_forms(name) & english.keys() for name in korean}
    partnered = set().union(*forms.values())
    return {
        "en": {name: value for name, value in english.items() if name in partnered},
        "ko": {name: value for name, value in korean.items() if forms[name]},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    english, korean = english_candidates(args.mirror), hangul_candidates(args.mirror)
    kept = with_partners(english, korean)
    lines = ["lang\tname\tcount\tsource\n"] + [
        f"{lang}\t{name}\t{count}\t{source}\n"
        for lang in ("en", "ko")
        for name, (count, source) in sorted(kept[lang].items())
    ]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(
        f"{OUT.name}: {len(kept['en'])} of {len(english)} KCNA spellings and "
        f"{len(kept['ko'])} of {len(korean)} Hangul names have a possible partner"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
