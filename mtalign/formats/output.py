"""Send a writer's output to a file (atomically) or to standard output."""

from __future__ import annotations

import contextlib
import sys
from typing import IO, Iterator, Optional

from mtalign.fileio import atomic_write


@contextlib.contextmanager
def open_output(path: Optional[str]) -> Iterator[IO[str]]:
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
    else:
        with atomic_write(path) as handle:
            yield handle
