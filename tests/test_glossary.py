"""The curated glossary, its lookup, its exchange formats and bad input."""

import configparser
import io
import json
import sysconfig
import time

import pytest
from lxml import etree

import mtalign.glossary.store as store
from mtalign.errors import UserError
from mtalign.formats.glossary_csv import read_csv, write_csv
from mtalign.formats.tbx import NS, read_tbx, write_tbx
from mtalign.glossary.lookup import Lookup
from mtalign.glossary.store import COLUMNS, load_glossary, read_tsv, shipped_glossaries
from tests.conftest import REPO, run_cli, run_main


@pytest.fixture(scope="module")
def lookup():
    return Lookup()


def _top(lookup, query):
    hits = lookup.lookup(query)
    assert hits, f"nothing for {query!r}"
    return hits[0]


def test_curated_glossary_size_and_kinds():
    glossary = load_glossary()
    assert not glossary.conflicts
    seeds = read_tsv(REPO / "glossaries" / "ko-en-news.tsv")
    assert len(seeds) >= 60
    assert {"person", "organization", "place", "office", "treaty", "media"} <= {
        entry.type for entry in seeds
    }
    assert all(
        entry.note and entry.sources for entry in seeds
    )  # every seed entry says where it was seen
    assert all(entry.note for entry in glossary.entries.values())


def test_every_seed_entity_found_by_every_form(lookup):
    for entry in load_glossary().entries.values():
        for form in [*entry.ko, *entry.english_forms()]:
            ids = [hit.entry.id for hit in lookup.lookup(form) if hit.score >= 0.98]
            assert entry.id in ids, f"{form!r} does not find {entry.id}"


@pytest.mark.parametrize(
    "query", ["Kim Jong Un", "kim jong-un", "KIM JONG-UN", "김정은", "Kim Jong-un"]
)
def test_case_hyphen_space_insensitive(lookup, query):
    hit = _top(lookup, query)
    assert hit.entry.id == "kim-jong-un" and hit.score >= 0.98
    assert (
        hit.entry.english("yonhap") == "Kim Jong-un" and hit.entry.english("kcna") == "Kim Jong Un"
    )


def test_misspellings_are_fuzzy_hits_with_a_score(lookup):
    hit = _top(lookup, "Kim Jung-il")
    assert hit.entry.english() == "Kim Jong-il"
    unseen = _top(lookup, "Kim Jong-ill")  # a misspelling the glossary does not list
    assert unseen.entry.id == "kim-jong-il" and unseen.match == "fuzzy" and 0.75 <= unseen.score < 1


def test_prefixes_in_both_scripts(lookup):
    assert _top(lookup, "Vostochny").entry.english() == "Vostochny Cosmodrome"
    assert {hit.entry.ko[0] for hit in lookup.lookup("김정")} >= {"김정은", "김정일"}


def test_hangul_finds_an_entry_known_only_in_english(tmp_path):
    user = tmp_path / "user.tsv"
    user.write_text(
        "\t".join(COLUMNS) + "\nvladivostok\tplace\t\t\tVladivostok\t\t\t\t\tPort city.\t\n",
        encoding="utf-8",
    )
    hit = Lookup([*shipped_glossaries(), user]).lookup("블라디보스토크")[0]
    assert hit.entry.id == "vladivostok" and hit.match == "romanized"


def test_layering_user_file_overrides_shipped(tmp_path):
    user = tmp_path / "user.tsv"
    user.write_text(
        "\t".join(COLUMNS)
        + "\nchang-ho-jin\tperson\t장호진\t\tJang Ho-jin\t\t\t\t\tHouse choice.\t\n",
        encoding="utf-8",
    )
    glossary = load_glossary([*shipped_glossaries(), user])
    assert glossary.entries["chang-ho-jin"].en == "Jang Ho-jin"


