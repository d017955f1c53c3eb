# ruff: noqa: RUF001 - typographic apostrophes and dashes are part of the patterns
"""Text-level scan for the figures annotator: find numbers, read their value, qualifier, range,
scale, currency and unit, and drop the ones that are dates, times, addresses, phone numbers or
parts of names.

It works on ``doc.text`` with precompiled regular expressions and never touches a token: the
parse is consulted later (``figures.py``) only for the few spans that survive, which keeps the
component's cost far below the parser's.

Speed note: ``re`` skips ahead quickly only when every alternative of a pattern starts with a
literal or a character class. A leading ``\\b`` or look-behind makes it try the whole pattern at
each position (three to ten times slower), so boundaries are checked after the first character
(``[0-9](?<!...[0-9])``) or in Python, and number words are matched case-sensitively in their
lower-case and capitalized forms instead of with ``re.IGNORECASE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.annotate._figure_lexicon import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    NUMBER_WORDS,
    PERSON_NOUNS,
    PLURAL_SCALES,
    QUALIFIERS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TIME_UNITS,
    UNIT_WORDS,
    Bound,
    parse_digits,
    parse_number_words,
    words,
)

__all__ = ["Candidate", "scan"]


@dataclass(slots=True)
class Candidate:
    """A number found in the text, before the parse adds its subject, date and quote.

    ``start``/``end`` delimit the whole figure (qualifier to unit); ``core_start``/``core_end``
    the number itself, whose tokens the parse is asked about.
    """

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    kind: str  # count, money, percent, age, fraction, person
    spelled: bool  # written in words (``two``), whose tokens need a part-of-speech check
    subject: str | None = None


@dataclass(slots=True)
class _Quantity:
    """One amount as matched, before ranges, qualifiers and units."""

    start: int
    end: int
    value: float
    currency: str | None
    kind: str
    spelled: bool
    scale: float | None  # a scale word or suffix (``million``, ``bn``) it carries
    vague: bool = False  # ``dozens``, ``hundreds of``: at least that many


def _title(alternatives: str) -> str:
    return "|".join(w[:1].upper() + w[1:] for w in alternatives.split("|"))


_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_NW = "|".join(sorted(NUMBER_WORDS | {"dozen"}, key=len, reverse=True))
_NW_ANY = f"{_NW}|{_title(_NW)}"
_SMALL = "a|one|two|three|four|five|six|seven|eight|nine"
_FRACTION_WORDS = "halves|half|thirds?|quarters?|fourths?|fifths?|tenths?"
_PLURALS = "dozens|scores|hundreds|thousands|millions|billions"
_SCALE_NAMES = "hundred|thousand|million|billion|trillion"
_SUFFIX = "|".join(sorted(SCALE_SUFFIXES, key=len, reverse=True))

# Digits: the first character is a digit and the left boundary is checked after it, so the
# regex engine can skip ahead (a letter, ``.``, ``,``, ``/`` or ``:`` before it means a code,
# a decimal part, a date or a clock time: ``COVID19``, ``192.168``, ``10/25``, ``7:45``).
_DIGIT_RX = re.compile(
    r"[0-9](?<![\w.,/:'’][0-9])(?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?"
    rf"(?:(?P<suf>{_SUFFIX}|{_SUFFIX.upper()})\b|(?P<scale> (?:{_SCALE_NAMES}))\b|(?![\w]))"
)
# Spelled numbers (``two``, ``twenty-five``, ``one hundred and six``), lower-case or capitalized.
_WORD_RX = re.compile(
    rf"\b(?:{_NW_ANY})(?:(?:-| )(?:{_NW})|(?:(?<=hundred)|(?<=thousand)|(?<=million))"
    rf" and (?:{_NW}))*\b"
)
# Fractions, vague plurals and ``couple``, found by their last word; what comes before
# (``three-``, ``tens of``, ``a``) is read by looking back from it.
_TAIL_RX = re.compile(
    rf"(?P<frac>{_FRACTION_WORDS})\b"
    rf"|(?P<plural>{_PLURALS}|{_title(_PLURALS)})"
    r"(?: of (?P<of>thousands|millions))?(?= of\b| [a-z])"
    r"|(?P<couple>couple)(?= of\b)"
)
_FRACTION_BEFORE_RX = re.compile(rf"\b(?:{_SMALL}|{_title(_SMALL)})[ -]$")
_HALF_RX = re.compile(r" a (?:million|billion|dozen)\b")
_ARTICLE_BEFORE_RX = re.compile(r"\b(?:[Aa]n?) $")
_SLASH_FRACTION_RX = re.compile(r"/([1-9][0-9]?)(?![0-9/])")
_CURRENCY_BEFORE_RX = re.compile(r"(?:US\$|[A-Z]{1,2}\$|[$£€¥₹]|USD|GBP|EUR|Rs\.?) ?$")
_QUALIFIER_RX = re.compile(
    r"(?:(?<=\W)|^)(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r"|between|from) +$",
    re.IGNORECASE,
)
_RANGE_JOIN_RX = re.compile(r" ?(?:-|–|—) ?| to | and | or ")
_DASHES = frozenset({"-", "–", "—"})
_PERCENT_RX = re.compile(r" ?%| percent(?:age points?)?\b| per ?cent\b| pct\b")
_CHANGE_RX = re.compile(
    r"\b(?:rose|risen|rising|fell|fallen|falling|grew|grown|increased?|increasing|decreased?|"
    r"dropped|jumped|climbed|soared|plunged|declined|went|cut|raised|lowered|reduced)"
    r" (?:\w+ )?from $",
    re.IGNORECASE,
)
_OR_MORE_RX = re.compile(r"(?: or more|-plus| plus| or so)\b")
_NEXT_WORD_RX = re.compile(r"[ -]([A-Za-z][\w.'’]*)")
_PREV_WORD_RX = re.compile(r"([A-Za-z][\w.'’]*)[ ]?[,]? *$")
_AGE_RX = re.compile(
    r"-(?:year|yr|month|week|day)s?-old\b| (?:years?|months?|weeks?|days?) old\b"
    r"| (?:years?|months?|weeks?) of age\b| yo\b"
)
_AGE_UNITS = {"yo": "years", "yr": "years"}
_AGE_BEFORE_RX = re.compile(r"\b(?:aged?|ages) $", re.IGNORECASE)

# Spans whose digits are never figures: clock times, calendar dates, phone numbers, streets.
# Every alternative starts with a digit or a literal (see the speed note).
_EXCLUDE_RX = re.compile(
    r"[0-9]{1,2}(?::[0-9]{2})? ?(?:[ap]\.? ?m\b\.?|o'clock|(?:GMT|[ECMP][SD]?T|BST)\b)"
    r"|[0-9]{1,2}:[0-9]{2}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTHS}(?: [0-9]{{4}})?\b"
    r"|[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{2,4}\b"
    r"|(?:1[ .-])?\(?[0-9]{3}\)?[ .-][0-9]{3}[ .-][0-9]{4}\b"
    r"|[0-9]{3}-[0-9]{3}-[A-Z]{4}\b|[0-9]{3}-[0-9A-Z]{4}\b|\([0-9]{4}\)"
    r"|911\b"
    r"|[0-9]+ (?:block|blk)s?\b"
    r"|[0-9]+ (?:[NSEW]\.? |North |South |East |West |[NS][EW] )?(?:[A-Z0-9][\w'.]* ){0,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|"
    r"Parkway|Pkwy|Highway|Hwy|Circle|Cir|Terrace|Trail|Pike|Square|Plaza|Loop|Freeway)\b"
    r"|#[0-9]+"
)
# Words right before a number that make it a date or a name: ``Oct. 25``, ``Flight 370``.
_EXCLUDE_BEFORE_RX = re.compile(
    rf"(?:\b{_MONTHS}|\b(?:No|Nos|Apt|Ste|Rte|Hwy|Exit|Suite|Room|Unit|Flight|Route|Highway|"
    r"Interstate|Channel|Precinct|Ward|District|Section|Chapter|Proposition|Prop|Article|"
    r"Title|Level|Category|Grade|Phase|Model|Version)\.?) ?#?$"
)
_YEAR_RX = re.compile(r"(?:1[89]|20)[0-9]{2}")
_YEAR_PREPS = words(
    """in since of by during until till from through before after early late mid the
    between and to around circa fall spring summer winter year fiscal 's"""
)
# Words before ``one`` that make it a pronoun (``no one``, ``the one who``).
_NOT_COUNT_BEFORE = words("no any every each this that the which someone anyone everyone")
_SENTENCE_START_RX = re.compile(r"(?:^|[.!?:;\"“”\n(—–-])\s*$")
# Title-case headlines put a capitalized word before a count (``Shooting Leaves 2 Dead``):
# these words after the number mean it is a count, not a name like ``Boeing 737``.
_COUNT_AFTER = words("dead killed hurt injured wounded shot die died slain") | PERSON_NOUNS


