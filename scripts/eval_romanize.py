#!/usr/bin/env python3
"""Held-out accuracy of the name romanizer on real people, beside hangul-romanize and
korean-romanizer run in the same script (their output arranged as Surname Given-name).

The collected people (corpora/names/*.tsv) and the curated glossary people are split BY
PERSON (every row with one Hangul name falls on one side, by a hash of the name): the
tables are derived from the learning part only, never from a test person. Reported per
source, for the media-spelled sources (MEDIA_SPELLED) and the self-registered ones apart:
exact (the spelling as the source writes it; one registered in capitals or run together,
KANG GIYUN, as Yonhap prints it, Kang Gi-yun) and lenient (case, hyphens and spaces
ignored) accuracy, the top-3 hit rate, each source's convention, reliability tables (of the
outputs given confidence >= x, the share right) and the commonest syllable errors.
--leave-source-out also derives from all other sources only. --cv K scores the LEARNING
part only (K folds by person, the held-out people untouched) and stops: changes to the
model are chosen by it, so that the held-out figures stay an honest estimate. South Korean
people as Yonhap's English service writes them (south-yonhap-written.tsv) are a part of their
own, beside media-spelled; --yonhap-weight N learns from them N times (shipped: 0).
North Korean names: tests/data/names/north.tsv (KCNA spellings) in kcna form and in the
form South Korean media give them (Kim Yo-jong).

    .venv/bin/python scripts/eval_romanize.py [--leave-source-out] [--errors 15] [--cv 5]
        [--yonhap-weight N]
"""

from __future__ import annotations

import argparse
import re
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import derive_name_preferences as derivation  # noqa: E402

from mtalign.names.learn import Model, house_form, segment  # noqa: E402
from mtalign.names.romanize import romanize  # noqa: E402
from mtalign.names.styles import kcna_spacing, split_name, yonhap_north  # noqa: E402

NAMES = Path(__file__).resolve().parent.parent / "tests" / "data" / "names"
TEST_SHARE = 5  # one person in five is held out
WRITTEN = "north-yonhap-written.tsv"  # North Korean names as South Korean outlets print them
THRESHOLDS = (0.9, 0.8, 0.6, 0.4, 0.2, 0.0)
# The parts cross-validation reports beside all rows but the Yonhap-written ones.
CV_PARTS = (
    ("media-spelled", derivation.MEDIA_SPELLED),
    ("Yonhap-written South", (derivation.YONHAP_WRITTEN,)),
)


def held_out(korean: str) -> bool:
    return zlib.crc32(korean.encode("utf-8")) % TEST_SHARE == 0


def lenient(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.casefold())


def as_written(korean: str, english: str) -> str:
    """The source's spelling; one registered in capitals or run together (KANG GIYUN) as
    Yonhap would print it (Kang Gi-yun)."""
    if "-" in english and not english.isupper():
        return english
    return house_form(korean, english)


def score(model: Model, rows) -> dict:
    """Exact, lenient and top-3 counts, confidences and syllable errors over (ko, en) rows."""
    result = {"n": 0, "exact": 0, "lenient": 0, "top3": 0, "confidence": [], "errors": Counter()}
    for korean, english in rows:
        candidates = model.candidates(korean, top=3)
        output, confidence = candidates[0]
        right = lenient(output) == lenient(english)
        result["n"] += 1
        result["exact"] += output == as_written(korean, english)
        result["lenient"] += right
        result["top3"] += any(lenient(form) == lenient(english) for form, _ in candidates)
        result["confidence"].append((confidence, right))
        if not right:
            result["errors"].update(_syllable_errors(korean, english, output))
    return result


def _syllable_errors(korean: str, expected: str, got: str):
    want, have = segment(korean, expected), segment(korean, got)
    if want and have:
        for (syllable, a), (_, b) in zip(want, have):
            if a.lower() != b.lower():
                yield f"{syllable}: {a.lower()} -> {b.lower()}"


def reliability(pairs) -> list:
    rows = []
    for threshold in THRESHOLDS:
        chosen = [right for confidence, right in pairs if confidence >= threshold]
        mean = sum(c for c, _ in pairs if c >= threshold) / len(chosen) if chosen else 0
        rows.append((threshold, len(chosen), sum(chosen) / len(chosen) if chosen else 0, mean))
    return rows