def test_an_installed_wheel_finds_the_glossaries_it_ships(tmp_path, monkeypatch):
    """Installed from a wheel, the package has no glossaries/ beside it: the copy setup.cfg's
    data_files put under <prefix>/share/mtalign/glossaries is used."""
    shipped = configparser.ConfigParser()
    shipped.read(REPO / "setup.cfg")
    assert "glossaries/*.tsv" in shipped["options.data_files"]["share/mtalign/glossaries"]
    prefix = tmp_path / "prefix"
    installed = prefix / "share" / "mtalign" / "glossaries"
    installed.mkdir(parents=True)
    (installed / "ko-en-news.tsv").write_text("\t".join(COLUMNS) + "\n", encoding="utf-8")
    monkeypatch.delenv("MTALIGN_GLOSSARIES", raising=False)
    site_copy = tmp_path / "site" / "mtalign" / "glossary" / "store.py"
    monkeypatch.setattr(store, "__file__", str(site_copy))
    monkeypatch.setattr(sysconfig, "get_path", lambda name: str(prefix))
    assert shipped_glossaries() == [installed / "ko-en-news.tsv"]


def test_index_is_rebuilt_when_the_tsv_changes(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(
        "\t".join(COLUMNS) + "\nseoul\tplace\t서울\t\tSeoul\t\t\t\t\tCapital.\t\n", encoding="utf-8"
    )
    assert Lookup([path]).lookup("서울")[0].entry.en == "Seoul"
    time.sleep(0.01)
    path.write_text(
        "\t".join(COLUMNS) + "\nseoul\tplace\t서울\t\tSeoul City\t\t\t\t\tCapital.\t\n",
        encoding="utf-8",
    )
    assert Lookup([path]).lookup("서울")[0].entry.en == "Seoul City"


def test_index_cache_keeps_the_most_recently_used_indexes(tmp_path, monkeypatch):
    from mtalign.glossary.index import MAX_INDEXES

    monkeypatch.setenv("MTALIGN_CACHE", str(tmp_path / "cache"))
    files = []
    for number in range(MAX_INDEXES + 2):
        files.append(tmp_path / f"g{number}.tsv")
        files[-1].write_text(
            "\t".join(COLUMNS) + f"\nseoul\tplace\t서울\t\tSeoul {number}\t\t\t\t\t\t\n",
            encoding="utf-8",
        )

    def index_of(path):
        before = set((tmp_path / "cache").glob("*.sqlite"))
        assert Lookup([path]).lookup("서울")[0].entry.en == f"Seoul {files.index(path)}"
        return (set((tmp_path / "cache").glob("*.sqlite")) - before).pop()

    first, second = index_of(files[0]), index_of(files[1])
    for path in files[2:MAX_INDEXES]:
        index_of(path)
    Lookup([files[0]])  # used again: now the most recent
    for path in files[MAX_INDEXES:]:
        index_of(path)
    remaining = set((tmp_path / "cache").glob("*.sqlite"))
    assert len(remaining) == MAX_INDEXES and first in remaining and second not in remaining


def test_malformed_row_names_file_and_line_and_loads_nothing(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("\t".join(COLUMNS) + "\nseoul\tplace\t서울\t\tSeoul\t\t\t\t\tCapital.\t\n"
                    "busan\tcity\t부산\t\tBusan\t\t\t\t\tPort.\t\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"bad.tsv:3: type 'city' is not one of"):
        load_glossary([path])
    short = tmp_path / "short.tsv"
    short.write_text("\t".join(COLUMNS) + "\nseoul\tplace\t서울\n", encoding="utf-8")
    result = run_main("glossary", "lookup", "서울", "--glossary", short)
    assert (
        result.returncode == 2
        and "short.tsv:2: expected 11 tab-separated columns, found 3" in result.stderr
    )


def test_conflicting_duplicates_are_reported(tmp_path):
    path = tmp_path / "dup.tsv"
    path.write_text("\t".join(COLUMNS) + "\nchang\tperson\t장호진\t\tChang Ho-jin\t\t\t\t\tA.\t\n"
                    "jang\tperson\t장호진\t\tJang Ho-jin\t\t\t\t\tB.\t\n", encoding="utf-8")
    assert load_glossary([path]).conflicts == [
        "장호진: chang says 'Chang Ho-jin', jang says 'Jang Ho-jin'"
    ]
    result = run_main("glossary", "check", "--glossary", path)
    assert result.returncode == 1 and "conflict: 장호진" in result.stdout


def _tbx_bytes(entries):
    buffer = io.BytesIO()
    write_tbx(entries, buffer)
    return buffer.getvalue()


def q(tag):
    return f"{{{NS}}}{tag}"


def test_tbx_round_trip_is_byte_identical_and_tbx_basic_shaped(tmp_path):
    entries = list(load_glossary().entries.values())
    first = _tbx_bytes(entries)
    path = tmp_path / "g.tbx"
    path.write_bytes(first)
    assert read_tbx(path) == entries
    assert _tbx_bytes(read_tbx(path)) == first
    root = etree.fromstring(first)
    assert root.tag == q("tbx") and root.get("type") == "TBX-Basic"
    concepts = root.findall(f"{q('text')}/{q('body')}/{q('conceptEntry')}")
    assert len(concepts) == len(entries)
    for concept in concepts:
        for lang_sec in concept.findall(q("langSec")):
            assert lang_sec.get("{http://www.w3.org/XML/1998/namespace}lang")
            for term_sec in lang_sec.findall(q("termSec")):
                assert term_sec.find(q("term")).text
                notes = {n.get("type") for n in term_sec.findall(q("termNote"))}
                assert {"partOfSpeech", "termType", "administrativeStatus"} <= notes


def test_csv_round_trip_is_byte_identical(tmp_path):
    entries = list(load_glossary().entries.values())
    first = io.StringIO()
    write_csv(entries, first)
    path = tmp_path / "g.csv"
    path.write_text(first.getvalue(), encoding="utf-8", newline="")
    second = io.StringIO()
    write_csv(read_csv(path), second)
    assert second.getvalue() == first.getvalue()
    assert (
        first.getvalue()
        .splitlines()[0]
        .lstrip("\ufeff")
        .startswith("Entry_ID,Entry_Subject,Korean,")
    )


def test_cli_export_import_export_identical(tmp_path):
    for fmt in ("tbx", "csv"):
        one, tsv, two = tmp_path / f"one.{fmt}", tmp_path / f"{fmt}.tsv", tmp_path / f"two.{fmt}"
        assert run_main("glossary", "export", "--format", fmt, "-o", one).returncode == 0
        assert run_main("glossary", "import", one, "--format", fmt, "-o", tsv).returncode == 0
        assert (
            run_main("glossary", "export", "--format", fmt, "--glossary", tsv, "-o", two).returncode
            == 0
        )
        assert one.read_bytes() == two.read_bytes()


BOMB = """<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="x"><note>&d;</note></conceptEntry></body></text></tbx>
"""


@pytest.mark.parametrize("doctype", [
    BOMB,
    '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tbx>&x;</tbx>\n',
    '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>\n<tbx>&x;</tbx>\n',
])
def test_tbx_entity_tricks_are_refused_fast(tmp_path, doctype):
    path = tmp_path / "evil.tbx"
    path.write_text(doctype, encoding="utf-8")
    began = time.perf_counter()
    result = run_main("glossary", "import", path, "--format", "tbx")
    assert (
        result.returncode == 2 and "refused" in result.stderr and "Traceback" not in result.stderr
    )
    assert time.perf_counter() - began < 10


def test_lookup_cli_json_and_exit_codes():
    result = run_cli("glossary", "lookup", "Jang Ho-jin", "--style", "yonhap", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["en"] == "Chang Ho-jin"
    assert run_cli("glossary", "lookup", "qqqqqq").returncode == 1


def test_glossary_file_not_utf8(tmp_path):
    path = tmp_path / "legacy.tsv"
    path.write_bytes(
        "\t".join(COLUMNS).encode() + "\nseoul\tplace\t서울\t\tSeoul\t\t\t\t\tx\t\n".encode("cp949")
    )
    with pytest.raises(UserError, match="not UTF-8"):
        read_tsv(path)


def test_person_entries_do_not_fire_on_common_korean_words():
    from mtalign.glossary.terms import TermFinder

    finder = TermFinder(load_glossary().entries.values())
    text = "조국을 위해 한강 다리를 건넌 그는 서훈 대상자로 이상화된 모습이었고 박진감이 넘쳤다."
    assert [hit.form for hit in finder.find(text) if hit.entry.type == "person"] == []
