#!/usr/bin/env python3
"""Synthetic mixed articles for fragment pairing (issue 16f), built from real sentence pairs.

Each article is a run of consecutive English sentences of the Korean-English news corpus
(../shared/data/korean-english-news/korean-english-park.dev.*, line N of one file translates
line N of the other) with Korean fragments and clutter put in, the way the real bilingual
and English pages of tests/data/pages mix them:
- a Korean sentence (or photo caption) on the line above its English counterpart (1-to-1);
- two Korean sentences above one English sentence joining both translations (2-to-1);
- one Korean sentence joining two (`…했다.` -> `…했고,`) above the two English sentences (1-to-2);
- distractors: Korean sentences from elsewhere in the half (no counterpart), near misses (the
  Korean of a neighbouring sentence whose English was left out), and clutter: menus in both
  languages, timestamps, e-mail tails, photo credits, copyright lines, mixed-language
  licence lines; none of it has a gold counterpart.
The pairs are split by index into a tuning half (lines 1-500) and a check half (501-1000), and
each clutter list into two alternating halves, so that the check half is scored on sentences
and clutter the rules were not tuned on.

Pages are written as NAME.txt + NAME.gold.tsv (the tests/data/pages format, with the `pair`
column) under OUT/tuning and OUT/check, seeded, so that a run rebuilds the same files.
`--score` then pairs every page with `align --fragments`'s code and prints precision and
recall as scripts/eval_pages.py counts them.

    .venv/bin/python scripts/build_fragment_set.py [--out build/fragment_set] [--seed 16]
        [--score] [--errors]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "data" / "korean-english-news"
HALVES = {"tuning": range(0, 500), "check": range(500, 1000)}

MENUS = [
    "Home > North Korea > Politics", "홈 > 정치 > 북한", "뉴스", "KBS NEWS", "기사 읽어주기",
    "Read the article aloud", "글자크기 설정", "Font size", "Home > Opinion > Editorials",
    "전체메뉴 열기", "Menu", "많이 본 뉴스", "Most viewed", "본문 바로가기", "Skip to content",
    "공유하기", "Share", "English", "한국어", "오피니언", "Opinion", "이전 기사 다음 기사",
]
KO_STAMPS = ["입력 {y}.{m:02d}.{d:02d} {h:02d}:{mi:02d}",
             "기사등록 {y}/{m:02d}/{d:02d} {h:02d}:{mi:02d}:00",
             "입력 {y}-{m:02d}-{d:02d} {h:02d}:{mi:02d} 수정 {y}-{m:02d}-{d:02d} {h2:02d}:{mi:02d}",
             "{y}년 {m}월 {d}일", "승인 {y}.{m:02d}.{d:02d} {h:02d}:{mi:02d}",
             "등록 {y}.{m:02d}.{d:02d} {h:02d}:{mi:02d}",
             "{y}.{m:02d}.{d:02d}. 오후 {h12}:{mi:02d}",
             "업데이트 {y}년 {m}월 {d}일 {h}시 {mi}분"]
EN_STAMPS = ["Published : {mon}. {d}, {y} - {h:02d}:{mi:02d}", "{wday}, {month} {d}, {y}",
             "Posted on {month} {d}, {y}", "Updated : {y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}",
             "{month} {d}, {y} {h12}:{mi:02d} PM", "Written: {y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}",
             "Last updated {d} {month} {y}", "{y}.{m:02d}.{d:02d} {h:02d}:{mi:02d}"]
EMAIL_TAILS = ["{y}.{m:02d}.{d:02d}. kmx1105@newsis.com", "kim.soyeon@yna.co.kr",
               "rodongphoto@news1.kr", "parkjy@heraldcorp.com", "장수영 기자 jsy@kbs.co.kr",
               "By Lee Ji-hye (jihye@koreatimes.co.kr)", "photo@newsis.com",
               "yoonjae@donga.com {y}-{m:02d}-{d:02d}"]
CREDITS = ["연합뉴스", "AFP-Yonhap", "EPA=연합뉴스", "© AFP=뉴스1", "Yonhap", "사진=뉴시스",
           "AP 연합뉴스", "(KBS 제공)", "Korea Herald photo", "/사진제공=통일부", "Reuters-Yonhap",
           "신화 연합뉴스"]
MIXED_CREDITS = [
    "[국내에서만 사용가능. 재배포 금지. DB 금지. For Use Only in the Republic of Korea. "
    "Redistribution Prohibited]",
    "ⓒ 코리아헤럴드 The Korea Herald 무단전재 및 재배포 금지",
    "저작권자 © 연합뉴스 Copyright Yonhap News Agency. All rights reserved. 무단 전재-재배포 금지",
    "[ⓒ 한국일보 Hankook Ilbo. 무단전재 및 재배포 금지]",
    "Copyright ⓒ KBS. All rights reserved. 무단 전재, 재배포 및 이용(AI 학습 포함) 금지",
    "[사진 Photo: 통일부 Ministry of Unification 제공]",
]
KO_CAPTION_CREDITS = ["연합뉴스", "AP=연합뉴스", "/사진=뉴시스", "(사진=통일부 제공)"]
EN_CAPTION_CREDITS = ["Yonhap", "AP-Yonhap", "Newsis", "Ministry of Unification"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Unit:
    """A gold segment being laid out; `pairs` names the units of its English counterpart."""

    text: str
    lang: str
    role: str = "body"
    pairs: List["Unit"] = field(default_factory=list)
    start: int = -1


Block = List[Unit]  # units on one line, joined by a space


def half_of(items: Sequence[str], half: str) -> List[str]:
    """Alternate items of a clutter list: even ones tune, odd ones check."""
    return list(items[0 if half == "tuning" else 1::2])


def fill_date(template: str, rng: random.Random) -> str:
    y, m, d = rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 22), rng.randint(0, 59)
    month = MONTHS[m - 1]
    return template.format(y=y, m=m, d=d, h=h, h2=h + 1, mi=mi, h12=h % 12 + 1, month=month,
                           mon=month[:3], wday=WEEKDAYS[rng.randint(0, 6)])


def clutter_line(rng: random.Random, half: str) -> Unit:
    kind = rng.choice(["menu", "ko_stamp", "en_stamp", "email", "credit", "mixed"])
    lists = {"menu": MENUS, "ko_stamp": KO_STAMPS, "en_stamp": EN_STAMPS, "email": EMAIL_TAILS,
             "credit": CREDITS, "mixed": MIXED_CREDITS}
    text = fill_date(rng.choice(half_of(lists[kind], half)), rng)
    return Unit(text, language(text), "boilerplate")


def language(text: str) -> str:
    hangul = sum("가" <= c <= "힣" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    if hangul and latin > hangul:
        return "mixed"
    return "ko" if hangul else ("en" if latin else "und")


def join_korean(first: str, second: str) -> str:
    """Two Korean sentences as one: the first one's final `-다.` becomes the connective `-고,`."""
    if not first.endswith("다."):
        return f"{first} {second}"
    stem = first[:-2]
    if stem.endswith("는"):
        stem = stem[:-1]
    elif stem and (ord(stem[-1]) - 0xAC00) % 28 == 4:  # final ㄴ (한다 -> 하고)
        stem = stem[:-1] + chr(ord(stem[-1]) - 4)
    return f"{stem}고, {second}"


