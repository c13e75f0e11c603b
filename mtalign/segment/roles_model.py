"""A learned second opinion on segment roles: logistic regression over simple features.

The rules (tag.py, clean.py) give every segment a role. This model reads that role, its
neighbours' roles and the segment's own shape (length, end punctuation, Korean ending,
script shares, brackets, e-mail, reporter words, dates, its place in the page and on its
line, repeated text) and says which role the hand gold of the gold pages would give it;
its choice replaces the rules' role only when it is more likely by the model's margin. Its
weights are plain JSON (`data/roles_model.json`), rebuilt by `scripts/train_roles.py` from
the spent gold pages, read both by the current rules and by earlier rules that had not seen
them. Roles only: the boundaries are the rules'. Text documents only (segment_lines), where
it is on by default (ROLES_MODEL_DEFAULT)."""

from __future__ import annotations

import json
import math
import re
from collections import deque
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Deque, Dict, Iterable, Iterator, Optional, Sequence, Tuple

from mtalign.hangul import is_hangul
from mtalign.types import Segment

ROLES = ("headline", "byline", "dateline", "caption", "body", "credit", "boilerplate")
WEIGHTS = Path(__file__).parent / "data" / "roles_model.json"
WINDOW = 2  # neighbours read on each side
MAX_REPEATED = 80  # longer texts are not remembered for the `repeated` feature
MAX_SEEN = 10_000

_KO_END = (("da", re.compile(r"다[.!]?[\"'”’)\]]*$")), ("yo", re.compile(r"요[.?!]?[\"'”’)\]]*$")),
           ("kka", re.compile(r"까[?.]?[\"'”’)\]]*$")), ("eum", re.compile(r"[음함임됨][.]?$")),
           ("nida", re.compile(r"니다[.]?$")))
_DATE = re.compile(r"\d{4}\s?[-./년]\s?\d{1,2}\s?[-./월]\s?\d{1,2}"
                   r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,2}시\s?\d{1,2}분")
_STAMP_WORD = re.compile(r"입력|수정|등록|송고|승인|Posted|Updated|Published|Written",
                         re.IGNORECASE)
_REPORTER = re.compile(r"기자|특파원|통신원|reporter|correspondent|\bBy\s", re.IGNORECASE)
_ANCHOR = re.compile(r"앵커|anchor|진행|출연", re.IGNORECASE)
_PHOTO = re.compile(r"사진|photo|제공|[ⓒ©]|연합뉴스|뉴시스|뉴스1|AFP|AP|EPA|Reuters|로이터")
_COPYRIGHT = re.compile(r"copyright|all rights|무단|재배포|저작권", re.IGNORECASE)
# a match starts only where a run starts, so that a long run without "@" is read once
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")
_URL = re.compile(r"https?://|www\.|\.com\b|\.kr\b")
_SENTENCE_END = re.compile(r"[.?!][\"'”’)\]]*$")
_OPENERS, _CLOSERS = "[(【<", "])】>"
_BULLET = "•·▪◦*-–—◆◇■□▶▷▲△※#"


@dataclass(frozen=True)
class Item:
    """A segment with where it sits on its line (the rules' role is `segment.role`)."""

    segment: Segment
    starts_line: bool
    ends_line: bool


def _length_features(text: str) -> Dict[str, float]:
    chars, words = len(text), len(text.split())
    return {
        "chars<=4": chars <= 4, "chars<=12": chars <= 12, "chars<=30": chars <= 30,
        "chars<=80": chars <= 80, "chars>150": chars > 150, "words=1": words == 1,
        "words<=3": words <= 3, "words<=8": words <= 8, "log_chars": math.log1p(chars) / 5,
    }


def _end_features(text: str) -> Dict[str, float]:
    last = text.rstrip()[-1:]
    kind = ("stop" if last in ".。" else "question" if last == "?" else "bang" if last == "!"
            else "colon" if last == ":" else "comma" if last == "," else "ellipsis" if last == "…"
            else "quote" if last in "\"'”’" else "bracket" if last in ")]】>"
            else "hangul" if is_hangul(last) else "latin" if last.isascii() and last.isalpha()
            else "digit" if last.isdigit() else "other")
    out: Dict[str, float] = {f"end={kind}": 1.0}
    out.update({f"ko_end={name}": 1.0 for name, pattern in _KO_END if pattern.search(text)})
    return out


def _script_features(text: str) -> Dict[str, float]:
    letters = [ch for ch in text if not ch.isspace()] or [" "]
    hangul = sum(map(is_hangul, letters)) / len(letters)
    latin = sum(ch.isascii() and ch.isalpha() for ch in letters) / len(letters)
    digits = sum(ch.isdigit() for ch in letters) / len(letters)
    return {"hangul": hangul, "latin": latin, "digits": digits,
            "punct": 1.0 - hangul - latin - digits, "upper_start": text[:1].isupper()}


def _bracketed(text: str) -> bool:
    """An opening bracket before a closing one (found in one pass each way)."""
    first = next((i for i, ch in enumerate(text) if ch in _OPENERS), len(text))
    last = next((i for i in range(len(text) - 1, -1, -1) if text[i] in _CLOSERS), -1)
    return first < last


