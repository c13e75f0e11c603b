"""English sentence-boundary decisions: abbreviations, initials, months, initialisms."""

from __future__ import annotations

import re
from typing import Iterator, Tuple

# Abbreviations that stand before a name or number and so never end a sentence.
_TITLES = {
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "gens", "lt", "col", "maj", "capt", "cmdr",
    "sgt", "cpl", "pvt", "adm", "brig", "sen", "sens", "rep", "reps", "gov", "rev", "hon", "st",
    "mt", "ft", "supt", "insp", "det", "amb", "pres", "vs", "v", "e.g", "i.e", "cf", "approx", "ca",
    "nos", "sr", "jr",
}
# Abbreviations followed by a number when they do not end a sentence.
_BEFORE_NUMBER = {
    "no", "vol", "p", "pp", "art", "fig", "ch", "sec", "op", "ed", "rev", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# Abbreviations that end sentences about as often as not: split only when a typical
# sentence opener follows.
_AMBIGUOUS = {
    "inc", "corp", "co", "ltd", "bros", "etc", "dept", "univ", "assn", "plc", "llc", "jr", "sr",
}
_SENTENCE_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its",
    "our", "my", "this", "that", "these", "those", "there", "but", "and", "or", "so", "yet",
    "however", "meanwhile", "also", "in", "on", "at", "for", "from", "with", "as", "if", "when",
    "while", "after", "before", "since", "although", "though", "some", "many", "most", "all",
    "both", "each", "one", "no", "not", "now", "then", "still", "such", "what", "who", "why", "how",
    "where", "officials", "earlier", "later", "according", "under", "last", "next", "other",
    "others", "another",
}
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, U.N, a.m (final dot already cut)
_OPENING_PUNCT = "\"'“‘([«「『"
# An English sentence glued to the next without a space ("openness.Unification minister",
# "leaders.Moon's", "until April 12.There", "(KMA).The", "the JCS.The", "waist.-Reported by"): a
# word of two or more lower-case letters, an acronym of three capitals or more, a number or a
# closing bracket, the mark, and a capitalized word (a dash may open it). Initialisms
# (U.S.Army), domains (koreaherald.com) and decimals do not match.
GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-z]{2})|(?<=[A-Z]{3})|(?<=\d)|(?<=[A-Za-z0-9]\)))[.?!][\"”’]?(?=[-–—]?[A-Z][a-z’']+\b)")


def glued_sentence_ends(text: str) -> Iterator[Tuple[int, int]]:
    """(mark start, next sentence start) of each sentence glued to the next. A straight quote
    after the mark closes the sentence when a quote is open before it, else it opens the
    next one (prices."We reached ...)."""
    quotes, counted = 0, 0
    for match in GLUED_SENTENCE.finditer(text):
        quotes += text.count('"', counted, match.start())
        counted = match.start()
        opens_next = text[match.end() - 1] == '"' and quotes % 2 == 0
        yield match.start(), match.end() - opens_next


def _first_word(text: str) -> str:
    match = re.match(r"[" + re.escape(_OPENING_PUNCT) + r"]*([\w'’.-]*)", text)
    return match.group(1) if match else ""


def starts_lowercase(text: str) -> bool:
    """True when the next sentence candidate begins (after opening quotes) in lower case."""
    word = _first_word(text)
    return bool(word) and word[0].islower()


def is_boundary(prev_word: str, mark: str, following: str) -> bool:
    """Decide a candidate after `prev_word` + `mark` (e.g. '.', '?!', '...') before `following`."""
    if starts_lowercase(following):
        return False
    if "." not in mark or "?" in mark or "!" in mark:
        return True
    core = prev_word.lstrip(_OPENING_PUNCT).rstrip(".")
    folded = core.casefold()
    next_word = _first_word(following)
    if len(core) == 1 and core.isupper() and mark == ".":
        return False  # an initial: George W. Bush, N. Korea
    if folded in _TITLES and folded not in _AMBIGUOUS:
        return False
    if folded in _BEFORE_NUMBER and next_word[:1].isdigit():
        return False
    # an initialism ends a compound too: "the South Korea-U.S. Combined Forces Command"
    if folded in _AMBIGUOUS or _INITIALISM.match(core.rsplit("-", 1)[-1]):
        return next_word.casefold() in _SENTENCE_OPENERS
    return True
