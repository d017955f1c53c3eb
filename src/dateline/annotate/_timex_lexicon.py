"""Word lists and regex fragments for the time-expression rules (HeidelTime-style resources).

Each table maps a lower-cased surface form to its normalized meaning; the ``RX_*`` strings are
alternations built from those tables (longest first, so the regex engine tries ``September``
before ``Sept``). Month and weekday names are matched case-sensitively (capitalized or all
capitals) because ``may``, ``march``, ``sun`` and ``wed`` are ordinary words in lower case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "DECADE_WORDS",
    "HOLIDAYS",
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINALS",
    "PART_OF_DAY",
    "SEASONS",
    "UNITS",
    "WEEKDAYS",
    "alternation",
    "parse_number",
    "parse_ordinal",
    "spoken_year",
]


def alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, longest first, regex-escaped."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        ("January", "Jan"),
        ("February", "Feb", "Febr"),
        ("March", "Mar"),
        ("April", "Apr"),
        ("May",),
        ("June", "Jun"),
        ("July", "Jul"),
        ("August", "Aug"),
        ("September", "Sept", "Sep"),
        ("October", "Oct"),
        ("November", "Nov"),
        ("December", "Dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name.lower()] = _num

# Capitalized and all-capitals spellings; an abbreviation may carry a period (``Oct.``).
_MONTH_FORMS = [n.capitalize() for n in MONTHS] + [n.upper() for n in MONTHS if len(n) > 3]
_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august"}
_FULL_MONTHS |= {"september", "october", "november", "december"}
RX_MONTH = (
    "(?-i:"
    + alternation(f for f in _MONTH_FORMS if f.lower() in _FULL_MONTHS)
    + "|"
    + alternation(f for f in _MONTH_FORMS if f.lower() not in _FULL_MONTHS)
    + r"\.?)"
)
# A month on its own (``in March``): written out, or an abbreviation with its period (``Jan``
# without one is a first name).
RX_MONTH_ALONE = (
    "(?-i:"
    + alternation(f for f in _MONTH_FORMS if f.lower() in _FULL_MONTHS)
    + "|"
    + alternation(f for f in _MONTH_FORMS if f.lower() not in _FULL_MONTHS)
    + r"\.)"
)
# A month name that is never an ordinary word: safe to tag on its own.
RX_MONTH_NAME = "(?-i:" + alternation(f for f in _MONTH_FORMS if f.lower() in _FULL_MONTHS) + ")"

WEEKDAYS: dict[str, int] = {}  # ISO numbering: Monday = 1
for _num, _names in enumerate(
    (
        ("Monday", "Mon"),
        ("Tuesday", "Tue", "Tues"),
        ("Wednesday", "Wed"),
        ("Thursday", "Thu", "Thur", "Thurs"),
        ("Friday", "Fri"),
        ("Saturday", "Sat"),
        ("Sunday", "Sun"),
    ),
    start=1,
):
    for _name in _names:
        WEEKDAYS[_name.lower()] = _num
_WEEKDAY_FULL = [n.capitalize() for n in WEEKDAYS if n.endswith("day")]
# Abbreviated weekdays only with their period (``Sun`` is a newspaper, ``Wed`` a verb).
RX_WEEKDAY = (
    "(?-i:"
    + alternation(_WEEKDAY_FULL + [n.upper() for n in WEEKDAYS if n.endswith("day")])
    + "|"
    + alternation(n.capitalize() for n in WEEKDAYS if not n.endswith("day"))
    + r"\.)"
)
RX_WEEKDAYS_PLURAL = "(?-i:" + alternation(n + "s" for n in _WEEKDAY_FULL) + ")"

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
_TEENS += ["eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
NUMBER_WORDS.update({w: 10 + i for i, w in enumerate(_TEENS)})
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(_TENS) if w})
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "single": 1, "half a": 0, "a dozen": 12})
NUMBER_WORDS.update({"dozen": 12, "a hundred": 100, "one hundred": 100, "hundred": 100})
NUMBER_WORDS.update({"a thousand": 1000, "one thousand": 1000, "two thousand": 2000})
NUMBER_WORDS.update({"a couple of": 2, "a couple": 2, "couple of": 2})

# Vague quantities: TimeML writes the number as ``X`` (``several weeks`` → ``PXW``).
VAGUE_NUMBERS = (
    "a few",
    "few",
    "several",
    "some",
    "many",
    "a number of",
    "numerous",
    "dozens of",
    "hundreds of",
    "a series of",
)

_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
_ORDINAL_WORDS += ["ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"]
_ORDINAL_WORDS += ["fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_WORDS, start=1)}
ORDINALS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "last": -1})
for _i, _w in enumerate(_ORDINAL_WORDS[:9], start=1):
    ORDINALS[f"twenty-{_w}"] = 20 + _i
    ORDINALS[f"twenty {_w}"] = 20 + _i

RX_ORDINAL_WORD = alternation(k for k in ORDINALS if k != "last")
RX_DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,]\d)"

_NUM_WORD_SIMPLE = alternation(_ONES[1:] + _TEENS + [t for t in _TENS if t])
RX_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    + alternation(_ONES[1:])
    + "|"
    + _NUM_WORD_SIMPLE
    + r"(?:\s+hundred)?)"
)
RX_NUMBER = (
    r"(?:\d+(?:\.\d+)?(?:\s+1/2|\s+and\s+(?:a\s+)?half)?|"
    + RX_NUM_WORD
    + r"(?:\s+and\s+(?:a\s+)?half)?|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen"
    + r"|a\s+hundred|a\s+thousand|hundreds\s+of|dozens\s+of|thousands\s+of"
    + r"|a\s+few|a\s+number\s+of|several|some|few|many|numerous|a|an|one|single|half\s+a)"
)

# Unit words → TimeML duration letter and the number of units it stands for.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1),
    "minute": ("M", 1),
    "hour": ("H", 1),
    "day": ("D", 1),
    "night": ("D", 1),
    "week": ("W", 1),
    "weekend": ("D", 2),
    "fortnight": ("W", 2),
    "month": ("M", 1),
    "quarter": ("Q", 1),
    "year": ("Y", 1),
    "decade": ("E", 1),
    "century": ("C", 1),
    "millennium": ("L", 1),
}
_UNIT_PLURALS = {"century": "centuries", "millennium": "millennia"}
UNIT_FORMS: dict[str, str] = {}
for _u in UNITS:
    UNIT_FORMS[_u] = _u
    UNIT_FORMS[_UNIT_PLURALS.get(_u, _u + "s")] = _u
UNIT_FORMS["millenniums"] = "millennium"
UNIT_FORMS["trading day"] = "day"
UNIT_FORMS["trading days"] = "day"
UNIT_FORMS["business day"] = "day"
UNIT_FORMS["business days"] = "day"
UNIT_FORMS["working days"] = "day"
RX_UNIT = alternation(UNIT_FORMS)
RX_UNIT_SINGULAR = alternation(u for u in UNITS if u != "night")

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
# Month in which each season starts (northern hemisphere), to decide which one is "last".
SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PART_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "mid-afternoon": "AF",
    "midafternoon": "AF",
    "mid afternoon": "AF",
    "mid-morning": "MO",
    "midmorning": "MO",
}
RX_PART_OF_DAY = alternation(PART_OF_DAY)

# Fixed-date holidays (month, day) and the rule-based ones computed in the resolver.
HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "boxing day": (12, 26),
    "bastille day": (7, 14),
    "thanksgiving": "thanksgiving",
    "thanksgiving day": "thanksgiving",
    "election day": "election",
    "labor day": "labor",
    "memorial day": "memorial",
    "easter": "easter",
    "easter sunday": "easter",
    "good friday": "good_friday",
}
RX_HOLIDAY = "(?i:" + alternation(HOLIDAYS) + ")"

DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
RX_DECADE_WORD = alternation(DECADE_WORDS)

# ``nineteen ninety-seven``, ``two thousand``, ``the year two thousand`` (broadcast transcripts).
RX_SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen|twenty)\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|oh[- ](?:one|two|three"
    r"|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten))?)"
)


def parse_number(text: str) -> int | float | None:
    """``two`` → 2, ``2 1/2`` → 2.5, ``twenty-five`` → 25; ``None`` for vague quantities."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    half = 0.0
    for tail in (" 1/2", " and a half", " and half"):
        if t.endswith(tail):
            t = t[: -len(tail)]
            half = 0.5
    if re.fullmatch(r"\d+", t):
        return int(t) + half if half else int(t)
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t) + half
    words = t.split()
    total = 0
    for w in words:
        if w == "hundred":
            total = max(total, 1) * 100
        elif w in NUMBER_WORDS:
            total += NUMBER_WORDS[w]
        else:
            return None
    return total + half if half else total


