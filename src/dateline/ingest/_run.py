"""The ingest job: discover → read → normalize → store, streaming, in committed batches.

Normalization and the near-duplicate signature are pure functions of one document, so with
``workers > 1`` they run in a pool of worker processes while the parent reads input and writes
SQLite. Chunks are submitted through a bounded window, so memory stays flat however large the
input, and results come back in input order, so ids, batches and reports are the same as serial.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from dateline.dedup import MinHasher, Signature
from dateline.errors import InputError, UsageError
from dateline.ingest._readers import DEFAULT_MAX_BYTES, FORMATS, discover, read_documents
from dateline.models import Article, IngestProblem, IngestReport, RawDocument, Severity
from dateline.normalize import NORMALIZER_VERSION, normalize
from dateline.store import AddOutcome, Store

__all__ = ["DEFAULT_BATCH_SIZE", "IngestProgress", "default_workers", "ingest"]

# Large enough that per-transaction overhead (one fsync-free WAL commit) is noise, small enough
# that a batch of long articles stays a few MB and a killed run loses at most this much work.
DEFAULT_BATCH_SIZE = 500
# Documents per task sent to a worker: amortizes pickling and queue round trips (~64 articles
# is ~15 ms of work) while keeping the in-flight window small.
_CHUNK = 64
# Below this much input a worker pool costs more to start (~0.3 s) than it saves.
_PARALLEL_MIN_BYTES = 4 * 1024 * 1024

_Normalized = tuple[Article, Signature] | IngestProblem


def default_workers() -> int:
    """Worker processes for normalization: the CPUs this process may use, at most 4."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


class IngestProgress(Protocol):
    """Receives progress from :func:`ingest` (the CLI draws a bar with it)."""

    def start(self, total_bytes: int | None, files: int) -> None: ...

    def advance(self, nbytes: int) -> None: ...

    def problem(self, problem: IngestProblem) -> None: ...


@dataclass
class _Tally:
    read: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    problems: list[IngestProblem] = field(default_factory=list)

    def report(self, files: int) -> IngestReport:
        return IngestReport(
            read=self.read,
            stored=self.stored,
            unchanged=self.unchanged,
            duplicates=self.duplicates,
            failed=self.failed,
            files=files,
            problems=tuple(self.problems),
        )


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    store: Store,
    *,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH_SIZE,
    stdin: BinaryIO | None = None,
    progress: IngestProgress | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Read every article under ``paths`` into ``store``.

    Bad files and records are reported in the returned report (one numbered problem each) and do
    not stop the batch. Re-running on the same inputs stores nothing new.

    :param paths: files, directories (read recursively, hidden files skipped) or ``-`` for stdin.
    :param fmt: force a reader (``text``, ``jsonl``, ``json``, ``csv``, ``html``) instead of
        detecting it from the extension and content.
    :param max_bytes: cap for a single-document file and for one record of a multi-record file.
    :param batch_size: articles per committed transaction.
    :param stdin: stream to read for ``-`` (defaults to the process's standard input).
    :param progress: optional receiver of progress events.
    :param workers: processes that normalize in parallel (default: :func:`default_workers`,
        or 1 for inputs under 4 MB); 1 normalizes in this process.
    """
    if fmt is not None and fmt not in FORMATS:
        raise UsageError("E201", name=fmt, choices=", ".join(FORMATS))
    if batch_size <= 0:
        raise UsageError("E202", name="batch_size", value=batch_size)
    if max_bytes <= 0:
        raise UsageError("E202", name="max_bytes", value=max_bytes)
    if workers is not None and workers <= 0:
        raise UsageError("E202", name="workers", value=workers)

    tally = _Tally()
    files, missing = discover(paths)
    sizes = [f.size for f in files]
    total = None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)
    if progress is not None:
        progress.start(total, len(files))

    def note(problem: IngestProblem) -> None:
        tally.problems.append(problem)
        if problem.severity is Severity.ERROR:
            tally.failed += 1
        if progress is not None:
            progress.problem(problem)

    for problem in missing:
        note(problem)

    if workers is None:
        workers = default_workers() if total is None or total >= _PARALLEL_MIN_BYTES else 1
    on_bytes: Callable[[int], None] | None = progress.advance if progress is not None else None
    items = read_documents(files, fmt=fmt, max_bytes=max_bytes, stdin=stdin, on_bytes=on_bytes)
    batch: list[tuple[Article, Signature]] = []
    for result in _normalized(items, workers):
        if isinstance(result, IngestProblem):
            note(result)
            continue
        tally.read += 1
        batch.append(result)
        if len(batch) >= batch_size:
            _flush(store, batch, tally)
    _flush(store, batch, tally)
    return tally.report(len(files))


def _normalize_one(raw: RawDocument, hasher: MinHasher) -> list[_Normalized]:
    out: list[_Normalized] = []
    try:
        article = normalize(raw, warn=out.append)
    except InputError as exc:
        out.append(IngestProblem(exc.path, exc.code, exc.detail, exc.record))
        return out
    out.append((article, hasher.signature(article.text)))
    return out


def _normalize_chunk(raws: list[RawDocument]) -> list[list[_Normalized]]:
    """Runs in a worker process."""
    hasher = MinHasher()
    return [_normalize_one(raw, hasher) for raw in raws]


def _normalized(
    items: Iterable[RawDocument | IngestProblem], workers: int
) -> Iterator[_Normalized]:
    """Problems pass through; documents come out normalized (with warnings first), in order."""
    if workers <= 1:
        hasher = MinHasher()
        for item in items:
            if isinstance(item, IngestProblem):
                yield item
            else:
                yield from _normalize_one(item, hasher)
        return
    # spawn, not fork: the parent holds an open SQLite connection and may run threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        window: deque[tuple[list[IngestProblem | None], Future[list[list[_Normalized]]]]] = deque()
        for slots, docs in _chunks(items):
            window.append((slots, pool.submit(_normalize_chunk, docs)))
            if len(window) >= 2 * workers:
                yield from _merge(*window.popleft())
        while window:
            yield from _merge(*window.popleft())


def _chunks(
    items: Iterable[RawDocument | IngestProblem],
) -> Iterator[tuple[list[IngestProblem | None], list[RawDocument]]]:
    """Chunks of up to ``_CHUNK`` documents; ``slots`` keeps problems at their place."""
    slots: list[IngestProblem | None] = []
    docs: list[RawDocument] = []
    for item in items:
        if isinstance(item, IngestProblem):
            slots.append(item)
            continue
        slots.append(None)
        docs.append(item)
        if len(docs) >= _CHUNK:
            yield slots, docs
            slots, docs = [], []
    if slots:
        yield slots, docs


def _merge(
    slots: list[IngestProblem | None], future: Future[list[list[_Normalized]]]
) -> Iterator[_Normalized]:
    results = iter(future.result())
    for slot in slots:
        if slot is None:
            yield from next(results)
        else:
            yield slot


def _flush(store: Store, batch: list[tuple[Article, Signature]], tally: _Tally) -> None:
    if not batch:
        return
    articles = [article for article, _ in batch]
    signatures = [signature for _, signature in batch]
    added_all = store.add_batch(articles, normalizer=NORMALIZER_VERSION, signatures=signatures)
    for added in added_all:
        if added.outcome is AddOutcome.UNCHANGED:
            tally.unchanged += 1
        else:
            tally.stored += 1
            if added.outcome is AddOutcome.DUPLICATE:
                tally.duplicates += 1
    batch.clear()
