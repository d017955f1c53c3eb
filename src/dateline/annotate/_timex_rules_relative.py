# ruff: noqa: RUF001 - typographic quotes are text this module matches
"""Rules for relative expressions: ``two weeks ago``, ``last year``, ``the quarter``, seasons,
decades, centuries and bare years.

Registered after :mod:`._timex_rules_dates`, so at a shared start position an explicit date
wins. TimeML keeps a leading ``the`` when the expression is headed by the time unit
(``the past year``, ``the quarter``) and keeps modifiers such as ``early``, ``late``, ``mid-``
and ``nearly`` inside the extent; the value ignores them (TimeML puts them in ``mod``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.annotate import _timex_lexicon as lx
from dateline.annotate._timex_calendar import (
    Tense,
    add_months,
    fmt_day,
    fmt_month,
    fmt_quarter,
    fmt_week,
    quarter_of,
)
from dateline.annotate._timex_grammar import Ctx, Found, Groups, rule
from dateline.annotate._timex_rules_dates import _YEAR, Y4, _year
from dateline.models import TimexType

__all__: list[str] = []

DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET

_APPROX = (
    r"(?:(?P<approx>nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most"
    r"|up\s+to|no\s+more\s+than|no\s+less\s+than|roughly|approximately|some|barely|well\s+over"
    r"|just\s+over|just\s+under|around)\s+)?"
)
# Earnings reports compare with "a year earlier" meaning the same quarter of the previous year;
# a quarter mentioned this close before makes that reading the likely one.
_QUARTER_CONTEXT_CHARS = 1500


def _tense(g: Groups, ctx: Ctx) -> Tense | None:
    return ctx.tense(g.start, g.end)


def _unit(text: str | None) -> str:
    t = " ".join((text or "").lower().split())
    return lx.UNIT_FORMS.get(t, t)


def _shift(d: date, unit: str, n: int) -> tuple[str, str]:
    """``d`` moved by ``n`` units, formatted at the unit's granularity."""
    if unit in ("day", "night"):
        return fmt_day(d + timedelta(days=n)), "day"
    if unit == "weekend":
        return fmt_week(d + timedelta(days=7 * n)) + "-WE", "week"
    if unit in ("week", "fortnight"):
        return fmt_week(d + timedelta(days=7 * n * (2 if unit == "fortnight" else 1))), "week"
    if unit == "month":
        y, m = add_months(d.year, d.month, n)
        return fmt_month(y, m), "month"
    if unit == "quarter":
        y, m = add_months(d.year, (quarter_of(d) - 1) * 3 + 1, 3 * n)
        return fmt_quarter(y, quarter_of(date(y, m, 1))), "quarter"
    if unit == "year":
        return f"{d.year + n:04d}", "year"
    if unit == "decade":
        return f"{(d.year + 10 * n) // 10:03d}X", "decade"
    if unit == "century":
        return f"{(d.year + 100 * n) // 100:02d}", "century"
    return fmt_day(d), "day"  # hours, minutes: the day they fall on


def _quarter_context(ctx: Ctx, at: int) -> tuple[int, int] | None:
    if ctx.last_quarter and at - ctx.last_quarter_at < _QUARTER_CONTEXT_CHARS:
        return ctx.last_quarter
    return None


# --- N units ago ---------------------------------------------------------------------------

_AGO = (
    _APPROX
    + r"(?P<n>"
    + lx.RX_NUMBER
    + r")\s+(?P<unit>"
    + lx.RX_UNIT
    + r")(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)"
)


@rule("ago", _AGO, words=lx.W_UNIT)
def _ago(g: Groups, ctx: Ctx) -> Found | None:
    direction = " ".join((g["dir"] or "").lower().split())
    follow = ctx.text[g.end : g.end + 12]
    if direction in ("before", "after") and not _clause_end(follow):
        return None  # ``three days after the attack``: a duration and a signal
    if direction in ("earlier", "later") and follow.lstrip().lower().startswith("than"):
        return None
    unit = _unit(g["unit"])
    number = lx.parse_number(g["n"] or "")
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if number is None or number == 0:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Found(g.start, g.end, DATE, value, "ref")
    if ctx.dct is None:
        return None
    anchor = ctx.dct
    if direction in ("earlier", "later", "before", "after") and ctx.last_day:
        anchor = ctx.last_day
    if unit == "year" and number == 1 and direction in ("earlier", "ago", "before"):
        quarter = _quarter_context(ctx, g.start)
        if quarter:
            value = fmt_quarter(quarter[0] - 1, quarter[1])
            return Found(g.start, g.end, DATE, value, "quarter", anaphoric=True)
    if direction in ("later", "after") and unit in _SHORT_UNITS:
        # TimeBank marks ``three days later`` as the duration ``three days`` plus a signal.
        end = g.span("dir")[0]
        value = _duration_value(number, unit)
        return Found(
            g.start, end - 1 if ctx.text[end - 1] == " " else end, DURATION, value, "duration"
        )
    n = round(number)
    if unit == "decade":
        unit, n = "year", 10 * n
    elif unit == "century":
        unit, n = "year", 100 * n
    value, gran = _shift(anchor, unit, sign * n)
    return Found(g.start, g.end, DATE, value, gran, anaphoric=True)


