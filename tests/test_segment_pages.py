"""The real-page gold set (tests/data/pages) and the Korean news layout rules it measures."""

import csv
from pathlib import Path

import pytest

from mtalign.segment import document_text

PAGES = Path(__file__).parent / "data" / "pages"
# as the README lists them
ROLES = ("headline", "byline", "dateline", "caption", "body", "credit", "boilerplate")
LANGS = ("ko", "en", "mixed", "und")


def _manifest():
    with open(PAGES / "MANIFEST.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _gold(name):
    gold = PAGES / (name.rsplit(".", 1)[0] + ".gold.tsv")
    with open(gold, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_manifest_lists_every_page_with_source_licence_and_split():
    rows = _manifest()
    pages = [*PAGES.glob("*.txt"), *PAGES.glob("*.html")]
    assert sorted(row["file"] for row in rows) == sorted(path.name for path in pages)
    assert len(rows) >= 40 and len({row["outlet"] for row in rows}) >= 12
    assert all(row["source"].startswith("http") and row["licence"] for row in rows)
    assert {row["split"] for row in rows} == {"dev", "dev-heldout1", "html", "heldout2", "heldout3",
                                              "heldout4", "heldout5", "heldout6"}


@pytest.mark.parametrize("name", [row["file"] for row in _manifest()])
def test_gold_spans_cover_every_character_once(name):
    text = document_text(PAGES / name)
    covered = [False] * len(text)
    starts = set()
    for row in _gold(name):
        start, end = int(row["start"]), int(row["end"])
        assert row["text"] == text[start:end].replace("\\", "\\\\").replace("\n", "\\n")
        assert row["role"] in ROLES and row["lang"] in LANGS
        assert not any(covered[start:end]), f"{name}: overlap at {start}"
        covered[start:end] = [True] * (end - start)
        starts.add(start)
    assert all(done or ch.isspace() for ch, done in zip(text, covered))
    for row in _gold(name):
        if row["pair"] not in ("", "-"):
            assert all(int(en) in starts for en in row["pair"].split("+"))


def _roles(text):
    """The rules' roles (the learned role model, on by default, has its own tests)."""
    from mtalign.segment import segment_text

    return [(s.text, s.role) for s in segment_text(text, roles=False)]


@pytest.mark.parametrize("text,expected", [
    ("(서울=연합뉴스) 김정은 기자 = 북한이 9일 발표했다.",
     [("(서울=연합뉴스) 김정은 기자 =", "byline"), ("북한이 9일 발표했다.", "body")]),
    ("[서울=뉴시스]김명원 기자 = 정부는 밝혔다.",
     [("[서울=뉴시스]김명원 기자 =", "byline"), ("정부는 밝혔다.", "body")]),
    ("    [파주=뉴시스] 이영환 기자 = 군은 밝혔다.",
     [("[파주=뉴시스] 이영환 기자 =", "byline"), ("군은 밝혔다.", "body")]),
    ("(워싱턴·서울=연합뉴스) 김동현 특파원 권수현 기자 = 회담이 열렸다.",
     [("(워싱턴·서울=연합뉴스) 김동현 특파원 권수현 기자 =", "byline"),
      ("회담이 열렸다.", "body")]),
    ("시민들이 걷고 있다. 2020.06.20. kmx1105@newsis.com",
     [("시민들이 걷고 있다.", "body"), ("2020.06.20.", "dateline"),
      ("kmx1105@newsis.com", "byline")]),
    ('트럼프 대통령은 "매우 잘 돼가고 있다. 관계들도 매우 좋다. … 생각한다"고 밝혔다.',
     [('트럼프 대통령은 "매우 잘 돼가고 있다. 관계들도 매우 좋다. … 생각한다"고 밝혔다.', "body")]),
    ("그는 “내일 간다. 꼭 간다”고 말했다.", [("그는 “내일 간다. 꼭 간다”고 말했다.", "body")]),
    ("점검을 실시하기로 하였음.다음 회의는 열지 않기로 함.",
     [("점검을 실시하기로 하였음.", "body"), ("다음 회의는 열지 않기로 함.", "body")]),
    ("다음과 같다. 1. 첫째 항목이다. 2. 둘째 항목이다.",
     [("다음과 같다.", "body"), ("1. 첫째 항목이다.", "body"), ("2. 둘째 항목이다.", "body")]),
    ("읽어주기 기능은 크롬기반의\n브라우저에서만 사용하실 수 있습니다.",
     [("읽어주기 기능은 크롬기반의\n브라우저에서만 사용하실 수 있습니다.", "boilerplate")]),
    ("회담은 다음 주 열릴 예정이며\n양측은 의제를 조율하고 있다.",
     [("회담은 다음 주 열릴 예정이며\n양측은 의제를 조율하고 있다.", "body")]),
])
def test_korean_wire_ledes_tails_quotes_and_wrapped_lines(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("line,role", [
    ("EPA연합뉴스", "caption"), ("신화 연합뉴스", "caption"), ("© AFP=뉴스1", "caption"),
    ("AFP연합뉴스", "caption"),
    ("EPA=연합뉴스", "caption"), ("사진=청와대", "caption"), ("/사진제공=KBS", "caption"),
    ("시위대가 행진하고 있다. EPA연합뉴스", "caption"),
    ("회담장에 들어서고 있다. © AFP=뉴스1", "caption"),
    ("입력 2016.04.21 (13:59) 수정 2016.04.21 (14:27)", "dateline"),
    ("기사등록 2020/06/21 09:00:00", "dateline"),
    ("Published : Feb. 28, 2012 - 18:40", "dateline"), ("2018년 3월 18일", "dateline"),
    ("Home > Opinion > Editorials", "boilerplate"), ("G언어 선택", "boilerplate"),
    ("• Link copied", "boilerplate"),
    ("전문보기: http://www.example.kr/a.pdf", "boilerplate"),
    ("[앵커]", "boilerplate"), ("[기자]", "boilerplate"), ("[Anchor Lead]", "boilerplate"),
    ("[Soundbite]", "boilerplate"), ("[단독] 북한, 다음 주 정찰위성 다시 쏘나?", "headline"),
    ("일요시사=나경식 기자(rusia1973@ilyosisa.co.kr)", "byline"),
    ("YTN 이종원 (jongwon@ytn.co.kr)", "byline"),
])
def test_layout_lines(line, role):
    assert _roles(line) == [(line.strip(), role)]


def test_weather_widget_city_is_not_a_byline():
    assert _roles("서울\n-3℃\n부산\n5℃") == [("서울", "boilerplate"), ("-3℃", "boilerplate"),
                                            ("부산", "boilerplate"), ("5℃", "boilerplate")]


def test_transcript_label_opening_a_line_is_split_off():
    assert _roles('[Soundbite] Ri Su-yong(N. Korean Foreign Minister) : "(Any talks?) ……"') == [
        ("[Soundbite]", "boilerplate"),
        ('Ri Su-yong(N. Korean Foreign Minister) : "(Any talks?) ……"', "body")]


def test_spoken_line_ending_in_a_comma_is_not_a_headline():
    text = "NK Diplomatic Moves\n\n[Anchor Lead]\n\nWell, as you know,\nthe talks went on."
    assert _roles(text) == [
        ("NK Diplomatic Moves", "headline"), ("[Anchor Lead]", "boilerplate"),
        ("Well, as you know,\nthe talks went on.", "body")]


def test_long_lines_do_not_make_the_layout_patterns_backtrack():
    import time

    began = time.perf_counter()
    _roles("(서울=연합뉴스) " + "가나 " * 300 + "말했다.")
    _roles("전문보기" + "a" * 5000)
    _roles("담당 " * 1000 + "kmx@newsis.com")
    assert time.perf_counter() - began < 5


@pytest.mark.parametrize("text,expected", [
    ("목표는 다음과 같다\n1.\n주민 안전을 강화한다.",
     [("목표는 다음과 같다", "headline"), ("1.\n주민 안전을 강화한다.", "body")]),
    ("결과는 다음과 같음.\n  1) 점검 대상 120곳\n  2) 조치 완료 98곳",
     [("결과는 다음과 같음.", "body"), ("1) 점검 대상 120곳", "body"),
      ("2) 조치 완료 98곳", "body")]),
])
def test_numbered_list_items_keep_their_number_and_are_body(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # English sentences glued without a space (en_kbsworld_glued)
    ("It seeks mutual openness.Unification minister Kwon revealed the plan.",
     [("It seeks mutual openness.", "body"), ("Unification minister Kwon revealed the plan.",
                                              "body")]),
    ("The U.S.Army and Mr.Kim stayed.", [("The U.S.Army and Mr.Kim stayed.", "body")]),
    # an English line hard-wrapped after a word that cannot end it, then wrapped on
    ("Market rice prices in\nNorth Korea held steady; prices have\n6,000 KPW now, sources"
     " report.",
     [("Market rice prices in\nNorth Korea held steady; prices have\n6,000 KPW now, sources"
       " report.", "body")]),
    # YTN transcript labels and the notices of a transcript page
    ("◆기자] 사람들의 관심을 끌었습니다.",
     [("◆기자]", "boilerplate"), ("사람들의 관심을 끌었습니다.", "body")]),
    ("* 아래 텍스트는 실제 방송 내용과 차이가 있을 수 있으니 방송으로 확인하시기 바랍니다. "
     "인용 시 [YTN 뉴스NOW] 명시해주시기 바랍니다.",
     [("* 아래 텍스트는 실제 방송 내용과 차이가 있을 수 있으니 방송으로 확인하시기 바랍니다.",
       "boilerplate"), ("인용 시 [YTN 뉴스NOW] 명시해주시기 바랍니다.", "boilerplate")]),
    # a reporter's name ending the last paragraph (Hankyoreh)
    ("군 당국은 제원을 분석 중이다. 권혁철 기자",
     [("군 당국은 제원을 분석 중이다.", "body"), ("권혁철 기자", "byline")]),
    # cookie consent in prose
    ("This website uses cookies and other technology to enhance quality of service. Continuous"
     " usage of the website will be considered as giving consent to the application of such"
     " technology and the policy of KBS. For further details >",
     [("This website uses cookies and other technology to enhance quality of service.",
       "boilerplate"),
      ("Continuous usage of the website will be considered as giving consent to the application"
       " of such technology and the policy of KBS.", "boilerplate"),
      ("For further details >", "boilerplate")]),
    # a date and a byline on one line (Korea Herald)
    ("Jan. 27, 2013 - 10:43 By 양승진", [("Jan. 27, 2013 - 10:43", "dateline"),
                                       ("By 양승진", "byline")]),
    # a sign-off with its timestamp (Daum), a caption line with the photographer's sign-off
    ("한현정 스타투데이 기자(kiki2022@mk.co.kr) 2023. 7. 12. 11:24",
     [("한현정 스타투데이 기자(kiki2022@mk.co.kr)", "byline"), ("2023. 7. 12. 11:24", "dateline")]),
    ("의장이 입장하고 있다. 사진=서동일 기자\ntekken4@fnnews.com 서동일 기자",
     [("의장이 입장하고 있다. 사진=서동일 기자", "caption"),
      ("tekken4@fnnews.com 서동일 기자", "byline")]),
    ("(예시) 가장 빠른 뉴스가 있고 다양한 정보, 쌍방향 소통이 숨쉬는 다음뉴스를 만나보세요. "
     "다음뉴스는 국내외 주요이슈와 실시간 속보, 다양한 뉴스를 전달합니다.",
     [("(예시) 가장 빠른 뉴스가 있고 다양한 정보, 쌍방향 소통이 숨쉬는 다음뉴스를 만나보세요.",
       "boilerplate"),
      ("다음뉴스는 국내외 주요이슈와 실시간 속보, 다양한 뉴스를 전달합니다.",
       "boilerplate")]),
    # a leading date, then a photo credit (KBS World)
    ("date 2022-10-04 Photo : YONHAP News",
     [("date 2022-10-04", "dateline"), ("Photo : YONHAP News", "caption")]),
])
def test_new_dev_page_layouts(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("line,role", [
    ("Posted July. 27, 2019 07:19,", "dateline"),
    ("(Updated at 3:50 p.m. on May 4, 2022 with NSC statement condemning the launch)",
     "dateline"),
    ("hic@donga.com · lightee@donga.com", "byline"),
    ("/김진희인턴기자 jh6945@sedaily.com", "byline"),
    ("(서울=뉴스1)", "byline"),
    ("한국일보 웹뉴스팀", "byline"),
    ("■ 진행: 장민정 앵커", "byline"),
    ("김복준 한국범죄학연구소 연구위원", "byline"),
    ("■ 방송: YTN 뉴스특보", "headline"),
    ("평양 노동신문", "caption"),
    ("Go to contents", "boilerplate"),
    ("About KBS Go to KBS", "boilerplate"),
    ("기사 URL이 복사되었습니다.", "boilerplate"),
    ("정치 최신기사", "boilerplate"),
    ("#-- 기자 프로필 끝 -->", "boilerplate"),
    ("2018년 08월 07일 16시 31분", "dateline"),
    ("2025-12-26 33면", "dateline"),
    ("우원식 국회의장이 5일 신년 기자회견을 하고 있다. 사진=서동일 기자", "caption"),
    ("사진IJTBC", "caption"),
    ("tekken4@fnnews.com 서동일 기자", "byline"),
    ("※ 저작권자 ⓒ 파이낸셜뉴스, 무단전재-재배포 금지", "credit"),
    ("【서울=뉴시스】조수정 기자 =", "byline"),
    ("작성자 : 라이온맨킹", "byline"),
    ("조회수 : 644회", "boilerplate"),
    ("◀뒤로가기", "boilerplate"),
    ("출처 http://v.media.daum.net/v/20170725154124454", "boilerplate"),
    ("음성재생 설정", "boilerplate"),
])
def test_new_dev_page_lines(line, role):
    assert _roles(line) == [(line, role)]


def test_new_layout_patterns_do_not_backtrack():
    import time

    began = time.perf_counter()
    _roles("김복준 " + "가나 " * 2000 + "연구위원")
    _roles("cookies " + "word " * 5000 + ".")
    _roles("abc." * 3000 + "Xyz")
    assert time.perf_counter() - began < 5


@pytest.mark.parametrize("text,expected", [
    # a formal ending whose period the transcript dropped (zum photo corner)
    ("오늘은 사진부 고운호 기자와 함께 합니다 안녕하세요. 오늘 볼 사진은 어떤 건가요.",
     [("오늘은 사진부 고운호 기자와 함께 합니다", "body"), ("안녕하세요.", "body"),
      ("오늘 볼 사진은 어떤 건가요.", "body")]),
    ("학교를 다니다 보면 알게 됩니다.", [("학교를 다니다 보면 알게 됩니다.", "body")]),
    ('그는 "좋습니다 고맙습니다"라고 말했다.',
     [('그는 "좋습니다 고맙습니다"라고 말했다.', "body")]),
    # a programme's dashed topic list, a question among them (TV Chosun)
    ("- 北, 쓰레기풍선 도발 일상화…대응책은?\n- 김정은, 재차 수해 현장 찾은 의도는?",
     [("- 北, 쓰레기풍선 도발 일상화…대응책은?", "headline"),
      ("- 김정은, 재차 수해 현장 찾은 의도는?", "headline")]),
    # a button printed after the copyright notice (TV Chosun)
    ("Copyrights ⓒ TV조선. 무단전재 및 재배포 금지 제보하기",
     [("Copyrights ⓒ TV조선. 무단전재 및 재배포 금지", "credit"), ("제보하기", "boilerplate")]),
    # a segment title opening a transcript paragraph (JTBC style, via zum)
    ("< 빨갛게 빨갛게 > 전국이 빨갛게 물들었습니다. 지방 권력도 가져왔습니다.",
     [("< 빨갛게 빨갛게 >", "headline"), ("전국이 빨갛게 물들었습니다.", "body"),
      ("지방 권력도 가져왔습니다.", "body")]),
    # a photo column's texts between the slots its photos left (Hankyoreh photo diary)
    ("|\n폼페이오 장관이 악수하고 있습니다. 카메라 앞에 앉아서 찍은 사진입니다.\n|",
     [("|", "boilerplate"), ("폼페이오 장관이 악수하고 있습니다.", "caption"),
      ("카메라 앞에 앉아서 찍은 사진입니다.", "caption"), ("|", "boilerplate")]),
])
def test_dev_layouts_of_issue_16c(text, expected):
    assert _roles(text) == expected


# Issue 16r: rules chosen by leave-outlets-out figures (scripts/eval_pages.py --group-by outlet).
@pytest.mark.parametrize("text,expected", [
    # speaker labels alone on their line, in the forms broadcasters print them
    ("[홍길동 팀장]\n오늘 준비한 소식입니다.",
     [("[홍길동 팀장]", "boilerplate"), ("오늘 준비한 소식입니다.", "body")]),
    ("◀ 박서준 앵커 ▶\n안녕하십니까.",
     [("◀ 박서준 앵커 ▶", "boilerplate"), ("안녕하십니까.", "body")]),
    ("<앵커 멘트>\n비가 내립니다.", [("<앵커 멘트>", "boilerplate"), ("비가 내립니다.", "body")]),
    ("최민수 앵커 :\n비가 내립니다.",
     [("최민수 앵커 :", "boilerplate"), ("비가 내립니다.", "body")]),
    # a label opening the speech, and a Latin label opening a title
    ("○기자: 비가 내립니다. 내일도 옵니다.",
     [("○기자:", "boilerplate"), ("비가 내립니다.", "body"), ("내일도 옵니다.", "body")]),
    ("<녹취> 시장 상인 : \"장사가 안 됩니다.\"",
     [("<녹취> 시장 상인 :", "boilerplate"), ("\"장사가 안 됩니다.\"", "body")]),
    ("Title: Evening Bulletin", [("Title:", "boilerplate"), ("Evening Bulletin", "headline")]),
    # not labels: a bracketed outlet opening a report, a headline's tag, a heading with a colon
    ("[포토] 시청 앞 광장의 눈사람", [("[포토] 시청 앞 광장의 눈사람", "headline")]),
    ("귀순 병사의 선택 이유: 남한 드라마", [("귀순 병사의 선택 이유: 남한 드라마", "headline")]),
])
def test_transcript_speaker_labels(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # short Korean labels around an article are furniture; its title is not
    ("스포츠 야구\n\n올림픽 대표팀, 결승 진출 확정",
     [("스포츠 야구", "boilerplate"), ("올림픽 대표팀, 결승 진출 확정", "headline")]),
    ("<개막식 하이라이트>", [("<개막식 하이라이트>", "headline")]),
    ("Rain hits Busan", [("Rain hits Busan", "headline")]),
    # a date after a menu word or an outlet's name, and a dashed timestamp
    ("스포츠 2023.05.01", [("스포츠", "boilerplate"), ("2023.05.01", "dateline")]),
    ("한국일보 2023.05.01 09:30", [("한국일보", "byline"), ("2023.05.01 09:30", "dateline")]),
    ("- 입력 2001-02-03 10:00:00", [("- 입력 2001-02-03 10:00:00", "dateline")]),
])
def test_menu_words_and_dates_beside_them(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a list of links to other pages after an article, and a tip-off block
    ("☞ 내일 날씨 맑음\n☞ 주말 나들이 명소", [("☞ 내일 날씨 맑음", "boilerplate"),
                                        ("☞ 주말 나들이 명소", "boilerplate")]),
    ("- ☞ 시장 개장\n- ☞ 축제 취소",
     [("- ☞ 시장 개장", "boilerplate"), ("- ☞ 축제 취소", "boilerplate")]),
    ("▷ 전화 : 02-000-0000", [("▷ 전화 : 02-000-0000", "boilerplate")]),
    ("■ 제보하기", [("■ 제보하기", "boilerplate")]),
    ("▷ 앱에서도 우리 뉴스를 구독해주세요!",
     [("▷ 앱에서도 우리 뉴스를 구독해주세요!", "boilerplate")]),
])
def test_link_lists_and_tip_off_lines(text, expected):
    assert _roles(text) == expected


def test_page_flattened_onto_one_line_keeps_title_byline_and_stamp_apart():
    text = ("사회 [단독] 시청 앞 광장에 눈사람 등장 홍길동 기자 입력 2023.01.02 10:00 "
            "수정 2023.01.02 11:00 시청 앞 광장에 눈사람이 등장했다. 시민들이 사진을 찍었다.")
    assert _roles(text) == [
        ("사회", "boilerplate"), ("[단독] 시청 앞 광장에 눈사람 등장", "headline"),
        ("홍길동 기자", "byline"), ("입력 2023.01.02 10:00 수정 2023.01.02 11:00", "dateline"),
        ("시청 앞 광장에 눈사람이 등장했다.", "body"), ("시민들이 사진을 찍었다.", "body")]
    assert _roles("눈이 왔다. 속보 한국일보 입력 2023.01.02 10:00 오늘 눈이 왔다.")[:3] == [
        ("눈이 왔다.", "body"), ("속보", "headline"), ("한국일보", "byline")]


@pytest.mark.parametrize("text,expected", [
    # a wire photo's stamp without a reporter, and its usage restriction: the text is a caption
    ("(부산 국제신문=뉴스1) = 부산항에 눈이 내렸다. [국내에서만 사용가능. 재배포 금지. "
     "For Use Only in the Republic of Korea.]",
     [("(부산 국제신문=뉴스1) =", "byline"), ("부산항에 눈이 내렸다.", "caption"),
      ("[국내에서만 사용가능. 재배포 금지. For Use Only in the Republic of Korea.]", "credit")]),
    # a photo page's line: title, stamp, caption, date, a restriction cut off at the line's end
    ("부산항에 첫눈 (부산=연합뉴스) 부산항에 눈이 내렸다. 2023.1.2 [국내에서만 사용가능. For",
     [("부산항에 첫눈", "headline"), ("(부산=연합뉴스)", "byline"),
      ("부산항에 눈이 내렸다.", "caption"), ("2023.1.2", "dateline"),
      ("[국내에서만 사용가능. For", "credit")]),
    # a credit in parentheses inside a sentence is no stamp
    ("시장이 웃고 있다 (사진=연합뉴스) 오늘 열린 행사다.",
     [("시장이 웃고 있다 (사진=연합뉴스) 오늘 열린 행사다.", "body")]),
])
def test_wire_photo_stamps_and_usage_restrictions(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a column of section words, some of which look like names, is a menu
    ("최신\n정치\n경제\n사회\n문화",
     [(word, "boilerplate") for word in ("최신", "정치", "경제", "사회", "문화")]),
    # a sentence that opens like a byline is body; a short sign-off stays a byline
    ("이 시장은 기자 여러 명과 만나 인사를 나눴습니다.",
     [("이 시장은 기자 여러 명과 만나 인사를 나눴습니다.", "body")]),
    ("홍길동 기자", [("홍길동 기자", "byline")]),
    # a tip-off block
    ("우리방송 기사문의 및 제보 : 전화 1234",
     [("우리방송 기사문의 및 제보 : 전화 1234", "boilerplate")]),
    ("- 메신저 앱에서 'news00' 친구 추가", [("- 메신저 앱에서 'news00' 친구 추가", "boilerplate")]),
])
def test_menus_sentences_like_bylines_and_tip_offs(text, expected):
    assert _roles(text) == expected


