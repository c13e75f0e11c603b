"""Stage 3: the terminology glossary of names and institutions.

- store: TSV files (source of truth), layering, validation
- index / lookup: the SQLite index and lookups in either script
- terms: glossary terms found in running text
- extract: candidate entries from aligned text
- candidates: reading, writing and merging reviewed candidates
"""

from mtalign.glossary.candidates import merge_candidates, write_candidates
from mtalign.glossary.extract import Candidate, extract
from mtalign.glossary.keys import norm_key
from mtalign.glossary.lookup import Hit, Lookup
from mtalign.glossary.store import Glossary, load_glossary, read_tsv, shipped_glossaries, write_tsv
from mtalign.glossary.terms import TermFinder, TermHit

__all__ = ["Candidate", "Glossary", "Hit", "Lookup", "TermFinder", "TermHit", "extract",
           "load_glossary", "merge_candidates", "norm_key", "read_tsv", "shipped_glossaries",
           "write_candidates", "write_tsv"]
