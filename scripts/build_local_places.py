"""Rebuild glossaries/ko-en-places-local.tsv from KOSTAT's administrative-division names.

Source: github.com/southkorea/southkorea-maps, kostat/2018/json/*-topo-simple.json (KOSTAT
SGIS boundaries of 2018, KOGL Type 1 licence: attribution). Usage:

    git clone https://github.com/southkorea/southkorea-maps /tmp/maps
    python scripts/build_local_places.py /tmp/maps > glossaries/ko-en-places-local.tsv

Kept: the 17 provinces and metropolitan cities, the 250 municipalities (si/gun/gu), the
towns (eup) and the neighbourhoods (dong) of three or more syllables with their numbers
dropped (역삼1동 -> 역삼동, the form news uses). Townships (myeon) and two-syllable dong are
left out: many are common words (서면 "in writing", 동면 "hibernation", 이동 "movement").
A district of a city (수원시장안구) is kept as the district (장안구, Jangan-gu). One row per
English spelling with every Korean form spelt so; the provinces are curated in
ko-en-places.tsv.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mtalign.glossary.store import COLUMNS  # noqa: E402

REPO = "southkorea/southkorea-maps"
LEVELS = (("municipalities", "municipality"), ("submunicipalities", "neighbourhood"))
_NUMBERED = re.compile(r"제?[\d·]+(?:가[\d·]*)?(?=동$)")
# KOSTAT's English for these is wrong (철원군 is given as Gongju-si) or ambiguous.
CORRECTIONS = {"철원군": "Cheorwon-gun", "광주시": "Gwangju-si", "세종시": "Sejong-si"}
_CITY_DISTRICT = re.compile(r"^(?P<city>\w+시)(?P<district>\w+구)$")
_ENGLISH_NUMBER = re.compile(
    r"\s*\d+(?:\([a-z]+\))?(?:-?ga\s*\d*(?:\([a-z]+\))?)?\s*(?=-?dong$)", re.I
)


def _geometries(repo: Path, commit: str, level: str) -> List[dict]:
    path = f"kostat/2018/json/skorea-{level}-2018-topo-simple.json"
    data = json.loads(
        subprocess.run(
            ["git", "-C", str(repo), "show", f"{commit}:{path}"], check=True, capture_output=True
        ).stdout
    )
    return [g["properties"] for obj in data["objects"].values() for g in obj["geometries"]]


def _english(name: str) -> str:
    """Sajik 1(il)-dong -> Sajik-dong; Daeryundong -> Daeryun-dong; hyphen before the unit."""
    name = _ENGLISH_NUMBER.sub("", name.strip())
    return re.sub(r"(?<=[a-z])-?(dong|eup|myeon|gu|gun|si)$", r"-\1", name)


def _district(korean: str, english: str) -> Tuple[str, str]:
    """수원시장안구 Suwonsijangan-gu -> 장안구 Jangan-gu (the English may lack the city)."""
    match = _CITY_DISTRICT.match(korean)
    if not match:
        return korean, english
    district = english.split("si", 1)[1] if "si" in english else english
    return match.group("district"), district[:1].upper() + district[1:]


def _english_cells(english: str) -> Dict[str, str]:
    """News writes a city without -si (Suwon); the -si form stays an accepted alias."""
    if english.endswith("-si") and english != "Gwangju-si":
        return {"en": english[:-3], "variants": f"{english} [alias]"}
    return {"en": english}


def _kept(level: str, korean: str) -> bool:
    if level != "submunicipalities":
        return True
    return korean.endswith(("동", "읍")) and len(korean) >= 3


def _slug(english: str, suffix: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-") + suffix


def rows(repo: Path) -> Iterator[Tuple[str, ...]]:
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    seen_ids: Counter = Counter()
    for level, kind in LEVELS:
        spellings: Dict[str, Counter] = defaultdict(Counter)
        for props in _geometries(repo, commit, level):
            korean, english = _district(
                _NUMBERED.sub("", props["name"]), _english(props["name_eng"])
            )
            english = CORRECTIONS.get(korean, english)
            if _kept(level, korean):
                spellings[korean][english] += 1
        by_english: Dict[str, List[str]] = defaultdict(list)
        for korean, counts in spellings.items():
            by_english[counts.most_common(1)[0][0]].append(korean)
        source = f"{REPO} kostat/2018/json/skorea-{level}-2018-topo-simple.json@{commit}"
        for english, koreans in by_english.items():
            entry_id = _slug(english, "-kr")
            seen_ids[entry_id] += 1
            if seen_ids[entry_id] > 1:
                entry_id += f"-{seen_ids[entry_id]}"
            places = sum(sum(spellings[korean].values()) for korean in koreans)
            note = (
                f"South Korean {kind}"
                + (f" ({places} divisions of this name)" if places > 1 else "")
                + "."
            )
            cells = {
                "id": entry_id,
                "type": "place",
                "ko": " | ".join(koreans),
                "note": note,
                "sources": source,
                **_english_cells(english),
            }
            yield tuple(cells.get(column, "") for column in COLUMNS)


def main() -> int:
    out = sys.stdout
    out.write("\t".join(COLUMNS) + "\n")
    for row in rows(Path(sys.argv[1])):
        out.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
