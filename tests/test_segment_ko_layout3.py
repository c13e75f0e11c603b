"""Korean page layout rules of issue 16r3: broadcast transcript furniture, outlet notices and
promotions, bulleted menus, photo credits ending in a bar. Every text here is made up."""

import pytest

from mtalign.segment import segment_text


def _roles(text):
    """The rules' roles (the learned role model, on by default, has its own tests)."""
    return [(s.text, s.role) for s in segment_text(text, roles=False)]


def test_interviewee_label_with_a_recording_note_is_split_off_the_speech():
    speech = ('"문을 열어 보니까 복도에 연기가 가득 차 있었어요. '
              '그래서 바로 아이들을 데리고 뛰어나왔죠."')
    assert _roles("[동네 주민 (음성변조)] " + speech) == [
        ("[동네 주민 (음성변조)]", "boilerplate"),
        ('"문을 열어 보니까 복도에 연기가 가득 차 있었어요.', "body"),
        ('그래서 바로 아이들을 데리고 뛰어나왔죠."', "body")]


@pytest.mark.parametrize("line,role", [
    ("[현장 근로자 (화면제공)]", "boilerplate"),
    ("(KBC 보도국 디지털뉴스부)", "byline"),
    ("(연합 사회팀)", "byline"),
    ("김민수 / 한국대학교 경제학과 교수", "byline"),
    ("박지영 / OBS 정치부 기자", "byline"),
    ("원문 보기 - https://news.example.kr/article/123", "boilerplate"),
    ("[내일신문]", "dateline"),
    ("[뉴스광장]", "boilerplate"),  # a programme's name, not a paper's
    ("최가을 기자 |", "caption"),
])
def test_layout_lines(line, role):
    assert _roles(line) == [(line, role)]


@pytest.mark.parametrize("sentence", [
    "영상을 인용보도할 때는 출처 'OBS <뉴스 오늘>'을 밝혀주시기 바랍니다.",
    "저작권은 OBS에 있습니다.",
    "OBS 뉴스는 언제나 시청자 여러분의 제보를 기다립니다.",
    "내일신문 구독신청 하기",
    "좋은 저널리즘, 정기구독으로 응원해 주세요.",
])
def test_outlet_notices_inside_a_paragraph_are_boilerplate(sentence):
    text = "비가 그쳤습니다. " + sentence
    assert _roles(text) == [("비가 그쳤습니다.", "body"), (sentence, "boilerplate")]


def test_a_bulleted_menu_of_longer_labels_is_boilerplate_but_not_a_list_of_titles():
    menu = ("• 원하는 분야의 소식을 먼저 보여드립니다\n• 저장한 기사는 내 서랍에서 한번에 보기\n"
            "• 새 소식이 오면 바로 알려드림")
    assert [role for _, role in _roles(menu)] == ["boilerplate"] * 3
    titles = ("• “내일부터 장마 시작”…남부지방 최대 200㎜\n"
              "• 정부, 전기요금 동결 결정…“물가 부담 고려”\n• 항구에 정박한 배들")
    assert [role for _, role in _roles(titles)][:2] == ["headline", "headline"]


def test_texts_under_a_photographers_bar_credit_are_captions():
    text = ("[내일신문]\n오늘 아침 공원을 걸었습니다. 나무가 물들었습니다.\n최가을 기자 |\n"
            "단풍잎이 떨어지고 있습니다. 바람이 찹니다.\n최가을 기자 |\n"
            "벤치에 사람들이 앉아 있습니다.")
    assert _roles(text) == [
        ("[내일신문]", "dateline"),
        ("오늘 아침 공원을 걸었습니다.", "body"), ("나무가 물들었습니다.", "body"),
        ("최가을 기자 |", "caption"),
        ("단풍잎이 떨어지고 있습니다.", "caption"), ("바람이 찹니다.", "caption"),
        ("최가을 기자 |", "caption"), ("벤치에 사람들이 앉아 있습니다.", "caption")]


def test_a_reporter_called_on_air_is_speech_not_a_sign_off():
    assert _roles("부산역에 중계차가 나가 있습니다. 박하늘 기자!") == [
        ("부산역에 중계차가 나가 있습니다.", "body"), ("박하늘 기자!", "body")]
    assert _roles("박하늘 기자!") == [("박하늘 기자!", "body")]
    assert _roles("박하늘 기자") == [("박하늘 기자", "byline")]


def test_short_speech_after_a_speaker_label_is_cut_at_its_sentence_ends():
    assert _roles('<녹취> "박하늘 기자! 비가 많이 오네요."') == [
        ("<녹취>", "boilerplate"), ('"박하늘 기자!', "body"), ('비가 많이 오네요."', "body")]
    assert _roles('"저기! 배가 보인다."') == [('"저기! 배가 보인다."', "body")]  # no label: whole


