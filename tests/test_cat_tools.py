"""CAT-tool round trips: OmegaT translates from mtalign's TMX; XLIFF out and back in. The
mtalign commands run in-process (run_main): these tests are about the files, not the process."""

import json
import shutil
import subprocess

import pytest
from lxml import etree

from mtalign.formats.xliff import NS, read_xliff
from mtalign.glossary.store import load_glossary
from mtalign.tm.store import TranslationMemory
from tests.conftest import REPO, SEEDS, run_main

PARALLEL = REPO / "corpora" / "parallel"
PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>KO</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneCJKTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def omegat_project(root):
    """An empty OmegaT project translating Korean into English."""
    for folder in ("source", "target", "tm/auto", "glossary", "omegat", "dictionary"):
        (root / folder).mkdir(parents=True)
    (root / "omegat.project").write_text(PROJECT, encoding="utf-8")
    return root


def aligned_tmx(path):
    """The supercomputer document pair aligned into a TMX file at `path`."""
    ko, en = PARALLEL / "supercomputer.ko.txt", PARALLEL / "supercomputer.en.txt"
    result = run_main("align", "--presegmented", ko, en, "--format", "tmx", "-o", path)
    assert result.returncode == 0, result.stderr
    return path


def omegat_translate(project, config_dir, *options):
    """OmegaT's console mode over the project; fails the test when OmegaT fails."""
    command = ["omegat", str(project), "--mode=console-translate",
               f"--config-dir={config_dir}", "--quiet", *options]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


needs_omegat = pytest.mark.skipif(
    not shutil.which("omegat"),
    reason="OmegaT is not installed (Debian package omegat; .ci/run installs it)",
)


# Run by OmegaT's console mode (--script) once the project is loaded: OmegaT's own TBX reader,
# the one its glossary pane uses, reads every TBX in the project's glossary folder with the
# project's languages; the (source term, target term) pairs it returns, or its error, go to
# FILE.tbx.omegat.json.
READ_GLOSSARIES = """
import groovy.json.JsonOutput
import org.omegat.gui.glossary.GlossaryReaderTBX

if (eventType.toString() != "LOAD") return "glossaries were read on LOAD"
new File(project.projectProperties.glossaryRoot).eachFileMatch(~/.*[.]tbx/) { tbx ->
    def result
    try {
        result = GlossaryReaderTBX.read(tbx, false).collect { [it.srcText, it.locText] }
    } catch (Exception error) {
        result = error.toString()
    }
    new File(tbx.path + ".omegat.json").setText(JsonOutput.toJson(result), "UTF-8")
}
"""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def glossary_term_pairs(entries):
    """Distinct (Korean, English) pairs a TBX v2 reader should list: each Korean form, the
    Hanja form included, against each English form (default, house styles, variants)."""
    pairs = []
    for entry in entries:
        korean = [*entry.ko, *([entry.hanja] if entry.hanja else [])]
        english = [entry.en, *entry.styles.values(), *(v.form for v in entry.variants)]
        pairs += [(ko, en) for ko in korean for en in english]
    return distinct(pairs)


def distinct(pairs):
    """Pairs in first-seen order without repeats (a form that is both a house style and a
    variant is written as two terms, and OmegaT lists it twice)."""
    return list(dict.fromkeys(map(tuple, pairs)))


def damage_copies(tbx):
    """Two damaged copies of a TBX v2 file beside it: in the first concept the languages
    swapped (Korean labelled English), or the last English term dropped."""
    for name, damage in (("swapped", _swap_languages), ("dropped", _drop_last_english)):
        tree = etree.parse(str(tbx))
        damage(tree.find("text/body/termEntry"))
        tree.write(str(tbx.with_name(f"{name}.tbx")), xml_declaration=True, encoding="UTF-8")


def _swap_languages(concept):
    for lang_set in concept.iter("langSet"):
        lang_set.set(XML_LANG, {"ko": "en", "en": "ko"}[lang_set.get(XML_LANG)])


def _drop_last_english(concept):
    english = next(s for s in concept.iter("langSet") if s.get(XML_LANG) == "en")
    english.remove(english.findall("tig")[-1])


def first_lines(path, count=4):
    return path.read_text(encoding="utf-8").splitlines()[:count]


