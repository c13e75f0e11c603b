"""The real-page gold set (tests/data/pages) and the Korean news layout rules it measures."""

import csv
from pathlib import Path

import pytest

from mtalign.segment import document_text
from mtalign.types import LANGS, ROLES

PAGES = Path(__file__).parent / "data" / "pages"


def _manifest():
    with open(PAGES / "MANIFEST.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _gold(name):
    with open(PAGES / name.replace(".txt", ".gold.tsv"), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_manifest_lists_every_page_with_source_licence_and_split():
    rows = _manifest()
    assert sorted(row["file"] for row in rows) == sorted(path.name for path in PAGES.glob("*.txt"))
    assert len(rows) >= 40 and len({row["outlet"] for row in rows}) >= 12
    assert all(row["source"].startswith("http") and row["licence"] for row in rows)
    assert {row["split"] for row in rows} == {"dev", "heldout"}


@pytest.mark.parametrize("name", [row["file"] for row in _manifest()])
def test_gold_spans_cover_every_character_once(name):
    text = document_text(PAGES / name)
    covered = [False] * len(text)
    starts = set()
    for row in _gold(name):
        start, end = int(row["start"]), int(row["end"])
        assert row["text"] == text[start:end].replace("\\", "\\\\").replace("\n", "\\n")
        assert row["role"] in ROLES and row["lang"] in LANGS
        assert not any(covered[start:end]), f"{name}: overlap at {start}"
        covered[start:end] = [True] * (end - start)
        starts.add(start)
    assert all(done or ch.isspace() for ch, done in zip(text, covered))
    for row in _gold(name):
        assert all(int(en) in starts for en in row["pair"].split("+") if row["pair"] not in ("", "-"))
