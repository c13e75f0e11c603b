"""The Ray Data engine: items are dataset rows, stateless stages are maps, model-holding stages
are `map_batches` over an actor pool whose actors load the model once. Ray retries the rows of
a worker that dies (actors restart, their tasks are resubmitted); results are put back in input
order on the driver, so the outputs do not depend on the number of workers or on retries.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import socket
import sys
import tempfile
import threading
from typing import Any, Callable, Dict, Iterator, Optional, Sequence

from mtalign.engines.outcome import Outcome, apply_stage
from mtalign.errors import UserError

MAX_BLOCKS = 200  # rows per block ~ len/200: small enough to balance and to redo after a loss
CONNECT_TIMEOUT = 10.0
GCS_WAIT_SECONDS = 8
JOIN_TIMEOUT = float(os.environ.get("MTALIGN_RAY_JOIN_TIMEOUT", 20))  # seconds; tests shorten it
EXTRA = "--engine ray needs the Ray extra: pip install 'mtalign[ray]'"


def import_ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise UserError(EXTRA) from None
    return ray


def _check_address(address: str) -> None:
    """Fail fast (seconds, not Ray's minute of retries) when nothing listens at host:port."""
    host, _, port = address.split("://")[-1].rpartition(":")
    if not host or not port.isdigit():
        raise UserError(f"--ray-address {address}: expected HOST:PORT, 'auto' or 'local'")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as err:
        raise UserError(
            f"--ray-address {address}: no Ray cluster reachable ({err.strerror or err})"
        ) from None


def connect(config: Any) -> bool:
    """Join the cluster at config.address, or start a local instance; True if this call
    started the connection (then the caller shuts it down)."""
    ray = import_ray()
    if ray.is_initialized():
        return False
    address = config.address
    if address not in (None, "auto", "local"):
        _check_address(address)
        # Something answers there; if it is not a Ray head, give up after ~8 s, not Ray's ~20 s.
        os.environ.setdefault("RAY_gcs_server_port_wait_time_s", str(GCS_WAIT_SECONDS))
    with _deadline(address):
        _init(ray, config)
    return True


@contextlib.contextmanager
def _deadline(address: Any) -> Iterator[None]:
    """A service that accepts connections but is not Ray can keep Ray's connect waiting for
    minutes inside its C++ client, where nothing can interrupt it: past JOIN_TIMEOUT the
    command says so in one line and exits 2 (nothing has been written yet)."""

    def give_up() -> None:
        sys.stderr.write(
            f"mtalign: error: --ray-address {address}: no Ray cluster answered "
            f"within {JOIN_TIMEOUT:.0f} s\n"
        )
        sys.stderr.flush()
        os._exit(2)

    timer = threading.Timer(JOIN_TIMEOUT, give_up)
    timer.daemon = True
    if address not in (None, "local"):
        timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _init(ray: Any, config: Any) -> None:
    address = config.address
    level = logging.INFO if config.verbose else logging.ERROR
    try:
        ray.init(
            address=address,
            log_to_driver=config.verbose,
            logging_level=level,
            include_dashboard=False if address in (None, "local") else None,
        )
    except (ConnectionError, RuntimeError, ValueError) as err:
        first_line = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise UserError(
            f"--ray-address {address}: cannot join the Ray cluster: {first_line}"
        ) from None


def _quiet_ray_data(verbose: bool) -> None:
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = verbose
    context.print_on_execution_start = verbose
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.ERROR)


@contextlib.contextmanager
def session(config: Any) -> Iterator[None]:
    """Ray up for the duration of a command; unless verbose, whatever Ray's processes write to
    the terminal goes to a log file instead, while mtalign's own messages still reach stderr."""
    quiet = contextlib.nullcontext() if config.verbose else _stderr_to_log()
    with quiet:
        started = connect(config)
        try:
            yield
        finally:
            if started:
                import_ray().shutdown()


