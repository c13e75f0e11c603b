#!/usr/bin/env python3
"""Reformat, with `ruff format --range`, only the statements that hold a line over the
configured length (pyproject.toml), then sort imports. Lines ruff cannot shorten (long
strings, comments) are listed at the end for a person to wrap.

    .venv/bin/python scripts/format_long_lines.py [PATH ...]     (default: mtalign tests scripts)
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List

REPO = Path(__file__).resolve().parent.parent
RUFF = str(Path(sys.executable).with_name("ruff"))


def long_lines(paths: List[str]) -> Dict[str, List[int]]:
    report = subprocess.run([RUFF, "check", "--select", "E501", "--output-format", "json", *paths],
                            capture_output=True, text=True, cwd=REPO).stdout
    rows: Dict[str, List[int]] = defaultdict(list)
    for finding in json.loads(report or "[]"):
        rows[finding["filename"]].append(finding["location"]["row"])
    return rows


def main() -> int:
    paths = sys.argv[1:] or ["mtalign", "tests", "scripts"]
    for filename, rows in long_lines(paths).items():
        for row in sorted(set(rows), reverse=True):  # bottom up: earlier line numbers stay valid
            subprocess.run(
                [RUFF, "format", "--range", f"{row}-{row + 1}", filename], capture_output=True
            )
    subprocess.run([RUFF, "check", "--select", "I", "--fix", "--quiet", *paths], cwd=REPO)
    left = long_lines(paths)
    for filename, rows in sorted(left.items()):
        print("\n".join(f"{filename}:{row}: still too long" for row in sorted(rows)))
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
