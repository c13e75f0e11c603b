"""Document alignment: bead types, nothing dropped, long documents, bad input, the CLI."""

import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from lxml import etree

from mtalign.align import align_sentences
from mtalign.align.documents import align_files, bead_records
from mtalign.align.encoders import PreEncoded
from mtalign.align.jobs import Job, align_jobs, read_jobs
from mtalign.errors import UserError
from tests.conftest import REPO, run_cli, run_main
from tests.fakes import NumberEncoder, parallel

DTD = REPO.parent / "shared" / "standards" / "tmx14.dtd"


def _pairs(beads):
    return [(tuple(b.ko), tuple(b.en)) for b in beads]


def _assert_complete(beads, n, m):
    assert sorted(i for b in beads for i in b.ko) == list(range(n))
    assert sorted(j for b in beads for j in b.en) == list(range(m))
    flat_ko = [i for b in beads for i in b.ko]
    flat_en = [j for b in beads for j in b.en]
    assert flat_ko == sorted(flat_ko) and flat_en == sorted(flat_en)  # monotone


def test_fake_encoder_is_the_same_in_every_process():
    code = ("from tests.fakes import NumberEncoder; "
            "print(NumberEncoder().encode(['no number']).tolist())")
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1 and outputs != {""}


def test_one_to_one():
    ko, en = parallel(30)
    beads = align_sentences(ko, en, NumberEncoder())
    assert _pairs(beads) == [((i,), (i,)) for i in range(30)]


def test_merges_and_deletions_become_their_bead_types():
    ko, en = parallel(30)
    ko[5:7] = [ko[5] + " " + ko[6]]          # Korean merged: 1-2 at English 5, 6
    del en[20]                                # English deleted: Korean 19 (was 20) alone
    beads = _pairs(align_sentences(ko, en, NumberEncoder()))
    assert ((5,), (5, 6)) in beads
    assert ((19,), ()) in beads
    _assert_complete(align_sentences(ko, en, NumberEncoder()), len(ko), len(en))


def _number(text):
    return re.search(r"\d+", text).group()


def test_long_documents_use_the_band():
    ko, en = parallel(3000)
    del ko[1000:1010]
    beads = align_sentences(ko, en, NumberEncoder())
    _assert_complete(beads, len(ko), len(en))
    ones = [(k, e) for k, e in _pairs(beads) if len(k) == len(e) == 1]
    assert sum(1 for k, e in ones if _number(ko[k[0]]) == _number(en[e[0]])) >= 2980


@pytest.mark.slow
def test_fifty_thousand_line_side_against_a_short_one():
    ko, _ = parallel(50_000)
    _, en = parallel(12)
    beads = align_sentences(ko, en, NumberEncoder())
    _assert_complete(beads, 50_000, 12)
    assert ((3,), (3,)) in _pairs(beads)


def test_empty_side_leaves_everything_unaligned(tmp_path):
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("", encoding="utf-8")
    en.write_text("One sentence.\nTwo sentences.\n", encoding="utf-8")
    alignment = align_files(str(ko), str(en), NumberEncoder(), presegmented=True)
    assert _pairs(alignment.beads) == [((), (0,)), ((), (1,))]
    assert any("no sentences" in warning for warning in alignment.warnings)


def test_both_sides_english_warns(tmp_path):
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("This is English 1.\nStill English 2.\n", encoding="utf-8")
    en.write_text("English 1 here.\nEnglish 2 there.\n", encoding="utf-8")
    alignment = align_files(str(ko), str(en), NumberEncoder(), presegmented=True)
    assert any("expected Korean" in warning for warning in alignment.warnings)
    assert len(alignment.beads) == 2


def test_jobs_file_with_a_bad_line_is_refused(tmp_path):
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("a.txt\tb.txt\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"jobs.tsv:1: expected KO<TAB>EN<TAB>OUT"):
        read_jobs(str(jobs))


# --- with the real multilingual encoder, through the command line ---------------------------

PARALLEL = REPO / "corpora" / "parallel"


def test_cli_aligns_parallel_documents_one_to_one():
    result = run_cli(
        "align",
        "--presegmented",
        PARALLEL / "supercomputer.ko.txt",
        PARALLEL / "supercomputer.en.txt",
    )
    assert result.returncode == 0, result.stderr
    beads = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(b["ko"], b["en"]) for b in beads] == [([i], [i]) for i in range(10)]
    assert all(
        list(b)
        == [
            "kind",
            "source",
            "en_source",
            "ko",
            "en",
            "ko_text",
            "en_text",
            "score",
            "ko_role",
            "en_role",
        ]
        and 0.3 < b["score"] <= 1
        for b in beads
    )
    korean = (PARALLEL / "supercomputer.ko.txt").read_text(encoding="utf-8").splitlines()
    assert [b["ko_text"] for b in beads] == [line.strip() for line in korean if line.strip()]


