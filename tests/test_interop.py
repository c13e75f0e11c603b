"""Real files from CAT tools and libraries (tests/data/interop/): every file read right or
refused in one line, checked against an independent lxml/XPath reading of the same file."""

import csv
import io
import re
import shutil
import subprocess

import pytest
from lxml import etree

from mtalign.errors import UserError
from mtalign.formats.tbx import TbxReadReport, read_tbx
from mtalign.formats.tmx import DTD_FILE, TmxReadReport, merge, read_units, validate
from mtalign.formats.xliff import NS as XLIFF_NS
from mtalign.formats.xliff import read_xliff
from mtalign.tm.pretranslate import XliffImportReport, reviewed_units
from tests.conftest import REPO, SEEDS, run_cli, run_main
from tests.test_cat_tools import needs_omegat

CORPUS = REPO / "tests" / "data" / "interop"
FILES = sorted(path for path in CORPUS.iterdir() if path.name not in ("MANIFEST.tsv", "README.md"))
# Not well-formed XML (undeclared namespace prefix, a namespace name that is not a URI): refused.
REFUSED = {"matecat__v1-duplicate-ids.xliff", "matecat__with-segment-state.xliff"}
XML = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML}}}lang"
NOT_CODE = (
    "[not(ancestor::*[local-name()='bpt' or local-name()='ept' or local-name()='ph' "
    "or local-name()='it' or local-name()='ut'])]"
)
PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True
)
needs_xmllint = pytest.mark.skipif(
    not shutil.which("xmllint"), reason="xmllint (libxml2-utils) is not installed"
)


def _manifest():
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_manifest_names_every_file_with_its_source_and_licence():
    rows = _manifest()
    assert sorted(row["file"] for row in rows) == [path.name for path in FILES]
    for row in rows:
        assert (
            row["repository"].count("/") == 1
            and re.fullmatch(r"[0-9a-f]{40}", row["commit"])
            and row["licence"]
        )
    assert len(FILES) >= 80 and len({row["tool"] for row in rows}) >= 10
    assert max(path.stat().st_size for path in FILES) < 200_000
    assert sum(path.stat().st_size for path in FILES) < 5_000_000


def _base(code):
    return (code or "").replace("_", "-").split("-")[0].lower()


def _text(element):
    return "".join(element.xpath(f".//text(){NOT_CODE}")) if element is not None else ""


# --- independent readers (XPath over the whole tree) ----------------------------------------


def _xpath_tmx(path):
    tree = etree.parse(str(path), PARSER)
    units, pairs = 0, []
    for tu in tree.xpath("//tu"):
        units += 1
        texts = {}
        for tuv in tu.xpath("tuv"):
            seg = tuv.xpath("seg")
            texts.setdefault(
                _base(tuv.get(XML_LANG) or tuv.get("lang")), _text(seg[0] if seg else None)
            )
        if texts.get("ko") and texts.get("en"):
            pairs.append((texts["ko"], texts["en"]))
    return units, pairs


def _xpath_xliff(path):
    root = etree.parse(str(path), PARSER).getroot()
    if root.get("version") == "2.0":
        languages = (root.get("srcLang") or "", root.get("trgLang") or "")
        return [
            (_maybe(_one(s, "source")) or "", _maybe(_one(s, "target")), languages)
            for s in root.xpath("//*[local-name()='segment']")
        ]
    units = []
    for tu in root.xpath("//*[local-name()='trans-unit']"):
        file = tu.xpath("ancestor::*[local-name()='file'][1]")[0]
        languages = (file.get("source-language") or "", file.get("target-language") or "")
        units.append((_maybe(_one(tu, "source")) or "", _maybe(_one(tu, "target")), languages))
    return units


def _one(element, name):
    found = element.xpath(f"*[local-name()='{name}']")
    return found[0] if found else None


def _maybe(element):
    return None if element is None else _layout(_text(element), element)


def _layout(text, element):
    """Pretty-printing's line breaks and indentation around a segment are not text, unless
    xml:space="preserve" is in force."""
    spaces = [e.get(f"{{{XML}}}space") for e in element.iterancestors()][::-1]
    spaces.append(element.get(f"{{{XML}}}space"))
    if [space for space in spaces if space][-1:] == ["preserve"]:
        return text
    return re.sub(r"^\s*\n\s*|\s*\n\s*$", "", text)


