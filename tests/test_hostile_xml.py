"""Hostile XML: entity declarations refused wherever they hide, in any encoding; external DTD
references kept as text with their HTML entities expanded; huge files refused by size; every
refusal one line."""

import time

import pytest

from mtalign.errors import UserError
from mtalign.formats.safexml import check_prolog, check_size
from mtalign.formats.tmx import read_units
from tests.conftest import run_main

BODY = (
    '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" '
    'o-tmf="t" adminlang="en" srclang="ko" datatype="plaintext"/><body>'
    '<tu><tuv xml:lang="ko"><seg>안녕&nbsp;하세요 &amp; &eacute;</seg></tuv>'
    '<tuv xml:lang="en"><seg>Hello&nbsp;there</seg></tuv></tu></body></tmx>\n'
)
SUBSET = '<!DOCTYPE tmx [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
PROLOGS = {
    "comment with <": '<?xml version="1.0"?>\n<!-- x < y <tmx> -->\n' + SUBSET,
    "pi with <": '<?xml version="1.0"?>\n<?note <tmx> ?>\n' + SUBSET,
    "external entity": '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
    "empty subset": '<?xml version="1.0"?>\n<!DOCTYPE tmx []>\n',
}
ENCODINGS = {"utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "euc-kr": "EUC-KR", "cp949": "CP949"}


def _write(path, prolog, body=BODY, codec="utf-8"):
    data = prolog + body
    if codec != "utf-8":
        data = data.replace(
            '<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{ENCODINGS[codec]}"?>'
        )
    bom = b"\xff\xfe" if codec == "utf-16-le" else b""
    path.write_bytes(bom + data.encode(codec))
    return path


@pytest.mark.parametrize("name", sorted(PROLOGS))
def test_declarations_refused_wherever_they_sit(tmp_path, name):
    path = _write(tmp_path / "x.tmx", PROLOGS[name])
    with pytest.raises(UserError, match="refused: the file declares entities"):
        check_prolog(path)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "euc-kr", "cp949"])
def test_declarations_refused_in_any_encoding(tmp_path, codec):
    path = _write(
        tmp_path / "x.tmx", PROLOGS["comment with <"].replace("x < y", "한국 < y"), codec=codec
    )
    with pytest.raises(UserError, match="refused"):
        check_prolog(path)


READERS = [
    ("tmx", "import", "--tm", "t.db", "-q"),
    ("glossary", "import", "--format", "tbx"),
    ("xliff", "import", "--tm", "t.db"),
]


@pytest.mark.parametrize("command", READERS + [("tmx", "validate")])
def test_every_xml_entry_point_refuses_with_one_line(tmp_path, monkeypatch, command):
    path = _write(tmp_path / "x.xml", PROLOGS["pi with <"], codec="utf-16")
    monkeypatch.chdir(tmp_path)  # t.db lands here
    result = run_main(*command[:2], path, *command[2:])
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("mtalign: error:") and "refused" in line


def test_external_dtd_reference_is_text_and_html_entities_expand(tmp_path):
    path = _write(tmp_path / "x.tmx", '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    (unit,) = read_units(path)
    assert (unit.ko, unit.en) == ("안녕\u00a0하세요 & é", "Hello\u00a0there")


@pytest.mark.parametrize("codec", ["utf-8", "euc-kr"])
def test_tmx_merge_of_a_file_with_a_doctype_is_readable_by_mtalign(tmp_path, codec):
    path = _write(
        tmp_path / "x.tmx",
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
        codec=codec,
    )
    result = run_main("tmx", "merge", path, "-o", tmp_path / "m.tmx")
    assert result.returncode == 0, result.stderr
    assert "&nbsp;" not in (tmp_path / "m.tmx").read_text(encoding="utf-8")
    (unit,) = read_units(tmp_path / "m.tmx")
    assert unit.ko == "안녕\u00a0하세요 & é"


def test_an_entity_html_does_not_define_is_one_line_with_its_line(tmp_path):
    path = _write(
        tmp_path / "x.tmx",
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "t.dtd">\n',
        body=BODY.replace("&eacute;", "\n&nosuch;"),
    )
    with pytest.raises(UserError, match=r"x.tmx:3: undefined entity &nosuch;"):
        list(read_units(path))


def test_malformed_xml_messages_are_one_line(tmp_path):
    broken = {
        "a.tbx": "<?xml version='1.0'?>\n<tbx><text>\n<body></text>",
        "b.tbx": "\ufeff\n\n<<<",
        "c.tbx": "<?xml version='1.0' encoding='nonesuch'?><tbx/>",
        "d.tbx": "<tbx>" + "<a>" * 300,
    }
    for name, text in broken.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run_main("glossary", "import", tmp_path / name, "--format", "tbx")
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, (
            result.stderr
        )


def test_no_root_in_the_first_mebibyte_is_refused_without_reading_on(tmp_path):
    path = tmp_path / "x.tmx"
    path.write_text(
        "<?xml version='1.0'?>\n<!--" + " " * (3 << 20) + "-->\n<tmx/>", encoding="utf-8"
    )
    with pytest.raises(UserError, match="no root element in the first 1 MiB"):
        check_prolog(path)


@pytest.mark.parametrize("command", READERS)
def test_a_1_gib_sparse_file_is_refused_at_once(tmp_path, monkeypatch, command):
    path = tmp_path / "huge.xml"
    with open(path, "wb") as handle:
        handle.truncate(1 << 30)
    monkeypatch.chdir(tmp_path)  # t.db lands here
    started = time.monotonic()
    result = run_main(*command[:2], path, *command[2:])
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert time.monotonic() - started < 5


def test_files_parsed_whole_are_refused_by_size_before_reading(tmp_path):
    path = tmp_path / "x.tbx"
    path.write_bytes(b"\x00" * 4096)
    path.chmod(0)  # not even readable: the size alone decides
    with pytest.raises(UserError, match="refused: 0 MiB is over the 0 MiB"):
        check_size(path, limit=1000)


def test_tbx_behind_an_external_dtd_gets_its_html_entities_expanded(tmp_path):
    from mtalign.formats.tbx import read_tbx

    path = tmp_path / "g.tbx"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "TBXcoreStructV03.dtd">\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        '<text><body><conceptEntry id="kim"><descrip type="subjectField">person</descrip>'
        '<langSec xml:lang="ko"><termSec><term>김정은</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>Kim&nbsp;Jong&#8209;un</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    (entry,) = read_tbx(path)
    assert entry.en == "Kim\u00a0Jong\u2011un"
