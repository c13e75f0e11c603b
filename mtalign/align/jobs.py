"""Many document pairs in one run (`align --jobs`): every pair read first, then all their
sentences encoded together in large length-sorted batches with the one encoder, then each
pair aligned and written.

Small per-document batches waste the encoder's time (padding, call overhead); pairs are
taken in groups of about GROUP_SENTENCES sentences so memory stays bounded on long job lists.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Sequence, Tuple, Union

from mtalign.align.documents import Alignment, align_read, read_pair
from mtalign.align.encoders import Encoder, PreEncoded
from mtalign.align.score import GlossaryAnchors
from mtalign.errors import UserError
from mtalign.fileio import check_outputs, writable_folder

GROUP_SENTENCES = 20_000


@dataclass
class Job:
    line: int
    ko: str
    en: str
    out: str


def read_jobs(path: str) -> List[Job]:
    """KO<TAB>EN<TAB>OUT per line; blank lines and # comments skipped."""
    if not os.path.isfile(path):
        raise UserError(f"{path}: no such jobs file")
    jobs = []
    for number, line in enumerate(open(path, encoding="utf-8"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3:
            raise UserError(
                f"{path}:{number}: expected KO<TAB>EN<TAB>OUT, found {len(fields)} field(s)"
            )
        jobs.append(Job(number, *fields))
    return jobs


def check_jobs(jobs: List[Job], jobs_path: str) -> Dict[int, str]:
    """Checks made before any job runs.

    An OUT that is an input of any job or the OUT of another job refuses the whole batch
    (UserError); a job with no OUT or an unwritable folder is returned (line -> reason) to
    fail alone while the others run.
    """
    unusable = {}
    for job in jobs:
        reason = "no OUT given" if not job.out.strip() else writable_folder(job.out)
        if reason:
            unusable[job.line] = f"{job.out or 'OUT'}: {reason}"
    runnable = [job for job in jobs if job.line not in unusable]
    inputs = [path for job in jobs for path in (job.ko, job.en)]
    check_outputs([job.out for job in runnable], inputs,
                  labels=[f"{jobs_path}:{job.line}: {job.out}" for job in runnable])
    return unusable


def _read_groups(jobs: Sequence[Job], presegmented: bool
                 ) -> Iterator[List[Tuple[Job, Union[Alignment, UserError]]]]:
    """Jobs with their read pair (or why it could not be read), in groups of about
    GROUP_SENTENCES sentences."""
    group: List[Tuple[Job, Union[Alignment, UserError]]] = []
    sentences = 0
    for job in jobs:
        try:
            pair: Union[Alignment, UserError] = read_pair(job.ko, job.en, presegmented)
            sentences += len(pair.ko) + len(pair.en)
        except UserError as err:
            pair = err
        group.append((job, pair))
        if sentences >= GROUP_SENTENCES:
            yield group
            group, sentences = [], 0
    if group:
        yield group


def align_jobs(
    jobs: Sequence[Job],
    encoder: Encoder,
    presegmented: bool = False,
    anchors: Optional[GlossaryAnchors] = None,
) -> Iterator[Tuple[Job, Union[Alignment, UserError]]]:
    """(job, its alignment or the error that stopped it), in job order."""
    for group in _read_groups(jobs, presegmented):
        pairs = [pair for _, pair in group if isinstance(pair, Alignment)]
        encoded = PreEncoded(encoder, [s.text for pair in pairs for s in (*pair.ko, *pair.en)])
        for job, pair in group:
            yield job, (align_read(pair, encoded, anchors) if isinstance(pair, Alignment) else pair)
