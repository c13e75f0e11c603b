"""The command line contract: --help everywhere, --version, formats, exit codes, the main job."""

import json
import subprocess
import sys

import pytest

from mtalign import __version__
from mtalign.cli import build_parser
from tests.conftest import SEEDS, run_cli, run_main


def _command_paths(parser, prefix=()):
    """Every command and nested subcommand, as argv prefixes."""
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    paths = []
    for action in actions:
        for name, sub in action.choices.items():
            paths.append(prefix + (name,))
            paths.extend(_command_paths(sub, prefix + (name,)))
    return paths


COMMANDS = sorted(_command_paths(build_parser()))


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"mtalign {__version__}"


HEAVY = {
    "numpy",
    "lxml",
    "tqdm",
    "ctranslate2",
    "mtalign.pipeline",
    "mtalign.align",
    "mtalign.segment",
}


@pytest.mark.parametrize("argv", [["--version"], ["glossary", "lookup", "김정은"]])
def test_version_and_lookup_import_no_heavy_module(argv):
    code = (
        "import sys\nfrom mtalign.cli import main\ntry:\n    main(sys.argv[1:])\nexcept "
        "SystemExit:\n    pass\nprint('MODULES', ' '.join(sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True)
    modules = set(result.stdout.split("MODULES ")[1].split())
    assert "mtalign.cli" in modules and not HEAVY & modules


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command):
    result = run_main(*command, "--help")
    assert result.returncode == 0 and result.stdout.startswith(
        f"usage: mtalign {' '.join(command)}"
    )


def test_usage_error_exits_2_without_traceback():
    result = run_cli("segment")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "mtalign segment: error: the following arguments are required: FILE (see: mtalign segment "
        "--help)"
    ]


def test_mistyped_subcommand_option_shows_that_subcommand():
    result = run_main("glossary", "lookup", "김정은", "--limt", "3")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "mtalign glossary lookup: error: unrecognized arguments: --limt 3; did you mean --limit? "
        "(see: mtalign glossary lookup --help)"
    ]


def test_segment_jsonl_fields_and_order():
    result = run_main("segment", *sorted(SEEDS.glob("00[23]_*.txt")))
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(
        list(record) == ["text", "lang", "role", "source", "start", "end"] for record in records
    )
    sources = [record["source"] for record in records]
    assert sources == sorted(sources)  # files in the order given, each in document order
    starts = [record["start"] for record in records if record["source"] == sources[0]]
    assert starts == sorted(starts)


def test_segment_tsv_escapes_and_writes_atomically(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Tab\there. Next one.\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = run_main("segment", path, "--format", "tsv", "-o", out)
    assert result.returncode == 0 and result.stdout == ""
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "source\tstart\tend\tlang\trole\ttext"
    assert rows[1].split("\t")[-2:] == ["body", "Tab\\there."]
    assert {p.name for p in tmp_path.iterdir()} == {
        "a.txt",
        "out.tsv",
    }  # no temporary file left behind


def test_html_input_roles(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>t</title><script>var ad = 1;</script></head><body><nav>Home | World "
        "| LATEST NEWS</nav><article><h1>Putin, Kim ink treaty</h1><p class='byline'>By Kim "
        "Soo-yeon</p><figure><img src='x.jpg'><figcaption>Putin (left) and Kim. "
        "AFP-Yonhap</figcaption></figure><p>Putin arrived. Kim met him at the airport.</p><div "
        "class='ad-banner'>Buy now</div></article><footer>© Yonhap. All rights "
        "reserved.</footer></body></html>",
        encoding="utf-8",
    )
    result = run_main("segment", page)
    roles = [(r["role"], r["text"]) for r in map(json.loads, result.stdout.splitlines())]
    assert roles == [
        ("boilerplate", "Home | World | LATEST NEWS"), ("headline", "Putin, Kim ink treaty"),
        ("byline", "By Kim Soo-yeon"), ("caption", "Putin (left) and Kim. AFP-Yonhap"),
        ("body", "Putin arrived."), ("body", "Kim met him at the airport."),
        ("boilerplate", "Buy now"), ("credit", "© Yonhap. All rights reserved."),
    ]
    assert "var ad" not in result.stdout


def test_run_writes_segments_for_the_corpus(main_job):
    out, result = main_job
    report = json.loads(result.stdout)
    assert report["files"] >= 5 and str(out / "segments.jsonl") in report["outputs"]
    records = [
        json.loads(line)
        for line in (out / "segments.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == report["segments"]
    assert {r["source"].split("/")[-1] for r in records} >= {p.name for p in SEEDS.glob("*.txt")}


def test_run_on_missing_folder_is_a_usage_error(tmp_path):
    result = run_main("run", tmp_path / "nothing", "--out", tmp_path / "b")
    assert result.returncode == 2 and "not a folder" in result.stderr


def test_run_warns_about_a_translation_without_its_partner(tmp_path):
    from mtalign.pipeline import corpus_files, partner_warnings

    for name in ("a.ko.txt", "a.en.txt", "b.ko.txt", "c.en.html", "d.txt"):
        (tmp_path / name).write_text("문장이다.\n", encoding="utf-8")
    warnings = partner_warnings(corpus_files(tmp_path))
    assert warnings == [
        f"warning: {tmp_path / 'b.ko.txt'}: no b.en.txt beside it; read as a single article, "
        "not aligned as a translation",
        f"warning: {tmp_path / 'c.en.html'}: no c.ko.html beside it; read as a single article, "
        "not aligned as a translation",
    ]


def _corpus_with_a_broken_file(folder):
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Kim Jong-un met Putin.\n\n김정은이 푸틴을 만났다.\n", encoding="utf-8"
    )
    (folder / "broken.txt").write_bytes("Hello. 안녕하세요.".encode("utf-8") + b"\xff\xfe\xfa tail")
    return folder


def test_run_reads_past_a_bad_file(tmp_path):
    from mtalign.pipeline import corpus_files, read_task_files

    corpus = _corpus_with_a_broken_file(tmp_path / "corpus")
    documents = read_task_files([(path,) for path in corpus_files(corpus)])["documents"]
    assert documents[corpus / "good.txt"].segments
    failure = documents[corpus / "broken.txt"]
    assert failure.startswith(f"{corpus / 'broken.txt'}: cannot decode byte at offset")


def test_run_keeps_going_past_a_bad_file_and_exits_1(tmp_path):
    corpus = _corpus_with_a_broken_file(tmp_path / "corpus")
    result = run_main("run", corpus, "--out", tmp_path / "build", "--format", "json", "-q")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [failure.split(":")[0] for failure in report["failed"]] == [str(corpus / "broken.txt")]
    assert f"error: {corpus / 'broken.txt'}: cannot decode" in result.stderr
    segments = (tmp_path / "build" / "segments.jsonl").read_text(encoding="utf-8")
    assert "good.txt" in segments and "broken.txt" not in segments
    assert all(
        (tmp_path / "build" / name).exists()
        for name in ("alignments.jsonl", "corpus.tmx", "consistency.md")
    )