@pytest.fixture(scope="module")
def omegat_run(tmp_path_factory):
    """One OmegaT console run over a Korean->English project holding mtalign's aligned TMX in
    tm/auto and its TBX v2 glossary (and two damaged copies) in glossary/: (project folder,
    {TBX file name: the pairs OmegaT's TBX reader read from it, or OmegaT's error})."""
    root = tmp_path_factory.mktemp("omegat")
    project = omegat_project(root / "project")
    korean = first_lines(PARALLEL / "supercomputer.ko.txt")
    (project / "source" / "doc.txt").write_text("\n\n".join(korean) + "\n", encoding="utf-8")
    aligned_tmx(project / "tm" / "auto" / "mtalign.tmx")
    ours = project / "glossary" / "mtalign.tbx"
    assert run_main("glossary", "export", "--format", "tbx-v2", "-o", ours).returncode == 0
    damage_copies(ours)
    script = root / "read-glossaries.groovy"
    script.write_text(READ_GLOSSARIES, encoding="utf-8")
    omegat_translate(project, root / "config", f"--script={script}")
    read = {
        path.name.removesuffix(".omegat.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in (project / "glossary").glob("*.omegat.json")
    }
    assert len(read) == 3, "OmegaT did not run the glossary script (its Groovy engine?)"
    return project, read


@pytest.mark.slow
@needs_omegat
def test_omegat_translates_from_our_tmx(omegat_run):
    project, _ = omegat_run
    target = (project / "target" / "doc.txt").read_text(encoding="utf-8")
    for sentence in first_lines(PARALLEL / "supercomputer.en.txt"):
        assert sentence in target
    for sentence in first_lines(PARALLEL / "supercomputer.ko.txt"):
        assert sentence not in target


@pytest.mark.slow
@needs_omegat
def test_omegat_reads_our_tbx_v2_glossary_with_the_same_terms(omegat_run):
    _, read = omegat_run
    entries = list(load_glossary().entries.values())
    expected = glossary_term_pairs(entries)
    assert distinct(read["mtalign.tbx"]) == expected
    assert len(expected) > 6000 and ["金正恩", "Kim Jong-un"] in read["mtalign.tbx"]
    # The comparison notices one damaged concept among thousands.
    assert distinct(read["swapped.tbx"]) != expected and distinct(read["dropped.tbx"]) != expected
    assert [entries[0].en, entries[0].ko[0]] in read["swapped.tbx"]


def test_xliff_export_pretranslates_and_import_takes_reviewed_units(tmp_path):
    tm_path, xlf = tmp_path / "tm.db", tmp_path / "doc.xlf"
    tmx = tmp_path / "a.tmx"
    aligned_tmx(tmx)
    assert run_main("tmx", "import", tmx, "--tm", tm_path).returncode == 0
    result = run_main(
        "xliff",
        "export",
        PARALLEL / "supercomputer.ko.txt",
        SEEDS / "003_9b9c44b580370e6b.txt",
        "--tm",
        tm_path,
        "-o",
        xlf,
    )
    assert result.returncode == 0, result.stderr
    units = read_xliff(xlf)
    assert sum(1 for u in units if u.state == "translated") == 10
    caption = next(u for u in units if u.source.startswith("러시아 푸틴 대통령과"))
    assert caption.target is None and "김정은 = Kim Jong-un (person)" in caption.notes
    assert next(u for u in units if u.source == "기사 이미지 확대 보기").translate is False

    tree = etree.parse(str(xlf))
    q = "{%s}" % NS
    for unit in tree.iter(f"{q}trans-unit"):
        if unit.find(f"{q}source").text == caption.source:
            target = etree.SubElement(unit, f"{q}target", state="final")
            target.text = "Putin and Kim Jong-un after signing the treaty. AFP-Yonhap"
        elif unit.find(f"{q}source").text.startswith("SEOUL"):
            etree.SubElement(unit, f"{q}target", state="needs-review-translation").text = "draft"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    result = run_main("xliff", "import", xlf, "--tm", tm_path)
    assert result.returncode == 0 and "1 reviewed units added" in result.stdout
    tm = TranslationMemory(tm_path)
    assert tm.exact(caption.source)[0].en.startswith("Putin and Kim Jong-un")
    assert len(tm) == 11


def test_tm_built_from_the_main_jobs_alignments(main_job, tmp_path):
    build, _ = main_job
    tm_path = tmp_path / "tm.db"
    result = run_main("tmx", "import", build / "alignments.jsonl", "--tm", tm_path, "-q")
    assert result.returncode == 0, result.stderr
    tm = TranslationMemory(tm_path)
    assert len(tm) >= 50
    assert tm.exact("김수연")[0].en == "By Kim Soo-yeon"
