"""TMX: DTD-valid output, a second reader, import/validate/merge, hostile and broken files,
and lossless round trips for arbitrary Unicode."""

import io
import shutil
import subprocess
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from mtalign.errors import UserError
from mtalign.formats.tbx import read_tbx, write_tbx
from mtalign.formats.tmx import TmxReadReport, read_units, write_tmx
from mtalign.tm.store import TranslationMemory
from mtalign.types import Entry, Unit, Variant
from tests.conftest import REPO, run_main

DTD = REPO.parent / "shared" / "standards" / "tmx14.dtd"
UNITS = [
    Unit("김정은 위원장이 말했다.", "Kim Jong-un said.", "aligned", "a.txt", "body", 0.81),
    Unit(
        "평양에서 회담이 열렸다.", "Talks were held in Pyongyang.", "tm", "b.txt", "caption", None
    ),
]


def _write(path, units):
    with open(path, "wb") as handle:
        return write_tmx(units, handle)


@pytest.mark.skipif(
    not shutil.which("xmllint"), reason="xmllint (Debian libxml2-utils) is not installed"
)
def test_written_tmx_passes_xmllint_dtdvalid(tmp_path):
    path = tmp_path / "a.tmx"
    _write(path, UNITS)
    result = subprocess.run(
        ["xmllint", "--noout", "--dtdvalid", str(DTD), str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_main_job_tmx_is_dtd_valid_and_read_by_translate_toolkit(main_job):
    from translate.storage import tmx as tt_tmx

    out, _ = main_job
    tree = etree.parse(str(out / "corpus.tmx"))
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(tree), dtd.error_log
    ours = tree.findall(".//tu")
    assert len(ours) >= 50
    assert len(tt_tmx.tmxfile.parsefile(str(out / "corpus.tmx")).units) == len(ours)
    header = tree.find("header")
    assert (header.get("creationtool"), header.get("segtype"), header.get("srclang")) == (
        "mtalign",
        "sentence",
        "ko",
    )
    props = {p.get("type") for p in ours[0].findall("prop")}
    assert {"x-source-file", "x-origin", "x-score"} <= props


def test_translate_toolkit_reads_our_tbx_v2(tmp_path):
    from translate.storage import tbx as tt_tbx

    out = tmp_path / "g.tbx"
    assert run_main("glossary", "export", "--format", "tbx-v2", "-o", out).returncode == 0
    assert len(tt_tbx.tbxfile.parsefile(str(out)).units) == len(read_tbx(out)) >= 60


def test_import_language_codes_markup_and_lang_attribute(tmp_path):
    path = tmp_path / "in.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="x" '
        'creationtoolversion="1" '
        'segtype="sentence" o-tmf="x" adminlang="en" srclang="ko-KR" datatype="plaintext"/><body>\n'
        '<tu><tuv xml:lang="KO-KR"><seg>안녕 <bpt i="1">&lt;b&gt;</bpt>세계'
        '<ept i="1">&lt;/b&gt;</ept></seg></tuv>'
        '<tuv xml:lang="en-US"><seg>Hello <hi>world</hi><ph>{1}</ph></seg></tuv></tu>\n'
        '<tu><tuv lang="ko"><seg>둘</seg></tuv><tuv lang="EN"><seg>two</seg></tuv></tu>\n'
        '<tu><tuv xml:lang="ja"><seg>三</seg></tuv><tuv xml:lang="en"><seg>three</seg></tuv></tu>\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    report = TmxReadReport()
    flat = list(read_units(path, report=report))
    assert [(u.ko, u.en) for u in flat] == [("안녕 세계", "Hello world"), ("둘", "two")]
    assert report.units == 3 and len(report.skipped) == 1 and ":5:" in report.skipped[0]
    kept = list(read_units(path, keep_markup=True))
    assert kept[0].ko == '안녕 <bpt i="1">&lt;b&gt;</bpt>세계<ept i="1">&lt;/b&gt;</ept>'
    tm_path = tmp_path / "tm.db"
    result = run_main("tmx", "import", path, "--tm", tm_path)
    assert result.returncode == 0 and "2 units added" in result.stdout
    assert TranslationMemory(tm_path).exact("둘")[0].en == "two"


def test_merge_drops_duplicates_and_stays_valid(tmp_path):
    a, b, out = tmp_path / "a.tmx", tmp_path / "b.tmx", tmp_path / "c.tmx"
    _write(a, UNITS)
    _write(b, [UNITS[1], Unit("셋", "three")])
    result = run_main("tmx", "merge", a, b, "-o", out)
    assert result.returncode == 0 and "3 units written, 1 duplicates dropped" in result.stderr
    assert [u.ko for u in read_units(out)] == [UNITS[0].ko, UNITS[1].ko, "셋"]
    assert run_main("tmx", "validate", out).returncode == 0


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>&e;</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("bomb.tmx", BILLION_LAUGHS, "refused"),
        (
            "file.tmx",
            '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM '
            '"file:///etc/passwd">]>\n<tmx version="1.4"><body><tu><tuv '
            'xml:lang="ko"><seg>&x;</seg></tuv></tu></body></tmx>\n',
            "refused",
        ),
        (
            "http.tmx",
            '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM '
            '"http://127.0.0.1:9/x">]>\n<tmx version="1.4"><body><tu><tuv '
            'xml:lang="ko"><seg>&x;</seg></tuv></tu></body></tmx>\n',
            "refused",
        ),
        (
            "truncated.tmx",
            '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body>\n<tu><tuv '
            'xml:lang="ko"><seg>가',
            "truncated.tmx:3: malformed TMX",
        ),
        (
            "root.tmx",
            '<?xml version="1.0"?>\n<xliff version="1.2"><file/></xliff>\n',
            "root.tmx:2: root element is <xliff>",
        ),
    ],
)
def test_hostile_and_broken_files_are_refused_fast(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    began = time.perf_counter()
    for command in (["tmx", "import", path, "--tm", tmp_path / "tm.db"], ["tmx", "validate", path]):
        result = run_main(*command)
        assert (
            result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
        )
    assert time.perf_counter() - began < 10
    with pytest.raises(UserError):
        list(read_units(path))


_XML_ILLEGAL = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 0xFFFE, 0xFFFF)]
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


