"""The vocabulary every pipeline stage speaks: typed, frozen records.

Data flows one way: a reader yields :class:`RawDocument`, normalization turns it into an
:class:`Article`, and the store hands :class:`Article` values back. Offsets (``start``/``end``)
always index into :attr:`Article.text`, the normalized body, so any later annotation can be
traced to the exact characters it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

__all__ = [
    "Article",
    "Caption",
    "DateRule",
    "Dateline",
    "IngestProblem",
    "IngestReport",
    "Provenance",
    "RawDocument",
    "Severity",
]


class DateRule(StrEnum):
    """Which evidence set an article's publication date, most trusted first."""

    METADATA = "metadata"  # a date field of the record (JSON/CSV) or the HTML page's metadata
    # a leading ``date YYYY-MM-DD`` line, a wire header ``PLACE | Tue May 12, 2009 8:56am EDT``,
    # or a publisher's printed date stamp (Guardian ``Tuesday 12 May 2009 16.36 BST``)
    HEADER = "header"
    DATELINE = "dateline"  # a date inside the dateline (``WASHINGTON, Oct. 25 (Reuters) -``)
    CAPTION = "caption"  # a same-day photo caption (``..., Thursday, Oct. 25, 2018.``)
    TOPLINE = "topline"  # a date line near the top, after the title (MEANTIME/Wikinews)


class Severity(StrEnum):
    ERROR = "error"  # the record or file was not stored
    WARNING = "warning"  # stored, but something was repaired or guessed


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record was read from.

    :param path: the file path as given (``-`` for standard input).
    :param record: 1-based line number (JSONL, CSV) or element index (JSON array); ``None`` when
        the file holds a single document.
    :param reader: name of the reader that parsed it (``text``, ``jsonl``, ``json``, ``csv``,
        ``html``).
    :param encoding: the encoding the bytes were decoded with (``utf-8`` unless a fallback was
        needed).
    """

    path: str
    record: int | None
    reader: str
    encoding: str = "utf-8"

    def where(self) -> str:
        """``path`` or ``path:record`` for messages."""
        return self.path if self.record is None else f"{self.path}:{self.record}"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it, before any normalization.

    Metadata values are kept as the strings found in the source; normalization parses them.
    """

    text: str
    provenance: Provenance
    title: str | None = None
    published: str | None = None
    url: str | None = None
    publisher: str | None = None
    external_id: str | None = None
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline opening a wire story: ``WASHINGTON (AP) —`` → place and agency.

    ``start``/``end`` delimit the dateline inside :attr:`Article.text`.
    """

    place: str
    agency: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption separated from the body, with its credit (``AP Photo/Rodrigo Abd``)."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A normalized article.

    :param id: stable id derived from the normalized title and body (re-ingesting is idempotent).
    :param text: normalized body: detokenized, captions and bylines removed, dateline kept at
        its start so offsets point into the article as published.
    :param raw_text: the text exactly as read, before normalization.
    :param published: publication day, or ``None`` when no rule found one.
    :param published_at: timezone-aware publication instant when the source gives a time.
    :param date_rule: which rule set ``published``.
    :param duplicate_of: id of the original when this is a near-duplicate (a wire copy
        republished with small edits); set by the store.
    :param similarity: estimated Jaccard similarity to ``duplicate_of``.
    """

    id: str
    title: str | None
    text: str
    raw_text: str
    provenance: Provenance
    published: date | None = None
    published_at: datetime | None = None
    date_rule: DateRule | None = None
    dateline: Dateline | None = None
    byline: str | None = None
    captions: tuple[Caption, ...] = ()
    publisher: str | None = None
    url: str | None = None
    external_id: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None

    def __post_init__(self) -> None:
        if self.published_at is not None and self.published_at.tzinfo is None:
            raise ValueError("published_at must be timezone-aware")

    @property
    def source(self) -> str | None:
        """Who published it: the record's publisher, else the dateline's agency."""
        if self.publisher:
            return self.publisher
        return self.dateline.agency if self.dateline else None


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """One bad file or record: a one-line, numbered message naming where and why."""

    path: str
    code: str
    message: str
    record: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path}:{self.record}"
        return f"{where}: {self.severity.value} {self.code}: {self.message}"


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest did.

    :param read: records read successfully from the inputs.
    :param stored: new articles written (near-duplicates included).
    :param unchanged: records whose article was already stored (idempotent re-ingest).
    :param duplicates: new articles marked as near-duplicates of an earlier one.
    :param failed: files or records that could not be stored.
    :param skipped: records with an empty text field (warning W003), not stored.
    :param problems: every error and warning, in input order.
    """

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    files: int = 0
    problems: tuple[IngestProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.code == "W003")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.WARNING)
