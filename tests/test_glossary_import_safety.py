"""Glossary import validates what it writes; CSV export is safe to open in a spreadsheet."""

import csv
import io

import pytest

from mtalign.formats.glossary_csv import HEADER, guard, read_csv, unguard, write_csv
from mtalign.glossary.store import COLUMNS, load_glossary
from mtalign.types import Entry
from tests.conftest import run_main


def _csv(path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for entry_id, english, note in rows:
        writer.writerow([entry_id, "person", "김", "", english, "", "", "", "", note, ""])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    return path


def test_csv_import_drops_what_a_glossary_cannot_hold_and_says_where(tmp_path):
    path = _csv(
        tmp_path / "g.csv",
        [
            ("kim-a", "Kim A", "fine"),
            ("kim-b", "Kim\tB", "tab"),
            ("kim-c", "Kim C", "two\nlines"),
            ("kim-d", "Kim D", "bell\x07"),
            ("kim-a", "Kim A2", "duplicate id"),
            ("", "Kim E", "no id"),
            ("#kim-f", "Kim F", "would become a comment"),
            ("kim-g", "Kim G", "fine too"),
        ],
    )
    out = tmp_path / "g.tsv"
    result = run_main("glossary", "import", path, "--format", "csv", "-o", out)
    assert result.returncode == 1, result.stderr
    dropped = [line for line in result.stderr.splitlines() if ": dropped: " in line]
    assert [line.split(":")[2] for line in dropped] == ["3", "4", "6", "7", "8", "9"]
    assert "U+0007" in dropped[2] and "already used" in dropped[3]
    assert sorted(load_glossary([out]).entries) == ["kim-a", "kim-g"]


def test_a_glossary_tsv_with_a_control_character_is_refused_in_one_line_not_crashed(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(
        "\t".join(COLUMNS) + "\nkim\tperson\t김\t\tKim\x01 Jong\t\t\t\t\t\t\n", encoding="utf-8"
    )
    result = run_main("glossary", "export", "--format", "tbx", "--glossary", path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"{path}:2: en holds the control character U+0001" in line


def test_a_line_separator_inside_a_cell_is_refused_not_split(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(
        "\t".join(COLUMNS) + "\nkim\tperson\t김\t\tKim\t\t\t\t\ta\u2028b\t\n", encoding="utf-8"
    )
    result = run_main("glossary", "check", "--glossary", path)
    assert result.returncode == 2 and "note holds the control character U+2028" in result.stderr


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''-y"]
)
def test_formula_cells_are_guarded_and_read_back_exactly(cell):
    assert guard(cell).startswith("'") and unguard(guard(cell)) == cell


@pytest.mark.parametrize("cell", ["Kim", "'quoted'", "'", "", "a=b"])
def test_ordinary_cells_are_left_alone(cell):
    assert guard(cell) == cell and unguard(cell) == cell


def test_csv_export_defuses_formulas_and_round_trips_byte_identical(tmp_path):
    entries = [
        Entry(
            id="x",
            type="other",
            ko=["엑스"],
            hanja="",
            en="=CMD|' /C calc'!A0",
            styles={},
            variants=[],
            note="-10 degrees",
            sources=["@home"],
        ),
        Entry(
            id="y",
            type="other",
            ko=[],
            hanja="",
            en="'=already",
            styles={},
            variants=[],
            note="",
            sources=[],
        ),
    ]
    first = io.StringIO()
    write_csv(entries, first)
    rows = list(csv.reader(io.StringIO(first.getvalue().lstrip("\ufeff"))))
    assert (
        rows[1][4] == "'=CMD|' /C calc'!A0"
        and rows[1][9] == "'-10 degrees"
        and rows[1][10] == "'@home"
    )
    assert rows[2][4] == "''=already"
    path = tmp_path / "g.csv"
    path.write_text(first.getvalue(), encoding="utf-8", newline="")
    assert read_csv(path) == entries
    second = io.StringIO()
    write_csv(read_csv(path), second)
    assert second.getvalue() == first.getvalue()
