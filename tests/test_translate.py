"""Batch translation with a tiny CTranslate2 model the tests build: loading, order, the TM
first, QA report, resume after SIGKILL, and bad input."""

import json
import signal
import subprocess
import sys
import time

import pytest

from mtalign.errors import UserError
from mtalign.tm.store import TranslationMemory
from mtalign.translate.batch import translate_files, write_qa_report
from mtalign.translate.engine import Engine, inspect_model
from mtalign.types import Unit
from tests.conftest import REPO, run_main
from tests.tiny_model import build

PARALLEL = REPO / "corpora" / "parallel"
# The random tiny model never ends a sentence by itself: without a cap each one runs to the
# default 256 tokens, which proves nothing and costs seconds per test.
SHORT = ("--max-length", "24")


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return build(tmp_path_factory.mktemp("tiny") / "model")


def test_model_family_and_order_kept_through_batching(model):
    assert inspect_model(str(model)).family == "marian"
    engine = Engine(str(model), batch_tokens=64)
    sentences = (
        PARALLEL.joinpath("clipper-chip.ko.txt").read_text(encoding="utf-8").splitlines()[:12]
    )
    forward = engine.translate(sentences)
    backward = engine.translate(list(reversed(sentences)))
    assert forward == list(reversed(backward)) and len(forward) == 12 and all(forward)


def test_chunk_size_is_a_parameter_and_the_caller_writes_the_qa_report(model, tmp_path):
    engine = Engine(str(model))
    sizes = []
    translate = engine.translate
    engine.translate = lambda texts: sizes.append(len(texts)) or translate(texts)
    source = PARALLEL / "supercomputer.ko.txt"
    report = translate_files(
        [str(source)], engine, str(tmp_path / "out"), progress=False, chunk_size=3
    )
    assert max(sizes) == 3 and sum(sizes) == report.from_model == 10
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        source.name
    ]  # no QA file, no checkpoint
    write_qa_report(report, tmp_path / "out" / "qa.json")
    assert set(json.loads((tmp_path / "out" / "qa.json").read_text(encoding="utf-8"))) == {
        "passed_through", "spliced", "term_misses", "tm_matches"}


def test_nllb_family_uses_language_codes(tmp_path):
    nllb = build(tmp_path / "nllb", language_codes=("kor_Hang", "eng_Latn"))
    engine = Engine(str(nllb), "ko", "en")
    assert engine.files.family == "nllb"
    tokens = engine.tokens("평양에서 회담이 열렸다.")
    assert tokens[0] == "kor_Hang" and tokens[-1] == "</s>"
    (translation,) = engine.translate(["평양에서 회담이 열렸다."])
    assert "eng_Latn" not in translation  # the target prefix is not part of the output


def test_moses_tokenization_around_sentencepiece(model):
    engine = Engine(str(model), "en", "en", moses=True)
    assert engine.moses.tokenize("It's 1,000 km (620 miles).") == "It 's 1,000 km ( 620 miles ) ."
    assert engine.moses.detokenize("It 's 1,000 km ( 620 miles ) .") == "It's 1,000 km (620 miles)."
    assert engine.translate(["Hello, world."])


def test_tm_first_then_model_and_qa_report(model, tmp_path):
    source = PARALLEL / "supercomputer.ko.txt"
    first = source.read_text(encoding="utf-8").splitlines()[0]
    tm = tmp_path / "tm.db"
    TranslationMemory(tm).add([Unit(first, "FROM THE TRANSLATION MEMORY")])
    out = tmp_path / "out"
    result = run_main(
        "translate", source, "--model", model, "--tm", tm, "--out", out, "--format", "json", "-q",
        *SHORT,
    )
    summary = json.loads(result.stdout)
    assert (summary["from_tm"], summary["from_model"], summary["segments"]) == (1, 9, 10)
    translated = (out / source.name).read_text(encoding="utf-8").splitlines()
    assert translated[0] == "FROM THE TRANSLATION MEMORY" and len(translated) == 10
    qa = json.loads((out / "translate-qa.json").read_text(encoding="utf-8"))
    assert result.returncode == (
        1 if qa["passed_through"] or qa["spliced"] or qa["term_misses"] else 0
    )
    assert qa["tm_matches"] == [
        {
            "source": first,
            "target": "FROM THE TRANSLATION MEMORY",
            "tm_source": first,
            "score": 100.0,
            "origin": "tm",
        }
    ]
    assert all(
        {"file", "source", "target", "term", "expected"} <= set(miss) for miss in qa["term_misses"]
    )
    assert not (out / ".mtalign-translate-checkpoint.jsonl").exists()


def test_fuzzy_tm_matches_are_reused_and_marked(model, tmp_path):
    source = tmp_path / "doc.ko.txt"
    source.write_text("김정은 위원장이 평양에서 푸틴 대통령과 회담을 가졌다.\n", encoding="utf-8")
    tm = tmp_path / "tm.db"
    TranslationMemory(tm).add(
        [Unit("김정은 위원장이 평양에서 푸틴 대통령과 회담을 열었다.", "Kim Jong-un held talks.")]
    )
    out = tmp_path / "out"
    run_main("translate", source, "--model", model, "--tm", tm, "--out", out, "-q", *SHORT)
    assert (out / source.name).read_text(encoding="utf-8") == "Kim Jong-un held talks.\n"
    (match,) = json.loads((out / "translate-qa.json").read_text(encoding="utf-8"))["tm_matches"]
    assert match["origin"] == "tm-fuzzy" and 85 <= match["score"] < 100
    strict = tmp_path / "strict"
    run_main(
        "translate", source, "--model", model, "--tm", tm, "--out", strict, "--tm-threshold", "99",
        "-q", *SHORT,
    )
    assert (strict / source.name).read_text(encoding="utf-8") != "Kim Jong-un held talks.\n"


