#!/usr/bin/env python3
"""Build the marked copies of the real-copy checker set from tests/data/check/real/.

real-judged/yonhap.txt: the 20 real articles with every finding that `mtalign check`
(house style yonhap) made on them and that a reader judged right, marked `[[text|kind]]`
(JUDGED below; every finding was read, none was judged wrong). real-planted/yonhap.txt:
the same articles with name variants planted (PLANTED below), marked too. Score both with
`scripts/eval_check.py`.

    .venv/bin/python scripts/build_real_check.py
"""

from __future__ import annotations

import sys
from pathlib import Path

CHECK = Path(__file__).resolve().parent.parent / "tests" / "data" / "check"
JUDGED = {"Kim Yo Jong": "style", "Kim Jong Un": "style", "Yoon Suk-yeol": "style",
          "Lee Jae Myung": "style", "Lee Joo-ho": "misspelling"}
# file -> [(text as judged, the same with a planted variant)], first occurrence replaced
PLANTED = {
    "03_reuters_crbc": [("[[Kim Jong Un|style]], said", "[[Kim Jung Un|misspelling]], said")],
    "05_upi": [("[[Kim Yo Jong|style]] “sharply", "[[Kim Yeo-jong|misspelling]] “sharply")],
    "07_joongang_party": [("Han Dong-hoon, left", "[[Han Dong-hun|misspelling]], left")],
    "08_koreaherald": [("Han Duck-soo should", "[[Han Duk-soo|misspelling]] should")],
    "09_koreatimes_reshuffle": [("Choi Sang-mok, who", "[[Choi Sang-muk|misspelling]], who"),
                                ("Won Hee-ryong, are", "[[Won Hui-ryong|misspelling]], are")],
    "10_menafn_cabinet": [("Kim Min-seok as prime", "[[Kim Min-suk|misspelling]] as prime")],
    "12_koreatimes_nominees": [("Kwon Young-se, a", "[[Kwon Yeong-se|misspelling]], a"),
                               ("Kim Dae-ki, an", "[[Kim Dae-gi|inconsistent]], an")],
    "14_menafn_premier": [("Kang Hoon-sik, a", "[[Kang Hun-sik|misspelling]], a"),
                          ("Wi Sung-lac, a career", "[[Wi Seong-rak|misspelling]], a career"),
                          ("Hwang In-kwon, a", "[[Hwang In-gwon|inconsistent]], a")],
    "17_ap_video": [("Han Duck-soo upon", "[[Han Deok-su|misspelling]] upon")],
    "18_nyt": [("Han Duck-soo of South Korea was", "Han Duck-soo of South Korea, who met "
                "[[Kim Jongun|misspelling]], was")],
    "19_tv360": [("[[Yoon Suk-yeol|style]].", "[[Yoon Seok-youl|misspelling]].")],
}


def judged(text: str) -> str:
    for form, kind in JUDGED.items():
        text = text.replace(form, f"[[{form}|{kind}]]")
    return text


def planted(stem: str, text: str) -> str:
    for before, after in PLANTED.get(stem, []):
        if before not in text:
            raise SystemExit(f"{stem}: {before!r} not found")
        text = text.replace(before, after, 1)
    return text


def main() -> int:
    articles = sorted((CHECK / "real").glob("*.txt"))
    for folder, plant in (("real-judged", False), ("real-planted", True)):
        parts = []
        for path in articles:
            text = judged(path.read_text(encoding="utf-8"))
            parts.append(planted(path.stem, text) if plant else text)
        (CHECK / folder).mkdir(exist_ok=True)
        (CHECK / folder / "yonhap.txt").write_text("".join(parts), encoding="utf-8")
    print(f"{len(articles)} articles -> {CHECK / 'real-judged'}, {CHECK / 'real-planted'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
