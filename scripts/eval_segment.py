#!/usr/bin/env python3
"""Sentence-boundary precision/recall/F1 of `mtalign segment`, beside pysbd and kiwipiepy.

Gold: the one-sentence-per-line Korean-English news data. Lines that are corpus
fragments are left out (no sentence-final punctuation; English starting in lower case;
a line that visibly holds two sentences, marked or not: 겪었습니다 그래서, ...), the
rest are joined into paragraphs of 3-8 sentences. A boundary is the offset where a
sentence starts inside a paragraph.

    .venv/bin/python scripts/eval_segment.py [--data DIR | --file FILE:LANG ...]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "korean-english-news"
)
FINAL = re.compile(r"[.?!][\"'”’)\]]*$")
# A sentence end visibly inside the line: a word ending in two lower-case letters (not a
# title such as Mrs.) or a Hangul syllable, a mark, a space, then a capital, Hangul, a
# digit after Hangul, or an opening quote.
INNER_END = re.compile(
    r"(?:\b(?P<word>[A-Za-z]*[a-z]{2})|[가-힣](?=[.?!][\"'”’]*\s+\d))[.?!][\"'”’]*\s+[\"'“‘(`]*[A-Z가-힣0-9]"
)
TITLES = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Jr",
    "Sr",
    "St",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Gov",
    "Sen",
    "Rep",
    "Prof",
    "Rev",
    "Capt",
    "Maj",
    "Mt",
    "Ft",
    "No",
    "Co",
    "Corp",
    "Inc",
    "Ltd",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "vs",
    "etc",
    "Bros",
    "Messrs",
}
HANGUL_END = re.compile(r"[가-힣][.?!][\"'”’]*\s+[\"'“‘(]*[가-힣0-9A-Z]")
GLUED_END = re.compile(r"[a-z]{2}[.?!][\"”’]?[A-Z][a-z]")  # "East Sea.The Korea ...": two
# A formal -ㅂ니다 ending with no mark before the next word: "겪었습니다 그래서, ...": two.
UNMARKED_END = re.compile(r"([가-힣])니다\s+[가-힣]")
FINAL_B = 17  # index of the final consonant ㅂ in a Hangul syllable


def _unmarked_end(line: str) -> bool:
    return any((ord(m.group(1)) - 0xAC00) % 28 == FINAL_B for m in UNMARKED_END.finditer(line))


def holds_two_sentences(line: str) -> bool:
    if HANGUL_END.search(line) or GLUED_END.search(line) or _unmarked_end(line):
        return True
    return any(
        match.group("word") not in TITLES
        for match in INNER_END.finditer(line)
        if match.group("word")
    )


def is_gold(line: str, lang: str) -> bool:
    line = line.strip()
    if not line or not FINAL.search(line) or holds_two_sentences(line):
        return False
    return not (lang == "en" and line[0].islower())


def paragraphs(lines, seed: int):
    rng = random.Random(seed)
    position = 0
    while position < len(lines):
        size = rng.randint(3, 8)
        group = lines[position:position + size]
        position += size
        if len(group) >= 2:
            yield group


def gold_boundaries(group):
    starts, offset = set(), 0
    for index, sentence in enumerate(group):
        if index:
            starts.add(offset)
        offset += len(sentence) + 1
    return starts


def mtalign_boundaries(texts):
    """Run the real CLI on one file holding every paragraph; blank lines separate them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paragraphs.txt"
        path.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
        output = subprocess.run(
            [sys.executable, "-m", "mtalign.cli", "segment", str(path)],
            check=True, capture_output=True, text=True,
        ).stdout
    para_starts, offset = [], 0
    for text in texts:
        para_starts.append(offset)
        offset += len(text) + 2
    found = [set() for _ in texts]
    index = 0
    for line in output.splitlines():
        start = json.loads(line)["start"]
        while index + 1 < len(para_starts) and start >= para_starts[index + 1]:
            index += 1
        if start > para_starts[index]:
            found[index].add(start - para_starts[index])
    return found


def pysbd_boundaries(texts, lang):
    import pysbd

    segmenter = pysbd.Segmenter(language=lang, clean=False, char_span=True)
    return [{span.start for span in segmenter.segment(text)} - {0} for text in texts]


def kiwi_boundaries(texts):
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    return [{sentence.start for sentence in kiwi.split_into_sents(text)} - {0} for text in texts]


def one_rule_boundaries(texts):
    return [{match.end() for match in re.finditer(r"[.?!][\"'”’)]*\s+", text)} for text in texts]


def score(gold, predicted):
    tp = sum(len(g & p) for g, p in zip(gold, predicted))
    fp = sum(len(p - g) for g, p in zip(gold, predicted))
    fn = sum(len(g - p) for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(path: Path, lang: str, seed: int) -> list:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    kept = [line for line in lines if is_gold(line, lang)]
    groups = list(paragraphs(kept, seed))
    texts = [" ".join(group) for group in groups]
    gold = [gold_boundaries(group) for group in groups]
    systems = {"mtalign": lambda: mtalign_boundaries(texts)}
    if lang == "en":
        systems["pysbd"] = lambda: pysbd_boundaries(texts, "en")
    else:
        systems["kiwipiepy"] = lambda: kiwi_boundaries(texts)
        systems["one-rule"] = lambda: one_rule_boundaries(texts)
    rows = []
    for name, run in systems.items():
        began = time.perf_counter()
        predicted = run()
        seconds = time.perf_counter() - began
        rows.append(
            (
                path.name,
                lang,
                len(kept),
                sum(map(len, gold)),
                name,
                *score(gold, predicted),
                seconds,
            )
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with *.ko, *.nk and *.en files"
    )
    parser.add_argument(
        "--file",
        action="append",
        default=[],
        metavar="FILE:LANG",
        help="a file and its language (ko or en)",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--errors", action="store_true", help="print mtalign's wrong boundaries")
    args = parser.parse_args()
    files = [(Path(spec.rsplit(":", 1)[0]), spec.rsplit(":", 1)[1]) for spec in args.file]
    if not files:
        files = [
            (path, "en" if path.suffix == ".en" else "ko")
            for path in sorted(args.data.iterdir())
            if path.suffix in (".ko", ".nk", ".en")
        ]
    print("| file | lang | gold lines | boundaries | system | precision | recall | F1 | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for path, lang in files:
        for row in evaluate(path, lang, args.seed):
            print("| {} | {} | {} | {} | {} | {:.4f} | {:.4f} | {:.4f} | {:.2f} |".format(*row))
        if args.errors:
            show_errors(path, lang, args.seed)
    return 0


def show_errors(path: Path, lang: str, seed: int) -> None:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    groups = list(paragraphs([line for line in lines if is_gold(line, lang)], seed))
    texts = [" ".join(group) for group in groups]
    for text, group, found in zip(texts, groups, mtalign_boundaries(texts)):
        gold = gold_boundaries(group)
        for offset in sorted(found ^ gold):
            kind = "FP" if offset in found else "FN"
            print(
                f"  {kind}: "
                f"...{text[max(0, offset - 50) : offset]}|{text[offset : offset + 30]}...",
                file=sys.stderr,
            )


if __name__ == "__main__":
    sys.exit(main())
