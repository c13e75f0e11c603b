"""Korean fragments inside the seed articles and their English counterparts."""

import functools
import json

import pytest


@pytest.fixture
def records(seed_fragments):
    return {
        r["ko_text"]: r
        for r in map(json.loads, seed_fragments.read_text(encoding="utf-8").splitlines())
    }


def test_seed_fragments(records):
    caption = next(r for text, r in records.items() if text.startswith("러시아 푸틴 대통령과"))
    assert caption["en_text"] == (
        "Russian President Vladimir Putin (left) and his North Korean counterpart Kim Jong-un "
        "pose for a photo "
        "after their summit in Pyongyang on June 19, 2024. AFP-Yonhap"
    )
    assert records["김수연"]["en_text"] == "By Kim Soo-yeon"
    assert records["기사 이미지 확대 보기"]["en_text"] is None
    assert records["[ⓒ K-VIBE. 무단전재-재배포 금지]"]["en_text"] is None
    assert all(r["source"].endswith(".txt") and isinstance(r["score"], float)
               for r in records.values())


def test_every_korean_fragment_is_reported(records):
    assert len(records) == 4


@functools.lru_cache(maxsize=None)
def _encoder():
    from mtalign.align.encoders import load_encoder

    return load_encoder()


def _pairs(text):
    from mtalign.align.fragments import pair_fragments
    from mtalign.segment import segment_text

    return {p.ko_text: p.en_text for p in pair_fragments(segment_text(text), _encoder())}


def test_two_korean_sentences_pair_with_the_english_sentence_that_translates_both():
    english = ("The government will raise next year's budget by 5 percent, "
               "with defense spending growing the most.")
    pairs = _pairs("정부는 내년 예산을 5% 늘리기로 했다. 국방비가 가장 크게 늘어난다. "
                   f"날씨는 맑았다.\n\n{english}")
    assert pairs["정부는 내년 예산을 5% 늘리기로 했다."] == english
    assert pairs["국방비가 가장 크게 늘어난다."] == english
    assert pairs["날씨는 맑았다."] is None


def test_dates_and_clutter_pair_only_with_near_identical_counterparts():
    pairs = _pairs("입력 2018.04.20 13:26\n\n기사 읽어주기\n\n"
                   "Friday, April 20, 2018 kmx1105@newsis.com\n\n"
                   "Friday, April 20, 2018\n\nRead the article aloud")
    assert pairs == {"입력 2018.04.20 13:26": None, "기사 읽어주기": None}