def _xpath_tbx(path):
    root = etree.parse(str(path), PARSER).getroot()
    concepts = root.xpath("//*[local-name()='termEntry' or local-name()='conceptEntry']")
    expected = []
    for concept in concepts:
        terms = {"ko": [], "en": []}
        for lang_sec in concept.xpath("*[local-name()='langSet' or local-name()='langSec']"):
            code = lang_sec.get(XML_LANG, "").lower()
            if _base(code) in terms and "hani" not in code:
                for term in lang_sec.xpath(".//*[local-name()='term']"):
                    if term.xpath("string()").strip():
                        terms[_base(code)].append(term.xpath("string()").strip())
        if terms["ko"] and terms["en"]:
            expected.append((terms["ko"], terms["en"][0]))
    return len(concepts), expected


# --- every file ------------------------------------------------------------------------------


def _check_tmx(path):
    report = TmxReadReport()
    units = list(read_units(path, report=report))
    units_expected, pairs = _xpath_tmx(path)
    assert report.units == units_expected
    assert [(unit.ko, unit.en) for unit in units] == pairs


def _check_xliff(path):
    units = read_xliff(path)
    assert [(u.source, u.target, u.languages) for u in units] == _xpath_xliff(path)
    report = XliffImportReport()
    imported = list(reviewed_units(units, str(path), report))
    pairs = {tuple(_base(code) for code in unit.languages) for unit in units}
    if pairs <= {("ko", "en"), ("en", "ko")}:
        assert not report.other_pairs
        sides = {
            (u.source, u.target) if _base(u.languages[0]) == "ko" else (u.target, u.source)
            for u in units
        }
        assert all((unit.ko, unit.en) in sides for unit in imported)  # the right way round
    else:
        assert not imported and sum(report.other_pairs.values()) == len(units)


def _check_tbx(path):
    report = TbxReadReport()
    entries = read_tbx(path, report)
    concepts, expected = _xpath_tbx(path)
    assert report.concepts == concepts and len(report.skipped) == concepts - len(expected)
    assert [(entry.ko, entry.en) for entry in entries] == expected


CHECKS = {
    ".tmx": _check_tmx,
    ".tbx": _check_tbx,
    ".xlf": _check_xliff,
    ".xliff": _check_xliff,
    ".xliff2": _check_xliff,
}


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_corpus_file_is_read_as_an_independent_reader_reads_it_or_refused_in_one_line(path):
    check = CHECKS[path.suffix]
    if path.name in REFUSED:
        with pytest.raises(UserError) as refusal:
            check(path)
        message = str(refusal.value)
        assert "\n" not in message and re.match(rf"{re.escape(str(path))}:\d+: \S", message)
    else:
        check(path)


def test_korean_copies_enter_the_tm_and_foreign_pairs_do_not():
    """The relabelled copies are where the Korean-English checks above have something to see."""
    korean = [path for path in FILES if path.name.startswith("ko-relabel__")]
    assert sum(1 for path in korean if path.suffix == ".tbx" and read_tbx(path)) >= 6
    assert sum(1 for path in korean if path.suffix == ".tmx" and list(read_units(path))) >= 6
    for name, count in (
        ("ko-relabel__RB-12-Test02.xlf", 7),
        ("ko-relabel__Manual-12-AltTrans.xlf", 2),
        ("ko-relabel__JMP-11-Test01.xlf", 9),
        ("ko-relabel__ExportTest1E.xlf", 4),
    ):
        units = read_xliff(CORPUS / name)
        imported = list(reviewed_units(units, name))
        korean_first = units[0].languages[0].lower().startswith("ko")
        assert len(imported) == count
        assert [(u.ko, u.en) for u in imported] == [
            (u.source, u.target) if korean_first else (u.target, u.source)
            for u in units
            if u.target
        ]


