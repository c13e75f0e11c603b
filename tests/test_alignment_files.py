"""Alignment output read back (formats/alignments.py): TSV escapes, both TSV shapes, JSONL errors."""

import io
import json

import pytest

from mtalign.errors import UserError
from mtalign.formats import csvtsv
from mtalign.formats.alignments import read_aligned_texts


def test_bead_tsv_round_trips_escaped_texts(tmp_path):
    handle = io.StringIO()
    csvtsv.write_rows(("ko", "en", "score"), [("탭\t포함", "tab\tinside \\ back", 0.7), ("홀로", "", 0.0)], handle)
    path = tmp_path / "beads.tsv"
    path.write_text(handle.getvalue(), encoding="utf-8")
    aligned = read_aligned_texts(path)
    assert [(u.ko, u.en, u.score) for u in aligned.units] == [("탭\t포함", "tab\tinside \\ back", 0.7)]
    assert aligned.unpaired == 1
    assert aligned.text_pairs() == [("탭\t포함", "tab\tinside \\ back", f"{path}:2")]


def test_fragment_tsv_is_read_too(tmp_path):
    path = tmp_path / "fragments.tsv"
    path.write_text("source\tko_text\ten_text\tscore\na.txt\t김수연\tBy Kim Soo-yeon\t0.9\n", encoding="utf-8")
    assert [(u.ko, u.en) for u in read_aligned_texts(path).units] == [("김수연", "By Kim Soo-yeon")]


def test_jsonl_keeps_role_source_and_score_and_names_the_bad_line(tmp_path):
    path = tmp_path / "alignments.jsonl"
    records = [{"ko_text": "사진", "en_text": "Photo", "source": "003.txt", "ko_role": "caption", "score": 0.8},
               {"ko_text": "기사 이미지 확대 보기", "en_text": None, "source": "003.txt", "score": 0.0}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n{\"ko\": [0]}\n",
                    encoding="utf-8")
    with pytest.raises(UserError, match=r"alignments.jsonl:4: no ko_text"):
        read_aligned_texts(path)
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    aligned = read_aligned_texts(path)
    unit = aligned.units[0]
    assert (unit.ko, unit.en, unit.source_file, unit.role, unit.score) == ("사진", "Photo", "003.txt", "caption", 0.8)
    assert aligned.unpaired == 1


def test_a_bad_score_cell_names_its_line(tmp_path):
    path = tmp_path / "beads.tsv"
    path.write_text("ko\ten\tscore\n가\tA\t0.5\n나\tB\thigh\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"beads.tsv:3: score 'high' is not a number"):
        read_aligned_texts(path)
