"""The ingest job: discover → read → normalize (→ annotate) → store, streaming, in batches.

Normalization, the near-duplicate signature and NLP annotation are pure functions of one document,
so with ``workers > 1`` they run in worker processes (each loads the spaCy model once) while the
parent reads input and writes SQLite. Chunks go through a bounded window, so memory stays flat
however large the input, and come back in input order, so ids, batches and reports are the same
as serial.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO, Protocol

from dateline._parallel import ordered_map
from dateline.dedup import MinHasher, Signature
from dateline.errors import InputError, UsageError
from dateline.ingest._readers import DEFAULT_MAX_BYTES, FORMATS, discover, read_documents
from dateline.models import (
    Annotations,
    Article,
    IngestProblem,
    IngestReport,
    RawDocument,
    Severity,
)
from dateline.normalize import NORMALIZER_VERSION, normalize
from dateline.store import AddOutcome, Store

__all__ = ["DEFAULT_BATCH_SIZE", "IngestProgress", "default_workers", "ingest"]

# Large enough that per-transaction overhead (one fsync-free WAL commit) is noise, small enough
# that a batch of long articles stays a few MB and a killed run loses at most this much work.
DEFAULT_BATCH_SIZE = 500
# Documents per task sent to a worker: amortizes pickling and queue round trips, and is the
# nlp.pipe batch, while keeping the in-flight window small.
_CHUNK = 64
# Below this much input a worker pool costs more to start than it saves: ~0.3 s without NLP;
# with NLP each worker also loads the model (~1.5 s) but parsing ~200 articles takes longer.
_PARALLEL_MIN_BYTES = 4 * 1024 * 1024
_PARALLEL_MIN_BYTES_NLP = 1024 * 1024

_Done = tuple[Article, Signature, Annotations | None]
_Normalized = _Done | IngestProblem


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
    annotate: bool = True,
    annotators: Sequence[str] | None = None,
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
    :param workers: processes that normalize and annotate in parallel (default:
        :func:`default_workers`, or 1 for inputs under 4 MB, 1 MB when annotating); 1 works in
        this process.
    :param annotate: run the NLP annotators (entities, times, quotes, figures) and store their
        results; without it ingest is a fast normalize-and-store.
    :param annotators: spaCy factory names to run instead of the default annotators.
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
        threshold = _PARALLEL_MIN_BYTES_NLP if annotate else _PARALLEL_MIN_BYTES
        workers = default_workers() if total is None or total >= threshold else 1
    on_bytes: Callable[[int], None] | None = progress.advance if progress is not None else None
    items = read_documents(files, fmt=fmt, max_bytes=max_bytes, stdin=stdin, on_bytes=on_bytes)
    batch: list[_Done] = []
    results = ordered_map(
        _process_chunk,
        _chunks(items),
        workers=workers,
        initializer=partial(
            _init_worker,
            annotate,
            tuple(annotators) if annotators is not None else None,
            store.path,
        ),
    )
    try:
        for chunk in results:
            for result in chunk:
                if isinstance(result, IngestProblem):
                    note(result)
                    continue
                tally.read += 1
                batch.append(result)
                if len(batch) >= batch_size:
                    _flush(store, batch, tally)
    finally:
        # A worker running in this process (workers=1) holds a read-only connection; left
        # open, it would keep SQLite from checkpointing the WAL when the store closes.
        _close_worker()
    _flush(store, batch, tally)
    if annotate and tally.read:
        store.rebuild_entities()
    return tally.report(len(files))


class _Worker:
    """Per-process state: the MinHasher and, when annotating, the loaded spaCy pipeline and a
    read-only view of the store, so articles it already holds with current annotations are not
    annotated again (re-running an ingest then costs reading and normalizing, not NLP)."""

    def __init__(
        self, annotate: bool, annotators: tuple[str, ...] | None, db: str | None = None
    ) -> None:
        self.hasher = MinHasher()
        self.annotator = None
        self.known: sqlite3.Connection | None = None
        self.version = 0
        if annotate:
            from dateline.annotate import (  # noqa: PLC0415  (spaCy only when needed)
                ANNOTATOR_VERSION,
                Annotator,
            )

            self.annotator = Annotator(annotators)
            self.version = ANNOTATOR_VERSION
            # Only the default annotators' version is recorded per article; a custom set is
            # always run.
            if annotators is None and db is not None and db != ":memory:":
                self.known = _read_only(db)

    def _annotated(self, article_id: str) -> bool:
        if self.known is None:
            return False
        try:
            row = self.known.execute(
                "SELECT annotated FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        except sqlite3.Error:
            return False
        return row is not None and row[0] is not None and row[0] >= self.version

    def process(self, items: list[RawDocument | IngestProblem]) -> list[_Normalized]:
        out: list[_Normalized | None] = []
        articles: list[tuple[int, Article]] = []
        for item in items:
            if isinstance(item, IngestProblem):
                out.append(item)
                continue
            try:
                article = normalize(item, warn=out.append)
            except InputError as exc:
                out.append(IngestProblem(exc.path, exc.code, exc.detail, exc.record))
                continue
            articles.append((len(out), article))
            out.append(None)  # filled in below, once the chunk is annotated
        todo = [(at, a) for at, a in articles if not self._annotated(a.id)]
        found: dict[int, Annotations] = {}
        if self.annotator is not None and todo:
            pairs = ((a.text, a.published) for _, a in todo)
            annotated = self.annotator.annotate_many(pairs)
            found = {at: ann for (at, _), ann in zip(todo, annotated, strict=True)}
        for at, article in articles:
            out[at] = (
                article,
                self.hasher.article_signature(article.title, article.text),
                found.get(at),
            )
        return [item for item in out if item is not None]


_WORKER: _Worker | None = None


def _init_worker(annotate: bool, annotators: tuple[str, ...] | None, db: str | None) -> None:
    global _WORKER  # noqa: PLW0603  (one pipeline per process, loaded once)
    _WORKER = _Worker(annotate, annotators, db)


def _close_worker() -> None:
    if _WORKER is not None and _WORKER.known is not None:
        _WORKER.known.close()
        _WORKER.known = None


def _read_only(db: str) -> sqlite3.Connection | None:
    try:
        uri = Path(db).resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=30.0, check_same_thread=False)
    except (sqlite3.Error, ValueError, OSError):
        return None


def _process_chunk(items: list[RawDocument | IngestProblem]) -> list[_Normalized]:
    """Runs in a worker process (or in this one, serially)."""
    assert _WORKER is not None, "worker not initialized"
    return _WORKER.process(items)


def _chunks(
    items: Iterable[RawDocument | IngestProblem],
) -> Iterator[list[RawDocument | IngestProblem]]:
    """Chunks of up to ``_CHUNK`` documents, problems kept in their place."""
    chunk: list[RawDocument | IngestProblem] = []
    docs = 0
    for item in items:
        chunk.append(item)
        if not isinstance(item, IngestProblem):
            docs += 1
            if docs >= _CHUNK:
                yield chunk
                chunk, docs = [], 0
    if chunk:
        yield chunk


def _flush(store: Store, batch: list[_Done], tally: _Tally) -> None:
    if not batch:
        return
    annotations = [ann for _, _, ann in batch]
    version = None
    if any(ann is not None for ann in annotations):
        from dateline.annotate import ANNOTATOR_VERSION  # noqa: PLC0415  (imports spaCy)

        version = ANNOTATOR_VERSION
    added_all = store.add_batch(
        [article for article, _, _ in batch],
        normalizer=NORMALIZER_VERSION,
        signatures=[signature for _, signature, _ in batch],
        annotations=annotations,
        annotator=version,
    )
    for added in added_all:
        if added.outcome is AddOutcome.UNCHANGED:
            tally.unchanged += 1
        else:
            tally.stored += 1
            if added.outcome is AddOutcome.DUPLICATE:
                tally.duplicates += 1
    batch.clear()
