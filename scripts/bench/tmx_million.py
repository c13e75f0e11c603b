#!/usr/bin/env python3
"""Export and import of a generated 1,000,000-unit TMX: time, throughput, peak memory (< 500 MB).

Each phase runs in its own process so that its peak RSS (VmHWM) is its own:
  export: write_tmx over a generator of units (mtalign's streaming writer);
  import: `mtalign tmx import` into a SQLite translation memory (streaming iterparse);
  validate: `mtalign tmx validate` over the same file (DTD validation a chunk at a time);
  merge: `mtalign tmx merge` of the file with itself (every second unit a duplicate).

    .venv/bin/python scripts/bench/tmx_million.py [--units 1000000] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

EXPORT = """
import sys
from mtalign.formats.tmx import write_tmx
from mtalign.types import Unit
count = int(sys.argv[2])
units = (Unit(f"{i}번째 문장: 김정은 위원장이 평양에서 회담을 열었다.",
              f"Sentence {i}: Kim Jong-un held talks in Pyongyang.",
              "aligned", "bench.txt", "body", 0.5) for i in range(count))
with open(sys.argv[1], "wb") as handle:
    write_tmx(units, handle)
"""


def _run(argv):
    """Run argv, returning (seconds, peak RSS in MB) of that process."""
    began = time.perf_counter()
    wrapper = (
        "import runpy, sys, re\n"
        "sys.argv = sys.argv[1:]\n"
        "try:\n"
        "    runpy.run_path(sys.argv[0], run_name='__main__') if sys.argv[0].endswith('.py') else "
        "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n"
        "finally:\n"
        "    hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
        "    print('VMHWM', hwm, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if result.returncode not in (0, None) and "VMHWM" not in result.stderr:
        raise SystemExit(result.stderr)
    peak = int(re.search(r"VMHWM (\d+)", result.stderr).group(1)) / 1024
    return seconds, peak, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument(
        "--dir", default=None, help="where the TMX and TM go (default: a temporary folder)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        script = os.path.join(tmp, "export.py")
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(EXPORT)
        tmx, tm = os.path.join(tmp, "big.tmx"), os.path.join(tmp, "big.db")
        rows = []
        seconds, peak, _ = _run([script, tmx, str(args.units)])
        rows.append(("export (write_tmx)", seconds, peak))
        size = os.path.getsize(tmx) / 2**20
        seconds, peak, result = _run(["mtalign.cli", "tmx", "import", tmx, "--tm", tm])
        rows.append(("import (tmx import into SQLite TM)", seconds, peak))
        seconds, peak, _ = _run(["mtalign.cli", "tmx", "validate", tmx])
        rows.append(("validate (tmx validate, DTD in chunks)", seconds, peak))
        merged = os.path.join(tmp, "merged.tmx")
        seconds, peak, _ = _run(["mtalign.cli", "tmx", "merge", tmx, tmx, "-o", merged])
        rows.append(("merge (tmx merge of the file with itself: 2x the units in)", seconds, peak))
    print(f"{args.units} units, TMX {size:.0f} MB")
    print("| phase | seconds | units/s | peak RSS MB |")
    print("| --- | --- | --- | --- |")
    for name, seconds, peak in rows:
        print(f"| {name} | {seconds:.1f} | {args.units / seconds:,.0f} | {peak:.0f} |")
    print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
