"""What the story clusterer knows about one article: its vector, words, names and dates."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from dateline.embed import Vectors
from dateline.models import Annotations, Article, Sentence
from dateline.normalize import chrome_spans, without_chrome

__all__ = [
    "ENTITY_LABELS",
    "MENTION_LOOKBACK",
    "ArticleFeatures",
    "article_features",
    "terms_of",
]

# Names that identify an event or a topic. NORP ("Americans", "Republicans") and dates or
# numbers are too common across unrelated stories to be evidence.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"})
# Words of the body read for the keyword profile: the lead says what the story is about; the
# tail of long articles is background that other stories share.
_BODY_CHARS = 3000
_MAX_TERMS = 60
_MAX_ENTITIES = 30
# Lead sentences whose own date may be the event date (when it precedes publication).
_LEAD_SENTENCES = 4
_EVENT_LOOKBACK = timedelta(days=31)
_TITLE_CHARS = 110
# How far back a mentioned day may lie: trials and sentencings name the day of a shooting
# years later.
MENTION_LOOKBACK = timedelta(days=3 * 366)

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*[^\W_]|[^\W\d_]")
_STOP = frozenset(STOP_WORDS) | frozenset(
    """said says say told according reported report reports news ap reuters photo
    mr mrs ms dr st year years day days week weeks month months time times today yesterday
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec percent people new like just also would could one two three first last""".split()
)


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """The clusterer's view of an article.

    :param event_date: the day the article's news happened: an own, day-level date of a lead
        sentence within a month before publication, else the publication day.
    :param terms: content-word counts of the headline (counted twice) and lead.
    :param entities: counts of the article's names (canonical within the article).
    :param mentioned: earlier days (within :data:`MENTION_LOOKBACK` before the event date)
        that sentences of the article date themselves to.
    """

    id: str
    title: str
    published: date | None
    event_date: date | None
    vector: Vectors
    terms: dict[str, int]
    entities: dict[str, int]
    duplicate_of: str | None = None
    # Earlier days the article dates something to ("charged in the March 3 shooting"): a
    # follow-up weeks later names the day of the event it follows up.
    mentioned: frozenset[date] = frozenset()


def terms_of(text: str) -> Counter[str]:
    """Lower-cased content words, possessives and plural ``s`` stripped."""
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("\u2019", "'")
        word = word.removesuffix("'s")
        if len(word) < 3 or word in _STOP:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        counts[word] += 1
    return counts


def article_features(
    article: Article, annotations: Annotations, vector: Vectors
) -> ArticleFeatures:
    # Page chrome (copyright lines naming the station, share bars, reporters' contact lines)
    # would tie together unrelated reports from one site.
    chrome = chrome_spans(article.text)
    terms = terms_of(
        without_chrome(article.text)[:_BODY_CHARS] if chrome else article.text[:_BODY_CHARS]
    )
    if article.title:
        for word, count in terms_of(article.title).items():
            terms[word] += 2 * count
    entities: Counter[str] = Counter(
        e.canonical
        for e in annotations.entities
        if e.label in ENTITY_LABELS and e.canonical and not _inside(chrome, e.start)
    )
    sentences = [s for s in annotations.sentences if not _inside(chrome, s.start)]
    event_date = _event_date(article.published, sentences)
    return ArticleFeatures(
        id=article.id,
        title=article.title or _first_sentence(article, sentences),
        published=article.published,
        event_date=event_date,
        vector=vector,
        terms=dict(terms.most_common(_MAX_TERMS)),
        entities=dict(entities.most_common(_MAX_ENTITIES)),
        duplicate_of=article.duplicate_of,
        mentioned=_mentioned(event_date, sentences),
    )


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


def _first_sentence(article: Article, sentences: Sequence[Sentence]) -> str:
    """The lead sentence without its dateline, as a title for untitled articles."""
    start = article.dateline.end if article.dateline else 0
    first = next((s for s in sentences if s.end > start), None)
    if first is not None:
        start = max(start, first.start)
    end = first.end if first is not None else len(article.text)
    text = " ".join(article.text[start:end].split()).lstrip("\u2014\u2013-: ")
    if not text:
        text = " ".join(article.text.split())
    return text if len(text) <= _TITLE_CHARS else text[: _TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _own_day(sentence: Sentence) -> date | None:
    """The day a sentence dates itself to (its own time expression, day granularity)."""
    if sentence.date_source != "own" or sentence.granularity != "day" or not sentence.date:
        return None
    try:
        return date.fromisoformat(sentence.date[:10])
    except ValueError:
        return None


def _event_date(published: date | None, sentences: Sequence[Sentence]) -> date | None:
    if published is None:
        return None
    for sentence in sentences[:_LEAD_SENTENCES]:
        day = _own_day(sentence)
        if day is not None and published - _EVENT_LOOKBACK <= day <= published:
            return day
    return published


def _mentioned(event_date: date | None, sentences: Sequence[Sentence]) -> frozenset[date]:
    if event_date is None:
        return frozenset()
    days = (_own_day(s) for s in sentences)
    return frozenset(
        d for d in days if d is not None and event_date - MENTION_LOOKBACK <= d < event_date
    )


def vector_from_blob(blob: bytes) -> Vectors:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
