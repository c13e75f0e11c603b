"""The shipped institutions/titles/places data, the one term recognizer and `glossary find`."""

import csv
import json
import re

import pytest

from tests.conftest import REPO, SEEDS, run_main


@pytest.fixture(scope="module")
def glossary():
    from mtalign.glossary.store import load_glossary

    return load_glossary()


@pytest.fixture(scope="module")
def finder(glossary):
    from mtalign.glossary.terms import TermFinder

    return TermFinder(glossary.entries.values())


def _found(finder, text):
    return [(hit.text, hit.entry.id) for hit in finder.find(text)]


def test_shipped_glossary_is_large_sourced_and_conflict_free(glossary):
    assert len(glossary.entries) >= 2000
    assert glossary.conflicts == []
    assert [entry.id for entry in glossary.entries.values() if not entry.sources] == []


def test_the_80_most_named_institutions_titles_and_places_answer_first():
    from mtalign.glossary.lookup import Lookup

    lookup = Lookup()
    with open(
        REPO / "tests" / "data" / "glossary" / "institutions-80.tsv", encoding="utf-8"
    ) as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 80
    right = [
        row
        for row in rows
        if (lookup.lookup(row["query"], limit=1) or [None])[0]
        and lookup.lookup(row["query"], limit=1)[0].entry.en == row["expected"]
    ]
    assert len(right) >= 0.95 * len(rows), {row["query"] for row in rows} - {
        row["query"] for row in right
    }


@pytest.mark.parametrize(
    "text", ["조국을 위해 싸웠다", "서훈을 받았다", "국가 이상화 정책", "박진감 넘치는 경기"]
)
def test_common_words_are_not_taken_for_people(finder, text):
    assert [hit for hit in finder.find(text) if hit.entry.type == "person"] == []


@pytest.mark.parametrize(
    "text,entry_id",
    [
        ("조국 전 장관은 말했다", "cho-kuk"),
        ("조국혁신당 조국 대표는", "cho-kuk"),
        ("소설가 한강이 상을 받았다", "han-kang"),
        ("한강 작가는", "han-kang"),
        ("박진 외교부 장관은", "park-jin"),
        ("이상화 선수가 금메달을 땄다", "lee-sang-hwa"),
        ("서훈 전 국가안보실장은", "suh-hoon"),
    ],
)
def test_names_in_name_context_are_people(finder, text, entry_id):
    assert entry_id in {hit.entry.id for hit in finder.find(text)}


def test_a_name_that_is_also_a_place_is_the_place_without_context(finder):
    assert _found(finder, "한강에서 수영했다") == [("한강", "han-river")]


def test_terms_stand_as_words_with_particles_only(finder):
    assert _found(finder, "대학동아리에서 미국산 소고기를 샀다") == []
    assert _found(finder, "국방부는 미국에서") == [("국방부", "mnd-kr"), ("미국", "united-states")]


def test_two_syllable_place_names_that_are_words_need_a_proper_noun_reading(finder):
    assert _found(finder, "그는 개성이 강한 사람이다") == []
    assert _found(finder, "남북은 개성에서 회담을 가졌다") == [("개성", "kaesong")]


def test_titles_join_names_and_surnames(finder):
    (hit,) = finder.find("윤 대통령은 말했다")
    assert hit.text == "윤 대통령" and hit.english("yonhap").startswith("President Y")
    (hit,) = finder.find("조국 전 장관은")
    assert hit.english(None) == "former Minister Cho Kuk"
    (hit,) = finder.find("버락 오바마 대통령 당선인은")
    assert hit.english(None) == "President-elect Barack Obama"
    assert finder.find("대통령은 시장을 찾았다") == []  # a title alone is not a term


def test_a_given_name_before_a_known_family_name_is_someone_else(finder):
    assert _found(finder, "미셸 오바마 여사가 방한했다") == []
    assert _found(finder, "미국 오바마 대통령은") == [
        ("미국", "united-states"),
        ("오바마 대통령", "barack-obama"),
    ]
    assert _found(finder, "방한한 오바마 대통령이")[0][1] == "barack-obama"


