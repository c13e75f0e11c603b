"""Sentence splitting rules, English and Korean, and the no-loss property."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtalign.segment import segment_text
from mtalign.segment.clean import normalize_line
from mtalign.segment.split import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("He flew to the U.S. The talks began.", ["He flew to the U.S.", "The talks began."]),
    ("The U.S. secretary of state spoke.", ["The U.S. secretary of state spoke."]),
    ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
    ("They met on Sept. 13, 2024. Gen. Lee came.",
     ["They met on Sept. 13, 2024.", "Gen. Lee came."]),
    ("Martin Luther King Jr. spoke. He left.", ["Martin Luther King Jr. spoke.", "He left."]),
    ("George W. Bush met N. Korean envoys.", ["George W. Bush met N. Korean envoys."]),
    ("Prices rose 1.5 percent. Mr. Kim agreed.", ["Prices rose 1.5 percent.", "Mr. Kim agreed."]),
    ("“We sent a warning,” Jang said. “Russia must think.” But he left.",
     ["“We sent a warning,” Jang said.", "“Russia must think.”", "But he left."]),
    ('"Why?" he asked. No answer came.', ['"Why?" he asked.', "No answer came."]),
    ("It was built by IBM Corp., which sold it.", ["It was built by IBM Corp., which sold it."]),
    ('Ri Su-yong(N. Korean Foreign Minister) : "(Any talks?) ……"',
     ['Ri Su-yong(N. Korean Foreign Minister) : "(Any talks?) ……"']),
])
def test_english_rules(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("그는 말했다. 회담은 끝났다.", ["그는 말했다.", "회담은 끝났다."]),
    ("정말 그럴까? 그렇다고요. 좋죠!", ["정말 그럴까?", "그렇다고요.", "좋죠!"]),
    ("조지 W. 부시 대통령은 지지율이 1.5% 올랐다고 했다.",
     ["조지 W. 부시 대통령은 지지율이 1.5% 올랐다고 했다."]),
    ('그는 "가겠다. 꼭 가겠다."라고 말했다. 그리고 떠났다.',
     ['그는 "가겠다. 꼭 가겠다."라고 말했다.', "그리고 떠났다."]),
    ('그는 "내일 간다. 꼭 간다"고 말했다.', ['그는 "내일 간다. 꼭 간다"고 말했다.']),
    ("“매우 잘 돼가고 있다. 관계들도 매우 좋다. … 생각한다”고 밝혔다.",
     ["“매우 잘 돼가고 있다. 관계들도 매우 좋다. … 생각한다”고 밝혔다."]),
    ('그는 "가겠다." 그리고 떠났다.', ['그는 "가겠다."', "그리고 떠났다."]),
    ("다음과 같다. 1. 첫째 항목이다. 2. 둘째 항목이다.",
     ["다음과 같다.", "1. 첫째 항목이다.", "2. 둘째 항목이다."]),
    ("점검을 실시하기로 하였음.다음 회의는 열지 않기로 함.",
     ["점검을 실시하기로 하였음.", "다음 회의는 열지 않기로 함."]),
    ("회담은 2024. 6. 19. 열렸다.", ["회담은 2024. 6. 19. 열렸다."]),
    ("그는 떠났다.그러나 돌아왔다.", ["그는 떠났다.", "그러나 돌아왔다."]),
])
def test_korean_rules(text, expected):
    assert sentences(text) == expected


def _non_space(text):
    return re.sub(r"\s", "", text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_segmentation_never_loses_duplicates_or_reorders(text):
    segments = segment_text(text)
    normalized = "\n".join(normalize_line(line) for line in text.split("\n"))
    assert all(normalized[s.start:s.end] == s.text for s in segments)
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:]))
    assert _non_space("".join(s.text for s in segments)) == _non_space(normalized)
    # the whitespace between segments is in none
    assert all(s.text and s.text == s.text.strip() for s in segments)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "Kim Jong-un met Putin.", "김정은이 푸틴을 만났다.", "Mr. Kim", "U.S.", "“Yes.”", "1.5", " ",
    "\n", "\n\n", "▲ Photo", "LATEST NEWS", "(Yonhap) --", "SEOUL, June 19 (Yonhap) --", "다.", "?",
    "...", "By Kim Soo-yeon",
]), max_size=30))
def test_no_loss_on_news_like_text(parts):
    text = "".join(parts)
    segments = segment_text(text)
    assert all(text[s.start:s.end] == s.text for s in segments)
    assert _non_space("".join(s.text for s in segments)) == _non_space(text)


def test_hard_wrapped_lines_are_joined_but_other_lines_are_not():
    text = ("The summit talks came amid concerns that Russia\nand North Korea could deepen ties. "
            "Experts agreed.\nNew line here.")
    assert [s.text for s in segment_text(text)] == [
        "The summit talks came amid concerns that Russia\nand North Korea could deepen ties.",
        "Experts agreed.", "New line here.",
    ]
