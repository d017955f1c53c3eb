"""Page chrome: site furniture of scraped pages is recognised, story text is left alone."""

from __future__ import annotations

import pytest

from dateline.normalize import chrome_spans, is_chrome, without_chrome

# Paragraphs as they occur in the GVA violent corpus's scraped pages.
CHROME = [
    "Please enable Javascript to watch this video",
    "Copyright 2016 WMC Action News 5. All rights reserved.",
    "(\u00a9 2016 WFAA)",
    "Close Get email notifications on Joel Currier daily!",
    "Whenever Joel Currier posts new content, you'll get an email delivered to your inbox.",
    "We have sent you a verification email. Please check your email and click on the link.",
    "Sign in using your wsbtv profile",
    "Already a subscriber?",
    "Share this: Facebook",
    "Follow CBSDFW.COM: Facebook | Twitter",
    "Twitter",
    "Email Print Share",
    "1:45 Witness describes shooting of two brothers in central Fresno",
    "Contact Katrease Stafford: kstafford@freepress.com or 313-222-6600.",
    "Sign up for free e-mail news alerts from FoxNews.com and FoxBusiness.com .",
]
# Reporting that mentions the same words.
STORY = [
    "It refused to sign up to the Kyoto Protocol .",
    "The BP CEO , Tony Hayward , should sign up for a day of cleanup .",
    "He posted on Facebook that he would return to the club with a gun.",
    "Officers had blocked off the home with police tape on Saturday morning.",
    "Malala is pictured holding a sign in the Twitter profile picture of her organisation.",
    "The total value of the claims already registered could exceed the fund.",
    "At 10:30 p.m. police arrived at the scene on Edwards Street.",
    "Police said the shooting happened at about 6 p.m. Monday.",
    "The copyright on the song expired in 1998, the court heard.",
    "Facebook changed its privacy policy on Tuesday after the breach.",
    "The school sent email alerts to parents within minutes of the first shot.",
    "It looked like this: a line of cars stretching to the bridge.",
    "He planned to stay with friends for more than a week.",
    "Officials urged residents to download the app before the storm.",
    "The shooting happened in the 38109 zip code, the city's most violent.",
    "Residents who lost home delivery of their medicines were told to call the county.",
]


@pytest.mark.parametrize("paragraph", CHROME)
def test_site_furniture_is_chrome(paragraph: str) -> None:
    assert is_chrome(paragraph)


@pytest.mark.parametrize("paragraph", STORY)
def test_reporting_is_not_chrome(paragraph: str) -> None:
    assert not is_chrome(paragraph)


def test_a_long_paragraph_is_never_chrome() -> None:
    long = "Copyright 2016 WAVE. " + "The victim was taken to hospital by ambulance. " * 10
    assert not is_chrome(long)


def test_spans_point_at_the_chrome_lines_and_without_chrome_keeps_the_story() -> None:
    text = (
        "Please enable Javascript to watch this video\n\n"
        "Four teens were shot on the court behind Word Tabernacle Church.\n"
        "Copyright 2016 WRAL. All rights reserved."
    )
    spans = chrome_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Please enable Javascript to watch this video",
        "Copyright 2016 WRAL. All rights reserved.",
    ]
    assert without_chrome(text) == (
        "Four teens were shot on the court behind Word Tabernacle Church."
    )
    assert without_chrome("") == ""
    assert chrome_spans("Police said four teens were shot.") == []
