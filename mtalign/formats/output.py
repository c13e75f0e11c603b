"""Send a writer's output to a file (atomically) or to standard output."""

from __future__ import annotations

import contextlib
import sys
from typing import IO, Iterator, Optional

from mtalign.fileio import atomic_write


@contextlib.contextmanager
def open_output(path: Optional[str], binary: bool = False) -> Iterator[IO]:
    if path in (None, "-"):
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
    else:
        with atomic_write(path, "wb" if binary else "w") as handle:
            yield handle
