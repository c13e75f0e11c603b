"""The name-consistency checker: the seed report, the marked test set, --fix, bad input."""

import json
import sys

import pytest

from tests.conftest import REPO, SEEDS, run_cli

sys.path.insert(0, str(REPO / "scripts"))
import eval_check  # noqa: E402


@pytest.fixture(scope="module")
def seed_findings():
    result = run_cli("check", *sorted(SEEDS.glob("*.txt")), "--format", "json")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def _found(findings, text, file_prefix):
    return [
        f
        for f in findings
        if f["text"] == text and f["file"].split("/")[-1].startswith(file_prefix)
    ]


def test_seed_report_names_the_known_problems(seed_findings):
    assert _found(seed_findings, "Kim Jong Un", "004")[0]["suggestion"] == "Kim Jong-un"
    assert _found(seed_findings, "Kim Jung-il", "000")[0]["suggestion"] == "Kim Jong-il"
    assert _found(seed_findings, "Jang Ho-jin", "000")[0]["suggestion"] == "Chang Ho-jin"
    assert _found(seed_findings, "Viet Nam", "003")[0]["kind"] == "place"
    assert (
        _found(seed_findings, "Kim Il Sung square", "004")[0]["suggestion"] == "Kim Il Sung Square"
    )
    assert all(
        list(f) == ["file", "line", "col", "text", "suggestion", "kind", "entry", "fixable"]
        for f in seed_findings
    )


def test_seed_findings_point_at_the_exact_text(seed_findings):
    for finding in seed_findings:
        line = open(finding["file"], encoding="utf-8").read().splitlines()[finding["line"] - 1]
        assert (
            line[finding["col"] - 1 : finding["col"] - 1 + len(finding["text"])] == finding["text"]
        )


def test_correct_names_in_the_seeds_are_not_flagged(seed_findings):
    flagged = {f["text"] for f in seed_findings}
    for correct in (
        "Kim Jong-un",
        "Vladimir Putin",
        "Pyongyang",
        "Korea Institute for National Unification",
        "Dongguk University",
        "Kim Soo-yeon",
        "Kim Sung-bae",
        "Korean Central News Agency",
        "KCNA",
        "North Korea",
        "SEOUL",
        "Vietnam",
        "U.N. Security Council",
    ):
        assert correct not in flagged


def test_marked_test_set_precision_and_recall():
    from mtalign.glossary.store import load_glossary

    hit = found = gold = 0
    for path in sorted((REPO / "tests" / "data" / "check").glob("*.txt")):
        h, f, g, *_ = eval_check.evaluate(path, load_glossary())
        hit, found, gold = hit + h, found + f, gold + g
    assert hit / found >= 0.9 and hit / gold >= 0.9