def _legal(text):
    return "".join(ch for ch in text if ch not in _XML_ILLEGAL)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=8))
def test_tmx_round_trip_is_lossless_and_reports_illegal_characters(pairs):
    units = [Unit(ko, en) for ko, en in pairs]
    buffer = io.BytesIO()
    report = write_tmx(units, buffer)
    expected_removed = sum(sum(ch in _XML_ILLEGAL for ch in ko + en) for ko, en in pairs)
    assert report.units == len(units) and report.characters_removed == expected_removed
    tree = etree.fromstring(buffer.getvalue())
    segs = [["".join(seg.itertext()) for seg in tu.iter("seg")] for tu in tree.iter("tu")]
    assert segs == [
        [_legal(ko), _legal(en)] for ko, en in pairs
    ]  # every unit written, nothing else changed


@settings(max_examples=100, deadline=None)
@given(forms=st.lists(_TEXT.map(_legal).map(str.strip).filter(bool), min_size=2, max_size=5))
def test_tbx_round_trip_is_lossless_for_arbitrary_unicode(forms):
    import tempfile

    entry = Entry(
        id="x-1",
        type="person",
        ko=[forms[0]],
        en=forms[1],
        variants=[
            Variant(form, "misspelling") for form in dict.fromkeys(forms[2:]) if form != forms[1]
        ],
        note=forms[0],
        sources=[forms[-1]],
    )
    with tempfile.TemporaryDirectory() as tmp:
        for dialect in ("tbx", "tbx-v2"):
            path = f"{tmp}/g.tbx"
            with open(path, "wb") as handle:
                write_tbx([entry], handle, dialect)
            assert read_tbx(path) == [entry]