def test_two_anchor_script_labels():
    assert _roles("남) 안녕하십니까.\n여) 뉴스를 전해 드립니다.") == [
        ("남)", "boilerplate"), ("안녕하십니까.", "body"),
        ("여)", "boilerplate"), ("뉴스를 전해 드립니다.", "body")]


def test_breadcrumb_of_several_word_sections():
    assert _roles("Home > World News > South America") == [
        ("Home > World News > South America", "boilerplate")]
    assert _roles("Mayor Opens Bridge > local") == [("Mayor Opens Bridge > local", "headline")]


@pytest.mark.parametrize("text,expected", [
    # a wire stamp with an agency pair, a caption ending in a bracketed photo credit
    ("【부산=AP/뉴시스】 항구에 배가 들어오고 있다.",
     [("【부산=AP/뉴시스】", "byline"), ("항구에 배가 들어오고 있다.", "body")]),
    ("시민들이 광장을 걷고 있다. [사진공동취재단]",
     [("시민들이 광장을 걷고 있다. [사진공동취재단]", "caption")]),
    # inside a flattened line: a caption ending in its credit, and a copyright tail
    ("시민들이 광장을 걷고 있다./뉴시스 눈이 왔다. Copyright ⓒ 한국일보. All rights reserved.",
     [("시민들이 광장을 걷고 있다./뉴시스", "caption"), ("눈이 왔다.", "body"),
      ("Copyright ⓒ 한국일보. All rights reserved.", "credit")]),
])
def test_photo_credits_and_copyright_tails_inside_text(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # broadcast sign-offs are bylines; an anchor's hand-over is not
    ("This is KBC News Hong Gil-dong.", [("This is KBC News Hong Gil-dong.", "byline")]),
    ("Correspondent Hong Gil-dong.", [("Correspondent Hong Gil-dong.", "byline")]),
    ("부산에서 KBC 뉴스, 홍길동입니다.", [("부산에서 KBC 뉴스, 홍길동입니다.", "byline")]),
    ("홍길동 기자입니다.", [("홍길동 기자입니다.", "body")]),
    # one or two English words alone are site labels; a title after "Title:" is not
    ("Sports", [("Sports", "boilerplate")]),
    ("Title: Opening", [("Title:", "boilerplate"), ("Opening", "headline")]),
    ("Our newsroom awaits your tips day and night.",
     [("Our newsroom awaits your tips day and night.", "boilerplate")]),
])
def test_sign_offs_and_english_labels(text, expected):
    assert _roles(text) == expected


