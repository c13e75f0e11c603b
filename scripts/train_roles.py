#!/usr/bin/env python3
"""Train the learned role model (mtalign/segment/roles_model.py) on the gold pages.

Each segment the rules make on a text page of tests/data/pages (every split named in
TRAIN_SPLITS: all of them were scored once and are development pages now; not the HTML
pages) takes the role of the gold segment it overlaps most; a multinomial logistic
regression (numpy, L2) learns it from roles_model.features.

The rules were written from these very pages, so on them the rules' roles are nearly
always right, which is not what the rules do on a page they have not seen. So every page
is read twice: by the current rules, and by the rules of the last revision before any rule
was written from that page (FIRST_READ). Both readings train the model.

Leave-outlets-out cross-validation (pages grouped by publisher as `eval_pages.py
--group-by outlet` deals them; every reading of a page in its outlet's fold) chooses the L2
strength and the margin by which the model's choice must beat the rules' role, by the mean
role accuracy (eval_pages.py's measure) over Korean and English and over both readings.
With --nested, each outlet fold is also scored by a model whose setting was chosen by a
cross-validation inside the other folds alone (the honest estimate, per fold and pooled,
beside the rules'). The model trained on every page is written as JSON to
mtalign/segment/data/roles_model.json.

    .venv/bin/python scripts/train_roles.py [--folds 5] [--nested] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import eval_pages as pages  # noqa: E402
from eval_pages import PAGES, REPO, Span  # noqa: E402

from mtalign.segment import detect_encoding, document_text, iter_lines, page_items  # noqa: E402
from mtalign.segment import roles_model as model  # noqa: E402
from mtalign.segment.roles_model import ROLES, Item  # noqa: E402
from mtalign.types import Segment  # noqa: E402

# Every part scored and spent; a held-out part added later (heldout6) is never trained on.
TRAIN_SPLITS = ("dev", "dev-heldout1", "heldout2", "heldout3", "heldout4", "heldout5")
# The rules had not seen a page before these revisions: main before issue 16 (its first
# pages), main before issue 16b (the pages 16b added), main before 16c (dev-heldout1, the
# first held-out part, tuned on from 16c), main before 16r (heldout2 and heldout3), main
# before 16h (heldout4), main with heldout5 merged before any rule was written from it.
BEFORE_16, BEFORE_16B, BEFORE_16C, BEFORE_16R = "d860491", "441d6cb", "a20d0f3", "79eef9c"
BEFORE_16H, BEFORE_16R3 = "a5a20b7", "93939d1"
FIRST_READ = {"dev-heldout1": BEFORE_16C, "heldout2": BEFORE_16R, "heldout3": BEFORE_16R,
              "heldout4": BEFORE_16H, "heldout5": BEFORE_16R3}
HELD_OUT = ("heldout2", "heldout3", "heldout4", "heldout5")  # each first read as held out
READINGS = ("unseen rules", "current rules")
LEVEL = 0.005  # a language where the model trails the rules by no more than this is level
LANGS = ("ko", "en")
# A segment weighs 1 / n ** power in training, n the segments of its page's reading: 0 lets
# long pages (and outlets with many of them) lead, 0.5 weighs pages more evenly.
PAGE_POWERS = (0.0, 0.5)
L2 = (1.0, 3.0, 10.0)
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.6)
RATE, STEPS = 0.1, 400
DUMP = """import json, sys
from mtalign.segment import segment_file
print(json.dumps({p: [[s.start, s.end, s.role, s.lang, s.text] for s in segment_file(p)]
                  for p in sys.argv[1:]}))"""

Setting = Tuple[float, float, float]  # page power, L2 strength, margin
Fitted = Dict[Tuple[float, float], np.ndarray]  # (page power, L2) -> weights per fold


@dataclass
class Reading:
    """One reading of a page: the rules' segments, their features and gold roles, and for
    each gold segment its language and the reading's segment that matches it best."""

    name: str
    segments: List[Segment]
    feats: List[Dict[str, float]]
    targets: List[str]
    gold_roles: List[str]
    gold_langs: List[str]
    matches: List[int]  # index into segments, -1 for none


