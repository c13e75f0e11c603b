"""The translation memory: Korean-English units in SQLite, filled from TMX, XLIFF or alignments."""
