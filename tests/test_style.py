"""The code style the project enforces: ruff with E, F and I (import order), lines <= 100."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def _ruff() -> str:
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.exists() else shutil.which("ruff") or ""


@pytest.mark.skipif(
    not _ruff(), reason="ruff is not installed (scripts/setup installs the test extra)"
)
def test_ruff_is_clean():
    result = subprocess.run(
        [_ruff(), "check", "--no-cache", "mtalign", "tests", "scripts"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