def test_style_decides_the_canonical_form(tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text("Kim Jong-un met Putin. Later Kim Jong Un left.\n", encoding="utf-8")
    yonhap = json.loads(run_cli("check", path, "--style", "yonhap", "--format", "json").stdout)
    kcna = json.loads(run_cli("check", path, "--style", "kcna", "--format", "json").stdout)
    assert [f["text"] for f in yonhap] == ["Kim Jong Un"] and [f["text"] for f in kcna] == [
        "Kim Jong-un"
    ]


def test_same_surname_different_people_are_not_merged(tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text(
        "Park Jin met Park Jie-won. Kim Soo-yeon and Kim Sung-bae wrote. Park Jin left.\n",
        encoding="utf-8",
    )
    result = run_cli("check", path, "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_fix_writes_copies_and_never_touches_originals(tmp_path):
    source = tmp_path / "in" / "story.txt"
    source.parent.mkdir()
    original = "Putin met Kim Jong Un in Viet Nam.\r\nChung Eui-yong and Chung Eui Yong agreed."
    source.write_bytes(original.encode("utf-8"))
    out = tmp_path / "fixed"
    result = run_cli("check", source, "--fix", out)
    assert result.returncode == 1
    assert source.read_bytes() == original.encode("utf-8")
    fixed = (out / "story.txt").read_bytes().decode("utf-8")
    assert fixed == "Putin met Kim Jong-un in Vietnam.\r\nChung Eui-yong and Chung Eui-yong agreed."
    changes = json.loads((out / "fixes.json").read_text(encoding="utf-8"))
    assert {c["from"] for c in changes} == {"Kim Jong Un", "Viet Nam", "Chung Eui Yong"}
    refused = run_cli("check", source, "--fix", source.parent)
    assert refused.returncode == 2 and "would overwrite the input" in refused.stderr
    assert source.read_bytes() == original.encode("utf-8")


def test_bad_input(tmp_path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le caf\xe9 de Kim Jong Un.\n".encode("latin-1"))
    result = run_cli("check", latin1)
    assert (
        result.returncode == 2 and "offset 6" in result.stderr and "Traceback" not in result.stderr
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_cli("check", empty)
    assert result.returncode == 0 and "empty file" in result.stderr
    bad_glossary = tmp_path / "g.tsv"
    bad_glossary.write_text("id\ttype\n", encoding="utf-8")
    result = run_cli("check", SEEDS / "004_738e896e42de23f5.txt", "--glossary", bad_glossary)
    assert result.returncode == 2 and "g.tsv:1: the header must be" in result.stderr


def test_misspelt_places_are_misspellings_and_other_place_variants_are_place(tmp_path):
    path = tmp_path / "copy.txt"
    path.write_text(
        "Putin flew to Pyeongyang, then on to Pyongyan.\nHe went on to Viet Nam.\n"
        "Seoul's envoy and Putin's aide met the Koreans and the Russians.\n",
        encoding="utf-8",
    )
    findings = json.loads(run_cli("check", path, "--format", "json").stdout)
    kinds = {f["text"]: (f["kind"], f["suggestion"]) for f in findings}
    assert kinds == {
        "Pyeongyang": ("misspelling", "Pyongyang"),
        "Pyongyan": ("misspelling", "Pyongyang"),
        "Viet Nam": ("place", "Vietnam"),
    }


def _check(tmp_path, text, *options):
    path = tmp_path / "copy.txt"
    path.write_text(text, encoding="utf-8")
    return path, json.loads(run_cli("check", path, "--format", "json", *options).stdout)


def test_one_person_written_with_other_vowels_or_run_together_is_found(tmp_path):
    _, findings = _check(
        tmp_path,
        "Lee Jae-seok spoke. Lee Jae-suk denied it. Lee Ki-hoon met Lee Gi-hoon.\n"
        "Kim Jung Un and Kim Jongun met. Former Prime Minister Han Duk-soo left.\n",
    )
    found = {f["text"]: f for f in findings}
    assert found["Lee Jae-suk"]["kind"] == "inconsistent" and not found["Lee Jae-suk"]["fixable"]
    assert found["Lee Gi-hoon"]["suggestion"] == "Lee Ki-hoon"
    assert found["Kim Jung Un"]["suggestion"] == found["Kim Jongun"]["suggestion"] == "Kim Jong-un"
    assert found["Han Duk-soo"] == {
        **found["Han Duk-soo"],
        "kind": "misspelling",
        "suggestion": "Han Duck-soo",
    }
    assert len({(f["line"], f["col"]) for f in findings}) == len(findings)  # one finding per span


def test_descriptors_and_the_outlets_own_lines_are_left_alone(tmp_path):
    text = (
        "SEOUL, Nov. 23 (Yonhap) -- President Lee Jae-myung spoke, according to a Yonhap news "
        "agency report.\n"
        "(END)\n(C) Yonhap News Agency. All Rights Reserved.\nCopyright 2025 yonhap news agency\n"
    )
    _, findings = _check(tmp_path, text)
    assert findings == []


def test_typographic_apostrophes_and_ministers_are_no_misspellings(tmp_path):
    text = (
        "Kang Jung-ai, former president of Sookmyung Women’s University, was named.\n"
        "He appointed Lee Jong-seok, former Minister of Unification, to the Ministery of "
        "Unification.\n"
    )
    _, findings = _check(tmp_path, text)
    assert [(f["text"], f["suggestion"]) for f in findings] == [
        ("Ministery of Unification", "Ministry of Unification")
    ]


def test_fix_follows_the_house_style_not_the_batch_majority(tmp_path):
    path, findings = _check(
        tmp_path,
        "Park Min Ho met. Park Min Ho left. Park Min-ho spoke. Lee Jae-seok and Lee Jae-suk.\n",
    )
    assert {f["text"]: f["suggestion"] for f in findings} == {
        "Park Min Ho": "Park Min-ho",
        "Lee Jae-suk": "Lee Jae-seok",
    }
    run_cli("check", path, "--fix", tmp_path / "fixed")
    fixed = (tmp_path / "fixed" / "copy.txt").read_text(encoding="utf-8")
    assert (
        fixed.count("Park Min-ho") == 3 and "Lee Jae-suk" in fixed
    )  # which vowel is right is unknown


def test_real_copy_precision_and_planted_recall():
    from mtalign.glossary.store import load_glossary

    glossary = load_glossary()
    check = REPO / "tests" / "data" / "check"
    hit, found, gold, *_ = eval_check.evaluate(check / "real-judged" / "yonhap.txt", glossary)
    assert hit / found >= 0.9 and hit == gold
    hit, found, gold, *_ = eval_check.evaluate(check / "real-planted" / "yonhap.txt", glossary)
    assert hit / found >= 0.9 and hit / gold >= 0.9
