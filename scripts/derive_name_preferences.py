#!/usr/bin/env python3
"""Derive the South Korean media (yonhap) name spellings from data, not guesses.

Sources: the person entries of the shipped glossary (their yonhap/default English), the
Korean name pairs that glossary extraction finds in the Korean-English news dev data
(3-syllable Hangul names paired with a hyphenated `Surname Given-name`), and the
conventional surname spellings that the name-spelling issue itself lists (김 Kim, 이 Lee,
박 Park, 최 Choi, 정 Jung, 노 Roh, 유 Yoo, 류 Ryu). Each pair teaches four tables, each
keeping the most frequent spelling:
- surnames: 박 -> Park
- syllables: a given-name syllable as written (수 -> soo)
- initials: a consonant's spelling at the start of a syllable (ㄱ -> k, from Ki-moon, Kim ...)
- rimes: a vowel plus final consonant (ㅜ -> oo, from soo, moon, woo)
The romanizer uses the syllable table first, then initial + rime, then strict RR.

    .venv/bin/python scripts/derive_name_preferences.py [--out mtalign/names/data/yonhap_preferences.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mtalign.glossary.extract import extract
from mtalign.glossary.store import load_glossary
from mtalign.names.jamo import split
from mtalign.names.styles import split_name

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "korean-english-news"
HYPHENATED = re.compile(r"([A-Z][a-z]+) ([A-Z][a-z]+)-([A-Za-z]+)")
ONSET = re.compile(r"^[^aeiouwy]*")


def name_pairs():
    pairs = []
    for entry in load_glossary().entries.values():
        if entry.type == "person" and entry.ko and re.fullmatch(r"[가-힣]{3}", entry.ko[0]):
            pairs.append((entry.ko[0], entry.english("yonhap"), "glossary"))
    ko = (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en = (DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    for candidate in extract([(k, e, f"dev:{i + 1}") for i, (k, e) in enumerate(zip(ko, en))]):
        if re.fullmatch(r"[가-힣]{3}", candidate.ko) and candidate.sound >= 0.8:
            pairs.append((candidate.ko, candidate.en, candidate.evidence))
    return [(ko, en, where) for ko, en, where in pairs if HYPHENATED.fullmatch(en)]


ISSUE_SURNAMES = {"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "노": "Roh", "유": "Yoo", "류": "Ryu"}


def derive(pairs):
    counts = {name: defaultdict(Counter) for name in ("surnames", "syllables", "initials", "rimes")}
    for surname, spelling in ISSUE_SURNAMES.items():
        counts["surnames"][surname][spelling] += 1
    for korean, english, _ in pairs:
        surname, given = split_name(korean)
        family, first, second = HYPHENATED.fullmatch(english).groups()
        counts["surnames"][surname][family] += 2  # a pair seen in data outweighs the issue's default
        for syllable, spelling in zip([surname, *given], [family.lower(), first.lower(), second.lower()]):
            if syllable != surname:
                counts["syllables"][syllable][spelling] += 1
            initial, medial, final = split(syllable)
            onset = ONSET.match(spelling).group()
            counts["initials"][initial][onset] += 1
            counts["rimes"][medial + final][spelling[len(onset):]] += 1
    tables = {name: {key: counter.most_common(1)[0][0] for key, counter in table.items()
                     if name in ("surnames", "syllables") or sum(counter.values()) >= 2}
              for name, table in counts.items()}
    tables["sources"] = [f"{ko} = {en} ({where})" for ko, en, where in pairs]
    return tables


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "mtalign" / "names" / "data" / "yonhap_preferences.json")
    args = parser.parse_args()
    pairs = name_pairs()
    tables = derive(pairs)
    args.out.write_text(json.dumps(tables, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(pairs)} name pairs -> {len(tables['surnames'])} surnames, {len(tables['syllables'])} syllables, "
          f"{len(tables['initials'])} initials, {len(tables['rimes'])} rimes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
