"""The ingest job: discover → read → normalize → store, streaming, in committed batches."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, Protocol

from dateline.errors import InputError, UsageError
from dateline.ingest._readers import DEFAULT_MAX_BYTES, FORMATS, discover, read_documents
from dateline.models import Article, IngestProblem, IngestReport, RawDocument, Severity
from dateline.normalize import NORMALIZER_VERSION, normalize
from dateline.store import AddOutcome, Store

__all__ = ["DEFAULT_BATCH_SIZE", "IngestProgress", "ingest"]

# Large enough that per-transaction overhead (one fsync-free WAL commit) is noise, small enough
# that a batch of long articles stays a few MB and a killed run loses at most this much work.
DEFAULT_BATCH_SIZE = 500


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
    """
    if fmt is not None and fmt not in FORMATS:
        raise UsageError("E201", name=fmt, choices=", ".join(FORMATS))
    if batch_size <= 0:
        raise UsageError("E202", name="batch_size", value=batch_size)
    if max_bytes <= 0:
        raise UsageError("E202", name="max_bytes", value=max_bytes)

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

    batch: list[Article] = []
    on_bytes: Callable[[int], None] | None = progress.advance if progress is not None else None
    for item in read_documents(files, fmt=fmt, max_bytes=max_bytes, stdin=stdin, on_bytes=on_bytes):
        if isinstance(item, IngestProblem):
            note(item)
            continue
        article = _normalize(item, note)
        if article is None:
            continue
        tally.read += 1
        batch.append(article)
        if len(batch) >= batch_size:
            _flush(store, batch, tally)
    _flush(store, batch, tally)
    return tally.report(len(files))


def _normalize(raw: RawDocument, note: Callable[[IngestProblem], None]) -> Article | None:
    try:
        return normalize(raw, warn=note)
    except InputError as exc:
        note(IngestProblem(exc.path, exc.code, exc.detail, exc.record))
        return None


def _flush(store: Store, batch: list[Article], tally: _Tally) -> None:
    if not batch:
        return
    for added in store.add_batch(batch, normalizer=NORMALIZER_VERSION):
        if added.outcome is AddOutcome.UNCHANGED:
            tally.unchanged += 1
        else:
            tally.stored += 1
            if added.outcome is AddOutcome.DUPLICATE:
                tally.duplicates += 1
    batch.clear()