def _reading(name: str, items: List[Item]) -> Reading:
    gold = pages.read_gold((PAGES / name).with_suffix(".gold.tsv"))
    rows = list(model.page_features(items))
    segments = [segment for segment, _ in rows]
    spans = [Span(s.start, s.end, s.role, s.lang) for s in segments]
    targets = [(pages.best_match(span, gold) or span).role for span in spans]
    index = {id(span): i for i, span in enumerate(spans)}
    matches = [index[id(m)] if (m := pages.best_match(g, spans)) else -1 for g in gold]
    return Reading(name, segments, [feats for _, feats in rows], targets,
                   [g.role for g in gold], [pages.segment_language(g, name) for g in gold],
                   matches)


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


class Table:
    """Every segment of every reading as one row of a feature matrix, and every gold
    segment with the row that matches it, so that folds are row masks."""

    def __init__(self, readings: List[Dict[str, Reading]], entries: Sequence[dict],
                 fold_of: Dict[str, int]):
        outlet_of = {e["file"]: pages.outlet_group(e["outlet"]) for e in entries}
        split_of = {e["file"]: e["split"] for e in entries}
        flat = [(kind, r) for kind, by_name in enumerate(readings) for r in by_name.values()]
        rows = [f for _, r in flat for f in r.feats]
        self.columns = sorted({name for row in rows for name in row})
        where = {name: j for j, name in enumerate(self.columns)}
        self.x = np.zeros((len(rows), len(self.columns)), dtype=np.float32)
        for i, row in enumerate(rows):
            for name, value in row.items():
                self.x[i, where[name]] = value
        role = {name: k for k, name in enumerate(ROLES)}
        self.target = np.array([role[t] for _, r in flat for t in r.targets])
        self.rule = np.array([role[s.role] for _, r in flat for s in r.segments])
        self.fold = np.array([fold_of[r.name] for _, r in flat for _ in r.segments])
        self.page_size = np.array([len(r.segments) for _, r in flat for _ in r.segments],
                                  dtype=np.float32)
        offsets = np.cumsum([0] + [len(r.segments) for _, r in flat])
        self.gold_role = np.array([role[g] for _, r in flat for g in r.gold_roles])
        self.gold_lang = np.array([LANGS.index(g) for _, r in flat for g in r.gold_langs])
        self.gold_kind = np.array([kind for kind, r in flat for _ in r.gold_roles])
        self.gold_fold = np.array([fold_of[r.name] for _, r in flat for _ in r.gold_roles])
        self.gold_outlet = np.array([outlet_of[r.name] for _, r in flat for _ in r.gold_roles])
        self.gold_split = np.array([split_of[r.name] for _, r in flat for _ in r.gold_roles])
        self.gold_row = np.array([offsets[n] + m if m >= 0 else -1
                                  for n, (_, r) in enumerate(flat) for m in r.matches])

    def rows_in(self, folds: Sequence[int]) -> np.ndarray:
        return np.isin(self.fold, folds)


def fit(table: Table, rows: np.ndarray, power: float, l2: float) -> np.ndarray:
    """Multinomial logistic regression (Adam on the weighted mean log loss, L2 but on the
    bias) on the rows selected by the mask `rows`; columns x roles weights."""
    x, targets = table.x[rows], table.target[rows]
    y = np.zeros((len(x), len(ROLES)), dtype=np.float32)
    y[np.arange(len(x)), targets] = 1.0
    weight = table.page_size[rows] ** -power
    weight = (weight / weight.mean())[:, None]
    w = np.zeros((x.shape[1], len(ROLES)), dtype=np.float32)
    penalty = np.full((x.shape[1], 1), l2 / len(x), dtype=np.float32)
    penalty[table.columns.index("bias")] = 0.0
    moment, square = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        scores = x @ w
        prob = np.exp(scores - scores.max(axis=1, keepdims=True))
        prob /= prob.sum(axis=1, keepdims=True)
        grad = x.T @ ((prob - y) * weight) / len(x) + penalty * w
        moment = 0.9 * moment + 0.1 * grad
        square = 0.999 * square + 0.001 * grad ** 2
        w -= RATE * (moment / (1 - 0.9 ** step)) / (np.sqrt(square / (1 - 0.999 ** step)) + 1e-8)
    return w


