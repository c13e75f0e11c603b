"""Time and peak memory of refusing a huge file, per XML import command, side by side.

    .venv/bin/python scripts/bench/refuse_huge.py [--gib 1] [--runs 3]

Makes a sparse file of --gib GiB (no disk used) and runs each command on it as a user
would (a fresh `mtalign` process, GNU time for the peak RSS); prints medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

COMMANDS = {
    "(startup only: mtalign --version)": ["--version"],
    "tmx import": ["tmx", "import", "-q", "{file}", "--tm", "{dir}/t.db"],
    "glossary import --format tbx": ["glossary", "import", "{file}", "--format", "tbx"],
    "xliff import": ["xliff", "import", "{file}", "--tm", "{dir}/t.db"],
    "tmx validate": ["tmx", "validate", "{file}"],
}


def measure(args: list, folder: str) -> tuple:
    """(seconds, peak RSS in MB, exit code, last stderr line) of one run."""
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", sys.executable, "-m", "mtalign.cli", *args],
        capture_output=True,
        text=True,
        cwd=folder,
    )
    lines = result.stderr.strip().splitlines()
    seconds, kilobytes = lines[-1].split()
    message = next((line for line in lines if line.startswith("mtalign")), "")
    return float(seconds), int(kilobytes) / 1024, result.returncode, message


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print("| command | exit | median s | median peak RSS MB | message |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        huge = Path(folder) / "huge.xml"
        with open(huge, "wb") as handle:
            handle.truncate(int(options.gib * (1 << 30)))
        for name, template in COMMANDS.items():
            args = [part.format(file=huge, dir=folder) for part in template]
            runs = [measure(args, folder) for _ in range(options.runs)]
            seconds = statistics.median(run[0] for run in runs)
            rss = statistics.median(run[1] for run in runs)
            message = runs[0][3].replace(folder, "…")
            print(
                f"| {name} | {runs[0][2]} | {seconds:.2f} | {rss:.0f} | {message[:90]} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
