"""HTTP downloads for the model store: JSON look-ups and resumable, verified file downloads.

A download goes to NAME.part; an interrupted one is resumed with an HTTP Range request on the
next attempt. Only a file whose size (and SHA-256, where the source publishes one) matches
is renamed to NAME; a mismatch deletes the part file, so a bad download is never reused.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import socket
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Optional

from tqdm import tqdm

from mtalign import __version__
from mtalign.errors import UserError

TIMEOUT = 15  # seconds per connect or read: offline, a command fails well within 30 s
BLOCK = 1 << 16


def _request(url: str, source: str, offset: int = 0):
    headers = {"User-Agent": f"mtalign/{__version__}"}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=TIMEOUT)
    except urllib.error.HTTPError as err:
        if err.code == 416:
            return err
        raise UserError(f"{source}: {url}: HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, socket.timeout, ConnectionError) as err:
        reason = getattr(err, "reason", err)
        raise UserError(
            f"{source}: cannot reach {url} ({reason}); downloading models needs network access"
        ) from None


def get_json(url: str, source: str) -> Any:
    with _request(url, source) as response:
        try:
            return json.loads(response.read().decode("utf-8"))
        except (ValueError, OSError) as err:
            raise UserError(f"{source}: {url}: not a valid JSON answer ({err})") from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _verify(part: Path, url: str, size: Optional[int], sha256: Optional[str]) -> None:
    problem = None
    if size is not None and part.stat().st_size != size:
        problem = f"size {part.stat().st_size} bytes, expected {size}"
    elif sha256 and _sha256(part) != sha256.lower():
        problem = f"SHA-256 does not match the published {sha256}"
    if problem:
        part.unlink()
        raise UserError(f"{url}: download refused: {problem} (deleted; run the command again)")


def _receive(response, part: Path, resumed: bool, total: Optional[int], label: str,
             progress: bool) -> None:
    bar = tqdm(total=total, initial=part.stat().st_size if resumed else 0, unit="B",
               unit_scale=True, unit_divisor=1024, desc=label, file=sys.stderr,
               disable=not progress)
    with response, bar, open(part, "ab" if resumed else "wb") as handle:
        for block in iter(lambda: response.read(BLOCK), b""):
            handle.write(block)
            bar.update(len(block))


def download(url: str, dest: Path, source: str, size: Optional[int] = None,
             sha256: Optional[str] = None, progress: bool = True) -> Path:
    """Download url to dest (resuming dest.part), verify it, and return dest. A dest already
    there of the right size was verified when it was completed, and is kept."""
    if dest.is_file() and (size is None or dest.stat().st_size == size):
        return dest
    part = dest.with_name(dest.name + ".part")
    part.parent.mkdir(parents=True, exist_ok=True)
    offset = part.stat().st_size if part.exists() else 0
    response = _request(url, source, offset)
    if response.status == 416:  # the part file already holds everything
        response.close()
    else:
        resumed = bool(offset) and response.status == 206
        length = response.headers.get("Content-Length")
        expected = int(length) + (offset if resumed else 0) if length else size
        problem = ""
        try:
            _receive(response, part, resumed, expected, dest.name, progress)
        except (OSError, http.client.HTTPException) as err:
            problem = str(err)
        if problem or (expected and part.stat().st_size < expected):
            detail = f" ({problem})" if problem else ""
            raise UserError(f"{source}: {url}: download interrupted at {part.stat().st_size} "
                            f"bytes{detail}; run the command again to resume")
        size = size if size is not None else expected
    _verify(part, url, size, sha256)
    os.replace(part, dest)
    return dest
