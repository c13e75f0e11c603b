"""The translation memory: Korean-English units in SQLite, filled from TMX, XLIFF or alignments."""

from mtalign.tm.pretranslate import XliffImportReport, reviewed_units, xliff_units
from mtalign.tm.store import TranslationMemory

__all__ = ["TranslationMemory", "XliffImportReport", "reviewed_units", "xliff_units"]