def test_a_space_between_inline_elements_is_text(tmp_path):
    path = tmp_path / "g.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="a" '
        'source-language="en" target-language="ko" datatype="plaintext"><body><trans-unit id="1">'
        '<source><g id="1">Hello</g> <g id="2">World</g></source>'
        '<target><g id="1">안녕</g> <g id="2">세계</g></target>'
        '</trans-unit><trans-unit id="2"/></body></file></xliff>',
        encoding="utf-8",
    )
    units = read_xliff(path)
    assert [(u.source, u.target) for u in units] == [("Hello World", "안녕 세계"), ("", None)]
    assert [(u.ko, u.en) for u in reviewed_units(units, "g")] == [("안녕 세계", "Hello World")]


# --- tmx validate against xmllint --------------------------------------------------------------


def _xmllint_valid(path):
    result = subprocess.run(
        ["xmllint", "--noout", "--nonet", "--dtdvalid", DTD_FILE, str(path)],
        capture_output=True,
        text=True,
    )
    return result.returncode == 0


TMX_FILES = [path for path in FILES if path.suffix == ".tmx"]


@needs_xmllint
@pytest.mark.parametrize("path", TMX_FILES, ids=[path.name for path in TMX_FILES])
def test_validate_agrees_with_xmllint_on_the_corpus(path):
    assert (not validate(path).dtd) == _xmllint_valid(path)


HEADER = (
    '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" '
    'srclang="ko" datatype="plaintext"/>'
)
VALID_TU = '<tu><tuv xml:lang="ko"><seg>가</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu>'
INVALID_TUS = {
    "two segs": '<tu><tuv xml:lang="ko"><seg>가</seg><seg>나</seg></tuv></tu>',
    "note after seg": '<tu><tuv xml:lang="ko"><seg>가</seg><note>n</note></tuv></tu>',
    "prop after seg": '<tu><tuv xml:lang="ko"><seg>가</seg><prop type="x">p</prop></tuv></tu>',
    "undeclared element in seg": '<tu><tuv xml:lang="ko"><seg>가<b>나</b></seg></tuv></tu>',
    "bpt without i": '<tu><tuv xml:lang="ko"><seg><bpt>&lt;b&gt;</bpt>가</seg></tuv></tu>',
    "prop without type": '<tu><prop>p</prop><tuv xml:lang="ko"><seg>가</seg></tuv></tu>',
    "bad segtype": '<tu segtype="chapter"><tuv xml:lang="ko"><seg>가</seg></tuv></tu>',
    "undeclared attribute": '<tu colour="red"><tuv xml:lang="ko"><seg>가</seg></tuv></tu>',
}


@needs_xmllint
@pytest.mark.parametrize("body", [VALID_TU, *INVALID_TUS.values()], ids=["valid", *INVALID_TUS])
def test_validate_agrees_with_xmllint_on_invalid_files(tmp_path, body):
    path = tmp_path / "t.tmx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">{HEADER}\n<body>\n{body}\n'
        "</body></tmx>\n",
        encoding="utf-8",
    )
    result = validate(path)
    assert (not result.dtd) == _xmllint_valid(path) == (body == VALID_TU)
    assert all(re.match(rf"{re.escape(str(path))}:\d+: ", problem) for problem in result.problems)


