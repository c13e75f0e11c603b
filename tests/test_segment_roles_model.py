"""The learned role model (mtalign/segment/roles_model.py) and its shipped weights."""

import csv
import json
from pathlib import Path

import pytest

from mtalign.segment import (
    ROLES_MODEL_DEFAULT,
    iter_lines,
    page_items,
    roles_model,
    segment_file,
    segment_text,
)
from mtalign.segment.roles_model import ROLES, WINDOW, Item, Model
from mtalign.types import Segment
from tests.fuzz_inputs import within

PAGES = Path(__file__).parent / "data" / "pages"


def _item(text, role="body", start=0, whole=True):
    return Item(Segment(text, "ko", role, "<t>", start, start + len(text)), whole, whole)


@pytest.mark.parametrize("count", [0, 1, 2, 3, 7])
def test_every_segment_is_read_once_with_its_neighbours(count):
    items = [_item(f"문장 {i}.", start=10 * i) for i in range(count)]
    windows = list(roles_model._windows(iter(items)))
    assert [w[WINDOW] for w in windows] == items
    for i, window in enumerate(windows):
        expected = [items[j] if 0 <= j < count else None for j in range(i - WINDOW, i + WINDOW + 1)]
        assert list(window) == expected


def test_features_read_shape_line_neighbours_and_repeats():
    items = [_item("입력 2024.01.14 15:14", "headline", 0), _item("북한이 발사했다.", "body", 30),
             _item("입력 2024.01.14 15:14", "headline", 60)]
    feats = [f for _, f in roles_model.page_features(items)]
    expected = {"rule=headline", "date", "clock", "stamp_word", "whole_line", "index=0"}
    assert expected <= set(feats[0])
    assert "repeated" in feats[0] and "repeated" in feats[2]  # the same text after, then before
    assert {"ko_end=da", "end=stop", "role[-1]=headline", "role[+1]=headline"} <= set(feats[1])
    assert "body_before" not in feats[1] and "body_before" in feats[2]


def test_the_model_replaces_a_role_only_by_its_margin():
    weights = {role: {} for role in ROLES}
    weights["boilerplate"] = {"chars<=12": 3.0}
    items = [_item("공유하기", "headline"), _item("정부는 발표했다고 밝혔다.", "body", 20)]
    relabelled = list(roles_model.relabel(items, Model(weights, 0.5)))
    assert [s.role for s in relabelled] == ["boilerplate", "body"]
    assert [(s.start, s.end, s.text) for s in relabelled] == [
        (i.segment.start, i.segment.end, i.segment.text) for i in items]
    kept = list(roles_model.relabel(items, Model(weights, 1.0)))
    assert [s.role for s in kept] == ["headline", "body"]


# Parts already scored (spent) and so development data; a held-out part added later
# (heldout6, ...) must never be in the shipped model.
SPENT_SPLITS = ("dev", "dev-heldout1", "heldout2", "heldout3", "heldout4", "heldout5")


def test_shipped_weights_are_plain_json_trained_on_spent_pages_only():
    stored = json.loads(roles_model.WEIGHTS.read_text(encoding="utf-8"))
    assert set(stored["weights"]) == set(ROLES) and 0.0 <= stored["margin"] < 1.0
    with open(PAGES / "MANIFEST.tsv", encoding="utf-8") as handle:
        splits = {row["file"]: row["split"] for row in csv.DictReader(handle, delimiter="\t")}
    assert stored["trained_on"] and all(splits[name] in SPENT_SPLITS
                                        for name in stored["trained_on"])


def test_the_model_keeps_the_rules_boundaries_on_a_page():
    path = PAGES / "ko_donga_nsc.txt"
    rules = list(segment_file(path, roles=False))
    learned = list(segment_file(path, roles=True))
    assert [(s.start, s.end) for s in learned] == [(s.start, s.end) for s in rules]
    items = list(page_items(iter_lines(path, "utf-8"), str(path)))
    assert [item.segment for item in items] == rules
    # the fourth line holds two sentences: the first starts it, the second ends it
    assert [(i.starts_line, i.ends_line) for i in items] == [
        (True, True), (True, True), (True, True), (True, False), (False, True), (True, True)]


def test_segment_text_takes_the_model_as_an_option():
    text = "공유하기\n\n북한이 9일 미사일을 발사했다. 군은 분석 중이다."
    assert [s.text for s in segment_text(text, roles=True)] == [
        s.text for s in segment_text(text, roles=False)]


@pytest.mark.parametrize("flags, roles", [((), ROLES_MODEL_DEFAULT),
                                          (("--learned-roles",), True),
                                          (("--no-learned-roles",), False)])
def test_segment_command_takes_the_model_or_the_rules_alone(flags, roles):
    from tests.conftest import run_main

    path = PAGES / "en_arirang_newscenter.txt"  # a page where the model and the rules differ
    result = run_main("segment", path, *flags)
    assert result.returncode == 0, result.stderr
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    expected = list(segment_file(path, roles=roles))
    assert [(s["start"], s["role"]) for s in printed] == [(s.start, s.role) for s in expected]
    assert list(segment_file(path, roles=True)) != list(segment_file(path, roles=False))


def test_the_model_gives_the_roles_of_text_files_by_default():
    path = PAGES / "en_arirang_newscenter.txt"
    assert ROLES_MODEL_DEFAULT is True
    assert list(segment_file(path)) == list(segment_file(path, roles=True))


@pytest.mark.parametrize("text", ["제보" * 20_000, "a." * 20_000, "[(" * 20_000])
def test_features_of_a_long_run_take_linear_time(text):
    item = _item(text)  # an e-mail search once backtracked from every letter: 3.5 s here
    feats = within(1.0, lambda: [f for _, f in roles_model.page_features([item])])
    assert "email" not in feats[0] and "bias" in feats[0]
