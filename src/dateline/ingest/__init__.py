"""Ingest stage: find input files, read them with the right reader, normalize, store.

Readers (text, JSON Lines, JSON, CSV, HTML, and gzip of any) live in ``_readers``/``_sources``;
the job that streams them into a :class:`~dateline.store.Store` in committed batches is ``_run``.
"""

from dateline.ingest._readers import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    InputFile,
    discover,
    read_documents,
)
from dateline.ingest._run import DEFAULT_BATCH_SIZE, IngestProgress, ingest

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "IngestProgress",
    "InputFile",
    "discover",
    "ingest",
    "read_documents",
]
