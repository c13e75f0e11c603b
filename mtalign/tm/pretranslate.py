"""Pre-translation from the translation memory, for CAT tools (XLIFF), and the way back."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, List, Optional, Sequence

from mtalign.formats.xliff import XliffUnit
from mtalign.glossary import TermFinder
from mtalign.tm.store import TranslationMemory
from mtalign.types import NOT_FOR_TRANSLATION, Segment, Unit

# The workflow: a match from the TM or an alignment counts as translated, machine
# translation needs review; a reviewer's translated, final or signed-off goes back to the TM.
STATE_OF_ORIGIN = {"tm": "translated", "aligned": "translated", "mt": "needs-review-translation"}
REVIEWED_STATES = {"translated", "final", "signed-off", "reviewed"}  # XLIFF 1.2 and 2.0 names
ACCEPTED = REVIEWED_STATES | {None}  # XLIFF 1.x targets need no state


def xliff_units(
    segments: Sequence[Segment],
    tm: Optional[TranslationMemory],
    finder: Optional[TermFinder],
    style: Optional[str] = None,
) -> List[XliffUnit]:
    """One unit per segment: the TM's exact match as target, glossary hits as notes. English
    segments of a mixed article are kept, marked not for translation, like boilerplate."""
    units = []
    for number, segment in enumerate(segments, start=1):
        matches = tm.exact(segment.text) if tm is not None else []
        hits = finder.find(segment.text) if finder is not None else []
        notes = list(
            dict.fromkeys(
                f"{hit.form} = {hit.english(style)} ({hit.entry.type})" for hit in hits
            )
        )
        units.append(
            XliffUnit(
                id=str(number),
                source=segment.text,
                target=matches[0].en if matches else None,
                target_markup=bool(matches) and matches[0].markup,
                state=STATE_OF_ORIGIN.get(matches[0].origin, "translated") if matches else None,
                translate=segment.role not in NOT_FOR_TRANSLATION and segment.lang != "en",
                notes=notes,
            )
        )
    return units


@dataclass
class XliffImportReport:
    """Units of a file left out because its languages are not Korean and English, per pair."""

    other_pairs: Counter = field(default_factory=Counter)

    def summary(self, path: str) -> str:
        pairs = ", ".join(f"{pair}: {count}" for pair, count in self.other_pairs.most_common())
        total = sum(self.other_pairs.values())
        return f"{path}: {total} units in other language pairs not imported ({pairs})"


def _base_language(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower()


def reviewed_units(
    units: Iterable[XliffUnit], source_file: str, report: Optional[XliffImportReport] = None
) -> Iterator[Unit]:
    """Units a reviewer has signed off (translated, final, signed-off, reviewed), as TM units; a
    target without a state (optional in XLIFF 1.x, whose tools often write none) counts too.

    Only Korean-English and English-Korean files count, each the right way round; units of
    other language pairs are counted in `report`."""
    report = report if report is not None else XliffImportReport()
    for unit in units:
        pair = tuple(_base_language(code) for code in unit.languages)
        if pair not in (("ko", "en"), ("en", "ko")):
            report.other_pairs[" > ".join(code or "?" for code in unit.languages)] += 1
        elif unit.translate and unit.source and unit.target and unit.state in ACCEPTED:
            ko, en = (unit.source, unit.target) if pair[0] == "ko" else (unit.target, unit.source)
            yield Unit(ko, en, origin="tm", source_file=source_file)
