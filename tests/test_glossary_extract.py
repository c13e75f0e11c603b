"""Glossary extraction from aligned text, and merging reviewed candidates."""

import pytest

from mtalign.glossary.extract import extract
from mtalign.glossary.store import COLUMNS, load_glossary, read_tsv, shipped_glossaries
from tests.conftest import REPO, SHARED_DATA, run_main


def test_seed_caption_and_byline_pairs(seed_fragments, tmp_path):
    def extracted(*glossary):
        out = tmp_path / "candidates.tsv"
        result = run_main("glossary", "extract", seed_fragments, "-o", out, *glossary)
        assert result.returncode == 0, result.stderr
        rows = out.read_text(encoding="utf-8").splitlines()[1:]
        return {tuple(line.split("\t")[1:3]) for line in rows}

    other = tmp_path / "other.tsv"  # a glossary that knows none of the seed names
    row = "ulan-ude\tplace\t울란우데\t\tUlan-Ude\t\t\t\t\t\t"
    other.write_text("\t".join(COLUMNS) + "\n" + row + "\n", encoding="utf-8")
    seed_names = {("푸틴", "Putin"), ("김정은", "Kim Jong-un"), ("평양", "Pyongyang"),
                  ("연합뉴스", "Yonhap"), ("김수연", "Kim Soo-yeon")}
    assert seed_names <= extracted("--glossary", other)
    assert not seed_names & extracted()  # the shipped glossary holds them: never proposed again


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
    result = run_main("glossary", "merge", candidates, "--into", target)
    assert result.returncode == 0  # merged; the skipped row is reported, not a failure
    assert "평양 is already in the glossary" in result.stderr
    (entry,) = read_tsv(target)
    assert (entry.ko, entry.en, entry.sources) == (["울란우데"], "Ulan-Ude", ["news:3"])
    glossary = load_glossary([*shipped_glossaries(), target])
    assert "ulan-ude" in glossary.entries
    again = run_main("glossary", "merge", candidates, "--into", target)
    assert again.returncode == 1 and "added 0 entries" in again.stdout  # nothing left to merge


def test_extraction_proposes_institutions_but_nothing_known_and_no_crossed_pair():
    from mtalign.glossary import load_glossary

    pairs = [("국가교통안전위원회는 조사관을 보냈다.",
              "The National Transportation Safety Board sent investigators.", "a:1"),
             ("통일부는 회담을 제안했다.", "The Ministry of Unification proposed talks.", "a:2"),
             ("김용수 대변인이 말했다.", "Kim said so.", "a:3")] * 2
    found = {(c.ko, c.en, c.type) for c in extract(pairs, glossary=load_glossary())}
    assert ("국가교통안전위원회", "National Transportation Safety Board", "organization") in found
    known = [(ko, en) for ko, en, _ in found if ko == "통일부" or en == "Ministry of Unification"]
    assert known == []
    assert not any(ko == "김용수" and en == "Kim" for ko, en, _ in found)  # crossed
