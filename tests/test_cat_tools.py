"""CAT-tool round trips: OmegaT translates from mtalign's TMX; XLIFF out and back in. The
mtalign commands run in-process (run_main): these tests are about the files, not the process."""

import shutil
import subprocess

import pytest
from lxml import etree

from mtalign.formats.xliff import NS, read_xliff
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


def omegat_translate(project, config_dir):
    """OmegaT's console mode over the project; fails the test when OmegaT fails."""
    command = ["omegat", str(project), "--mode=console-translate",
               f"--config-dir={config_dir}", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.mark.slow
@pytest.mark.skipif(
    not shutil.which("omegat"),
    reason="OmegaT is not installed (Debian package omegat; .ci/run installs it)",
)
def test_omegat_translates_from_our_tmx(tmp_path):
    project = omegat_project(tmp_path / "project")
    korean = (PARALLEL / "supercomputer.ko.txt").read_text(encoding="utf-8").splitlines()[:4]
    english = (PARALLEL / "supercomputer.en.txt").read_text(encoding="utf-8").splitlines()[:4]
    (project / "source" / "doc.txt").write_text("\n\n".join(korean) + "\n", encoding="utf-8")
    tmx = project / "tm" / "auto" / "mtalign.tmx"
    aligned_tmx(tmx)
    assert (
        run_main(
            "glossary", "export", "--format", "tbx-v2", "-o", project / "glossary" / "mtalign.tbx"
        ).returncode
        == 0
    )
    omegat_translate(project, tmp_path / "config")
    target = (project / "target" / "doc.txt").read_text(encoding="utf-8")
    for sentence in english:
        assert sentence in target
    assert not any(sentence in target for sentence in korean)


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
