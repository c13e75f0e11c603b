"""Fuzzing the readers (hypothesis seeds structure-aware generators and byte mutations), and
the inputs that once crashed or hung them, kept as regression inputs in tests/data/fuzz/."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz_inputs import READERS, failure_of, sample

FIXED = Path(__file__).parent / "data" / "fuzz"
READER_OF_SUFFIX = {
    ".tmx": "tmx",
    ".tbx": "tbx",
    ".xlf": "xliff",
    ".html": "html",
    ".txt": "segmenter",
    ".tsv": "glossary-tsv",
}
EXAMPLES = {"html": 40}  # HTML pages are the slowest to generate and segment
FIXED_LIMIT = 1.0  # CPU seconds per kept input; each takes a few milliseconds


@pytest.mark.parametrize(
    "path",
    sorted(p for p in FIXED.iterdir() if p.suffix in READER_OF_SUFFIX),
    ids=lambda path: path.name,
)
def test_fixed_inputs_are_read_or_refused_in_well_under_a_second(tmp_path, path):
    reader = READER_OF_SUFFIX[path.suffix]
    assert failure_of(reader, path.read_bytes(), str(tmp_path), FIXED_LIMIT) is None


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(READERS))
def test_fuzzed_inputs_are_read_or_refused(tmp_path_factory, name):
    folder = str(tmp_path_factory.mktemp(name))

    @settings(
        max_examples=EXAMPLES.get(name, 150),
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.randoms(use_true_random=False))
    def check(rng):
        data = sample(name, rng)
        error = failure_of(name, data, folder, limit=10.0)
        assert error is None, f"{type(error).__name__}: {error} on {data[:300]!r}"

    check()