_SHORT_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week"})


def _clause_end(follow: str) -> bool:
    s = follow.lstrip()
    return not s or s[0] in ".,;:!?)'\"”’" or s.startswith(("and ", "but "))


# --- quarters ------------------------------------------------------------------------------

_QUARTER = (
    r"(?:(?P<det>the|its|this|that|last|next|a|their|his)\s+)?"
    r"(?:(?P<yrel>this|last|next)\s+year's\s+)?"
    r"(?P<adj>(?:(?:latest|current|last|next|past|previous|prior|same|comparable|corresponding"
    r"|year-ago|year-earlier|fiscal|calendar|just-ended|just\s+ended|recent|most\s+recent|final"
    r"|traditionally\s+\w+|seasonally\s+\w+)[\s-]+)*)"
    r"(?:(?P<y>" + Y4 + r")\s+)?"
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?P<hy>[\s-]+)(?:(?:fiscal|calendar)"
    r"[\s-]+)?(?:quarter|period)|(?P<bare>quarter|period))"
    r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y2>" + Y4 + r")|(?P<rel2>this|last|next)\s+year))?"
    r"(?:\s+(?P<rel3>last|this|next)\s+year|\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?"
)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_REL_YEAR = {"last": -1, "this": 0, "next": 1}
# ``the quarter ended Sept. 30``: the quarter is the one that date closes.
_ENDED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|closed)\s+(?:on\s+)?(?P<mon>"
    + lx.RX_MONTH
    + r")\s+(?P<d>[0-3]?\d)\b"
)


@rule("quarter", _QUARTER, words={"quarter", "period"})
def _quarter(g: Groups, ctx: Ctx) -> Found | None:
    det = (g["det"] or "").lower()
    adj = " ".join((g["adj"] or "").lower().replace("-", "- ").split()).replace("- ", "-")
    bare = (g["bare"] or "").lower()
    year: int | None = int(g["y"] or g["y2"] or 0) or None
    if bare and not (det or adj or year or g["yrel"]):
        return None  # ``a quarter of the vote``
    if det == "a" and (bare or not adj):
        return None
    anchored_period = year or g["rel3"] or g["ago"]
    anchored_period = anchored_period or any(
        w in adj for w in ("year-", "latest", "same", "comparable", "corresponding")
    )
    if bare == "period" and not anchored_period:
        return None  # ``the period`` alone is too vague to be worth the false positives
    if ctx.dct is None and not year:
        return None
    start = g.start
    # TimeML leaves out a possessive or demonstrative determiner, and any determiner before the
    # adjective ``third-quarter`` (``the [third-quarter] loss``).
    next_word = ctx.text[g.end : g.end + 12].split()[:1]
    if det in ("its", "that", "their", "his") or (
        det in ("the", "a")
        and g["hy"] == "-"
        and adj in ("", "fiscal ")
        and next_word[:1] != ["ended"]
        and next_word[:1] != ["ending"]
    ):
        start = g.span("det")[1] + 1
    dct = ctx.dct
    for rel in (g["rel2"], g["rel3"], g["yrel"]):
        if rel and dct:
            year = dct.year + _REL_YEAR[rel.lower()]
    year_back = "year-ago" in adj or "year-earlier" in adj or "comparable" in adj
    year_back = year_back or "corresponding" in adj or bool(g["ago"])
    ended = _ENDED.match(ctx.text, g.end)
    if g["ord"]:
        q = _ORD[(g["ord"] or "").lower()]
        if year is None and dct is not None:
            year = dct.year
            if ended:
                year = _ended_date(ended, ctx, g).year
            elif date(year, 3 * q - 2, 1) > dct and (
                _tense(g, ctx) is Tense.PAST or (date(year, 3 * q - 2, 1) - dct).days > 120
            ):
                year -= 1
            if year_back:
                year -= 1
        value = fmt_quarter(year or 0, q)
        return Found(start, g.end, DATE, value, "quarter", anaphoric=year_back)
    # ``the quarter``, ``the latest quarter``, ``the year-ago quarter``, ``the 1988 period``
    ref = _quarter_context(ctx, g.start)
    if ended:
        d = _ended_date(ended, ctx, g)
        ref = (d.year, quarter_of(d))
    if dct is not None:
        last_done = (dct.year, quarter_of(dct) - 1) if quarter_of(dct) > 1 else (dct.year - 1, 4)
    else:
        last_done = (year or 0, 4)
    if det == "this" or "current" in adj:
        y, q = (dct.year, quarter_of(dct)) if dct else last_done
    elif det in ("last", "next") or adj in ("last", "next", "previous", "prior", "past"):
        word = det if det in ("last", "next") else adj
        base = (dct.year, quarter_of(dct)) if dct else last_done
        if word not in ("last", "next") and ref:
            base = ref
        y, m = add_months(base[0], base[1] * 3 - 2, 3 if word == "next" else -3)
        q = (m - 1) // 3 + 1
    else:
        y, q = ref or last_done
    if year is not None:
        if bare == "period" and not ref:
            return Found(start, g.end, DATE, f"{year:04d}", "year")
        y = year
    elif year_back:
        y -= 1
    return Found(start, g.end, DATE, fmt_quarter(y, q), "quarter", anaphoric=year_back)