def test_korean_lines_wrapped_after_connective_and_adnominal_endings():
    text = "시장 출신인\n홍길동 의원을 모시고\n지역 현안을 들어보겠습니다."
    assert _roles(text) == [(text, "body")]


@pytest.mark.parametrize("text,expected", [
    # a title holding a cry or a question is not cut into sentences
    ("'우리 동네 이야기' 첫 공개! 10일 간 섬마을 취재",
     [("'우리 동네 이야기' 첫 공개! 10일 간 섬마을 취재", "headline")]),
    ('시장 "예산 부족하나? 그냥 늘리면 돼"',
     [('시장 "예산 부족하나? 그냥 늘리면 돼"', "headline")]),
    # a period inside still makes sentences
    ("비가 왔다. 내일은 맑음", [("비가 왔다.", "body"), ("내일은 맑음", "body")]),
])
def test_titles_with_a_question_or_cry_inside(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a timestamp followed by the programme's name, an outlet's stamp inside a line
    ("입력 2020.01.02 (07:28) | 수정 2020.01.02 (08:15) 아침뉴스",
     [("입력 2020.01.02 (07:28) | 수정 2020.01.02 (08:15) 아침뉴스", "dateline")]),
    ("시청 앞 광장 [우리신문] 시청은 2일 행사를 열었다.",
     [("시청 앞 광장", "headline"), ("[우리신문]", "dateline"),
      ("시청은 2일 행사를 열었다.", "body")]),
    # a bracketed photo note holding a copyright sign is a caption
    ("[사진 = 새해 첫 방송 ⓒ 우리방송]", [("[사진 = 새해 첫 방송 ⓒ 우리방송]", "caption")]),
])
def test_programme_after_timestamp_outlet_stamp_inside_line_photo_note(text, expected):
    assert _roles(text) == expected


