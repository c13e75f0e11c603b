"""Time and peak memory of mtalign on hostile inputs, as a user runs it (a fresh process,
GNU time for the peak RSS), medians of --runs:

1. refusing a sparse --gib GiB file, per XML import command, beside bare start-up;
2. `check` on one capitalized token of 10k, 35k and 100k letters;
3. the main job (`run`) over a folder holding one article with a 500k-letter token
   (one run: it loads the encoder).

    .venv/bin/python scripts/bench/hostile_inputs.py [--gib 1] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

COMMANDS = {
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


def _row(name: str, args: list, folder: str, runs: int) -> None:
    results = [measure(args, folder) for _ in range(runs)]
    seconds = statistics.median(run[0] for run in results)
    rss = statistics.median(run[1] for run in results)
    message = results[0][3].replace(folder, "…")[:90]
    print(f"| {name} | {results[0][2]} | {seconds:.2f} | {rss:.0f} | {message} |", flush=True)


def _long_token(path: Path, letters: int) -> Path:
    rng = random.Random(letters)
    token = "A" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(letters - 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Seoul, June 1 (Yonhap) -- Kim Jong Un met {token} today.\n", encoding="utf-8")
    return path


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
        _row("start-up only (mtalign --version)", ["--version"], folder, options.runs)
        for name, template in COMMANDS.items():
            args = [part.format(file=huge, dir=folder) for part in template]
            _row(f"{name} on {options.gib:g} GiB", args, folder, options.runs)
        for letters in (10_000, 35_000, 100_000):
            path = _long_token(Path(folder) / f"long{letters}.txt", letters)
            _row(
                f"check, one {letters // 1000}k-letter token",
                ["check", str(path)],
                folder,
                options.runs,
            )
        short = _long_token(Path(folder) / "short" / "short.txt", 10).parent
        _row(
            "run, one short article (for comparison)",
            ["run", str(short), "--out", f"{folder}/b0", "-q"],
            folder,
            1,
        )
        corpus = _long_token(Path(folder) / "corpus" / "long.txt", 500_000).parent
        _row(
            "run, one 500k-letter token",
            ["run", str(corpus), "--out", f"{folder}/build", "-q"],
            folder,
            1,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