def relabelled(table: Table, w: np.ndarray, margin: float) -> np.ndarray:
    """Every row's role index as roles_model.predict gives it with weights `w`."""
    scores = table.x @ w
    prob = np.exp(scores - scores.max(axis=1, keepdims=True))
    prob /= prob.sum(axis=1, keepdims=True)
    best = prob.argmax(axis=1)
    rows = np.arange(len(prob))
    return np.where(prob[rows, best] - prob[rows, table.rule] >= margin, best, table.rule)


def accuracy(table: Table, roles: np.ndarray, folds: Sequence[int], kind: int, lang: int,
             by_outlet: bool = False, splits: Sequence[str] = TRAIN_SPLITS) -> float:
    """eval_pages' role accuracy of one reading's gold segments in `folds` and `splits` and
    one language; by_outlet: the mean of each outlet's accuracy (each outlet weighing the
    same)."""
    chosen = (np.isin(table.gold_fold, folds) & np.isin(table.gold_split, splits)
              & (table.gold_kind == kind) & (table.gold_lang == lang))
    right = (table.gold_row >= 0) & (roles[table.gold_row] == table.gold_role)
    if not by_outlet:
        return float(right[chosen].mean()) if chosen.any() else 0.0
    outlets = table.gold_outlet[chosen]
    return float(np.mean([right[chosen][outlets == o].mean() for o in np.unique(outlets)]))


def mean_accuracy(table: Table, roles: np.ndarray, folds: Sequence[int]) -> float:
    """The selection measure: ko and en, both readings, equally."""
    return float(np.mean([accuracy(table, roles, folds, kind, lang)
                          for kind in range(len(READINGS)) for lang in range(len(LANGS))]))


def cross_validated(table: Table, folds: Sequence[int]) -> Fitted:
    """For each (page power, L2) and each fold in `folds`, the weights fitted on the other
    folds in `folds`."""
    return {(power, l2): np.stack([fit(table, table.rows_in([f for f in folds if f != k]),
                                       power, l2) for k in folds])
            for power in PAGE_POWERS for l2 in L2}


def held_out_roles(table: Table, folds: Sequence[int], weights: np.ndarray,
                   margin: float) -> np.ndarray:
    """Each row of `folds` relabelled by the weights fitted without its fold."""
    roles = table.rule.copy()
    for k, w in zip(folds, weights):
        rows = table.fold == k
        roles[rows] = relabelled(table, w, margin)[rows]
    return roles


def choose(table: Table, folds: Sequence[int],
           fitted: Fitted) -> Tuple[Setting, Dict[Setting, float]]:
    """The setting with the best cross-validated mean accuracy over `folds`."""
    score = {(power, l2, margin): mean_accuracy(table, held_out_roles(table, folds, w, margin),
                                                folds)
             for (power, l2), w in fitted.items() for margin in MARGINS}
    return max(score, key=score.get), score


def nested_roles(table: Table, folds: int, outer: Fitted) -> Tuple[np.ndarray, List[Setting]]:
    """Each fold relabelled by a model whose setting a cross-validation inside the other
    folds chose (outer[power, l2][k]: the weights fitted on every fold but k)."""
    roles, settings = table.rule.copy(), []
    for k in range(folds):
        inner = [f for f in range(folds) if f != k]
        (power, l2, margin), _ = choose(table, inner, cross_validated(table, inner))
        rows = table.fold == k
        roles[rows] = relabelled(table, outer[power, l2][k], margin)[rows]
        settings.append((power, l2, margin))
    return roles, settings