def test_titles_after_the_copyright_notice_link_to_other_stories():
    text = ("강풍에 간판이 떨어졌습니다.\n\nCopyright © OBS. All rights reserved.\n\n"
            "- 항만 노조 파업 사흘째…물류 차질\n- 공원 나무 쓰러져 차량 파손")
    roles = _roles(text)
    assert roles[-2:] == [("- 항만 노조 파업 사흘째…물류 차질", "boilerplate"),
                          ("- 공원 나무 쓰러져 차량 파손", "boilerplate")]


def test_a_run_of_titles_below_the_text_is_a_list_but_marked_points_are_not():
    text = "강풍에 간판이 떨어졌습니다. 다친 사람은 없었습니다.\n"
    titles = ["항만 노조 파업 사흘째…물류 차질", "공원 나무 쓰러져 차량 파손",
              "새 학기 급식비 인상 논란 확산"]
    listed = text + "\n".join(titles)
    assert [role for _, role in _roles(listed)][2:] == ["boilerplate"] * 3
    points = text + "\n".join("- " + title for title in titles)
    assert [role for _, role in _roles(points)][2:] == ["headline"] * 3


@pytest.mark.parametrize("line,role", [
    ("- 내일신문", "byline"),  # a portal's copy names its outlet
    ("- 기사 전체 보기", "boilerplate"),
    ("입력", "boilerplate"),  # a stamp's label, its date on another line
    ("• Drizzle: 이슬비", "body"),  # a study page's glossary entry
    ("*harvest: 수확, 추수", "body"),
])
def test_portal_glossary_and_stamp_lines(line, role):
    assert _roles(line) == [(line, role)]


def test_an_outlets_name_signs_the_text_above_it_and_is_a_logo_elsewhere():
    assert _roles("OBS 뉴스\n\n강풍에 간판이 떨어졌습니다.\nOBS 뉴스") == [
        ("OBS 뉴스", "boilerplate"), ("강풍에 간판이 떨어졌습니다.", "body"),
        ("OBS 뉴스", "byline")]
    assert _roles("내일신문\n\n강풍에 간판이 떨어졌습니다.")[0] == ("내일신문", "boilerplate")


@pytest.mark.parametrize("line,role", [
    ("(박하늘 최가을 앵커)", "byline"),
    ("최가을 부장", "byline"),
    ("<초대석 : 최가을 前 내일신문 사진부장>", "headline"),
    ("내일신문 박하늘 기자 ‘올해의 기자상’ 수상", "headline"),
])
def test_transcript_cards_and_titles(line, role):
    assert _roles(line) == [(line, role)]


def test_an_ai_summary_boxs_notes_are_furniture():
    text = ("인공지능 기술로 자동 요약된 내용입니다. "
            "전체 내용을 이해하기 위해 본문과 함께 읽는 것을 추천합니다.")
    assert [role for _, role in _roles(text)] == ["boilerplate", "boilerplate"]


def test_a_line_closing_its_quote_after_a_two_dot_leader_ends_there():
    text = '"문이 흔들릴 정도로‥"\n소방대원들은 불을 끄고 철수했습니다.'
    assert _roles(text) == [('"문이 흔들릴 정도로‥"', "body"),
                            ("소방대원들은 불을 끄고 철수했습니다.", "body")]


def test_a_word_list_of_english_terms_and_korean_glosses_is_one_entry_per_line():
    # each entry starts in lower case after a Korean gloss: not a hard-wrapped sentence
    text = ("The mayor vowed to lower fares.\n시장은 요금을 낮추겠다고 약속했다.\n"
            "lower 낮추다, 내리다\nvow = promise = pledge 약속하다, 맹세하다\nfare 요금, 운임\n")
    assert _roles(text)[2:] == [("lower 낮추다, 내리다", "body"),
                                ("vow = promise = pledge 약속하다, 맹세하다", "body"),
                                ("fare 요금, 운임", "body")]


def test_an_english_line_going_on_in_lower_case_still_joins_the_line_above():
    wrapped = "The movie tells the story of teachers who abused\nhearing-impaired students."
    assert _roles(wrapped + "\n") == [(wrapped, "body")]


@pytest.mark.parametrize("wrapped", [
    # the next line opens with a number; the line ends in a comma
    "오늘 세 도시에서는\n1백 곳이 넘는 시험장에서 시험을 치릅니다.",
    "이번 시험은 제도가 바뀐 뒤 치러지는 만큼,\n응시생 규모가 최대치를 기록했습니다.",
])
def test_a_korean_line_wrapped_before_a_number_or_after_a_comma_joins_the_next(wrapped):
    assert _roles(wrapped + "\n") == [(wrapped, "body")]
