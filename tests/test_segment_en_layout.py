"""English news layout (issue 16r4): photo texts and their credits, glued sentences, bylines,
timestamps and site labels of English pages of Korean outlets. Synthetic lines in the shapes
of those pages; each rule is general (shape, position, neighbours), not one page's strings."""

import pytest

from mtalign.segment import segment_text, split_sentences


def _roles(text):
    """The rules' roles (the learned role model, on by default, has its own tests)."""
    return [(s.text, s.role) for s in segment_text(text, roles=False)]


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


@pytest.mark.parametrize("line", [
    "Published: 07 Apr. 2025, 19:38 Updated: 07 Apr. 2025, 20:16",
    "Posted on : 2019-03-31 17:45 KST Modified on : 2019-03-31 17:45 KST",
    "Monday 17th April 2017",
])
def test_english_timestamps_day_first_and_labelled_on(line):
    assert _roles(line) == [(line, "dateline")]


@pytest.mark.parametrize("line", [
    "By Yonhap", "< The Korea Times >", "< Korea JoongAng Daily >", "Anthony V. Rinna",
    "Written by Hong Gil-dong (hong@example.com)",
])
def test_english_signoff_and_source_lines_are_bylines(line):
    assert _roles(line) == [(line, "byline")]


def test_signoffs_after_the_last_sentence_are_cut_apart_as_bylines():
    text = ("The festival of the island begins on Saturday and runs until the middle of April. "
            "People stroll along the road.Written by Kim Min-ji ( kim@example.com "
            "Photos by Lee Su-jin ( lee@example.com")
    assert _roles(text) == [
        ("The festival of the island begins on Saturday and runs until the middle of April.",
         "body"),
        ("People stroll along the road.", "body"),
        ("Written by Kim Min-ji ( kim@example.com", "byline"),
        ("Photos by Lee Su-jin ( lee@example.com", "byline")]
    text = "He waved at the crowd.-Reported by the Daily Times on March 7, 2018."
    assert _roles(text) == [("He waved at the crowd.", "body"),
                            ("-Reported by the Daily Times on March 7, 2018.", "byline")]


def test_caption_ending_in_a_glued_credit_word():
    text = "Leaders meet in a hall on Monday.CreditCentral News Agency, via Associated Press"
    assert _roles(text) == [(text, "caption")]


@pytest.mark.parametrize("text,sentences", [
    ("at 6:53 a.m, according to the JCS.The military is on alert.",
     ["at 6:53 a.m, according to the JCS.", "The military is on alert."]),
    ("Commanders of the South Korea-U.S. Combined Forces Command met. They agreed.",
     ["Commanders of the South Korea-U.S. Combined Forces Command met.", "They agreed."]),
    ("They met in the U.S. The talks went well.", ["They met in the U.S.", "The talks went well."]),
])
def test_glued_sentence_after_an_acronym_and_initialism_ending_a_compound(text, sentences):
    assert [text[start:end] for start, end in split_sentences(text)] == sentences


@pytest.mark.parametrize("text,expected", [
    ("The Korea Times", [("The Korea Times", "boilerplate")]),
    ("KBS WORLD News", [("KBS WORLD News", "boilerplate")]),
    ("Home > National >", [("Home > National >", "boilerplate")]),
    ("SportsMay 20, 2015", [("Sports", "boilerplate"), ("May 20, 2015", "dateline")]),
    (" date 2018-04 LIFE&STYLE", [("date 2018-04", "dateline"), ("LIFE&STYLE", "boilerplate")]),
    ("Views expressed in Opinion articles are the authors’ own and not the site’s.",
     [("Views expressed in Opinion articles are the authors’ own and not the site’s.",
       "boilerplate")]),
    # a title naming a paper is no masthead
    ("Seoul court rules against the daily's owners over the Times report",
     [("Seoul court rules against the daily's owners over the Times report", "headline")]),
])
def test_english_mastheads_breadcrumbs_and_section_labels(text, expected):
    assert _roles(text) == expected


