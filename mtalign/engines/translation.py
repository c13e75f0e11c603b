"""Batch translation on an engine: rows are the checkpointed chunks of translate/batch.py, and
each Ray actor loads the CTranslate2 translator once (on a GPU with --gpus-per-worker)."""

from __future__ import annotations

import functools
from typing import Callable, Iterator, List, Optional, Sequence, Tuple

from mtalign.engines import EngineConfig, Stage, run_stages
from mtalign.errors import UserError
from mtalign.translate import Engine
from mtalign.translate.batch import ChunkRunner


def translate_chunk(engine: Engine, chunk: Sequence[str]) -> List[str]:
    return engine.translate(chunk)


def _run_chunks(config: EngineConfig, stage: Stage, chunks: List[List[str]]) -> Iterator[List[str]]:
    for outcome in run_stages(config, chunks, [stage]):
        if outcome.error is not None:
            raise UserError(outcome.error)
        yield outcome.value


def translation_engines(
    config: EngineConfig, load: Callable[..., Engine]
) -> Tuple[Engine, Optional[ChunkRunner]]:
    """The driver's engine (tokenizing, length checks) and, on Ray, what sends chunks to the
    workers. `load` takes keyword overrides: the driver's copy of a GPU model runs on the CPU."""
    if config.kind != "ray":
        return load(), None
    stage = Stage(translate_chunk, load=load)
    return load(device="cpu", compute_type="auto"), functools.partial(_run_chunks, config, stage)
