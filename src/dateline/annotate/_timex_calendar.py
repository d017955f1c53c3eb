"""Calendar arithmetic and TIMEX3 value formatting for the time-expression resolver.

Anchoring follows HeidelTime's news strategy: an underspecified date (``Thursday``, ``Nov. 6``,
``March``) is placed relative to the document creation time (DCT), in the past or the future
according to the tense of the clause, and by distance when the tense says nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

__all__ = [
    "Tense",
    "add_months",
    "fmt_day",
    "fmt_month",
    "fmt_quarter",
    "fmt_week",
    "holiday_date",
    "month_day_year",
    "month_year",
    "quarter_of",
    "safe_date",
    "weekday_date",
]


class Tense(Enum):
    """Tense of the clause a time expression modifies, as far as it decides direction."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date) -> str:
    """ISO week of ``d`` as TimeML writes it (``2018-W43``)."""
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def fmt_quarter(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or ``None`` when it does not exist (Feb. 30, Feb. 29, 2019)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_date(weekday: int, dct: date, tense: Tense | None, shift: int = 0) -> date:
    """The date a bare weekday name refers to, seen from ``dct``.

    ``shift`` is -1 for ``last Friday``, +1 for ``next Friday``, 0 for a bare name. A bare name
    means the same week in news: the latest such day up to the DCT when the clause is in the past
    (``Thursday`` in a Thursday story is the DCT itself), the first one from the DCT on when it
    is in the future or the present. Without a tense the past reading wins, the usual case.
    """
    back = (dct.isoweekday() - weekday) % 7
    past = dct - timedelta(days=back)
    future = dct + timedelta(days=(weekday - dct.isoweekday()) % 7)
    if shift < 0:
        return past if back else dct - timedelta(days=7)
    if shift > 0:
        return future if future != dct else dct + timedelta(days=7)
    if tense is Tense.PAST:
        return past
    if tense in (Tense.FUTURE, Tense.PRESENT):
        # A present tense with a weekday is a schedule in news (``the king meets Bush
        # Thursday``); reports of the past use the past tense.
        return future
    return past


def _pick(
    before: date | None,
    after: date | None,
    dct: date,
    tense: Tense | None,
    *,
    near: int,
    far: int,
    slack: int = 0,
) -> date:
    """Choose the reading before or after the DCT (both given as the nearest on each side).

    The tense decides, unless its reading is more than ``far`` days away while the other one is
    within ``near`` days (a past-tense report of an announced plan: ``said it would close in
    January``); without a tense the nearer reading wins, the past one on a tie.
    """
    if before is None or after is None:
        chosen = before or after
        if chosen is None:  # pragma: no cover - callers always pass one
            raise ValueError("no candidate")
        return chosen
    back, ahead = (dct - before).days, (after - dct).days
    if tense is Tense.PAST:
        return after if back > far and ahead <= near else before
    if tense is Tense.FUTURE:
        return before if ahead > far and back <= near else after
    return before if back <= ahead + slack else after


# Calibrated on TimeBank (scores were flat from 31/180 to 90/300 days): a past-tense clause still
# means the future reading when the past one is most of a year back and the future one at most two
# months ahead.
_DAY_NEAR, _DAY_FAR = 62, 240
_MONTH_NEAR, _MONTH_FAR = 62, 240


def month_day_year(month: int, day: int, dct: date, tense: Tense | None) -> int | None:
    """The year of ``month``/``day`` given without one; ``None`` if the day never exists."""
    candidates = [
        d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := safe_date(y, month, day))
    ]
    if not candidates:
        return None
    before = max((c for c in candidates if c <= dct), default=None)
    after = min((c for c in candidates if c >= dct), default=None)
    return _pick(before, after, dct, tense, near=_DAY_NEAR, far=_DAY_FAR).year


def month_year(month: int, dct: date, tense: Tense | None) -> int:
    """The year of a bare month name (``in March``), by tense and distance like a day."""
    if month == dct.month:
        return dct.year
    # Distances in whole months, so that six months either way is a tie (the past wins).
    anchor = date(dct.year, dct.month, 15)
    if month < dct.month:
        before, after = date(dct.year, month, 15), date(dct.year + 1, month, 15)
    else:
        before, after = date(dct.year - 1, month, 15), date(dct.year, month, 15)
    return _pick(before, after, anchor, tense, near=_MONTH_NEAR, far=_MONTH_FAR, slack=4).year


def holiday_date(name: str, year: int) -> date | None:
    """Date of a rule-based holiday in ``year`` (US conventions)."""
    if name == "thanksgiving":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "election":  # Tuesday after the first Monday of November
        first = date(year, 11, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    if name == "labor":  # first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if name == "memorial":  # last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if name in ("easter", "good_friday"):
        easter = _easter(year)
        return easter if name == "easter" else easter - timedelta(days=2)
    return None


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)
