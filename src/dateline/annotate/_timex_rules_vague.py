"""Rules for sets (``every Monday``, ``annually``), year-end and year-ago adjectives, bare
plural units (``for years``) and vague references (``now``, ``recently``, ``the future``).

Registered last: at a shared start position every more specific rule has been tried first
(``the past two years`` is a duration before ``the past`` is PAST_REF).
"""

from __future__ import annotations

from dateline.annotate import _timex_lexicon as lx
from dateline.annotate._timex_calendar import Tense, fmt_quarter
from dateline.annotate._timex_grammar import Ctx, Found, Groups, rule
from dateline.annotate._timex_rules_relative import _duration_value, _quarter_context, _tense
from dateline.models import TimexType

__all__: list[str] = []

DATE, DURATION, SET = TimexType.DATE, TimexType.DURATION, TimexType.SET


@rule(
    "set_every",
    r"(?P<q>every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>\d+|"
    + lx.RX_NUM_WORD
    + r"|few)\s+)?(?:(?P<unit>"
    + lx.RX_UNIT
    + r")|(?P<wd>"
    + lx.RX_WEEKDAY
    + r")|(?P<mon>"
    + lx.RX_MONTH_NAME
    + r")|(?P<s>spring|summer|fall|autumn|winter)|(?P<pod>"
    + lx.RX_PART_OF_DAY
    + r"))",
    words={"every", "each", "per"},
)
def _set_every(g: Groups, ctx: Ctx) -> Found | None:
    if g["wd"]:
        value = f"XXXX-WXX-{lx.WEEKDAYS[(g['wd'] or '').rstrip('.').lower()]}"
    elif g["mon"]:
        value = f"XXXX-{lx.MONTHS[(g['mon'] or '').lower()]:02d}"
    elif g["s"]:
        value = f"XXXX-{lx.SEASONS[(g['s'] or '').lower()]}"
    elif g["pod"]:
        value = f"XXXX-XX-XXT{lx.PART_OF_DAY[(g['pod'] or '').lower()]}"
    else:
        unit = lx.UNIT_FORMS.get((g["unit"] or "").lower(), "day")
        raw = (g["n"] or "").lower()
        number = lx.parse_number(raw) if raw and raw != "few" else (None if raw else 1)
        if g["other"] and (g["other"] or "").lower() == "other":
            number = 2
        if (g["q"] or "").lower() == "each" and (g["unit"] or "").lower().endswith("s"):
            return None
        value = _duration_value(number, unit)
    return Found(g.start, g.end, SET, value, "set")


_ADVERB_SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "twice-yearly": "P6M",
    "year-round": "P1Y",
}


@rule(
    "set_adverb", r"(?P<w>" + lx.alternation(_ADVERB_SETS) + r")", words=lx.words_of(_ADVERB_SETS)
)
def _set_adverb(g: Groups, ctx: Ctx) -> Found | None:
    word = (g["w"] or "").lower()
    after = ctx.text[g.end : g.end + 20].lower()
    # ``quarterly dividend``, ``daily flights``: an adjective before a noun is a frequency of that
    # thing, which TimeBank leaves unannotated; adverbial ``daily`` is annotated.
    before = ctx.text[max(0, g.start - 12) : g.start].split()
    prev = before[-1] if before else ""
    following = after.split()[0] if after.strip() else ""
    if word != "daily":
        if after[:1] == " " and after[1:2].isalpha():
            return None
    elif (
        prev in ("average", "Average")
        or (prev[:1].isupper() and prev.isalpha())
        or (following.endswith("s") and following.isalpha() and following.islower())
    ):
        return None  # ``average daily volume``, ``Party daily Granma``, ``daily flights``
    return Found(g.start, g.end, SET, _ADVERB_SETS[word], "set")


