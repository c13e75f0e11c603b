import contextlib
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Glossary indexes go to a throw-away cache, not the user's ~/.cache (subprocesses inherit it).
os.environ["MTALIGN_CACHE"] = tempfile.mkdtemp(prefix="mtalign-test-cache-")
# Models are installed into a throw-away store, not the user's ~/.local/share/mtalign/models.
os.environ["MTALIGN_HOME"] = tempfile.mkdtemp(prefix="mtalign-test-home-")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "corpora" / "news"
SHARED_DATA = REPO.parent / "shared" / "data" / "korean-english-news"


def run_cli(*args, input=None, cwd=None):
    """Run the installed `mtalign` entry point as a user would, capturing everything."""
    return subprocess.run(
        [sys.executable, "-m", "mtalign.cli", *map(str, args)],
        capture_output=True, text=True, input=input, cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def run_main(*args):
    """`mtalign ARGS` run inside this process, returned as run_cli returns it: for tests about
    what a command does rather than about the process boundary. It spares the interpreter
    start-up and the imports (numpy, the encoder, kiwipiepy's model) a subprocess pays each time.
    """
    from mtalign.cli import main

    return call_main(main, [str(arg) for arg in args])


def call_main(main, argv):
    """main(argv) with stdout and stderr captured, as a subprocess.CompletedProcess."""
    stdout, stderr = _byte_backed_text(), _byte_backed_text()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = main(argv)
        except SystemExit as exit:  # argparse's usage errors
            code = exit.code
    return subprocess.CompletedProcess(argv, code, _read_back(stdout), _read_back(stderr))


def _byte_backed_text():
    """A text stream with a .buffer, like sys.stdout (binary writers use the buffer)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def _read_back(stream):
    """What was written, decoded as subprocess.run(text=True) decodes (universal newlines)."""
    return io.TextIOWrapper(io.BytesIO(stream.buffer.getvalue()), encoding="utf-8").read()


@pytest.fixture
def seed():
    def load(prefix):
        from mtalign.segment import read_document

        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        return read_document(path)

    return load


@pytest.fixture(scope="session")
def seed_fragments(tmp_path_factory):
    """`align --fragments` over the seed articles, run once: the JSONL file it wrote."""
    result = run_main("align", "--fragments", *sorted(SEEDS.glob("*.txt")))
    assert result.returncode == 0, result.stderr
    path = tmp_path_factory.mktemp("fragments") / "fragments.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def main_job(tmp_path_factory):
    """The main job run once over corpora/ for the whole session: (build folder, its run)."""
    build = tmp_path_factory.mktemp("main-job") / "build"
    result = run_main("run", REPO / "corpora", "--out", build, "--format", "json", "-q")
    assert result.returncode == 0, result.stderr
    return build, result