SENTENCES, EVERY = 800, 40  # 20 checkpointed chunks: room to kill the run between two


def _translate(model, source, out):
    return ("translate", source, "--model", model, "--out", out, "-q",
            "--checkpoint-every", EVERY, *SHORT)


@pytest.mark.slow
def test_killed_run_resumes_to_identical_output(model, tmp_path):
    lines = PARALLEL.joinpath("clipper-chip.ko.txt").read_text(encoding="utf-8").splitlines()
    source = tmp_path / "big.ko.txt"
    numbered = (f"({i}) {lines[i % len(lines)]}" for i in range(SENTENCES))  # all distinct
    source.write_text("\n".join(numbered) + "\n", encoding="utf-8")
    clean = tmp_path / "clean"
    run_main(*_translate(model, source, clean))
    resumed = tmp_path / "resumed"
    checkpoint = resumed / ".mtalign-translate-checkpoint.jsonl"
    process = subprocess.Popen(  # only the run to kill needs a process of its own
        [sys.executable, "-m", "mtalign.cli", *map(str, _translate(model, source, resumed))],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and (
        not checkpoint.exists() or len(checkpoint.read_text().splitlines()) < 2
    ):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the run finished before it could be killed"
    done_before = len(checkpoint.read_text().splitlines())
    assert 2 <= done_before < SENTENCES // EVERY
    run_main(*_translate(model, source, resumed))
    assert (resumed / source.name).read_bytes() == (clean / source.name).read_bytes()


def test_numeric_options_below_one_are_usage_errors(model, tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("안녕하세요.\n", encoding="utf-8")
    for option in ("--checkpoint-every", "--max-length"):
        result = run_main("translate", text, "--model", model, option, "0")
        assert result.returncode == 2 and "at least 1" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_bad_input(model, tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("안녕하세요. 반갑습니다.\n", encoding="utf-8")
    no_model = run_main("translate", text)
    assert no_model.returncode == 2 and "mtalign model get ko-en" in no_model.stderr
    assert len(no_model.stderr.strip().splitlines()) == 1
    missing = run_main("translate", text, "--model", tmp_path / "nothing")
    assert missing.returncode == 2 and "no such model folder" in missing.stderr
    assert "mtalign model get ko-en" in missing.stderr
    not_ct2 = tmp_path / "hf"
    not_ct2.mkdir()
    (not_ct2 / "pytorch_model.bin").write_bytes(b"x")
    result = run_main("translate", text, "--model", not_ct2)
    assert result.returncode == 2 and "not a CTranslate2 model" in result.stderr
    broken = tmp_path / "broken"
    broken.mkdir()
    for item in model.iterdir():
        (broken / item.name).write_bytes(item.read_bytes())
    (broken / "source.spm").write_bytes(b"not a sentencepiece model")
    result = run_main("translate", text, "--model", broken)
    assert result.returncode == 2 and "source.spm: not a valid SentencePiece model" in result.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_main("translate", empty, "--model", model)
    assert result.returncode == 2 and "empty input" in result.stderr
    for error in (no_model, missing, result):
        assert "Traceback" not in error.stderr


def test_cuda_without_cuda_is_a_clear_error(model):
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a CUDA device is present")
    with pytest.raises(UserError, match="libcublas.so.12"):
        Engine(str(model), device="cuda")


def test_placeholders_round_trip_when_the_model_copies_them():
    from mtalign.glossary.store import load_glossary
    from mtalign.glossary.terms import TermFinder
    from mtalign.translate.terms import protect, restore

    finder = TermFinder(load_glossary().entries.values())
    protected = protect("김정은 위원장이 평양에서 푸틴 대통령을 만났다.", finder, "yonhap")
    assert protected.masked == "TERM1이 TERM2에서 TERM3을 만났다."  # titles join their names
    copied = "TERM1 met TERM3 in TERM2."  # what a copying model returns
    assert (
        restore(protected, copied)
        == "Chairman Kim Jong-un met President Vladimir Putin in Pyongyang."
    )
    assert restore(protected, "Chairman met President in TERM2.") is None  # a dropped placeholder


def test_terms_reach_the_output_in_canonical_form(model, tmp_path):
    from mtalign.glossary.store import load_glossary
    from mtalign.glossary.terms import TermFinder

    data = REPO.parent / "shared" / "data" / "korean-english-news" / "korean-english-park.dev.ko"
    if not data.exists():
        pytest.skip("the shared dev data is not beside the repository")
    finder = TermFinder(load_glossary().entries.values())
    with_terms = [
        line for line in data.read_text(encoding="utf-8").splitlines() if finder.find(line)
    ][:60]
    source = tmp_path / "terms.ko.txt"
    source.write_text("\n\n".join(with_terms) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_main(
        "translate", source, "--model", model, "--out", out, "--style", "yonhap", "-q", *SHORT
    )
    assert result.returncode in (0, 1), result.stderr
    translated = (out / source.name).read_text(encoding="utf-8").split("\n\n")
    assert len(translated) == len(with_terms)
    kept = sum(all(hit.entry.english("yonhap") in target for hit in finder.find(line))
               for line, target in zip(with_terms, translated))
    assert kept / len(with_terms) >= 0.99
    qa = json.loads((out / "translate-qa.json").read_text(encoding="utf-8"))
    assert not qa["term_misses"]
    # the random model drops placeholders: every such segment is reported as spliced
    assert qa["spliced"] and all(
        any(entry["source"] in line for line in with_terms) for entry in qa["spliced"]
    )