def join_english(first: str, second: str) -> str:
    """Two English sentences as one, joined by a semicolon."""
    head = first.rstrip().rstrip(".")
    tail = second if second[:2].isupper() or second.split(" ")[0] in ("I", "I'm") else \
        second[:1].lower() + second[1:]
    return f"{head}; {tail}"


def body_blocks(pairs: Sequence[Tuple[str, str]], window: range, rng: random.Random,
                stray: Sequence[str], usable: Set[int]) -> List[Block]:
    """The article's sentences with their Korean fragments, a Korean one above its English;
    a sentence whose pair is not `usable` stays English only."""
    blocks: List[Block] = []
    index = window.start
    while index < window.stop:
        ko, en = pairs[index]
        draw = rng.random() if index in usable else 1.0
        two = index + 1 < window.stop and index + 1 in usable
        if draw < 0.3:
            english = Unit(en, "en")
            blocks += [[Unit(ko, "ko", pairs=[english])], [english]]
        elif draw < 0.38:
            english = Unit(f"{en} {rng.choice(EN_CAPTION_CREDITS)}", "en", "caption")
            korean = Unit(f"{ko} {rng.choice(KO_CAPTION_CREDITS)}", "ko", "caption", [english])
            blocks += [[korean], [english]]
        elif draw < 0.48 and two:
            english = Unit(join_english(en, pairs[index + 1][1]), "en")
            blocks += [[Unit(ko, "ko", pairs=[english]),
                        Unit(pairs[index + 1][0], "ko", pairs=[english])], [english]]
            index += 1
        elif draw < 0.58 and two:
            english = [Unit(en, "en"), Unit(pairs[index + 1][1], "en")]
            blocks += [[Unit(join_korean(ko, pairs[index + 1][0]), "ko", pairs=english)], english]
            index += 1
        elif draw < 0.66:
            blocks.append([Unit(ko, "ko")])  # near miss: its English is left out
        else:
            blocks.append([Unit(en, "en")])
        if rng.random() < 0.12:
            blocks.append([Unit(rng.choice(stray), "ko")])
        index += 1
    return blocks


