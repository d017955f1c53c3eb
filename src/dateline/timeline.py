"""Timeline summarization: the dates that matter in a set of articles, and what happened on each.

Dates are chosen from the annotators' resolved time expressions, not only from publication
dates: every sentence carries the day it describes (its own time expression, or the narrative
time inherited from the sentences before it). A day's **support** is how many articles date an
event to it — 1 for an own, day-precise reference (1.5 when the article was published more
than a day later: a day still talked about later mattered; 0.5 when it was written before the
day), 0.5 for an inherited one, 0.5 for being the article's publication day, +2 when a
chronology in the collection lists it — counted once per article. The ``dates`` days with the
most support are kept; on equal support, the day more articles were published on or the day
after wins, then the earlier.

For each day, the candidate sentences are the complete sentences (8 to 45 words, ending like a
sentence: no captions, photo credits, promotions, cut-off teasers, bylines or list headings; a
photo credit run into a sentence is left out of it) dated to it and written on or after it
(before, they announce a plan). An article whose lead reports the day before its publication
offers its undated sentences for that day, and every article's undated sentences are also
candidates for the day before it was published (an overnight report), at a small discount.
Candidates are ranked by TF-IDF cosine (stemmed content words) with the day's centroid: all
candidates plus, weighted double, the opening sentences of the articles published that day and
the next — what the day's own coverage led with, which is what a timeline editor summarizes —
less a little for length, plus a little for corroboration (how closely the day's other
articles each say the same), and picked greedily with a redundancy penalty (maximal marginal
relevance); when one article is the day's only source, its first sentence and a sentence naming
the day get a small bonus. No sentence, wording or near copy of a sentence is cited under two
days. Each of these choices was measured on the Timeline17 dev timelines (``dateline eval tls``;
docs/notes/timelines.md has the table).

The article set is given by the caller: :func:`articles_for` resolves a story, a thread, an
entity, a text query or the whole store to article ids.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, partial

import numpy as np
import numpy.typing as npt

from dateline._candidates import WORD, after_credit, candidate_words, photo_credits, uncredited
from dateline._stem import porter_stem
from dateline._text import smart_stop_words
from dateline.errors import UsageError
from dateline.models import (
    Annotations,
    Article,
    Sentence,
    Timeline,
    TimelineEntry,
    TimelineSentence,
)
from dateline.normalize import chrome_spans
from dateline.store import Store

__all__ = ["articles_for", "build_timeline"]

# An agency's tag whose dateline lost its place ("(Reuters) - The U.N. World Health Organization
# ...") is not cited.
_AGENCY_TAG = re.compile(r"\(\s*[A-Z][\w.&' -]{0,30}\)\s*[-\u2013\u2014]+\s*")
# The same last paragraph on many of the timeline's pages is the site's footer, not the story's
# end: a tagline ("News, features, and opinions on environmental policy, ...", closing 97 of
# Timeline17's Washington Post pages, and cited), a promotion ("The pun - ancient artform, or the
# lowest form of wit?", closing 153 of the BBC's BP spill pages), an advertisement (194 Reuters
# pages). The last paragraphs that copies of one story share stand on three pages at most.
_FOOTER_PAGES = 5
# The day's centroid adds the first sentences of the articles published that day and the next,
# weighted double (reference timelines paraphrase the day's main report).
_LEAD_SENTENCES, _LEAD_WEIGHT = 5, 2.0
# When a day's candidates all come from one article, its centroid is that article's own
# vocabulary, so a small bonus goes to the article's first sentence (the reporter's own summary)
# and to a sentence that names the day itself: on the seeds they make the 2018-10-25 entry the
# order sending troops to the border and the 2025-05-16 entry the request for 20,000 Guard
# troops, as a reader expects. Where several articles report the day, the consensus centroid
# does better alone (Timeline17 dev AR-1 0.161 vs 0.157 with the bonuses everywhere;
# docs/notes/timelines.md).
_POSITION_BONUS, _OWN_BONUS = 0.05, 0.03
# A day's candidates include the undated sentences of the next day's articles (overnight
# reports), and an undated sentence written after the day it is filed under (those, and an
# article's sentences filed under the day its lead reports) is a little less likely to tell what
# happened that day than one dated to it. Timeline17 dev AR-1 / AR-2 with this discount at
# 0.03 / 0.05 / 0.07 / 0.10: 0.169 / 0.169 / 0.170 / 0.168 and 0.0499 / 0.0503 / 0.0511 / 0.0504
# (docs/notes/timelines.md).
_LATER_PENALTY = 0.07
# Only an article's first sentences stand for the day before it: the few pages longer than this
# are compilations (live blogs, radio schedules, blog archives, transcripts of 180-2,000
# sentences) whose later sentences are other stories. Timeline17 dev AR-1 with the first 30 /
# 60 / 100 / 150 / all: 0.164 / 0.166 / 0.167 / 0.166 / 0.164.
_OVERNIGHT_SENTENCES = 100
_OWN_SUPPORT, _INHERITED_SUPPORT, _PUBLISHED_SUPPORT = 1.0, 0.5, 0.5
# A day named before it came ("will meet on June 16") was planned, not yet reported: half the
# vote (Timeline17 dev date F1 0.672 -> 0.675).
_PROSPECTIVE = 0.5
# An article whose lead (first own-dated sentence among the first two) reports the day before
# publication files its undated sentences under that day (AR-1 0.151 -> 0.154).
_LEAD_REPORT = 2
# Date F1 on the ten Timeline17 dev timelines: 0.644 without, 0.662 with 0.5, 0.655 with 1.0.
_LATER_BONUS = 0.5

# A chronology inside the collection (a factbox or "key dates" article listing events one per
# line: "April 20, 2010 - Explosion and fire on ...", "22 April: The rig sinks ...") was written
# by an editor who already chose the days that mattered; each day it lists gets this much extra
# support. Timeline17 dev: date F1 0.662 -> 0.668 with any of 1.5, 2 or 3 and any threshold of
# 4 to 8 listed days (docs/notes/timelines.md).
_CHRONOLOGY_DAYS, _CHRONOLOGY_SUPPORT = 5, 2.0
# A date, then a dash or colon: a chronology entry. A clock time after the date is a live
# blog's update stamp ("8th November 2011 - 17:42"), not an event.
_ENTRY_MARK = re.compile(r"\s*[-:\u2013\u2014]")
_CLOCK = re.compile(r"\s*[-:\u2013\u2014]\s*\d{1,2}[:.]\d{2}")
# BBC's chronologies run the entry on after its date ("28 June 2009 Los Angeles police interview
# Dr Murray for three hours."): a calendar date (with its month's name, not "Tuesday") followed
# by a capitalized word.
_RUN_IN = re.compile(r"[ \t]+[A-Z]")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")

# Maximal marginal relevance: how much a candidate's similarity to already chosen sentences
# costs it.
_REDUNDANCY = 0.7
# A sentence this similar to one cited under another day is a near copy of it ('BP said: "It is
# expected ..."' the day after '"It is expected ..."'), and is not cited again.
# Below this, Timeline17's closest pairs under different days report different facts (0.88:
# "About 300 people at a Hong Kong hotel have been placed under quarantine ..." and, two days
# later, "Several Britons are still under quarantine in a Hong Kong hotel ...").
_COPY = 0.9
# A timeline entry is one line. Among equally central sentences the shorter is the better
# entry, so relevance loses this much per unit of log length in words. Timeline17's reference
# sentences average 18 words; the sentences chosen averaged 26 without this, 25 with it.
# Timeline17 dev AR-1 / AR-2 at 0 / 0.01 / 0.015 / 0.02 / 0.025 / 0.03, before the credit,
# near-copy and promotion rules: 0.170 / 0.173 / 0.172 / 0.173 / 0.172 / 0.171 and 0.0511 /
# 0.0514 / 0.0519 / 0.0524 / 0.0524 / 0.0518 (docs/notes/timelines.md).
_CONCISE = 0.02
# A fact several of the day's reports carry is more likely the day's news than one only its own
# article tells, however central its words: relevance gains this much times the sentence's
# corroboration, its mean over the day's other articles of its best cosine with one of their
# sentences. The centroid weighs each sentence, so a long article outvotes three short ones;
# here every article votes once. Timeline17 dev AR-1 / AR-2 at 0 / 0.05 / 0.1 / 0.15 / 0.2 / 0.3:
# 0.172 / 0.172 / 0.171 / 0.169 / 0.167 / 0.163 and 0.0511 / 0.0522 / 0.0532 / 0.0526 / 0.0520
# / 0.0491; AR-2 rises with it in seven of eight perturbed settings (docs/notes/timelines.md).
_CORROBORATION = 0.1
# Only the front runners are corroborated, this many per sentence asked for: the same picks on
# Timeline17 as all candidates (100 a day, whatever the sentences asked for, changed two of
# haiti_bbc's eight a day).
_CONTENDERS = 50


# A TF-IDF vector as arrays: word numbers and their values.
_Encoded = tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: Article
    start: int
    end: int
    position: int
    own: bool
    tokens: tuple[str, ...]  # lowercased words; stemmed only for the days kept


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
    first = since.isoformat() if since is not None else None
    last = until.isoformat() if until is not None else None
    support: dict[str, float] = defaultdict(float)
    candidates: dict[str, list[_Candidate]] = defaultdict(list)
    leads: dict[str, list[str]] = defaultdict(list)  # day -> opening sentences, words later
    footers = _footers(articles)
    for article in articles:
        annotations = store.annotations(article.id, entities=False, quotes=False, figures=False)
        weights = _gather(
            article,
            annotations,
            since=first,
            until=last,
            candidates=candidates,
            leads=leads,
            footer=footers.get(article.id),
        )
        for day, weight in weights.items():
            if _within(day, first, last):
                support[day] += weight
    # Equal support is common in a sparse collection (one article mentioning each of several
    # days); the day more articles were published on or the day after wins, rather than the
    # earliest. Timeline17 dev: AR-1 / AR-2 / date F1 0.167 / 0.051 / 0.675 -> 0.169 / 0.052 /
    # 0.682; AR-1 and AR-2 gain with any of ten perturbed support weights
    # (docs/notes/timelines.md).
    coverage = Counter(a.published.isoformat() for a in articles if a.published is not None)
    ranked = sorted(
        (d for d in support if candidates.get(d)),
        key=lambda d: (-support[d], -(coverage[d] + coverage[_following(d)]), d),
    )[:dates]
    pools = {day: candidates[day] + _next_day(candidates, day) for day in ranked}
    # Inverse document frequencies over the sentences the timeline ranks (those of the days
    # kept): the same Timeline17 scores as over every candidate (AR-1 0.161 -> 0.162), and only
    # the kept days' sentences are stemmed (a 500-article timeline: a third of its time).
    # A sentence can be in two days' pools (its own and, overnight, the day before): it is
    # stemmed and weighted once, and counts in the document frequencies once per pool, as
    # before the pools existed (counting it once: AR-1 / AR-2 0.170 / 0.051 -> 0.169 / 0.050).
    unique = {id(c): c for day in ranked for c in pools[day]}
    bags = {key: _bag(c.tokens) for key, c in unique.items()}
    idf = _idf(bags[id(c)] for day in ranked for c in pools[day])
    vectors = {key: _vector(bag, idf) for key, bag in bags.items()}
    vocabulary: dict[str, int] = {}
    encoded = {key: _encode(vector, vocabulary) for key, vector in vectors.items()}
    # Quotes and figures are read only for the articles cited.
    cited = cache(partial(store.annotations, entities=False))
    # A sentence is cited once, and so is its wording (two pages repeating one standfirst). The
    # later day chooses first, so a sentence in two pools goes to the day it was filed under and
    # the day before gets it only if that day does not take it. With repeats, 79 of 755
    # Timeline17 sentences stood under two days, and AR-2 was 0.053 instead of 0.051: the metric
    # rewards a good sentence twice; a reader does not.
    used: set[tuple[str, ...]] = set()  # the words of the sentences chosen
    taken: list[dict[str, float]] = []  # their vectors
    entries = []
    for day in sorted(ranked, reverse=True):
        day_leads = [_vector(_content_words(text), idf) for text in leads.get(day, [])]
        pool = [c for c in pools[day] if c.tokens not in used]
        chosen = _select(
            pool,
            [vectors[id(c)] for c in pool],
            day_leads,
            per_date,
            day=day,
            taken=taken,
            encoded=[encoded[id(c)] for c in pool],
        )
        used.update(c.tokens for c in chosen)
        taken.extend(vectors[id(c)] for c in chosen)
        entries.append(
            TimelineEntry(
                date=day,
                granularity="day",
                support=support[day],
                sentences=tuple(_cite(c, cited(c.article.id)) for c in chosen),
            )
        )
    entries.reverse()
    return Timeline(title=title, articles=len(article_ids), entries=tuple(entries))


def _gather(
    article: Article,
    annotations: Annotations,
    *,
    since: str | None,
    until: str | None,
    candidates: dict[str, list[_Candidate]],
    leads: dict[str, list[str]],
    footer: int | None = None,
) -> dict[str, float]:
    """One article's support for each day (its vote), adding its candidate sentences and
    opening sentences to ``candidates`` and ``leads``. ``footer``: where the site's footer
    starts on this page (``_footers``), if it has one."""
    weights: dict[str, float] = {}
    # Page chrome ("Sign up for free e-mail news alerts ...") is never what happened.
    chrome = chrome_spans(article.text)
    if footer is not None:
        chrome.append((footer, len(article.text)))
    sentences = [s for s in annotations.sentences if not any(a <= s.start < b for a, b in chrome)]
    page_credits = photo_credits(article.text)
    published = before = None  # the publication day and the day before
    if article.published is not None:
        published = article.published.isoformat()
        before = (article.published - timedelta(days=1)).isoformat()
        weights[published] = _PUBLISHED_SUPPORT
        opening = [article.text[s.start : s.end] for s in sentences[:_LEAD_SENTENCES]]
        if page_credits:
            opening = [uncredited(text) for text in opening]
        leads[published].extend(opening)
        leads[before].extend(opening)
    reported = _reported_day(sentences, before)
    listed = _chronology(article, annotations)
    for position, sentence in enumerate(sentences):
        day = listed.get(sentence.start) or _day(sentence.date, sentence.granularity)
        if (
            reported is not None
            and sentence.date_source == "published"
            and sentence.start not in listed
        ):
            day = reported
        if day is None or not _within(day, since, until):
            continue
        own = sentence.date_source == "own"
        weight = _OWN_SUPPORT if own else _INHERITED_SUPPORT
        ahead = published is not None and day > published
        if sentence.date_source == "published":
            weight = 0.0
        elif own and ahead:
            weight *= _PROSPECTIVE
        elif own and before is not None and day < before:
            # A day still referred to days later was important (news-tls's date ranker
            # learns the same from "mentioned by later articles" features).
            weight += _LATER_BONUS
        weights[day] = max(weights.get(day, 0.0), weight)
        # A sentence written before its day announces a plan ("BP will try the top kill on
        # Wednesday"); a timeline says what happened.
        if ahead:
            continue
        start = after_credit(article.text, sentence.start, sentence.end, page_credits)
        words = None if start is None else candidate_words(article.text[start : sentence.end])
        if start is not None and words is not None:
            candidates[day].append(
                _Candidate(article, start, sentence.end, position, own, tuple(words))
            )
    for day in set(listed.values()):
        weights[day] = weights.get(day, 0.0) + _CHRONOLOGY_SUPPORT
    return weights


def _footers(articles: Sequence[Article]) -> dict[str, int]:
    """Where the site's footer starts on each page that has one: its last paragraph, when at
    least ``_FOOTER_PAGES`` of ``articles`` end with the same one."""
    last: dict[str, tuple[int, str]] = {}
    for article in articles:
        text = article.text.rstrip()
        start = text.rfind("\n") + 1
        last[article.id] = (start, " ".join(text[start:].split()))
    pages = Counter(paragraph for _, paragraph in last.values() if paragraph)
    return {
        article_id: start
        for article_id, (start, paragraph) in last.items()
        if paragraph and pages[paragraph] >= _FOOTER_PAGES
    }


def _next_day(candidates: Mapping[str, list[_Candidate]], day: str) -> list[_Candidate]:
    """The undated sentences of the articles published the day after ``day``: an overnight
    report ("BP began pumping mud into the well" in the next morning's paper) may tell what
    happened on ``day`` without naming it."""
    following = _following(day)
    return [
        c
        for c in candidates.get(following, ())
        if not c.own
        and c.position < _OVERNIGHT_SENTENCES
        and c.article.published is not None
        and c.article.published.isoformat() == following
    ]


def _following(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _reported_day(sentences: Sequence[Sentence], before: str | None) -> str | None:
    """``before``, the day before publication, when the article's lead dates its news to it
    ("BP said on Tuesday ..." in Wednesday's paper), else None: the article's undated sentences
    then describe that day, not the day it was published."""
    if before is None:
        return None
    for sentence in sentences[:_LEAD_REPORT]:
        if sentence.date_source == "own":
            return before if _day(sentence.date, sentence.granularity) == before else None
    return None


def _day(value: str | None, granularity: str | None) -> str | None:
    if value is None or granularity != "day" or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _chronology(article: Article, annotations: Annotations) -> dict[int, str]:
    """The entries of an article that is a chronology (listing at least ``_CHRONOLOGY_DAYS``
    days), as sentence start -> day, or none: entries are sentences that open with a
    day-precise date followed by a dash or colon, or by the entry's text ("28 June 2009 Los
    Angeles police ..."), or that are only a date and a colon ("20 April:")."""
    text = article.text
    days: dict[int, str] = {}
    previous_year: str | None = None
    dated = [t for t in annotations.times if t.granularity == "day"]
    starts = [t.start for t in dated]
    published = article.published.isoformat() if article.published else None
    for sentence in annotations.sentences:
        i = bisect_left(starts, sentence.start)
        if i == len(dated) or dated[i].start >= sentence.end:
            continue
        timex = dated[i]
        if text[sentence.start : timex.start].strip() or _CLOCK.match(text, timex.end):
            continue
        if not (
            _ENTRY_MARK.match(text, timex.end)
            or text[timex.end : sentence.end].strip() == ":"
            or (_RUN_IN.match(text, timex.end) and _MONTH.search(timex.text))
        ):
            continue
        day = _day(timex.value, timex.granularity)
        if day is None:
            continue
        # A list goes on in the year its entries started in: "April 20, 2010 - ...", then
        # "April 22 - ..." in a factbox published in January 2011 is 2010-04-22, not a day
        # after publication.
        if _YEAR.search(timex.text) is None and previous_year and published and day > published:
            day = f"{previous_year}{day[4:]}"
            if day > published:
                continue
        previous_year = day[:4]
        days[sentence.start] = day
    return days if len(set(days.values())) >= _CHRONOLOGY_DAYS else {}


def _within(day: str, since: str | None, until: str | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


class _Idf:
    """Inverse document frequencies over a timeline's candidate sentences."""

    __slots__ = ("_unseen", "_weights")

    def __init__(self, n: int, counts: Counter[str]) -> None:
        self._weights = {w: math.log((1 + n) / (1 + c)) for w, c in counts.items()}
        self._unseen = math.log(1 + n)

    def __getitem__(self, word: str) -> float:
        return self._weights.get(word, self._unseen)


def _idf(bags: Iterable[Counter[str]]) -> _Idf:
    df: Counter[str] = Counter()
    n = 0
    for bag in bags:
        n += 1
        df.update(bag.keys())
    return _Idf(n, df)


def _vector(words: Counter[str], idf: _Idf) -> dict[str, float]:
    """Unit-length TF-IDF vector of stemmed content words (``_bag`` has dropped stop words)."""
    weights = {w: (1.0 if c == 1 else 1 + math.log(c)) * idf[w] for w, c in words.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _content_words(text: str) -> Counter[str]:
    """Stemmed content words of ``text``."""
    return _bag(WORD.findall(text.lower()))


def _bag(words: Iterable[str]) -> Counter[str]:
    """Stemmed content words among lowercased ``WORD`` tokens."""
    return Counter(filter(None, map(_term, words)))


@cache
def _term(word: str) -> str:
    """A lowercased word as the ranking counts it: stemmed, or "" for a stop word."""
    if word in smart_stop_words():
        return ""
    return porter_stem(word) if len(word) > 3 else word


def _select(
    candidates: list[_Candidate],
    vectors: list[dict[str, float]],
    leads: list[dict[str, float]],
    k: int,
    *,
    day: str,
    taken: Sequence[dict[str, float]] = (),
    encoded: Sequence[_Encoded],
) -> list[_Candidate]:
    """Up to ``k`` of a day's candidates by maximal marginal relevance, none of them a near
    copy of a sentence ``taken`` by another day. ``encoded``: the ``vectors`` as arrays
    (``_encode``), for the corroboration of the front runners."""
    centroid: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for w, v in vector.items():
            centroid[w] += v
    for vector in leads:
        for w, v in vector.items():
            centroid[w] += _LEAD_WEIGHT * v
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    centroid = {w: v / norm for w, v in centroid.items()}
    single = len({c.article.id for c in candidates}) == 1
    relevance = [
        _cos(v, centroid)
        - _CONCISE * math.log(len(c.tokens))
        + single * (_POSITION_BONUS * (c.position == 0) + _OWN_BONUS * c.own)
        - _LATER_PENALTY * (not c.own and _published_after(c.article, day))
        for c, v in zip(candidates, vectors, strict=True)
    ]
    if not single:
        # A day of a large story weighs over a thousand candidates: all their pairs would cost
        # a second per timeline.
        contenders = sorted(range(len(candidates)), key=relevance.__getitem__, reverse=True)
        contenders = contenders[: _CONTENDERS * k]
        for i, corroborated in zip(
            contenders, _corroboration(candidates, encoded, contenders), strict=True
        ):
            relevance[i] += _CORROBORATION * corroborated
    chosen: list[int] = []
    copies: set[int] = set()
    while len(chosen) < k:
        best, best_score = -1, -math.inf
        for i in range(len(candidates)):
            if i in chosen or i in copies:
                continue
            redundancy = max((_cos(vectors[i], vectors[j]) for j in chosen), default=0.0)
            score = relevance[i] - _REDUNDANCY * redundancy
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        # Only the winner is compared with the other days' sentences: a day weighs hundreds of
        # candidates and a timeline cites a few hundred sentences.
        if any(_cos(vectors[best], t) >= _COPY for t in taken):
            copies.add(best)
            continue
        chosen.append(best)
    return [candidates[i] for i in chosen]


def _encode(vector: dict[str, float], vocabulary: dict[str, int]) -> _Encoded:
    """``vector`` as arrays of word numbers (given by ``vocabulary``, which grows) and values."""
    words = np.fromiter(
        (vocabulary.setdefault(word, len(vocabulary)) for word in vector),
        dtype=np.intp,
        count=len(vector),
    )
    return words, np.fromiter(vector.values(), dtype=np.float32, count=len(vector))


def _corroboration(
    candidates: Sequence[_Candidate], encoded: Sequence[_Encoded], rows: Sequence[int]
) -> list[float]:
    """The corroboration of the candidates at ``rows``: for each, the mean over the other
    articles among ``candidates`` of its best cosine with one of their sentences."""
    order = sorted(range(len(candidates)), key=lambda i: candidates[i].article.id)
    ids = [candidates[i].article.id for i in order]
    starts = [n for n in range(len(ids)) if n == 0 or ids[n] != ids[n - 1]]
    article = {candidate_id: n for n, candidate_id in enumerate(ids[n] for n in starts)}
    words = np.concatenate([encoded[i][0] for i in order])
    values = np.concatenate([encoded[i][1] for i in order])
    sentence = np.repeat(np.arange(len(order)), [len(encoded[i][0]) for i in order])
    # The rows' words, numbered: only they count in the rows' cosines.
    row_words = np.concatenate([encoded[r][0] for r in rows])
    row_of = np.repeat(np.arange(len(rows)), [len(encoded[r][0]) for r in rows])
    kept = np.unique(row_words)
    column = np.full(max(words.max(initial=0), row_words.max(initial=0)) + 1, -1, dtype=np.intp)
    column[kept] = np.arange(len(kept))
    left = np.zeros((len(kept), len(rows)), dtype=np.float32)
    left[column[row_words], row_of] = np.concatenate([encoded[r][1] for r in rows])
    # Summed word by word rather than by a matrix product: a sentence has a dozen words, and on
    # these sizes BLAS's threads cost more than the sums.
    shared = column[words] >= 0
    products = left[column[words[shared]]] * values[shared][:, None]
    sentence = sentence[shared]
    cosines = np.zeros((len(order), len(rows)), dtype=np.float32)
    if len(sentence):
        first = np.flatnonzero(np.r_[True, sentence[1:] != sentence[:-1]])
        cosines[sentence[first]] = np.add.reduceat(products, first, axis=0)
    best = np.maximum.reduceat(cosines, starts, axis=0)
    own = best[[article[candidates[row].article.id] for row in rows], np.arange(len(rows))]
    corroboration: list[float] = ((best.sum(axis=0) - own) / (len(starts) - 1)).tolist()
    return corroboration


def _published_after(article: Article, day: str) -> bool:
    return article.published is not None and article.published.isoformat() > day


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
    elif (tag := _AGENCY_TAG.match(article.text, start, end)) is not None:
        start = tag.end()
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
