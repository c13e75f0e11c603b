"""One contract for every reader/writer pair in mtalign/formats (translate-toolkit's shared
storage tests are the model): what a writer writes, its reader gives back unchanged; writing
what was read gives the same bytes; an empty collection round-trips; a missing file is an
error naming the file (UserError or OSError, both one line from the CLI), never another one.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, Callable, List

import pytest

from mtalign.errors import UserError
from mtalign.formats.alignments import read_records, write_records
from mtalign.formats.glossary_csv import read_csv, write_csv
from mtalign.formats.tbx import read_tbx, write_tbx
from mtalign.formats.tmx import read_units, write_tmx
from mtalign.formats.xliff import XliffUnit, read_xliff, write_xliff
from mtalign.types import AlignmentRecord, Entry, Unit, Variant

# Text that trips serializers: markup characters, quotes, tabs, newlines, backslashes, Hangul,
# Hanja, an astral-plane character, leading and trailing spaces.
TRICKY = ["김정은 <위원장> & \"'", "tab\there \\ back", "줄\n바꿈", "金正恩 𝒳", " 앞뒤 공백 "]


@dataclass
class Pair:
    name: str
    binary: bool
    write: Callable[[List[Any], Any], Any]
    read: Callable[[str], List[Any]]
    sample: List[Any]


ENTRIES = [
    Entry(
        id="kim-jong-un",
        type="person",
        ko=["김정은", TRICKY[0]],
        en="Kim Jong-un",
        hanja="金正恩",
        styles={"kcna": "Kim Jong Un", "ap": "Kim Jong Un"},
        variants=[
            Variant("Kim Jung-un", "misspelling"),
            Variant("KJU", "abbreviation"),
            Variant("Kim Jong Eun", "style"),
            Variant("Kim Chong-un", "former"),
            Variant("Chairman Kim", "alias"),
        ],
        note=TRICKY[1].replace("\t", " "),
        sources=["a.txt:3", "b.txt:9"],
    ),
    Entry(id="seoul", type="place", ko=["서울"], en="Seoul"),
]
UNITS = [Unit(ko, f"en {number}: {ko}", "aligned", f"file{number}.txt", "body", 0.5 + number / 10)
         for number, ko in enumerate(TRICKY)]
RECORDS = [
    AlignmentRecord(
        "bead",
        "a.ko.txt",
        "a.en.txt",
        [0, 1],
        [0],
        TRICKY[0] + TRICKY[1],
        TRICKY[2],
        0.71,
        "body",
        "body",
    ),
    AlignmentRecord("bead", "a.ko.txt", "a.en.txt", [], [1], None, TRICKY[3], -0.08, "", "caption"),
    AlignmentRecord("fragment", "b.txt", "b.txt", [4], [], TRICKY[4], None, 0.0, "credit", ""),
]
XLIFF = [
    XliffUnit(
        str(n),
        text,
        target=f"target {n}" if n % 2 else None,
        state="translated" if n % 2 else None,
        translate=n != 2,
        notes=[f"note {n}"] if n else [],
    )
    for n, text in enumerate(TRICKY)
]

PAIRS = [
    Pair("tmx", True, lambda units, h: write_tmx(units, h), lambda p: list(read_units(p)), UNITS),
    Pair("tbx", True, lambda entries, h: write_tbx(entries, h), read_tbx, ENTRIES),
    Pair("tbx-v2", True, lambda entries, h: write_tbx(entries, h, "tbx-v2"), read_tbx, ENTRIES),
    Pair("glossary-csv", False, write_csv, read_csv, ENTRIES),
    Pair("xliff", True, lambda units, h: write_xliff([("a.txt", units)], h), read_xliff, XLIFF),
    Pair(
        "alignments-jsonl",
        False,
        lambda records, h: write_records(records, "jsonl", h),
        read_records,
        RECORDS,
    ),
    Pair(
        "alignments-tsv",
        False,
        lambda records, h: write_records(records, "tsv", h),
        read_records,
        RECORDS,
    ),
]
_VOLATILE = re.compile(rb'(creationdate|changedate)="[^"]*"')  # a writer's clock, not content


def _write(pair: Pair, items: List[Any], path) -> bytes:
    handle = io.BytesIO() if pair.binary else io.StringIO(newline="")
    pair.write(items, handle)
    data = handle.getvalue() if pair.binary else handle.getvalue().encode("utf-8")
    path.write_bytes(data)
    return _VOLATILE.sub(rb'\1=""', data)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_what_is_written_is_read_back_unchanged(pair, tmp_path):
    _write(pair, pair.sample, tmp_path / "out")
    assert pair.read(str(tmp_path / "out")) == pair.sample


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_writing_what_was_read_gives_the_same_bytes(pair, tmp_path):
    first = _write(pair, pair.sample, tmp_path / "first")
    assert _write(pair, pair.read(str(tmp_path / "first")), tmp_path / "second") == first


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_an_empty_collection_round_trips(pair, tmp_path):
    _write(pair, [], tmp_path / "empty")
    assert pair.read(str(tmp_path / "empty")) == []


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_a_missing_file_is_an_error_naming_it(pair, tmp_path):
    missing = str(tmp_path / "missing")
    with pytest.raises((UserError, OSError)) as raised:
        pair.read(missing)
    assert missing in str(raised.value) or getattr(raised.value, "filename", None) == missing