@contextlib.contextmanager
def _stderr_to_log() -> Iterator[None]:
    log = tempfile.NamedTemporaryFile(prefix="mtalign-ray-", suffix=".log", delete=False)
    sys.stderr.flush()
    terminal = os.dup(2)
    os.dup2(log.fileno(), 2)
    log.close()
    python_stderr = sys.stderr
    sys.stderr = os.fdopen(
        os.dup(terminal),
        "w",
        buffering=1,
        encoding=python_stderr.encoding,
        errors="backslashreplace",
    )
    try:
        yield
    finally:
        sys.stderr.flush()  # left open: logging handlers made meanwhile may still hold it
        sys.stderr = python_stderr
        os.dup2(terminal, 2)
        os.close(terminal)


class _ModelWorker:
    """One actor of the pool: the stage's model loaded once, then batches of rows."""

    def __init__(self, stage: Any, cwd: str) -> None:
        _enter(cwd)
        self.stage = stage
        self.model = stage.load()

    def __call__(self, batch: Dict[str, Any]) -> Dict[str, Any]:
        return _apply(batch, self.stage, self.model)


def _stateless(batch: Dict[str, Any], stage: Any, cwd: str) -> Dict[str, Any]:
    _enter(cwd)
    return _apply(batch, stage, None)


def _enter(cwd: str) -> None:
    """Relative paths mean what they meant to the driver (shared storage mounted alike)."""
    if os.path.isdir(cwd) and os.getcwd() != cwd:
        os.chdir(cwd)


def _apply(batch: Dict[str, Any], stage: Any, model: Any) -> Dict[str, Any]:
    import numpy as np

    payloads = [
        pickle.dumps(apply_stage(pickle.loads(p), stage.work, model)) for p in batch["payload"]
    ]
    return {"index": batch["index"], "payload": np.array(payloads, dtype=object)}


def _pool_size(config: Any, ray: Any, items: int) -> int:
    if config.workers:
        return max(1, min(config.workers, items))
    resources = ray.cluster_resources()
    if config.gpus_per_worker:
        size = int(resources.get("GPU", 0) / config.gpus_per_worker)
    else:
        size = int(resources.get("CPU", 1))
    return max(1, min(size, items))


def run_ray(
    config: Any,
    items: Sequence[Any],
    stages: Sequence[Any],
    progress: Optional[Callable[[Outcome], None]] = None,
) -> Iterator[Outcome]:
    if not items:
        return iter(())
    ray = import_ray()
    connect(config)
    _quiet_ray_data(config.verbose)
    cwd = os.getcwd()
    rows = [{"index": i, "payload": pickle.dumps(Outcome(i, item))} for i, item in enumerate(items)]
    dataset = ray.data.from_items(rows, override_num_blocks=min(len(rows), MAX_BLOCKS))
    for stage in stages:
        common = dict(batch_size=1, batch_format="numpy", num_cpus=stage.cpus)
        if stage.load is None:
            dataset = dataset.map_batches(
                _stateless, fn_kwargs={"stage": stage, "cwd": cwd}, **common
            )
        else:
            size = _pool_size(config, ray, len(items))
            dataset = dataset.map_batches(
                _ModelWorker,
                fn_constructor_args=(stage, cwd),
                num_gpus=config.gpus_per_worker or None,
                compute=ray.data.ActorPoolStrategy(size=size),
                **common,
            )
    return _in_order(dataset.iter_rows(), progress)


def _in_order(
    rows: Iterator[Dict[str, Any]], progress: Optional[Callable[[Outcome], None]]
) -> Iterator[Outcome]:
    """Rows arrive as workers finish them; hand them on in input order, each exactly once."""
    waiting: Dict[int, Outcome] = {}
    next_index = 0
    for row in rows:
        outcome = pickle.loads(row["payload"]).checked()
        if outcome.index in waiting or outcome.index < next_index:
            continue  # a retried block may hand a row back twice: the first copy counts
        if progress is not None:
            progress(outcome)
        waiting[outcome.index] = outcome
        while next_index in waiting:
            yield waiting.pop(next_index)
            next_index += 1