def print_nested(table: Table, folds: int, roles: np.ndarray, settings: List[Setting]) -> None:
    print("| fold (setting chosen inside the other folds) | reading | ko rules | ko model"
          " | en rules | en model |\n| --- | --- | --- | --- | --- | --- |")
    everything = list(range(folds))
    groups = [(f"fold {k} ({describe(setting)})", [k], {}) for k, setting in enumerate(settings)]
    groups += [("pooled", everything, {}), ("outlets weighed equally", everything,
                                            {"by_outlet": True}),
               ("heldout2-5 pages only", everything, {"splits": HELD_OUT}),
               ("heldout5 pages only", everything, {"splits": HELD_OUT[-1:]})]
    for label, scope, options in groups:
        for kind, reading in enumerate(READINGS):
            cells = [accuracy(table, which, scope, kind, lang, **options)
                     for lang in range(len(LANGS)) for which in (table.rule, roles)]
            print(f"| {label} | {reading} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")


def default_verdict(table: Table, roles: np.ndarray, folds: int) -> str:
    """Whether the nested figures back the model as the default: in each reading, pooled, it
    beats the rules in both languages, or in one and is level (within LEVEL) in the other."""
    everything = list(range(folds))
    lines, met = [], True
    for kind, reading in enumerate(READINGS):
        gains = [accuracy(table, roles, everything, kind, lang)
                 - accuracy(table, table.rule, everything, kind, lang)
                 for lang in range(len(LANGS))]
        met &= min(gains) >= -LEVEL and max(gains) > 0
        lines.append(f"{reading}: " + ", ".join(f"{lang} {gain:+.4f}"
                                                 for lang, gain in zip(LANGS, gains)))
    return ("model as default: " + ("criterion met" if met else "criterion NOT met")
            + " (model - rules, pooled, nested; " + "; ".join(lines) + ")")


def describe(setting: Setting) -> str:
    return "page power {:g}, L2 {:g}, margin {:g}".format(*setting)


def stored_weights(table: Table, w: np.ndarray) -> Dict[str, Dict[str, float]]:
    return {role: {name: round(float(w[j, k]), 4) for j, name in enumerate(table.columns)
                   if abs(w[j, k]) >= 1e-4}
            for k, role in enumerate(ROLES)}


def write_model(weights: Dict[str, Dict[str, float]], setting: Setting, names: List[str]) -> None:
    stored = {"built_by": "scripts/train_roles.py", "trained_on": sorted(names),
              "page_power": setting[0], "l2": setting[1], "margin": setting[2],
              "weights": weights}
    model.WEIGHTS.parent.mkdir(exist_ok=True)
    with open(model.WEIGHTS, "w", encoding="utf-8") as handle:
        json.dump(stored, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"wrote {model.WEIGHTS.relative_to(REPO)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="outlet folds")
    parser.add_argument("--nested", action="store_true",
                        help="also score each fold with a setting chosen inside the others")
    parser.add_argument("--no-write", dest="write", action="store_false")
    args = parser.parse_args()
    entries = [e for e in pages.manifest("all")
               if e["split"] in TRAIN_SPLITS and e["file"].endswith(".txt")]
    names = [e["file"] for e in entries]
    fold_of = pages.outlet_folds(entries, args.folds)
    table = Table([unseen_readings(entries), {name: current_reading(name) for name in names}],
                  entries, fold_of)
    everything = list(range(args.folds))
    print(f"pages: {len(names)}; segments (both readings): {len(table.x)}; features: "
          f"{len(table.columns)}; {args.folds}-fold leave-outlets-out cross-validation")
    outer = cross_validated(table, everything)
    setting, scores = choose(table, everything, outer)
    print(f"settings (mean of ko/en x both readings; rules "
          f"{mean_accuracy(table, table.rule, everything):.3f}): " + ", ".join(
              "{:g}/{:g}/{:g} {:.3f}".format(*key, score) for key, score in scores.items()))
    print(f"chosen: {describe(setting)}")
    if args.nested:
        roles, settings = nested_roles(table, args.folds, outer)
        print_nested(table, args.folds, roles, settings)
        print(default_verdict(table, roles, args.folds))
    if args.write:
        everyone = np.ones(len(table.x), dtype=bool)
        weights = fit(table, everyone, *setting[:2])
        write_model(stored_weights(table, weights), setting, names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
