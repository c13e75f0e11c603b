"""Character normalization and the site-clutter patterns (boilerplate, credit lines).

Nothing is deleted here: clutter is *tagged* so that later stages skip it, and every
character the user gave still appears in some segment.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

_ODD_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u202f\u205f\u3000"), " ")
_ODD_SPACES.update(dict.fromkeys(range(0x2000, 0x200B), " "))  # en quad .. hair space
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_ODD_SPACES, **_ZERO_WIDTH}


def normalize_line(line: str) -> str:
    """NFC, exotic spaces to ASCII space, zero-width characters and soft hyphens removed."""
    return unicodedata.normalize("NFC", line.translate(_TRANSLATE))


_BOILERPLATE_LINES = {
    "spot_img", "img", "advertisement", "- advertisement -", "sponsored", "sponsored content",
    "latest news", "popular articles", "most popular", "most read", "most viewed",
    "related articles", "related news", "related stories", "recommended", "trending",
    "trending now", "top stories", "read more", "more stories", "share", "share this",
    "share this article", "tweet", "print", "email", "copy link", "subscribe", "newsletter",
    "font size", "(end)", "weather", "home", "기사 이미지 확대 보기", "이미지 확대 보기",
    "이미지 확대", "공유하기", "기사공유", "댓글", "좋아요", "구독", "많이 본 뉴스", "최신 뉴스",
    "관련기사", "관련 기사", "인기기사", "광고", "프린트", "글자크기", "기사 읽어주기", "다시듣기",
    "인기 클릭", "베스트 클릭", "닫기", "닫기 공유하기", "팝업창 닫기", "버튼", "포토홈",
    "이 뉴스 공유하기", "url이 복사되었습니다.", "본문 글자 크기 조정", "이 기사를 공유합니다",
    "요약보기", "로그인", "회원가입", "로그아웃", "기사사진", "search close", "show more...", "rss",
    "link copied", "go to contents go to navigation", "nk news logo", "top of page",
    "bottom of page", "언어 선택", "g언어 선택", "한국어", "english", "이 글자크기로 변경됩니다.",
    "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.",
    "읽어주기 기능은 크롬기반의 브라우저에서만 사용하실 수 있습니다.", "go top", "go to top",
    "menu content", "search", "list", "close", "editor's pick", "hot photo news", "오늘의 뉴스",
    "공감은 비로그인 상태에서도 가능합니다", "제보하기",
}
_SHARE_WORDS = {
    "share", "tweet", "facebook", "twitter", "x", "email", "print", "whatsapp", "linkedin",
    "kakaotalk", "telegram", "reddit", "pinterest", "copy", "link", "url", "카카오톡", "페이스북",
    "트위터", "공유", "링크복사",
}
_WEATHER = re.compile(r"^-?\d{1,3}(?:\.\d)?\s*(?:°?\s*[CF]|℃|℉)$")
_BULLETS = "•·▪◦*-–—■□▷▶►☞ "
# Breadcrumbs (Home > Opinion): words joined by ">", spaces around it optional, and a word may
# hold ">" itself ("<b>x</b>" counts) -- the strings `^\S+(?:\s*>\s*\S+)+$` matches, but that
# pattern backtracks without end on a long line of ">". Here each space-separated token is read
# one way only: after a token not ending in ">" (or a lone ">") a " >" joint must follow; a
# token ending in ">" is itself the joint, and so is each next token ending in ">".
_PLAIN = r"\S*[^\s>](?!\S)"  # a token not ending in ">"
_OWES_JOINT = rf"(?:>(?!\S)|{_PLAIN})"
_JOINED_RUN = r"\S+>(?!\S)(?:\s+\S*>(?!\S))*"
_BREADCRUMB = (
    rf"^(?=\S+\s+\S)(?:(?:{_OWES_JOINT}|{_JOINED_RUN}\s+{_PLAIN})\s+>\s*)*"
    rf"(?:{_OWES_JOINT}|{_JOINED_RUN}(?:\s+{_PLAIN})?)$"
    r"|^\S(?=\S*>\S)\S*$"  # a single token with a ">" inside
)
# Site furniture by shape: skip links, comment counters, image file names, "label : URL" lines,
# contact and tip-off lines, breadcrumbs, channel slogans in [ spaced brackets ].
_FURNITURE = re.compile(
    r"바로가기|^댓글\s*\d+$|\.(?:png|svg|jpe?g|gif)\b"
    # "label : URL", "기사 원문 - URL"; the leading symbols end at a space or colon, else they
    # and the first word could share a run of punctuation in every way (quadratic on "·")
    r"|^(?:\W*[\s:])?(?:[^\s:]+\s+){0,3}[^\s:]+(?:\s*:|\s+[-–])\s*https?://.*[^.?!]$"
    r"|^※(?!\s*저작권)|^\[(?:전화|메일|이메일|카카오톡|팩스|홈페이지|제보)\]|제보(?:(?!제보).)*@"
    rf"|(?:{_BREADCRUMB})|^\[\s.*\s\]$|^[가-힣]+ / [A-Za-z]+$"
    r"|^\d+ episodes$|^episodes \(\d+/\d+\)$|^[^|.?!]{1,40} \| [^|.?!\d]{1,30}$"
    r"|^(?:about \S+ )?go to \S+$|복사(?:가 완료)?되었습니다\.?$"
    r"|^(?:[가-힣]+ )?(?:최신|많이 본) ?(?:기사|뉴스)$"
    r"|^(?:기사\s?)?(?:전체|원문)\s?보기$"
    r"|댓글을? (?:작성|남겨)|의견을 남겨 ?주세요|스크랩 ?하시겠습니까|-->$|^<!--"
    r"|^(?:추천|조회수?|댓글수|게시물ID)\s*:\s*\S|뒤로가기|맨\s?위로|추천리스트|댓글이 없습니다"
    r"|^(?:출처\s+)?https?://\S+$|^음성재생 설정$|^번역\s?beta\b|^글자\s?크기 설정"
    # tip-off and contact lines: "전화 : 02-...", "카카오톡 : 'KBS제보' 검색", "...를 구독해주세요!"
    r"|^(?:전화|팩스|이메일|e-?mail|카카오톡|홈페이지)\s?:\s?\S|구독해\s?주세요|(?:친구|채널)\s?추가"
    r"|^[^:]{0,20}(?:제보|기사\s?문의)[^:]{0,10}:\s?\S",
    re.IGNORECASE,
)
# Transcript speaker and segment labels of broadcast pages: [앵커], [기자], [Anchor Lead],
# YTN's "◆기자]", "◇앵커]", "◆ 앵커 :", and KBS World's "Anchor:", "Report:".
TRANSCRIPT_LABEL = re.compile(
    r"\[(?:앵커|기자|인터뷰|리포트|녹취|앵커\s?멘트|기자\s?멘트|현장음"
    r"|Anchor(?: Lead)?|Reporter|Pkg|Soundbite|Standup|Interview|Sound)\]"
    r"|[◆◇]\s?(?:앵커|기자|대담자?|출연자?)\s?(?:\]|:)"
    r"|(?:Anchor|Report|Reporter):(?=\s|$)",
    re.IGNORECASE,
)
# A speaker's (or a segment's) label alone on its line in a transcript: "[김필국 팀장]",
# "◀ 김필국 앵커 ▶", "<앵커 멘트>", "이윤성 앵커 :", "◎앵커:", "● 앵커:", "⊙ 이름 앵커 :",
# "<녹취> 개발 관계자 :",
# "<황효선(SBS 특별취재단장):", "Title:", "남)"; a bracketed outlet name ("[일요신문]") is a
# dateline.
_OUTLET_END = r"(?:신문|일보|저널|뉴스|방송|통신)"
SPEAKER_LABEL = re.compile(
    rf"\[(?![가-힣]*{_OUTLET_END}\])[가-힣]{{1,10}}(?:\s[가-힣]{{1,10}}){{0,2}}\]"
    # an interviewee with a note on the recording: "[사고 목격자 (음성변조)]"
    r"|\[[가-힣]{1,10}(?:\s[가-힣]{1,10}){0,3}\s?\([가-힣]{1,8}\)\]"
    r"|[◎○◆◇●⊙]?\s?(?:<녹취>\s?)?<?[가-힣](?:[^.?!:\s]{0,15}\s){0,5}[^.?!:\s]{0,15}(?<!다)\s?:"
    r"|◀\s?[^◀▶.?!]{1,20}\s?▶"
    r"|<\s?(?:앵커|기자|리포트|녹취|인터뷰|현장음)[^<>]{0,10}>"
    r"|(?:Title|Anchor|Report|Reporter):"
    r"|(?:남|여|[가-힣]{0,4}\s?앵커)\)"  # a two-anchor script: "남) ...", "여) ..."
)


# Labels that may open a line of speech: those a tag of a headline ([포토] ...) or a heading
# with a colon (탈북 이유: ...) cannot be: a mark, a speaker's title or affiliation, a Latin label.
_SPEAKER_OPENING = re.compile(
    r"^[◀◎○◆◇●⊙<]|(?:앵커|기자|특파원|관계자|대변인|캐스터|단장|팀장)\s?:$|^(?:Title|Anchor|Report)"
    r"|\)\]?$"
)


def speaker_label(text: str) -> Optional[re.Match]:
    """A speaker's label opening a line that goes on with the speech (◎앵커: 저희 SBS가 ...)."""
    label = SPEAKER_LABEL.match(text)
    if not label or not text[label.end():label.end() + 1].isspace():
        return None
    return label if _SPEAKER_OPENING.search(label.group()) else None


