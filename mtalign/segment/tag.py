"""Language and role tags for lines and sentences.

Roles that belong to a whole line (byline, dateline, caption, credit, boilerplate) are
recognised by pattern, then by the neighbouring lines (context_roles); a headline is a
short line without sentence-final punctuation (a title or a subhead); everything else is
body and gets split into sentences, whose opening stamp (prefix_role) and tails (a date,
an e-mail, a photo credit: sentence_role) get their own roles.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from mtalign.hangul import SURNAMES, is_hangul
from mtalign.segment.clean import (
    SPEAKER_LABEL,
    TRANSCRIPT_LABEL,
    USAGE_RESTRICTION,
    is_boilerplate,
    is_credit,
    is_site_notice,
)
from mtalign.segment.split import split_sentences

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)"
_NUMERIC_DATE = r"\d{4}(?:[-./]\s?\d{1,2}){2}\.?|\d{4}년\s?\d{1,2}월\s?\d{1,2}일"
# day first too, as English pages print it: "07 Apr. 2025", "Monday 17th April 2017"
_DAY_FIRST_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
_DATE = (rf"(?:{_WEEKDAY}?(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|{_DAY_FIRST_DATE})"
         rf"|{_NUMERIC_DATE})")
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}시\s?\d{1,2}분)\)?(?:\s*(?:AM|PM|KST))?"
_MERIDIEM = r"(?:오전|오후|AM|PM)"


def _clock(openers: str) -> str:
    """A clock not starting with a space: "(13:59)", "- 18:40", "오후 3:00"; the spaces before it
    go to what precedes it, so that no run of spaces can be shared out in every way."""
    return rf"(?:[{openers}]\s*(?:{_MERIDIEM}\s*)?|{_MERIDIEM}\s*)?{_TIME}"


_CLOCK = _clock("-|(")
_STAMP_LABEL = (r"(?:입력|수정|등록|기사등록|기사입력|최종수정|업데이트|승인|송고"
                r"|(?:Posted|Updated|Published|Written|Modified)(?: on)?|All Headlines|date)")


def _stamp(first_clock: str) -> str:
    """A timestamp; `first_clock` is what a clock before the date may look like."""
    return (rf"(?:{_STAMP_LABEL}\s*(?::\s*)?(?:{_CLOCK}\s*)?|{first_clock}\s*)?"
            rf"{_DATE}(?:,?\s*{_CLOCK})?")  # 07 Apr. 2025, 19:38


# A timestamp line, in the forms Korean and English news sites print them:
# "입력 2016.04.21 (13:59) 수정 2016.04.21 (14:27)", "기사등록 2020/06/21 09:00:00",
# "2018년 3월 18일", "Published : Feb. 28, 2012 - 18:40", "Sun, May 29, 2022 | 14:38",
# "August 26, 2024 -", "3 hours ago", "기사입력 :[ 2018-08-25 15:24 ]",
# "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07 15:30:46".
_STAMP = _stamp(rf"(?:{_CLOCK}|\s+{_TIME})")
_DATE_LINE = re.compile(  # the "|" and spaces before a stamp take those of its clock
    rf"^(?:-\s)?[|•\s]*(?:{_stamp(_clock('-('))}[|,/\s]*)+"
    rf"(?:(?:/\s*\S{{1,8}}|-|[A-Z]?\d{{1,2}}면|[가-힣]{{2,8}})[|,\s]*)?$"
    rf"|^{_STAMP_LABEL}\s*(?::\s*)?\[\s*{_DATE}(?:\s*{_CLOCK})?\s*\]$"
    r"|^\d+\s?(?:minutes?|hours?|days?|weeks?|분|시간|일)\s?(?:ago|전)$",
    re.IGNORECASE,
)
# "SEOUL, June 19 (Yonhap) --", "VLADIVOSTOK, Russia --", "(서울=연합뉴스) 김정은 기자 =",
# "[서울=뉴시스]김명원 기자 =", "(워싱턴·서울=연합뉴스) 김동현 특파원 권수현 기자 =", "[일요신문]":
# the place/agency stamp (and reporters) that opens a report.
_KO_TITLE = r"(?:선임|수석|객원|사진|영상)?(?:기자|특파원|통신원|리포터)"
_KO_NAME = rf"[가-힣]{{2,4}}(?=[\s,·=]|{_KO_TITLE})"  # whole words only: no backtracking blow-up
_KO_REPORTERS = (
    rf"\s*(?:{_KO_NAME}(?:\s*{_KO_TITLE})?\s*(?:[,·]\s*)?){{0,4}}?"  # up to 5 reporters
    rf"{_KO_NAME}\s*{_KO_TITLE}\s*="
)
_KO_OUTLET = (r"[가-힣A-Za-z0-9]{1,10}"
              r"(?:신문|일보|저널|뉴스|경제|타임즈|데일리|방송|투데이|미디어|시사)")
# Older pages write the stamp in Chinese characters: [北京=聯合].
_KO_STAMP = (r"[(\[【]\s*[가-힣一-鿿A-Za-z·ㅣ|\s]{1,20}="
             r"\s*[가-힣一-鿿A-Za-z0-9/ ]{1,15}?\s*[)\]】]")
_EN_PLACE = (rf"[A-Z][A-Z.'’ -]{{2,30}}"  # SEOUL, VLADIVOSTOK, Russia, SEOUL, June 19
             rf"(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)){{0,2}}")
DATELINE_PREFIX = re.compile(
    rf"^(?:{_EN_PLACE}\s*(?:\([^()]{{2,40}}\))?\s*(?:--|—|–|-)"
    rf"|{_KO_STAMP}(?:{_KO_REPORTERS}|\s*=)?|\[{_KO_OUTLET}\])(?=\s|[가-힣一-鿿])"
)
_BYLINE_EN = re.compile(r"^[Bb]y\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*(?:\s|,|$)")
_BYLINE_ROLE = re.compile(r"\b(?:reporter|correspondent|staff writer|contributing writer|editor)\b",
                          re.IGNORECASE)
# A photo essay's sign-off: its author took the photo and wrote the text under it.
_PHOTO_ESSAY_BYLINE = r"^(?:사진\s?[·/,]\s?글|글\s?[·/,]\s?사진)\s+[가-힣]{2,4}(?:\s?기자)?(?=\s|$)"
_BYLINE_KO = re.compile(  # "이영재 기자", "스포츠조선 선수민 기자", "부산=선수민 기자"
    r"^\[?(?:[가-힣A-Za-z]+(?:\s+|=))?[가-힣]{2,4}\s*(?:선임)?(?:기자|특파원|논설위원)\b"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_EMAIL_ONLY = re.compile(rf"^{_EMAIL}(?:\s*[·,/]\s*{_EMAIL})*$")
# A sign-off holding an e-mail: "YTN 이종원 (jongwon@ytn.co.kr)", "김다영 기자 lata1337@ilyo.co.kr".
_SIGNED_EMAIL = re.compile(rf"^/?(?:[\w=]+\s+){{0,3}}[\w=]+(?:\s+\(?|\(){_EMAIL}\)?$"
                           rf"|^{_EMAIL}\s+[가-힣]{{2,4}}(?:\s?{_KO_TITLE})?$")
OUTLET_SIGN = re.compile(rf"^(?:[A-Z]{{2,5}} 뉴스|{_KO_OUTLET})$")  # VOA 뉴스 under a report
# "The author is ...", "This article is by Michael Lee and read by ...", "/연합뉴스", "VOA 뉴스",
# a romanized Korean name alone on its line (Joo Jung-wan, Tae-il Shim), and a broadcast
# sign-off ("Max Lee, KBS World Radio News.").
_BYLINE_OTHER = re.compile(
    r"^(?:The author is|This article is by)\b|^/\s?[가-힣A-Za-z0-9]{2,8}$"
    r"|^[A-Z][a-z]{1,6} [A-Z][a-z]+-[a-z]+$|^[A-Z][a-z]+-[a-z]+ [A-Z][a-z]{1,6}$"
    rf"|^{_KO_STAMP}(?:\s*{_KO_NAME}\s*{_KO_TITLE})?$|^{_KO_STAMP}{_KO_REPORTERS}$"
    r"|^(?:작성자|글쓴이)\s*:\s*\S"
    r"|^<\s?\d{1,2}월\s?\d{1,2}일자\s[^<>]{2,30}>$"  # <7월 31일자 OO신문 사설>: the source
    r"|^[A-Z]{2,5} 뉴스$"
    rf"|^-\s?{_KO_OUTLET}$"  # a portal's copy names its outlet under the text: "- 중앙일보"
    # the anchors or reporters of a transcript in parentheses: "(NAME NAME 앵커)"
    rf"|^\((?:[가-힣]{{2,4}}[\s,·]+){{0,2}}[가-힣]{{2,4}}\s?(?:앵커|{_KO_TITLE})\)$"
    rf"|{_PHOTO_ESSAY_BYLINE}"
    r"|^(?:[가-힣A-Za-z]+\s)?[가-힣]{0,6}(?:취재팀|뉴스팀|편집팀|기자단)$"
    # a desk signing a broadcaster's web copy: "(SBS 뉴미디어부)"
    r"|^\((?:[A-Z]{2,6}|[가-힣]{2,6})(?:\s[가-힣]{1,8})?\s?[가-힣]{1,8}(?:부|팀|국)\)$"
    r"|^[■▶◆]?\s*(?:진행|출연|대담|취재|촬영|영상편집|그래픽)\s*:\s*\S"
    r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}, [A-Z][A-Za-z ]{2,30} News\.$"
    # broadcast sign-offs: "This is MBC News Hong Gil-dong.", "Correspondent Hong Gil-dong.",
    # "도쿄에서 KBS 뉴스, 홍길동입니다."
    r"|^This is [A-Z]{2,6} News,? [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}\.$"
    r"|^(?:Correspondent|Reporter) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}\.$"
    r"|^(?:[가-힣]+에서\s)?[A-Z]{2,6}\s?뉴스,?\s[가-힣](?:\s?[가-힣]){1,3}\s?입니다\.$"
)
# A guest of a broadcast, name then affiliation and title: "김복준 한국범죄학연구소 연구위원".
_GUEST_TITLE = r"(?:연구위원|교수|변호사|아나운서|전문가|센터장|평론가|위원장|소장|대표|부장)"
_GUEST = re.compile(rf"^[가-힣]{{2,4}}(?:\s[가-힣A-Za-z]+){{0,3}}?\s[가-힣]*{_GUEST_TITLE}$")
# A broadcast's caption card, name / affiliation and title: "이영주 / 서울시립대 소방방재학과 교수",
# "전연남 / SBS 시민사회팀 기자".
_NAME_CARD = re.compile(
    rf"^[가-힣]{{2,4}}\s?/\s?(?:[가-힣A-Za-z0-9·]+\s){{0,4}}[가-힣A-Za-z]*(?:{_GUEST_TITLE}|{_KO_TITLE}"
    r"|앵커|의원|장관|대변인|팀장|원장)$"
)
# A lone 2-4 syllable name starting with a surname is a byline, unless it is a place (a
# weather widget's 서울) or an agency.
_NOT_NAMES = {
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북", "충남",
    "전북", "전남", "경북", "경남", "제주", "평양", "연합뉴스", "뉴시스", "뉴스1",
}
_CAPTION_START = re.compile(r"^(?:[▲△▶]|\[?사진\s*[=:]|\(사진\s*[=:]|photo\s*:|\(photo\b)",
                            re.IGNORECASE)
_PHOTO_POSITION = re.compile(
    r"\((?:left|right|center|centre|L|R|C|front|back|\d(?:st|nd|rd|th) from (?:left|right|L|R))\)"
    r"|\((?:왼쪽|오른쪽|가운데|좌|우|앞줄|뒷줄)[^()]{0,12}\)"
)
_AGENCY = (r"(?:AFP|AP|Reuters|EPA|EFE|UPI|Yonhap|Xinhua|KCNA|Getty Images|News1|Newsis"
           r"|연합뉴스|뉴시스|뉴스1|로이터|신화|교도|타스|게티이미지|조선중앙통신|노동신문)")
_AGENCIES = rf"{_AGENCY}(?:\s*(?:[-=/]\s*)?{_AGENCY})*"
_CAPS_CREDIT = re.compile(r"\[[A-Z][A-Z0-9 .,&'/-]{2,40}\]")  # [PRESIDENTIAL OFFICE], [YONHAP]
# A photo credit on its own line: "연합뉴스", "EPA=연합뉴스", "신화 연합뉴스", "© AFP=뉴스1",
# "워싱턴DC 로이터 연합뉴스", "[EPA=연합뉴스 자료사진]", "사진=청와대", "/사진제공=KBS".
_CREDIT_LINE = re.compile(
    rf"^[\[(]?\s*(?:[©ⓒ]\s*)?(?:[가-힣A-Za-z]{{2,8}}\s)?{_AGENCIES}(?:\s*(?:자료사진|제공))?\s*[\])]?$"
    r"|^[\[(/]?\s*사진(?:제공)?\s*=\s*\S+(?:\s\S+)?\s*[\])]?$|^(?:사진|제공)\s?[Iㅣ|│]\s?\S+$"
    r"|^\[\s*사진\s*=[^\[\]]{1,40}\]$"
)
# The end of a caption: "... 있다. EPA연합뉴스", "있다./AP연합뉴스", "[EPA=연합뉴스 자료사진]",
# "(KBS 제공)", "출처 = KBS", "사진AFP 연합뉴스", "/ Source: ...".
_CAPTION_CREDIT = re.compile(
    rf"(?:[.)]\s*(?:/\s*)?(?:[©ⓒ]\s*)?{_AGENCIES}|[.]\s+{_CAPS_CREDIT.pattern}|/\s*Source:(?:[^|]*[^|\s])?|\(Yonhap\)"
    rf"|사진\s*(?:=\s*)?{_AGENCIES}|\[{_AGENCIES}(?:\s*자료사진)?\]"
    r"|\((?:사진(?:\s*[^()\s][^()]{0,14}|\s)|[^()]{1,15})\s*제공\)"
    r"|출처\s*=\s*\S+|[.)]\s*사진\s*=\s*[가-힣]{2,4}\s?기자|\[사진[^\[\]]{1,12}\])\s*(?:\|\s*)?$"
)
_TAGGED_TITLE = re.compile(r"^\[[^\[\]]{1,12}\]\s*\S.*[?!]$")
_TERMINAL = re.compile(r"[.?!…‥。][\"'”’)\]]*$")


def detect_lang(text: str) -> str:
    """ko, en, mixed, or und (no letters), from the share of Hangul among letters.

    A Hangul syllable carries about as much as two Latin letters, so it counts double.
    """
    hangul = sum(1 for ch in text if is_hangul(ch))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if hangul + latin == 0:
        return "und"
    share = 2 * hangul / (2 * hangul + latin)
    if share >= 0.6:
        return "ko"
    return "en" if share <= 0.2 else "mixed"


def _signed(line: str) -> bool:
    """A sign-off: an e-mail, a name with it, an author line, a source (/연합뉴스)."""
    return any(pattern.match(line) for pattern in (_EMAIL_ONLY, _SIGNED_EMAIL, _BYLINE_OTHER))


# An anchor calling a reporter on air: "한연희 기자!", "김기중 기자?" (speech, not a sign-off).
_REPORTER_CALL = re.compile(rf"^[\"“]?[가-힣]{{2,4}}\s?{_KO_TITLE}\s?[!?]")


def _is_byline(line: str) -> bool:
    if _REPORTER_CALL.match(line):
        return False
    words = line.split()
    # "이 대통령은 기자 한 명 한 명과 악수하며 ...했습니다.": a sentence, not a sign-off
    signed = _BYLINE_KO.match(line)
    # "NAME 기자 ‘이달의 편집상’ 수상": a title about a reporter, quoting what he won
    titled = signed and re.search(r"[‘“'\"]", line[signed.end():])
    signed_ko = signed and not titled and (len(words) <= 5 or not _TERMINAL.search(line))
    if _signed(line) or signed_ko:
        return True
    if re.fullmatch(r"[가-힣]{2,4}", line) and line[0] in SURNAMES and line not in _NOT_NAMES:
        return True
    if (_GUEST.match(line) or _NAME_CARD.match(line)) and line[0] in SURNAMES:
        return True
    if _TERMINAL.search(line):
        return False
    if _BYLINE_EN.match(line) and len(words) <= 16:
        return True
    return bool(_BYLINE_ROLE.search(line) and len(words) <= 6)


def sentence_count(line: str) -> int:
    return len(re.findall(r"[.?!][\"'”’)\]]*(?:\s|$)", line))


def _credited(line: str) -> bool:
    """A photo credit alone, or a short caption ending in one (not a long paragraph)."""
    if _CREDIT_LINE.match(line):
        return True
    return bool(_CAPTION_CREDIT.search(line)) and sentence_count(line) <= 2


def _is_caption(line: str) -> bool:
    """A photo caption: a photo mark, a credit, or a one-sentence line naming positions."""
    if _CAPTION_START.match(line) or _credited(line):
        return True
    sentences = sentence_count(line)
    return bool(_PHOTO_POSITION.search(line)) and len(line.split()) <= 60 and sentences <= 2


def photo_marked(line: str) -> bool:
    """A caption opened by a photo mark (▲, 사진=, Photo:)."""
    return bool(_CAPTION_START.match(line))


def sentences_of_caption(line: str) -> bool:
    """A caption of several sentences marked by a photo position only (부부장(오른쪽)이 ...):
    cut into its sentences, unlike one a credit ends."""
    return bool(_PHOTO_POSITION.search(line)) and sentence_count(line) >= 2 and not _credited(line)


_UPDATE_NOTE = re.compile(r"^\((?:Updated|Corrected|Edited|수정)\b[^()]*\)$")
# A newspaper's bracketed name alone on a line opens its copy: "[경향신문]" (a programme's
# "[뉴스투데이]" is furniture).
_PAPER_STAMP = re.compile(r"^\[[가-힣]{1,8}(?:신문|일보|저널|통신)\]$")
# A photographer's credit a photo layout ends with a bar, the caption following it:
# "NAME 선임기자 |".
PHOTO_CREDIT_BAR = re.compile(rf"^[가-힣]{{2,4}}\s?{_KO_TITLE}\s?\|$")


# A timestamp's label alone, its date on another line ("입력" / "|" / "2012-03-20 03:00:00").
_LONE_STAMP_LABEL = re.compile(
    r"^(?:입력|수정|등록|기사등록|기사입력|최종수정|업데이트|송고)\s?:?$")
# A study page's glossary entry, an English term and its Korean gloss: "• Congestion: 혼잡",
# "*provocation: 도발, 자극" (text, not a menu).
# A word list without the colon gives a lower-case English term (and its synonyms after "=")
# then its Korean gloss: "doorstep 문간, ...", "vow = promise = pledge 약속하다".
_GLOSS = re.compile(r"^[•·▪*-]?\s?[A-Za-z][A-Za-z'’ -]{0,40}:\s?[(가-힣]"
                    r"|^[a-z]{2}[a-z'’ -]{0,40}(?:=[A-Za-z'’ -]{1,40})*\s[~(가-힣]")


def line_role(line: str) -> Optional[str]:
    """The role a whole line has by its form alone, or None when context decides."""
    if _GLOSS.match(line) and not SPEAKER_LABEL.match(line):
        return "body"
    if _LONE_STAMP_LABEL.match(line):
        return "boilerplate"
    if _DATE_LINE.match(line) or _UPDATE_NOTE.match(line) or _PAPER_STAMP.match(line):
        return "dateline"
    if PHOTO_CREDIT_BAR.match(line):
        return "caption"
    if is_boilerplate(line):
        return "boilerplate"
    if _english_signoff(line):  # before photo credits: "By Yonhap" signs a story
        return "byline"
    if _english_masthead(line) or _english_site_notice(line):
        return "boilerplate"
    if _credited(line):  # before credits: "© AFP=뉴스1" is a photo credit
        return "caption"
    if is_credit(line):
        return "credit"
    if _is_byline(line.lstrip("•·▪ ")):
        return "byline"
    if _is_caption(line):
        return "caption"
    return None


def ends_sentence(line: str) -> bool:
    """A mark ends the line, or a sign-off's e-mail does (... 오려는지. NAME 기자 EMAIL)."""
    return bool(_TERMINAL.search(line.rstrip()) or _SIGNED_TAIL.search(line))


