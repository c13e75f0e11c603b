"""Several writers into one translation memory: each waits its turn, says so, nothing is lost."""

import sqlite3
import subprocess
import sys
import time

import pytest

from mtalign.errors import UserError
from mtalign.tm.store import TranslationMemory
from mtalign.types import Unit

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
    'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ko" '
    'datatype="plaintext"/><body>\n'
)
TU = (
    '<tu><tuv xml:lang="ko"><seg>{tag} 한국어 문장 {i}</seg></tuv>'
    '<tuv xml:lang="en"><seg>{tag} sentence {i}</seg></tuv></tu>\n'
)


def _tmx(path, tag, count):
    path.write_text(
        HEAD + "".join(TU.format(tag=tag, i=i) for i in range(count)) + "</body></tmx>\n",
        encoding="utf-8",
    )
    return path


def test_a_writer_waits_for_the_lock_says_so_and_gives_up_in_one_line(tmp_path):
    path = tmp_path / "t.db"
    TranslationMemory(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    told = []
    tm = TranslationMemory(path, on_wait=told.append, lock_wait=1.5)
    started = time.monotonic()
    with pytest.raises(UserError, match="stayed locked by another process"):
        tm.add([Unit("가", "a")])
    assert 1.5 <= time.monotonic() - started < 10
    assert told == [f"{path}: waiting for the TM lock (another process is writing)"]
    holder.rollback()
    assert tm.add([Unit("가", "a")]) == (1, 0)


@pytest.mark.slow
def test_two_importers_of_150k_units_started_apart_both_complete(tmp_path):
    count = 150_000
    files = [_tmx(tmp_path / f"{tag}.tmx", tag, count) for tag in ("A", "B")]
    tm = tmp_path / "t.db"
    procs = []
    for path in files:
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "mtalign.cli", "tmx", "import", "-q", path, "--tm", tm],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
        time.sleep(0.2)
    results = [proc.communicate(timeout=600) + (proc.returncode,) for proc in procs]
    assert [code for *_, code in results] == [0, 0], results
    assert any("waiting for the TM lock" in err for _, err, _ in results)
    memory = TranslationMemory(tm)
    assert len(memory) == 2 * count
    stored = {(unit.ko, unit.en) for unit in memory.units()}
    assert all(
        (f"{tag} 한국어 문장 {i}", f"{tag} sentence {i}") in stored
        for tag in "AB"
        for i in range(count)
    )
