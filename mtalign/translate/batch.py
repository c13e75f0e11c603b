"""Translating whole documents: translation memory first, the model for the rest (glossary
terms protected, see terms.py), in fixed chunks that are checkpointed, so a killed run
resumes without redoing or losing work.

Chunk boundaries depend only on the input, so a resumed run sends the model exactly the
batches an uninterrupted run would: the output is byte-identical. Each document is written
back with its layout (every translated segment replaced in place), atomically.

    plan (segment, TM matches, protect terms) -> run_model (checkpointed chunks)
    -> restore_terms (placeholders back, or splice) -> render (documents written)

The caller writes the QA report (`write_qa_report`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence

from tqdm import tqdm

from mtalign.fileio import atomic_write, copy_targets
from mtalign.glossary import TermFinder
from mtalign.segment import detect_encoding, document_text, segment_file
from mtalign.tm import TranslationMemory
from mtalign.translate.engine import Engine
from mtalign.translate.terms import Protected, protect, restore, splice
from mtalign.types import NOT_FOR_TRANSLATION, Entry, Segment

CHUNK = 256  # sentences per checkpointed chunk: several model batches, little to redo after a kill
CHECKPOINT = ".mtalign-translate-checkpoint.jsonl"
# Chunks of sentences in, their translations out, in order (the Ray engine runs them on workers).
ChunkRunner = Callable[[List[List[str]]], Iterable[List[str]]]


@dataclass
class TranslateReport:
    segments: int = 0
    from_tm: int = 0
    tm_matches: List[dict] = field(default_factory=list)
    from_model: int = 0
    passed_through: List[dict] = field(default_factory=list)
    spliced: List[dict] = field(default_factory=list)
    term_misses: List[dict] = field(default_factory=list)
    outputs: List[str] = field(default_factory=list)


def _chunk_key(sources: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sources).encode("utf-8")).hexdigest()[:16]


def _load_checkpoint(path: Path) -> Dict[str, List[str]]:
    done: Dict[str, List[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # the last line of a killed run may be cut short: that chunk is redone
            done[record["chunk"]] = record["targets"]
    return done


def _translatable(segment: Segment, source_lang: str) -> bool:
    return segment.role not in NOT_FOR_TRANSLATION and segment.lang in (source_lang, "mixed")


def run_model(
    pending: List[str],
    engine: Engine,
    out: Path,
    report: TranslateReport,
    progress: bool,
    chunk_size: int = CHUNK,
    translate_chunks: Optional[ChunkRunner] = None,
) -> Dict[str, str]:
    """The model's translation of each text, chunk by chunk; each finished chunk is appended to
    the checkpoint in `out`, and chunks already there are not sent again."""
    checkpoint = out / CHECKPOINT
    done = _load_checkpoint(checkpoint)
    translations: Dict[str, str] = {}
    chunks = [pending[start:start + chunk_size] for start in range(0, len(pending), chunk_size)]
    with (
        open(checkpoint, "a", encoding="utf-8") as handle,
        tqdm(
            total=len(pending), desc="translate", unit="seg", file=sys.stderr, disable=not progress
        ) as bar,
    ):
        todo = [chunk for chunk in chunks if _chunk_key(chunk) not in done]
        results = iter((translate_chunks or _in_process(engine))(todo))
        for chunk in chunks:
            key = _chunk_key(chunk)
            if key not in done:
                done[key] = next(results)
                handle.write(
                    json.dumps({"chunk": key, "targets": done[key]}, ensure_ascii=False) + "\n"
                )
                handle.flush()
                os.fsync(handle.fileno())
            translations.update(zip(chunk, done[key]))
            bar.update(len(chunk))
    report.from_model += len(pending)
    return translations


def _in_process(engine: Engine) -> ChunkRunner:
    return lambda chunks: map(engine.translate, chunks)


def _term_misses(
    source_file: str, segment: Segment, target: str, finder: TermFinder, style: Optional[str]
):
    for hit in finder.find(segment.text):
        expected = hit.english(style)
        if expected not in target:
            yield {
                "file": source_file,
                "start": segment.start,
                "source": segment.text,
                "target": target,
                "term": hit.form,
                "expected": expected,
            }


def _tm_match(tm: TranslationMemory, text: str, threshold: float):
    """(score, unit): an exact match scores 100; else the best fuzzy match at or above threshold."""
    exact = tm.exact(text)
    if exact:
        return 100.0, exact[0]
    fuzzy = tm.fuzzy(text, threshold)
    return fuzzy[0] if fuzzy else None


@dataclass
class Plan:
    """What each distinct source text becomes: known already (TM, passed through) or sent to
    the model with its glossary terms protected."""

    documents: Dict[str, List[Segment]]
    translations: Dict[str, str] = field(default_factory=dict)
    pending: Dict[str, Protected] = field(default_factory=dict)

    def model_inputs(self, engine: Engine) -> List[str]:
        """The masked texts, similar lengths together (little padding in a chunk); the order
        depends only on the input, so chunk boundaries, and the checkpoint, are the same in
        every run."""
        masked = dict.fromkeys(protected.masked for protected in self.pending.values())
        return sorted(masked, key=lambda text: (len(engine.tokens(text)), text))


def plan(
    paths: Sequence[str],
    engine: Engine,
    tm: Optional[TranslationMemory],
    finder: TermFinder,
    style: Optional[str],
    source_lang: str,
    tm_threshold: float,
    report: TranslateReport,
) -> Plan:
    """Segment the documents; take TM matches; keep texts too long for the model as they are;
    protect the glossary terms of the rest."""
    result = Plan({path: list(segment_file(path)) for path in paths})
    sources = dict.fromkeys(s.text for segments in result.documents.values() for s in segments
                            if _translatable(s, source_lang))
    for text in sources:
        match = _tm_match(tm, text, tm_threshold) if tm is not None else None
        if match:
            similarity, unit = match
            result.translations[text] = unit.en
            report.from_tm += 1
            report.tm_matches.append(
                {
                    "source": text,
                    "target": unit.en,
                    "tm_source": unit.ko,
                    "score": similarity,
                    "origin": "tm" if similarity == 100 else "tm-fuzzy",
                }
            )
        elif engine.too_long(text):
            result.translations[text] = text
            report.passed_through.append(
                {"source": text, "reason": "too long for the model; kept as is"}
            )
        else:
            result.pending[text] = protect(text, finder, style)
    return result


def restore_terms(work: Plan, raw: Dict[str, str], engine: Engine, report: TranslateReport) -> None:
    """Put the protected terms back into each model translation; where the model dropped a
    placeholder, translate around the terms instead."""
    for text, protected in work.pending.items():
        restored = restore(protected, raw[protected.masked])
        if restored is None:
            restored = splice(protected, engine.translate)
            report.spliced.append(
                {
                    "source": text,
                    "target": restored,
                    "terms": [english for _, english in protected.terms],
                    "reason": "the model dropped a term placeholder; translated around the terms",
                }
            )
        work.translations[text] = restored


def render(
    work: Plan, out: Path, finder: TermFinder, style: Optional[str], report: TranslateReport
) -> None:
    """Each document with its translated segments replaced in place, written into `out`."""
    targets = copy_targets(list(work.documents), out)
    for (path, segments), target_path in zip(work.documents.items(), targets):
        text = document_text(path, detect_encoding(path))
        for segment in sorted(
            (s for s in segments if s.text in work.translations), key=lambda s: -s.start
        ):
            target = work.translations[segment.text]
            report.term_misses.extend(_term_misses(path, segment, target, finder, style))
            text = text[:segment.start] + target + text[segment.end:]
            report.segments += 1
        with atomic_write(target_path) as handle:
            handle.write(text)
        report.outputs.append(str(target_path))


def translate_files(
    paths: Sequence[str],
    engine: Engine,
    out_dir: str,
    tm: Optional[TranslationMemory] = None,
    glossary: Sequence[Entry] = (),
    style: Optional[str] = None,
    source_lang: str = "ko",
    progress: bool = True,
    tm_threshold: float = 85.0,
    chunk_size: int = CHUNK,
    translate_chunks: Optional[ChunkRunner] = None,
) -> TranslateReport:
    """Translate every file into out_dir (same names); returns what came from where."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = TranslateReport()
    finder = TermFinder(glossary)
    work = plan(paths, engine, tm, finder, style, source_lang, tm_threshold, report)
    raw = run_model(
        work.model_inputs(engine), engine, out, report, progress, chunk_size, translate_chunks
    )
    restore_terms(work, raw, engine, report)
    render(work, out, finder, style, report)
    (out / CHECKPOINT).unlink(missing_ok=True)
    return report


def write_qa_report(report: TranslateReport, path: str | os.PathLike) -> None:
    """translate-qa.json: what a reviewer should look at."""
    with atomic_write(path) as handle:
        json.dump({"passed_through": report.passed_through, "spliced": report.spliced,
                   "term_misses": report.term_misses, "tm_matches": report.tm_matches}, handle,
                  ensure_ascii=False, indent=2)
