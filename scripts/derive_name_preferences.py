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
for 정 and 노 the data choose among Jung / Jeong / Chung and Noh / Roh, and every other
surname is spelt as the media-spelled sources (MEDIA_SPELLED) and the lawmakers spell it.
The tables also keep the conventions' shares among media-spelled people (the alternatives
are ranked with them) and a calibration of the first spelling's confidence.

    .venv/bin/python scripts/derive_name_preferences.py [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

from mtalign.glossary.store import load_glossary
from mtalign.names.learn import Model, derive, fit_calibration, same_letters, segment

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / "corpora" / "names"
OUT = REPO / "mtalign" / "names" / "data" / "name_spellings.json"
EVALUATION = REPO / "tests" / "data" / "names"
GLOSSARIES = REPO / "glossaries"
REGISTERED = (
    "ko-en-people-registered.tsv"  # built from corpora/names by scripts/build_people_glossary.py
)
# Sources whose spellings are the ones media print (the curated glossary's Yonhap forms, the
# translations of news, the fan database K-pop media follow); the others are spellings people
# registered themselves (film database, National Assembly).
MEDIA_SPELLED = ("glossary", "news-parallel-mined.tsv", "news-keat-mined.tsv", "kpop-idols.tsv")
# South Korean people as Yonhap's English service writes them (scripts/collect_south_names.py):
# learnt from this many times over; 0 keeps them for evaluation only (chosen by
# `scripts/eval_romanize.py --cv 5 --yonhap-weight N`, issue 11z).
YONHAP_WRITTEN = "south-yonhap-written.tsv"
YONHAP_WEIGHT = 0
CALIBRATION_FOLDS = 2
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


def evaluation_names() -> set:
    """Hangul names of the public figures kept for evaluation (tests/data/names): never
    learnt from, whichever source also has them (a namesake or the person)."""
    return {
        line.split("\t")[0]
        for path in EVALUATION.glob("*.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
    }


def learning_rows() -> list:
    """The rows the shipped tables are derived from: collected and curated South Koreans
    whose spelling `segment` reads, less the evaluation figures."""
    kept = evaluation_names()
    return weighted(
        [
            row
            for row in corpus_rows() + glossary_rows()
            if segment(row[0], row[1]) and row[0] not in kept
        ]
    )


def weighted(rows, yonhap_weight: int = YONHAP_WEIGHT) -> list:
    """`rows` with each Yonhap-written row counted `yonhap_weight` times (0: left out)."""
    return [row for row in rows for _ in range(yonhap_weight if row[3] == YONHAP_WRITTEN else 1)]


def glossary_rows() -> list:
    """South Korean people of the curated glossaries (not the one built from corpora/names),
    less the public figures kept for evaluation (tests/data/names)."""
    kept = evaluation_names()
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
    """The house spelling of each surname: of the forms HOUSE_SURNAMES allows, the one the
    media-spelled sources and the lawmakers' registered names use most (the first listed
    on a tie); every other surname as those sources spell it most, once seen twice."""
    seen = Counter()
    for ko, en, kind, source in rows:
        spelled = segment(ko, en)
        if spelled and (source in MEDIA_SPELLED or "lawmaker" in kind):
            seen[spelled[0]] += 1
    listed = {
        surname: max(spellings, key=lambda form: (seen[surname, form], -spellings.index(form)))
        for surname, spellings in HOUSE_SURNAMES.items()
    }
    for (surname, spelling), count in seen.most_common():
        if count >= 2 and surname not in listed:
            listed[surname] = spelling
    return listed


def build(rows) -> dict:
    """The tables, with a calibration of the first spelling's confidence fitted on the media-
    spelled people by two-fold cross-fitting (each half romanized by tables of the other)."""
    tables = fit(rows)
    outcomes = []
    for fold in range(CALIBRATION_FOLDS):
        learnt = fit([row for row in rows if _fold(row[0]) != fold])
        model = Model(learnt, learnt["house_surnames"])
        for ko, en, _, source in rows:
            if _fold(ko) == fold and source in MEDIA_SPELLED:
                form, confidence = model.candidates(ko, top=1)[0]
                outcomes.append((confidence, same_letters(form, en)))
    tables["calibration"] = fit_calibration(outcomes)
    return tables


def _fold(korean: str) -> int:
    return zlib.adler32(korean.encode("utf-8")) % CALIBRATION_FOLDS


def fit(rows) -> dict:
    tables = derive([(ko, en) for ko, en, *_ in rows], [row[3] == "glossary" for row in rows])
    tables["house_surnames"] = house_surnames(rows)
    tables["media_weights"] = media_weights(tables, rows)
    return tables


def media_weights(tables: dict, rows) -> list:
    """The conventions' shares among the people of the media-spelled sources."""
    model = Model(tables)
    shares = [
        model.convention_shares(ko, en) for ko, en, _, source in rows if source in MEDIA_SPELLED
    ]
    if not shares:
        return tables["weights"]
    return [round(sum(column) / len(shares), 4) for column in zip(*shares)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = learning_rows()
    tables = build(rows)
    args.out.write_text(
        json.dumps(tables, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{len(rows)} name pairs -> conventions {tables['weights']} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