def _ended_date(m: re.Match[str], ctx: Ctx, g: Groups) -> date:
    month = lx.MONTHS[m.group("mon").rstrip(".").lower()]
    day = int(m.group("d"))
    dct = ctx.dct or date(2000, 1, 1)
    # A reporting period has ended: the latest such day up to the DCT.
    year = dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
    return date(year, month, min(day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31))


# --- durations -------------------------------------------------------------------------------

_DUR_REL = (
    r"(?:(?P<the>the|these|those|its|his|her|their|this|that)\s+)?"
    r"(?:(?P<rel>past|last|next|first|previous|coming|following|final|remaining|latest|initial"
    r"|ensuing|preceding|prior|same|full|entire|whole|other|year-earlier|year-ago|succeeding)\s+)?"
)
_DURATION = (
    _APPROX
    + r"(?P<extra>another|an\s+additional|an\s+extra|a\s+further)?\s*"
    + _DUR_REL
    + r"(?P<n>"
    + lx.RX_NUMBER
    + r")(?:\s+(?:to|or)\s+(?P<n2>"
    + lx.RX_NUMBER
    + r"))?(?:\s+(?:more|additional|straight|consecutive|full|long|successive|further|extra))?"
    + r"\s+(?P<unit>"
    + lx.RX_UNIT
    + r")(?P<half2>\s+and\s+a\s+half)?(?P<orso>\s+or\s+(?:so|more|less|longer|two))?"
    # ``a three-year period``, ``one-year term``: TimeBank includes the head noun.
    + r"|(?:(?P<pdet>a|an)\s+)?(?P<pn>\d+|"
    + lx.RX_NUM_WORD
    + r")-(?P<punit>"
    + lx.RX_UNIT_SINGULAR
    + r")\s+(?:period|term|span|stretch|stint)"
    + r"|(?P<hn>\d+(?:\.\d+)?|"
    + lx.RX_NUM_WORD
    + r"|half|a\s+half)-(?P<hunit>"
    + lx.RX_UNIT_SINGULAR
    + r")(?:-(?P<suffix>long|old))?"
    + r"|(?P<lunit>day|week|month|year|decade|hour|minute)(?P<plural>s)?-long"
)