def others():
    systems = {}
    try:
        from hangul_romanize import Transliter
        from hangul_romanize.rule import academic

        systems["hangul-romanize"] = Transliter(academic).translit
    except ImportError:
        pass
    try:
        from korean_romanizer.romanizer import Romanizer

        systems["korean-romanizer"] = lambda text: Romanizer(text).romanize()
    except ImportError:
        pass
    return systems


def as_name(engine, hangul: str) -> str:
    surname, given = split_name(hangul)
    return f"{engine(surname).capitalize()} {engine(given).capitalize()}"


def line(label: str, result: dict) -> str:
    n = result["n"] or 1
    top3 = "-" if result["top3"] is None else f"{result['top3'] / n:.2f}"
    return (
        f"| {label} | {result['n']} | {result['exact'] / n:.2f} | {result['lenient'] / n:.2f} | "
        f"{top3} |"
    )


def table(title: str, results) -> None:
    """A Markdown table of (label, score) rows."""
    print(f"{title}\n\n| part | names | exact | lenient | top-3 |\n| --- | --- | --- | --- | --- |")
    for label, result in results:
        print(line(label, result))
    print()


def south_rows() -> list:
    """Collected and curated South Koreans whose spelling `segment` reads."""
    rows = derivation.corpus_rows("south") + derivation.glossary_rows()
    return [row for row in rows if segment(row[0], row[1])]


def learning_part(rows) -> list:
    """The rows not held out, less the public figures of tests/data/names (Yonhap-written
    rows included: `derivation.weighted` decides how much they are learnt from)."""
    kept = derivation.evaluation_names()
    return [row for row in rows if not held_out(row[0]) and row[0] not in kept]


def cross_validate(learn, folds: int, yonhap_weight: int) -> None:
    """K-fold by person on the learning part: each fold romanized by tables fitted on the
    others, the Yonhap-written rows counted `yonhap_weight` times (no calibration fit: it
    does not change the first spelling)."""
    fold_of = lambda korean: zlib.crc32(korean.encode("utf-8")) // TEST_SHARE % folds  # noqa: E731
    totals = defaultdict(lambda: {"n": 0, "exact": 0, "lenient": 0, "top3": 0})
    for fold in range(folds):
        fitted = [row for row in learn if fold_of(row[0]) != fold]
        tables = derivation.fit(derivation.weighted(fitted, yonhap_weight))
        model = Model(tables, tables["house_surnames"])
        rows = [row for row in learn if fold_of(row[0]) == fold]
        for label, sources in (*CV_PARTS, ("all but Yonhap-written", None)):
            pairs = [
                (ko, en)
                for ko, en, _, s in rows
                if (s in sources if sources else s != derivation.YONHAP_WRITTEN)
            ]
            result = score(model, pairs)
            for key in ("n", "exact", "lenient", "top3"):
                totals[label][key] += result[key]
    table(
        f"Cross-validation on the learning part ({folds} folds by person, Yonhap-written rows "
        f"x{yonhap_weight}):",
        totals.items(),
    )


