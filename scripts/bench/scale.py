#!/usr/bin/env python3
"""Alignment throughput of the local engine and of Ray Data at 1 and 2 workers, in one run.

The same document pairs (default 2,000), built from the Korean-English news dev data the way
scripts/eval_align.py builds its test documents (seeds 0, 1, 2 ... until there are enough),
are aligned with `align --jobs` machinery three ways; the encoder is pinned to one BLAS thread
per worker in every configuration. Each configuration runs in its own process, in turn, and
`--repeats` rounds are interleaved so the machine's noise hits all three alike; medians are
reported. Figures: sentences (both sides) per second over the whole job including worker
start-up, peak RSS per worker (the local process, or each Ray actor), Ray's start-up time,
and the ratios the targets are about (Ray@1 / local >= 0.75, Ray@2 / Ray@1 >= 1.6).

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE .venv/bin/python scripts/bench/scale.py \
        [--pairs 2000] [--repeats 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from eval_align import DEFAULT_DATA, build_documents  # noqa: E402

CONFIGS = (("local", 1), ("ray", 1), ("ray", 2))


def write_pairs(folder: Path, count: int) -> tuple:
    """`count` document pairs (one sentence a line) and a jobs file; returns (jobs, sentences)."""
    ko_lines, en_lines = (
        (DEFAULT_DATA / f"korean-english-park.dev.{lang}").read_text(encoding="utf-8").splitlines()
        for lang in ("ko", "en"))
    documents, seed = [], 0
    while len(documents) < count:
        documents += build_documents(ko_lines, en_lines, seed)
        seed += 1
    jobs, sentences = [], 0
    for number, (ko, en, _) in enumerate(documents[:count]):
        ko_path, en_path = folder / f"{number:05}.ko.txt", folder / f"{number:05}.en.txt"
        ko_path.write_text("\n".join(ko) + "\n", encoding="utf-8")
        en_path.write_text("\n".join(en) + "\n", encoding="utf-8")
        jobs.append(f"{ko_path}\t{en_path}\tOUT/{number:05}.jsonl")
        sentences += len(ko) + len(en)
    jobs_file = folder / "jobs.tsv"
    jobs_file.write_text("\n".join(jobs) + "\n", encoding="utf-8")
    return jobs_file, sentences


def _actor_peaks(peaks: dict, stop: threading.Event) -> None:
    """Peak RSS (VmHWM) of every Ray alignment actor seen while the job runs."""
    while not stop.is_set():
        for entry in os.listdir("/proc"):
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes() if entry.isdigit() else b""
                if b"_ModelWorker" in cmdline:
                    status = Path(f"/proc/{entry}/status").read_text()
                    kib = int(status.split("VmHWM:")[1].split()[0])
                    peaks[entry] = max(peaks.get(entry, 0), kib)
            except (OSError, IndexError, ValueError):
                continue
        stop.wait(0.5)


def run_one(kind: str, workers: int, jobs_file: Path, out: Path) -> dict:
    """One configuration, in this process: the figures as a dict."""
    from mtalign.align.jobs import read_jobs
    from mtalign.engines import EngineConfig
    from mtalign.engines.jobs import JobOptions, run_align_jobs

    text = jobs_file.read_text(encoding="utf-8").replace("OUT/", f"{out}/")
    jobs_copy = out.parent / f"{out.name}.jobs.tsv"
    jobs_copy.write_text(text, encoding="utf-8")
    config = EngineConfig(kind, workers=workers if kind == "ray" else None, threads=1)
    ray_start = 0.0
    if kind == "ray":
        from mtalign.engines.ray import connect

        started = time.perf_counter()
        connect(config)
        ray_start = time.perf_counter() - started
    peaks: dict = {}
    stop = threading.Event()
    if kind == "ray":
        threading.Thread(target=_actor_peaks, args=(peaks, stop), daemon=True).start()
    started = time.perf_counter()
    jobs = read_jobs(str(jobs_copy))
    results = list(run_align_jobs(config, str(jobs_copy), jobs, JobOptions("jsonl", True), False))
    seconds = time.perf_counter() - started
    stop.set()
    failed = sum(outcome.error is not None for _, outcome in results)
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker_peaks = sorted(peaks.values()) if kind == "ray" else [own_peak]
    return {"seconds": seconds, "ray_start": ray_start, "failed": failed,
            "worker_peak_mib": [round(kib / 1024) for kib in worker_peaks]}


def _child(kind: str, workers: int, jobs_file: Path, out: Path) -> dict:
    command = [sys.executable, __file__, "--one", kind, str(workers), str(jobs_file), str(out)]
    # One BLAS thread from the start: limiting a 2-thread OpenBLAS pool per call (threadpoolctl)
    # still leaves its idle thread spinning, 4-5x slower on a busy machine. Ray pins its
    # workers this way already (OMP_NUM_THREADS = the actor's CPUs); the local run gets the same.
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "WORKERS", "JOBS", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, workers, jobs_file, out = args.one
        print(json.dumps(run_one(kind, int(workers), Path(jobs_file), Path(out))))
        return 0
    with tempfile.TemporaryDirectory(prefix="mtalign-scale-") as tmp:
        jobs_file, sentences = write_pairs(Path(tmp), args.pairs)
        runs: dict = {config: [] for config in CONFIGS}
        for round_number in range(args.repeats):
            for kind, workers in CONFIGS:
                out = Path(tmp) / f"{kind}{workers}-{round_number}"
                runs[(kind, workers)].append(_child(kind, workers, jobs_file, out))
                print(f"round {round_number + 1} {kind}@{workers}: "
                      f"{runs[(kind, workers)][-1]['seconds']:.1f} s", file=sys.stderr)
        report(runs, args.pairs, sentences)
    return 0


def report(runs: dict, pairs: int, sentences: int) -> None:
    rate = {config: sentences / statistics.median(r["seconds"] for r in results)
            for config, results in runs.items()}
    print(f"{pairs} document pairs, {sentences} sentences (both sides); medians of "
          f"{len(runs[CONFIGS[0]])} round(s); encoder: 1 thread per worker")
    print("| engine | workers | sentences/s | job s | Ray start s | peak RSS/worker MiB | failed |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for (kind, workers), results in runs.items():
        last = results[-1]
        print(f"| {kind} | {workers} | {rate[(kind, workers)]:.0f} | "
              f"{statistics.median(r['seconds'] for r in results):.1f} | "
              f"{statistics.median(r['ray_start'] for r in results):.1f} | "
              f"{', '.join(map(str, last['worker_peak_mib']))} | {last['failed']} |")
    local, ray1, ray2 = (rate[config] for config in CONFIGS)
    print(f"Ray@1 / local = {ray1 / local:.2f} (target >= 0.75); "
          f"Ray@2 / Ray@1 = {ray2 / ray1:.2f} (target >= 1.6); "
          f"Ray overhead at 1 worker = {(local / ray1 - 1) * 100:.0f}% of the local job time")


if __name__ == "__main__":
    sys.exit(main())
