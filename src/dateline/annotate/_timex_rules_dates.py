"""Rules for calendar dates and clock times: explicit dates, month names, weekdays, holidays.

Registration order is match priority at a given position (see :mod:`._timex_grammar`), so
the longer forms come first. Extents follow TimeML: a leading weekday belongs to the date
(``Friday, Oct. 23``), a trailing time zone to the time (``9 a.m. EST Tuesday``), prepositions
never do.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateline.annotate import _timex_lexicon as lx
from dateline.annotate._timex_calendar import (
    Tense,
    fmt_day,
    fmt_month,
    holiday_date,
    month_day_year,
    month_year,
    safe_date,
    weekday_date,
)
from dateline.annotate._timex_grammar import Ctx, Found, Groups, rule
from dateline.models import TimexType

__all__: list[str] = []

DATE, TIME, SET = TimexType.DATE, TimexType.TIME, TimexType.SET

Y4 = r"(?:1[5-9]\d\d|20\d\d)"
_YEAR = rf"(?:{Y4}|'\d\d(?!\w)|{lx.RX_SPOKEN_YEAR})"
_TZ = r"(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|JST|HKT)"
_AMPM = r"(?:[ap]\.m\.?|[ap]m\b|[AP]M\b|o'clock)"
_POD = lx.RX_PART_OF_DAY
_DAYWORD = r"(?:today|tonight|yesterday|tomorrow)"
# Months written out in a spoken date: ``March eighth``.
_DAY_WORD = lx.RX_ORDINAL_WORD


def _year(text: str | None, ctx: Ctx) -> int | None:
    """Year from ``1997``, ``'97`` or ``nineteen ninety-seven``."""
    if not text:
        return None
    t = text.strip()
    if t.isdigit():
        return int(t)
    if t.startswith("'"):
        yy = int(t[1:])
        century = (ctx.dct.year // 100 * 100) if ctx.dct else 1900
        year = century + yy
        if ctx.dct and year > ctx.dct.year + 10:
            year -= 100
        return year
    return lx.spoken_year(t)


def _month(text: str | None) -> int:
    return lx.MONTHS[(text or "").rstrip(".").lower()]


def _day(text: str | None) -> int | None:
    if not text:
        return None
    return lx.parse_ordinal(text.replace(" ", "-") if not text[0].isdigit() else text)


def _tense(g: Groups, ctx: Ctx) -> Tense | None:
    return ctx.tense(g.start, g.end)


_DEADLINE_WORDS = frozenset({"by", "until", "till", "through", "effective", "before"})


def _date_tense(g: Groups, ctx: Ctx) -> Tense | None:
    """Tense for placing a date: a deadline (``by August``, ``effective Feb. 1``) looks ahead
    unless the clause is in the past."""
    tense = _tense(g, ctx)
    if tense is Tense.PAST:
        return tense
    before = ctx.text[max(0, g.start - 12) : g.start].split()
    if before and before[-1].lower() in _DEADLINE_WORDS:
        return Tense.FUTURE
    return tense


def _day_found(g: Groups, ctx: Ctx, d: date) -> Found:
    ctx.last_day = d
    return Found(g.start, g.end, DATE, fmt_day(d), "day")


def _resolve_md(month: int, day: int, year: int | None, g: Groups, ctx: Ctx) -> Found | None:
    if year is None:
        if ctx.dct is None:
            if not 1 <= day <= 31:
                return None
            return Found(g.start, g.end, DATE, f"XXXX-{month:02d}-{day:02d}", "day")
        tense = _date_tense(g, ctx)
        found_year = month_day_year(month, day, ctx.dct, tense)
        year = found_year if found_year is not None else month_year(month, ctx.dct, tense)
    d = safe_date(year, month, day)
    if d is None:
        # ``Feb. 30, 2019``: a slip in the day; the month is still meant.
        return Found(g.start, g.end, DATE, fmt_month(year, month), "month")
    return _day_found(g, ctx, d)


# --- clock times -------------------------------------------------------------------------

_CLOCK = (
    r"(?:(?P<approx>around|about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>" + _AMPM + r")"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?=\s*(?:" + _TZ + r"|local\s+time|hours))"
    r"|(?P<noon>noon|midnight|midday)"
    r"|(?P<hw>\d{1,2})\s+in\s+the\s+(?P<hpod>morning|afternoon|evening|night))"
    r"(?:\s+(?P<tz>" + _TZ + r"|local\s+time))?"
    r"(?:,?\s+(?:on\s+)?(?:(?P<wd>"
    + lx.RX_WEEKDAY
    + r")(?:,?\s+(?P<wmon>"
    + lx.RX_MONTH
    + r")\s+(?P<wday>"
    + lx.RX_DAY_NUM
    + r"))?"
    r"|(?P<dword>" + _DAYWORD + r")"
    r"|(?P<mon>" + lx.RX_MONTH + r")\s+(?P<d>" + lx.RX_DAY_NUM + r")(?:,\s+(?P<y>" + Y4 + r"))?))?"
)


