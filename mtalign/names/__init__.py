"""Korean-English name spellings: romanization, and name checks of English copy."""

from mtalign.names.consistency import check_files, fix_copies, markdown_report
from mtalign.names.romanize import ROMANIZATION_STYLES, Romanization, romanize

__all__ = ["ROMANIZATION_STYLES", "Romanization", "check_files", "fix_copies", "markdown_report",
           "romanize"]