def looks_like_heading(line: str) -> bool:
    """Short and without sentence-final punctuation (an ellipsis inside is fine).

    A line ending in a comma is speech going on (a transcript), not a title; a tagged
    question ("[정책 바로보기] ... 활용한다?", "[단독] ...!") is one.
    """
    words = len(line.split())
    end = line.rstrip()[-1:]
    inner_end = re.search(r"[가-힣]([.?!])(?:\s|[가-힣])", line)  # a Korean sentence end inside
    if inner_end and (inner_end.group(1) == "." or words > 15 or ends_sentence(line)):
        return False  # a title may hold a question or a cry: 단독공개! 21일 간 북한 취재
    if end == "," or (end == ":" and words >= 12):
        return False
    if _TAGGED_TITLE.match(line) and words <= 15 and sentence_count(line) <= 1:
        return True
    return words <= 25 and not ends_sentence(line) and not _english_prose(line)


def is_widget_label(line: str) -> bool:
    """A stray short label (a place name of a weather widget, a menu word)."""
    return len(line.split()) <= 3 and not ends_sentence(line)


def is_menu_word(line: str) -> bool:
    """A short Korean label a page prints around its article (뉴스, 정치 북한, 프로그램, 완독):
    on the gold pages such lines are site furniture thirty times as often as titles. A
    bracketed segment title (<열병식 하이라이트>), a label ending in a colon or a sentence
    without its period (목표는 다음과 같다) is not one; an English line of three words can be a
    title (Trump won't attack), one of one or two words hardly ever is (Technology, NK PRO)."""
    if not is_widget_label(line) or re.search(r"(?:[:다요까])$|^<[^<>]+>$", line.rstrip()):
        return False
    return len(line.split()) <= 2 or any(is_hangul(ch) for ch in line)


