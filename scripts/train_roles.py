#!/usr/bin/env python3
"""Train the learned role model (mtalign/segment/roles_model.py) on the gold pages.

Each segment the rules make on a text page of tests/data/pages (every split: heldout2,
heldout3 and heldout4 were scored and are development pages now; not the HTML pages)
takes the role of the gold segment it overlaps most; a multinomial logistic regression
(numpy, L2) learns it from roles_model.features.

The rules were written from these very pages, so on them the rules' roles are nearly
always right, which is not what the rules do on a page they have not seen. So every page
is read twice: by the current rules, and by the rules of the last revision before any rule
was written from that page (BEFORE_16, BEFORE_16B, BEFORE_16C, BEFORE_16R, BEFORE_16H).
Both readings train the model.

Leave-outlets-out cross-validation (pages grouped by publisher as `eval_pages.py
--group-by outlet` deals them; every reading of a page in its outlet's fold) chooses the L2
strength and the margin by which the model's choice must beat the rules' role, by the mean
role accuracy (eval_pages.py's measure) over Korean and English and over both readings,
and prints it beside the rules'. The model trained on every page is written as JSON to
mtalign/segment/data/roles_model.json.

    .venv/bin/python scripts/train_roles.py [--folds 5] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import eval_pages as pages  # noqa: E402
from eval_pages import PAGES, REPO, Span  # noqa: E402

from mtalign.segment import detect_encoding, document_text, iter_lines, page_items  # noqa: E402
from mtalign.segment import roles_model as model  # noqa: E402
from mtalign.segment.roles_model import ROLES, Item, Model  # noqa: E402
from mtalign.types import Segment  # noqa: E402

# Scored and spent; a held-out part added later (heldout5) is never trained on.
TRAIN_SPLITS = ("dev", "dev-heldout1", "heldout2", "heldout3", "heldout4")
# The rules had not seen a page before these revisions: main before issue 16 (its first
# pages), main before issue 16b (the pages 16b added), main before 16c (dev-heldout1, the
# first held-out part, tuned on from 16c), main before 16r (heldout2 and heldout3), main
# before 16h (heldout4).
BEFORE_16, BEFORE_16B, BEFORE_16C, BEFORE_16R = "d860491", "441d6cb", "a20d0f3", "79eef9c"
BEFORE_16H = "a5a20b7"
FIRST_READ = {"dev-heldout1": BEFORE_16C, "heldout2": BEFORE_16R, "heldout3": BEFORE_16R,
              "heldout4": BEFORE_16H}
L2 = (1.0, 3.0, 10.0)
MARGINS = (0.0, 0.2, 0.4)
RATE, STEPS = 0.05, 800
DUMP = """import json, sys
from mtalign.segment import segment_file
print(json.dumps({p: [[s.start, s.end, s.role, s.lang, s.text] for s in segment_file(p)]
                  for p in sys.argv[1:]}))"""


@dataclass
class Reading:
    """One reading of a page: the rules' segments, their features and gold roles."""

    name: str
    gold: List[Span]
    segments: List[Segment]
    feats: List[Dict[str, float]]
    targets: List[str]


def _reading(name: str, items: List[Item]) -> Reading:
    gold = pages.read_gold((PAGES / name).with_suffix(".gold.tsv"))
    rows = list(model.page_features(items))
    segments = [segment for segment, _ in rows]
    spans = [Span(s.start, s.end, s.role, s.lang) for s in segments]
    targets = [(pages.best_match(span, gold) or span).role for span in spans]
    return Reading(name, gold, segments, [feats for _, feats in rows], targets)


def current_reading(name: str) -> Reading:
    path = PAGES / name
    return _reading(name, list(page_items(iter_lines(path, detect_encoding(path)), str(path))))


def _line_items(name: str, rows: list) -> List[Item]:
    """Segments (start, end, role, lang, text) with where each sits on its line."""
    text = document_text(PAGES / name)
    items = []
    for start, end, role, lang, segment_text in rows:
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        items.append(Item(Segment(segment_text, lang, role, name, start, end),
                          not text[text.rfind("\n", 0, start) + 1:start].strip(),
                          not text[end:line_end].strip()))
    return items


