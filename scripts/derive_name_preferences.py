#!/usr/bin/env python3
"""Derive the South Korean media (yonhap) name spellings from data, not guesses.

Sources: the South Korean person entries of the shipped glossaries (their yonhap/default
English; entries with a KCNA form are North Korean figures, whose established spellings
follow the North's romanization, and are left out), the Korean name pairs that glossary
extraction finds in the Korean-English news dev data (Hangul names paired with a
`Surname Given-name`), and the conventional surname spellings that the name-spelling issue
itself lists (김 Kim, 이 Lee, 박 Park, 최 Choi, 정 Jung/Jeong/Chung, 노 Roh, 유 Yoo, 류 Ryu;
for these the data only chooses among the listed spellings). Each pair teaches these
tables, each keeping the most frequent spelling:
- surnames: 박 -> Park (surnames teach nothing else: their spellings are conventions of
  their own, Park and Choi are not how 박 and 최 sound in given names)
- syllables: a given-name syllable as written (수 -> soo)
- initials: a given-name consonant's spelling at the start of a syllable, by itself
  (ㄱ -> k) and before its vowel (ㅅ before ㅣ -> sh) when the data shows that context
- rimes: a vowel plus final consonant after a consonant (ㅕㅇ -> yung, from myung, kyung);
  syllables without an initial consonant spell their vowel their own way (영 young) and
  are learnt only as whole syllables
- vowels: a vowel's spelling before a final consonant and at the end of a syllable
  (ㅕ before a final -> yu, from hyun, kyung, hyuk), for rimes the data has not shown
Initials, rimes and vowels keep only spellings seen twice, and strict RR wins ties. The
romanizer uses the syllable table first, then initial + rime (or initial + vowel + final),
then strict RR.

    .venv/bin/python scripts/derive_name_preferences.py [--out mtalign/names/data/yonhap_preferences.json]
    .venv/bin/python scripts/derive_name_preferences.py --leave-one-out   # how well the method generalizes
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
from mtalign.hangul import split_syllable as split
from mtalign.names.styles import (FINAL_SOUND, RR_INITIAL, RR_MEDIAL, composed_syllable, romanize_yonhap_name,
                                  split_name, vowel_key)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "korean-english-news"
NAME = re.compile(r"([A-Z][a-z]+) ([A-Z][a-z]+)(?:-([A-Za-z]+))?")
ONSET = re.compile(r"^[^aeiouwy]*")
# How much evidence a spelling needs to beat the general pattern: strict RR counts as half an
# observation against an initial's or rime's data, the spelling composed from the learnt
# initial and rime as one against a consonant-initial syllable's data (so one person's
# spelling does not set the house style of a syllable).
STRICT_PRIOR = 0.5
COMPOSED_PRIOR = 1


def name_pairs():
    pairs = []
    for entry in load_glossary().entries.values():
        if entry.type == "person" and entry.ko and "kcna" not in entry.styles:
            pairs.append((entry.ko[0], entry.english("yonhap"), "glossary"))
    ko = (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en = (DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    for candidate in extract([(k, e, f"dev:{i + 1}") for i, (k, e) in enumerate(zip(ko, en))]):
        if candidate.sound >= 0.8:
            pairs.append((candidate.ko, candidate.en, candidate.evidence))
    return [(ko, en, where) for ko, en, where in pairs if spelled_syllables(ko, en)]


def spelled_syllables(korean: str, english: str):
    """[(surname, Spelling), (syllable, spelling), ...] when `english` spells the Hangul name
    `korean` as Surname Given or Surname Given-name, one part per syllable; else None."""
    match = NAME.fullmatch(english)
    if not match or not re.fullmatch(r"[가-힣]{2,3}", korean):
        return None
    surname, given = split_name(korean)
    family, *given_parts = [part for part in match.groups() if part]
    if len(given_parts) != len(given) or len(given) != 2 and "-" in english:
        return None
    return [(surname, family), *zip(given, (part.lower() for part in given_parts))]


# The issue's house-style surnames: the data only chooses among the spellings listed.
ISSUE_SURNAMES = {"김": ("Kim",), "이": ("Lee",), "박": ("Park",), "최": ("Choi",), "정": ("Jung", "Jeong", "Chung"),
                  "노": ("Roh",), "유": ("Yoo",), "류": ("Ryu",)}


def derive(pairs):
    counts = {name: defaultdict(Counter) for name in ("surnames", "syllables", "initials", "rimes", "vowels")}
    for korean, english, _ in pairs:
        (surname, family), *given = spelled_syllables(korean, english)
        counts["surnames"][surname][family] += 1
        for syllable, spelling in given:
            counts["syllables"][syllable][spelling] += 1
            initial, medial, final = split(syllable)
            if initial == "ㅇ":
                continue
            onset = ONSET.match(spelling).group()
            counts["initials"][initial][onset] += 1
            counts["initials"][initial + medial][onset] += 1
            rime = spelling[len(onset):]
            counts["rimes"][medial + final][rime] += 1
            coda = FINAL_SOUND[final]
            if rime.endswith(coda):
                counts["vowels"][vowel_key(medial, final)][rime[:len(rime) - len(coda)]] += 1
    initials = {key: _smoothed(_repeated(counter), RR_INITIAL[key[0]], STRICT_PRIOR)
                for key, counter in counts["initials"].items() if _repeated(counter)}
    initials = {key: onset for key, onset in initials.items() if len(key) == 1 or onset != initials.get(key[0])}
    rimes = {rime: _smoothed(_repeated(counter), RR_MEDIAL[rime[0]] + FINAL_SOUND[rime[1:]], STRICT_PRIOR)
             for rime, counter in counts["rimes"].items() if _repeated(counter)}
    vowels = {key: _smoothed(_repeated(counter), RR_MEDIAL[key[0]], STRICT_PRIOR)
              for key, counter in counts["vowels"].items() if _repeated(counter)}
    tables = {"initials": initials, "rimes": rimes, "vowels": vowels}
    tables["surnames"] = {surname: _smoothed(counter, composed_syllable(surname, tables).capitalize(), STRICT_PRIOR)
                          for surname, counter in counts["surnames"].items()}
    tables["surnames"].update({surname: max(spellings, key=lambda spelling: counts["surnames"][surname][spelling])
                               for surname, spellings in ISSUE_SURNAMES.items()})
    tables["syllables"] = {syllable: _smoothed(counter, composed_syllable(syllable, tables),
                                               0 if split(syllable)[0] == "ㅇ" else COMPOSED_PRIOR)
                           for syllable, counter in counts["syllables"].items()}
    tables["sources"] = [f"{ko} = {en} ({where})" for ko, en, where in pairs]
    return tables


def _repeated(observed: Counter) -> Counter:
    """The spellings seen at least twice: one name does not make a rule."""
    return Counter({spelling: count for spelling, count in observed.items() if count >= 2})


def _smoothed(observed: Counter, default: str, prior: float) -> str:
    """The most frequent spelling, `default` counting as `prior` extra observations and
    winning ties."""
    scores = Counter(observed)
    scores[default] += prior
    return max(scores, key=lambda spelling: (scores[spelling], spelling == default))


def leave_one_out(pairs) -> int:
    """Names spelt right when each pair is romanized by tables derived from all the others."""
    return sum(romanize_yonhap_name(korean, derive(pairs[:index] + pairs[index + 1:]))[0] == english
               for index, (korean, english, _) in enumerate(pairs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "mtalign" / "names" / "data" / "yonhap_preferences.json")
    parser.add_argument("--leave-one-out", action="store_true", help="report leave-one-out accuracy, write nothing")
    args = parser.parse_args()
    pairs = name_pairs()
    if args.leave_one_out:
        right = leave_one_out(pairs)
        print(f"leave-one-out: {right} of {len(pairs)} names exact ({right / len(pairs):.2f})")
        return 0
    tables = derive(pairs)
    args.out.write_text(json.dumps(tables, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(pairs)} name pairs -> {len(tables['surnames'])} surnames, {len(tables['syllables'])} syllables, "
          f"{len(tables['initials'])} initials, {len(tables['rimes'])} rimes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
