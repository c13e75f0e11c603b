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


def _segments(*rows):
    """Segments laid out one per line: (text, lang, role)."""
    from mtalign.types import Segment

    segments, start = [], 0
    for text, lang, role in rows:
        segments.append(Segment(text, lang, role, "<page>", start, start + len(text)))
        start += len(text) + 1
    return segments


def _records(*rows):
    from mtalign.align.fragments import pair_fragments

    segments = _segments(*rows)
    records = pair_fragments(segments, _encoder())
    assert len(records) == sum(s.lang in ("ko", "mixed") for s in segments)  # nothing lost
    return {r.ko_text: r.en_text for r in records}


def test_one_korean_sentence_pairs_with_the_two_english_sentences_that_translate_it():
    pairs = _records(
        ("정부는 내년 예산을 5% 늘리기로 했고, 국방비가 가장 크게 늘어난다.", "ko", "body"),
        ("The government will raise next year's budget by 5 percent.", "en", "body"),
        ("Defense spending will grow the most.", "en", "body"),
        ("The weather was clear in Seoul on Monday.", "en", "body"),
    )
    assert pairs == {"정부는 내년 예산을 5% 늘리기로 했고, 국방비가 가장 크게 늘어난다.":
                     "The government will raise next year's budget by 5 percent. "
                     "Defense spending will grow the most."}


def test_a_timestamp_never_pairs_with_an_email_tail_whatever_its_role():
    pairs = _records(("기사등록 2020/06/21 09:00:00", "ko", "body"),
                     ("2020.06.21. kmx1105@newsis.com", "en", "body"),
                     ("Published : Jun. 21, 2020 - 09:00", "en", "body"))
    assert pairs == {"기사등록 2020/06/21 09:00:00": None}


def test_a_bilingual_licence_line_is_not_paired_with_itself_or_its_halves():
    pairs = _records(("[국내에서만 사용가능.", "ko", "body"), ("재배포 금지.", "ko", "body"),
                     ("For Use Only in the Republic of Korea.", "en", "body"),
                     ("Redistribution Prohibited]", "en", "body"),
                     ("[국내에서만 사용가능. 재배포 금지. For Use Only in the Republic of Korea. "
                      "Redistribution Prohibited]", "mixed", "credit"))
    assert set(pairs.values()) == {None}


def test_a_word_of_menu_does_not_pair_with_its_translation():
    pairs = _records(("KBS NEWS", "en", "headline"), ("뉴스", "ko", "headline"))
    assert pairs == {"뉴스": None}


def test_a_mixed_language_segment_pairs_only_with_a_near_copy():
    pairs = _records(("Galaxy S24 Ultra 출시 행사", "mixed", "headline"),
                     ("Galaxy S24 Ultra launch event", "en", "headline"),
                     ("Galaxy S24 Ultra 출시 행사!", "en", "headline"))
    assert pairs == {"Galaxy S24 Ultra 출시 행사": "Galaxy S24 Ultra 출시 행사!"}
