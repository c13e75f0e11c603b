"""The local engine: the stages in this process, each stage's model loaded once."""

from __future__ import annotations

from typing import Any, Callable, Iterator, Optional, Sequence

from mtalign.engines.outcome import Outcome, apply_stages


def run_local(
    items: Sequence[Any],
    stages: Sequence[Any],
    progress: Optional[Callable[[Outcome], None]] = None,
) -> Iterator[Outcome]:
    models = [stage.load() if stage.load is not None else None for stage in stages]
    for index, item in enumerate(items):
        outcome = apply_stages(index, item, stages, models, catch_bugs=False)
        if progress is not None:
            progress(outcome)
        yield outcome
