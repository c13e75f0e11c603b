"""The glossary's source of truth: readable UTF-8 TSV files, layered, validated strictly.

One row per concept. Columns:

    id  type  ko  hanja  en  yonhap  kcna  ap  variants  note  sources

- ko: Korean forms, `|`-separated, the first preferred (empty for a term known only in
  English); hanja optional.
- en: the default English form; yonhap / kcna / ap: the form in that house style when it
  differs (empty: the default).
- variants: `form [reason] | form [reason]`, reason one of style (another outlet's
  spelling), misspelling, former (an old name), abbreviation, alias (an acceptable other
  name: an official long form, a descriptive phrase). The checker flags style,
  misspelling and former variants; abbreviations and aliases are correct usage.
- sources: `file:line | file:line` where the term was seen.

A malformed row stops loading with `file:line: problem`: nothing is half-loaded. Later
files override earlier ones entry by entry (a user's glossary over the shipped one).
"""

from __future__ import annotations

import os
import re
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, TextIO, Tuple

from mtalign.errors import UserError
from mtalign.types import ENTRY_TYPES, HOUSE_STYLES, Entry, format_variants, parse_variants

COLUMNS = ("id", "type", "ko", "hanja", "en", "yonhap", "kcna", "ap", "variants", "note", "sources")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _shipped_folder() -> Path:
    """$MTALIGN_GLOSSARIES; else glossaries/ of the source checkout; else the copy an installed
    wheel puts under <prefix>/share/mtalign/glossaries (setup.cfg's data_files)."""
    if "MTALIGN_GLOSSARIES" in os.environ:
        return Path(os.environ["MTALIGN_GLOSSARIES"])
    checkout = Path(__file__).resolve().parents[2] / "glossaries"
    if checkout.is_dir():
        return checkout
    return Path(sysconfig.get_path("data")) / "share" / "mtalign" / "glossaries"


def shipped_glossaries() -> List[Path]:
    """The curated TSV files (see `_shipped_folder` for where they are looked for)."""
    folder = _shipped_folder()
    files = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    if not files:
        raise UserError(
            f"{folder}: no glossary .tsv files (set MTALIGN_GLOSSARIES or pass --glossary)"
        )
    return files


def _split(cell: str) -> List[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


# Unicode categories Cc, Cs, Zl and Zp, as one regular expression: testing each character's
# category in Python made loading the glossary cost ~0.2 s per command.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _control_character(text: str) -> Optional[str]:
    """The first control or line-separator character in `text`, as U+XXXX."""
    found = _CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def parse_row(cells: Sequence[str], where: str) -> Entry:
    if len(cells) != len(COLUMNS):
        raise UserError(
            f"{where}: expected {len(COLUMNS)} tab-separated columns, found {len(cells)}"
        )
    row = dict(zip(COLUMNS, (cell.strip() for cell in cells)))
    for column, cell in row.items():
        if _control_character(cell):
            character = _control_character(cell)
            raise UserError(f"{where}: {column} holds the control character {character}")
    if not _ID.match(row["id"]):
        raise UserError(f"{where}: id {row['id']!r} must be lower-case letters, digits and hyphens")
    if row["type"] not in ENTRY_TYPES:
        raise UserError(f"{where}: type {row['type']!r} is not one of {', '.join(ENTRY_TYPES)}")
    if not row["en"]:
        raise UserError(
            f"{where}: an entry needs an English form (en); the Korean form (ko) may be empty"
        )
    return Entry(
        id=row["id"],
        type=row["type"],
        ko=_split(row["ko"]),
        hanja=row["hanja"],
        en=row["en"],
        styles={style: row[style] for style in HOUSE_STYLES if row[style]},
        variants=parse_variants(row["variants"], where),
        note=row["note"],
        sources=_split(row["sources"]),
    )


def read_tsv(path: str | os.PathLike) -> List[Entry]:
    """All entries of one glossary file, or a UserError naming file:line."""
    path = os.fspath(path)
    try:
        # only LF (CR LF) ends a row: other line breaks inside a cell are refused, not split
        lines = Path(path).read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    except FileNotFoundError:
        raise UserError(f"{path}: no such glossary file") from None
    except UnicodeDecodeError as err:
        raise UserError(f"{path}: not UTF-8 (byte offset {err.start})") from None
    if not lines or lines[0].split("\t") != list(COLUMNS):
        raise UserError(f"{path}:1: the header must be: {' '.join(COLUMNS)} (tab-separated)")
    entries, seen = [], {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        entry = parse_row(line.split("\t"), f"{path}:{number}")
        if entry.id in seen:
            raise UserError(
                f"{path}:{number}: id {entry.id!r} already used on line {seen[entry.id]}"
            )
        seen[entry.id] = number
        entries.append(entry)
    return entries


def format_row(entry: Entry) -> str:
    cells = {
        "id": entry.id,
        "type": entry.type,
        "ko": " | ".join(entry.ko),
        "hanja": entry.hanja,
        "en": entry.en,
        **{style: entry.styles.get(style, "") for style in HOUSE_STYLES},
        "variants": format_variants(entry.variants),
        "note": entry.note,
        "sources": " | ".join(entry.sources),
    }
    return "\t".join(cells[column] for column in COLUMNS)


def importable(rows: Iterable[Tuple[str, Entry]]) -> Tuple[List[Entry], List[str]]:
    """Of (where, entry) pairs read from another format, the entries a glossary TSV holds and
    reads back unchanged, and for each other one `where: dropped: why`."""
    kept: Dict[str, Entry] = {}
    dropped = []
    for where, entry in rows:
        try:
            if entry.id in kept:
                raise UserError(f"id {entry.id!r} is already used by an earlier entry")
            if parse_row(format_row(entry).split("\t"), where) != entry:
                raise UserError(
                    "a field would not read back the same (a '|' inside a form, or spaces "
                    "around it)"
                )
        except UserError as err:
            dropped.append(f"{where}: dropped: {str(err).replace(where + ': ', '')}")
            continue
        kept[entry.id] = entry
    return list(kept.values()), dropped


def write_tsv(entries: Iterable[Entry], handle: TextIO) -> None:
    handle.write("\t".join(COLUMNS) + "\n")
    for entry in entries:
        handle.write(format_row(entry) + "\n")


@dataclass
class Glossary:
    files: List[str]
    entries: Dict[str, Entry]
    conflicts: List[str] = field(default_factory=list)


def _conflicts(entries: Iterable[Entry]) -> List[str]:
    """One Korean form given two different English forms by two entries of one type.

    Entries of different types may share a form (한강 the river and Han Kang the novelist):
    the term recognizer tells them apart by context. Namesakes (two person entries told apart
    by their notes, one of which says "namesake") are not conflicts either.
    """
    owner: Dict[tuple, Entry] = {}
    found = []
    for entry in entries:
        for form in entry.ko:
            other = owner.setdefault((form, entry.type), entry)
            namesakes = other.type == entry.type == "person" and other.note != entry.note and \
                "namesake" in f"{other.note} {entry.note}".casefold()
            if other is not entry and other.en != entry.en and not namesakes:
                found.append(f"{form}: {other.id} says {other.en!r}, {entry.id} says {entry.en!r}")
    return found


def load_glossary(paths: Optional[Sequence[str | os.PathLike]] = None) -> Glossary:
    """Load and layer glossary files (default: the shipped ones); later files win per id."""
    files = [os.fspath(path) for path in (paths or shipped_glossaries())]
    entries: Dict[str, Entry] = {}
    for path in files:
        for entry in read_tsv(path):
            entries[entry.id] = entry
    return Glossary(files, entries, _conflicts(entries.values()))
