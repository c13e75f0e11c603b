"""Stage 3: the terminology glossary of names and institutions.

- store: TSV files (source of truth), layering, validation
- index / lookup: the SQLite index and lookups in either script
- extract: candidate entries from aligned text
- candidates: reading, writing and merging reviewed candidates
"""
