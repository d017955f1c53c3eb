"""Parse the publication-date strings found in metadata and article headers.

Only explicit, complete dates are accepted: a day, a month and a four-digit year (or an ISO date,
or epoch seconds). Relative or partial expressions (``Tuesday``, ``May 12``) are the time
tagger's business, not this module's.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

__all__ = [
    "MONTH",
    "WEEKDAY",
    "make_date",
    "month_number",
    "nearest_year",
    "parse_date",
    "weekday_matches",
]

MIN_YEAR = 1800
MAX_YEAR = 2100

# Regex fragments, title case as they appear in running text (compile with IGNORECASE for
# metadata). ``Sept.`` and ``Sep`` both occur in wire copy.
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _fixed(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# Abbreviations mapped to fixed offsets. Only unambiguous ones, plus IST: in Timeline17 it is the
# stamp of Reuters' India edition (``WASHINGTON | ... 7:41 pm IST``), i.e. India Standard Time.
_ZONES: dict[str, tzinfo] = {
    "Z": UTC,
    "UT": UTC,
    "UTC": UTC,
    "GMT": UTC,
    "BST": _fixed(1),
    "CET": _fixed(1),
    "CEST": _fixed(2),
    "EST": _fixed(-5),
    "EDT": _fixed(-4),
    "CST": _fixed(-6),
    "CDT": _fixed(-5),
    "MST": _fixed(-7),
    "MDT": _fixed(-6),
    "PST": _fixed(-8),
    "PDT": _fixed(-7),
    "AKST": _fixed(-9),
    "AKDT": _fixed(-8),
    "HST": _fixed(-10),
    "IST": _fixed(5.5),
    "JST": _fixed(9),
    "AEST": _fixed(10),
    "AEDT": _fixed(11),
}

_TIME = (
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
)
_ZONE = r"(?P<zone>Z|[A-Z]{2,5}|[+-]\d{2}(?::?\d{2})?)"

_ISO_RX = re.compile(
    r"(?P<year>\d{4})([-/])(?P<month>\d{1,2})\2(?P<day>\d{1,2})"
    r"(?:(?:T|\s+)(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
    rf"\s*{_ZONE}?)?",
    re.IGNORECASE,
)
_TEXT_RX = re.compile(
    rf"(?:{WEEKDAY},?\s+)?"
    rf"(?:(?P<month1>{MONTH})\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH}),?\s+(?P<year2>\d{{4}}))"
    rf"(?:\s*[,;]?\s*(?:at\s+)?{_TIME})?(?:\s*{_ZONE})?",
    re.IGNORECASE,
)
_EPOCH_RX = re.compile(r"-?\d{9,11}(?:\.\d+)?|\d{12,13}")
_COMMA_RX = re.compile(r"\s*,\s*")


def month_number(name: str) -> int:
    """Month number of an English month name or abbreviation (``Sept.`` → 9)."""
    return _MONTHS[name[:3].lower()]


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` when it does not exist or the year is out of range."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_matches(name: str, day: date) -> bool:
    """Whether a weekday name (``Thursday``, ``Thu.``) agrees with ``day``."""
    return _WEEKDAYS.get(name[:3].lower()) == day.weekday()


def nearest_year(month: int, day: int, reference: date) -> date | None:
    """The date with this month and day closest to ``reference`` (a dateline without a year)."""
    best: date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = make_date(year, month, day)
        if candidate is not None and (
            best is None or abs(candidate - reference) < abs(best - reference)
        ):
            best = candidate
    return best


def _zone(text: str | None) -> tzinfo | None:
    """The zone for an abbreviation or numeric offset; UTC when absent, None when unknown."""
    if text is None:
        return UTC
    zone = _ZONES.get(text.upper())
    if zone is not None:
        return zone
    if text[0] in "+-":
        digits = text[1:].replace(":", "")
        hours = int(digits[:2])
        minutes = int(digits[2:4] or 0)
        if hours > 14 or minutes > 59:
            return None
        offset = timedelta(hours=hours, minutes=minutes)
        return timezone(-offset if text[0] == "-" else offset)
    return None


def _with_time(day: date, match: re.Match[str]) -> tuple[date, datetime | None] | None:
    """Attach the matched time of day, if any; ``None`` when the time is impossible."""
    hour_text = match.group("hour")
    minute_text = match.group("minute")
    groups = match.groupdict()
    ampm = groups.get("ampm")
    if hour_text is None or (minute_text is None and not ampm):
        return day, None
    hour = int(hour_text)
    minute = int(minute_text or 0)
    second = int(match.group("second") or 0)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm[0] in "pP" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    zone = _zone(match.group("zone"))
    if zone is None:
        # A time in a zone we cannot place: the day stands, the instant does not.
        return day, None
    return day, datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def parse_date(value: str) -> tuple[date, datetime | None] | None:
    """Parse a metadata date string.

    Accepts ISO dates and datetimes (``2009-05-12``, ``2009-05-12T10:00:00Z``,
    ``2009-05-12 10:00:00+02:00``), RFC 2822 (``Tue, 12 May 2009 08:56:00 -0400``), written
    dates (``May 12, 2009``, ``12 May 2009``, ``Tue May 12 , 2009 8:56 am EDT``,
    ``Tuesday 12 May 2009 16.36 BST``) and epoch seconds (or milliseconds, 13 digits).

    :param value: the string as found in the source.
    :returns: the calendar day as written, and a timezone-aware datetime when a time of day was
        given (naive times are taken as UTC; US/UK zone abbreviations such as ``EDT`` or ``BST``
        map to fixed offsets; an unknown abbreviation keeps the day and drops the time). ``None``
        when the string is not a complete date or the year is outside 1800 to 2100.
    """
    text = value.strip()
    if not text:
        return None
    if text[0].isdigit() or text[0] == "-":
        if _EPOCH_RX.fullmatch(text):
            seconds = float(text) / (1000 if len(text) >= 12 and text.isdigit() else 1)
            try:
                instant = datetime.fromtimestamp(seconds, tz=UTC)
            except (OverflowError, OSError, ValueError):
                return None
            if not MIN_YEAR <= instant.year <= MAX_YEAR:
                return None
            return instant.date(), instant
        match = _ISO_RX.fullmatch(text)
        if match is not None:
            day = make_date(int(match["year"]), int(match["month"]), int(match["day"]))
            return None if day is None else _with_time(day, match)
    if "," in text:
        text = _COMMA_RX.sub(", ", text)
    match = _TEXT_RX.fullmatch(text)
    if match is None:
        return None
    if match["month1"]:
        month, day_text, year = match["month1"], match["day1"], match["year1"]
    else:
        month, day_text, year = match["month2"], match["day2"], match["year2"]
    day = make_date(int(year), month_number(month), int(day_text))
    return None if day is None else _with_time(day, match)
