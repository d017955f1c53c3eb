# ruff: noqa: RUF001 - typographic quotes are what these tests are about
"""normalize(): each rule on small hand-built documents, most lines taken from real pages."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

import dateline.normalize as normalize_module
from dateline.errors import InputError
from dateline.models import (
    Article,
    Caption,
    DateRule,
    IngestProblem,
    Provenance,
    RawDocument,
    Severity,
)
from dateline.normalize import NORMALIZER_VERSION, article_id, normalize

EDT = timezone(timedelta(hours=-4))
PROVENANCE = Provenance(path="news.jsonl", record=7, reader="jsonl")


def run(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    byline: str | None = None,
) -> Article:
    raw = RawDocument(
        text=text, provenance=PROVENANCE, title=title, published=published, byline=byline
    )
    return normalize(raw)


def test_public_surface() -> None:
    assert sorted(normalize_module.__all__) == [
        "NORMALIZER_VERSION",
        "article_id",
        "chrome_spans",
        "detokenize",
        "is_chrome",
        "normalize",
        "parse_date",
        "without_chrome",
    ]
    assert NORMALIZER_VERSION == 1


# --- basics ------------------------------------------------------------------------------------


def test_article_id_formula() -> None:
    expected = hashlib.sha256(b"Title\n\nBody text.").hexdigest()[:16]
    assert article_id("Title", "Body text.") == expected
    assert article_id(None, "Body text.") == hashlib.sha256(b"\n\nBody text.").hexdigest()[:16]


def test_copies_metadata_and_keeps_raw_text() -> None:
    raw = RawDocument(
        text="Officials said on Monday that the plan was ready .",
        provenance=PROVENANCE,
        url="https://example.org/a",
        publisher="Example News",
        external_id="x-1",
    )
    article = normalize(raw)
    assert article.raw_text == raw.text
    assert article.text == "Officials said on Monday that the plan was ready."
    assert article.provenance is PROVENANCE
    assert (article.url, article.publisher, article.external_id) == (
        "https://example.org/a",
        "Example News",
        "x-1",
    )
    assert article.id == article_id(article.title, article.text)
    assert article.published is None and article.date_rule is None


def test_paragraphs_are_stripped_deduplicated_and_joined() -> None:
    text = "  First paragraph here .  \n\n\nSecond one .\nFirst paragraph here .\n  \nThird ."
    article = run(text, title="T")
    assert article.text == "First paragraph here.\n\nSecond one.\n\nThird."


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t \n"])
def test_empty_text_is_e012(text: str) -> None:
    with pytest.raises(InputError) as caught:
        run(text)
    assert caught.value.code == "E012"
    assert caught.value.path == "news.jsonl"
    assert caught.value.record == 7
    assert "empty text after normalization" in str(caught.value)


def test_a_document_that_is_only_a_caption_keeps_its_text() -> None:
    article = run("Smoke rises over the city . -LRB- AP Photo\\/Jane Roe -RRB-")
    assert article.text == "Smoke rises over the city. (AP Photo/Jane Roe)"
    assert article.captions == ()


# --- dates by trust ----------------------------------------------------------------------------

CAPTIONED = (
    "Migrants walk in Pijijiapan , Mexico , Thursday , Oct. 25 , 2018 . ( AP Photo/Rodrigo Abd )\n"
)


def test_metadata_wins_and_keeps_its_time() -> None:
    article = run(CAPTIONED + "WASHINGTON (AP) — Troops move .", published="2018-10-26T09:30:00Z")
    assert article.published == date(2018, 10, 26)
    assert article.published_at == datetime(2018, 10, 26, 9, 30, tzinfo=UTC)
    assert article.date_rule is DateRule.METADATA


def test_header_beats_dateline_and_caption() -> None:
    text = "date 2018-10-27 WASHINGTON, Oct. 26, 2018 (Reuters) - Troops move .\n" + CAPTIONED
    article = run(text)
    assert (article.published, article.date_rule) == (date(2018, 10, 27), DateRule.HEADER)
    assert article.published_at is None


def test_dateline_beats_caption() -> None:
    article = run(CAPTIONED + "WASHINGTON, Oct. 26 (Reuters) - Troops move .")
    assert (article.published, article.date_rule) == (date(2018, 10, 26), DateRule.DATELINE)


def test_dateline_without_year_needs_a_reference() -> None:
    article = run("WASHINGTON, Oct. 26 (Reuters) - Troops move .")
    assert article.published is None
    assert article.dateline is not None and article.dateline.place == "WASHINGTON"


def test_dateline_year_is_the_one_nearest_the_reference() -> None:
    text = (
        "Fireworks , Monday , Dec. 31 , 2018 . ( AP Photo )\nNEW YORK, Jan. 1 (AP) - Crowds cheer ."
    )
    article = run(text)
    assert (article.published, article.date_rule) == (date(2019, 1, 1), DateRule.DATELINE)


def test_caption_date_when_nothing_better() -> None:
    article = run(CAPTIONED + "Troops move to the border .")
    assert (article.published, article.date_rule) == (date(2018, 10, 25), DateRule.CAPTION)


def test_unparseable_metadata_warns_w002_and_falls_back() -> None:
    problems: list[IngestProblem] = []
    article = normalize(
        RawDocument(text=CAPTIONED + "Troops move .", provenance=PROVENANCE, published="soon"),
        warn=problems.append,
    )
    assert article.date_rule is DateRule.CAPTION
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.code, problem.severity, problem.path, problem.record) == (
        "W002",
        Severity.WARNING,
        "news.jsonl",
        7,
    )
    assert "'soon'" in problem.message


def test_unparseable_metadata_without_warn_callback_is_fine() -> None:
    assert run("Troops move .", published="soon").published is None


def test_blank_metadata_is_absent_not_unparseable() -> None:
    problems: list[IngestProblem] = []
    normalize(
        RawDocument(text="Troops move .", provenance=PROVENANCE, published="  "),
        warn=problems.append,
    )
    assert problems == []


# --- headers -----------------------------------------------------------------------------------

REUTERS = (
    "HONG KONG | Tue May 12 , 2009 8:56 am EDT HONG KONG -LRB- Reuters -RRB- - A leading "
    "virologist has described the new H1N1 influenza virus as `` very unstable , '' meaning it "
    "could mix and swap genetic material . \nThe new virus , which is a mixture of swine , bird "
    "and human viruses , is spreading ."
)


def test_reuters_wire_header() -> None:
    article = run(REUTERS)
    assert article.text.startswith("HONG KONG (Reuters) - A leading virologist")
    assert "|" not in article.text
    assert (article.published, article.date_rule) == (date(2009, 5, 12), DateRule.HEADER)
    assert article.published_at == datetime(2009, 5, 12, 8, 56, tzinfo=EDT)
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("HONG KONG", "Reuters")
    assert article.title is None


def test_reuters_header_with_title_before_it() -> None:
    article = run(
        "U.S. pressures BP over oil spill as Obama visits Gulf VENICE , Louisiana | Sun May 2 , "
        "2010 7:55 pm EDT VENICE , Louisiana -LRB- Reuters -RRB- - A vast oil slick bore down "
        "on the Gulf Coast on Sunday ."
    )
    assert article.title == "U.S. pressures BP over oil spill as Obama visits Gulf"
    assert article.dateline is not None
    assert article.dateline.place == "VENICE, Louisiana"
    assert article.text.startswith("VENICE, Louisiana (Reuters) - A vast oil slick")


def test_reuters_header_with_byline_and_photo_caption_before_it() -> None:
    article = run(
        "People wear masks in Mexico City April 24 , 2009 . \n"
        "By Maggie Fox , Health and Science Editor WASHINGTON | Thu May 7 , 2009 7:41 pm EDT "
        "WASHINGTON -LRB- Reuters -RRB- - U.S. health officials predicted worsening outbreaks ."
    )
    assert article.byline == "By Maggie Fox, Health and Science Editor"
    assert article.captions == (Caption(text="People wear masks in Mexico City April 24, 2009."),)
    assert (
        article.text
        == "WASHINGTON (Reuters) - U.S. health officials predicted worsening outbreaks."
    )
    assert article.published == date(2009, 5, 7)


def test_date_header_on_the_body_line() -> None:
    article = run(" date 2025-05-16 WASHINGTON — (AP) — The Department asked .\n\nMore text .")
    assert article.text.startswith("WASHINGTON — (AP) — The Department asked.")
    assert (article.published, article.date_rule) == (date(2025, 5, 16), DateRule.HEADER)


def test_date_header_on_its_own_line() -> None:
    article = run("date 2025-05-16\nThe Department asked for troops .")
    assert article.text == "The Department asked for troops."
    assert article.published == date(2025, 5, 16)


@pytest.mark.parametrize(
    ("text", "day", "instant", "lead"),
    [
        (
            "Swine flu could affect third of world 's population , says study Researchers say "
            "swine flu will spread around world within nine months Tuesday 12 May 2009 16.36 BST "
            "The swine flu virus will infect a third of the world 's population , researchers "
            "say .",
            date(2009, 5, 12),
            datetime(2009, 5, 12, 15, 36, tzinfo=UTC),
            "Researchers say swine flu will spread around world within nine months",
        ),
        (
            "9 November 2011 Last updated at 10:48 GMT The family of Michael Jackson say they "
            "want to know more .",
            date(2011, 11, 9),
            datetime(2011, 11, 9, 10, 48, tzinfo=UTC),
            "The family of Michael Jackson",
        ),
        (
            "Friday , October 22 , 2010 ; 8:45 PM The Interior Department is reviewing its first "
            "request .",
            date(2010, 10, 22),
            None,
            "The Interior Department",
        ),
    ],
)
def test_site_date_stamps(text: str, day: date, instant: datetime | None, lead: str) -> None:
    article = run(text)
    assert (article.published, article.date_rule) == (day, DateRule.HEADER)
    assert article.published_at == instant
    assert article.text.startswith(lead)


def test_guardian_stamp_splits_title_from_standfirst() -> None:
    article = run(
        "Swine flu could affect third of world 's population , says study Researchers say "
        "swine flu will spread Tuesday 12 May 2009 16.36 BST The virus will infect many , "
        "researchers say ."
    )
    assert article.title == "Swine flu could affect third of world's population, says study"


# --- captions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "text", "credit"),
    [
        (
            "Migrants walk . -LRB- AP Photo\\/Rodrigo Abd -RRB-",
            "Migrants walk.",
            "AP Photo/Rodrigo Abd",
        ),
        ("Migrants walk . ( AP Photo )", "Migrants walk.", "AP Photo"),
        ("Migrants walk . (REUTERS/Jason Reed)", "Migrants walk.", "REUTERS/Jason Reed"),
        ("Migrants walk (Reuters).", "Migrants walk", "Reuters"),
        ("Migrants walk. (Photo: Jane Doe/Agency)", "Migrants walk.", "Jane Doe/Agency"),
        ("Migrants walk. (Getty Images)", "Migrants walk.", "Getty Images"),
        ("Migrants walk. (AFP/Getty Images)", "Migrants walk.", "AFP/Getty Images"),
        (
            "Migrants walk. (Robert F. Sisson/NG/Getty Images)",
            "Migrants walk.",
            "Robert F. Sisson/NG/Getty Images",
        ),
        (
            "A beach is closed . Photograph : Win McNamee/Getty",
            "A beach is closed.",
            "Win McNamee/Getty",
        ),
        ("Migrants walk Photo: Jane Doe/Agency", "Migrants walk", "Jane Doe/Agency"),
        (
            "FILE - In this June 1 , 2010 file photo , workers collect oil .",
            "FILE - In this June 1, 2010 file photo, workers collect oil.",
            None,
        ),
        ("FILE — A rig burns .", "FILE — A rig burns.", None),
        (
            "In this May 26 , 2010 photo , officials plug the well .",
            "In this May 26, 2010 photo, officials plug the well.",
            None,
        ),
    ],
)
def test_captions_leave_the_body(paragraph: str, text: str, credit: str | None) -> None:
    article = run(paragraph + "\nThe story goes on here .")
    assert article.captions == (Caption(text=text, credit=credit),)
    assert article.text == "The story goes on here."


@pytest.mark.parametrize(
    "paragraph",
    [
        "Winds reached 35mph -LRB- 56km\\/h -RRB- .",
        "I have a throat problem -LRB- 30\\/31 May 2009 -RRB- .",
        "-LRB- Noel Fleming , England\\/Northern Ireland -RRB- .",
        "He works for a US Foundation -LRB- Omidyar Network -RRB- .",
        "The file photo was never found in the archive .",
    ],
)
def test_not_captions(paragraph: str) -> None:
    article = run("Opening line of the story .\n" + paragraph)
    assert article.captions == ()


def test_file_photos_give_no_date() -> None:
    article = run(
        "FILE - Troops walk , Thursday , Oct. 25 , 2018 . ( AP Photo )\nThe story goes on ."
    )
    assert len(article.captions) == 1
    assert article.published is None


def test_caption_weekday_must_match_the_date() -> None:
    article = run("Troops walk , Friday , Oct. 25 , 2018 . ( AP Photo )\nThe story goes on .")
    assert article.published is None


# --- titles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        (
            "People in Mexico have been wearing masks as a precaution A third of the world 's "
            "population could be infected with swine flu , expert projections suggest .",
            "People in Mexico have been wearing masks as a precaution",
        ),
        (
            "Firms are hard at work on a vaccine The number of swine flu cases in the UK has "
            "climbed to more than 330 .",
            "Firms are hard at work on a vaccine",
        ),
        (
            "The moment Wismond was pulled from the rubble Haitian Wismond Exantus Jean-Pierre , "
            "24 , was found on Saturday after 12 days buried beneath the wreckage of a hotel .",
            "The moment Wismond was pulled from the rubble",
        ),
        (
            "Three weeks ago , an oil rig far off the coast of Louisiana was hit with a sudden , "
            "massive explosion and sank in water a mile deep .",
            None,
        ),
        (
            "Charlie said he had hoped to raise # 500 A seven-year-old boy from London who was "
            "aiming to raise # 500 for the Haiti quake relief effort has raised more than "
            "# 72,000 .",
            "Charlie said he had hoped to raise £500",
        ),
        (
            "Hughes and Wenger - best of enemies `` You ask 100 people , 99 will say it 's very "
            "bad and the 100th will be Mark Hughes . ''",
            "Hughes and Wenger - best of enemies",
        ),
        (
            "An image from a video of a jagged pipe leaking millions of gallons of oil into the "
            "Gulf of Mexico , recorded by a BP camera a mile below the water 's surface .",
            None,
        ),
        # precision: names inside a sentence are not title boundaries
        (
            "The new flu strain that emerged in Mexico last month has brought Japanese TV shows , "
            "newspapers and government ads out in force .",
            None,
        ),
        (
            "BP will not make a decision on its next dividend payment until late July , chairman "
            "Carl-Henric Svanberg has said .",
            None,
        ),
        (
            "Dr Murray has denied he caused Michael Jackson 's death Los Angeles prosecutors will "
            "file a criminal case against Michael Jackson 's doctor on Monday .",
            None,
        ),
        (
            "The Department of Homeland Security has asked for 20,000 National Guard troops to "
            "assist with immigration roundups .",
            None,
        ),
        (
            "BP attempts to plug Gulf of Mexico oil leak with mud in ` top kill ' technique "
            "Company awaits test results before deciding on the next step .",
            "BP attempts to plug Gulf of Mexico oil leak with mud in ‘top kill’ technique",
        ),
        (
            "Gulf of Mexico oil leak : US sues BP over oil disaster The Deepwater Horizon rig "
            "explosion led to what was described as the worst environmental catastrophe .",
            "Gulf of Mexico oil leak: US sues BP over oil disaster",
        ),
        (
            "There is still oil out there BP has finished pumping cement into the top of its "
            "damaged Gulf of Mexico oil well .",
            None,
        ),
    ],
)
def test_run_in_titles_from_timeline17(first_line: str, title: str | None) -> None:
    article = run(first_line + " \nThe company said more work was needed .")
    assert article.title == title
    first_paragraph = article.text.split("\n\n")[0]
    if title is not None:
        assert not first_paragraph.startswith(title)
    assert article.text.endswith("The company said more work was needed.")


def test_plain_text_title_line() -> None:
    article = run("Troops head to the border\n\nThe Pentagon said on Monday it would send troops.")
    assert article.title == "Troops head to the border"
    assert article.text == "The Pentagon said on Monday it would send troops."


def test_a_lone_line_is_body_not_title() -> None:
    article = run("Troops head to the border")
    assert article.title is None
    assert article.text == "Troops head to the border"


def test_given_title_wins_and_a_repeated_title_line_is_dropped() -> None:
    article = run(
        "Troops head to the border .\n\nThe Pentagon said it would send troops .",
        title="Troops head to the border",
    )
    assert article.title == "Troops head to the border"
    assert article.text == "The Pentagon said it would send troops."


def test_given_title_run_into_the_body_is_stripped() -> None:
    article = run(
        "Troops head to the border The Pentagon said it would send troops .",
        title="Troops head to the border",
    )
    assert article.text == "The Pentagon said it would send troops."


def test_given_title_is_not_guessed_away() -> None:
    article = run(
        "Firms are hard at work on a vaccine The number of cases has climbed .", title="Vaccines"
    )
    assert article.title == "Vaccines"
    assert article.text.startswith("Firms are hard at work")


MEANTIME = (
    "Northrop Grumman and Airbus parent EADS defeat Boeing for $ 40 billion US airtanker contract "
    "March 01, 2008 Northrop Grumman and Airbus parent company EADS have unexpectedly defeated "
    "Boeing for a US$ 40 billion (GB # 20.1 billion) contract to supply airtankers."
)


def test_meantime_topline() -> None:
    article = run(MEANTIME)
    assert article.title == (
        "Northrop Grumman and Airbus parent EADS defeat Boeing for $40 billion US airtanker "
        "contract"
    )
    assert (article.published, article.date_rule) == (date(2008, 3, 1), DateRule.TOPLINE)
    assert article.text.startswith("Northrop Grumman and Airbus parent company EADS")
    assert "US$40 billion (GB£20.1 billion)" in article.text


def test_meantime_prefers_the_full_title_over_a_shortened_given_one() -> None:
    article = run(MEANTIME, title="Northrop Grumman and Airbus parent EADS defeat Boeing.")
    assert article.title is not None and article.title.endswith("airtanker contract")
    assert article.text.startswith("Northrop Grumman and Airbus parent company EADS")


def test_meantime_keeps_a_given_title_that_differs_but_strips_the_line() -> None:
    article = run(MEANTIME, title="Tanker deal")
    assert article.title == "Tanker deal"
    assert article.text.startswith("Northrop Grumman and Airbus parent company EADS")


def test_no_topline_when_a_sentence_ends_before_the_date() -> None:
    article = run("Boeing won. Then on March 01, 2008 Airbus won a contract too.")
    assert article.date_rule is None


# --- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "agency", "dateline"),
    [
        ("WASHINGTON (AP) — The Trump", "WASHINGTON", "AP", "WASHINGTON (AP) —"),
        ("WASHINGTON — (AP) — The Department", "WASHINGTON", "AP", "WASHINGTON — (AP) —"),
        ("HONG KONG (Reuters) - A leading", "HONG KONG", "Reuters", "HONG KONG (Reuters) -"),
        (
            "GALLIANO, Louisiana (Reuters) - The government",
            "GALLIANO, Louisiana",
            "Reuters",
            "GALLIANO, Louisiana (Reuters) -",
        ),
        ("LONDON - Shares fell", "LONDON", None, "LONDON -"),
        ("BARATARIA BAY, La. -- As the", "BARATARIA BAY, La.", None, "BARATARIA BAY, La. --"),
        (
            "HOUSTON/WASHINGTON (Reuters) - BP said",
            "HOUSTON/WASHINGTON",
            "Reuters",
            "HOUSTON/WASHINGTON (Reuters) -",
        ),
        (
            "WASHINGTON, Oct. 25 (Reuters) - Troops",
            "WASHINGTON",
            "Reuters",
            "WASHINGTON, Oct. 25 (Reuters) -",
        ),
        (
            "NEW ORLEANS -- NEW ORLEANS (AP) -- Vast amounts",
            "NEW ORLEANS",
            "AP",
            "NEW ORLEANS -- NEW ORLEANS (AP) --",
        ),
    ],
)
def test_datelines(text: str, place: str, agency: str | None, dateline: str) -> None:
    article = run(text + " of words follow here .")
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == (place, agency)
    assert article.text[article.dateline.start : article.dateline.end] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "The Trump administration is planning to dispatch troops .",
        "US - China talks resumed on Monday .",
        "A leading virologist said so .",
        "NASA said on Monday that the launch was delayed .",
        "THIS IS VERY LONG SHOUTED HEADLINE ABOUT SOMETHING - and then text .",
    ],
)
def test_not_datelines(text: str) -> None:
    assert run(text).dateline is None


def test_dateline_offsets_point_into_the_body_after_page_furniture() -> None:
    article = run(
        "Helicopter crashes into crane on London tower , kills two . \n"
        "GENEVA | Tue May 12 , 2009 11:35 am EDT GENEVA -LRB- Reuters -RRB- - The new virus ."
    )
    assert article.dateline is not None
    start, end = article.dateline.start, article.dateline.end
    assert article.text[start:end] == "GENEVA (Reuters) -"
    assert start > 0


# --- bylines -----------------------------------------------------------------------------------


def test_byline_at_top() -> None:
    article = run(
        "Troops head to the border\n\nBy JOHN SMITH, Associated Press\n\n"
        "WASHINGTON (AP) — The Pentagon said it would send troops ."
    )
    assert article.byline == "By JOHN SMITH, Associated Press"
    assert article.title == "Troops head to the border"
    assert article.text.startswith("WASHINGTON (AP) —")
    assert article.dateline is not None and article.dateline.start == 0


def test_byline_at_bottom() -> None:
    article = run("The Pentagon said it would send troops .\n\nBy Jane Doe and Max Roe")
    assert article.byline == "By Jane Doe and Max Roe"
    assert article.text == "The Pentagon said it would send troops."


def test_given_byline_wins_but_the_line_still_leaves() -> None:
    article = run("By Jane Doe\n\nThe Pentagon said it would send troops .", byline="Jane Doe")
    assert article.byline == "Jane Doe"
    assert article.text == "The Pentagon said it would send troops."


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day , the oil had reached the shore .",
        "By Friday officials had said nothing",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    article = run("The Pentagon said it would send troops .\n\n" + line)
    assert article.byline is None
