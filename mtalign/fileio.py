"""The one output policy every writer follows.

- `check_outputs` refuses, before any work, an output that is one of the command's inputs
  (or the TM in use) or another output of the same run, however it is spelled (symlinks,
  `..`, hard links).
- `atomic_write` writes a regular file through a temporary file renamed over it, so readers
  never see half an output; an existing symlink is written through to its target; a FIFO,
  device or other non-regular file is written directly and never replaced. The temporary
  file is removed on every exit path (error, Ctrl-C, SIGTERM via the CLI).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from mtalign.errors import UserError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def file_identity(path: str | os.PathLike) -> Tuple:
    """What makes two spellings of a path the same file: device and inode if it exists,
    else its fully resolved path."""
    try:
        info = os.stat(path)  # follows symlinks, /dev/stdout included
    except OSError:
        return ("path", os.path.realpath(path))
    return ("inode", info.st_dev, info.st_ino)


def check_outputs(
    outputs: Sequence[Optional[str | os.PathLike]],
    inputs: Iterable[str | os.PathLike] = (),
    labels: Optional[Sequence[str]] = None,
) -> None:
    """Refuse (UserError) an output that is an input or repeats another output of the run.

    None and '-' (standard output) are skipped; `labels` name the outputs in the message
    (default: their paths)."""
    claimed: Dict[Tuple, str] = {
        file_identity(path): f"the input {os.fspath(path)}" for path in inputs
    }
    for index, output in enumerate(outputs):
        if output is None or os.fspath(output) == "-":
            continue
        label = labels[index] if labels else os.fspath(output)
        identity = file_identity(output)
        if identity in claimed:
            raise UserError(f"{label}: refused: this output would overwrite {claimed[identity]}")
        claimed[identity] = f"the output {os.fspath(output)} of this same run"


def copy_targets(paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike) -> List[Path]:
    """Where copies of `paths` go in `out_dir`: by file name, or, when two inputs share a
    name (d1/a.txt, d2/a.txt), by their path below the inputs' common folder."""
    names = [Path(path).name for path in paths]
    if len(set(names)) == len(names):
        return [Path(out_dir) / name for name in names]
    resolved = [os.path.realpath(path) for path in paths]
    common = os.path.commonpath([os.path.dirname(path) for path in resolved])
    return [Path(out_dir) / os.path.relpath(path, common) for path in resolved]


def _is_special(path: str | os.PathLike) -> bool:
    """An existing FIFO, device or socket: written in place, never replaced by a file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def _named_errors(path: str | os.PathLike) -> Iterator[None]:
    """A write error without a file name (disk full, /dev/full) names the output."""
    try:
        yield
    except OSError as err:
        if err.filename is None:
            err.filename = os.fspath(path)
        raise


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"
) -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path` on success."""
    if "b" in mode:
        encoding = None
    newline = "" if encoding else None
    if _is_special(path):  # opened by its own name: /dev/stdout's target may be a pipe
        with _named_errors(path), open(path, mode, encoding=encoding, newline=newline) as handle:
            yield handle
        return
    target = Path(os.path.realpath(path))  # a symlink is written through to its target
    if target.is_dir():
        raise UserError(f"{os.fspath(path)}: is a directory, not a file")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with _named_errors(path), os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # mkstemp makes 0600; give the user's usual mode
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def writable_folder(path: str | os.PathLike) -> Optional[str]:
    """Why an output could not be written at `path` (None when it can): checked before work."""
    folder = Path(os.path.realpath(path)).parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write in the folder {folder}"
    return None
