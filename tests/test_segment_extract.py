"""trafilatura's verdicts as role hints for HTML blocks (the `html` extra, which scripts/setup
installs, so these tests always run)."""

import importlib.util
from pathlib import Path

from mtalign.segment import segment_file
from mtalign.segment.extract import Signals, block_hint

PAGES = Path(__file__).parent / "data" / "pages"


def _roles(name, **options):
    return {s.text: s.role for s in segment_file(PAGES / name, **options)}


def test_blocks_outside_the_main_text_become_boilerplate_on_a_saved_page():
    assert importlib.util.find_spec("trafilatura"), "the html extra is missing: run scripts/setup"
    hinted = _roles("ko_entermedia_revenge.html")
    plain = _roles("ko_entermedia_revenge.html", extractor=False)
    assert plain["예능"] == "byline" and plain["분야별 뉴스"] == "headline"  # menu items
    assert hinted["예능"] == hinted["분야별 뉴스"] == "boilerplate"
    assert hinted["시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다."] == "body"
    assert hinted["기사입력 :[ 2018-08-25 15:24 ]"] == "dateline"


def test_title_author_and_date_hints():
    signals = Signals(title="코로나19극복성금기탁줄잇는다", author="이용민 기자", date="2020-03-04",
                      lines={"본문이다."}, text="본문이다.")
    assert block_hint("코로나19 극복 성금 기탁 줄 잇는다", signals) == "headline"
    assert block_hint("이용민 기자 | 그 밖의 것", signals) == "byline"
    assert block_hint("등록 2020.3.4 16:52", signals) == "dateline"
    assert block_hint("2020년 3월 4일", signals) == "dateline"
    assert block_hint("본문이다.", signals) is None  # in the main text: the rules decide
    assert block_hint("인기 뉴스더보기", signals) == "boilerplate"
    assert block_hint("예능", signals) == "boilerplate"  # a lone word, not a name
    assert block_hint("<저작권자ⓒ대전일보사. 무단전재-재배포 금지>", signals) is None  # credit
