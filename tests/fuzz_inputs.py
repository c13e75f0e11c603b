"""Fuzz inputs for the readers: structure-aware generators plus byte mutations.

Each generator takes a `random.Random` and returns bytes, so the hypothesis tests
(tests/test_fuzz.py, seeds drawn by hypothesis) and the timed fuzzer (scripts/bench/fuzz.py)
share them. A reader passes when it returns or raises UserError (exit 2); anything else is
what the CLI reports as an internal error (exit 3), and so is an input it is still busy with
after a time limit (a hang, such as a backtracking regular expression).
"""

from __future__ import annotations

import os
import random
import signal
from typing import Callable, Dict, List, Tuple, TypeVar
from xml.sax.saxutils import escape

from mtalign.errors import UserError

T = TypeVar("T")

TEXTS = [
    "",
    " ",
    "안녕하세요.",
    "Kim Jong-un",
    "a < b & c",
    "&amp;",
    "&nbsp;",
    "&#x0;",
    "&#65;",
    "]]>",
    "\u2028",
    "\x00",
    "\ud7a3",
    "\ufeff",
    "Seoul, June 1 (Yonhap) --",
    "©",
    "U.S. Sept. 1.5",
    "서울에서 만났다. 그러나",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "\t",
    "\r\n",
    "'=1",
    "x" * 300,
]
ATTRS = [
    'xml:lang="ko"',
    'xml:lang="en"',
    'lang="KO-kr"',
    'xml:lang=""',
    'type="x-score"',
    'type="x-origin"',
    'id="a"',
    'id=""',
    'state="translated"',
    'state="final"',
    'tuid="1"',
    'version="1.4"',
    'x="&lt;"',
]
PROLOGS = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    "",
    '<?xml version="1.0"?>\n<!-- a < b -->\n',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n',
    '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n',
    '<?xml version="1.0" encoding="EUC-KR"?>\n',
    "<?pi <x?>\n",
    "\ufeff",
]


def _text(rng: random.Random, markup: bool = True) -> str:
    """Some texts; in markup, escaped most of the time so that structure gets through."""
    text = "".join(rng.choice(TEXTS) for _ in range(rng.randint(0, 3)))
    if markup and rng.random() < 0.8:
        text = escape(text.replace("\x00", ""))
    return text


def _chosen(rng: random.Random, parts: List[str]) -> str:
    """Most of `parts` in order, some dropped or doubled: near-valid structure."""
    return "".join(part * rng.choice([0, 1, 1, 1, 1, 2]) for part in parts)


def _element(rng: random.Random, tags: List[str], depth: int) -> str:
    tag = rng.choice(tags)
    attrs = " ".join(rng.sample(ATTRS, rng.randint(0, 2)))
    if depth <= 0 or rng.random() < 0.2:
        return rng.choice([f"<{tag} {attrs}/>", f"<{tag} {attrs}>{_text(rng)}</{tag}>"])
    children = "".join(_element(rng, tags, depth - 1) for _ in range(rng.randint(0, 3)))
    return f"<{tag} {attrs}>{_text(rng)}{children}</{tag}>"


def _xml(rng: random.Random, root: str, tags: List[str], wrap: str = "") -> bytes:
    body = "".join(_element(rng, tags, 4) for _ in range(rng.randint(0, 4)))
    text = f"{rng.choice(PROLOGS)}<{root} {wrap}>{body}</{root.split()[0]}>"
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-16", "euc-kr"])
    return text.encode(encoding, errors="replace")


def _document(
    rng: random.Random,
    shell: Tuple[str, str],
    item: Callable[[random.Random], str],
    random_tree: bytes,
) -> bytes:
    """A near-valid document (shell around a few items), or now and then a random tree."""
    if rng.random() < 0.3:
        return random_tree
    items = "".join(item(rng) for _ in range(rng.randint(0, 4)))
    text = rng.choice(PROLOGS[:4]) + shell[0] + items + shell[1]
    return text.encode(rng.choice(["utf-8", "utf-8", "utf-16"]))


TMX_SHELL = (
    '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" '
    'o-tmf="t" adminlang="en" srclang="ko" datatype="plaintext"/><body>',
    "</body></tmx>",
)
TBX_SHELL = (
    '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
    "<text><body>",
    "</body></text></tbx>",
)
XLIFF_SHELL = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" '
    'source-language="ko" target-language="en" datatype="plaintext"><body>',
    "</body></file></xliff>",
)
TMX_TAGS = ["header", "body", "tu", "tuv", "seg", "prop", "note", "bpt", "ept", "ph", "hi"]
TBX_TAGS = [
    "text",
    "body",
    "conceptEntry",
    "langSec",
    "termSec",
    "term",
    "termNote",
    "descrip",
    "admin",
    "note",
    "tig",
    "ntig",
    "termGrp",
]
XLIFF_TAGS = ["file", "body", "trans-unit", "source", "target", "note", "group", "g", "x", "mrk"]