@rule("duration", _DURATION, words=lx.W_UNIT)
def _duration(g: Groups, ctx: Ctx) -> Found | None:
    if g["punit"]:
        return _duration_found(g, lx.parse_number(g["pn"] or ""), _unit(g["punit"]))
    if g["lunit"]:
        unit = g["lunit"] or ""
        return _duration_found(g, None if g["plural"] else 1, unit)
    if g["hunit"]:
        if g["suffix"] and g["suffix"].lower() == "old":
            return None  # ages (``6-year-old``) are not time expressions in TimeML
        number = lx.parse_number(g["hn"] or "")
        if (g["hn"] or "").lower() in ("half", "a half"):
            number = 0.5
        return _duration_found(g, number, _unit(g["hunit"]))
    unit = _unit(g["unit"])
    raw = " ".join((g["n"] or "").lower().split())
    number = lx.parse_number(raw)
    after = ctx.text[g.end : g.end + 12].lower()
    if unit in ("year", "month", "week", "day") and after.lstrip().startswith(("old", "of age")):
        return None  # ages: ``52 years old``
    if raw in ("a", "an", "one") and unit in ("second", "quarter"):
        return None  # ``a second group``, ``a quarter of the vote``: not durations
    if unit in ("second", "quarter") and raw.isdigit() and int(raw) > 1000:
        return None  # ``the 1988 second quarter`` is the quarter rule's
    if raw == "half a":
        number = 0.5
    if g["half2"]:
        number = (number or 0) + 0.5
    elif raw in ("a", "an", "one", "single") and g["orso"] and "two" in (g["orso"] or ""):
        number = None
    # A frequency: ``twice a year``, ``three times a week``, ``24 hours a day``.
    if raw in ("a", "an", "per") and not (g["the"] or g["rel"] or g["approx"] or g["extra"]):
        before = ctx.text[max(0, g.start - 24) : g.start].lower()
        if _FREQUENCY_BEFORE.search(before):
            return _set_found(g, unit, 1)
        if _AMOUNT_BEFORE.search(before):
            return None  # ``$500 million a year``, ``four flights a week``: a rate, unannotated
    if g["the"] and not g["rel"] and raw in ("a", "an", "one", "some", "many"):
        return None
    if (g["the"] or "").lower() in ("his", "her", "its", "their") and not g["rel"]:
        return None  # TimeML leaves a possessive out: ``40 years`` is tried from the number next
    rel = (g["rel"] or "").lower()
    if rel in ("same", "other", "whole", "entire", "full") and not g["the"]:
        return None
    if rel == "last" and not g["the"] and not g["approx"]:
        words_before = ctx.text[max(0, g.start - 10) : g.start].lower().split()
        if words_before and words_before[-1] in _BEFORE_VERB:
            # ``the course will last three weeks``: the verb, not the adjective.
            found = _duration_found(g, number, unit)
            return Found(g.span("n")[0], found.end, found.type, found.value, found.granularity)
    return _duration_found(g, number, unit)


_BEFORE_VERB = frozenset("will would could can may might should must to not n't also".split())


_FREQUENCY_BEFORE = re.compile(r"(?:\btimes|\btwice|\bonce|\bthrice)\s*$")
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|percent|%|\bmillion|\bbillion|\bhours|\bdays|\bminutes|\bweeks|\bflights"
    r"|\bseats|\bunits|\bcents|\bdollars|\bpeople)\s*$"
)

_UNIT_LETTER = {"second": "S", "minute": "M", "hour": "H"}


def _duration_value(number: float | None, unit: str) -> str:
    """TimeML duration: ``P2Y``, ``PT5H30M``, ``PXW`` for a vague number."""
    if unit in _UNIT_LETTER:
        letter = _UNIT_LETTER[unit]
        if number is None:
            return f"PTX{letter}"
        whole = int(number)
        if number != whole:
            sub = {"H": ("M", 30), "M": ("S", 30), "S": ("S", 0)}[letter]
            if whole == 0:
                return f"PT{sub[1]}{sub[0]}"
            return f"PT{whole}{letter}{sub[1]}{sub[0]}"
        return f"PT{whole}{letter}"
    letter, per = lx.UNITS.get(unit, ("D", 1))
    if unit == "decade":
        letter, per = "Y", 10
    elif unit == "century":
        letter, per = "Y", 100
    elif unit == "millennium":
        letter, per = "Y", 1000
    if number is None:
        return {"decade": "PXE", "century": "PXC", "millennium": "PXL"}.get(unit, f"PX{letter}")
    whole = int(number)
    if number != whole:
        if letter == "Y":
            return f"P{whole * per}Y6M" if whole else "P6M"
        if letter == "M":
            return f"P{whole}M15D" if whole else "P15D"
        if letter == "D":
            return f"P{whole}DT12H" if whole else "PT12H"
        if letter == "W":
            return f"P{whole * 7 + 3}D" if whole else "P3D"
    return f"P{whole * per}{letter}"