def unseen_readings(entries: Sequence[dict]) -> Dict[str, Reading]:
    """Each page read by the rules of the last revision that had not seen it."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-tree", "--name-only", BEFORE_16B,
                             "tests/data/pages/"], check=True, capture_output=True, text=True)
    first_pages = {Path(line).name for line in listed.stdout.split()}
    by_revision: Dict[str, List[str]] = defaultdict(list)
    for entry in entries:
        revision = FIRST_READ.get(entry["split"],
                                  BEFORE_16 if entry["file"] in first_pages else BEFORE_16B)
        by_revision[revision].append(entry["file"])
    readings = {}
    for revision, names in by_revision.items():
        with pages.exported(revision) as tmp:
            env = {**os.environ, "PYTHONPATH": tmp, "PYTHONDONTWRITEBYTECODE": "1"}
            dumped = subprocess.run([sys.executable, "-c", DUMP, *(str(PAGES / n) for n in names)],
                                    check=True, capture_output=True, text=True, env=env, cwd=tmp)
        for path, rows in json.loads(dumped.stdout).items():
            name = Path(path).name
            readings[name] = _reading(name, _line_items(name, rows))
    return readings


def fit(readings: Sequence[Reading], l2: float) -> Dict[str, Dict[str, float]]:
    """Multinomial logistic regression (Adam on the mean log loss, L2 but on the bias)."""
    rows = [feats for reading in readings for feats in reading.feats]
    targets = [target for reading in readings for target in reading.targets]
    names = sorted({name for row in rows for name in row})
    column = {name: j for j, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, row in enumerate(rows):
        for name, value in row.items():
            x[i, column[name]] = value
    y = np.zeros((len(rows), len(ROLES)))
    y[np.arange(len(rows)), [ROLES.index(t) for t in targets]] = 1.0
    w = np.zeros((len(names), len(ROLES)))
    penalty = np.full((len(names), 1), l2 / len(rows))
    penalty[column["bias"]] = 0.0
    moment, square = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        scores = x @ w
        prob = np.exp(scores - scores.max(axis=1, keepdims=True))
        prob /= prob.sum(axis=1, keepdims=True)
        grad = x.T @ (prob - y) / len(rows) + penalty * w
        moment = 0.9 * moment + 0.1 * grad
        square = 0.999 * square + 0.001 * grad ** 2
        w -= RATE * (moment / (1 - 0.9 ** step)) / (np.sqrt(square / (1 - 0.999 ** step)) + 1e-8)
    return {role: {name: round(float(w[j, k]), 4) for name, j in column.items()
                   if abs(w[j, k]) >= 1e-4}
            for k, role in enumerate(ROLES)}


def scored(readings: Sequence[Reading], roles: Dict[str, List[str]]) -> dict:
    """eval_pages figures, each segment of a reading given the role `roles[name]` lists."""
    counts: Dict[str, Counter] = defaultdict(Counter)
    for reading in readings:
        predicted = [Span(s.start, s.end, role, s.lang)
                     for s, role in zip(reading.segments, roles[reading.name])]
        pages.score_page(reading.name, reading.gold, predicted, counts, None)
    return pages.figures({key: dict(value) for key, value in counts.items()})


def rule_roles(readings: Sequence[Reading]) -> Dict[str, List[str]]:
    return {r.name: [s.role for s in r.segments] for r in readings}


def model_roles(readings: Sequence[Reading], models: Dict[str, Model]) -> Dict[str, List[str]]:
    """Each reading's roles by models[name] (the model its page was held out of)."""
    return {r.name: [model.predict(f, s.role, models[r.name]) for f, s in zip(r.feats, r.segments)]
            for r in readings}


def cross_validate(fold_of: Dict[str, int], readings: List[Dict[str, Reading]], folds: int,
                   l2: float) -> Dict[str, Dict[str, Dict[str, float]]]:
    """Weights for each page, trained on the other outlet folds' pages (all their readings)."""
    held_out = {}
    for k in range(folds):
        fold = {name for name, f in fold_of.items() if f == k}
        weights = fit([by_name[n] for by_name in readings for n in fold_of if n not in fold], l2)
        held_out.update(dict.fromkeys(fold, weights))
    return held_out


def table_row(label: str, results: List[dict]) -> str:
    cells = [f"{result[lang]['role accuracy']:.3f}" for result in results for lang in ("ko", "en")]
    return f"| {label} | " + " | ".join(cells) + " |"


def mean_accuracy(results: List[dict]) -> float:
    return float(np.mean([result[lang]["role accuracy"] for result in results
                          for lang in ("ko", "en")]))


def write_model(weights: Dict[str, Dict[str, float]], l2: float, margin: float,
                names: List[str]) -> None:
    stored = {"built_by": "scripts/train_roles.py", "trained_on": sorted(names), "l2": l2,
              "margin": margin, "weights": weights}
    model.WEIGHTS.parent.mkdir(exist_ok=True)
    with open(model.WEIGHTS, "w", encoding="utf-8") as handle:
        json.dump(stored, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"wrote {model.WEIGHTS.relative_to(REPO)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="outlet folds")
    parser.add_argument("--no-write", dest="write", action="store_false")
    args = parser.parse_args()
    entries = [e for e in pages.manifest("all")
               if e["split"] in TRAIN_SPLITS and e["file"].endswith(".txt")]
    names = [e["file"] for e in entries]
    fold_of = pages.outlet_folds(entries, args.folds)
    # the two readings of every page: by the rules that had not seen it, by the current rules
    readings = [unseen_readings(entries), {name: current_reading(name) for name in names}]
    sizes = [sum(len(r.segments) for r in by_name.values()) for by_name in readings]
    print(f"pages: {len(names)}; segments: {sizes[0]} (earlier rules), {sizes[1]} (current"
          f" rules); {args.folds}-fold leave-outlets-out cross-validation")
    print("| roles by | ko, unseen rules | en, unseen rules | ko, current rules"
          " | en, current rules |\n| --- | --- | --- | --- | --- |")
    baseline = [scored(list(by_name.values()), rule_roles(by_name.values()))
                for by_name in readings]
    print(table_row("rules", baseline))
    choices = {}
    for l2 in L2:
        held_out = cross_validate(fold_of, readings, args.folds, l2)
        for margin in MARGINS:
            models = {name: Model(weights, margin) for name, weights in held_out.items()}
            results = [scored(list(by_name.values()), model_roles(by_name.values(), models))
                       for by_name in readings]
            choices[(l2, margin)] = mean_accuracy(results)
            print(table_row(f"model, L2 {l2:g}, margin {margin:g}", results))
    l2, margin = max(choices, key=choices.get)
    print(f"chosen: L2 {l2:g}, margin {margin:g} (mean accuracy {choices[(l2, margin)]:.3f}, "
          f"rules {mean_accuracy(baseline):.3f})")
    if args.write:
        write_model(fit([by_name[n] for by_name in readings for n in names], l2), l2, margin,
                    names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
