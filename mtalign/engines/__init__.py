"""Engines: where the per-document work of a job runs, with the same stage functions.

A job is a list of items (documents, document pairs, translation chunks) passed through a
chain of `Stage`s. A stage is a plain function `work(item)` or, when it holds a loaded model,
`work(model, item)` with `load()` building the model once per process. The `local` engine runs
the chain in this process; the `ray` engine (the `mtalign[ray]` extra) turns items into Ray Data
rows, stateless stages into maps and model-holding stages into `map_batches` over an actor pool.
Either way results come back in input order, so outputs are the same whatever the engine.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Callable, ContextManager, Iterator, List, Optional, Sequence

from mtalign.engines.outcome import Outcome, StageFailure

__all__ = [
    "ENGINES",
    "EngineConfig",
    "fixed_groups",
    "Outcome",
    "Stage",
    "StageFailure",
    "run_stages",
    "session",
]

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class EngineConfig:
    kind: str = "local"
    address: Optional[str] = None  # None: start a local Ray instance; "auto": join the running one
    workers: Optional[int] = None  # model-holding actors (None: as many as the cluster has CPUs)
    gpus_per_worker: float = 0.0
    verbose: bool = False
    threads: Optional[int] = None  # encoder threads per worker (None: 2 locally, 1 per Ray actor)

    def encoder_threads(self) -> int:
        return self.threads or (1 if self.kind == "ray" else 2)


@dataclass(frozen=True)
class Stage:
    """One step of a job: `work(item)`, or `work(load(), item)` with the model loaded once per
    process. Both must be picklable (module-level functions or functools.partial of them)."""

    work: Callable[..., Any]
    load: Optional[Callable[[], Any]] = None
    cpus: float = 1.0


def fixed_groups(
    items: Sequence[Any], sizes: Sequence[int], most: int, budget: int
) -> List[List[Any]]:
    """Consecutive items, `most` at most and `budget` bytes of input at most (one item alone may
    exceed it). Rows of a job: fixed by the input alone, so each row's work (and with it the
    encoder's batches) is the same on every engine and for any number of workers."""
    groups: List[List[Any]] = []
    total = 0
    for item, size in zip(items, sizes):
        if not groups or len(groups[-1]) == most or total + size > budget:
            groups.append([])
            total = 0
        groups[-1].append(item)
        total += size
    return groups


def run_stages(
    config: EngineConfig,
    items: Sequence[Any],
    stages: Sequence[Stage],
    progress: Optional[Callable[[Outcome], None]] = None,
) -> Iterator[Outcome]:
    """Every item through every stage, yielded in input order as an `Outcome` (a value, or the
    one-line reason a stage refused the item); `progress` is called as each item finishes."""
    if config.kind == "ray":
        from mtalign.engines.ray import run_ray

        return run_ray(config, items, stages, progress)
    from mtalign.engines.local import run_local

    return run_local(items, stages, progress)


def session(config: EngineConfig) -> ContextManager[None]:
    """Around a whole command: the Ray connection (and its terminal noise kept in a log file)."""
    if config.kind == "ray":
        from mtalign.engines.ray import session as ray_session

        return ray_session(config)
    return contextlib.nullcontext()
