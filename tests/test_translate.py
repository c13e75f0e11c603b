"""Batch translation with a tiny CTranslate2 model the tests build: loading, order, the TM
first, QA report, resume after SIGKILL, and bad input."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from mtalign.errors import UserError
from mtalign.tm.store import TranslationMemory
from mtalign.translate.engine import Engine, inspect_model
from mtalign.types import Unit
from tests.conftest import REPO, run_cli
from tests.tiny_model import build

PARALLEL = REPO / "corpora" / "parallel"


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return build(tmp_path_factory.mktemp("tiny") / "model")


def test_model_family_and_order_kept_through_batching(model):
    assert inspect_model(str(model)).family == "marian"
    engine = Engine(str(model), batch_tokens=64)
    sentences = PARALLEL.joinpath("clipper-chip.ko.txt").read_text(encoding="utf-8").splitlines()[:12]
    forward = engine.translate(sentences)
    backward = engine.translate(list(reversed(sentences)))
    assert forward == list(reversed(backward)) and len(forward) == 12 and all(forward)


def test_tm_first_then_model_and_qa_report(model, tmp_path):
    source = PARALLEL / "supercomputer.ko.txt"
    first = source.read_text(encoding="utf-8").splitlines()[0]
    tm = tmp_path / "tm.db"
    TranslationMemory(tm).add([Unit(first, "FROM THE TRANSLATION MEMORY")])
    out = tmp_path / "out"
    result = run_cli("translate", source, "--model", model, "--tm", tm, "--out", out, "--format", "json", "-q")
    summary = json.loads(result.stdout)
    assert (summary["from_tm"], summary["from_model"], summary["segments"]) == (1, 9, 10)
    translated = (out / source.name).read_text(encoding="utf-8").splitlines()
    assert translated[0] == "FROM THE TRANSLATION MEMORY" and len(translated) == 10
    qa = json.loads((out / "translate-qa.json").read_text(encoding="utf-8"))
    assert result.returncode == (1 if qa["term_misses"] else 0)
    assert all({"file", "source", "target", "term", "expected"} <= set(miss) for miss in qa["term_misses"])
    assert not (out / ".mtalign-translate-checkpoint.jsonl").exists()


def _run(model, source, out):
    return [sys.executable, "-m", "mtalign.cli", "translate", str(source), "--model", str(model), "--out", str(out),
            "-q"]


def test_killed_run_resumes_to_identical_output(model, tmp_path):
    lines = PARALLEL.joinpath("clipper-chip.ko.txt").read_text(encoding="utf-8").splitlines()
    source = tmp_path / "big.ko.txt"
    source.write_text("\n".join(f"{lines[i % len(lines)]} ({i})" for i in range(600)) + "\n", encoding="utf-8")
    clean = tmp_path / "clean"
    subprocess.run(_run(model, source, clean), check=False, capture_output=True)
    resumed = tmp_path / "resumed"
    checkpoint = resumed / ".mtalign-translate-checkpoint.jsonl"
    process = subprocess.Popen(_run(model, source, resumed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and (not checkpoint.exists() or len(checkpoint.read_text().splitlines()) < 3):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the run finished before it could be killed"
    done_before = len(checkpoint.read_text().splitlines())
    assert 3 <= done_before < 600 // 32 + 1
    subprocess.run(_run(model, source, resumed), check=False, capture_output=True)
    assert (resumed / source.name).read_bytes() == (clean / source.name).read_bytes()


def test_bad_input(model, tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("안녕하세요. 반갑습니다.\n", encoding="utf-8")
    no_model = run_cli("translate", text)
    assert no_model.returncode == 2 and "ct2-transformers-converter" in no_model.stderr
    missing = run_cli("translate", text, "--model", tmp_path / "nothing")
    assert missing.returncode == 2 and "no such model folder" in missing.stderr
    not_ct2 = tmp_path / "hf"
    not_ct2.mkdir()
    (not_ct2 / "pytorch_model.bin").write_bytes(b"x")
    result = run_cli("translate", text, "--model", not_ct2)
    assert result.returncode == 2 and "not a CTranslate2 model" in result.stderr
    broken = tmp_path / "broken"
    broken.mkdir()
    for item in model.iterdir():
        (broken / item.name).write_bytes(item.read_bytes())
    (broken / "source.spm").write_bytes(b"not a sentencepiece model")
    result = run_cli("translate", text, "--model", broken)
    assert result.returncode == 2 and "source.spm: not a valid SentencePiece model" in result.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_cli("translate", empty, "--model", model)
    assert result.returncode == 2 and "empty input" in result.stderr
    for error in (no_model, missing, result):
        assert "Traceback" not in error.stderr


def test_cuda_without_cuda_is_a_clear_error(model):
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("a CUDA device is present")
    with pytest.raises(UserError, match="libcublas.so.12"):
        Engine(str(model), device="cuda")
