"""dateline: sourced, dated story timelines from piles of news articles.

The public API; everything not listed in ``__all__`` is private. The CLI (``dateline.cli``) is a
thin shell over these names and the stage modules' own APIs (``dateline.ingest.ingest``,
``dateline.normalize.normalize``), which are not re-exported here so that the names ``ingest`` and
``normalize`` keep meaning the stage modules.
"""

from dateline.errors import DatelineError, InputError, NotFoundError, StoreError, UsageError
from dateline.models import (
    Article,
    Caption,
    Dateline,
    DateRule,
    IngestProblem,
    IngestReport,
    Provenance,
    RawDocument,
    Severity,
)
from dateline.normalize import detokenize
from dateline.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Caption",
    "DateRule",
    "Dateline",
    "DatelineError",
    "IngestProblem",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "Provenance",
    "RawDocument",
    "Severity",
    "Store",
    "StoreError",
    "UsageError",
    "__version__",
    "detokenize",
]