def test_long_korean_prose_line_cut_at_a_width_inside_a_word():
    text = ("시청은 오늘, 광장 앞 도로를 시민들에게 개방하고 주말마다 장터를 여는 계획을 처\n"
            "음으로 공개했습니다.")
    assert _roles(text) == [(text, "body")]
    menu = "뉴스 정치 경제 사회 국제 문화 연예 스포츠 오피니언 라이프\n포토 영상"
    assert len(_roles(menu)) == 2


def test_two_sentence_caption_marked_by_a_photo_position():
    text = "시장(오른쪽)이 2일 시청에서 상인과 악수하고 있다. 상인들은 지원을 요청했다."
    assert _roles(text) == [("시장(오른쪽)이 2일 시청에서 상인과 악수하고 있다.", "caption"),
                            ("상인들은 지원을 요청했다.", "caption")]


def test_button_run_inside_a_flattened_line_is_boilerplate():
    text = ("시청 앞 광장에 눈사람 홍길동 기자 입력 2023.01.02 10:00 댓글 12개 음성 기사 듣기 "
            "번역 설정 공유 인쇄하기 새창열림 시청 앞 광장에 눈사람이 등장했다.")
    assert _roles(text)[3:] == [
        ("댓글 12개 음성 기사 듣기 번역 설정 공유 인쇄하기 새창열림", "boilerplate"),
        ("시청 앞 광장에 눈사람이 등장했다.", "body")]
    assert _roles("기사 공유 기능을 설정했다.") == [("기사 공유 기능을 설정했다.", "body")]