def _digits(text: str, match: re.Match[str]) -> _Quantity | None:
    start, end = match.span()
    if start >= 2 and text[start - 1] == "-" and not text[start - 2].isdigit():
        return None  # ``COVID-19``, ``F-16``, ``I-95``: part of a name
    sign = _CURRENCY_BEFORE_RX.search(text, max(0, start - 5), start)
    currency = None
    if sign is not None:
        symbol = sign.group().strip()
        currency = CURRENCY_SIGNS.get(symbol, "USD" if symbol.endswith("$") else None)
        start = sign.start()
    raw = match.group()
    suffix, scale_word = match.group("suf"), match.group("scale")
    number = raw
    scale: float | None = None
    if suffix:
        # A bare lower-case ``m``/``b`` glued to a number is a scale only for money: ``5m``
        # alone is more often metres; ``10k``, ``10M`` and ``3bn`` are scales anyway.
        if currency is None and suffix in {"m", "b"}:
            return None
        scale = SCALE_SUFFIXES[suffix.lower()]
        number = raw[: -len(suffix)]
    elif scale_word:
        scale = SCALE_WORDS[scale_word.strip()]
        number = raw[: -len(scale_word)]
    value = parse_digits(number)
    if value is None:
        return None
    kind = "money" if currency else "count"
    fraction = _SLASH_FRACTION_RX.match(text, end) if scale is None else None
    if fraction is not None and 0 < value < float(fraction.group(1)):
        # ``3/4``; ``24/7`` is a phrase and ``10/25/2018`` a date (excluded below)
        value, end, kind = value / float(fraction.group(1)), fraction.end(), "fraction"
    return _Quantity(start, end, value * (scale or 1), currency, kind, False, scale)


