"""The checker's fuzzy search stays linear on absurdly long tokens."""

import random
import time

from mtalign.glossary.lookup import Lookup
from mtalign.glossary.store import load_glossary
from mtalign.names.consistency import check_files


def _token(length, seed=1):
    rng = random.Random(seed)
    return "A" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length - 1))


def test_check_on_a_100k_letter_token_is_fast_and_still_finds_names(tmp_path):
    glossary = load_glossary()
    path = tmp_path / "long.txt"
    path.write_text(f"Kim Jong Un met {_token(100_000)} and Vladmir Putin.\n", encoding="utf-8")
    check_files([str(path)], glossary, "yonhap")  # builds the lookup index first
    started = time.monotonic()
    findings = check_files([str(path)], glossary, "yonhap")
    assert time.monotonic() - started < 5  # the quadratic search took minutes and gigabytes
    assert {f.text for f in findings} >= {"Kim Jong Un", "Vladmir Putin"}


def test_fuzzy_lookup_still_finds_a_misspelling_one_edit_away():
    hits = Lookup().lookup("Kim Jong-ill")
    assert hits and hits[0].entry.en == "Kim Jong-il" and hits[0].match == "fuzzy"
    assert Lookup().lookup(_token(50_000)) == []
