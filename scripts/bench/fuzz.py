"""Fuzz each reader for a fixed time: inputs tried, failures (would-be exit 3), per reader.

    .venv/bin/python scripts/bench/fuzz.py --minutes 10 [--reader tmx ...] [--save DIR]
        [--timeout CPU_SECONDS]

Readers run one at a time, in this process, on inputs from tests/fuzz_inputs.py
(structure-aware generators plus byte mutations). An input that raises an internal error, or
that a reader is still busy with after --timeout CPU seconds (a hang), is a failure; the
first input of each kind is saved to --save (default build/fuzz-failures/) for a regression
test under tests/data/fuzz/.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz_inputs import READERS, failure_of, sample  # noqa: E402


def fuzz(name: str, seconds: float, save: Path, seed: int, limit: float) -> dict:
    rng = random.Random(seed)
    tried = failures = 0
    kinds = {}
    deadline, cpu = time.monotonic() + seconds, time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        while time.monotonic() < deadline:
            data = sample(name, rng)
            tried += 1
            error = failure_of(name, data, folder, limit)
            if error is not None:
                failures += 1
                kind = f"{type(error).__name__}: {str(error)[:80]}"
                if kind not in kinds:
                    kinds[kind] = save / f"{name}-{len(kinds)}{READERS[name][1]}"
                    save.mkdir(parents=True, exist_ok=True)
                    kinds[kind].write_bytes(data)
    return {
        "reader": name,
        "cpu": time.process_time() - cpu,
        "seconds": seconds,
        "tried": tried,
        "failures": failures,
        "kinds": {kind: str(path) for kind, path in kinds.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="per reader (default 10)")
    parser.add_argument("--reader", action="append", choices=sorted(READERS), help="default: all")
    parser.add_argument("--save", type=Path, default=Path("build/fuzz-failures"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="CPU seconds per input before it is a hang"
    )
    args = parser.parse_args()
    print("| reader | minutes (wall) | CPU s | inputs tried | inputs/s | failures (exit 3) |")
    print("| --- | --- | --- | --- | --- | --- |")
    failed = 0
    for name in args.reader or list(READERS):
        result = fuzz(name, args.minutes * 60, args.save, args.seed, args.timeout)
        failed += result["failures"]
        print(
            f"| {name} | {args.minutes:g} | {result['cpu']:.0f} | {result['tried']} | "
            f"{result['tried'] / result['seconds']:.0f} | {result['failures']} |",
            flush=True,
        )
        for kind, path in result["kinds"].items():
            print(f"  {kind} -> {path}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
