"""Storage backends. SQLite (one file, WAL, versioned migrations) is the default."""

from dateline.store._sqlite import (
    DEFAULT_DB,
    SCHEMA_VERSION,
    Added,
    AddOutcome,
    Store,
    resolve_db_path,
)

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "AddOutcome", "Added", "Store", "resolve_db_path"]
