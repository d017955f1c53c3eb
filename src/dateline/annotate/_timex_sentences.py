"""Sentence dating: the date each sentence most likely describes.

A sentence's own time expressions compete: one that dates an event (a verb's adjunct, not a
noun modifier such as ``the Nov. 6 elections``) beats one that does not, then a date at or
before the publication date beats a future one (news reports what happened), then a past-tense
clause beats others, then the finer granularity wins. A noun modifier only counts when the
sentence reports a past event (``were fanned by a May 1997 incident``); an explicit date that
opens the sentence dates it, whatever the parse (a chronology's ``8 December 2010 California
medical board allows ...``). Durations, sets and
PAST_REF/FUTURE_REF never date a sentence; ``now``/``currently`` (PRESENT_REF) date it to the
publication day.
A sentence without a usable expression inherits the date of the closest preceding dated
sentence in the same paragraph, else gets the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from dateline.annotate._timex_calendar import Tense, fmt_day
from dateline.annotate._timex_tense import TokenContext
from dateline.models import Sentence, TimeExpression, TimexType

__all__ = ["date_sentences"]

_RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "season": 3,
    "quarter": 3,
    "month": 4,
    "week": 5,
    "day": 6,
    "time": 7,
}
_NEWLINE = re.compile("\n")
_DATED = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
# What may stand before a date that heads its sentence: a list's bullet, an opening quote or
# parenthesis.
_LEADING = " \t\n\"'([*\u2022\u2013\u2014\u201c\u2018-"


def _comparable(value: str) -> date | None:
    """The first day a value covers, to compare it with the DCT (``2018-W43`` → None)."""
    m = _DATED.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _candidate(t: TimeExpression, dct: date | None) -> tuple[str, str] | None:
    """``(value, granularity)`` a time expression contributes to its sentence, if any."""
    if t.type in (TimexType.DURATION, TimexType.SET):
        return None
    if t.value == "PRESENT_REF":
        return (fmt_day(dct), "day") if dct else None
    if t.value.endswith("_REF") or t.value.startswith(("X", "P")):
        return None
    if not t.value[:4].isdigit():
        return None
    if t.granularity == "time" and len(t.value) >= 10:
        return t.value[:10], "day"  # the day of a clock time or part of day
    return t.value, t.granularity


def date_sentences(
    spans: Sequence[tuple[int, int]],
    times: Sequence[TimeExpression],
    text: str,
    dct: date | None,
    tokens: TokenContext | None = None,
) -> list[Sentence]:
    """Date every sentence ``[start, end)`` of ``spans`` (character offsets into ``text``)."""
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    published = fmt_day(dct) if dct else None
    out: list[Sentence] = []
    k = 0
    last: tuple[str, str, int] | None = None  # value, granularity, paragraph
    ordered = sorted(times, key=lambda t: t.start)
    for start, end in spans:
        paragraph = bisect_right(newlines, start)
        while k < len(ordered) and ordered[k].start < start:
            k += 1
        best: tuple[tuple[float, ...], str, str] | None = None
        j = k
        while j < len(ordered) and ordered[j].start < end:
            t = ordered[j]
            j += 1
            cand = _candidate(t, dct)
            if cand is None:
                continue
            score = _score(t, cand, dct, tokens, heads=_heads(text, start, t))
            if not score[0] and tokens is not None and not tokens.reports_past(start):
                continue  # a noun modifier (``his 2016 campaign``) in a present-tense sentence
            if best is None or score > best[0]:
                best = (score, cand[0], cand[1])
        if best is not None:
            out.append(Sentence(start, end, best[1], best[2], "own"))
            last = (best[1], best[2], paragraph)
        elif last is not None and last[2] == paragraph:
            out.append(Sentence(start, end, last[0], last[1], "inherited"))
        else:
            gran = "day" if published else None
            source = "published" if published else None
            out.append(Sentence(start, end, published, gran, source))
    return out


def _heads(text: str, start: int, t: TimeExpression) -> bool:
    """Whether ``t`` is an explicit date heading the sentence that starts at ``start``: a
    chronology's entry ("8 December 2010 California medical board allows Dr Murray to keep his
    licence."), which the parser reads as a noun modifier of the subject."""
    return not text[start : t.start].strip(_LEADING) and any(c.isdigit() for c in t.text)


def _score(
    t: TimeExpression,
    cand: tuple[str, str],
    dct: date | None,
    tokens: TokenContext | None,
    *,
    heads: bool = False,
) -> tuple[float, ...]:
    anchored = heads or (tokens.anchored(t.start, t.end) if tokens else True)
    first_day = _comparable(cand[0])
    not_future = 1 if (dct is None or first_day is None or first_day <= dct) else 0
    past = 1 if tokens and tokens.tense(t.start, t.end) is Tense.PAST else 0
    return (float(anchored), float(not_future), float(past), float(_RANK.get(cand[1], 0)))
