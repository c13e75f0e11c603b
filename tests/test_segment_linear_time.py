"""Patterns of segment/ in time linear in the line: long runs of ">", marks or spaces once made
them backtrack for minutes or without end (a fuzzed HTML page hung the segmenter)."""

import itertools
import re

import pytest

from mtalign.segment import segment_file, split_sentences
from mtalign.segment.clean import _BREADCRUMB
from tests.fuzz_inputs import adversarial_lines, within

BACKTRACKING_BREADCRUMB = re.compile(r"^\S+(?:\s*>\s*\S+)+$")
LINES = adversarial_lines(20_000)  # before the rewrites: 4 s to over an hour each


def test_breadcrumb_takes_the_same_strings_as_the_backtracking_pattern():
    pattern = re.compile(_BREADCRUMB)
    for length in range(1, 10):
        for chars in itertools.product("a> \n", repeat=length):
            line = "".join(chars)
            assert bool(pattern.search(line)) == bool(BACKTRACKING_BREADCRUMB.search(line)), line


@pytest.mark.parametrize("line", LINES.values(), ids=list(LINES))
def test_long_runs_are_segmented_in_linear_time(tmp_path, line):
    path = tmp_path / "page.txt"
    path.write_text(line + "\n", encoding="utf-8")
    segments = within(1.0, lambda: list(segment_file(str(path))))
    kept = "".join("".join(segment.text.split()) for segment in segments)
    assert kept == "".join(line.split())  # every character still in some segment


def test_many_short_sentences_are_split_in_linear_time():
    text = "가나다. " * 160_000  # 800k characters: 3.1 CPU s when each mark sliced the rest
    spans = within(2.0, lambda: split_sentences(text))
    assert len(spans) == 160_000