def _duration_found(g: Groups, number: float | None, unit: str) -> Found:
    return Found(g.start, g.end, DURATION, _duration_value(number, unit), "duration")


def _set_found(g: Groups, unit: str, every: int) -> Found:
    value = _duration_value(every, unit)
    return Found(g.start, g.end, SET, value, "set")


# --- halves ----------------------------------------------------------------------------------


@rule(
    "half",
    r"(?:the\s+)?(?P<ord>first|second|latter|last)\s+half(?:\s+of\s+(?:(?:fiscal|the)\s+)?"
    r"(?:(?P<y>" + Y4 + r")|(?P<rel>this|last|next|the)\s+year|(?P<yr>year)))?",
    words={"half"},
)
def _half(g: Groups, ctx: Ctx) -> Found | None:
    h = 1 if (g["ord"] or "").lower() == "first" else 2
    if g["y"]:
        year = int(g["y"] or 0)
    elif ctx.dct is None:
        return None
    elif g["rel"] or g["yr"]:
        year = ctx.dct.year + {"last": -1, "next": 1}.get((g["rel"] or "").lower(), 0)
    elif g.text.lower().startswith("the"):
        year = ctx.dct.year
    else:
        return None
    return Found(g.start, g.end, DATE, f"{year:04d}-H{h}", "quarter")


# --- this week, last year, earlier this month ----------------------------------------------

_REL_UNIT = (
    r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid|earlier|later|(?:the\s+)?end\s+of"
    r"|(?:the\s+)?(?:beginning|start|middle|rest|remainder|balance|close)\s+of)[\s-]+(?:in\s+)?)?"
    r"(?P<rel>this|last|next|past|previous|prior|coming|following|current|same|that|latest"
    r"|preceding|ensuing|upcoming|this\s+past|this\s+coming)\s+"
    r"(?:(?P<fiscal>fiscal|calendar|financial|school|academic|model|business|trading)\s+)?"
    r"(?P<unit>week|month|year|weekend|decade|century|day|fortnight|night|morning|evening"
    r"|afternoon)(?![\w-])"
)


@rule("rel_unit", _REL_UNIT, words=lx.W_UNIT | lx.W_POD)
def _rel_unit(g: Groups, ctx: Ctx) -> Found | None:
    rel = " ".join((g["rel"] or "").lower().split())
    unit = (g["unit"] or "").lower()
    the = bool(g["the"])
    if unit in lx.PART_OF_DAY and rel not in ("that", "same", "next", "following", "previous"):
        return None  # ``this morning`` and ``last night`` are the ``pod`` rule's
    if ctx.dct is None:
        return Found(g.start, g.end, DATE, "XXXX", "year")
    dct = ctx.dct
    if rel in ("that", "same"):
        anchor = ctx.last_day or dct
        if unit == "year" and ctx.last_year:
            return Found(g.start, g.end, DATE, f"{ctx.last_year:04d}", "year")
        value, gran = _shift(anchor, _unit(unit), 0)
        return _pod_or(g, value, gran, unit)
    if rel in ("following", "ensuing", "next") and the and ctx.last_day:
        # ``the following day``, ``the next morning``: after the narrative's reference time.
        if unit == "year" and ctx.last_year and rel != "next":
            return Found(g.start, g.end, DATE, f"{ctx.last_year + 1:04d}", "year")
        if unit in ("day", "morning", "evening", "afternoon", "night"):
            value, gran = _shift(ctx.last_day, "day", 1)
            return _pod_or(g, value, gran, unit)
        if unit in ("week", "month") and rel != "next":
            value, gran = _shift(ctx.last_day, unit, 1)
            return Found(g.start, g.end, DATE, value, gran)
    if rel in ("previous", "prior", "preceding") and the and ctx.last_day:
        if unit == "year" and ctx.last_year:
            return Found(g.start, g.end, DATE, f"{ctx.last_year - 1:04d}", "year")
        if unit in ("day", "morning", "evening", "afternoon", "night"):
            value, gran = _shift(ctx.last_day, "day", -1)
            return _pod_or(g, value, gran, unit)
    if unit in ("morning", "evening", "afternoon", "night"):
        return None
    step = _REL_STEP.get(rel, 0)
    if unit == "decade" and rel in ("past", "last"):
        return Found(g.start, g.end, DURATION, "P10Y", "duration")
    if unit == "century" and rel in ("this", "current"):
        return Found(g.start, g.end, DURATION, "P100Y", "duration")
    if unit == "weekend":
        return Found(g.start, g.end, DATE, _weekend(dct, step, _tense(g, ctx)), "week")
    if unit == "day":
        if rel in ("this", "current"):
            step = 0
        elif rel not in ("next", "previous", "last", "past"):
            return None
    value, gran = _shift(dct, _unit(unit), step)
    return Found(g.start, g.end, DATE, value, gran)