@pytest.mark.parametrize("text, expected", [
    # a digest's bulleted fields: the label is furniture, a source label stays with its outlet
    ("o 제목 : 시장의 새 계획 / The Mayor's New Plan\no 매체 : 영국 가디언 / 5월 3일",
     [("o 제목 :", "boilerplate"), ("시장의 새 계획 /", "headline"),
      ("The Mayor's New Plan", "headline"), ("o 매체 : 영국 가디언 /", "byline"),
      ("5월 3일", "dateline")]),
    ("〇요약 : 시장이 계획을 밝혔다. 시민들은 반겼다.",
     [("〇요약 :", "boilerplate"), ("시장이 계획을 밝혔다.", "body"),
      ("시민들은 반겼다.", "body")]),
    # a reading page: each English sentence and its Korean after a slash, two languages apart
    ("The mayor opened the park today./ 시장은 오늘 공원을 열었다/ Many people came to see it./",
     [("The mayor opened the park today./", "body"), ("시장은 오늘 공원을 열었다/", "body"),
      ("Many people came to see it./", "body")]),
    # one language, or a slash inside brackets: no cut
    ("[ 우리 뉴스 채널 / Our News Channel ]",
     [("[ 우리 뉴스 채널 / Our News Channel ]", "boilerplate")]),
    ("서울 / 부산 노선이 열렸다.", [("서울 / 부산 노선이 열렸다.", "body")]),
])
def test_digest_fields_and_slashed_translations(text, expected):
    assert _roles(text) == expected


