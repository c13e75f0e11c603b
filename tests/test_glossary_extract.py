"""Glossary extraction from aligned text, and merging reviewed candidates."""

import pytest

from mtalign.glossary.extract import extract
from mtalign.glossary.store import load_glossary, read_tsv, shipped_glossaries
from tests.conftest import REPO, SHARED_DATA, run_cli


def test_seed_caption_and_byline_pairs(seed_fragments, tmp_path):
    out = tmp_path / "candidates.tsv"
    result = run_cli("glossary", "extract", seed_fragments, "-o", out)
    assert result.returncode == 0, result.stderr
    pairs = {
        tuple(line.split("\t")[1:3]) for line in out.read_text(encoding="utf-8").splitlines()[1:]
    }
    assert {
        ("푸틴", "Putin"),
        ("김정은", "Kim Jong-un"),
        ("평양", "Pyongyang"),
        ("연합뉴스", "Yonhap"),
        ("김수연", "Kim Soo-yeon"),
    } <= pairs


@pytest.mark.skipif(
    not SHARED_DATA.is_dir(), reason="the shared Korean-English news data is not beside the repo"
)
def test_top_100_precision_on_the_dev_data():
    ko = (SHARED_DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en = (SHARED_DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    top = extract([(k, e, str(i)) for i, (k, e) in enumerate(zip(ko, en))])[:100]
    judged = {}
    for line in (
        (REPO / "docs" / "glossary-extraction-judgments.tsv")
        .read_text(encoding="utf-8")
        .splitlines()[1:]
    ):
        k, e, judgment, _ = line.split("\t")
        judged[k, e] = judgment
    correct = sum(1 for c in top if judged.get((c.ko, c.en)) in ("correct", "part"))
    assert correct / len(top) >= 0.8


def test_merge_adds_accepted_and_reports_known(tmp_path):
    candidates = tmp_path / "c.tsv"
    candidates.write_text(
        "accept\tko\ten\ttype\tscore\tdice\tsound\tcount\tevidence\n"
        "y\t울란우데\tUlan-Ude\tother\t0.9\t1.0\t0.8\t2\tnews:3\n"
        "\t하노이\tHanoi\tother\t0.9\t1.0\t0.9\t1\tnews:4\n"
        "y\t평양\tPyongyang\tother\t1.0\t1.0\t1.0\t3\tnews:5\n", encoding="utf-8")
    target = tmp_path / "user.tsv"
    result = run_cli("glossary", "merge", candidates, "--into", target)
    assert result.returncode == 0  # merged; the skipped row is reported, not a failure
    assert "평양 is already in the glossary" in result.stderr
    (entry,) = read_tsv(target)
    assert (entry.ko, entry.en, entry.sources) == (["울란우데"], "Ulan-Ude", ["news:3"])
    glossary = load_glossary([*shipped_glossaries(), target])
    assert "ulan-ude" in glossary.entries
    again = run_cli("glossary", "merge", candidates, "--into", target)
    assert again.returncode == 1 and "added 0 entries" in again.stdout  # nothing left to merge