# A segment title in spaced angle brackets opening a transcript paragraph: "< 빨갛게 빨갛게 >".
_SECTION_TITLE = r"<\s[^<>]{1,30}\s>"
SECTION_TITLE = re.compile(_SECTION_TITLE + r"(?=\s)")


def prefix_role(prefix: str) -> str:
    """The role of a paragraph's opening: a transcript label is boilerplate, a segment title a
    headline, a Korean wire stamp ((서울=뉴스1), (평양 노동신문=뉴스1) =) or one naming
    reporters a byline, else (SEOUL, June 19 (Yonhap) --, [일요신문]) a dateline."""
    if TRANSCRIPT_LABEL.fullmatch(prefix.strip()) or SPEAKER_LABEL.fullmatch(prefix.strip()):
        return "boilerplate"
    if re.fullmatch(_SECTION_TITLE, prefix):
        return "headline"
    return "byline" if re.search(_KO_TITLE, prefix) or re.match(_KO_STAMP, prefix) else "dateline"


_SIGNED_TAIL = re.compile(rf"(?:^|[.?!]\s+)[가-힣]{{2,4}}\s?{_KO_TITLE}\s+{_EMAIL}\s*$")
_EMAIL_TAIL = re.compile(rf"(?<!\s)\s+({_EMAIL})$")  # tried once per run of spaces