def test_validate_checks_what_the_dtd_cannot(tmp_path):
    path = tmp_path / "t.tmx"
    path.write_text(
        f'<tmx version="1.4">{HEADER}<body><tu><tuv xml:lang="english!"><seg>a</seg></tuv>'
        '<tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    result = validate(path)
    assert not result.dtd
    assert any("not a language code" in p for p in result.other)
    assert any("no <tuv> in its source language 'ko'" in p for p in result.other)


# --- tmx merge ---------------------------------------------------------------------------------


def _tmx_count(path):
    return len(etree.parse(str(path), PARSER).xpath("//tu"))


@needs_xmllint
def test_merging_the_whole_corpus_gives_valid_tmx_1_4b_and_reports_header_disagreements(tmp_path):
    inputs = [
        str(p) for p in TMX_FILES if p.name != "okapi__html_test.tmx"
    ]  # its <prop>s lack type
    out = tmp_path / "merged.tmx"
    with out.open("wb") as handle:
        report = merge(inputs, handle)
    assert _xmllint_valid(out)
    assert report.kept + report.dropped == sum(
        _tmx_count(p) for p in inputs
    ) and report.kept == _tmx_count(out)
    assert any(
        line.startswith("header srclang:") and line.endswith("the merge has *all*")
        for line in report.disagreements
    )
    root = etree.parse(str(out)).getroot()
    assert root.find("header").get("srclang") == "*all*" and all(
        tu.get("srclang") for tu in root.iter("tu")
    )
    assert not root.xpath("//*[@lang]") and root.find("header/ude[@name='MacRoman']") is not None


def test_merge_keeps_headers_and_units_that_differ_only_in_markup(tmp_path):
    a, b, out = tmp_path / "a.tmx", tmp_path / "b.tmx", tmp_path / "out.tmx"
    tu = '<tu><tuv lang="ko"><seg>{}</seg></tuv><tuv lang="en"><seg>a</seg></tuv></tu>'
    plain, coded = tu.format("가"), tu.format('<ph x="1"/>가')
    a.write_text(
        f'<tmx version="1.1"><header creationtool="A" creationtoolversion="1" segtype="sentence" '
        'o-tmf="a" adminlang="en" srclang="ko" datatype="plaintext"><prop type="x-a">1</prop>'
        f"<note>from A</note></header><body>{plain}{coded}</body></tmx>",
        encoding="utf-8",
    )
    b.write_text(
        f'<tmx version="1.4"><header creationtool="B" creationtoolversion="2" segtype="sentence" '
        'o-tmf="b" adminlang="en" srclang="ko" datatype="html"><note>from B</note></header>'
        f"<body>{plain.replace(' lang', ' xml:lang')}</body></tmx>",
        encoding="utf-8",
    )
    with out.open("wb") as handle:
        report = merge([str(a), str(b)], handle)
    assert (report.kept, report.dropped) == (2, 1)
    header = etree.parse(str(out)).getroot().find("header")
    assert header.get("creationtool") == "A" and header.get("srclang") == "ko"
    assert [n.text for n in header.findall("note")] == ["from A", "from B"] and header.find(
        "prop"
    ).text == "1"
    assert (
        "header datatype: the inputs say plaintext, html; the merge has plaintext"
        in report.disagreements
    )
    assert not validate(out).problems


# --- inline markup end to end, exports valid and read by other tools ----------------------------

SCHEMAS = REPO / "tests" / "data" / "schemas"
MARKUP_FILES = [
    CORPUS / "ko-relabel__ExportTest2A.tmx",
    CORPUS / "ko-relabel__ImportTest2C-tmx1.3.tmx",
    CORPUS / "ko-relabel__mytm-utf-16-le.tmx",
]


def _xliff_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd")))


def test_markup_is_kept_as_elements_from_import_through_the_tm_to_tmx_and_xliff(tmp_path):
    tm, out, xlf, doc = (
        tmp_path / "tm.db",
        tmp_path / "out.tmx",
        tmp_path / "out.xlf",
        tmp_path / "doc.txt",
    )
    assert (
        run_cli("tmx", "import", *MARKUP_FILES, "--tm", tm, "--markup", "keep", "-q").returncode
        == 0
    )
    assert run_cli("tmx", "export", "--tm", tm, "-o", out).returncode == 0
    expected = [(u.ko, u.en) for path in MARKUP_FILES for u in read_units(path, keep_markup=True)]
    assert [(u.ko, u.en) for u in read_units(out, keep_markup=True)] == list(
        dict.fromkeys(expected)
    )
    assert "<bpt" in out.read_text(encoding="utf-8") and not validate(out).problems
    doc.write_text("Le gros chat noir dors.\n", encoding="utf-8")
    assert run_cli("xliff", "export", doc, "--tm", tm, "-o", xlf).returncode == 0
    tree = etree.parse(str(xlf))
    assert _xliff_schema().validate(tree), _xliff_schema().error_log
    (target,) = tree.iter(f"{{{XLIFF_NS}}}target")
    assert [etree.QName(e).localname for e in target] == ["bpt", "ept", "bpt", "ept"]
    assert "".join(target.itertext()) == "The big <b>black</b> <u>cat</u> sleeps."


def test_xliff_export_is_strictly_valid_with_its_tool_and_english_segments_not_for_translation(
    tmp_path,
):
    from translate.storage import xliff as tt_xliff

    xlf = tmp_path / "doc.xlf"
    result = run_main("xliff", "export", SEEDS / "003_9b9c44b580370e6b.txt", "-o", xlf)
    assert result.returncode == 0
    tree = etree.parse(str(xlf))
    assert _xliff_schema().validate(tree), _xliff_schema().error_log
    file = tree.getroot()[0]
    assert file.find(f"{{{XLIFF_NS}}}header/{{{XLIFF_NS}}}tool").get("tool-id") == file.get(
        "tool-id"
    )
    units = read_xliff(xlf)
    assert any(u.source.startswith("러시아 푸틴") and u.translate for u in units)
    assert not any(u.translate for u in units if u.source.startswith("SEOUL"))
    toolkit = tt_xliff.xlifffile.parsefile(str(xlf)).units
    assert [u.source for u in toolkit] == [u.source for u in units]


def test_tbx_exports_are_valid_and_translate_toolkit_reads_v2_korean_to_english(tmp_path):
    from translate.storage import tbx as tt_tbx

    v3, v2 = tmp_path / "g3.tbx", tmp_path / "g2.tbx"
    assert run_cli("glossary", "export", "--format", "tbx", "-o", v3).returncode == 0
    assert run_cli("glossary", "export", "--format", "tbx-v2", "-o", v2).returncode == 0
    schema = etree.RelaxNG(etree.parse(str(SCHEMAS / "TBXcoreStructV03_TBX-Basic_integrated.rng")))
    assert schema.validate(etree.parse(str(v3))), schema.error_log
    entries = read_tbx(v2)
    assert any(entry.hanja for entry in entries) and entries == read_tbx(v3)
    units = tt_tbx.tbxfile.parsefile(str(v2)).units
    assert [(u.source, u.target) for u in units] == [(e.ko[0], e.en) for e in entries]


def test_translate_toolkit_reads_our_tmx_with_the_same_units(tmp_path):
    from translate.storage import tmx as tt_tmx

    tm, out = tmp_path / "tm.db", tmp_path / "out.tmx"
    assert (
        run_cli("tmx", "import", CORPUS / "ko-relabel__mytm.tmx", "--tm", tm, "-q").returncode == 0
    )
    assert run_cli("tmx", "export", "--tm", tm, "-o", out).returncode == 0
    ours = [(u.ko, u.en) for u in read_units(out)]
    theirs = [(u.source, u.target) for u in tt_tmx.tmxfile.parsefile(str(out)).units]
    assert (
        ours
        == theirs
        == list(dict.fromkeys((u.ko, u.en) for u in read_units(CORPUS / "ko-relabel__mytm.tmx")))
    )


# --- refusals and small inputs that used to crash ------------------------------------------------


@pytest.mark.parametrize(
    "command", [["tmx", "export", "-o", "{out}"], ["xliff", "export", "{doc}", "-o", "{out}"]]
)
def test_a_missing_tm_is_refused_in_one_line(tmp_path, command):
    doc, out = tmp_path / "doc.txt", tmp_path / "out.x"
    doc.write_text("가.\n", encoding="utf-8")
    args = [part.format(out=out, doc=doc) for part in command]
    result = run_cli(*args, "--tm", tmp_path / "typo.db")
    assert (
        result.returncode == 2
        and result.stderr.count("\n") == 1
        and "typo.db: no such translation memory" in result.stderr
    )
    assert not (tmp_path / "typo.db").exists() and not out.exists()


def test_tbx_and_tmx_oddities_do_not_crash(tmp_path):
    tbx = tmp_path / "odd.tbx"
    tbx.write_text(
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"><text><body>'
        '<conceptEntry id="A 1"><descrip type="subjectField"/><admin type="source"/>'
        '<langSec xml:lang="ko-KR"><termSec/>'
        "<termSec><term>김정은</term></termSec></langSec>"
        '<langSec xml:lang="en-US"><termSec><termNote type="termType">variant</termNote></termSec>'
        "<termSec><term>Kim Jong-un</term></termSec></langSec></conceptEntry>"
        '<conceptEntry><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec>'
        "</conceptEntry>"
        "</body></text></tbx>",
        encoding="utf-8",
    )
    report = TbxReadReport()
    (entry,) = read_tbx(tbx, report)
    assert (entry.id, entry.type, entry.ko, entry.en, entry.sources) == (
        "a-1",
        "other",
        ["김정은"],
        "Kim Jong-un",
        [],
    )
    assert report.concepts == 2 and len(report.skipped) == 1
    martif = tmp_path / "odd-v2.tbx"
    martif.write_text(
        '<martif type="TBX"><text><body><termEntry><descrip type="definition"/>'
        '<langSet xml:lang="ko"><tig/><ntig><termGrp><term>평양</term></termGrp></ntig></langSet>'
        '<langSet xml:lang="en"><tig><term>Pyongyang</term></tig></langSet></termEntry>'
        "</body></text></martif>",
        encoding="utf-8",
    )
    assert [(e.ko, e.en) for e in read_tbx(martif)] == [(["평양"], "Pyongyang")]
    tmx = tmp_path / "odd.tmx"
    tmx.write_text(
        f'<tmx version="1.4">{HEADER}<body><tu><prop type="x-score">abc</prop>'
        '<tuv xml:lang="ko"><seg>가</seg></tuv>'
        '<tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>',
        encoding="utf-8",
    )
    (unit,) = read_units(tmx)
    assert unit.score is None and (unit.ko, unit.en) == ("가", "a")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp949"])
def test_glossary_csv_import_reads_excel_encodings(tmp_path, encoding):
    from mtalign.formats.glossary_csv import read_csv, write_csv
    from mtalign.types import Entry

    entries = [
        Entry(id="kim-jong-un", type="person", ko=["김정은"], en="Kim Jong-un", note="북한 지도자")
    ]
    buffer = io.StringIO()
    write_csv(entries, buffer)
    path = tmp_path / "g.csv"
    path.write_bytes(buffer.getvalue().lstrip("\ufeff").encode(encoding))
    found = []
    assert read_csv(path, found) == entries and found[0].replace("-sig", "") == encoding.replace(
        "-sig", ""
    )
    result = run_cli("glossary", "import", path, "--format", "csv", "-o", tmp_path / "g.tsv")
    assert result.returncode == 0 and ("read as CP949" in result.stderr) == (encoding == "cp949")


@pytest.mark.slow
@needs_omegat
def test_omegat_reads_our_pretranslated_xliff_with_the_same_units(tmp_path):
    from tests.test_cat_tools import PARALLEL, aligned_tmx, omegat_project, omegat_translate

    project, tm = omegat_project(tmp_path / "project"), tmp_path / "tm.db"
    tmx = aligned_tmx(tmp_path / "a.tmx")
    assert run_cli("tmx", "import", tmx, "--tm", tm, "-q").returncode == 0
    source = project / "source" / "doc.xlf"
    assert (
        run_cli(
            "xliff", "export", PARALLEL / "supercomputer.ko.txt", "--tm", tm, "-o", source
        ).returncode
        == 0
    )
    omegat_translate(project, tmp_path / "cfg")
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    assert re.search(
        r"^Total:\s+10\s", stats, re.M
    )  # OmegaT's XLIFF filter reads the units' targets
    ours, theirs = read_xliff(source), read_xliff(project / "target" / "doc.xlf")
    assert [(u.source, u.target) for u in theirs] == [(u.source, u.target) for u in ours] and len(
        ours
    ) == 10


KOREAN_FILES = [path for path in FILES if path.name.startswith("ko-relabel__")]


@pytest.mark.parametrize("path", KOREAN_FILES, ids=[path.name for path in KOREAN_FILES])
def test_korean_corpus_files_round_trip_through_import_and_export(path, tmp_path):
    from mtalign.formats.tbx import write_tbx
    from mtalign.formats.tmx import write_tmx
    from mtalign.tm import TranslationMemory

    if path.suffix == ".tbx":
        entries = read_tbx(path)
        for dialect in ("tbx", "tbx-v2"):
            with (tmp_path / dialect).open("wb") as handle:
                write_tbx(entries, handle, dialect)
            assert read_tbx(tmp_path / dialect) == entries
        return
    keep = path.suffix == ".tmx"
    if keep:
        units = list(read_units(path, keep_markup=True))
    else:
        units = list(reviewed_units(read_xliff(path), path.name))
    tm = TranslationMemory(tmp_path / "tm.db")
    tm.add(units)
    with (tmp_path / "out.tmx").open("wb") as handle:
        write_tmx(tm.units(), handle)
    back = [(u.ko, u.en) for u in read_units(tmp_path / "out.tmx", keep_markup=keep)]
    assert back == list(dict.fromkeys((u.ko, u.en) for u in units))
    assert not validate(tmp_path / "out.tmx").problems


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_cli_refuses_a_broken_corpus_file_in_one_line(name, tmp_path):
    result = run_cli("xliff", "import", CORPUS / name, "--tm", tmp_path / "tm.db")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert re.match(
        rf"mtalign: error: {re.escape(str(CORPUS / name))}:\d+: malformed XML", result.stderr
    )


def test_every_kept_markup_of_the_corpus_makes_strictly_valid_xliff(tmp_path):
    from mtalign.formats.xliff import XliffUnit, write_xliff

    tmx = [path for path in KOREAN_FILES if path.suffix == ".tmx"]
    units = [unit for path in tmx for unit in read_units(path, keep_markup=True)]
    xliff = [
        XliffUnit(str(n), u.ko, u.en, "translated", target_markup=True) for n, u in enumerate(units)
    ]
    with (tmp_path / "m.xlf").open("wb") as handle:
        write_xliff([("m.txt", xliff)], handle)
    tree = etree.parse(str(tmp_path / "m.xlf"))
    assert _xliff_schema().validate(tree), _xliff_schema().error_log
    targets = tree.iter(f"{{{XLIFF_NS}}}target")
    names = {etree.QName(e).localname for target in targets for e in target.iter()}
    assert {"bpt", "ept", "ph", "it", "mrk", "sub"} <= names


def _toolkit_count(path):
    """Units as translate-toolkit counts them (its TBX reader knows only TBX v2 <martif>)."""
    from translate.storage import tbx, tmx, xliff, xliff2

    if path.suffix == ".tmx":
        return len(tmx.tmxfile.parsefile(str(path)).units)
    if path.suffix == ".tbx":
        return len(tbx.tbxfile.parsefile(str(path)).units)
    version_2 = b"document:2.0" in path.read_bytes()[:3000]
    storage = xliff2.Xliff2File if version_2 else xliff.xlifffile
    return len(storage.parsefile(str(path)).units)


def _our_count(path):
    if path.suffix == ".tmx":
        report = TmxReadReport()
        list(read_units(path, report=report))
        return report.units
    if path.suffix == ".tbx":
        report = TbxReadReport()
        read_tbx(path, report)
        return report.concepts
    return len(read_xliff(path))


TOOLKIT_FILES = [
    path
    for path in FILES
    if path.name not in REFUSED and not (path.suffix == ".tbx" and b"<tbx" in path.read_bytes())
]


@pytest.mark.parametrize("path", TOOLKIT_FILES, ids=[path.name for path in TOOLKIT_FILES])
def test_translate_toolkit_counts_the_same_units(path):
    assert _our_count(path) == _toolkit_count(path)


@needs_xmllint
def test_validate_in_chunks_reports_each_problem_once_with_its_line(tmp_path):
    path = tmp_path / "big.tmx"
    units = [VALID_TU] * 2500
    units[1700] = INVALID_TUS["two segs"]
    header = HEADER.replace(' datatype="plaintext"', "")  # a header problem, seen by every chunk
    path.write_text(
        f'<tmx version="1.4">{header}\n<body>\n' + "\n".join(units) + "\n</body></tmx>\n",
        encoding="utf-8",
    )
    result = validate(path)
    assert len(result.dtd) == 2 and _xmllint_valid(path) is False
    assert result.dtd[0].startswith(f"{path}:1: ") and "datatype" in result.dtd[0]
    assert result.dtd[1].startswith(f"{path}:1703: ") and "tuv" in result.dtd[1]


def test_a_large_valid_file_stays_valid_whatever_the_parser_has_read_ahead(tmp_path):
    path = tmp_path / "large.tmx"
    units = (VALID_TU.replace("가", f"가 {n} <ph x='1'/>") for n in range(10000))
    path.write_text(
        f'<tmx version="1.4">{HEADER}\n<body>\n' + "\n".join(units) + "\n</body></tmx>\n",
        encoding="utf-8",
    )
    assert validate(path).problems == []