@rule(
    "year_end",
    r"(?:the\s+)?(?:(?P<fiscal>fiscal)\s+)?year[\s-]end|year's\s+end"
    r"|(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+the\s+(?P<u>year|month|week"
    r"|quarter|decade|century)",
    words={"end", "beginning", "start", "middle", "close", "turn"} | lx.W_UNIT,
)
def _year_end(g: Groups, ctx: Ctx) -> Found | None:
    if ctx.dct is None:
        return None
    unit = (g["u"] or "year").lower()
    dct = ctx.dct
    if unit == "month":
        return Found(g.start, g.end, DATE, f"{dct.year:04d}-{dct.month:02d}", "month")
    if unit == "quarter":
        return Found(
            g.start, g.end, DATE, fmt_quarter(dct.year, (dct.month - 1) // 3 + 1), "quarter"
        )
    if unit in ("week", "decade", "century"):
        return None
    year = dct.year
    # A past-tense year end seen from the first months of a year is the previous one.
    if dct.month <= 3 and _tense(g, ctx) is Tense.PAST:
        year -= 1
    return Found(g.start, g.end, DATE, f"{year:04d}", "year")


@rule(
    "year_ago_adj",
    r"(?P<a>year-ago|year-earlier|year\s+earlier|prior-year|previous-year)",
    words={"year"},
)
def _year_ago_adj(g: Groups, ctx: Ctx) -> Found | None:
    if ctx.dct is None:
        return None
    text = g.text.lower()
    if " " in text:
        return None  # ``a year earlier`` is the ``ago`` rule's; this is the adjective
    quarter = _quarter_context(ctx, g.start)
    if quarter:
        return Found(g.start, g.end, DATE, fmt_quarter(quarter[0] - 1, quarter[1]), "quarter")
    return Found(g.start, g.end, DATE, f"{ctx.dct.year - 1:04d}", "year")


_BARE_UNITS = {
    "years": "Y",
    "months": "M",
    "weeks": "W",
    "days": "D",
    "decades": "E",
    "centuries": "C",
    "hours": "H",
}


@rule("bare_units", r"(?P<u>years|months|weeks|days|decades|centuries|hours)", words=lx.W_UNIT)
def _bare_units(g: Groups, ctx: Ctx) -> Found | None:
    before = ctx.text[max(0, g.start - 12) : g.start].lower().split()
    if not before or before[-1] not in ("for", "within", "after", "took", "takes", "lasted"):
        return None
    after = ctx.text[g.end : g.end + 8].lower()
    if after.lstrip().startswith(("old", "of ")):
        return None
    letter = _BARE_UNITS[(g["u"] or "").lower()]
    value = f"PTX{letter}" if letter == "H" else f"PX{letter}"
    return Found(g.start, g.end, DURATION, value, "duration")


# Left out on purpose: ``soon``, ``previously``, ``formerly``, the adjectives ``current`` and
# ``recent``, and ``once``: TimeBank annotates fewer than half of their occurrences (measured on
# TimeBank), so tagging them costs more precision than it gains recall.
_VAGUE_VALUES: dict[str, str] = {}
for _w in (
    "now",
    "right now",
    "just now",
    "currently",
    "at present",
    "presently",
    "nowadays",
    "these days",
):
    _VAGUE_VALUES[_w] = "PRESENT_REF"
for _w in (
    "recently",
    "lately",
    "more recently",
    "most recently",
    "until recently",
    "the past",
    "recent days",
    "recent weeks",
    "recent months",
    "recent years",
    "recent decades",
    "recent quarters",
    "recent times",
    "past years",
    "years past",
):
    _VAGUE_VALUES[_w] = "PAST_REF"
for _w in (
    "the future",
    "the near future",
    "the immediate future",
    "the foreseeable future",
    "the distant future",
    "the not-too-distant future",
    "future",
    "the near term",
    "the short term",
    "the long term",
    "the medium term",
    "the coming days",
    "the coming weeks",
    "the coming months",
    "the coming years",
    "the coming decades",
    "coming days",
    "coming weeks",
    "coming months",
    "coming years",
    "coming quarters",
    "future quarters",
    "future years",
    "the days ahead",
    "the weeks ahead",
    "the months ahead",
    "the years ahead",
    "a later date",
):
    _VAGUE_VALUES[_w] = "FUTURE_REF"
# Any content word of a phrase can start the scan there (``near`` in ``the near term``).
_VAGUE_TRIGGERS = lx.words_of(_VAGUE_VALUES) - {"the", "a", "in", "of", "at", "until", "more"}


@rule("vague", r"(?P<w>" + lx.alternation(_VAGUE_VALUES) + r")", words=_VAGUE_TRIGGERS)
def _vague(g: Groups, ctx: Ctx) -> Found | None:
    word = " ".join((g["w"] or "").lower().split())
    text = ctx.text
    before = text[max(0, g.start - 12) : g.start].lower()
    after = text[g.end : g.end + 12].lower()
    if word == "future" and not before.endswith("in "):
        return None  # only ``in future``: the adjective (``future earnings``) is not a time
    # Sentence-initial discourse ``Now, ...`` is a connective, not a time.
    if (
        word == "now"
        and after[:1] == ","
        and (not before.strip() or before.rstrip()[-1:] in ".\"'”")
    ):
        return None
    return Found(g.start, g.end, DATE, _VAGUE_VALUES[word], "ref")
