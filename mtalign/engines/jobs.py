"""`align --jobs` on an engine. Rows are groups of consecutive jobs, fixed by the jobs file
alone (GROUP_JOBS jobs, at most GROUP_BYTES of input), so each group's sentences are encoded
together exactly alike on every engine and for any number of workers. A worker aligns a group
with the encoder it loaded once and writes the group's outputs; finished groups whose inputs
and outputs are unchanged are skipped when the command runs again (a manifest beside the jobs
file)."""

from __future__ import annotations

import functools
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator, List, Optional, Sequence, Tuple

from mtalign.align import Encoder, GlossaryAnchors, load_encoder
from mtalign.align.documents import write_alignment
from mtalign.align.jobs import Job, align_jobs
from mtalign.engines import EngineConfig, Outcome, Stage, fixed_groups
from mtalign.engines.manifest import Manifest, file_digest, item_key_or_none
from mtalign.engines.resume import run_resumable
from mtalign.errors import UserError
from mtalign.formats.alignments import output_format

GROUP_JOBS = 16  # enough sentences for full encoder batches, rows enough to keep workers busy
GROUP_BYTES = 1 << 20


@dataclass(frozen=True)
class JobOptions:
    fmt: Optional[str] = None  # None: each OUT's extension decides
    presegmented: bool = False
    encoder: str = "use"
    anchors: Optional[GlossaryAnchors] = None
    fingerprint: str = ""  # what else shapes the outputs (the glossary files' digests)


@dataclass
class JobResult:
    warnings: List[str] = field(default_factory=list)
    left_out: int = 0  # unpaired beads a TMX output leaves out
    sentences: int = 0
    output_digest: str = ""


def job_groups(jobs: Sequence[Job]) -> List[List[Job]]:
    """The rows: consecutive jobs, sized from the file system (nothing is read)."""
    sizes = [
        sum(os.path.getsize(path) for path in (job.ko, job.en) if os.path.isfile(path))
        for job in jobs
    ]
    return fixed_groups(jobs, sizes, GROUP_JOBS, GROUP_BYTES)


def align_group(encoder: Encoder, group: List[Job], options: JobOptions) -> List[Tuple[Any, Any]]:
    """Align a group and write its outputs: (JobResult as a dict, None) or (None, why) per job."""
    results = []
    for job, alignment in align_jobs(group, encoder, options.presegmented, options.anchors):
        try:
            if isinstance(alignment, UserError):
                raise alignment
            left_out = write_alignment(alignment, options.fmt or output_format(job.out), job.out)
        except (UserError, OSError) as err:  # a bad input, or an OUT that cannot be written
            results.append((None, str(err)))
            continue
        sentences = len(alignment.ko) + len(alignment.en)
        result = JobResult(alignment.warnings, left_out, sentences, file_digest(job.out))
        results.append((asdict(result), None))
    return results


def manifest_path(jobs_path: str) -> str:
    head, tail = os.path.split(jobs_path)
    return os.path.join(head, f".{tail}.mtalign-done.jsonl")


def _key(group: List[Job], options: JobOptions) -> Optional[str]:
    shape = f"{options.fmt}|{options.presegmented}|{options.encoder}|{options.fingerprint}|"
    outputs = "|".join(job.out for job in group)
    return item_key_or_none(shape + outputs, [path for job in group for path in (job.ko, job.en)])


def _unchanged(group: List[Job], stored: List[Any]) -> Optional[List[Any]]:
    """The stored results while every output is still the one the group wrote, else None."""
    for job, (result, _) in zip(group, stored):
        if result and (
            not os.path.isfile(job.out) or file_digest(job.out) != result["output_digest"]
        ):
            return None
    return [tuple(entry) for entry in stored]


def run_align_jobs(
    config: EngineConfig,
    jobs_path: str,
    jobs: Sequence[Job],
    options: JobOptions,
    progress: bool = True,
) -> Iterator[Tuple[Job, Outcome]]:
    """Every job with its outcome (a JobResult, or why it failed), in the jobs file's order."""
    groups = job_groups(jobs)
    stage = Stage(
        functools.partial(align_group, options=options),
        load=functools.partial(load_encoder, options.encoder, config.encoder_threads()),
    )
    bar = {
        "desc": "align",
        "enabled": progress,
        "total": len(jobs),
        "documents": len,
        "sentences": lambda results: sum(result["sentences"] for result, _ in results if result),
    }
    keys = [_key(group, options) for group in groups]
    manifest = Manifest(manifest_path(jobs_path))
    outcomes = run_resumable(config, groups, [stage], keys, manifest, bar, restore=_unchanged)
    index = 0
    for group, outcome in zip(groups, outcomes):
        results = outcome.value or [(None, outcome.error)] * len(group)
        for job, (result, error) in zip(group, results):
            yield job, Outcome(index, JobResult(**result) if result else None, error)
            index += 1
