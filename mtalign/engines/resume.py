"""A job that a restarted driver resumes: items whose key is in the manifest are not run again."""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, Optional, Sequence

from mtalign.engines import EngineConfig, Outcome, Stage, run_stages
from mtalign.engines.manifest import Manifest
from mtalign.engines.progress import progress_bar


def _identity(value: Any) -> Any:
    return value


def run_resumable(
    config: EngineConfig,
    items: Sequence[Any],
    stages: Sequence[Stage],
    keys: Sequence[Optional[str]],
    manifest: Manifest,
    bar: Dict[str, Any],
    store: Callable[[Any], Any] = _identity,
    restore: Callable[[Any, Any], Any] = lambda item, value: value,
) -> Iterator[Outcome]:
    """Every item's outcome in input order. An item whose key the manifest holds is restored
    (`restore(item, stored)`; None: its output changed, it runs again); a finished one is
    recorded as `store(value)`. `bar`: the progress bar's desc, enabled, sentences(value) and
    optionally total and documents(value) (default: one per item)."""
    done: Dict[int, Any] = {}
    for index, (item, key) in enumerate(zip(items, keys)):
        stored = manifest.get(key) if key else None
        restored = restore(item, stored) if stored is not None else None
        if restored is not None:
            done[index] = restored
    todo = [items[index] for index in range(len(items)) if index not in done]
    bar = dict(bar)
    total = bar.pop("total", len(items))
    restored = sum(bar.get("documents", lambda value: 1)(value) for value in done.values())
    with progress_bar(total, initial=restored, **bar) as update:
        outcomes = run_stages(config, todo, stages, update)
        for index, key in enumerate(keys):
            if index in done:
                yield Outcome(index, done[index])
                continue
            outcome = next(outcomes)
            if outcome.error is None and key:
                manifest.record(key, store(outcome.value))
            yield Outcome(index, outcome.value, outcome.error)
