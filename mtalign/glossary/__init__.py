"""Stage 3: the terminology glossary of names and institutions.

- store: TSV files (source of truth), layering, validation
- index / lookup: the SQLite index and lookups in either script
- terms / recognize: the one term recognizer (glossary terms in running text, either script)
- extract: candidate entries from aligned text
- candidates: reading, writing and merging reviewed candidates

The public names load their module on first use (PEP 562), so a lookup does not pay for
extraction or candidate files.
"""

from __future__ import annotations

import importlib
from typing import Any

# Public name -> (module, name in it). `extract_candidates` is extract.extract: a package
# attribute named like a submodule would be replaced by that module once it is imported.
_HOME = {
    "Candidate": ("extract", "Candidate"), "extract_candidates": ("extract", "extract"),
    "merge_candidates": ("candidates", "merge_candidates"),
    "write_candidates": ("candidates", "write_candidates"),
    "norm_key": ("keys", "norm_key"),
    "Hit": ("lookup", "Hit"), "Lookup": ("lookup", "Lookup"),
    "Glossary": ("store", "Glossary"), "load_glossary": ("store", "load_glossary"),
    "read_tsv": ("store", "read_tsv"), "shipped_glossaries": ("store", "shipped_glossaries"),
    "write_tsv": ("store", "write_tsv"), "import_entries": ("interchange", "import_entries"),
    "TermFinder": ("terms", "TermFinder"), "TermHit": ("terms", "TermHit"),
    "is_title": ("terms", "is_title"), "Recognizer": ("recognize", "Recognizer"),
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _HOME[name]
    return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
