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
from typing import Generic, TypeVar

__all__ = [
    "Annotations",
    "Article",
    "Caption",
    "DateRule",
    "Dateline",
    "Entity",
    "EntityRecord",
    "Figure",
    "Hit",
    "IngestProblem",
    "IngestReport",
    "Provenance",
    "Quote",
    "RawDocument",
    "Sentence",
    "Severity",
    "Story",
    "StoryMember",
    "Thread",
    "TimeExpression",
    "Timeline",
    "TimelineEntry",
    "TimelineSentence",
    "TimexType",
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


# --- annotations (issue 3): every span is [start, end) into Article.text ----------------------


class TimexType(StrEnum):
    """TIMEX3 types (TimeML)."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalized against the publication date.

    :param value: TIMEX3 value: ``2018-10-25``, ``2018-11``, ``1997``, ``2018-W43``, ``2018-Q3``,
        ``2018-SU``, ``199X``, ``2018-10-25T14:00``, ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF``,
        durations ``P2W``/``PXY``, sets ``XXXX-WXX-1``; ``XXXX-10-25`` when no year can be found.
    :param granularity: ``century``, ``decade``, ``year``, ``quarter``, ``season``, ``month``,
        ``week``, ``day``, ``time``, ``ref`` (PAST_REF etc.), ``duration`` or ``set``.
    """

    text: str
    start: int
    end: int
    value: str
    type: TimexType
    granularity: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention with its canonical name in the article (``Mattis`` → ``Jim Mattis``).

    :param label: spaCy label (``PERSON``, ``ORG``, ``GPE``, ``NORP``, ``LOC``, ``FAC``, ...).
    """

    text: str
    label: str
    start: int
    end: int
    canonical: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote with its attribution.

    ``start``/``end`` delimit the quoted content (for a direct quote: inside the quote marks).

    :param speaker: who said it, resolved to a named entity's canonical name where the text
        allows (``she`` → ``Tricia McLaughlin``), else the source phrase (``a U.S. official``);
        ``None`` when no source was found.
    :param source_start: the source mention in the text as written (may be a pronoun).
    :param cue: the attribution cue (``said``, ``wrote``, ``according to``, ``tweeted``).
    :param direct: quoted verbatim (inside quote marks).
    :param anonymous: the source is unnamed (``an official``, ``a person familiar with``, or
        ``spoke on condition of anonymity``).
    """

    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    direct: bool
    anonymous: bool
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A cited number with what qualifies and what it counts.

    :param value: the number (``800``, ``331700``, ``75000000``); for a range, its midpoint.
    :param low: lower bound (``at least 800`` → 800; ``up to 4,000`` → None).
    :param high: upper bound (``up to 4,000`` → 4000; ``as many as 10,000`` → 10000).
    :param qualifier: ``at least``, ``about``, ``up to``, ``as many as``, ``more than``, ``nearly``,
        ``roughly``, ``a little over``, ... or ``None`` for an exact figure.
    :param unit: a unit or currency (``USD``, ``GBP``, ``percent``, ``miles``, ``years``) if any.
    :param subject: what is counted (``active duty troops``, ``asylum claims``).
    :param date: TIMEX3 value of the time the figure refers to when stated (``in 2017`` → 2017).
    :param quote: index into the article's quotes of the quote it sits in, if any.
    """

    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    subject: str | None
    date: str | None = None
    quote: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and the date it most likely describes.

    :param date: TIMEX3 value (``2018-10-24``, ``2018-11``) or ``None``.
    :param date_source: ``own`` (a time expression in the sentence), ``inherited`` (from the
        previous sentences' narrative time) or ``published`` (the publication date).
    """

    start: int
    end: int
    date: str | None
    granularity: str | None
    date_source: str | None


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything the annotators found in one article."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    sentences: tuple[Sentence, ...] = ()


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Hit(Generic[_T]):
    """An annotation found by a corpus-wide listing, with the article it is in."""

    article_id: str
    published: date | None
    item: _T


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A corpus-level entity: its name, how often it is mentioned, and under which names.

    :param aliases: ``(alias, mentions)`` pairs, most frequent first: surface forms
        (``Mattis``, ``Defense Secretary Jim Mattis``) and per-article names merged into it.
    """

    name: str
    label: str
    mentions: int
    articles: int
    aliases: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class StoryMember:
    """An article of a story.

    :param similarity: its score against the story when it joined (1.0 for the article that
        founded the story; the estimated Jaccard similarity for a near-duplicate).
    :param how: ``founded``, ``joined``, ``duplicate`` (went with its original), or ``merged`` /
        ``split`` (moved by a user's decision).
    """

    article_id: str
    title: str | None
    published: date | None
    similarity: float
    how: str
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """One real-world event and its follow-ups.

    :param id: stable id (``s`` + 10 hex digits); it keeps meaning the same articles across
        later ingests.
    :param title: the headline of the member closest to the story's centroid.
    :param first: earliest event date of its articles; ``last``: the latest.
    :param size: member articles, near-duplicates included.
    :param entities: key names with how often its articles mention them, most frequent first.
    :param merged_into: set when a user merged this story into another one.
    """

    id: str
    thread_id: str
    title: str
    first: date | None
    last: date | None
    size: int
    entities: tuple[tuple[str, int], ...] = ()
    merged_into: str | None = None


@dataclass(frozen=True, slots=True)
class Thread:
    """A long-running topic: stories linked across months or years.

    :param title: the title of its largest story.
    :param stories: how many stories it links; ``size``: their articles.
    """

    id: str
    title: str
    first: date | None
    last: date | None
    size: int
    stories: int
    entities: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineSentence:
    """A sentence cited by a timeline entry, with where it comes from.

    ``start``/``end`` index into the text of article ``article_id``; ``quotes`` and ``figures``
    are the annotations inside the sentence.
    """

    article_id: str
    start: int
    end: int
    text: str
    published: date | None
    title: str | None
    source: str | None
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One date of a timeline and the sentences that say what happened on it.

    :param date: ISO day (``2018-10-25``).
    :param support: how many articles date an event to this day (the date's rank score).
    """

    date: str
    granularity: str
    support: float
    sentences: tuple[TimelineSentence, ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    title: str
    articles: int
    entries: tuple[TimelineEntry, ...]
