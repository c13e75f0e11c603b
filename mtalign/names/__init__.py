"""Korean-English name spellings: romanization, and name checks of English copy."""

from mtalign.names.consistency import check_files, fix_copies, fix_targets, markdown_report
from mtalign.names.romanize import Romanization, romanize

__all__ = ["Romanization", "check_files", "fix_copies", "fix_targets", "markdown_report",
           "romanize"]