def _tu(rng: random.Random) -> str:
    seg = f"<seg>{_text(rng)}<ph>x</ph>{_text(rng)}</seg>"
    tuv = f"<tuv {rng.choice(ATTRS[:4])}>" + _chosen(rng, [seg]) + "</tuv>"
    prop = f'<prop type="{rng.choice(["x-score", "x-origin", "x-role"])}">{_text(rng)}</prop>'
    return "<tu>" + _chosen(rng, [prop, tuv, tuv]) + "</tu>"


def _term_sec(rng: random.Random) -> str:
    parts = [
        f"<term>{_text(rng)}</term>",
        f'<termNote type="termType">{_text(rng)}</termNote>',
        f'<admin type="customerSubset">{_text(rng)}</admin>',
    ]
    return "<termSec>" + _chosen(rng, parts) + "</termSec>"


def _concept(rng: random.Random) -> str:
    langs = rng.sample(["en", "ko", "ko-Hani", "fr"], rng.randint(0, 3))
    lang_secs = "".join(
        f'<langSec xml:lang="{lang}">' + _term_sec(rng) * rng.randint(0, 2) + "</langSec>"
        for lang in langs
    )
    subject = f'<descrip type="subjectField">{_text(rng)}</descrip>'
    note = f"<note>{_text(rng)}</note>"
    return (
        f'<conceptEntry id="{_text(rng)}">'
        + _chosen(rng, [subject])
        + lang_secs
        + _chosen(rng, [note])
        + "</conceptEntry>"
    )


def _trans_unit(rng: random.Random) -> str:
    state = rng.choice(["translated", "final", "new", "signed-off", ""])
    parts = [
        f"<source>{_text(rng)}<g>x</g></source>",
        f'<target state="{state}">{_text(rng)}</target>',
        f"<note>{_text(rng)}</note>",
    ]
    return f'<trans-unit id="{_text(rng)}">' + _chosen(rng, parts) + "</trans-unit>"


def tmx(rng: random.Random) -> bytes:
    return _document(rng, TMX_SHELL, _tu, _xml(rng, "tmx", TMX_TAGS, 'version="1.4"'))


def tbx(rng: random.Random) -> bytes:
    tree = _xml(rng, "tbx", TBX_TAGS, 'xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"')
    return _document(rng, TBX_SHELL, _concept, tree)


def xliff(rng: random.Random) -> bytes:
    tree = _xml(
        rng, "xliff", XLIFF_TAGS, 'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"'
    )
    return _document(rng, XLIFF_SHELL, _trans_unit, tree)


def html(rng: random.Random) -> bytes:
    tags = [
        "p",
        "div",
        "span",
        "font",
        "figcaption",
        "nav",
        "h1",
        "br",
        "table",
        "td",
        "script",
        "b",
    ]
    body = "".join(_element(rng, tags, rng.choice([2, 4])) for _ in range(rng.randint(0, 4)))
    prolog = rng.choice(
        ["<!DOCTYPE html>", '<?xml version="1.0" encoding="euc-kr"?>', "", "  \n", "<html>"]
    )
    deep = rng.choice(
        ["", "<div>" * rng.randint(200, 600), "<font>" * rng.randint(0, 400)]
    ) + _text(rng)
    text = prolog + body + deep + rng.choice(["", "</body></html>"])
    return text.encode(rng.choice(["utf-8", "utf-8", "cp949", "utf-16"]), errors="replace")


def article(rng: random.Random) -> bytes:
    lines = [
        _text(rng) + rng.choice(["", ".", "?", " 기자", "다."]) for _ in range(rng.randint(0, 12))
    ]
    text = rng.choice(["\n", "\r\n", "\r", "\n\n"]).join(lines)
    encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp949", "euc-kr"])
    return text.encode(encoding, errors="replace")


def glossary_tsv(rng: random.Random) -> bytes:
    header = "id\ttype\tko\thanja\ten\tyonhap\tkcna\tap\tvariants\tnote\tsources"
    cells = [
        "kim",
        "#x",
        "",
        "person",
        "place",
        "김정은",
        "Kim Jong-un",
        "Kim Jong Un [style]",
        "x [bad]",
        "a | b",
        "\x01",
        "\u2028",
        " ",
        "kim-jong-un",
        "other",
        "note",
    ]
    rows = [
        "\t".join(rng.choice(cells) for _ in range(rng.choice([11, 11, 11, 10, 12])))
        for _ in range(rng.randint(0, 6))
    ]
    return "\n".join([header if rng.random() < 0.9 else "id\ttype"] + rows).encode("utf-8")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few byte-level changes: flips, inserted markup bytes, cuts, repeats."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randint(0, len(buffer))
        kind = rng.randrange(5)
        if kind == 0 and buffer:
            buffer[min(position, len(buffer) - 1)] = rng.randrange(256)
        elif kind == 1:
            buffer[position:position] = rng.choice(
                [
                    b"<",
                    b">",
                    b"&",
                    b"\x00",
                    b"\xff",
                    b"\xef\xbb\xbf",
                    b"]]>",
                    b"<!ENTITY a 'b'>",
                    b"\xd8\x00",
                    b"&nbsp;",
                ]
            )
        elif kind == 2:
            del buffer[position:]
        elif kind == 3:
            buffer[position:position] = buffer[max(0, position - 16) : position] * rng.randint(1, 8)
        else:
            del buffer[position : position + rng.randint(1, 8)]
    return bytes(buffer)