def parse_ordinal(text: str) -> int | None:
    """``third`` → 3, ``21st`` → 21."""
    t = text.lower().strip()
    if t in ORDINALS:
        return ORDINALS[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    return int(m.group(1)) if m else None


def spoken_year(text: str) -> int | None:
    """``nineteen ninety-seven`` → 1997, ``two thousand and one`` → 2001."""
    t = text.lower().replace("-", " ").split()
    if len(t) >= 2 and t[0] == "two" and t[1] == "thousand":
        rest = [w for w in t[2:] if w != "and"]
        return 2000 + (NUMBER_WORDS.get(rest[0], 0) if rest else 0)
    if len(t) < 2 or t[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    century = NUMBER_WORDS[t[0]] * 100
    rest = t[1:]
    if rest[0] == "oh":
        rest = rest[1:]
    value = 0
    for w in rest:
        if w not in NUMBER_WORDS:
            return None
        value += NUMBER_WORDS[w]
    return century + value


# --- trigger words: every match of a rule contains one of its triggers (see _timex_grammar) ---


def words_of(phrases: Iterable[str]) -> frozenset[str]:
    """Lower-case alphabetic words of ``phrases`` (``new year's day`` → new, year, s, day)."""
    return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", p.lower()))


W_MONTH = frozenset(MONTHS)
W_WEEKDAY = frozenset(WEEKDAYS) | frozenset(n + "s" for n in WEEKDAYS if n.endswith("day"))
W_DAYWORD = frozenset({"today", "tonight", "yesterday", "tomorrow"})
W_POD = words_of(PART_OF_DAY) | {"noon", "midnight", "midday"}
W_UNIT = frozenset(f.split()[-1] for f in UNIT_FORMS)
W_SEASON = frozenset(SEASONS)
W_HOLIDAY = frozenset(
    "christmas year independence july halloween valentine veterans boxing bastille thanksgiving"
    " election labor memorial easter friday".split()
)
W_DECADE = frozenset(DECADE_WORDS)
W_SPOKEN_YEAR = frozenset({"nineteen", "eighteen", "twenty", "thousand"})

# Words that may open an expression before its trigger (``the past two years``, ``more than
# four decades ago``, ``early next week``): scanning starts from the farthest of them.
PREFIX_WORDS = (
    words_of(NUMBER_WORDS)
    | words_of(VAGUE_NUMBERS)
    | words_of(ORDINALS)
    | frozenset(
        "the a an this that these those its his her their last next past previous prior coming"
        " following early late mid earlier later nearly almost more than less fewer at least most"
        " up to no roughly approximately some barely well over just under around about shortly"
        " before after another additional extra further final remaining latest initial ensuing"
        " preceding same full entire whole other couple of dozen dozens hundreds thousands half"
        " fiscal calendar current comparable corresponding recent end beginning start middle rest"
        " remainder balance close every each per upcoming traditionally seasonally ended trading"
        " business financial school academic model right in on year ago earlier".split()
    )
)