@rule("clock", _CLOCK, words=lx.W_POD, digits=True)
def _clock(g: Groups, ctx: Ctx) -> Found | None:
    hour: int
    minute = 0
    if g["noon"]:
        word = (g["noon"] or "").lower()
        hour = 24 if word == "midnight" else 12
    elif g["hw"]:
        hour = int(g["hw"] or 0)
        if hour > 12:
            return None
        if (g["hpod"] or "").lower() in ("afternoon", "evening", "night") and hour < 12:
            hour += 12
    elif g["h24"]:
        hour, minute = int(g["h24"] or 0), int(g["mi24"] or 0)
    else:
        hour = int(g["h"] or 0)
        minute = int(g["mi"] or 0)
        ap = (g["ap"] or "").lower()
        if hour == 0 or hour > 12:
            return None
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
    day = _clock_day(g, ctx)
    if day is None:
        return Found(g.start, g.end, TIME, f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "time")
    if isinstance(day, date):
        ctx.last_day = day
        day_text = fmt_day(day)
    else:
        day_text = day
    if hour == 24:
        return Found(g.start, g.end, TIME, f"{day_text}T24:00", "time")
    return Found(g.start, g.end, TIME, f"{day_text}T{hour:02d}:{minute:02d}", "time")


def _clock_day(g: Groups, ctx: Ctx) -> date | str | None:
    """The day a clock time is on: the stated one, else the latest day mentioned, else DCT."""
    tense = _tense(g, ctx)
    if g["mon"]:
        year = int(g["y"]) if g["y"] else None
        month, day = _month(g["mon"]), _day(g["d"]) or 1
        if year is None:
            if ctx.dct is None:
                return f"XXXX-{month:02d}-{day:02d}"
            year = month_day_year(month, day, ctx.dct, tense) or ctx.dct.year
        return safe_date(year, month, day)
    if g["wmon"] and ctx.dct:
        month, day = _month(g["wmon"]), _day(g["wday"]) or 1
        year = month_day_year(month, day, ctx.dct, tense) or ctx.dct.year
        return safe_date(year, month, day)
    if ctx.dct is None:
        return None
    if g["wd"]:
        return weekday_date(lx.WEEKDAYS[(g["wd"] or "").rstrip(".").lower()], ctx.dct, tense)
    if g["dword"]:
        return ctx.dct + timedelta(days=_DAY_OFFSET[(g["dword"] or "").lower()])
    # A bare clock time belongs to the day the narrative is on (TimeML anchors it there).
    return ctx.last_day or ctx.dct


_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


# --- numeric dates -----------------------------------------------------------------------


@rule(
    "iso",
    r"(?P<y>" + Y4 + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?",
    digits=True,
)
def _iso(g: Groups, ctx: Ctx) -> Found | None:
    d = safe_date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    if d is None:
        return None
    if g["hh"]:
        return Found(g.start, g.end, TIME, f"{fmt_day(d)}T{g['hh']}:{g['mi']}", "time")
    return _day_found(g, ctx, d)


