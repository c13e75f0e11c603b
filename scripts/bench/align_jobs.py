#!/usr/bin/env python3
"""`align --jobs` over the perturbed dev documents against encoding all their sentences once
(target <= 1.15x), and the strict bead F1 of the jobs' outputs.

The documents are the ones scripts/eval_align.py builds (25-50 sentence pairs, merges and
deletions); each becomes a KO/EN pair of presegmented files and one line of a jobs file.
Side by side, in alternating rounds, as separate processes: the whole `mtalign align --jobs`
run, and a process that loads the same encoder and encodes every sentence of the documents
once (large length-sorted batches). Figures are medians of wall and CPU time.

    .venv/bin/python scripts/bench/align_jobs.py [--rounds 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Sequence, Tuple

SCRIPTS = Path(__file__).resolve().parents[1]
DATA = SCRIPTS.parents[1] / "shared" / "data" / "korean-english-news"
ENCODE_ALL = """
import sys
from mtalign.align.encoders import PreEncoded, load_encoder
texts = [line for path in sys.argv[1:] for line in open(path, encoding="utf-8").read().splitlines()]
PreEncoded(load_encoder("use"), texts)
"""


def _eval_align():
    spec = importlib.util.spec_from_file_location("eval_align", SCRIPTS / "eval_align.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(command: Sequence[str]) -> Tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of the command."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status:
        raise SystemExit(f"{command[:3]} failed with status {status}")
    return time.perf_counter() - began, usage.ru_utime + usage.ru_stime


def write_jobs(documents, folder: Path) -> Tuple[Path, List[Path]]:
    lines, files = [], []
    for number, (ko, en, _) in enumerate(documents):
        ko_path, en_path = folder / f"{number:03}.ko", folder / f"{number:03}.en"
        ko_path.write_text("\n".join(ko) + "\n", encoding="utf-8")
        en_path.write_text("\n".join(en) + "\n", encoding="utf-8")
        files += [ko_path, en_path]
        lines.append(f"{ko_path}\t{en_path}\t{folder / f'{number:03}.jsonl'}")
    jobs = folder / "jobs.tsv"
    jobs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return jobs, files


def jobs_f1(eval_align, documents, folder: Path) -> float:
    class Bead:
        def __init__(self, record):
            self.ko, self.en = record["ko"], record["en"]

    predicted = [
        [
            Bead(json.loads(line))
            for line in (folder / f"{number:03}.jsonl").read_text().splitlines()
        ]
        for number in range(len(documents))
    ]
    return eval_align.strict_prf([gold for *_, gold in documents], predicted)[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    eval_align = _eval_align()
    ko_lines = (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en_lines = (DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    documents = eval_align.build_documents(ko_lines, en_lines, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        jobs, files = write_jobs(documents, Path(tmp))
        commands = {
            "align --jobs": [
                str(Path(sys.executable).with_name("mtalign")),
                "align",
                "--jobs",
                str(jobs),
                "--presegmented",
                "-q",
            ],
            "encode all sentences once": [sys.executable, "-c", ENCODE_ALL, *map(str, files)],
        }
        times = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(timed(command))
        f1 = jobs_f1(eval_align, documents, Path(tmp))
    sentences = sum(len(ko) + len(en) for ko, en, _ in documents)
    print(
        f"{len(documents)} documents, {sentences} sentences; strict bead F1 of the jobs' outputs "
        f"{f1:.4f}"
    )
    print("| run | median wall s | median CPU s |")
    print("| --- | --- | --- |")
    medians = {
        name: [statistics.median(run[k] for run in runs) for k in (0, 1)]
        for name, runs in times.items()
    }
    for name, (wall, cpu) in medians.items():
        print(f"| {name} | {wall:.2f} | {cpu:.2f} |")
    (jobs_wall, jobs_cpu), (enc_wall, enc_cpu) = medians.values()
    print(
        f"ratio align --jobs / encode once: wall {jobs_wall / enc_wall:.2f}, CPU "
        f"{jobs_cpu / enc_cpu:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
