"""Pre-translation from the translation memory, for CAT tools (XLIFF), and the way back."""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional, Sequence

from mtalign.formats.xliff import XliffUnit
from mtalign.glossary import TermFinder
from mtalign.tm.store import TranslationMemory
from mtalign.types import NOT_FOR_TRANSLATION, Segment, Unit

# The workflow: a match from the TM or an alignment counts as translated, machine
# translation needs review; a reviewer's translated, final or signed-off goes back to the TM.
STATE_OF_ORIGIN = {"tm": "translated", "aligned": "translated", "mt": "needs-review-translation"}
REVIEWED_STATES = {"translated", "final", "signed-off"}


def xliff_units(
    segments: Sequence[Segment],
    tm: Optional[TranslationMemory],
    finder: Optional[TermFinder],
    style: Optional[str] = None,
) -> List[XliffUnit]:
    """One unit per segment: the TM's exact match as target, glossary hits as notes."""
    units = []
    for number, segment in enumerate(segments, start=1):
        matches = tm.exact(segment.text) if tm is not None else []
        hits = finder.find(segment.text) if finder is not None else []
        notes = list(
            dict.fromkeys(
                f"{hit.form} = {hit.entry.english(style)} ({hit.entry.type})" for hit in hits
            )
        )
        units.append(XliffUnit(
            id=str(number), source=segment.text,
            target=matches[0].en if matches else None,
            state=STATE_OF_ORIGIN.get(matches[0].origin, "translated") if matches else None,
            translate=segment.role not in NOT_FOR_TRANSLATION, notes=notes,
        ))
    return units


def reviewed_units(units: Iterable[XliffUnit], source_file: str) -> Iterator[Unit]:
    """Units a reviewer has signed off (translated, final, signed-off), as TM units."""
    for unit in units:
        if unit.translate and unit.target and unit.state in REVIEWED_STATES:
            yield Unit(unit.source, unit.target, origin="tm", source_file=source_file)