@rule("numeric", r"(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>" + Y4 + r"|\d\d)", digits=True)
def _numeric(g: Groups, ctx: Ctx) -> Found | None:
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    year = int(g["y"] or 0)
    if year < 100:
        year += 2000 if year < 50 else 1900
    # US order (month/day) unless the first number cannot be a month.
    month, day = (a, b) if a <= 12 else (b, a)
    d = safe_date(year, month, day)
    return None if d is None else _day_found(g, ctx, d)


# --- month-day dates ---------------------------------------------------------------------

_WD_PREFIX = r"(?:(?P<wd>" + lx.RX_WEEKDAY + r"),?\s+(?:the\s+)?)?"


@rule(
    "md",
    _WD_PREFIX
    + r"(?:(?P<around>around|about)\s+)?"
    + r"(?P<mon>"
    + lx.RX_MONTH
    + r")\s+(?:(?P<d>"
    + lx.RX_DAY_NUM
    + r")|(?P<dw>"
    + _DAY_WORD
    + r"))(?:,?\s+(?P<y>"
    + _YEAR
    + r"))?",
    words=lx.W_MONTH | lx.W_WEEKDAY,
    digits=True,
)
def _md(g: Groups, ctx: Ctx) -> Found | None:
    month = _month(g["mon"])
    day = _day(g["d"] or g["dw"])
    if day is None or not 1 <= day <= 31:
        return None
    # TimeML keeps ``around`` inside the extent (``around Nov. 1``): the span already has it.
    return _resolve_md(month, day, _year(g["y"], ctx), g, ctx)


@rule(
    "dm",
    _WD_PREFIX
    + r"(?P<d>"
    + lx.RX_DAY_NUM
    + r"|"
    + _DAY_WORD
    + r")(?:\s+of)?\s+(?P<mon>"
    + lx.RX_MONTH
    + r")(?:,?\s+(?P<y>"
    + _YEAR
    + r"))?",
    words=lx.W_MONTH | lx.W_WEEKDAY,
    digits=True,
)
def _dm(g: Groups, ctx: Ctx) -> Found | None:
    day = _day(g["d"])
    if day is None or not 1 <= day <= 31:
        return None
    return _resolve_md(_month(g["mon"]), day, _year(g["y"], ctx), g, ctx)


# --- months --------------------------------------------------------------------------------

_MONTH_MOD = (
    r"(?:(?P<mod>early|late|mid|mid-|(?:the\s+)?(?:beginning|start|end|middle|rest|close)"
    r"\s+of)[\s-]*)?"
)


@rule(
    "month_year",
    _MONTH_MOD + r"(?P<mon>" + lx.RX_MONTH + r"),?\s+(?:of\s+)?(?P<y>" + _YEAR + r")",
    words=lx.W_MONTH,
)
def _month_year(g: Groups, ctx: Ctx) -> Found | None:
    year = _year(g["y"], ctx)
    if year is None:
        return None
    return Found(g.start, g.end, DATE, fmt_month(year, _month(g["mon"])), "month")


