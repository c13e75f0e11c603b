"""CPU seconds to segment each adversarial line of tests/fuzz_inputs.py (a long run of ">",
sentence marks or spaces), one fresh process per line, under a CPU-time limit.

    .venv/bin/python scripts/bench/segment_runs.py [--run 20000] [--limit 30] [--tree DIR ...]

Each --tree (default: this checkout) is a source tree whose mtalign is timed, one column
each: an older commit exported with `git archive COMMIT mtalign | tar -x -C DIR` goes side
by side with this checkout (`--tree DIR --tree .`).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.fuzz_inputs import adversarial_lines  # noqa: E402

TIMED = """
import sys, time
sys.path.insert(0, sys.argv[1])
from mtalign.segment import segment_file
began = time.process_time()
list(segment_file(sys.argv[2]))
print(f"{time.process_time() - began:.3f}")
"""


def cpu_seconds(tree: Path, path: Path, limit: int) -> str:
    """CPU seconds of segmenting `path` with `tree`'s mtalign, or "> limit" when it ran out."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-c", TIMED, str(tree), str(path)],
        capture_output=True, text=True, preexec_fn=cap,
    )
    if result.returncode < 0:  # killed by SIGXCPU / SIGKILL at the limit
        return f"> {limit}"
    return result.stdout.strip() or result.stderr.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=int, default=20_000, help="length of the run")
    parser.add_argument("--limit", type=int, default=30, help="CPU seconds per line")
    parser.add_argument("--tree", type=Path, action="append", help="source tree holding mtalign/")
    args = parser.parse_args()
    trees = [tree.resolve() for tree in args.tree or [REPO]]
    print("| line | run | " + " | ".join(f"CPU s, {tree}" for tree in trees) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in trees) + " |")
    with tempfile.TemporaryDirectory() as folder:
        for name, line in adversarial_lines(args.run).items():
            path = Path(folder) / f"{name}.txt"
            path.write_text(line + "\n", encoding="utf-8")
            times = [cpu_seconds(tree, path, args.limit) for tree in trees]
            print(f"| {name} | {args.run} | " + " | ".join(times) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
