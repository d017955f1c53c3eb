# ruff: noqa: RUF001 - typographic quotes and dashes are this module's subject
"""Headers and datelines: where the story starts, and what the page stamped on it.

A wire header (Reuters: ``HONG KONG | Tue May 12, 2009 8:56 am EDT``), a scraper's ``date
YYYY-MM-DD`` line, a site's date stamp (Guardian, BBC, Washington Post) and the dateline that
opens the story (``WASHINGTON (AP) —``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from dateline.normalize._dates import MONTH, WEEKDAY, make_date, month_number, parse_date

__all__ = [
    "Found",
    "Stamp",
    "WireHeader",
    "find_dateline",
    "find_stamp",
    "split_date_header",
    "split_wire_header",
]

DatePair = tuple[date, datetime | None]


@dataclass(frozen=True, slots=True)
class Found:
    """A dateline found at the start of a paragraph; ``end`` is relative to that paragraph."""

    place: str
    agency: str | None
    end: int
    month: int | None = None
    day: int | None = None
    year: int | None = None


# --- places and datelines ---------------------------------------------------------------------

# An uppercase place (``HONG KONG``, ``ST. LOUIS``), optionally ``, State`` (``GALLIANO,
# Louisiana``, ``VENICE, La.``); Reuters joins several with ``/`` (``HOUSTON/WASHINGTON``).
_SEG = r"[A-Z][A-Z.'’&-]*[A-Z.](?: [A-Z][A-Z.'’&-]*[A-Z.])*"
_STATE = r"(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)*)"
_PLACE = rf"{_SEG}{_STATE}?(?:/{_SEG}{_STATE}?)*"
_DASH = r"(?:—|–|--|-)"
_AGENCY = r"[A-Z][\w.&' -]{0,30}"
_DATELINE_RX = re.compile(
    rf"(?P<place>{_PLACE})"
    rf"(?:,? (?P<month>{MONTH}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?)?"
    rf"(?: \((?P<agency>{_AGENCY})\) ?{_DASH}"
    rf"| {_DASH} \((?P<agency2>{_AGENCY})\) ?{_DASH}"
    # Fox News repeats the place: ``NEW ORLEANS -- NEW ORLEANS (AP) -- Vast amounts ...``.
    rf"| {_DASH}(?: (?P=place) \((?P<agency3>{_AGENCY})\) ?{_DASH})?)"
    r"(?= |$)"
)
# Calibration: the longest real datelines seen are about 35 characters
# (``CIUDAD NEZAHUALCOYOTL, Mexico``); anything longer is a shouted headline.
_MAX_PLACE = 40


def find_dateline(paragraph: str) -> Found | None:
    """The dateline opening ``paragraph`` (``WASHINGTON (AP) —``), or ``None``."""
    if not paragraph[:1].isupper():
        return None
    match = _DATELINE_RX.match(paragraph)
    if match is None:
        return None
    place = match["place"]
    if len(place) > _MAX_PLACE or sum(c.isalpha() for c in place) < 3:
        return None
    agency = match["agency"] or match["agency2"] or match["agency3"]
    month = month_number(match["month"]) if match["month"] else None
    return Found(
        place=place,
        agency=agency.strip() if agency else None,
        end=match.end(),
        month=month,
        day=int(match["day"]) if match["day"] else None,
        year=int(match["year"]) if match["year"] else None,
    )


# --- headers ---------------------------------------------------------------------------------

# ``date 2025-05-16 WASHINGTON — (AP) — ...``: a scraper's header on the body's first line.
_DATE_HEADER_RX = re.compile(
    r"(?i:date):?\s+(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)"
)


def split_date_header(paragraph: str) -> tuple[str, DatePair | None]:
    """Strip a leading ``date YYYY-MM-DD`` header; return the rest and the parsed date."""
    if paragraph[:4].lower() != "date":
        return paragraph, None
    match = _DATE_HEADER_RX.match(paragraph)
    if match is None:
        return paragraph, None
    parsed = parse_date(match["value"])
    if parsed is None:
        return paragraph, None
    return paragraph[match.end() :], parsed


# Reuters web copy: ``HONG KONG | Tue May 12, 2009 8:56 am EDT HONG KONG (Reuters) - ...``.
_WIRE_STAMP_RX = re.compile(
    rf" \| (?P<stamp>{WEEKDAY} {MONTH} \d{{1,2}}, \d{{4}}"
    r"(?: \d{1,2}:\d{2} ?[ap]\.?m\.?)?(?: [A-Z]{2,5})?)(?: |$)"
)
_TRAILING_PLACE_RX = re.compile(rf"(?:^| )(?:{_PLACE})(?:,? {MONTH} \d{{1,2}})?,?$")
_BY_RX = re.compile(r"(?:^| )By (?=[A-Z])")
# Reuters' pages put photo captions before the header; they end with the picture's date.
_PHOTO_DATE_END_RX = re.compile(rf"(?:{MONTH} \d{{1,2}},? \d{{4}}|file photo|Picture taken .*)\.$")
_SLASH_DATE_RX = re.compile(r"\d/\d")
# Calibration: of the 341 Timeline17 Reuters pages with a header, 339 have it in the first three
# lines and none after the sixth; page furniture (photo captions, related links) comes first.
_HEADER_SEARCH_PARAGRAPHS = 6


@dataclass(frozen=True, slots=True)
class WireHeader:
    """What a Reuters header split off: where the story starts, and the page furniture before it."""

    index: int  # paragraph holding the header
    lead: str  # that paragraph after the header: the story's first paragraph
    date: DatePair | None
    title: str | None
    byline: str | None
    credit: str | None
    captions: tuple[str, ...]  # earlier paragraphs that are photo captions
    credits: tuple[str, ...]  # ``Credit: ...`` lines among them


def split_wire_header(paragraphs: list[str]) -> WireHeader | None:
    """Find a Reuters ``PLACE | date time TZ`` header in the first paragraphs."""
    for index, paragraph in enumerate(paragraphs[:_HEADER_SEARCH_PARAGRAPHS]):
        if "|" not in paragraph:
            continue
        match = _WIRE_STAMP_RX.search(paragraph)
        if match is None:
            continue
        lead = paragraph[match.end() :]
        prefix = paragraph[: match.start()]
        found = find_dateline(lead)
        # The lead repeats the header's place (and date): ``SINGAPORE, June 9 | ... SINGAPORE,
        # June 9 (Reuters) -``, ``July 23 | ... July 23 (Reuters) -``.
        paren = lead.find(" (", 0, 60)
        head = lead[:paren] if paren > 0 else None
        if head and prefix.endswith(head):
            prefix = prefix[: -len(head)]
        elif found and prefix.endswith(found.place):
            prefix = prefix[: -len(found.place)]
        else:
            place = _TRAILING_PLACE_RX.search(prefix)
            if place is not None:
                prefix = prefix[: place.start()]
        prefix = prefix.strip(" ,")
        byline = None
        by = _BY_RX.search(prefix)
        if by is not None:
            byline = prefix[by.start() :].strip()
            prefix = prefix[: by.start()].strip()
        credit = None
        title = None
        if prefix:
            if "/" in prefix and not _SLASH_DATE_RX.search(prefix):
                credit = prefix  # the tail of a photo credit split at ``U.`` by the tokenizer
            elif len(prefix.split()) >= 2:
                title = prefix
        captions = []
        credits = []
        for before in paragraphs[:index]:
            if before.startswith("Credit:"):
                credits.append(before[7:].strip())
            elif _PHOTO_DATE_END_RX.search(before):
                captions.append(before)
        return WireHeader(
            index=index,
            lead=lead,
            date=parse_date(match["stamp"]),
            title=title,
            byline=byline,
            credit=credit,
            captions=tuple(captions),
            credits=tuple(credits),
        )
    return None


# --- site stamps -------------------------------------------------------------------------------

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D_M_Y = rf"(?P<day>\d{{1,2}}) (?P<month>{MONTH}),? (?P<year>\d{{4}})"
_M_D_Y = rf"(?P<month>{MONTH}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})"
_HM = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
# Date stamps that pages print around the title, as they appear in Timeline17, each with the zone
# of its time: GMT for the BBC's ``Last updated``; ``zone`` where the stamp prints it (Guardian,
# Reuters); None where the page leaves it implicit (the Post's Eastern time, the BBC blogs' ``UK
# time``), and then only the day is kept.
_STAMPS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # Guardian: ``Tuesday 12 May 2009 16.36 BST``
    (re.compile(rf"{_DAY} {_D_M_Y} {_HM} (?P<zone>BST|GMT)(?: |$)"), "zone"),
    # Washington Post: ``Friday, October 22, 2010; 8:45 PM``
    (re.compile(rf"{_DAY}, {_M_D_Y}; {_HM} [AP]M(?: |$)"), None),
    # BBC: ``9 November 2011 Last updated at 10:48 GMT``
    (re.compile(rf"{_D_M_Y} Last updated at {_HM}(?: GMT)?(?: |$)"), "GMT"),
    # BBC: ``Page last updated at 07:41 GMT, Wednesday, 9 June 2010 08:41 UK``
    (
        re.compile(
            rf"Page last updated at {_HM} GMT, {_DAY}, {_D_M_Y}(?: \d{{2}}:\d{{2}} UK)?(?: |$)"
        ),
        "GMT",
    ),
    # BBC: ``Last updated: 14 January, 2010 - 17:26 GMT``
    (re.compile(rf"Last updated: {_D_M_Y} - {_HM} GMT(?: |$)"), "GMT"),
    # BBC blogs: ``James Reynolds | 07:37 UK time, Friday, 29 May 2009``
    (re.compile(rf"\d{{1,2}}:\d{{2}} (?:UK time|[AP]M), {_DAY}, {_D_M_Y}(?: |$)"), None),
    # Reuters without the place: ``Sun May 10, 2009 4:12 pm EDT CAIRO May 10 (Reuters) - ...``
    (re.compile(rf"{WEEKDAY} {_M_D_Y} {_HM} ?[ap]m (?P<zone>[A-Z]{{2,4}}) "), "zone"),
)
# Calibration: in Timeline17 these stamps follow a title and standfirst of up to ~350 characters.
_STAMP_WINDOW = 500


@dataclass(frozen=True, slots=True)
class Stamp:
    """A site's date stamp found in a paragraph: the text before and after it, and its date."""

    before: str
    after: str
    date: DatePair


def find_stamp(paragraph: str) -> Stamp | None:
    """Find a Guardian, BBC or Washington Post date stamp near the start of ``paragraph``."""
    window = paragraph[:_STAMP_WINDOW]
    for pattern, zone_rule in _STAMPS:
        match = pattern.search(window)
        if match is None:
            continue
        day = make_date(int(match["year"]), month_number(match["month"]), int(match["day"]))
        if day is None:
            continue
        instant: datetime | None = None
        if zone_rule == "zone":
            # Reuters' ``4:12 pm EDT`` or the Guardian's ``16.36 BST``: parse_date knows both.
            parsed = parse_date(match.group().strip())
            instant = parsed[1] if parsed is not None else None
        elif zone_rule is not None:
            hour, minute = int(match["hour"]), int(match["minute"])
            if hour < 24 and minute < 60:
                instant = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
        return Stamp(
            before=paragraph[: match.start()].strip(),
            after=paragraph[match.end() :].strip(),
            date=(day, instant),
        )
    return None
