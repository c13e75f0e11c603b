#!/usr/bin/env python3
"""CPU time of short `mtalign` commands against a bare `python -c pass` (target <= 3x).

Each round runs every command once, in turn, so machine noise hits them alike; the figure is
the median over the rounds of each process's own user + system CPU time (os.wait4). The
glossary index is built once before timing, as a user's second lookup finds it, and
mtalign's modules are compiled to bytecode first, as an installed package has them (with
PYTHONDONTWRITEBYTECODE set, as on this machine, every run would compile them again).

    .venv/bin/python scripts/bench/cli_startup.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Sequence

MTALIGN = str(Path(sys.executable).with_name("mtalign"))
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "mtalign --version": [MTALIGN, "--version"],
    "mtalign glossary lookup 김정은": [MTALIGN, "glossary", "lookup", "김정은"],
}


def cpu_seconds(command: Sequence[str]) -> float:
    """User + system CPU time of one run of the command (its children included)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    compileall.compile_dir(Path(__file__).resolve().parents[2] / "mtalign", quiet=1)
    cpu_seconds(
        COMMANDS["mtalign glossary lookup 김정은"]
    )  # warm: build the index, fill the OS cache
    times: Dict[str, List[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.rounds):
        for name, command in COMMANDS.items():
            times[name].append(cpu_seconds(command))
    base = statistics.median(times["python -c pass"])
    print("| command | median CPU ms | ratio to python -c pass |")
    print("| --- | --- | --- |")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| `{name}` | {median * 1000:.1f} | {median / base:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
