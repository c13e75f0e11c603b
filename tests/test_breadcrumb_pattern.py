"""The breadcrumb pattern of segment/clean.py: the strings the old backtracking pattern took,
in time linear in the line (a fuzzed HTML page once hung the segmenter on it)."""

import itertools
import re

from mtalign.segment.clean import _BREADCRUMB, is_boilerplate
from tests.fuzz_inputs import within

BACKTRACKING_ORIGINAL = re.compile(r"^\S+(?:\s*>\s*\S+)+$")


def test_breadcrumb_takes_the_same_strings_as_the_original_pattern():
    pattern = re.compile(_BREADCRUMB)
    for length in range(1, 10):
        for chars in itertools.product("a> \n", repeat=length):
            line = "".join(chars)
            assert bool(pattern.search(line)) == bool(BACKTRACKING_ORIGINAL.search(line)), line


def test_lines_of_joints_are_judged_in_linear_time():
    lines = ["x" + unit * 20_000 + tail for unit in (">", "a>", "> ", "<font>", ">> ", "a >")
             for tail in (" ", " a b", "> >")]
    within(2.0, lambda: [is_boilerplate(line) for line in lines])  # the original: hours
    assert is_boilerplate("Home > Opinion > Editorials")