@rule(
    "month",
    _MONTH_MOD
    + r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?"
    + r"(?P<mon>"
    + lx.RX_MONTH_ALONE
    + r")(?:\s+(?P<rel2>last|next|this|of\s+(?:last|next|this))\s+year)?",
    words=lx.W_MONTH,
)
def _month_rule(g: Groups, ctx: Ctx) -> Found | None:
    word = (g["mon"] or "").rstrip(".")
    month = _month(word)
    text_mon = g["mon"] or ""
    # ``May`` and ``March`` as ordinary words: only a real month when something marks it.
    if word in ("May", "March", "Mar", "Jun", "Jul", "Dec", "Sat") and not (
        g["mod"] or g["rel"] or g["rel2"] or _month_context(g, ctx)
    ):
        return None
    if text_mon.isupper() and len(text_mon) > 3 and not (g["rel"] or g["mod"]):
        return None  # ALL-CAPS headline words
    if ctx.dct is None:
        return Found(g.start, g.end, DATE, f"XXXX-{month:02d}", "month")
    rel = " ".join((g["rel"] or "").lower().split())
    rel2 = (g["rel2"] or "").lower().split()[-1] if g["rel2"] else ""
    dct = ctx.dct
    if rel2:
        year = dct.year + {"last": -1, "this": 0, "next": 1}[rel2]
    elif rel in ("last", "this past", "past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "this coming", "coming"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        year = month_year(month, dct, _date_tense(g, ctx))
    return Found(g.start, g.end, DATE, fmt_month(year, month), "month")


def _month_context(g: Groups, ctx: Ctx) -> bool:
    """``in May``, ``since March``, ``May 's``: the ambiguous name is preceded by a preposition."""
    before = ctx.text[max(0, g.start - 12) : g.start].lower().split()
    return bool(before) and before[-1] in ("in", "since", "until", "by", "from", "of", "through")


# --- holidays ------------------------------------------------------------------------------


@rule(
    "holiday",
    r"(?:(?P<rel>last|next|this)\s+)?(?P<h>" + lx.RX_HOLIDAY + r")(?:,?\s+(?P<y>" + Y4 + r"))?",
    words=lx.W_HOLIDAY,
)
def _holiday(g: Groups, ctx: Ctx) -> Found | None:
    name = (g["h"] or "").lower()
    if not (g["h"] or "x")[0].isupper() and name not in ("christmas",):
        return None
    spec = lx.HOLIDAYS[name]
    year = int(g["y"]) if g["y"] else None
    if year is None:
        if ctx.dct is None:
            return None
        rel = (g["rel"] or "").lower()
        candidates = [ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1]
        days = [_holiday_on(spec, y) for y in candidates]
        past = [d for d in days if d and d <= ctx.dct]
        future = [d for d in days if d and d >= ctx.dct]
        tense = _tense(g, ctx)
        if rel == "last" or (not rel and tense is Tense.PAST and past):
            chosen = max(past) if past else None
        elif rel == "next" or (not rel and tense is Tense.FUTURE and future):
            chosen = min(future) if future else None
        else:
            chosen = _holiday_on(spec, ctx.dct.year)
        if chosen is None:
            return None
        return _day_found(g, ctx, chosen)
    d = _holiday_on(spec, year)
    return None if d is None else _day_found(g, ctx, d)


def _holiday_on(spec: tuple[int, int] | str, year: int) -> date | None:
    if isinstance(spec, tuple):
        return safe_date(year, spec[0], spec[1])
    return holiday_date(spec, year)


# --- weekdays ------------------------------------------------------------------------------


@rule(
    "weekdays_set",
    r"(?:(?P<q>every|each)\s+)?(?P<wd>"
    + lx.RX_WEEKDAYS_PLURAL
    + r")(?:\s+(?P<pod>"
    + _POD
    + r")s?)?",
    words=lx.W_WEEKDAY,
)
def _weekdays_set(g: Groups, ctx: Ctx) -> Found | None:
    name = (g["wd"] or "")[:-1].lower()
    if not g["q"] and not g["pod"]:
        before = ctx.text[max(0, g.start - 4) : g.start].lower()
        if not before.endswith("on "):
            return None
    value = f"XXXX-WXX-{lx.WEEKDAYS[name]}"
    if g["pod"]:
        value += "T" + lx.PART_OF_DAY[(g["pod"] or "").lower()]
    return Found(g.start, g.end, SET, value, "set")


_FORWARD = frozenset(
    {"next", "this coming", "coming", "this upcoming", "upcoming", "the following", "following"}
)


@rule(
    "weekday",
    r"(?:(?P<mod>early|late|earlier|later)\s+(?:on\s+)?)?"
    r"(?:(?P<rel>last|next|this|this\s+coming|this\s+upcoming|this\s+past|coming|upcoming|past"
    r"|the\s+previous|the\s+following"
    r"|previous|following)\s+)?(?P<wd>" + lx.RX_WEEKDAY + r")(?:\s+(?P<pod>" + _POD + r"))?",
    words=lx.W_WEEKDAY,
)
def _weekday(g: Groups, ctx: Ctx) -> Found | None:
    weekday = lx.WEEKDAYS[(g["wd"] or "").rstrip(".").lower()]
    rel = " ".join((g["rel"] or "").lower().split())
    start = g.start
    pod = lx.PART_OF_DAY[(g["pod"] or "").lower()] if g["pod"] else None
    if ctx.dct is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
        return Found(start, g.end, DATE, value, "day")
    if rel in ("last", "this past", "past", "the previous", "previous"):
        shift = -1
    elif rel in _FORWARD:
        shift = 1
    else:
        shift = 0
    tense = _tense(g, ctx)
    if rel in ("the previous", "previous", "the following", "following") and ctx.last_day:
        anchor = ctx.last_day
        d = weekday_date(weekday, anchor, None, shift)
    elif rel == "this":
        d = weekday_date(weekday, ctx.dct, tense or Tense.FUTURE)
    else:
        d = weekday_date(weekday, ctx.dct, tense, shift)
    ctx.last_day = d
    if pod:
        # TimeBank types ``Friday morning`` as a DATE more often than as a TIME.
        return Found(start, g.end, DATE, f"{fmt_day(d)}T{pod}", "time")
    return Found(start, g.end, DATE, fmt_day(d), "day")


# --- today, yesterday, this morning ----------------------------------------------------------


@rule(
    "day_rel",
    r"(?:(?P<mod>early|late|earlier|later)\s+)?"
    r"(?:(?P<dayba>the\s+day\s+(?:before|after))\s+)?(?P<w>" + _DAYWORD + r")(?P<poss>'s)?"
    r"(?:\s+(?P<pod>" + _POD + r"))?",
    words=lx.W_DAYWORD,
)
def _day_rel(g: Groups, ctx: Ctx) -> Found | None:
    word = (g["w"] or "").lower()
    end = g.end
    if g["poss"]:
        if word == "today":
            return None  # ``today's world``: the present in general, not the DCT
        end = g.span("poss")[0]  # the possessive is not part of the expression
    offset = _DAY_OFFSET[word]
    if g["dayba"]:
        offset += -1 if "before" in (g["dayba"] or "").lower() else 1
    pod = lx.PART_OF_DAY[(g["pod"] or "").lower()] if g["pod"] else None
    if word == "tonight":
        pod = "NI"
    if ctx.dct is None:
        return Found(g.start, end, DATE, "PRESENT_REF" if offset == 0 else "XXXX-XX-XX", "ref")
    d = ctx.dct + timedelta(days=offset)
    ctx.last_day = d
    if pod:
        return Found(g.start, end, TIME, f"{fmt_day(d)}T{pod}", "time")
    return Found(g.start, end, DATE, fmt_day(d), "day")


@rule(
    "pod",
    r"(?P<det>this|last|yesterday|tomorrow|the\s+next|the\s+following|that|early\s+this"
    r"|late\s+last|late\s+this|later\s+this|earlier\s+this)\s+(?P<pod>" + _POD + r")"
    r"|(?P<over>overnight)",
    words=lx.W_POD,
)
def _pod(g: Groups, ctx: Ctx) -> Found | None:
    if g["over"]:
        if ctx.dct is None:
            return None
        # ``overnight`` in a morning story: the night before the DCT.
        d = ctx.dct - timedelta(days=1)
        return Found(g.start, g.end, TIME, f"{fmt_day(d)}TNI", "time")
    det = " ".join((g["det"] or "").lower().split())
    pod = lx.PART_OF_DAY[(g["pod"] or "").lower()]
    anchor = ctx.dct
    if det in ("the next", "the following", "that"):
        anchor = ctx.last_day or ctx.dct
        if anchor is None:
            return None
        d = anchor + timedelta(days=0 if det == "that" else 1)
    elif anchor is None:
        return Found(g.start, g.end, TIME, f"XXXX-XX-XXT{pod}", "time")
    elif det in ("last", "yesterday", "late last"):
        # ``last night`` is the night before the DCT; ``last morning`` is not idiomatic.
        d = anchor - timedelta(days=1)
    elif det == "tomorrow":
        d = anchor + timedelta(days=1)
    else:
        d = anchor
    return Found(g.start, g.end, TIME, f"{fmt_day(d)}T{pod}", "time")
