"""Timeline summarization: the dates that matter in a set of articles, and what happened on each.

Dates are chosen from the annotators' resolved time expressions, not only from publication
dates: every sentence carries the day it describes (its own time expression, or the narrative
time inherited from the sentences before it). A day's **support** is how many articles date an
event to it — 1 for an own, day-precise reference (1.5 when the article was published more
than a day later: a day still talked about later mattered), 0.5 for an inherited one, 0.5 for
being the article's publication day — counted once per article. The ``dates`` days with the
most support are kept (ties: earlier first).

For each day, the candidate sentences are the complete sentences (8 to 45 words, ending like a
sentence: no captions, bylines or list headings) dated to it. They are ranked by TF-IDF cosine
(stemmed content words) with the day's centroid: all candidates plus, weighted double, the
opening sentences of the articles published that day and the next — what the day's own coverage
led with, which is what a timeline editor summarizes — with a small bonus for an article's first
sentence and for a sentence that names the day itself, and picked greedily with a redundancy
penalty (maximal marginal relevance). Each of these choices was measured on the Timeline17 dev
timelines (``dateline eval tls``; docs/notes/timelines.md has the table).

The article set is given by the caller: :func:`articles_for` resolves a story, a thread, an
entity, a text query or the whole store to article ids.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateline._stem import porter_stem
from dateline._text import FUNCTION_WORDS, smart_stop_words
from dateline.errors import UsageError
from dateline.models import Annotations, Article, Timeline, TimelineEntry, TimelineSentence
from dateline.normalize import chrome_spans
from dateline.store import Store

__all__ = ["articles_for", "build_timeline"]

_WORD = re.compile(r"[^\W\d_]{2,}")
# Sentences shorter than this are headlines, datelines or fragments; longer ones are run-ons
# (often several sentences the splitter missed in PTB-tokenized text). Timeline17 dev AR-1
# for each choice here: docs/notes/timelines.md.
_MIN_WORDS, _MAX_WORDS = 8, 45
# A line that ends without sentence punctuation or with a colon is a caption, a heading or a
# list item ("Deepwater Horizon rig explodes, killing 11 people 28 April:"); "By <Name>" opens
# a byline.
_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")")
_BYLINE = re.compile(r"^\s*By [A-Z]")
# The day's centroid adds the first sentences of the articles published that day and the next,
# weighted double (reference timelines paraphrase the day's main report).
_LEAD_SENTENCES, _LEAD_WEIGHT = 5, 2.0
# A small bonus for an article's first sentence (the reporter's own summary) and for a sentence
# that names the day itself: on the seeds they make the 2018-10-25 entry the order sending troops
# to the border and the 2025-05-16 entry the request for 20,000 Guard troops, as a reader
# expects. On Timeline17, whose articles run the headline into the first sentence, they cost
# AR-1 0.006 (docs/notes/timelines.md).
_POSITION_BONUS, _OWN_BONUS = 0.05, 0.03
_OWN_SUPPORT, _INHERITED_SUPPORT, _PUBLISHED_SUPPORT = 1.0, 0.5, 0.5
# Date F1 on the ten Timeline17 dev timelines: 0.644 without, 0.662 with 0.5, 0.655 with 1.0.
_LATER_BONUS = 0.5


def _LATER(published: date) -> str:  # noqa: N802 - read like a constant in the weighting above
    return (published - timedelta(days=1)).isoformat()


# Maximal marginal relevance: how much a candidate's similarity to already chosen sentences
# costs it.
_REDUNDANCY = 0.7


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: Article
    start: int
    end: int
    position: int
    own: bool
    words: Counter[str]


def articles_for(
    store: Store,
    *,
    story: str | None = None,
    thread: str | None = None,
    entity: str | None = None,
    query: str | None = None,
    everything: bool = False,
) -> list[str]:
    """Article ids (originals only) of a story, a thread, an entity's mentions, a text query
    (case-insensitive, in title or text), or the whole store; exactly one must be given."""
    given = [x is not None for x in (story, thread, entity, query)] + [everything]
    if sum(given) != 1:
        raise UsageError("E214")
    if story is not None or thread is not None:
        from dateline.stories import story_members, thread_stories  # noqa: PLC0415

        stories = (
            [story] if story is not None else [s.id for s in thread_stories(store, thread or "")]
        )
        ids = [m.article_id for s in stories for m in story_members(store, s)]
    elif entity is not None:
        ids = store.articles_mentioning(entity)
    elif query is not None:
        ids = store.articles_matching(query)
    else:
        ids = [a.id for a in store.articles(include_duplicates=False)]
    originals = []
    for article_id in ids:
        article = store.get(article_id)
        originals.append(article.duplicate_of or article.id)
    return list(dict.fromkeys(originals))


def build_timeline(
    store: Store,
    article_ids: Sequence[str],
    *,
    dates: int = 10,
    per_date: int = 1,
    since: date | None = None,
    until: date | None = None,
    title: str = "",
) -> Timeline:
    """A timeline of ``article_ids``: the ``dates`` best-supported days within
    ``since``…``until``, each with up to ``per_date`` sentences.

    Entries are in date order; every sentence carries its article, offsets, source, publication
    date and the quotes and figures inside it.
    """
    if dates <= 0:
        raise UsageError("E202", name="dates", value=dates)
    if per_date <= 0:
        raise UsageError("E202", name="per_date", value=per_date)
    articles = [store.get(i) for i in article_ids]
    published = sorted(a.published for a in articles if a.published is not None)
    if since is None and published:
        # Older references are background ("since the September 11, 2001, attacks"), not events
        # of these articles; a year back keeps the run-up to the first report.
        since = published[0] - timedelta(days=366)
    if until is None and published:
        until = published[-1]
    support: dict[str, float] = defaultdict(float)
    candidates: dict[str, list[_Candidate]] = defaultdict(list)
    leads: dict[str, list[str]] = defaultdict(list)  # day -> opening sentences, words later
    loaded: dict[str, tuple[Article, Annotations]] = {}
    for article in articles:
        article_id = article.id
        annotations = store.annotations(article_id)
        loaded[article_id] = (article, annotations)
        weights: dict[str, float] = {}
        # Page chrome ("Sign up for free e-mail news alerts ...") is never what happened.
        chrome = chrome_spans(article.text)
        sentences = [
            s for s in annotations.sentences if not any(a <= s.start < b for a, b in chrome)
        ]
        if article.published is not None:
            weights[article.published.isoformat()] = _PUBLISHED_SUPPORT
            opening = [article.text[s.start : s.end] for s in sentences[:_LEAD_SENTENCES]]
            leads[article.published.isoformat()].extend(opening)
            leads[(article.published - timedelta(days=1)).isoformat()].extend(opening)
        for position, sentence in enumerate(sentences):
            day = _day(sentence.date, sentence.granularity)
            if day is None or not _within(day, since, until):
                continue
            own = sentence.date_source == "own"
            weight = _OWN_SUPPORT if own else _INHERITED_SUPPORT
            if sentence.date_source == "published":
                weight = 0.0
            elif own and article.published is not None and day < _LATER(article.published):
                # A day still referred to days later was important (news-tls's date ranker
                # learns the same from "mentioned by later articles" features).
                weight += _LATER_BONUS
            weights[day] = max(weights.get(day, 0.0), weight)
            text = article.text[sentence.start : sentence.end]
            if _is_candidate(text):
                candidates[day].append(
                    _Candidate(
                        article, sentence.start, sentence.end, position, own, _content_words(text)
                    )
                )
        for day, weight in weights.items():
            if _within(day, since, until):
                support[day] += weight
    ranked = sorted((d for d in support if candidates.get(d)), key=lambda d: (-support[d], d))[
        :dates
    ]
    document_frequency = _document_frequency(c.words for cs in candidates.values() for c in cs)
    entries = []
    for day in sorted(ranked):
        day_leads = [_content_words(text) for text in leads.get(day, [])]
        chosen = _select(candidates[day], day_leads, per_date, document_frequency)
        entries.append(
            TimelineEntry(
                date=day,
                granularity="day",
                support=support[day],
                sentences=tuple(_cite(c, loaded[c.article.id][1]) for c in chosen),
            )
        )
    return Timeline(title=title, articles=len(article_ids), entries=tuple(entries))


def _day(value: str | None, granularity: str | None) -> str | None:
    if value is None or granularity != "day" or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _within(day: str, since: date | None, until: date | None) -> bool:
    return (since is None or day >= since.isoformat()) and (
        until is None or day <= until.isoformat()
    )


def _document_frequency(bags: Iterable[Counter[str]]) -> tuple[int, Counter[str]]:
    df: Counter[str] = Counter()
    n = 0
    for bag in bags:
        n += 1
        df.update(bag.keys())
    return n, df


def _vector(words: Counter[str], df: tuple[int, Counter[str]]) -> dict[str, float]:
    n, counts = df
    weights = {
        w: (1 + math.log(c)) * math.log((1 + n) / (1 + counts[w]))
        for w, c in words.items()
        if w not in FUNCTION_WORDS
    }
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _content_words(text: str) -> Counter[str]:
    stop = smart_stop_words()
    words = [w for w in _WORD.findall(text.lower()) if w not in stop]
    return Counter([porter_stem(w) if len(w) > 3 else w for w in words])


def _is_candidate(text: str) -> bool:
    words = len(_WORD.findall(text))
    stripped = text.rstrip()
    return (
        _MIN_WORDS <= words <= _MAX_WORDS
        and stripped.endswith(_ENDS)
        and _BYLINE.match(stripped) is None
    )


def _select(
    candidates: list[_Candidate],
    leads: list[Counter[str]],
    k: int,
    df: tuple[int, Counter[str]],
) -> list[_Candidate]:
    vectors = [_vector(c.words, df) for c in candidates]
    centroid: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for w, v in vector.items():
            centroid[w] += v
    for bag in leads:
        for w, v in _vector(bag, df).items():
            centroid[w] += _LEAD_WEIGHT * v
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centroid = {w: v / norm for w, v in centroid.items()}
    relevance = [
        _cos(v, centroid) + _POSITION_BONUS * (c.position == 0) + _OWN_BONUS * c.own
        for c, v in zip(candidates, vectors, strict=True)
    ]
    chosen: list[int] = []
    while len(chosen) < min(k, len(candidates)):
        best, best_score = -1, -math.inf
        for i in range(len(candidates)):
            if i in chosen:
                continue
            redundancy = max((_cos(vectors[i], vectors[j]) for j in chosen), default=0.0)
            score = relevance[i] - _REDUNDANCY * redundancy
            if score > best_score:
                best, best_score = i, score
        chosen.append(best)
    return [candidates[i] for i in chosen]


def _cite(candidate: _Candidate, annotations: Annotations) -> TimelineSentence:
    article, start, end = candidate.article, candidate.start, candidate.end
    dateline = article.dateline
    if dateline is not None and start <= dateline.start < end and dateline.end < end:
        # "WASHINGTON (AP) — The Trump administration ..." cites from "The".
        start = dateline.end
        while start < end and (
            article.text[start].isspace() or article.text[start] in "\u2014\u2013-:"
        ):
            start += 1
    return TimelineSentence(
        article_id=article.id,
        start=start,
        end=end,
        text=" ".join(article.text[start:end].split()),
        published=article.published,
        title=article.title,
        source=article.publisher,
        quotes=tuple(q for q in annotations.quotes if start <= q.start < end),
        figures=tuple(f for f in annotations.figures if start <= f.start < end),
    )
