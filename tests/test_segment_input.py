"""Bad and unusual input: encodings, binary, empty, line endings, huge files, missing paths."""

import json
import subprocess
import sys

import pytest

from mtalign.errors import UserError
from mtalign.segment import detect_encoding, read_document, segment_file
from tests.conftest import SEEDS, run_main

KOREAN = "러시아 푸틴 대통령이 19일 평양에 도착했다. 김정은 국무위원장이 공항에서 맞았다.\n"


def test_cp949_file_is_detected_and_reported(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes((KOREAN + "똠방각하 펲시콜라는 CP949에만 있다.\n").encode("cp949"))
    assert detect_encoding(path) == "cp949"
    result = run_main("segment", path)
    assert result.returncode == 0
    assert "decoded as cp949" in result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts[0] == "러시아 푸틴 대통령이 19일 평양에 도착했다."
    assert texts[-1] == "똠방각하 펲시콜라는 CP949에만 있다."


def test_euc_kr_and_bom(tmp_path):
    legacy = tmp_path / "euc.txt"
    legacy.write_bytes(KOREAN.encode("euc-kr"))
    assert detect_encoding(legacy) == "euc-kr"
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + KOREAN.encode("utf-8"))
    segments = list(segment_file(bom))
    assert segments[0].text.startswith("러시아") and segments[0].start == 0


def test_undecodable_file_names_byte_offset(tmp_path):
    path = tmp_path / "broken.txt"
    good = "Hello. 안녕하세요.".encode("utf-8")
    path.write_bytes(good + b"\xff\xfe\xfa tail")
    result = run_main("segment", path)
    assert result.returncode == 2
    assert str(path) in result.stderr and f"offset {len(good)} " in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_binary_file_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run_main("segment", path)
    assert result.returncode == 2 and "binary" in result.stderr and str(path) in result.stderr


def test_missing_path(tmp_path):
    result = run_main("segment", tmp_path / "nope.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtalign: error: {tmp_path / 'nope.txt'}: no such file"


def test_empty_file_gives_no_segments_and_a_note(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run_main("segment", path)
    assert result.returncode == 0 and result.stdout == ""
    assert "empty" in result.stderr


def test_mixed_crlf_and_lf(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Headline here\r\n\r\nFirst sentence. Second one.\nThird line.\r\nFourth.\r")
    doc = read_document(path)
    assert [s.text for s in doc.segments] == [
        "Headline here", "First sentence.", "Second one.", "Third line.", "Fourth."
    ]
    normalized = path.read_bytes().decode().replace("\r\n", "\n").replace("\r", "\n")
    assert all(normalized[s.start:s.end] == s.text for s in doc.segments)


def test_unicode_normalization(tmp_path):
    path = tmp_path / "odd.txt"
    decomposed = "\u1100\u1161\u11a8"  # 각 as conjoining jamo
    path.write_text(f"Kim\u00a0Jong-un\u200b met Putin. {decomposed} 사진이다.\n", encoding="utf-8")
    texts = [s.text for s in segment_file(path)]
    assert texts == ["Kim Jong-un met Putin.", "각 사진이다."]


PEAK_AFTER_EACH_FILE = (
    "import re, sys\n"
    "from mtalign.segment import segment_file\n"
    "for path in sys.argv[1:]:\n"
    "    count = sum(1 for _ in segment_file(path))\n"
    "    status = open('/proc/self/status').read()\n"
    "    print(count, re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
)


@pytest.mark.slow
def test_big_file_streams_in_bounded_memory(tmp_path):
    """The peak memory after a 6 MB file is about what it was after a 1 MB one (the size of a
    read chunk): memory does not grow with the file, so any size fits (50 MB: BENCHMARKS.md).
    Holding the file, even as bytes, would add at least its size."""
    paragraph = (SEEDS / "002_2d624cb60e42ca7c.txt").read_text(encoding="utf-8")
    copies = {}
    for megabytes in (1, 6):
        path = tmp_path / f"{megabytes}mb.txt"
        copies[path] = megabytes * 2**20 // len(paragraph.encode()) + 1
        path.write_text((paragraph + "\n\n") * copies[path], encoding="utf-8")
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent (pytest).
    out = subprocess.run(
        [sys.executable, "-c", PEAK_AFTER_EACH_FILE, *map(str, copies)],
        check=True, capture_output=True, text=True,
    )
    (small_count, small_peak), (big_count, big_peak) = (
        map(int, line.split()) for line in out.stdout.splitlines()
    )
    per_copy = len(read_document(SEEDS / "002_2d624cb60e42ca7c.txt").segments)
    assert [small_count, big_count] == [n * per_copy for n in copies.values()]
    growth_kib = big_peak - small_peak
    assert growth_kib < 3 * 1024, f"peak RSS grew {growth_kib} KiB: the file was not streamed"


def test_directory_is_refused(tmp_path):
    with pytest.raises(UserError, match="is a directory"):
        detect_encoding(tmp_path)