def _spelled(text: str, match: re.Match[str]) -> _Quantity | None:
    """``two``, ``a dozen``, ``one hundred and six``."""
    start, end = match.span()
    value = parse_number_words(match.group())
    if value is None:
        return None
    article = _ARTICLE_BEFORE_RX.search(text, max(0, start - 3), start)
    if article is not None and match.group().lower() in {"dozen", *SCALE_WORDS}:
        start = article.start()  # ``a dozen``, ``a hundred``
    return _Quantity(start, end, value, None, "count", True, None)


def _tail(text: str, match: re.Match[str]) -> _Quantity | None:
    """``three-quarters``, ``a third``, ``half a million``, ``dozens``, ``tens of thousands``,
    ``hundreds of thousands``, ``a couple of``."""
    start, end = match.span()
    word = match.group().lower()
    if match.group("frac") is not None:
        if word == "half":
            half = _HALF_RX.match(text, end)
            if half is not None:  # ``half a million``
                value = parse_number_words("half" + half.group())
                return _Quantity(start, half.end(), value or 0.0, None, "count", True, None)
        before = _FRACTION_BEFORE_RX.search(text, max(0, start - 6), start)
        if before is None:
            return None
        value = parse_number_words(text[before.start() : end])
        if value is None:
            return None
        return _Quantity(before.start(), end, value, None, "fraction", True, None)
    if match.group("couple") is not None:
        article = _ARTICLE_BEFORE_RX.search(text, max(0, start - 3), start)
        if article is None:
            return None
        return _Quantity(article.start(), end, 2.0, None, "count", True, None)
    head = word.split()[0]
    value = PLURAL_SCALES[head]
    if match.group("of"):
        value = value * PLURAL_SCALES[match.group("of")] / 2  # ``hundreds of thousands``
    if text[max(0, start - 8) : start].lower() == "tens of ":
        start, value = start - 8, 10 * PLURAL_SCALES[head]
    return _Quantity(start, end, value, None, "count", True, None, vague=True)