def _mark_features(text: str) -> Dict[str, float]:
    first = text[:1]
    return {
        "starts=[": first in "[【", "starts=(": first == "(", "starts=<": first in "<《〈",
        "starts=bullet": first in _BULLET, "starts=digit": first.isdigit(),
        "brackets": _bracketed(text), "email": bool(_EMAIL.search(text)),
        "url": bool(_URL.search(text)), "reporter": bool(_REPORTER.search(text)),
        "anchor": bool(_ANCHOR.search(text)), "photo": bool(_PHOTO.search(text)),
        "copyright": bool(_COPYRIGHT.search(text)), "date": bool(_DATE.search(text)),
        "clock": bool(_CLOCK.search(text)), "stamp_word": bool(_STAMP_WORD.search(text)),
        "equals": "=" in text, "pipe": "|" in text or "ㅣ" in text,
    }


def _own_features(item: Item) -> Dict[str, float]:
    text = item.segment.text.strip()
    out: Dict[str, float] = {"bias": 1.0, f"rule={item.segment.role}": 1.0,
                             f"lang={item.segment.lang}": 1.0}
    whole = item.starts_line and item.ends_line
    out.update({"starts_line": item.starts_line, "ends_line": item.ends_line, "whole_line": whole,
                f"rule={item.segment.role}&whole": whole})
    for group in (_length_features, _end_features, _script_features, _mark_features):
        out.update(group(text))
    return out


def _short_line(item: Optional[Item]) -> bool:
    whole = bool(item) and item.starts_line and item.ends_line
    return whole and len(item.segment.text.split()) <= 3


def _neighbour_features(other: Optional[Item], offset: int) -> Dict[str, float]:
    """A neighbour's rule role, and for the next ones on each side its shape."""
    if other is None:
        return {f"role[{offset:+d}]=none": 1.0}
    out = {f"role[{offset:+d}]={other.segment.role}": 1.0}
    if abs(offset) == 1:
        out[f"short[{offset:+d}]"] = _short_line(other)
        out[f"sentence[{offset:+d}]"] = bool(_SENTENCE_END.search(other.segment.text))
    return out


def features(window: Sequence[Optional[Item]], index: int, repeated: bool,
             body_before: bool) -> Dict[str, float]:
    """The features of window[WINDOW]: its own, its neighbours' rule roles, page position.

    `window` holds WINDOW items on each side (None past the page's ends), `index` is the
    segment's place in the page, `repeated` says its text came before (or comes within
    the window after), `body_before` says a body sentence came before it.
    """
    item = window[WINDOW]
    out = _own_features(item)
    for offset in range(-WINDOW, WINDOW + 1):
        if offset:
            out.update(_neighbour_features(window[WINDOW + offset], offset))
    short = len(item.segment.text.split()) <= 3
    out.update({f"rule={item.segment.role}&short": short,
                f"rule={item.segment.role}&sentence": bool(_SENTENCE_END.search(item.segment.text)),
                "short_run": short and all(_short_line(window[WINDOW + k]) for k in (-1, 1))})
    text = item.segment.text.strip()
    later = {other.segment.text.strip() for other in window[WINDOW + 1:] if other}
    out.update({"index=0": index == 0, "index<3": index < 3, "index<8": index < 8,
                "body_before": body_before, "repeated": repeated or text in later})
    return {name: float(value) for name, value in out.items() if value}


@dataclass(frozen=True)
class Model:
    """role -> feature -> weight, and how much more likely than the rules' role the model's
    own choice must be to replace it."""

    weights: Dict[str, Dict[str, float]]
    margin: float = 0.0


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS) -> Model:
    """The model scripts/train_roles.py wrote."""
    with open(path, encoding="utf-8") as handle:
        stored = json.load(handle)
    return Model(stored["weights"], stored["margin"])


def probabilities(feats: Dict[str, float], model: Model) -> Dict[str, float]:
    scores = {role: sum(model.weights[role].get(name, 0.0) * value
                        for name, value in feats.items()) for role in ROLES}
    top = max(scores.values())
    exp = {role: math.exp(score - top) for role, score in scores.items()}
    total = sum(exp.values())
    return {role: value / total for role, value in exp.items()}


def predict(feats: Dict[str, float], rule_role: str, model: Model) -> str:
    """The model's role, when it beats the rules' role by the model's margin; else the rules'."""
    chances = probabilities(feats, model)
    best = max(ROLES, key=chances.__getitem__)
    return best if chances[best] - chances.get(rule_role, 0.0) >= model.margin else rule_role


def _windows(items: Iterable[Item]) -> Iterator[tuple]:
    """Each item of a page with WINDOW neighbours on each side (None past the ends)."""
    pending: Deque[Optional[Item]] = deque([None] * WINDOW)
    for item in chain(items, [None] * WINDOW):
        pending.append(item)
        if len(pending) == 2 * WINDOW + 1:
            if pending[WINDOW] is not None:
                yield tuple(pending)
            pending.popleft()


def page_features(items: Iterable[Item]) -> Iterator[Tuple[Segment, Dict[str, float]]]:
    """Every segment of a page with its features, in order (streaming)."""
    seen: set = set()  # short texts so far: repeated furniture
    body_before = False
    for index, window in enumerate(_windows(items)):
        segment = window[WINDOW].segment
        text = segment.text.strip()
        yield segment, features(window, index, text in seen, body_before)
        if len(text) <= MAX_REPEATED and len(seen) < MAX_SEEN:
            seen.add(text)
        body_before = body_before or segment.role == "body"


def relabel(items: Iterable[Item], model: Optional[Model] = None) -> Iterator[Segment]:
    """The page's segments, each with the role the model gives it."""
    model = model or load_model()
    for segment, feats in page_features(items):
        role = predict(feats, segment.role, model)
        yield segment if role == segment.role else replace(segment, role=role)
