"""Stage 3: the terminology glossary of names and institutions.

- store: TSV files (source of truth), layering, validation
- index / lookup: the SQLite index and lookups in either script
- terms: glossary terms found in running text
- extract: candidate entries from aligned text
- candidates: reading, writing and merging reviewed candidates

The public names load their module on first use (PEP 562), so a lookup does not pay for
extraction or candidate files.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOME = {
    "Candidate": "extract", "extract": "extract",
    "merge_candidates": "candidates", "write_candidates": "candidates",
    "norm_key": "keys",
    "Hit": "lookup", "Lookup": "lookup",
    "Glossary": "store", "load_glossary": "store", "read_tsv": "store",
    "shipped_glossaries": "store", "write_tsv": "store",
    "TermFinder": "terms", "TermHit": "terms",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
