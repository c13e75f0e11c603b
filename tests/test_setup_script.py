"""scripts/setup: says what it installs on a first run and shows pip's progress; silent later."""

import os
import re
import shutil
import subprocess

from tests.conftest import REPO

FAKE_PYTHON = '#!/bin/sh\necho "$@" >> "$(dirname "$0")/pip-calls"\n'


def _setup(repo):
    return subprocess.run(
        [str(repo / "scripts" / "setup")], capture_output=True, text=True, cwd=repo
    )


def test_first_run_announces_itself_and_later_runs_are_quiet(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup", tmp_path / "scripts" / "setup")
    for name in ("setup.cfg", "pyproject.toml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    calls = python.with_name("pip-calls")

    first = _setup(tmp_path)
    assert first.returncode == 0 and "first run" in first.stderr and "few minutes" in first.stderr
    assert re.fullmatch(
        r"-m pip install -e \.\[test[a-z,]*\]", calls.read_text().splitlines()[-1]
    )  # progress shown

    second = _setup(tmp_path)
    assert (
        second.returncode == 0 and second.stderr == "" and len(calls.read_text().splitlines()) == 2
    )

    later = os.stat(tmp_path / ".venv" / ".mtalign-installed").st_mtime + 10
    os.utime(tmp_path / "setup.cfg", (later, later))
    third = _setup(tmp_path)
    assert "changed" in third.stderr
    assert re.fullmatch(
        r"-m pip install --quiet -e \.\[test[a-z,]*\]", calls.read_text().splitlines()[-1]
    )