def _quantities(text: str) -> list[_Quantity]:
    found = [q for m in _DIGIT_RX.finditer(text) if (q := _digits(text, m)) is not None]
    found += [q for m in _WORD_RX.finditer(text) if (q := _spelled(text, m)) is not None]
    found += [q for m in _TAIL_RX.finditer(text) if (q := _tail(text, m)) is not None]
    # Longest first at each start, then drop what a longer quantity covers (``one`` inside
    # ``one-third``, ``dozen`` inside ``a dozen``).
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[_Quantity] = []
    for quantity in found:
        if out and quantity.start < out[-1].end:
            continue
        out.append(quantity)
    return out


def _excluded(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of a time, date, phone number, address or name code?"""
    # Searched in a window around each number: much cheaper than scanning the whole text.
    for match in _EXCLUDE_RX.finditer(text, max(0, start - 16), min(len(text), end + 48)):
        if match.start() < end and start < match.end():
            return True
    return _EXCLUDE_BEFORE_RX.search(text, max(0, start - 14), start) is not None


def _is_name_part(text: str, start: int, end: int, *, spelled: bool) -> bool:
    """A number glued to a capitalized word mid-sentence is part of a name: ``Boeing 737``,
    ``Air Force One``, ``Apollo 11``; a spelled number with a capital mid-sentence too."""
    before = text[max(0, start - 30) : start]
    prev = _PREV_WORD_RX.search(before)
    spelled_capital = spelled and text[start].isupper()
    if prev is None or before.endswith((", ", ",")):
        return spelled_capital and not _SENTENCE_START_RX.search(before)
    word = prev.group(1)
    if not word[0].isupper() or _SENTENCE_START_RX.search(before[: prev.start()]):
        return spelled_capital and not _SENTENCE_START_RX.search(before)
    if word.lower() in QUALIFIERS or word.lower() in {"between", "from", "and", "or", "to"}:
        return False
    after = _NEXT_WORD_RX.match(text, end)
    return after is None or after.group(1).lower() not in _COUNT_AFTER


def _is_year(text: str, quantity: _Quantity) -> bool:
    """``2017`` is a year unless it counts a plural noun (``2000 people``) without a
    preposition before it (``in 2017 asylum claims rose``)."""
    raw = text[quantity.start : quantity.end]
    if not _YEAR_RX.fullmatch(raw):
        return False
    prev = _PREV_WORD_RX.search(text, max(0, quantity.start - 20), quantity.start)
    if prev is not None and prev.group(1).lower() in _YEAR_PREPS:
        return True
    after = _NEXT_WORD_RX.match(text, quantity.end)
    return after is None or not (
        after.group(1).islower()
        and (after.group(1).endswith("s") or after.group(1).lower() in PERSON_NOUNS)
    )


def _next_word(text: str, end: int) -> str | None:
    after = _NEXT_WORD_RX.match(text, end)
    return after.group(1).lower() if after else None


def _range(text: str, first: _Quantity, second: _Quantity) -> tuple[float, float] | None:
    """``(low, high)`` when two quantities form a range (``10-20``, ``10 to 20``, ``between
    10 and 20``, ``two or three``, ``1.2 to 1.5 million``); ``(nan, nan)`` for a score
    (``3-1``); ``None`` when they are two figures."""
    join = text[first.end : second.start]
    if _RANGE_JOIN_RX.fullmatch(join) is None or first.spelled != second.spelled:
        return None
    word = join.strip()
    if word == "and" and not text[max(0, first.start - 8) : first.start].endswith("between "):
        return None
    if word == "to" and _CHANGE_RX.search(text, max(0, first.start - 30), first.start):
        return None  # ``rose from 5 to 10``: two figures, a change
    low = first.value
    if second.scale and not first.scale and first.value < 1000:
        low = first.value * second.scale  # ``1.2 to 1.5 million``, ``$10-20bn``
    if low >= second.value:
        return (float("nan"), float("nan")) if word in _DASHES else None
    return low, second.value


def scan(text: str) -> list[Candidate]:
    """Every figure-like number in ``text`` with its qualifier, range, scale and unit, minus
    the ones that are dates, times, years, ordinals, addresses, phone numbers or names."""
    quantities = _quantities(text)
    out: list[Candidate] = []
    index = 0
    while index < len(quantities):
        first = quantities[index]
        index += 1
        low: float | None = None
        high, end, currency = first.value, first.end, first.currency
        if index < len(quantities):
            pair = _range(text, first, quantities[index])
            if pair is not None:
                second = quantities[index]
                index += 1
                if pair[0] != pair[0]:  # NaN: a score or a vote, not a figure
                    continue
                low, high = pair
                end, currency = second.end, currency or second.currency
        if _excluded(text, first.start, end) or _is_name_part(
            text, first.start, end, spelled=first.spelled
        ):
            continue
        if low is None and not first.spelled and _is_year(text, first):
            continue
        if low is not None and _YEAR_RX.fullmatch(text[first.start : first.end]):
            continue  # ``2010-2012``
        if first.spelled and text[first.start : first.end].lower() in {"one", "a couple"}:
            before = text[max(0, first.start - 12) : first.start].lower().split()
            if (before and before[-1] in _NOT_COUNT_BEFORE) or _next_word(text, end) == "another":
                continue
        kind = "money" if currency else first.kind
        candidate = _finish(text, (first.start, end), (low, high), currency, kind)
        if candidate is not None:
            candidate.spelled = first.spelled
            if first.vague and candidate.qualifier is None:
                candidate.low, candidate.high = candidate.value, None  # ``dozens``: at least
            out.append(candidate)
    return out


def _unit(text: str, start: int, end: int, kind: str) -> tuple[str | None, str, int, int] | None:
    """Unit, kind and span after a quantity's age, percent, currency or unit word; None for
    a duration (``three days``, the times annotator's business)."""
    next_word = _next_word(text, end)
    age = _AGE_RX.match(text, end)
    if age is not None:
        word = age.group().strip(" -").split("-")[0].split()[0].lower().rstrip("s")
        return _AGE_UNITS.get(word, word + "s"), "age", start, age.end()
    age_before = _AGE_BEFORE_RX.search(text, max(0, start - 6), start)
    if age_before is not None:
        return "years", "age", age_before.start(), end
    if next_word in TIME_UNITS:
        return None
    percent = _PERCENT_RX.match(text, end)
    if percent is not None:
        return "percent", "percent", start, percent.end()
    if next_word is not None and (next_word in CURRENCY_WORDS or next_word in UNIT_WORDS):
        word_match = _NEXT_WORD_RX.match(text, end)
        word_end = word_match.end() if word_match is not None else end
        if next_word in CURRENCY_WORDS:
            return CURRENCY_WORDS[next_word], "money", start, word_end
        return next_word, kind, start, word_end
    return "", kind, start, end


def _finish(
    text: str,
    span: tuple[int, int],
    amount: tuple[float | None, float],
    currency: str | None,
    kind: str,
) -> Candidate | None:
    """Add unit, age and qualifier to an amount ``(low or None, value)``, or reject it."""
    low, high = amount
    start, end = core_start, core_end = span
    found = _unit(text, start, end, kind)
    if found is None:
        return None
    unit, kind, start, end = found
    unit = currency or unit or None
    if kind == "age" and (low is not None or high >= 130):
        kind = "count"
    qualifier: str | None = None
    bound: Bound | None = None
    q = _QUALIFIER_RX.search(text, max(0, start - 24), start)
    if q is not None:
        phrase = q.group("q").lower()
        if phrase not in {"between", "from"}:
            qualifier, bound = phrase, QUALIFIERS[phrase]
            start = q.start()
        elif low is not None:
            start = q.start()
    more = _OR_MORE_RX.match(text, end)
    if more is not None and qualifier is None and kind == "count":
        qualifier = more.group().strip(" -")
        bound = Bound.APPROX if qualifier == "or so" else Bound.LOWER
        end = more.end()
    value, low_out, high_out = _bounds(low, high, bound)
    return Candidate(
        start=start,
        end=end,
        core_start=core_start,
        core_end=core_end,
        value=value,
        low=low_out,
        high=high_out,
        qualifier=qualifier,
        unit=unit,
        kind=kind,
        spelled=False,
    )


def _bounds(
    low: float | None, high: float, bound: Bound | None
) -> tuple[float, float | None, float | None]:
    """``(value, low, high)``: a range keeps both ends and its midpoint; an exact figure is
    its own bounds; a qualifier keeps only the side it states, an approximation neither."""
    if low is not None:
        lo: float | None = low
        hi: float | None = high
        if bound is Bound.LOWER:
            hi = None
        elif bound is Bound.UPPER:
            lo = None
        return (low + high) / 2, lo, hi
    if bound is Bound.LOWER:
        return high, high, None
    if bound is Bound.UPPER:
        return high, None, high
    if bound is Bound.APPROX:
        return high, None, None
    return high, high, high
