"""Figures annotator: rule families on hand-built Docs, the seeds, the Recognizers-Text specs.

Parse-dependent tests build their ``Doc`` by hand from a table (``text tag pos dep head lemma``
per token, copied from en_core_web_sm's analysis) so they run without loading a model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.annotate.figures import FigureExtractor, casualties, extract_figures
from dateline.models import Figure, Provenance, Quote, RawDocument, TimeExpression, TimexType
from dateline.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SPECS = ROOT.parent / "shared" / "eval" / "recognizers_text_specs_en"
_TOKENIZER = spacy.blank("en")


def tokenized(text: str) -> Doc:
    """A Doc with tokens only (no tags, parse or sentences): the text-level rules."""
    return _TOKENIZER.make_doc(text)


def figures_in(text: str) -> list[Figure]:
    figures = extract_figures(tokenized(text))
    assert all(text[f.start : f.end] == f.text for f in figures)
    return figures


def figure(text: str, span: str) -> Figure:
    found = [f for f in figures_in(text) if f.text == span]
    assert found, f"{span!r} not among {[f.text for f in figures_in(text)]}"
    return found[0]


def build(name: str) -> Doc:
    """The hand-built parsed Doc ``PARSED[name]``."""
    text, table = PARSED[name]
    rows = [line.split() for line in table.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = []
    cursor = 0
    for word in words:
        cursor = text.index(word, cursor) + len(word)
        spaces.append(text[cursor : cursor + 1] == " ")
    doc = Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] for r in rows],
    )
    assert doc.text == text
    return doc


PARSED: dict[str, tuple[str, str]] = {
    "troops": (
        "The administration plans to dispatch at least 800 active duty troops to the border.",
        """
        The DT DET det 1 the
        administration NN NOUN nsubj 2 administration
        plans VBZ VERB ROOT 2 plan
        to TO PART aux 4 to
        dispatch VB VERB xcomp 2 dispatch
        at RB ADV advmod 6 at
        least RBS ADV advmod 7 least
        800 CD NUM nummod 10 800
        active JJ ADJ amod 10 active
        duty NN NOUN compound 10 duty
        troops NNS NOUN dobj 4 troop
        to IN ADP prep 4 to
        the DT DET det 13 the
        border NN NOUN pobj 11 border
        . . PUNCT punct 2 .
        """,
    ),
    "asylum": (
        "The U.S. had 331,700 asylum claims in 2017, more than any country.",
        """
        The DT DET det 1 the
        U.S. NNP PROPN nsubj 2 U.S.
        had VBD VERB ROOT 2 have
        331,700 CD NUM nummod 5 331,700
        asylum NN NOUN compound 5 asylum
        claims NNS NOUN dobj 2 claim
        in IN ADP prep 2 in
        2017 CD NUM pobj 6 2017
        , , PUNCT punct 2 ,
        more JJR ADJ advmod 2 more
        than IN ADP prep 9 than
        any DT DET det 12 any
        country NN NOUN pobj 10 country
        . . PUNCT punct 2 .
        """,
    ),
    "age_apposition": (
        "Candy Guillermo, a 37-year-old migrant in the caravan, was surprised.",
        """
        Candy NNP PROPN compound 1 Candy
        Guillermo NNP PROPN nsubj 14 Guillermo
        , , PUNCT punct 1 ,
        a DT DET det 9 a
        37 CD NUM nummod 6 37
        - HYPH PUNCT punct 6 -
        year NN NOUN npadvmod 8 year
        - HYPH PUNCT punct 8 -
        old JJ ADJ amod 9 old
        migrant NN NOUN appos 1 migrant
        in IN ADP prep 9 in
        the DT DET det 12 the
        caravan NN NOUN pobj 10 caravan
        , , PUNCT punct 1 ,
        was VBD AUX ROOT 14 be
        surprised JJ ADJ acomp 14 surprised
        . . PUNCT punct 14 .
        """,
    ),
    "age_commas": (
        "John Barra, 51, of Miami was arrested.",
        """
        John NNP PROPN compound 1 John
        Barra NNP PROPN nsubjpass 8 Barra
        , , PUNCT punct 1 ,
        51 CD NUM appos 1 51
        , , PUNCT punct 1 ,
        of IN ADP prep 1 of
        Miami NNP PROPN pobj 5 Miami
        was VBD AUX auxpass 8 be
        arrested VBN VERB ROOT 8 arrest
        . . PUNCT punct 8 .
        """,
    ),
    "miles": (
        "The caravan is still more than 1,000 miles from the border.",
        """
        The DT DET det 1 the
        caravan NN NOUN nsubj 2 caravan
        is VBZ AUX ROOT 2 be
        still RB ADV advmod 2 still
        more JJR ADJ amod 6 more
        than IN ADP quantmod 6 than
        1,000 CD NUM nummod 7 1,000
        miles NNS NOUN npadvmod 8 mile
        from IN ADP prep 2 from
        the DT DET det 10 the
        border NN NOUN pobj 8 border
        . . PUNCT punct 2 .
        """,
    ),
    "killed_and_injured": (
        "Two men were killed and a woman was injured in the shooting.",
        """
        Two CD NUM nummod 1 two
        men NNS NOUN nsubjpass 3 man
        were VBD AUX auxpass 3 be
        killed VBN VERB ROOT 3 kill
        and CC CCONJ cc 3 and
        a DT DET det 6 a
        woman NN NOUN nsubjpass 8 woman
        was VBD AUX auxpass 8 be
        injured VBN VERB conj 3 injure
        in IN ADP prep 8 in
        the DT DET det 11 the
        shooting NN NOUN pobj 9 shooting
        . . PUNCT punct 8 .
        """,
    ),
    "one_fatally": (
        "Three people were shot, one fatally, early Sunday.",
        """
        Three CD NUM nummod 1 three
        people NNS NOUN nsubjpass 3 people
        were VBD AUX auxpass 3 be
        shot VBN VERB ROOT 3 shoot
        , , PUNCT punct 3 ,
        one CD NUM npadvmod 3 one
        fatally RB ADV advmod 5 fatally
        , , PUNCT punct 5 ,
        early JJ ADJ amod 9 early
        Sunday NNP PROPN npadvmod 5 Sunday
        . . PUNCT punct 3 .
        """,
    ),
    "killing_and_injuring": (
        "Someone fired into a house, killing one man and injuring another.",
        """
        Someone NN PRON nsubj 1 someone
        fired VBD VERB ROOT 1 fire
        into IN ADP prep 1 into
        a DT DET det 4 a
        house NN NOUN pobj 2 house
        , , PUNCT punct 1 ,
        killing VBG VERB advcl 1 kill
        one CD NUM nummod 8 one
        man NN NOUN dobj 6 man
        and CC CCONJ cc 6 and
        injuring VBG VERB conj 6 injure
        another DT PRON dobj 10 another
        . . PUNCT punct 1 .
        """,
    ),
    "victim_died": (
        "The victim died at the hospital.",
        """
        The DT DET det 1 the
        victim NN NOUN nsubj 2 victim
        died VBD VERB ROOT 2 die
        at IN ADP prep 2 at
        the DT DET det 5 the
        hospital NN NOUN pobj 3 hospital
        . . PUNCT punct 2 .
        """,
    ),
    "no_one_hurt": (
        "Shots were fired but no one was hurt.",
        """
        Shots NNS NOUN nsubjpass 2 shot
        were VBD AUX auxpass 2 be
        fired VBN VERB ROOT 2 fire
        but CC CCONJ cc 2 but
        no DT DET det 5 no
        one NN NOUN nsubjpass 7 one
        was VBD AUX auxpass 7 be
        hurt VBN VERB conj 2 hurt
        . . PUNCT punct 7 .
        """,
    ),
    "teen_shot": (
        "A 19-year-old was shot in the leg.",
        """
        A DT DET det 5 a
        19 CD NUM nummod 3 19
        - HYPH PUNCT punct 3 -
        year NN NOUN npadvmod 5 year
        - HYPH PUNCT punct 5 -
        old JJ ADJ nsubjpass 7 old
        was VBD AUX auxpass 7 be
        shot VBN VERB ROOT 7 shoot
        in IN ADP prep 7 in
        the DT DET det 10 the
        leg NN NOUN pobj 8 leg
        . . PUNCT punct 7 .
        """,
    ),
    "shot_and_killed": (
        "A man was shot and killed. His brother was also shot but is expected to survive.",
        """
        A DT DET det 1 a
        man NN NOUN nsubjpass 3 man
        was VBD AUX auxpass 3 be
        shot VBN VERB ROOT 3 shoot
        and CC CCONJ cc 3 and
        killed VBN VERB conj 3 kill
        . . PUNCT punct 3 .
        His PRP$ PRON poss 8 his
        brother NN NOUN nsubjpass 11 brother
        was VBD AUX auxpass 11 be
        also RB ADV advmod 11 also
        shot VBN VERB ROOT 11 shoot
        but CC CCONJ cc 11 but
        is VBZ AUX auxpass 14 be
        expected VBN VERB conj 11 expect
        to TO PART aux 16 to
        survive VB VERB xcomp 14 survive
        . . PUNCT punct 11 .
        """,
    ),
    "not_believed": (
        "Police do not believe anyone was shot.",
        """
        Police NNS NOUN nsubj 3 Police
        do VBP AUX aux 3 do
        not RB PART neg 3 not
        believe VB VERB ROOT 3 believe
        anyone NN PRON nsubjpass 6 anyone
        was VBD AUX auxpass 6 be
        shot VBN VERB ccomp 3 shoot
        . . PUNCT punct 3 .
        """,
    ),
    "threatened": (
        "He threatened to kill his girlfriend.",
        """
        He PRP PRON nsubj 1 he
        threatened VBD VERB ROOT 1 threaten
        to TO PART aux 3 to
        kill VB VERB xcomp 1 kill
        his PRP$ PRON poss 5 his
        girlfriend NN NOUN dobj 3 girlfriend
        . . PUNCT punct 1 .
        """,
    ),
    "named_victim": (
        "Officers found John Smith, 27, with a gunshot wound. "
        "Smith was pronounced dead at the scene.",
        """
        Officers NNS NOUN nsubj 1 officer
        found VBD VERB ROOT 1 find
        John NNP PROPN compound 3 John
        Smith NNP PROPN dobj 1 Smith
        , , PUNCT punct 3 ,
        27 CD NUM appos 3 27
        , , PUNCT punct 3 ,
        with IN ADP prep 1 with
        a DT DET det 10 a
        gunshot NN NOUN compound 10 gunshot
        wound NN NOUN pobj 7 wound
        . . PUNCT punct 1 .
        Smith NNP PROPN nsubjpass 14 Smith
        was VBD AUX auxpass 14 be
        pronounced VBN VERB ROOT 14 pronounce
        dead JJ ADJ oprd 14 dead
        at IN ADP prep 14 at
        the DT DET det 18 the
        scene NN NOUN pobj 16 scene
        . . PUNCT punct 14 .
        """,
    ),
    "deer": (
        "The officer shot three deer.",
        """
        The DT DET det 1 the
        officer NN NOUN nsubj 2 officer
        shot VBD VERB ROOT 2 shoot
        three CD NUM nummod 4 three
        deer NN NOUN dobj 2 deer
        . . PUNCT punct 2 .
        """,
    ),
    "dozens": (
        "Dozens of people were injured.",
        """
        Dozens NNS NOUN nsubjpass 4 dozen
        of IN ADP prep 0 of
        people NNS NOUN pobj 1 people
        were VBD AUX auxpass 4 be
        injured VBN VERB ROOT 4 injure
        . . PUNCT punct 4 .
        """,
    ),
    "wounds_with": (
        "Officers found two people with gunshot wounds.",
        """
        Officers NNS NOUN nsubj 1 officer
        found VBD VERB ROOT 1 find
        two CD NUM nummod 3 two
        people NNS NOUN dobj 1 people
        with IN ADP prep 3 with
        gunshot NN NOUN compound 6 gunshot
        wounds NNS NOUN pobj 4 wound
        . . PUNCT punct 1 .
        """,
    ),
    "percent_of": (
        "About 5 percent of likely voters backed him.",
        """
        About RB ADV advmod 1 about
        5 CD NUM nummod 2 5
        percent NN NOUN nsubj 6 percent
        of IN ADP prep 2 of
        likely JJ ADJ amod 5 likely
        voters NNS NOUN pobj 3 voter
        backed VBD VERB ROOT 6 back
        him PRP PRON dobj 6 he
        . . PUNCT punct 6 .
        """,
    ),
}


# --- qualifiers and bounds ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("dispatch at least 800 troops", "at least 800", ("at least", 800, 800, None)),
        ("funding for up to 4,000 troops", "up to 4,000", ("up to", 4000, None, 4000)),
        ("there are about 2,000 members", "about 2,000", ("about", 2000, None, None)),
        ("has as many as 10,000 troops", "as many as 10,000", ("as many as", 10000, None, 10000)),
        (
            "only a little over 2,000 have",
            "a little over 2,000",
            ("a little over", 2000, 2000, None),
        ),
        ("to number more than 7,000 now", "more than 7,000", ("more than", 7000, 7000, None)),
        ("nearly 500 homes", "nearly 500", ("nearly", 500, None, 500)),
        ("some 20 people", "some 20", ("some", 20, None, None)),
        ("an estimated 3,000 people", "an estimated 3,000", ("an estimated", 3000, None, None)),
        ("upwards of 100 people", "upwards of 100", ("upwards of", 100, 100, None)),
        ("just under 50 people", "just under 50", ("just under", 50, None, 50)),
        ("fewer than 10 cases", "fewer than 10", ("fewer than", 10, None, 10)),
        ("as few as 3 cases", "as few as 3", ("as few as", 3, 3, None)),
        ("roughly 7,700 people", "roughly 7,700", ("roughly", 7700, None, None)),
        ("almost two hours later there were 40 or more", "40 or more", ("or more", 40, 40, None)),
        ("the 331,700 claims", "331,700", (None, 331700, 331700, 331700)),
    ],
)
def test_qualifiers_set_the_bound_they_state(
    text: str, span: str, expected: tuple[object, ...]
) -> None:
    f = figure(text, span)
    assert (f.qualifier, f.value, f.low, f.high) == expected


# --- ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("between 10 and 20 people", "between 10 and 20", 10, 20),
        ("10-20 people", "10-20", 10, 20),
        ("10 to 20 people", "10 to 20", 10, 20),
        ("two or three men", "two or three", 2, 3),
        ("1.2 to 1.5 million barrels", "1.2 to 1.5 million barrels", 1_200_000, 1_500_000),
        ("cost $10-20bn", "$10-20bn", 10e9, 20e9),
    ],
)
def test_ranges_keep_both_ends_and_their_midpoint(
    text: str, span: str, low: float, high: float
) -> None:
    f = figure(text, span)
    assert (f.low, f.high, f.value) == (low, high, (low + high) / 2)


def test_a_change_and_a_score_are_not_ranges() -> None:
    assert [f.text for f in figures_in("sales rose from 5 to 10 units")] == ["5", "10"]
    assert figures_in("they won 3-1 on Sunday") == []


def test_a_qualified_range_keeps_the_stated_side() -> None:
    f = figure("up to 10-20 people", "up to 10-20")
    assert (f.low, f.high, f.qualifier) == (None, 20, "up to")


# --- number words, scales, currency, percentages --------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("two men were hurt", "two", 2),
        ("twenty-five people", "twenty-five", 25),
        ("one hundred and six votes", "one hundred and six votes", 106),
        ("a dozen eggs", "a dozen", 12),
        ("dozens of people", "dozens", 24),
        ("hundreds of homes", "hundreds", 200),
        ("tens of thousands of people", "tens of thousands", 20_000),
        ("three-quarters of voters", "three-quarters", 0.75),
        ("half a million people", "half a million", 500_000),
        ("a couple of people", "a couple", 2),
        ("a woman was injured", "a woman", 1),
        ("an unidentified man was shot", "an unidentified man", 1),
    ],
)
def test_number_words(text: str, span: str, value: float) -> None:
    assert figure(text, span).value == value


def test_vague_plurals_are_lower_bounds() -> None:
    f = figure("hundreds of homes", "hundreds")
    assert (f.low, f.high) == (200, None)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("1.2 million people", "1.2 million", 1_200_000, None),
        ("a cap of $75m on damages", "$75m", 75_000_000, "USD"),
        ("a cap of $ 75m on damages", "$ 75m", 75_000_000, "USD"),
        ("raise £500 for charity", "£500", 500, "GBP"),
        ("a US$40 billion loan", "US$40 billion", 40e9, "USD"),
        ("fined €3bn by Brussels", "€3bn", 3e9, "EUR"),
        ("paid 15 dollars", "15 dollars", 15, "USD"),
        ("a 10k run", "10k", 10_000, None),
        ("rates rose 5% in May", "5%", 5, "percent"),
        ("up 12 percent on the year", "12 percent", 12, "percent"),
        ("3.5 per cent of the vote", "3.5 per cent", 3.5, "percent"),
        ("still more than 1,000 miles from", "more than 1,000 miles", 1000, "miles"),
        ("3/4 of the people", "3/4", 0.75, None),
    ],
)
def test_scales_currencies_percentages_and_units(
    text: str, span: str, value: float, unit: str | None
) -> None:
    f = figure(text, span)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_a_bare_lowercase_m_is_metres_not_millions() -> None:
    assert figures_in("a 5m wall") == []


# --- ages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("a 37-year-old migrant", "37-year-old", 37, "years"),
        ("a 7-month-old baby", "7-month-old", 7, "months"),
        ("the man is 29 years old", "29 years old", 29, "years"),
        ("a woman aged 37 was", "aged 37", 37, "years"),
    ],
)
def test_ages(text: str, span: str, value: float, unit: str) -> None:
    f = figure(text, span)
    assert (f.value, f.unit) == (value, unit)


def test_age_subject_is_the_noun_it_modifies() -> None:
    f = next(f for f in extract_figures(build("age_apposition")) if f.unit == "years")
    assert (f.text, f.value, f.subject) == ("37-year-old", 37, "migrant")


def test_a_number_between_commas_after_a_name_is_an_age() -> None:
    (f,) = extract_figures(build("age_commas"))
    assert (f.text, f.value, f.unit, f.subject) == ("51", 51, "years", "John Barra")


# --- exclusions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on Thursday, Oct. 25, 2018, the",
        "on 25 October the",
        "on 10/25/2018 the",
        "at 7:45 p.m. Monday",
        "about 11 p.m. Sunday",
        "in 2017, the claims",
        "the 1990s were",
        "the 1st and 21st floors",
        "in the 100 block of Brushwood Drive",
        "at 4500 SW 71st Avenue about noon",
        "call 337-232-8477 or 601-355-TIPS (8477)",
        "dial 911 now",
        "a Boeing 737 landed",
        "aboard Air Force One today",
        "COVID-19 spread",
        "on Flight 370 and Route 9",
        "no one was hurt",
        "the one who fired",
        "for three days",
        "two years ago",
    ],
)
def test_dates_times_years_ordinals_addresses_phones_names_and_durations_are_skipped(
    text: str,
) -> None:
    assert figures_in(text) == []


def test_title_case_counts_are_not_names() -> None:
    assert [f.text for f in figures_in("Shooting Leaves 2 Dead")] == ["2"]


def test_time_expressions_from_the_times_annotator_take_their_numbers() -> None:
    doc = tokenized("He waited two hours and saw 40 people.")
    doc._.dl_times = [TimeExpression("two hours", 10, 19, "PT2H", TimexType.DURATION, "duration")]
    assert [f.text for f in extract_figures(doc)] == ["40"]


def test_ages_survive_a_time_expression_over_them() -> None:
    doc = tokenized("a 37-year-old migrant")
    doc._.dl_times = [TimeExpression("37-year", 2, 9, "P37Y", TimexType.DURATION, "duration")]
    assert [f.text for f in extract_figures(doc)] == ["37-year-old"]


# --- subjects, units, dates, quotes (parsed) ------------------------------------------------


def test_subject_is_the_counted_noun_with_its_modifiers() -> None:
    (f,) = extract_figures(build("troops"))
    assert (f.text, f.qualifier, f.low, f.subject) == (
        "at least 800",
        "at least",
        800,
        "active duty troops",
    )


def test_unit_words_become_the_unit_not_the_subject() -> None:
    (f,) = extract_figures(build("miles"))
    assert (f.text, f.unit, f.subject) == ("more than 1,000 miles", "miles", None)


def test_a_percentage_counts_its_of_object() -> None:
    (f,) = extract_figures(build("percent_of"))
    assert (f.text, f.value, f.unit, f.subject) == (
        "About 5 percent",
        5,
        "percent",
        "likely voters",
    )


def test_plural_scale_counts_the_of_object() -> None:
    (f,) = extract_figures(build("dozens"))
    assert (f.text, f.subject, f.low) == ("Dozens", "people", 24)


def test_year_in_the_same_clause_without_the_times_annotator() -> None:
    (f,) = extract_figures(build("asylum"))
    assert (f.text, f.subject, f.date) == ("331,700", "asylum claims", "2017")


def test_date_comes_from_the_times_annotator_when_it_ran() -> None:
    doc = build("asylum")
    start = doc.text.index("2017")
    doc._.dl_times = [TimeExpression("2017", start, start + 4, "2017", TimexType.DATE, "year")]
    (f,) = extract_figures(doc)
    assert f.date == "2017"
    doc._.dl_times = [TimeExpression("2017", start, start + 4, "P1Y", TimexType.DURATION, "dur")]
    assert extract_figures(doc)[0].date is None  # a duration is no date


def test_unattached_dates_are_not_the_figure_date() -> None:
    doc = build("troops")
    assert extract_figures(doc)[0].date is None


def test_quote_index_points_at_the_quote_containing_the_figure() -> None:
    text = 'He said "we lost 40 men" and left. Then 3 more came.'
    doc = tokenized(text)
    start = text.index("we")
    doc._.dl_quotes = [Quote("we lost 40 men", start, start + 14, "He", "said", True, False)]
    assert [(f.text, f.quote) for f in extract_figures(doc)] == [("40", 0), ("3", None)]


def test_component_writes_the_extension() -> None:
    doc = FigureExtractor()(tokenized("about 2,000 troops"))
    assert [f.text for f in doc._.dl_figures] == ["about 2,000"]


def test_factory_is_registered() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_figures")
    assert nlp("some 20 people")._.dl_figures[0].qualifier == "some"


_FRAGMENTS = [
    "at least 800 troops",
    "up to 4,000",
    "$75m",
    "a 37-year-old man",
    "Oct. 25, 2018",
    "7:45 p.m.",
    "two or three",
    "12 percent",
    "no one",
    "dozens of people",
    "Boeing 737",
    "between 10 and 20",
    "—",
    "the",
    ",",
    "Barra, 51,",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12))
def test_offsets_always_index_the_text(parts: list[str]) -> None:
    text = " ".join(parts)
    for f in extract_figures(tokenized(text)):
        assert text[f.start : f.end] == f.text
        assert f.low is None or f.high is None or f.low <= f.high


# --- casualties ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "killed", "injured"),
    [
        ("killed_and_injured", 2, 1),  # two men were killed and a woman was injured
        ("one_fatally", 1, 2),  # three people were shot, one fatally
        ("killing_and_injuring", 1, 1),  # killing one man and injuring another
        ("victim_died", 1, 0),  # the victim died
        ("no_one_hurt", 0, 0),  # no one was hurt
        ("teen_shot", 0, 1),  # a 19-year-old was shot in the leg
        ("shot_and_killed", 1, 1),  # shot and killed; his brother was also shot
        ("not_believed", 0, 0),  # police do not believe anyone was shot
        ("threatened", 0, 0),  # threatened to kill
        ("named_victim", 1, 0),  # found Smith with a gunshot wound; Smith was pronounced dead
        ("deer", 0, 0),  # shot three deer
        ("dozens", 0, 24),  # dozens of people were injured
        ("wounds_with", 0, 2),  # found two people with gunshot wounds
    ],
)
def test_casualties(name: str, killed: int, injured: int) -> None:
    doc = build(name)
    found = casualties(extract_figures(doc), doc)
    assert (found.killed, found.injured) == (killed, injured), found.evidence


def test_casualties_without_a_parse_are_zero() -> None:
    doc = tokenized("Two men were killed.")
    found = casualties(extract_figures(doc), doc)
    assert (found.killed, found.injured) == (0, 0)


# --- seeds (model) ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_figures() -> dict[str, list[Figure]]:
    from dateline.annotate import load_nlp  # noqa: PLC0415 - loads the model

    names = [n for n in ("dateline_times", "dateline_figures") if _available(n)]
    nlp = load_nlp(names)
    out: dict[str, list[Figure]] = {}
    for name in ("000_d99e0ac5021ccd8d.txt", "003_082ef1cbb70f8043.txt"):
        path = SEEDS / name
        article = normalize(
            RawDocument(text=path.read_text(), provenance=Provenance(str(path), None, "text"))
        )
        doc = nlp.make_doc(article.text)
        doc._.dct = article.published
        doc = nlp(doc)
        figures = list(doc._.dl_figures)
        assert all(article.text[f.start : f.end] == f.text for f in figures)
        out[name] = figures
    return out


def _available(name: str) -> bool:
    from dateline.annotate._pipeline import _available as available  # noqa: PLC0415

    return available(name)


def _find(figures: list[Figure], text: str) -> Figure:
    found = [f for f in figures if f.text == text]
    assert found, f"{text!r} not in {[f.text for f in figures]}"
    return found[0]


@pytest.mark.slow
def test_seed_2018_figures(seed_figures: dict[str, list[Figure]]) -> None:
    figures = seed_figures["000_d99e0ac5021ccd8d.txt"]
    troops = _find(figures, "at least 800")
    assert (troops.qualifier, troops.low, troops.subject) == ("at least", 800, "active duty troops")
    guard = _find(figures, "about 2,000")
    assert (guard.qualifier, guard.subject) == ("about", "National Guard members")
    upto = _find(figures, "up to 4,000")
    assert (upto.high, upto.low, upto.subject) == (4000, None, "National Guard troops")
    claims = _find(figures, "331,700")
    assert (claims.value, claims.subject, claims.date) == (331700, "asylum claims", "2017")
    miles = _find(figures, "more than 1,000 miles")
    assert (miles.low, miles.unit) == (1000, "miles")
    assert _find(figures, "more than 7,000").low == 7000
    age = _find(figures, "37-year-old")
    assert (age.value, age.unit, age.subject) == (37, "years", "migrant")
    assert _find(figures, "a little over 2,000").qualifier == "a little over"


@pytest.mark.slow
def test_seed_2025_figures(seed_figures: dict[str, list[Figure]]) -> None:
    figures = seed_figures["003_082ef1cbb70f8043.txt"]
    assert _find(figures, "20,000").subject == "National Guard troops"
    many = _find(figures, "as many as 10,000")
    assert (many.high, many.subject) == (10000, "troops")
    assert _find(figures, "about 20,000").subject == "people"
    assert _find(figures, "roughly 7,700").subject == "people"
    over = _find(figures, "a little over 6,000")
    assert (over.low, over.subject) == (6000, "law enforcement officers")


# --- Recognizers-Text specs (shared data) ---------------------------------------------------


def _spec_cases(name: str) -> list[tuple[str, float, int, int]]:
    path = SPECS / name
    if not path.is_file():
        pytest.skip(f"Recognizers-Text specs not found at {path}")
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        if "python" in (case.get("NotSupported", "") + case.get("NotSupportedByDesign", "")):
            continue
        for result in case["Results"]:
            value = str(result["Resolution"].get("value", "")).rstrip("%")
            try:
                cases.append((case["Input"], float(value), result["Start"], result["End"]))
            except ValueError:
                continue
    return cases


@pytest.mark.shared
@pytest.mark.parametrize(
    ("spec", "floor"),
    [
        ("Number/PercentModel.json", 0.9),
        ("NumberWithUnit/CurrencyModel.json", 0.85),
        ("NumberWithUnit/AgeModel.json", 0.7),
    ],
)
def test_recognizers_text_specs(spec: str, floor: float) -> None:
    cases = _spec_cases(spec)
    passed = 0
    for text, value, start, end in cases:
        found = extract_figures(tokenized(text))
        passed += any(
            f.start <= end and start <= f.end and f.value == pytest.approx(value) for f in found
        )
    assert passed / len(cases) >= floor