def article(pairs: Sequence[Tuple[str, str]], window: range, half: str, rng: random.Random,
            usable: Set[int]) -> List[Block]:
    others = [pairs[i][0] for i in HALVES[half] if not window.start - 20 <= i < window.stop + 20]
    head = [[clutter_line(rng, half)] for _ in range(rng.randint(1, 3))]
    tail = [[clutter_line(rng, half)] for _ in range(rng.randint(1, 3))]
    return head + body_blocks(pairs, window, rng, others, usable) + tail


def lay_out(blocks: Sequence[Block]) -> str:
    """The page text (lines apart by a blank line); sets each unit's start offset."""
    text = ""
    for block in blocks:
        for position, unit in enumerate(block):
            text += " " if position else ""
            unit.start = len(text)
            text += unit.text
        text += "\n\n"
    return text


def gold_rows(blocks: Sequence[Block]) -> List[str]:
    rows = ["start\tend\trole\tlang\tpair\ttext"]
    for unit in (unit for block in blocks for unit in block):
        pair = "+".join(str(en.start) for en in unit.pairs) or ("-" if unit.lang != "en" else "")
        rows.append(f"{unit.start}\t{unit.start + len(unit.text)}\t{unit.role}\t{unit.lang}\t"
                    f"{pair}\t{unit.text}")
    return rows


def read_pairs() -> List[Tuple[str, str]]:
    from mtalign.segment.clean import normalize_line

    def lines(suffix: str) -> List[str]:
        text = (CORPUS / f"korean-english-park.dev.{suffix}").read_text(encoding="utf-8")
        return [" ".join(normalize_line(line).split()) for line in text.splitlines()]

    return list(zip(lines("ko"), lines("en")))


def aligned_lines(pairs: Sequence[Tuple[str, str]], encoder, reach: int = 3) -> Set[int]:
    """Corpus lines whose Korean and English are each other's best match (by `encoder`) among
    the lines `reach` around: the others are misaligned or partial translations in the corpus."""
    similarity = encoder.encode([ko for ko, _ in pairs]) @ encoder.encode([en for _, en in pairs]).T
    kept = set()
    for line in range(len(pairs)):
        around = range(max(0, line - reach), min(len(pairs), line + reach + 1))
        if all(similarity[line, line] >= max(similarity[line, other], similarity[other, line])
               for other in around):
            kept.add(line)
    return kept


def build(out: Path, seed: int, encoder=None) -> Dict[str, List[Path]]:
    """The pages of both halves; with `encoder`, only corpus lines it finds aligned give
    Korean fragments (see aligned_lines)."""
    pairs = read_pairs()
    usable = aligned_lines(pairs, encoder) if encoder else set(range(len(pairs)))
    pages: Dict[str, List[Path]] = defaultdict(list)
    for half, indices in HALVES.items():
        folder = out / half
        folder.mkdir(parents=True, exist_ok=True)
        rng = random.Random(f"{seed}-{half}")
        start = indices.start
        while start + 4 <= indices.stop:
            window = range(start, min(start + rng.randint(5, 9), indices.stop))
            blocks = article(pairs, window, half, rng, usable)
            name = folder / f"{half}_{window.start:04d}.txt"
            name.write_text(lay_out(blocks), encoding="utf-8")
            name.with_suffix(".gold.tsv").write_text("\n".join(gold_rows(blocks)) + "\n",
                                                     encoding="utf-8")
            pages[half].append(name)
            start = window.stop
    return pages


def score(pages: Sequence[Path], encoder, errors: Optional[list]) -> dict:
    sys.path.insert(0, str(REPO / "scripts"))
    import eval_pages

    counts: Dict[str, Counter] = defaultdict(Counter)
    for path in pages:
        gold = eval_pages.read_gold(path.with_suffix(".gold.tsv"))
        predicted = eval_pages.predict(path)
        found = eval_pages.map_pairs(eval_pages.predicted_pairs(path, predicted, encoder),
                                     predicted, gold)
        eval_pages.score_pairs(path.name, gold, found, counts, errors)
    return eval_pages.figures(counts)["pairs"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "fragment_set")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--aligned-only", action="store_true",
                        help="Korean fragments only from corpus lines the encoder finds aligned")
    parser.add_argument("--score", action="store_true", help="pair the pages and print P/R")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args()
    encoder = None
    if args.score or args.errors or args.aligned_only:
        from mtalign.align.encoders import load_encoder

        encoder = load_encoder()
    pages = build(args.out, args.seed, encoder if args.aligned_only else None)
    print(f"{sum(map(len, pages.values()))} pages under {args.out}")
    if not (args.score or args.errors):
        return 0
    for half, paths in pages.items():
        errors: Optional[list] = [] if args.errors else None
        pairs = score(paths, encoder, errors)
        print(f"{half}: {len(paths)} pages, {pairs['gold pairs']} gold pairs, "
              f"precision {pairs['precision']:.3f}, recall {pairs['recall']:.3f}")
        for line in errors or []:
            print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