def test_short_quoted_exclamation_stays_one_segment_a_quoted_paragraph_does_not():
    assert _roles("“와! 보인다. 저기 바다다.”") == [("“와! 보인다. 저기 바다다.”", "body")]
    long_quote = "“지난 십 년 동안 많은 일을 겪어 왔다. 그래도 우리는 계속 걸어갈 것이다.”"
    assert len(_roles(long_quote)) == 2


def test_photo_essay_signoff_makes_the_text_above_captions():
    text = "바다가 잔잔하다. 배가 떠난다.\n-강원도 바닷가에서\n사진·글 홍길동 기자 hong@example.com"
    assert _roles(text) == [("바다가 잔잔하다.", "caption"), ("배가 떠난다.", "caption"),
                            ("-강원도 바닷가에서", "caption"),
                            ("사진·글 홍길동 기자 hong@example.com", "byline")]


def test_signoff_email_ends_its_line_and_the_next_line_is_not_glued():
    text = "마을이 조용하다. 홍길동 선임기자 hong@example.com\n마을이 다시 조용하다."
    assert _roles(text) == [("마을이 조용하다.", "body"),
                            ("홍길동 선임기자 hong@example.com", "byline"),
                            ("마을이 다시 조용하다.", "body")]


@pytest.mark.parametrize("text, expected", [
    ("date 2023-05 Photo : Some Agency",
     [("date 2023-05", "dateline"), ("Photo : Some Agency", "caption")]),
    ("The mayor opens a park on Monday. [CITY HALL]",
     [("The mayor opens a park on Monday. [CITY HALL]", "caption")]),
    ("시장은 공원을 열었다고 전했다. 연합뉴스 시민들이 공원을 찾았다.",
     [("시장은 공원을 열었다고 전했다. 연합뉴스", "caption"), ("시민들이 공원을 찾았다.", "body")]),
    ("[東京=共同]시장이 공원을 열었다.",
     [("[東京=共同]", "byline"), ("시장이 공원을 열었다.", "body")]),
])
def test_photo_credits_stay_with_their_caption_and_hanja_wire_stamps(text, expected):
    assert _roles(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an English section label glued to a Korean title; one capitalized word is a subject
    ("WORLD NEWS우리 시의 새 공원",
     [("WORLD NEWS", "boilerplate"), ("우리 시의 새 공원", "headline")]),
    ("KBS는 새 프로그램을 밝혔다.", [("KBS는 새 프로그램을 밝혔다.", "body")]),
    # a dated source note over a reading text, and the text cut into phrases for learners
    ("<3월 2일자 우리신문 사설>", [("<3월 2일자 우리신문 사설>", "byline")]),
    ("시장이 공원을 열었는데/ 시민들은 이번 공원이/ 도시를 바꿀 것이라고 말한다",
     [("시장이 공원을 열었는데/ 시민들은 이번 공원이/ 도시를 바꿀 것이라고 말한다", "body")]),
    # speaker labels opened by a round mark
    ("● 앵커: 오늘 여기는 서울입니다.",
     [("● 앵커:", "boilerplate"), ("오늘 여기는 서울입니다.", "body")]),
    ("⊙ 홍길동 앵커 : 안녕하십니까.",
     [("⊙ 홍길동 앵커 :", "boilerplate"), ("안녕하십니까.", "body")]),
])
def test_glued_section_label_source_note_phrase_reading_round_speaker_marks(text, expected):
    assert _roles(text) == expected


def test_photo_note_and_date_after_a_caption_and_a_parenthesized_usage_restriction():
    text = "위원장은 회의를 주재했다. [우리통신 홈페이지 캡처] 2023.5.6"
    assert _roles(text) == [("위원장은 회의를 주재했다.", "body"),
                            ("[우리통신 홈페이지 캡처]", "caption"), ("2023.5.6", "dateline")]
    line = ("The mayor opens a park in this photo released on May 1, 2023. "
            "(For Use Only in the Republic of Korea. No Redistribution) (Yonhap)")
    assert _roles(line) == [
        ("The mayor opens a park in this photo released on May 1, 2023.", "caption"),
        ("(For Use Only in the Republic of Korea. No Redistribution)", "credit"),
        ("(Yonhap)", "caption")]


def test_portal_copy_buttons_are_boilerplate():
    text = ("이 기사에 대해 어떻게 생각하시나요?\n"
            "우리방송에서 직접 확인하세요. 해당 언론사로 이동합니다.")
    assert {role for _, role in _roles(text)} == {"boilerplate"}
