"""The house-style romanizer."""

import json
import sys

import pytest

from mtalign.names import styles
from mtalign.names.romanize import romanize
from tests.conftest import REPO, run_cli

sys.path.insert(0, str(REPO / "scripts"))
import derive_name_preferences as derivation  # noqa: E402
import eval_romanize  # noqa: E402


@pytest.mark.parametrize("hangul,expected", [
    ("김여정", "Kim Yo Jong"), ("최룡해", "Choe Ryong Hae"), ("리선권", "Ri Son Gwon"), ("박봉주", "Pak Pong Ju"),
    ("장성택", "Jang Song Thaek"), ("김계관", "Kim Kye Gwan"), ("김정각", "Kim Jong Gak"),
])
def test_kcna_names(hangul, expected):
    assert romanize(hangul, "kcna").output == expected


@pytest.mark.parametrize("hangul,expected", [
    ("박영훈", "Park Young-hoon"), ("김수연", "Kim Soo-yeon"), ("이재명", "Lee Jae-myung"), ("문재인", "Moon Jae-in"),
])
def test_yonhap_names_hyphenated_with_media_spellings(hangul, expected):
    assert romanize(hangul, "yonhap").output == expected


@pytest.mark.parametrize("text,style,expected", [
    ("신라", "rr", "Silla"), ("종로", "rr", "Jongno"), ("한국어", "rr", "Hangugeo"), ("평양", "rr", "Pyeongyang"),
    ("평양", "mr", "P'yŏngyang"), ("개성", "kcna", "Kaesong"),
])
def test_strict_text_romanization(text, style, expected):
    assert romanize(text, style).output == expected


def test_glossary_wins_unless_switched_off():
    result = run_cli("romanize", "장호진", "개성", "김정은", "--style", "yonhap")
    assert result.stdout.splitlines() == ["Chang Ho-jin", "Kaesong", "Kim Jong-un"]
    rules = run_cli("romanize", "장호진", "--no-glossary", "--format", "json")
    record = json.loads(rules.stdout)[0]
    assert record["source"] == "name rules" and record["output"] == "Chang Ho-jin"  # 장 -> Chang, learned
    assert record["alternatives"] and 0 < record["confidence"] <= 1


def test_accuracy_on_public_figure_lists():
    north, results, _ = eval_romanize.evaluate(REPO / "tests" / "data" / "names" / "north.tsv", "kcna")
    assert results["mtalign"] / north >= 0.85
    south, results, _ = eval_romanize.evaluate(REPO / "tests" / "data" / "names" / "south.tsv", "yonhap")
    assert results["mtalign"] / south >= 0.70


def _tables(*pairs):
    return derivation.derive([(ko, en, "test") for ko, en in pairs])


def test_one_name_does_not_set_a_syllables_house_spelling_but_two_do():
    pattern = [("김성민", "Kim Sung-min"), ("박성호", "Park Sung-ho"), ("이현수", "Lee Hyun-soo"), ("최현우", "Choi Hyun-woo")]
    once = _tables(*pattern, ("정세현", "Jung Se-hyeon"))
    assert once["syllables"]["현"] == "hyun"  # composed from the learnt initial and rime (ㅕㄴ -> yun)
    twice = _tables(*pattern, ("정세현", "Jung Se-hyeon"), ("한지현", "Han Ji-hyeon"), ("오민현", "Oh Min-hyeon"))
    assert twice["syllables"]["현"] == "hyeon"


def test_issue_surnames_bound_the_choice_and_others_follow_the_data():
    tables = _tables(("노영민", "Noh Young-min"), ("노규덕", "Noh Kyu-duk"), ("정의선", "Chung Eui-sun"),
                     ("권오현", "Kwon Oh-hyun"), ("추신수", "Choo Shin-soo"))
    assert tables["surnames"]["노"] == "Roh"  # the issue lists only Roh
    assert tables["surnames"]["정"] == "Chung"  # one of Jung / Jeong / Chung, as the data writes it
    assert tables["surnames"]["권"] == "Kwon" and tables["surnames"]["추"] == "Choo"


def test_vowel_spellings_fill_rimes_the_data_has_not_shown():
    tables = _tables(("김성민", "Kim Sung-min"), ("박명수", "Park Myung-soo"), ("이현수", "Lee Hyun-soo"),
                     ("최석진", "Choi Suk-jin"), ("한경호", "Han Kyung-ho"), ("김기영", "Kim Ki-young"))
    prefs = {**tables, "syllables": {}}
    assert styles.composed_syllable("겸", prefs) == "kyum"  # ㅕ before a final -> yu; ㄱ -> k
    assert styles.composed_syllable("섭", prefs) == "sup"


def test_vowel_initial_syllables_are_learnt_whole():
    tables = _tables(("정의선", "Chung Eui-sun"))
    assert tables["syllables"]["의"] == "eui"  # a single observation, no composed pattern to overrule it
    assert styles.composed_syllable("의", {**tables, "syllables": {}}) == "ui"


def test_shipped_preferences_are_what_the_derivation_makes():
    shipped = json.loads(styles.DATA.read_text(encoding="utf-8"))
    assert derivation.derive(derivation.name_pairs()) == shipped
    sources = " ".join(shipped["sources"])
    assert "김정은" not in sources  # North Korean figures follow the North's romanization