def test_north_korean_spelling_finds_entries_written_the_southern_way(finder):
    from mtalign.glossary.terms import orthography_variants

    assert orthography_variants("리설주") == ["이설주"] and orthography_variants("노동신문") == [
        "로동신문"
    ]
    assert {hit.entry.id for hit in finder.find("로동신문과 노동신문, 량강도와 양강도")} == {
        "rodong-sinmun",
        "ryanggang",
    }


def test_english_terms_are_whole_words_in_any_capitals(glossary):
    from mtalign.glossary.terms import TermFinder

    english = TermFinder(glossary.entries.values(), korean=False)
    found = [
        (hit.text, hit.entry.id)
        for hit in english.find("SEOUL (Yonhap) -- ICBMs, Seoulite, Russia-Ukraine")
    ]
    assert found == [
        ("SEOUL", "seoul"),
        ("Yonhap", "yonhap"),
        ("ICBM", "icbm"),
        ("Russia", "russia"),
        ("Ukraine", "ukraine"),
    ]


def test_every_glossary_mention_in_the_seeds_is_found(glossary):
    from mtalign.glossary.recognize import Recognizer
    from mtalign.glossary.terms import is_title

    recognizer = Recognizer(glossary.entries.values())
    forms = {
        form
        for entry in glossary.entries.values()
        if not is_title(entry)
        for form in [*entry.ko, *entry.english_forms()]
        if len(form) >= 2
    }
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?!\w)"
    )
    missed, mentions = [], 0
    for path in sorted(SEEDS.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            hits = recognizer.find(line)
            for match in pattern.finditer(line):
                mentions += 1
                if not any(hit.start < match.end() and match.start() < hit.end for hit in hits):
                    missed.append(f"{path.name}:{number}: {match.group()}")
    assert mentions > 200 and missed == []


def test_glossary_find_lists_terms_in_both_scripts_as_json(tmp_path):
    text = tmp_path / "copy.txt"
    text.write_text(
        "조국 전 장관이 로동신문을 읽었다.\nThe People Power Party met in Seoul.\n",
        encoding="utf-8",
    )
    result = run_main("glossary", "find", text, "--format", "json", "--style", "kcna")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0] == {
        "file": str(text),
        "line": 1,
        "col": 1,
        "text": "조국 전 장관",
        "id": "cho-kuk",
        "en": "former Minister Cho Kuk",
        "type": "person",
    }
    assert [(r["line"], r["col"], r["id"]) for r in records[1:]] == [
        (1, 10, "rodong-sinmun"),
        (2, 5, "people-power-party"),
        (2, 31, "seoul"),
    ]


def test_glossary_find_bad_input_is_one_line(tmp_path):
    result = run_main("glossary", "find", tmp_path / "missing.txt")
    assert (
        result.returncode == 2
        and "missing.txt" in result.stderr
        and len(result.stderr.splitlines()) == 1
    )


def test_a_lookup_miss_exits_1_with_nearest_entries_and_a_romanization():
    result = run_main("glossary", "lookup", "기획재정뷰")
    assert result.returncode == 1
    assert "기획재정부 → Ministry of Economy and Finance" in result.stderr
    assert "the romanizer proposes 'Gihoekjaejeongbyu'" in result.stderr
    result = run_main("glossary", "lookup", "Ministry of Fiance")
    assert result.returncode == 1 and "nearest: 기획재정부" in result.stderr


def test_check_flags_wrong_party_and_ministry_names_as_institution_variants(tmp_path):
    copy = tmp_path / "yonhap.txt"
    copy.write_text(
        "SEOUL, Nov. 3 (Yonhap) -- The People's Power and the Democrat Party clashed, while the "
        "Ministry of Strategy and Finance stayed silent. The People Power Party agreed.\n",
        encoding="utf-8",
    )
    result = run_main("check", copy, "--style", "yonhap", "--format", "json")
    found = {(f["text"], f["suggestion"], f["kind"]) for f in json.loads(result.stdout)}
    assert found == {
        ("People's Power", "People Power Party", "institution"),
        ("Democrat Party", "Democratic Party", "institution"),
        ("Ministry of Strategy and Finance", "Ministry of Economy and Finance", "institution"),
    }