def test_cli_tmx_is_valid_against_the_dtd(tmp_path):
    out = tmp_path / "out.tmx"
    result = run_main(
        "align",
        "--presegmented",
        PARALLEL / "clipper-chip.ko.txt",
        PARALLEL / "clipper-chip.en.txt",
        "--format",
        "tmx",
        "-o",
        out,
    )
    assert result.returncode == 0, result.stderr
    dtd = etree.DTD(str(DTD))
    tree = etree.parse(str(out))
    assert dtd.validate(tree), dtd.error_log
    assert len(tree.findall(".//tu")) >= 35
    assert tree.find("header").get("creationtool") == "mtalign"


def test_cli_jobs_run_on_after_a_failed_job(tmp_path):
    jobs = tmp_path / "jobs.tsv"
    good_out, bad_out = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    jobs.write_text(
        f"{tmp_path / 'missing.ko'}\t{PARALLEL / 'supercomputer.en.txt'}\t{bad_out}\n"
        f"{PARALLEL / 'supercomputer.ko.txt'}\t{PARALLEL / 'supercomputer.en.txt'}\t{good_out}\n",
        encoding="utf-8",
    )
    result = run_main("align", "--jobs", jobs, "--presegmented", "-q")
    assert result.returncode == 1
    assert f"jobs.tsv:1: {tmp_path / 'missing.ko'}: no such file" in result.stderr
    assert len(good_out.read_text(encoding="utf-8").splitlines()) == 10 and not bad_out.exists()


