"""Alignment files (formats/alignments.py) beyond the shared round-trip contract: units from
records, TMX output, partial records, errors."""

import io
import json

import pytest

from mtalign.errors import UserError
from mtalign.formats.alignments import aligned_texts, read_aligned_texts, write_records
from mtalign.types import AlignmentRecord


def test_paired_records_become_units_and_the_rest_are_counted():
    records = [AlignmentRecord("bead", "a.ko.txt", "a.en.txt", [0, 1], [0], "둘 문장", "One.", 0.7,
                               "body", "body"),
               AlignmentRecord("bead", "a.ko.txt", "a.en.txt", [2], [], "홀로", None, -0.08,
                               "caption", "")]
    aligned = aligned_texts(records)
    units = [(u.ko, u.en, u.score, u.role) for u in aligned.units]
    assert units == [("둘 문장", "One.", 0.7, "body")]
    assert aligned.unpaired == 1 and aligned.text_pairs() == [("둘 문장", "One.", "a.ko.txt")]


def test_tmx_output_holds_the_paired_records_and_counts_the_rest():
    records = [
        AlignmentRecord(
            "fragment", "a.txt", "a.txt", [0], [3], "사진", "Photo", 0.8, "caption", "caption"
        ),
        AlignmentRecord(
            "fragment", "a.txt", "a.txt", [1], [], "광고", None, 0.0, "boilerplate", ""
        ),
    ]
    handle = io.BytesIO()
    assert write_records(records, "tmx", handle) == 1
    assert handle.getvalue().count(b"<tu ") == 1 and "사진".encode() in handle.getvalue()


def test_fragment_tsv_is_read_too(tmp_path):
    path = tmp_path / "fragments.tsv"
    path.write_text(
        "source\tko_text\ten_text\tscore\na.txt\t김수연\tBy Kim Soo-yeon\t0.9\n", encoding="utf-8"
    )
    assert [(u.ko, u.en) for u in read_aligned_texts(path).units] == [("김수연", "By Kim Soo-yeon")]


def test_jsonl_keeps_role_source_and_score_and_names_the_bad_line(tmp_path):
    path = tmp_path / "alignments.jsonl"
    records = [
        {
            "ko_text": "사진",
            "en_text": "Photo",
            "source": "003.txt",
            "ko_role": "caption",
            "score": 0.8,
        },
        {"ko_text": "기사 이미지 확대 보기", "en_text": None, "source": "003.txt", "score": 0.0},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + '\n\n{"ko": [0]}\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError, match=r"alignments.jsonl:4: no ko_text"):
        read_aligned_texts(path)
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    aligned = read_aligned_texts(path)
    unit = aligned.units[0]
    assert (unit.ko, unit.en, unit.source_file, unit.role, unit.score) == (
        "사진",
        "Photo",
        "003.txt",
        "caption",
        0.8,
    )
    assert aligned.unpaired == 1


def test_a_bad_score_cell_names_its_line(tmp_path):
    path = tmp_path / "beads.tsv"
    path.write_text("ko_text\ten_text\tscore\n가\tA\t0.5\n나\tB\thigh\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"beads.tsv:3: score 'high' is not a number"):
        read_aligned_texts(path)