# Notices a site prints in its text: cookie consent, transcript disclaimers, "details >" links.
_SITE_NOTICE = re.compile(
    r"\bcookies?\b(?:(?!\bcookies?\b).)*\b(?:website|site|service)\b|\busage of the (?:web)?site\b"
    r"|\s[>›]$"
    r"|방송으로 확인하시기 바랍니다"
    # a broadcaster's terms under a transcript: how to quote it, whose copyright it is
    r"|^(?:\S+\s)?인용(?:\s?보도)?\s?(?:시|할\s?때는?)\s.*(?:명시해|밝혀)\s?주시기 바랍니다"
    r"|^(?:이 \S+의 )?저작권은 \S+에 있습니다"
    # a tip-off call and a subscription or support button ending an outlet's page
    r"|제보를 기다립니다|구독\s?신청\s?하기$|정기\s?구독으로 응원|(?:구독|후원)하기!?$"
    # an AI summary box's notes: "인공지능 기술로 자동 요약된 내용입니다. 전체 내용을 이해하기
    # 위해 본문과 함께 읽는 것을 추천합니다."
    r"|자동\s?요약(?:한|된)\s?(?:결과|내용)입니다"
    r"|본문(?:과 함께 읽는 것을|\s?보기를) (?:추천|권장)합니다"
    r"|^\(예시\) |^다음뉴스는 "
    # a portal's copy: the button to the outlet's own page and the reaction widget's question
    r"|^해당 언론사로 이동합니다|^\S+에서 직접 확인하세요|^이 기사에 대해 어떻게 생각하시나요"
    r"|\b(?:awaits|send us|share) your (?:tips?|reports?|stories)\b"
    # an opinion page's disclaimer: "Views expressed in Opinion articles are ... the authors' own"
    r"|^(?:the\s)?(?:views|opinions) expressed\b.{0,120}\b(?:own|necessarily)\b"
    r"|^please direct (?:your )?(?:questions|comments|inquiries)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"[©ⓒ]|\(c\)\s|\bcopyright\b|all rights reserved|무단\s?전재|재배포\s?금지|저작권자",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """Site furniture: ads, widgets, weather, section labels, share buttons, markup debris."""
    text = " ".join(line.split())
    core = text.strip(_BULLETS)
    if core.casefold() in _BOILERPLATE_LINES or _WEATHER.match(text) or _FURNITURE.search(core):
        return True
    if TRANSCRIPT_LABEL.fullmatch(text) or SPEAKER_LABEL.fullmatch(text):
        return True
    separators = len(re.findall(r"\s>(?=\s|$)", core))  # Home > National >, too
    if separators >= 2 and len(core.split()) <= 12 and core[-1:] not in ".?!":
        return True  # a breadcrumb of several-word sections: Home > National > North Korea
    if re.fullmatch(r"[a-z]+(?: [a-z]+){0,2}", text):
        return True
    if not any(ch.isalpha() for ch in text):
        return True
    words = re.findall(r"\w+", text.casefold())
    return bool(words) and all(word in _SHARE_WORDS for word in words)


def is_site_notice(sentence: str) -> bool:
    """A sentence of site furniture inside prose: cookie consent, a transcript disclaimer."""
    return bool(_SITE_NOTICE.search(sentence.strip()))


# A wire photo's usage restriction, maybe cut off at the line's end:
# "[국내에서만 사용가능. 재배포 금지. For Use Only in the Republic of Korea. ...]", or in
# parentheses on an English wire photo: "(For Use Only in the Republic of Korea. ...)".
USAGE_RESTRICTION = (r"\[(?:국내에서만|For Use Only)[^\[\]]*(?:\]|$)"
                     r"|\((?:국내에서만|For Use Only|PHOTO NOT FOR SALE)[^()]*(?:\)|$)")


def is_credit(line: str) -> bool:
    """Copyright and reproduction notices, in either language; a line holding a caption
    beside a photo's usage restriction is not one."""
    rest = re.sub(USAGE_RESTRICTION, "", line).strip()
    if not rest:
        return bool(line.strip())
    notice = _CREDIT.search(rest)
    if not notice or len(line.split()) > 30:
        return False
    before = rest[:notice.start()]  # sentences before the notice: text with a copyright tail
    return len(before.split()) < 3 or not re.search(r"[.?!]\s", before)