_REL_STEP = {
    "this": 0,
    "current": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "this past": -1,
    "latest": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "ensuing": 1,
    "upcoming": 1,
    "this coming": 1,
}


def _pod_or(g: Groups, value: str, gran: str, unit: str) -> Found:
    pod = lx.PART_OF_DAY.get(unit)
    if pod and gran == "day":
        return Found(g.start, g.end, TIME, f"{value}T{pod}", "time")
    return Found(g.start, g.end, DATE, value, gran)


def _weekend(dct: date, step: int, tense: Tense | None) -> str:
    """``YYYY-Www-WE`` of the weekend meant: the last one in past clauses, else the next."""
    saturday_back = (dct.isoweekday() - 6) % 7
    last_sat = dct - timedelta(days=saturday_back)
    if dct.isoweekday() == 7:
        last_sat = dct - timedelta(days=1)
    next_sat = last_sat + timedelta(days=7) if last_sat < dct - timedelta(days=1) else last_sat
    if step < 0 or (step == 0 and tense is Tense.PAST):
        sat = last_sat
    elif step > 0:
        sat = next_sat if next_sat > dct else next_sat + timedelta(days=7)
    else:
        sat = next_sat
    return fmt_week(sat) + "-WE"


@rule("the_weekend", r"the\s+weekend|(?:over|this|last|next)\s+weekend", words={"weekend"})
def _the_weekend(g: Groups, ctx: Ctx) -> Found | None:
    if ctx.dct is None:
        return None
    text = g.text.lower()
    start = g.start
    if text.startswith("over"):
        start = g.start + len(g.text) - len("weekend")
    step = -1 if text.startswith("last") else 1 if text.startswith("next") else 0
    return Found(start, g.end, DATE, _weekend(ctx.dct, step, _tense(g, ctx)), "week")


@rule(
    "the_year",
    r"(?:(?P<mod>earlier|later|early|late)\s+in\s+)?the\s+(?:(?P<adj>fiscal|full|calendar|entire"
    r"|whole)\s+)?year(?![\w-])",
    words={"year"},
)
def _the_year(g: Groups, ctx: Ctx) -> Found | None:
    """``the year`` is the DCT's year; ``the year ended March 31`` is a one-year period."""
    if ctx.dct is None:
        return None
    after = ctx.text[g.end : g.end + 20].lower()
    if after.startswith("'s"):
        return None
    if _PERIOD_ENDED.match(after):
        return Found(g.start, g.end, DURATION, "P1Y", "duration")
    if after.lstrip().startswith(("two thousand", "of ", "before", "after", "when", "in which")):
        return None
    return Found(g.start, g.end, DATE, f"{ctx.dct.year:04d}", "year")


_PERIOD_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to\s+)")


# --- seasons ---------------------------------------------------------------------------------


@rule(
    "season",
    r"(?:(?P<mod>early|late|mid|mid-)[\s-]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming"
    r"|the|the\s+past|the\s+coming|coming|past)\s+)?(?:(?P<mod2>early|late)\s+)?"
    r"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>" + _YEAR + r"))?"
    r"|(?P<y3>" + Y4 + r")\s+(?P<s3>spring|summer|fall|autumn|winter)",
    words=lx.W_SEASON,
)
def _season(g: Groups, ctx: Ctx) -> Found | None:
    name = (g["s"] or g["s3"] or "").lower()
    code = lx.SEASONS[name]
    rel = " ".join((g["rel"] or "").lower().split())
    year = _year(g["y"] or g["y3"], ctx)
    if year is not None:
        return Found(g.start, g.end, DATE, f"{year:04d}-{code}", "season")
    if not rel and not g["mod"] and not g["mod2"] and name in ("spring", "fall"):
        return None  # the verbs and the nouns ``spring``/``fall`` are far more common
    if name == "spring" and rel == "the" and not g["mod"]:
        return None
    if ctx.dct is None:
        return Found(g.start, g.end, DATE, f"XXXX-{code}", "season")
    dct = ctx.dct
    start_month = lx.SEASON_START[code]
    in_season = 0 <= (dct.month - start_month) % 12 < 3
    started = start_month <= dct.month or (code == "WI" and dct.month < 3)
    if rel in ("last", "this past", "past", "the past"):
        year = dct.year if (start_month < dct.month and not in_season) else dct.year - 1
    elif rel in ("next", "this coming", "coming", "the coming"):
        year = dct.year if start_month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year - 1 if code == "WI" and dct.month < 3 else dct.year
    else:
        tense = _tense(g, ctx)
        year = dct.year
        if tense is Tense.PAST and not started:
            year -= 1
        elif tense is Tense.FUTURE and started and not in_season:
            year += 1
    return Found(g.start, g.end, DATE, f"{year:04d}-{code}", "season")