def test_html_heading_that_is_furniture_by_its_form_takes_the_extractor_hint():
    from mtalign.segment import extract

    signals = extract.Signals(lines={"Thearticletext."}, text="Thearticletext.")
    assert extract.block_hint("KBS WORLD", signals) == "boilerplate"
    assert extract.block_hint("2023-11-03", signals) is None  # a date keeps its own role


@pytest.mark.parametrize("text,expected", [
    # house styles of English pages of Korean outlets: capitals sign-offs with a bracketed
    # e-mail, a name before its e-mail, credits of courtesy, files and stock agencies, a usage
    # note, a contact line
    ("BY HONG GIL-DONG [hong.gildong@example.com]",
     [("BY HONG GIL-DONG [hong.gildong@example.com]", "byline")]),
    ("Hong Gil-dong hong@example.com", [("Hong Gil-dong hong@example.com", "byline")]),
    ("Citizens walk along a street in Seoul, Monday. / Courtesy of Seoul City",
     [("Citizens walk along a street in Seoul, Monday. / Courtesy of Seoul City", "caption")]),
    ("Citizens walk along a street in Seoul, Monday. Daily Times file",
     [("Citizens walk along a street in Seoul, Monday. Daily Times file", "caption")]),
    # Yonhap's English usage note is a credit, as "(For Use Only ...)" is (en_yonhap_premier_photo)
    ("This photo shows soldiers on a drill on Monday. (PHOTO NOT FOR SALE) (Yonhap)",
     [("This photo shows soldiers on a drill on Monday.", "caption"),
      ("(PHOTO NOT FOR SALE)", "credit"), ("(Yonhap)", "caption")]),
    ("Please direct questions or comments to [english@example.com]",
     [("Please direct questions or comments to [english@example.com]", "boilerplate")]),
])
def test_english_house_style_signoffs_credits_and_contact_lines(text, expected):
    assert _roles(text) == expected


def test_article_paragraph_ending_in_a_signoff_is_prose_not_a_title():
    text = ("The talks ended on Monday. The two sides will meet again. Both said it went well. "
            "BY HONG GIL-DONG [hong.gildong@example.com]")
    assert _roles(text) == [
        ("The talks ended on Monday.", "body"), ("The two sides will meet again.", "body"),
        ("Both said it went well.", "body"),
        ("BY HONG GIL-DONG [hong.gildong@example.com]", "byline")]


@pytest.mark.parametrize("text,expected", [
    (" date 2021-10-19 MISSILE LAUNCH CONDEMNED News Today 입력 2021.10.19 (15:32)",
     [("date 2021-10-19", "dateline"), ("MISSILE LAUNCH CONDEMNED", "headline"),
      ("News Today", "boilerplate"), ("입력 2021.10.19 (15:32)", "dateline")]),
    ("Talks resume in Geneva Updated: 2023-11-07 15:30",
     [("Talks resume in Geneva", "headline"), ("Updated: 2023-11-07 15:30", "dateline")]),
    # a line of two stamps stays one dateline
    ("Written: 2023-11-07 15:03 / Updated: 2023-11-07 15:30",
     [("Written: 2023-11-07 15:03 / Updated: 2023-11-07 15:30", "dateline")]),
])
def test_english_title_programme_and_stamp_on_one_line(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("line", [
    "By " + "Kim " * 20_000,  # a sign-off that never ends
    "He left. " + "Hong Gil-dong " * 10_000 + "hong@example.com",
    "TITLE " * 20_000 + "News Today 입력 2021.10.19 (15:32)",
    "He left." + " " * 50_000 + "Yonhap",
    "He left.Yonhap" * 10_000,
])
def test_english_layout_patterns_stay_linear(line):
    from tests.fuzz_inputs import within

    segments = within(2.0, lambda: segment_text(line))
    assert "".join(s.text for s in segments).replace(" ", "") == line.replace(" ", "")