def test_cli_invalid_utf8_side(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok line\n\xff\xfe\xfd\xfc broken\n")
    result = run_main("align", bad, PARALLEL / "supercomputer.en.txt")
    assert (
        result.returncode == 2 and "offset 8" in result.stderr and "Traceback" not in result.stderr
    )


def test_cli_needs_two_files():
    result = run_main("align", PARALLEL / "supercomputer.en.txt")
    assert result.returncode == 2 and "needs two files" in result.stderr


def test_glossary_names_are_shared_anchors():
    from mtalign.align.score import anchor_tokens
    from mtalign.glossary.store import load_glossary
    from mtalign.glossary.terms import TermFinder

    entries = list(load_glossary().entries.values())
    korean = anchor_tokens(
        "김정은 위원장이 평양에서 2024년 회담을 열었다.", False, TermFinder(entries)
    )
    english = anchor_tokens(
        "Kim Jong-un held talks in Pyongyang in 2024.", True, TermFinder(entries, korean=False)
    )
    shared = set(korean) & set(english)
    assert {"2024", "\x00entry:kim-jong-un", "\x00entry:pyongyang"} <= shared


def test_a_line_holding_two_sentences_favours_the_bead_with_two_lines_opposite():
    import numpy as np

    from mtalign.align.monotone import full_band
    from mtalign.align.score import BeadScorer, ScoreWeights

    english = ["The minister arrived on Monday.", "She met the mayor."]
    two_sentences = "장관이 월요일에 도착했다. 그는 시장을 만났다."
    one_sentence = "장관이 월요일에 도착했고, 그는 시장을 만났다."
    vectors = np.eye(3, dtype=np.float32)
    ko_vectors, en_vectors = vectors[:1], np.stack([vectors[0], vectors[0]])

    def one_to_two(korean):
        scorer = BeadScorer(ko_vectors, en_vectors, [korean], english)
        lo, _ = full_band(1, 2)
        return scorer.band_scores(1, 2, lo, 3)[1, 2]

    assert one_to_two(two_sentences) - one_to_two(one_sentence) == pytest.approx(
        ScoreWeights().sentences * np.log(2), abs=1e-6)


def test_use_encoder_tokenizes_with_the_sentencepiece_library():
    import sentencepiece

    from mtalign.align.encoders import MAX_ENCODED_CHARS, USEEncoder

    encoder = USEEncoder()
    tokenizer = encoder._model._tokenizer
    assert isinstance(tokenizer, sentencepiece.SentencePieceProcessor)
    # two syllables outside the vocabulary make one unknown piece, as in the library the model was
    # trained with
    assert tokenizer.encode("훌륭히", out_type=int).count(tokenizer.unk_id()) == 1
    rows = encoder.encode(["클리포드가 도착했다.", "Clifford arrived."])
    assert rows.shape == (2, 512) and float(rows[0] @ rows[1]) > 0.5
    # a "sentence" of 300k letters is encoded by its head, not with a row per token (GBs)
    head = "Kim met " + "abcdefghij" * 30_000
    long_rows = encoder.encode([head, head[:MAX_ENCODED_CHARS]])
    assert float(long_rows[0] @ long_rows[1]) > 0.9999


class CountingEncoder(NumberEncoder):
    def __init__(self):
        super().__init__()
        self.calls = []

    def encode(self, texts):
        self.calls.append(len(texts))
        return super().encode(texts)


def test_jobs_are_encoded_together_in_large_batches_and_align_as_alone(tmp_path):
    jobs = []
    for number in range(6):
        ko, en = parallel(20 + number)
        (tmp_path / f"{number}.ko").write_text("\n".join(ko), encoding="utf-8")
        (tmp_path / f"{number}.en").write_text(
            "\n".join(en[1:]), encoding="utf-8"
        )  # one Korean line unpaired
        jobs.append(
            Job(number + 1, str(tmp_path / f"{number}.ko"), str(tmp_path / f"{number}.en"), "-")
        )
    jobs.insert(2, Job(9, str(tmp_path / "missing.ko"), str(tmp_path / "0.en"), "-"))
    encoder = CountingEncoder()
    results = list(align_jobs(jobs, encoder, presegmented=True))
    assert [job for job, _ in results] == jobs
    assert isinstance(results[2][1], UserError) and "missing.ko" in str(results[2][1])
    distinct = {line for job in jobs[:2] + jobs[3:] for path in (job.ko, job.en)
                for line in open(path, encoding="utf-8").read().splitlines()}
    assert encoder.calls == [len(distinct)]  # one batch for all jobs, not two calls per job
    for job, alignment in results[:2] + results[3:]:
        assert (
            alignment.beads == align_files(job.ko, job.en, NumberEncoder(), presegmented=True).beads
        )


def test_pre_encoded_rows_equal_the_encoders_and_unknown_texts_fall_back():
    texts = ["문장 1번", "sentence 2", "a longer sentence 3 here"]
    encoded = PreEncoded(NumberEncoder(), texts, batch=2)
    assert np.allclose(encoded.encode(texts[::-1]), NumberEncoder().encode(texts[::-1]))
    assert np.allclose(encoded.encode(["new 7"]), NumberEncoder().encode(["new 7"]))


def test_cli_jobs_pick_each_outputs_format_from_its_extension(tmp_path):
    jobs = tmp_path / "jobs.tsv"
    outs = [tmp_path / "x.tmx", tmp_path / "x.tsv", tmp_path / "x.jsonl"]
    pair = f"{PARALLEL / 'supercomputer.ko.txt'}\t{PARALLEL / 'supercomputer.en.txt'}"
    jobs.write_text("".join(f"{pair}\t{out}\n" for out in outs), encoding="utf-8")
    assert run_main("align", "--jobs", jobs, "--presegmented", "-q").returncode == 0
    assert etree.parse(str(outs[0])).getroot().tag == "tmx"
    header = outs[1].read_text(encoding="utf-8").split("\n")[0].split("\t")
    assert {"ko_text", "en_text"} <= set(header)
    assert json.loads(outs[2].read_text(encoding="utf-8").splitlines()[0])["ko"] == [0]


def test_records_name_both_files_even_when_one_side_is_empty(tmp_path):
    (tmp_path / "a.ko").write_text("", encoding="utf-8")
    (tmp_path / "a.en").write_text("Sentence 1 here.\nSentence 2 here.\n", encoding="utf-8")
    alignment = align_files(str(tmp_path / "a.ko"), str(tmp_path / "a.en"), NumberEncoder(), True)
    records = bead_records(alignment)
    assert [(r.ko, r.en, r.ko_text, r.en_text) for r in records] == [
        ([], [0], None, "Sentence 1 here."), ([], [1], None, "Sentence 2 here.")]
    files = (str(tmp_path / "a.ko"), str(tmp_path / "a.en"))
    assert {(r.source, r.en_source) for r in records} == {files}