# --- decades, centuries, years ---------------------------------------------------------------


@rule(
    "decade",
    r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0'?s"
    r"|'(?P<d2>\d)0'?s|(?P<dw>" + lx.RX_DECADE_WORD + r"))",
    words=lx.W_DECADE,
    digits=True,
)
def _decade(g: Groups, ctx: Ctx) -> Found | None:
    if g["c"]:
        return Found(g.start, g.end, DATE, f"{g['c']}{g['d']}X", "decade")
    if not g["the"]:
        return None  # ``in his fifties`` is an age
    digit = int(g["d2"] or lx.DECADE_WORDS.get((g["dw"] or "").lower(), 0))
    ref = ctx.dct.year if ctx.dct else 2000
    century = ref // 100
    if century * 100 + digit * 10 > ref:
        century -= 1
    return Found(g.start, g.end, DATE, f"{century:02d}{digit}X", "decade")


@rule(
    "century",
    r"(?:(?P<the>the)\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?"
    r"(?P<o>\d{1,2}(?:st|nd|rd|th)|" + lx.RX_ORDINAL_WORD + r"|twenty-first)[\s-]+century",
    words={"century"},
)
def _century(g: Groups, ctx: Ctx) -> Found | None:
    n = lx.parse_ordinal((g["o"] or "").replace(" ", "-"))
    if not n or n > 21:
        return None
    return Found(g.start, g.end, DATE, f"{n - 1:02d}", "century")


_COUNTED = frozenset(
    "people persons troops soldiers workers employees jobs men women children miles kilometers"
    " km feet foot meters metres yards acres tons tonnes pounds barrels cars vehicles homes houses"
    " units shares points dollars votes students members deaths cases rooms beds flights calories"
    " residents refugees police officers marines delegates seats acres hectares passengers guns"
    " rounds stores employees-".split()
)
_YEAR_BLOCK_BEFORE = ("no.", "number", "nos.", "route", "flight", "room", "about", "nearly")


@rule(
    "year",
    r"(?:(?P<mod>early|late|mid|mid-|fiscal|calendar|(?:the\s+)?(?:end|beginning|start|middle"
    r"|rest|remainder|close|spring|summer|fall|autumn|winter)\s+of|(?P<tyear>the\s+year))[\s-]*)?"
    r"(?:(?P<y>" + Y4 + r")|(?P<sp>" + lx.RX_SPOKEN_YEAR + r"))",
    words=lx.W_SPOKEN_YEAR,
    digits=True,
)
def _year_rule(g: Groups, ctx: Ctx) -> Found | None:
    if g["sp"]:
        spoken = g["sp"] or ""
        if spoken.lower().startswith("two") and not g["tyear"]:
            return None  # ``two thousand`` is a number unless ``the year`` says otherwise
        year = lx.spoken_year(spoken)
        if year is None:
            return None
        return Found(g.start, g.end, DATE, f"{year:04d}", "year")
    year = int(g["y"] or 0)
    after = ctx.text[g.end : g.end + 16].lower().split()
    if after and after[0].strip(".,;:") in _COUNTED:
        return None
    before = ctx.text[max(0, g.start - 10) : g.start].lower().split()
    if before and before[-1] in _YEAR_BLOCK_BEFORE and not g["mod"]:
        return None
    if ctx.dct and year > ctx.dct.year + 50:
        return None
    return Found(g.start, g.end, DATE, f"{year:04d}", "year")
