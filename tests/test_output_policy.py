"""One output policy: nothing a command reads is overwritten, special files are not replaced,
jobs are checked up front, and temporary files never stay behind."""

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtalign.align.jobs import Job, check_jobs
from mtalign.errors import UserError
from mtalign.fileio import atomic_write, check_outputs, copy_targets
from tests.conftest import REPO, run_cli, run_main

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t"
adminlang="en" srclang="ko" datatype="plaintext"/><body>
<tu><tuv xml:lang="ko"><seg>안녕</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu>
</body></tmx>
"""


def _refused(result, path):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "refused" in lines[0] and str(path) in lines[0], result.stderr


def test_segment_refuses_to_write_over_its_input(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Hello world.\n", encoding="utf-8")
    _refused(run_main("segment", article, "-o", article), article)
    assert article.read_text(encoding="utf-8") == "Hello world.\n"


def test_an_input_spelled_through_a_symlink_or_dots_is_still_the_input(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("x\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(article)
    (tmp_path / "sub").mkdir()
    for spelling in (tmp_path / "link.txt", tmp_path / "sub" / ".." / "a.txt"):
        with pytest.raises(UserError, match="would overwrite the input"):
            check_outputs([spelling], [article])
    with pytest.raises(UserError, match="output .* of this same run"):
        check_outputs([tmp_path / "o.txt", tmp_path / "sub" / ".." / "o.txt"])


def test_tmx_merge_and_glossary_import_refuse_their_input(tmp_path):
    tmx = tmp_path / "a.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    _refused(run_main("tmx", "merge", tmx, "-o", tmx), tmx)
    assert tmx.read_text(encoding="utf-8") == TMX
    csv = tmp_path / "g.csv"
    csv.write_text("x", encoding="utf-8")
    _refused(run_main("glossary", "import", csv, "--format", "csv", "-o", csv), csv)


def test_tmx_export_refuses_to_replace_the_tm_itself(tmp_path):
    tmx, tm = tmp_path / "a.tmx", tmp_path / "t.db"
    tmx.write_text(TMX, encoding="utf-8")
    assert run_main("tmx", "import", tmx, "--tm", tm, "-q").returncode == 0  # closes the TM
    before = tm.read_bytes()
    _refused(run_main("tmx", "export", "--tm", tm, "-o", tm), tm)
    assert tm.read_bytes() == before


def test_a_symlink_output_is_written_through_to_its_target(tmp_path):
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    with atomic_write(link) as handle:
        handle.write("new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_fifo_output_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(
        [sys.executable, "-c", f"print(open({str(fifo)!r}).read(), end='')"],
        stdout=subprocess.PIPE,
        text=True,
    )
    with atomic_write(fifo) as handle:
        handle.write("through the pipe")
    assert reader.communicate(timeout=10)[0] == "through the pipe"
    assert fifo.is_fifo()


def test_a_device_output_is_not_replaced():
    with atomic_write("/dev/null") as handle:
        handle.write("discarded")
    assert not os.path.isfile("/dev/null")


def test_temporary_file_removed_when_the_writer_fails(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_write(tmp_path / "out.txt") as handle:
            handle.write("half")
            raise RuntimeError("writer broke")
    assert list(tmp_path.iterdir()) == []


def test_temporary_file_removed_on_sigterm(tmp_path):
    # the handler is looked up when main() builds the parser, so the patch takes effect
    script = (
        "import time\nfrom mtalign.cli import main\nfrom mtalign.fileio import atomic_write\n"
        "import mtalign.cli.documents as d\n"
        "def slow(args):\n    with atomic_write(args.output) as h:\n        h.write('x')\n"
        "        print('ready', flush=True)\n        time.sleep(30)\n"
        "d.cmd_segment = slow\nimport mtalign.cli as c\n"
        "raise SystemExit(c.main(['segment', 'a', '-o', 'out.txt']))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_fix_copies_of_two_files_with_one_name_do_not_collide(tmp_path):
    for folder in ("d1", "d2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"Kim Jong Un in {folder}.\n", encoding="utf-8")
    out = tmp_path / "fixed"
    result = run_main("check", tmp_path / "d1" / "a.txt", tmp_path / "d2" / "a.txt", "--fix", out)
    assert result.returncode == 1, result.stderr
    assert (out / "d1" / "a.txt").read_text(encoding="utf-8") == "Kim Jong-un in d1.\n"
    assert (out / "d2" / "a.txt").read_text(encoding="utf-8") == "Kim Jong-un in d2.\n"
    assert copy_targets(["x/b.txt", "y/c.txt"], "o") == [Path("o/b.txt"), Path("o/c.txt")]


def test_fix_refuses_a_folder_where_a_copy_would_replace_an_input(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Kim Jong Un.\n", encoding="utf-8")
    _refused(run_main("check", story, "--fix", tmp_path), story)
    assert story.read_text(encoding="utf-8") == "Kim Jong Un.\n"


def _jobs(tmp_path, *outs):
    return [
        Job(n, str(tmp_path / f"k{n}.txt"), str(tmp_path / f"e{n}.txt"), out)
        for n, out in enumerate(outs, 1)
    ]


def test_jobs_with_one_out_twice_or_an_out_that_is_an_input_are_refused_up_front(tmp_path):
    with pytest.raises(UserError, match=r"jobs.tsv:2: .*output .* of this same run"):
        check_jobs(
            _jobs(tmp_path, str(tmp_path / "o.jsonl"), str(tmp_path / "o.jsonl")), "jobs.tsv"
        )
    with pytest.raises(UserError, match=r"jobs.tsv:2: .*would overwrite the input .*k1.txt"):
        check_jobs(_jobs(tmp_path, str(tmp_path / "o.jsonl"), str(tmp_path / "k1.txt")), "jobs.tsv")


def test_jobs_without_out_or_with_an_unwritable_folder_fail_alone(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    jobs = _jobs(tmp_path, "", str(tmp_path / "file" / "o.jsonl"), str(tmp_path / "ok.jsonl"))
    unusable = check_jobs(jobs, "jobs.tsv")
    assert sorted(unusable) == [1, 2] and "no OUT" in unusable[1] and "not a folder" in unusable[2]


def test_cli_jobs_with_an_empty_out_run_the_others_and_exit_1(tmp_path):
    parallel = REPO / "corpora" / "parallel"
    ko, en = parallel / "supercomputer.ko.txt", parallel / "supercomputer.en.txt"
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text(f"{ko}\t{en}\t\n{ko}\t{en}\t{tmp_path / 'ok.jsonl'}\n", encoding="utf-8")
    started = time.time()
    result = run_main("align", "--presegmented", "--jobs", jobs, "-q")
    assert result.returncode == 1, result.stderr
    assert "jobs.tsv:1:" in result.stderr and (tmp_path / "ok.jsonl").stat().st_size > 0
    assert time.time() - started < 120


def test_translate_refuses_an_out_folder_where_a_copy_would_replace_its_input(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("서울에서 만났다.\n", encoding="utf-8")
    _refused(
        run_main("translate", article, "--model", tmp_path / "no-model", "--out", tmp_path), article
    )


def test_writing_to_dev_full_is_one_line_naming_it_and_the_device_stays(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Hello world.\n", encoding="utf-8")
    result = run_main("segment", article, "-o", "/dev/full")
    assert result.returncode == 2
    assert result.stderr.strip() == "mtalign: error: /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_dev_stdout_into_a_pipe_is_written_directly(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Hello world.\n", encoding="utf-8")
    result = run_cli("segment", article, "-o", "/dev/stdout")  # stdout is a pipe here
    assert result.returncode == 0, result.stderr
    assert '"text": "Hello world."' in result.stdout
