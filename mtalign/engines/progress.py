"""One progress bar for a whole job: documents done, sentences per second, ETA."""

from __future__ import annotations

import contextlib
import sys
import time
from typing import Any, Callable, Iterator

from tqdm import tqdm

from mtalign.engines.outcome import Outcome


@contextlib.contextmanager
def progress_bar(
    total: int,
    desc: str,
    enabled: bool,
    sentences: Callable[[Any], int],
    documents: Callable[[Any], int] = lambda value: 1,
    initial: int = 0,
) -> Iterator[Callable[[Outcome], None]]:
    """A callback to call as each row finishes; `documents` and `sentences` count what a
    finished row's value held; `initial` documents were finished before (a resumed run)."""
    with tqdm(
        total=total, initial=initial, desc=desc, unit="doc", file=sys.stderr, disable=not enabled
    ) as bar:
        start, done = time.monotonic(), [0]

        def update(outcome: Outcome) -> None:
            if outcome.error is None:
                done[0] += sentences(outcome.value)
            rate = done[0] / max(time.monotonic() - start, 1e-6)
            bar.set_postfix_str(f"{rate:.0f} sentences/s", refresh=False)
            bar.update(documents(outcome.value) if outcome.error is None else 1)

        yield update