def _read_tmx(path: str) -> None:
    from mtalign.formats.tmx import read_units

    list(read_units(path))


def _read_tbx(path: str) -> None:
    from mtalign.glossary.interchange import import_entries

    import_entries(path, "tbx")


def _read_xliff(path: str) -> None:
    from mtalign.formats.xliff import read_xliff
    from mtalign.tm.pretranslate import reviewed_units

    list(reviewed_units(read_xliff(path), path))


def _segment(path: str) -> None:
    from mtalign.segment import segment_file

    list(segment_file(path))


def _read_tsv(path: str) -> None:
    from mtalign.glossary.store import read_tsv

    read_tsv(path)


def adversarial_lines(run: int) -> Dict[str, str]:
    """Lines with a long run of ">", marks, spaces or one word, each of which once made a
    pattern of segment/ backtrack for seconds to hours (tests/test_segment_linear_time.py,
    scripts/bench/segment_runs.py)."""
    return {
        "breadcrumb": "x" + ">" * run + " a b",
        "label-and-url": "!" * run + "x",
        "timestamp": "Posted" + "\t " * run + "x",
        "caption-credit-and-email-tail": "(서울=연합뉴스) " + " " * run + "x",
        "sentence-marks": "a" + "!." * run,
        "agencies": "사진 AFP" + " " * run + "x",
        "photo-credit": "(사진" + " " * run + "x",
        "cookie-notice": "cookie " * run + "x",
        "tip-off-line": "제보" * run + "x",
        "field-slashes": "가/ " * run,
        "bracketed-field-slashes": "[ " + "a/ 가 " * run + "]",
        "flattened-page-buttons": "공유 " * run + "x",
        "flattened-page-bylines": "홍길동 기자 " * run + "x",
    }


# name -> (generator, file suffix, reader)
READERS: Dict[str, Tuple[Callable[[random.Random], bytes], str, Callable[[str], None]]] = {
    "tmx": (tmx, ".tmx", _read_tmx),
    "tbx": (tbx, ".tbx", _read_tbx),
    "xliff": (xliff, ".xlf", _read_xliff),
    "html": (html, ".html", _segment),
    "segmenter": (article, ".txt", _segment),
    "glossary-tsv": (glossary_tsv, ".tsv", _read_tsv),
}

def crash_of(name: str, data: bytes, folder: str) -> Exception | None:
    """The exception (other than a refusal) reader `name` raises on `data`, or None."""
    _, suffix, reader = READERS[name]
    path = os.path.join(folder, "input" + suffix)
    with open(path, "wb") as handle:
        handle.write(data)
    try:
        reader(path)
    except (UserError, OSError):
        return None
    except Exception as err:  # noqa: BLE001 - the fuzzer's whole point
        return err
    return None


class InputTimeout(BaseException):
    """An input ran past its limit. A BaseException, so no reader's `except Exception` hides it."""


def _interrupt(signum: int, frame: object) -> None:
    raise InputTimeout


def within(limit: float, call: Callable[[], T]) -> T:
    """call(), or InputTimeout once it has run `limit` CPU seconds: CPU, not wall time, so that
    a loaded machine does not turn a slow input into a failure."""
    previous = signal.signal(signal.SIGPROF, _interrupt)
    try:
        signal.setitimer(signal.ITIMER_PROF, limit)
        try:
            return call()
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    finally:
        signal.signal(signal.SIGPROF, previous)


def failure_of(name: str, data: bytes, folder: str, limit: float) -> BaseException | None:
    """crash_of, and an InputTimeout when reading takes over `limit` CPU seconds (a hang)."""
    try:
        return within(limit, lambda: crash_of(name, data, folder))
    except InputTimeout:  # also when the alarm lands in within's `finally`
        return InputTimeout(f"no result after {limit:g} CPU s")


def sample(name: str, rng: random.Random) -> bytes:
    data = READERS[name][0](rng)
    return mutate(data, rng) if rng.random() < 0.5 else data