def south(rows, args) -> None:
    """Held out by person: every source, the curated glossary people (their Yonhap form),
    media-spelled and self-registered spellings apart, the public figures never learnt."""
    test, learn = [row for row in rows if held_out(row[0])], learning_part(rows)
    tables = derivation.build(derivation.weighted(learn, args.yonhap_weight))
    model = Model(tables, tables["house_surnames"])
    print(
        f"South: {len(learn)} learning rows ({sum(r[3] == 'glossary' for r in learn)} of them "
        f"curated glossary people), {len(test)} held-out people\n"
    )
    conventions(model, learn)
    parts = {source: pairs_of(test, (source,)) for source in sorted({row[3] for row in test})}
    media = pairs_of(test, derivation.MEDIA_SPELLED)
    written = pairs_of(test, (derivation.YONHAP_WRITTEN,))
    registered = [
        (ko, en)
        for ko, en, _, source in test
        if source not in (*derivation.MEDIA_SPELLED, derivation.YONHAP_WRITTEN)
    ]
    figures = [
        line.split("\t")[:2] for line in (NAMES / "south.tsv").read_text("utf-8").splitlines()
    ]
    scores = {"media": score(model, media), "all": score(model, media + registered)}
    table(
        "Held out by person, mtalign --style yonhap (no glossary):",
        [(source, score(model, pairs)) for source, pairs in parts.items()]
        + [
            ("media-spelled (" + ", ".join(derivation.MEDIA_SPELLED) + ")", scores["media"]),
            (f"Yonhap-written South ({derivation.YONHAP_WRITTEN})", score(model, written)),
            ("self-registered (film database, National Assembly)", score(model, registered)),
            ("all South", scores["all"]),
            (
                "tests/data/names/south.tsv: public figures as Yonhap spells them (never learnt)",
                score(model, figures),
            ),
        ]
        + baselines(media, registered),
    )
    for label, result in scores.items():
        print(
            f"Reliability ({label}, held out): of the outputs given confidence >= x, "
            "the share right (lenient)\n"
        )
        print("| confidence >= | outputs | right | mean confidence |\n| --- | --- | --- | --- |")
        for threshold, count, right, mean in reliability(result["confidence"]):
            print(f"| {threshold:.1f} | {count} | {right:.2f} | {mean:.2f} |")
        print()
    print(
        "Commonest syllable errors, all South (expected -> given): "
        + "; ".join(
            f"{error} ({count})"
            for error, count in scores["all"]["errors"].most_common(args.errors)
        )
    )
    if args.leave_source_out:
        leave_source_out(rows)


def pairs_of(rows, sources) -> list:
    return [(ko, en) for ko, en, _, source in rows if source in sources]


def conventions(model: Model, rows) -> None:
    """Each source's convention: the mean share of the newsroom habits (Young-hee, Sung-min)
    against Revised Romanization (Yeong-hui, Seong-min) in its people's spellings."""
    shares = defaultdict(list)
    for korean, english, _, source in rows:
        shares[source].append(model.convention_shares(korean, english)[model.news])
    print("| source (learning part) | people | newsroom habits | Revised Romanization |")
    print("| --- | --- | --- | --- |")
    for source, values in sorted(shares.items()):
        news = sum(values) / len(values)
        print(f"| {source} | {len(values)} | {news:.2f} | {1 - news:.2f} |")
    print()


def baselines(media, registered) -> list:
    """hangul-romanize and korean-romanizer (bench extra), arranged as Surname Given-name."""
    results = []
    for name, engine in others().items():
        for label, pairs in (("media-spelled", media), ("self-registered", registered)):
            result = {"n": len(pairs), "top3": None}
            result["lenient"] = sum(lenient(as_name(engine, ko)) == lenient(en) for ko, en in pairs)
            result["exact"] = sum(as_name(engine, ko) == as_written(ko, en) for ko, en in pairs)
            results.append((f"{label} ({name})", result))
    return results


def leave_source_out(rows) -> None:
    """Each source romanized by tables derived from all the others (glossary included)."""
    results = []
    kept = derivation.evaluation_names()
    for source in sorted({row[3] for row in rows}):
        learn = [row for row in rows if row[3] != source and row[0] not in kept]
        tables = derivation.build(derivation.weighted(learn))
        model = Model(tables, tables["house_surnames"])
        results.append((source, score(model, pairs_of(rows, (source,)))))
    table("Leave one source out (derived from all the other sources):", results)


def north_forms(english: str) -> Tuple[str, str]:
    """(KCNA form, Yonhap's North Korean form) of a source's spelling: a hyphenated one (Ri
    Pyong-chol, the English Wikipedia's) is Yonhap's form and KCNA spaces the syllables; a
    spaced one (Ri Pyong Chol, KCNA's own) is KCNA's and Yonhap hyphenates the given name."""
    if "-" in english:
        return kcna_spacing(english), english
    return english, yonhap_north(english)


def north_people(rows) -> List[Tuple[str, Tuple[str, str]]]:
    """Distinct people (Hangul, forms) of (ko, en, ...) rows; one person named by two sources
    in the same forms counts once."""
    return sorted({(korean, north_forms(english)) for korean, english, *_ in rows})


