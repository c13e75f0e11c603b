"""Hostile text and HTML input: every byte after a BOM checked, UTF-32 by its BOM, offsets in
the file's own encoding, HTML never silently cut short."""

import codecs

import pytest

from mtalign.errors import UserError
from mtalign.segment import detect_encoding, document_text, segment_file
from tests.conftest import run_main

BAD_AFTER_BOM = {
    "utf8-bom-bad-byte": b"\xef\xbb\xbf ok \xff",
    "utf16-bom-lone-surrogate": codecs.BOM_UTF16_LE
    + "ok".encode("utf-16-le")
    + b"\x00\xd8"
    + "x".encode("utf-16-le"),
    "utf16-bom-odd-length": codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x41",
}


@pytest.mark.parametrize("name", sorted(BAD_AFTER_BOM))
def test_bad_bytes_after_a_bom_are_refused_with_their_offset(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(BAD_AFTER_BOM[name])
    result = run_main("segment", path)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert "byte order mark" in line and "offset" in line


def test_utf32_le_with_bom_is_decoded_as_utf32(tmp_path):
    path = tmp_path / "u32.txt"
    path.write_bytes("서울에서 만났다.\n".encode("utf-32"))
    assert detect_encoding(path) == "utf-32"
    assert [s.text for s in segment_file(path)] == ["서울에서 만났다."]


def test_cp949_error_offset_is_the_bad_cp949_byte(tmp_path):
    good = "서울에서 만났다. 한국어 기사입니다.\n".encode("cp949")
    path = tmp_path / "k.txt"
    path.write_bytes(good + b"\xff\xff tail\n")
    with pytest.raises(UserError, match=rf"offset {len(good)} as (EUC-KR|CP949)"):
        detect_encoding(path)


@pytest.mark.parametrize("text", ["   \n\t \n", "<!-- nothing -->", ""])
def test_html_without_elements_has_no_segments(tmp_path, text):
    path = tmp_path / "blank.html"
    path.write_text(text, encoding="utf-8")
    assert list(segment_file(path)) == []


def test_html_with_an_xml_declaration(tmp_path):
    path = tmp_path / "x.html"
    path.write_text(
        '<?xml version="1.0" encoding="euc-kr"?>\n<html><body><p>서울 소식.</p></body></html>',
        encoding="utf-8",
    )
    assert [s.text for s in segment_file(path)] == ["서울 소식."]


def test_html_after_300_unclosed_font_tags_keeps_the_rest(tmp_path):
    path = tmp_path / "f.html"
    path.write_text(
        "<html><body>" + "<font>" * 300 + "<p>The rest is here.</p></body></html>", encoding="utf-8"
    )
    assert "The rest is here." in document_text(path)


def test_html_deeper_than_256_levels_keeps_the_rest(tmp_path):
    path = tmp_path / "d.html"
    path.write_text(
        "<html><body>"
        + "<span>" * 1000
        + "Deep words."
        + "</span>" * 1000
        + "<p>After the depths.</p></body></html>",
        encoding="utf-8",
    )
    text = document_text(path)
    assert "Deep words." in text and "After the depths." in text


def test_html_past_the_parser_depth_cap_is_refused_not_cut(tmp_path):
    path = tmp_path / "d.html"
    path.write_text(
        "<html><body>" + "<div>" * 3000 + "x" + "</div>" * 3000 + "<p>tail</p>", encoding="utf-8"
    )
    result = run_main("segment", path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "refused" in line and "rest of the page" in line


def test_html_text_node_over_10_mb_is_kept(tmp_path):
    path = tmp_path / "big.html"
    path.write_text(
        "<html><body><p>" + "word " * (2_200_000) + "</p><p>After.</p></body></html>",
        encoding="utf-8",
    )
    text = document_text(path)
    assert len(text) > 10_000_000 and text.endswith("After.")
