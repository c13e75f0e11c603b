"""Korean fragments inside the seed articles and their English counterparts."""

import json

import pytest


@pytest.fixture
def records(seed_fragments):
    return {r["ko_text"]: r for r in map(json.loads, seed_fragments.read_text(encoding="utf-8").splitlines())}


def test_seed_fragments(records):
    caption = next(r for text, r in records.items() if text.startswith("러시아 푸틴 대통령과"))
    assert caption["en_text"] == (
        "Russian President Vladimir Putin (left) and his North Korean counterpart Kim Jong-un pose for a photo "
        "after their summit in Pyongyang on June 19, 2024. AFP-Yonhap"
    )
    assert records["김수연"]["en_text"] == "By Kim Soo-yeon"
    assert records["기사 이미지 확대 보기"]["en_text"] is None
    assert records["[ⓒ K-VIBE. 무단전재-재배포 금지]"]["en_text"] is None
    assert all(r["source"].endswith(".txt") and isinstance(r["score"], float) for r in records.values())


def test_every_korean_fragment_is_reported(records):
    assert len(records) == 4