def north_score(people) -> Tuple[Counter, List[str]]:
    """Exact and lenient hits in both forms (name rules, --side north; Yonhap's form also with
    side auto, which must tell a North Korean name from its spelling), and the misses."""
    counts, misses = Counter(), []
    for korean, (kcna, media) in people:
        got_kcna = romanize(korean, "kcna", kind="name", side="north").output
        got_media = romanize(korean, "yonhap", kind="name", side="north").output
        counts["n"] += 1
        counts["kcna"] += got_kcna == kcna
        counts["kcna lenient"] += lenient(got_kcna) == lenient(kcna)
        counts["media"] += got_media == media
        counts["media lenient"] += lenient(got_media) == lenient(media)
        counts["auto"] += romanize(korean, "yonhap", kind="name").output == media
        if (got_kcna, got_media) != (kcna, media):
            misses.append(f"{korean} {kcna} / {media} -> {got_kcna} / {got_media}")
    return counts, misses


def north_line(label: str, people) -> Tuple[str, List[str]]:
    counts, misses = north_score(people)
    n = counts["n"] or 1
    figures = " | ".join(
        f"{counts[key] / n:.2f}"
        for key in ("kcna", "kcna lenient", "media", "media lenient", "auto")
    )
    return f"| {label} | {counts['n']} | {figures} |", misses


def written_parts(rows) -> list:
    """The spellings South Korean outlets print (Kim Yo-jong), apart from the Yonhap form
    derived from KCNA's: learning part, and all people (the rules were not changed from
    them), and those Yonhap wrote itself (its own pages or its copy in other papers)."""
    return [
        (f"learning part, {WRITTEN}", north_people(r for r in rows if not held_out(r[0]))),
        (f"all people, {WRITTEN}", north_people(rows)),
        (
            f"all people, {WRITTEN}, Yonhap's own copy",
            north_people(r for r in rows if "Yonhap" in r[2]),
        ),
    ]


def north_sides(rows, path: Path) -> None:
    """The collected North Korean people split by person as the South ones are (per source
    and all), then the curated public figures of `path` (KCNA spellings)."""
    print(
        "\nNorth Korean names (name rules, --side north; exact: the source's own spelling in "
        "its form, the other form derived)\n"
    )
    print(
        "| North, people | people | kcna exact | kcna lenient | Yonhap North exact | "
        "Yonhap North lenient | Yonhap North, side auto |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    test = [row for row in rows if held_out(row[0])]
    parts = [
        (f"held out, {source}", north_people(row for row in test if row[3] == source))
        for source in sorted({row[3] for row in rows})
    ]
    derived = [row for row in rows if row[3] != WRITTEN]
    parts += [
        (
            "held out, all sources but the outlets'",
            north_people(r for r in derived if held_out(r[0])),
        ),
        ("learning part, the same", north_people(r for r in derived if not held_out(r[0]))),
    ]
    parts += written_parts([row for row in rows if row[3] == WRITTEN])
    figures = [line.split("\t")[:2] for line in path.read_text("utf-8").splitlines() if line]
    parts.append((f"{path.name} (curated)", north_people(figures)))
    misses = []
    for label, people in parts:
        line, missed = north_line(label, people)
        print(line)
        misses += [f"{miss} ({label})" for miss in missed if label.startswith(("held", "all"))]
    print("\nNorth misses (Hangul expected kcna / Yonhap -> given): " + "; ".join(misses))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leave-source-out", action="store_true")
    parser.add_argument("--errors", type=int, default=15, help="how many syllable errors to list")
    parser.add_argument("--north", type=Path, default=NAMES / "north.tsv")
    parser.add_argument("--cv", type=int, metavar="K", help="only K-fold CV on the learning part")
    parser.add_argument(
        "--yonhap-weight",
        type=int,
        default=derivation.YONHAP_WEIGHT,
        metavar="N",
        help="learn from the Yonhap-written rows N times (default: as shipped)",
    )
    args = parser.parse_args()
    if args.cv:
        cross_validate(learning_part(south_rows()), args.cv, args.yonhap_weight)
        return 0
    south(south_rows(), args)
    north_sides(
        [row for row in derivation.corpus_rows("north") if segment(row[0], row[1])], args.north
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
