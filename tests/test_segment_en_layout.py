"""English news layout (issue 16r4): photo texts and their credits, glued sentences, bylines,
timestamps and site labels of English pages of Korean outlets. Synthetic lines in the shapes
of those pages; each rule is general (shape, position, neighbours), not one page's strings."""

import pytest

from mtalign.segment import segment_text, split_sentences


def _roles(text):
    return [(s.text, s.role) for s in segment_text(text)]


@pytest.mark.parametrize("text,expected", [
    # a short photo text: every sentence a caption, the credit staying in the last one
    ("Children play in a fountain in Seoul, Monday. The heat will last all week. / Yonhap",
     [("Children play in a fountain in Seoul, Monday.", "caption"),
      ("The heat will last all week. / Yonhap", "caption")]),
    ("Monks walk past lanterns on Sunday. Visitors came early. Reuters",
     [("Monks walk past lanterns on Sunday.", "caption"),
      ("Visitors came early. Reuters", "caption")]),
    ("A pigeon drinks water near a park, Tuesday. Daily Times photo by Hong Gil-dong",
     [("A pigeon drinks water near a park, Tuesday. Daily Times photo by Hong Gil-dong",
       "caption")]),
    # a title-sized line ending in a sentence and a parenthesized agency is a caption too
    ("The president speaks on the lawn on Mar. 24. (AP)",
     [("The president speaks on the lawn on Mar. 24. (AP)", "caption")]),
])
def test_short_english_photo_text_ending_in_a_credit_is_captions(text, expected):
    assert _roles(text) == expected


def test_english_article_ending_in_a_credit_is_body_with_the_credit_as_byline():
    text = ("Fares will rise next year. The cities agreed on it. Prices rose in 2023. "
            "The plan was delayed. [HONG GIL-DONG]")
    assert _roles(text) == [
        ("Fares will rise next year.", "body"), ("The cities agreed on it.", "body"),
        ("Prices rose in 2023.", "body"), ("The plan was delayed.", "body"),
        ("[HONG GIL-DONG]", "byline")]


def test_flattened_wire_copy_with_glued_sentences_and_source():
    text = (' date 2025-01-27 Fares will rise, the city said Monday.The cities agreed in '
            'May.Fares rose in 2023.The plan stalled amid efforts to curb prices."We agreed," '
            'an official said. "It was time."The rise takes effect soon.Yonhap')
    assert _roles(text) == [
        ("date 2025-01-27", "dateline"), ("Fares will rise, the city said Monday.", "body"),
        ("The cities agreed in May.", "body"), ("Fares rose in 2023.", "body"),
        ("The plan stalled amid efforts to curb prices.", "body"),
        ('"We agreed," an official said.', "body"), ('"It was time."', "body"),
        ("The rise takes effect soon.", "body"), ("Yonhap", "byline")]


@pytest.mark.parametrize("text,sentences", [
    ("It runs until April 12.There is a road.", ["It runs until April 12.", "There is a road."]),
    ("said the agency (KMA).The heat goes on.", ["said the agency (KMA).", "The heat goes on."]),
    ('He left."We stay," she said.', ["He left.", '"We stay," she said.']),
    ('"We stay."She left.', ['"We stay."', "She left."]),
    ("See koreaherald.com and the U.S.Army site.", ["See koreaherald.com and the U.S.Army site."]),
])
def test_glued_english_sentences(text, sentences):
    assert [text[start:end] for start, end in split_sentences(text)] == sentences