def split_email_tail(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """A sentence span, cut before a trailing e-mail (2020.06.20. kmx1105@newsis.com), unless
    the e-mail signs a reporter's name (부산=선수민 기자 sunsoo@sportschosun.com)."""
    tail = _EMAIL_TAIL.search(text, start, end)
    head = text[start:tail.start()].strip() if tail else ""
    if not head or (_BYLINE_KO.match(head) and len(head.split()) <= 3):
        return [(start, end)]
    return [(start, tail.start()), (tail.start(1), end)]


# A photo credit a flattened page glued to the text after its caption ("...보도했다. 뉴스1 김정은
# 위원장이 ..."), and an English photo page's credit in capitals ("... earlier. [YONHAP]").
_GLUED_CREDIT = re.compile(rf"(?:[©ⓒ]\s*)?{_AGENCIES}\s+(?=\S)")
_ENDS_IN_CREDIT = re.compile(
    rf"[.?!][\"'”’]?\s+(?:(?:[©ⓒ]\s*)?{_AGENCIES}|{_CAPS_CREDIT.pattern})$")


def credits_to_captions(text: str, spans: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Sentence spans with a photo credit moved onto the caption sentence it ends."""
    out: List[Tuple[int, int]] = []
    for start, end in spans:
        glued = _GLUED_CREDIT.match(text, start, end)
        if out and _CAPS_CREDIT.fullmatch(text, start, end):
            out[-1] = (out[-1][0], end)
            continue
        if out and glued and ends_sentence(text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], glued.end() - len(glued.group()) + len(glued.group().rstrip()))
            start = glued.end()
        out.append((start, end))
    return out


# --- English photo texts and the credit that ends them (issue 16r4) ---
# "... (KMA). Yonhap", "... facade. / Yonhap", "... blossoms. [YONHAP]", "... Mar. 24. (AP)",
# "... at 11 a.m. Korea Times photo by Hong In-gi", and a flattened page's "...first.Yonhap".
_EN_PHOTO_BY = (r"(?:[A-Z][\w&'’-]*\s){0,3}(?:[Pp]hotos?|[Ff]ile photo)\s(?:by|courtesy of)\s"
                r"[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,3}")
# "...on Monday.CreditKorean Central News Agency", "/ Courtesy of Seoul City", "Korea Times file"
_EN_CREDIT_WORD = (r"Credit:?\s?[A-Z][^.?!]{0,80}|Courtesy of\s[A-Z][^.?!]{0,60}"
                   r"|(?:[A-Z][\w-]*\s){1,3}file(?: photo)?|Getty\s?[Ii]mages\s?(?:[Bb]ank)?")
_EN_CREDIT_END = re.compile(rf"(?<=[.?!\"”’)])\s*(?:/\s*)?(?:\(?{_AGENCIES}\)?"
                            rf"|{_CAPS_CREDIT.pattern}|{_EN_PHOTO_BY}|{_EN_CREDIT_WORD})$")
# A photo's text runs to three sentences on the pages; a paragraph of four or more that a credit
# ends is an article (a wire copy, a cartoon's note) naming its source or author.
MAX_PHOTO_TEXT_SENTENCES = 3


def english_credit_start(text: str) -> Optional[int]:
    """Where the credit ending an English paragraph starts (after its last sentence's mark)."""
    found = _EN_CREDIT_END.search(text, max(0, len(text) - 120))
    if not found or not text[:found.start()].strip() or detect_lang(text) != "en":
        return None
    return found.start()


def english_paragraph_role(text: str, role: str) -> str:
    """An English paragraph a credit ends: a photo's text (caption) when short, else an
    article (body) whose credit is its byline; other paragraphs keep `role`."""
    start = english_credit_start(text) if role in ("body", "caption", "headline") else None
    if start is None:
        return role
    return "body" if len(split_sentences(text[:start])) > MAX_PHOTO_TEXT_SENTENCES else "caption"


def _credit_spans(text: str, spans: List[Tuple[int, int]],
                  role: str) -> List[Tuple[int, int, Optional[str]]]:
    """A credit ending an English caption joins its last sentence; one ending an article is a
    byline of its own."""
    start = english_credit_start(text.rstrip())
    if start is None:
        return [(first, last, None) for first, last in spans]
    head = [(first, min(last, start)) for first, last in spans if first < start]
    end = len(text.rstrip())
    if role == "caption":
        return [(first, last, None) for first, last in head[:-1]] + [(head[-1][0], end, None)]
    credit = start + len(text[start:]) - len(text[start:].lstrip())
    return [(first, last, None) for first, last in head] + [(credit, end, "byline")]


# A sign-off naming who wrote, reported or photographed: "By Yonhap", "Written by Rumy Doo
# ( doo@heraldcorp.com", "Photos by NAME (EMAIL)", "-Reported by the New York Times on March 7,
# 2018."; several may follow each other on one line.
_EN_NAME = r"(?:the\s)?[A-Z][\w’'.&-]*(?:\s(?:[A-Z][\w’'.&-]*|of|and)){0,5}"
_EN_SIGNOFF = (rf"(?:[-–—]?\s?(?:(?:Written|Reported|Edited|Compiled|Translated|Interviewed|Photos?"
               rf"|Videos?|Graphics?)\s+by|By|BY)\s+{_EN_NAME}(?:\s+on\s+{_DATE})?\.?"
               rf"|[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?(?=\s+{_EMAIL}))"  # Lee Hyo-jin EMAIL
               rf"(?:\s*[(\[]\s*{_EMAIL}\s*[)\]]?|\s+{_EMAIL})?")
_EN_SIGNOFFS = re.compile(rf"(?:{_EN_SIGNOFF})(?:\s+(?:{_EN_SIGNOFF}))*")
_EN_SIGNOFF_START = re.compile(rf"(?<=\s)(?={_EN_SIGNOFF}(?:\s|$))")
# A source in angle brackets over a copied story: "< The Korea Times >", "< Korea JoongAng Daily >";
# an author alone with a middle initial: "Anthony V. Rinna".
_EN_SOURCE_LABEL = re.compile(
    r"^<\s?[A-Z][\w.&'’ -]{0,40}(?:Times|Herald|Daily|News|Post|Journal|Ilbo|Shinmun|Tribune"
    r"|Gazette|Agency|Press)\s?>$|^[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+(?:-[a-z]+)?$")


def _english_signoff(line: str) -> bool:
    """A line that is one or more English sign-offs, or a copied story's source label."""
    if len(line) > 200 or not (_EN_SIGNOFFS.fullmatch(line) or _EN_SOURCE_LABEL.match(line)):
        return False
    return detect_lang(line) == "en"


def _signoff_spans(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """A span of sign-offs cut before each one (Written by ... Photos by ...)."""
    cuts = [found.start() for found in _EN_SIGNOFF_START.finditer(text, start + 1, end)]
    bounds = [start] + cuts + [end]
    return [(first, first + len(text[first:last].rstrip()))
            for first, last in zip(bounds, bounds[1:])]


def english_sentence_roles(text: str, spans: List[Tuple[int, int]],
                           role: str) -> List[Tuple[int, int, Optional[str]]]:
    """Sentence spans of a body or caption text, each with a role of its own or None (the
    text's): the credit ending an English paragraph (_credit_spans), and English sign-offs
    after the last sentence, cut apart, as bylines."""
    out: List[Tuple[int, int, Optional[str]]] = []
    for start, end, own_role in _credit_spans(text, spans, role):
        if own_role is None and _english_signoff(text[start:end]):
            out += [(first, last, "byline") for first, last in _signoff_spans(text, start, end)]
        else:
            out.append((start, end, own_role))
    return out


# --- English furniture and prose (issue 16r4) ---
# An outlet's name alone, its masthead or a section of it: "The Korea Times", "KBS WORLD News".
_EN_MASTHEAD = re.compile(r"^(?:[A-Z][\w&.'’-]*\s){0,3}(?:Times|Herald|Daily|Post|Journal|Tribune"
                          r"|Gazette|News|NEWS|WORLD)$")


def _english_prose(line: str) -> bool:
    """Three English sentences or more: prose, whatever ends the line (an e-mail, a name)."""
    return sentence_count(line) >= 2 and len(split_sentences(line)) >= 3 and detect_lang(
        line) == "en"


def _english_site_notice(line: str) -> bool:
    """A one-sentence English site notice alone on its line, its mark left off ("Please direct
    questions or comments to [EMAIL]"); longer notices are cut into sentences first."""
    if _TERMINAL.search(line) or not is_site_notice(line):  # a sentence: cut, then tagged
        return False
    return detect_lang(line) == "en" and len(split_sentences(line)) == 1


def _english_masthead(line: str) -> bool:
    """An outlet's name alone on its line: site furniture."""
    return bool(_EN_MASTHEAD.match(line))


def _section_label(text: str) -> Optional[str]:
    """A menu word beside a date on its line ("TechnologyMay 20, 2015", "date 2018-04
    LIFE&STYLE") is furniture; other text keeps the line's role (None)."""
    return "boilerplate" if is_menu_word(text.strip()) else None


_PHOTOGRAPHER = re.compile(r"^\((?:촬영|사진|Photo)\s*[:=]\s*[^()]{1,20}\)$", re.IGNORECASE)


# A photo's source note after its caption, a capture or a handout: "[조선중앙통신 홈페이지 캡처]".
_PHOTO_NOTE = re.compile(r"\[[^\[\]]{1,30}(?:캡처|캡쳐|제공)\]")
_NOTE_AND_DATE = rf"({_PHOTO_NOTE.pattern})(?:\s+({_NUMERIC_DATE}))?\s*$"
_NOTE_TAIL = re.compile(rf"(?<=[.?!])\s+{_NOTE_AND_DATE}")


def split_photo_note(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """A caption sentence (or the span after it), cut before its photo note and the date
    after the note."""
    tail = re.compile(_NOTE_AND_DATE).match(text, start, end) or _NOTE_TAIL.search(text, start, end)
    if not tail:
        return [(start, end)]
    pieces = [(start, tail.start())] if tail.start() > start else []
    pieces.append((tail.start(1), tail.end(1)))
    return pieces + ([(tail.start(2), tail.end(2))] if tail.group(2) else [])


def sentence_role(sentence: str) -> str:
    """body, or the role of a tail that ends a paragraph: a date, an e-mail, a photo credit."""
    if _DATE_LINE.match(sentence):
        return "dateline"
    signed_ko = _BYLINE_KO.match(sentence) and not _REPORTER_CALL.match(sentence)
    if _signed(sentence) or (signed_ko and len(sentence.split()) <= 3):
        return "byline"
    if is_site_notice(sentence):
        return "boilerplate"
    if _CREDIT_LINE.match(sentence) or _PHOTOGRAPHER.match(sentence):
        return "caption"
    if _ENDS_IN_CREDIT.search(sentence) or _PHOTO_NOTE.fullmatch(sentence):
        return "caption"
    return "body"


_BEFORE_DATE = re.compile(rf"^(?:[A-Z][\w.'’-]*\s?){{1,4}}?(?={_DATE}$)")
_AFTER_SENTENCE_DATE = re.compile(rf"(?<=[.?!])\s+(?=(?:{_NUMERIC_DATE})$)")
_LEADING_DATE = re.compile(rf"^date\s+(?:{_NUMERIC_DATE}|\d{{4}}-\d{{2}})\s+(?=\S)")
# The same date opening a body paragraph of a stored page: "date 2025-01-27 Subway fares ...".
DATE_TAG = re.compile(rf"^date\s+(?:{_NUMERIC_DATE}|\d{{4}}-\d{{2}})(?=\s+\S)")
_DATE_THEN_BY = re.compile(rf"^{_STAMP}\s+(?=[Bb]y\s+\S)")
_TRAILING_STAMP = re.compile(rf"(?<=\S)\s+(?=(?:{_NUMERIC_DATE})(?:\s*{_CLOCK})?$)")


# A site button printed after a copyright notice: "... 무단전재 및 재배포 금지 제보하기".
_WIDGET_TAIL = re.compile(r"(?<=\S)\s+(?:제보하기|공유하기|기사공유|구독하기)$")


def _stamp_head_role(head: str) -> Optional[str]:
    """What stands before a timestamp on its line: a reporter or an outlet (중앙일보) signs,
    a menu word (북한) is furniture."""
    if _is_byline(head) or re.fullmatch(_KO_OUTLET, head):
        return "byline"
    return "boilerplate" if is_menu_word(head) else None


def date_cuts(line: str) -> List[Tuple[int, int, Optional[str]]]:
    """(start, end, role) pieces of a non-body line holding a date beside other text:
    "Anthony V. Rinna February 3, 2022" (a byline, then a dateline), "TechnologyMay 20, 2015",
    a caption ending "... 있다. 2020.1.30", "date 2020-11-06 Summary of ...", and a copyright
    notice with a button after it. A role of None keeps the line's own role."""
    widget = _WIDGET_TAIL.search(line)
    if widget and is_credit(line[:widget.start()]):
        return [(0, widget.start(), "credit"), (widget.end() - len(widget.group().strip()),
                                                len(line), "boilerplate")]
    before = _BEFORE_DATE.match(line) or _AFTER_SENTENCE_DATE.search(line)
    whole_date = _DATE_LINE.match(line)  # "Monday 17th April 2017" stays one
    if before and before.end() and _DATE_LINE.match(line[before.end():]) and not whole_date:
        head = line[:before.start() if before.re is _AFTER_SENTENCE_DATE else before.end()].rstrip()
        named = before.re is _BEFORE_DATE and len(head.split()) >= 2
        head_role = "byline" if named else _section_label(head)
        return [(0, len(head), head_role), (before.end(), len(line), "dateline")]
    stamp = _TRAILING_STAMP.search(line) if len(line) <= 120 else None
    head_role = _stamp_head_role(line[:stamp.start()]) if stamp else None
    if head_role and not whole_date:
        return [(0, stamp.start(), head_role), (stamp.end(), len(line), "dateline")]
    by = _DATE_THEN_BY.match(line)
    if by:
        return [(0, len(by.group().rstrip()), "dateline"), (by.end(), len(line), "byline")]
    leading = _LEADING_DATE.match(line)
    if leading:
        date = (0, len(leading.group().rstrip()), "dateline")
        titled = _english_title_stamp_cuts(line[leading.end():])
        if titled:
            return [date] + [(leading.end() + a, leading.end() + b, r) for a, b, r in titled]
        rest = line_role(line[leading.end():]) or _section_label(line[leading.end():])
        return [date, (leading.end(), len(line), rest)]
    return _english_title_stamp_cuts(line) or [(0, len(line), None)]


# A broadcaster's English page prints title, programme and stamp on one line:
# "N. KOREA FIRES BALLISTIC MISSILE News Today 입력 2021.10.19 (15:32) 수정 ...".
_LABELLED_STAMP_TAIL = re.compile(rf"(?<=\S)\s+(?={_STAMP_LABEL}\s*(?::\s*)?{_DATE})")
_CAPS_TITLE_THEN_PROGRAMME = re.compile(
    r"^(?P<title>[A-Z0-9][A-Z0-9.,'’:!?\- ]*[A-Z0-9.!?])\s+"
    r"(?P<programme>[A-Z][a-z]+(?:\s[A-Z0-9][a-z0-9]*){0,2})$")


def _english_title_stamp_cuts(line: str) -> Optional[List[Tuple[int, int, Optional[str]]]]:
    """An English title with a labelled timestamp ending its line, cut apart (a programme name
    in title case after a title in capitals is furniture); None for other lines."""
    stamp = _LABELLED_STAMP_TAIL.search(line)
    if not stamp or _DATE_LINE.match(line) or not _DATE_LINE.match(line[stamp.end():]):
        return None
    head = line[:stamp.start()]
    if detect_lang(head) != "en":
        return None
    caps = _CAPS_TITLE_THEN_PROGRAMME.match(head)
    cuts: List[Tuple[int, int, Optional[str]]] = [(0, len(head), None)]
    if caps:
        cuts = [(0, caps.end("title"), "headline"),
                (caps.start("programme"), caps.end("programme"), "boilerplate")]
    return cuts + [(stamp.end(), len(line), "dateline")]


# A page flattened onto one line (a blog's copy of a portal page) keeps its byline and
# timestamp inside the text: "... 기념사진 신성은 기자 입력 2018-10-30 10:51 수정 2018-10-30
# 14:22 ...", "... 계속할 건가 조선일보 입력 2022.10.10 03:26 ...".
_INLINE_STAMP_TIME = rf"\s*(?::\s*)?{_DATE}(?:\s*{_CLOCK})?"
# A portal's buttons flattened into the text, four or more in a row: "댓글 2750개 음성 기사 듣기
# 번역 설정 공유 글씨크기 조절하기 인쇄하기 새창열림", "기사 읽어주기 다시듣기 글씨 크기 조절 ...".
_BUTTON = (r"(?:댓글\s?\d*개?|음성|기사|듣기|읽어주기|다시듣기|번역|설정|공유(?:하기)?"
           r"|글씨\s?크기|글자\s?크기|조절(?:하기)?|인쇄(?:하기)?|새창열림|닫기|프린트|스크랩"
           r"|페이스북|카카오톡|네이버블로그|밴드|엑스|트위터|URL|복사|가|https?://\S+)")
_BUTTONS = rf"{_BUTTON}(?:\s+{_BUTTON}){{3,}}(?=\s|$)"
# So does a photo page's caption line: "TITLE (평양 조선중앙통신=연합뉴스) CAPTION. 2020.5.2
# [국내에서만 사용가능. 재배포 금지. For Use Only in the Republic of Korea. ...]".
_INLINE_STAMP = re.compile(
    rf"(?:^|(?<=\s))(?P<by>(?:{_KO_OUTLET}\s)?(?:[가-힣]{{1,6}}=)?[가-힣]{{2,4}}\s?{_KO_TITLE}"
    rf"|{_KO_OUTLET})\s+(?P<stamp>(?:입력|기사입력|등록){_INLINE_STAMP_TIME}"
    rf"(?:\s+(?:수정|업데이트){_INLINE_STAMP_TIME})?)(?=\s|$)"
    rf"|(?<=\s)(?P<wire>(?![(\[【]\s*사진){_KO_STAMP}(?:{_KO_REPORTERS}|\s*=)?)(?=\s)"
    rf"|(?<=\s)(?P<outlet>\[{_KO_OUTLET}\])(?=\s)"
    rf"|(?:^|(?<=\s))(?P<usage>{USAGE_RESTRICTION})"
    r"|(?:^|(?<=\s))(?P<copyright>(?:Copyrights?|저작권자)\s?(?:[ⓒ©]|\(c\)).*$)"
    rf"|(?<=\.)(?P<photo>/\s?{_AGENCIES})(?=\s|$)"
    rf"|(?:^|(?<=\s))(?P<buttons>{_BUTTONS})"
)
_LAST_SENTENCE_END = re.compile(r".*[.?!][\"'”’)\]]*\s", re.DOTALL)
_TITLE_TAG = re.compile(r"\s\[[^\[\]\s][^\[\]]{0,11}\]\s")


def _title_cuts(text: str, start: int, end: int) -> List[Tuple[int, int, Optional[str]]]:
    """The title before an inline byline; section words before a tagged title ([포토] ...)
    are furniture."""
    tagged = _TITLE_TAG.search(text, start, end)
    if tagged:
        return [(start, tagged.start(), "boilerplate"), (tagged.start(), end, "headline")]
    return [(start, end, "headline")]


def inline_stamp_cuts(text: str) -> List[Tuple[int, int, Optional[str]]]:
    """(start, end, role) pieces of a body text: each title, byline and timestamp of a page
    flattened onto one line, and a photo's usage restriction (a credit), cut out with its
    role; the rest (role None) is body text."""
    cuts: List[Tuple[int, int, Optional[str]]] = []
    position = 0
    for stamp in _INLINE_STAMP.finditer(text):
        if stamp.group("usage") or stamp.group("copyright") or stamp.group("buttons"):
            role = "boilerplate" if stamp.group("buttons") else "credit"
            cuts += [(position, stamp.start(), None), (stamp.start(), stamp.end(), role)]
            position = stamp.end()
            continue
        if stamp.group("photo"):  # "... 시청하고 있다./뉴시스": the sentence is a caption
            ended = _LAST_SENTENCE_END.match(text, position, stamp.start())
            caption = ended.end() if ended else position
            cuts += [(position, caption, None), (caption, stamp.end(), "caption")]
            position = stamp.end()
            continue
        by = stamp.start("by") if stamp.group("by") else stamp.start()
        ended = _LAST_SENTENCE_END.match(text, position, by)
        title = ended.end() if ended else position
        cuts += [(position, title, None), *_title_cuts(text, title, by)]
        if stamp.group("outlet"):  # "... [금요저널] 연수구는 ...": the outlet's stamp
            cuts.append((by, stamp.end(), "dateline"))
            position = stamp.end()
            continue
        signed = stamp.end() if stamp.group("wire") else stamp.end("by")
        cuts.append((by, signed, "byline"))
        if stamp.group("stamp"):
            cuts.append((stamp.start("stamp"), stamp.end(), "dateline"))
        position = stamp.end()
    cuts.append((position, len(text), None))
    return [_stripped(text, start, end) + (role,) for start, end, role in cuts
            if text[start:end].strip()]


def _stripped(text: str, start: int, end: int) -> Tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


_RANK = re.compile(r"\d{1,2}")


def _is_kicker(line: str, following: Optional[str], following_role: Optional[str]) -> bool:
    """A section label over a headline: Foreign Affairs / Korean President Moon arrives ..."""
    if not following or len(line.split()) > 2 or not line.isascii() or not line[:1].isupper():
        return False
    if ends_sentence(line) or any(ch.isdigit() for ch in line):
        return False
    return following_role not in (None, "body") or looks_like_heading(following)


def _bulleted(line: str) -> bool:
    """A bulleted menu item: a few words, or up to ten without a sentence's end, a field's colon
    or a title's quotes and ellipsis (• 구독한 콘텐츠는 마이페이지에서 한번에 모아보기)."""
    if line[:1] not in "•·▪":
        return False
    words = len(line.split())
    if words > 10 or (words > 5 and re.search(r"[:\"“”‘’'…]", line)):
        return False
    return words <= 5 or not ends_sentence(line)


def _lone_word(line: str) -> bool:
    """A word alone on its line: in a column of four or more, a site's section menu, even
    where a word looks like a name (경제, 사회)."""
    return bool(re.fullmatch(r"[가-힣A-Za-z][가-힣A-Za-z·&]*", line))


def _link_item(line: str) -> bool:
    """An item of a list of links to other pages: "☞ ...", "- ☞ ...", "▶화보", "▷ ..."."""
    return bool(re.match(r"(?:-\s?)?[☞▶▷►]", line))


LIST_NUMBER = re.compile(r"(?:\d{1,2}|[가-하]|[①-⑳])[.)]")
# A dashed point of a standfirst or a programme's topic list:
# "- 北, 쓰레기풍선 도발 일상화…대응책은?"
_DASHED_POINT = re.compile(r"-\s?\S")


def _dashed_point(line: str) -> bool:
    """A short dashed line that is not a Korean sentence (those end in 다.)."""
    return bool(_DASHED_POINT.match(line)) and len(line.split()) <= 15 and not line.endswith("다.")


def context_roles(lines: List[str], roles: List[Optional[str]],
                  after_clutter: bool) -> List[Optional[str]]:
    """Roles that follow from a line's neighbours: widget items after a rank number, bulleted
    menus (a list of names too), section labels over a headline, short labels next to clutter,
    the items of a numbered list (body, not headlines), dashed points (headlines) and the
    texts next to a photo's slot (captions)."""
    menu = sum(map(_bulleted, lines)) >= 3
    word_menu = sum(map(_lone_word, lines)) >= 4
    links = sum(map(_link_item, lines)) >= 2
    numbered = sum(1 for line in lines if LIST_NUMBER.match(line)) >= 2
    points = sum(map(_dashed_point, lines)) >= 2
    out = list(roles)
    _photo_essay_captions(lines, out)
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if out[i] == "byline" and _bulleted(line):
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if any(roles[j] == "byline" and _bulleted(lines[j]) for j in neighbours):
                out[i] = "boilerplate"
        if word_menu and out[i] == "byline" and _lone_word(line):  # 정치 / 경제 / 사회
            out[i] = "boilerplate"
        if links and _link_item(line) and out[i] in (None, "caption"):
            out[i] = "boilerplate"
        if out[i] is not None:
            continue
        if numbered and LIST_NUMBER.match(line):
            out[i] = "body"
        elif points and _dashed_point(line):
            out[i] = "headline"
        elif _next_to_image_slot(lines, i) or (i and PHOTO_CREDIT_BAR.match(lines[i - 1])):
            out[i] = "caption"
        elif (i and _RANK.fullmatch(lines[i - 1])) or (menu and _bulleted(line)):
            out[i] = "boilerplate"
        elif _is_kicker(line, following, roles[i + 1] if following else None):
            out[i] = "boilerplate"
        elif is_widget_label(line) and _next_to_clutter(out, roles, i, after_clutter):
            out[i] = "boilerplate"
    return out


def _photo_essay_captions(lines: List[str], out: List[Optional[str]]) -> None:
    """The texts above a photo essay's sign-off (사진·글 NAME 기자) describe its photo: captions,
    up to the headline, byline or stamp above them (furniture between stays furniture)."""
    signed = [i for i, line in enumerate(lines) if re.match(_PHOTO_ESSAY_BYLINE, line)]
    for j in range(signed[0] - 1 if signed else -1, -1, -1):
        if out[j] in ("headline", "byline", "dateline"):
            break
        if out[j] is None:
            out[j] = "caption"


def _next_to_image_slot(lines: List[str], i: int) -> bool:
    """A text under or over a lone "|", the slot a photo left in a photo column's text."""
    return any(0 <= j < len(lines) and lines[j] == "|" for j in (i - 1, i + 1))


def _next_to_clutter(out: List[Optional[str]], roles: List[Optional[str]], i: int,
                     after_clutter: bool) -> bool:
    """Clutter just above or below, or (for a one-line paragraph) ending the paragraph before."""
    if len(roles) == 1:
        return after_clutter
    above = i > 0 and out[i - 1] == "boilerplate"
    return above or (i + 1 < len(roles) and roles[i + 1] == "boilerplate")


# Endings and particles after which a Korean line cannot stop: it was hard-wrapped.
_KO_OPEN_END = re.compile(
    r"[가-힣](?:의|을|를|은|는|와|과|및|에서|으로|하여|해서|는데|지만|면서|이며|하고"
    r"|[가-힣](?:고|인|며|해))$"  # 모시고, 출신인, 통해: two syllables at least
)


_PARTICLE_WORD = re.compile(r"[가-힣](?:을|를|은|는|에|의|로)(?=[\s,]|$)")


def cut_korean_prose(previous: str, line: str) -> bool:
    """A long Korean line of prose (ten words or more, particles in it) that stops without its
    end, cut at a fixed width even inside a word (... 사망이후 처 / 음으로 공개했습니다.): a
    title or a menu line is shorter or has no particles."""
    words = previous.split()
    if len(words) < 10 or not is_hangul(line.lstrip()[:1]):
        return False
    return sum(bool(_PARTICLE_WORD.search(word)) for word in words) >= 2


def continues_korean(previous: str, line: str) -> bool:
    """A Korean line hard-wrapped after a particle, a connective ending or a comma; the line
    after it may open with a number (... 충남에서는 / 1백 곳이 넘는 시험장에서 ...)."""
    first = line.lstrip()[:1]
    if len(previous.split()) < 2 or not (is_hangul(first) or first.isdigit()):
        return False
    end = previous.rstrip()
    return bool(_KO_OPEN_END.search(end)) or (end.endswith(",") and is_hangul(end[-2:-1]))


# Words after which an English line cannot stop (a title does not end in "in" or "the").
_EN_OPEN_END = re.compile(
    r"\s(?:a|an|the|of|in|on|at|to|for|with|by|from|into|and|or|but|as|than|that|including"
    r"|near|between|about|his|her|its|their|our)$"
)


def continues_english(previous: str, line: str) -> bool:
    """An English line hard-wrapped after a word that cannot end it (Market rice prices in /
    North Korea held steady ...)."""
    if len(previous.split()) < 3 or not previous.isascii() or not line.lstrip()[:1].isalnum():
        return False
    return bool(_EN_OPEN_END.search(previous.rstrip()))
