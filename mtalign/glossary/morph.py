"""One kiwipiepy analyser per process, loaded on first use (it takes seconds to load)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def kiwi():
    from kiwipiepy import Kiwi

    return Kiwi()
