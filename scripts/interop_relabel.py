"""Rebuild the Korean-labelled copies in tests/data/interop/ from the real files there.

The real-file corpus has almost no Korean, so a few files are copied with one of their
languages relabelled to Korean (language attributes only; the texts are unchanged), and a
few with their TMX version or encoding changed, to cover TMX 1.2/1.3 and UTF-16 without a
byte-order mark. Each copy gets a MANIFEST row naming the file it was made from.

    .venv/bin/python scripts/interop_relabel.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "interop"
PREFIX = "ko-relabel__"
LANG_ATTRIBUTES = r"(?:xml:lang|lang|srclang|source-language|target-language|srcLang|trgLang)"

# (original file, {old language: new language}, TMX version or None, encoding or None)
COPIES = [
    ("lisa-tmx-kit__ExportTest2A.tmx", {"fr-ca": "ko-kr"}, None, None),
    ("lisa-tmx-kit__ExportTest2A.tmx", {"fr-ca": "ko-kr"}, "1.2", None),
    ("lisa-tmx-kit__ImportTest2C.tmx", {"fr": "ko"}, "1.3", None),
    ("okapi__mytm.tmx", {"FR-FR": "KO-KR"}, None, None),
    ("okapi__mytm.tmx", {"FR-FR": "KO-KR"}, None, "utf-16-le"),
    ("okapi__Paragraph_TM.tmx", {"de-de": "ko-kr"}, None, "utf-16-be"),
    ("omegat__test-omegat.tmx", {"be": "ko"}, None, None),
    ("okapi__RB-12-Test02.xlf", {"fr": "ko"}, None, None),
    ("okapi__Manual-12-AltTrans.xlf", {"en": "ko", "fr": "en"}, None, None),
    ("okapi__JMP-11-Test01.xlf", {"fr": "ko"}, None, None),
    ("lisa-tmx-kit__ExportTest1E.xlf", {"FR-CA": "KO-KR"}, None, None),
    ("matecat__sample-20.xlf", {"fr": "ko"}, None, None),
    ("weblate__cs.xliff2", {"cs": "ko"}, None, None),
    ("omegat__ex.14.5.xlf", {"en": "ko", "pt": "en"}, None, None),
    ("okapi__ibm_tbx.tbx", {"fr": "ko"}, None, None),
    ("okapi__medtronic_TBX.tbx", {"da": "ko"}, None, None),
    ("okapi__oracle_TBX.tbx", {"hu": "ko"}, None, None),
    ("weblate__fr-extended-metadata.tbx", {"fr": "ko"}, None, None),
    ("weblate__cs.tbx", {"cs": "ko"}, None, None),
    ("ltac-tbx-basic__DCA_Example_Astronomy_DCA_VALID.tbx", {"es": "ko"}, None, None),
    ("ltac-tbx-core__Schemas_Example_Astronomy_DCA_VALID.tbx", {"es": "ko"}, None, None),
    ("ltac-tbx-min__DCT_Example_Astronomy_DCT_VALID.tbx", {"es": "ko"}, None, None),
]


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def relabel(text: str, languages: dict, version: str | None) -> str:
    def swap(match: re.Match) -> str:
        return f'{match.group(1)}="{languages[match.group(2)]}"'

    names = "|".join(re.escape(code) for code in languages)
    text = re.sub(rf'({LANG_ATTRIBUTES})="({names})"', swap, text)
    if version:
        text = re.sub(r'<tmx version="[^"]*"', f'<tmx version="{version}"', text, count=1)
    return text


def _copy_name(original: str, version: str | None, encoding: str | None) -> str:
    stem, dot, ext = original.partition("__")[2].rpartition(".")
    tags = "".join(f"-{tag}" for tag in (f"tmx{version}" if version else "", encoding or "") if tag)
    return f"{PREFIX}{stem}{tags}{dot}{ext}"


def main() -> None:
    manifest = CORPUS / "MANIFEST.tsv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(handle, delimiter="\t")
            if not row["file"].startswith(PREFIX)
        ]
    by_file = {row["file"]: row for row in rows}
    for old in CORPUS.glob(f"{PREFIX}*"):
        old.unlink()
    for original, languages, version, encoding in COPIES:
        text = relabel(_decode((CORPUS / original).read_bytes()), languages, version)
        name = _copy_name(original, version, encoding)
        if encoding:  # no byte-order mark: the declaration names the encoding
            text = re.sub(r'encoding="[^"]*"', 'encoding="UTF-16"', text, count=1)
            (CORPUS / name).write_bytes(text.encode(encoding))
        else:
            (CORPUS / name).write_text(text, encoding="utf-8")
        changes = ", ".join(f"{a} -> {b}" for a, b in languages.items())
        note = (
            f"relabelled copy of {original} ({changes}"
            + (f"; TMX version {version}" if version else "")
            + (f"; {encoding} without BOM" if encoding else "")
            + ")"
        )
        rows.append({**by_file[original], "file": name, "derived": note})
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        fields = ["file", "tool", "repository", "path", "commit", "licence", "derived"]
        writer = csv.DictWriter(handle, fields, delimiter="\t", lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
