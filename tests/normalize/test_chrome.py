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
    "This report by the commission found that BP incorrectly tested the cement.",
    "This week BP incorrectly estimated the flow of oil, scientists said.",
    "This story of a town that was misidentified on maps begins in 1910.",
    "An earlier version of the bill was rejected by the Senate.",
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


def test_readers_comments_under_a_story_are_chrome_to_the_end_of_the_page() -> None:
    story = "BP has lowered a cap on to the leaking well.\n\nAre you happy with BP's response?\n\n"
    comments = (
        "At 10:14 am on 28 May 2010, pzero wrote: Plug the damned thing shut!\n\n"
        "It is their rig after all.\n\n"
        "At 21:31 21st Jun 2010, Ebi35 wrote: It is a great shame.\n\n"
        "At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote: 1."
    )
    text = story + comments
    assert chrome_spans(text) == [(len(story), len(text))]
    assert without_chrome(text) == story.strip()


def test_a_single_comment_header_marks_only_its_paragraph() -> None:
    text = (
        "At 16:20 1st Jun 2010, Paul wrote: Who else to blame?\n\n"
        "Officials said the cap was holding."
    )
    assert [text[a:b] for a, b in chrome_spans(text)] == [
        "At 16:20 1st Jun 2010, Paul wrote: Who else to blame?"
    ]
    assert without_chrome(text) == "Officials said the cap was holding."


@pytest.mark.parametrize(
    "notice",
    [
        "This debate is now closed.",
        "We will aim to publish as many of your views as we can.",
        "A selection of your comments appear below.",
    ],
)
def test_a_debate_page_is_comments_from_its_notice_on(notice: str) -> None:
    story = (
        "The World Health Organization says countries must not lower their guard.\n\n"
        "What are your concerns about the virus?\n\n"
    )
    comments = (
        notice + "\n\nWhy do you keep on about this swine flu?\n\n"
        "We get this every year and people die from it.\n\n"
        "At 21:31 21st Jun 2010, Ebi35 wrote: It is a great shame."
    )
    text = story + comments
    assert chrome_spans(text) == [(len(story), len(text))]
    assert without_chrome(text) == story.strip()
    # Reporting that a debate closed is not a notice.
    report = "The senator said this debate is now closed and the bill will pass.\n\nIt did."
    assert chrome_spans(report) == []


def test_a_blogs_signed_comments_are_chrome_from_the_posts_signature_on() -> None:
    post = (
        "Where is the former vice president on the oil spill?\n\n"
        "He has remained notably silent since the rig exploded.\n\n"
    )
    comments = (
        "By Katrina vanden Heuvel | June 16 , 2010 ; 5:08 PM ET Who cares ?\n\n"
        "He is not VP anymore .\n\n"
        "Posted by : wjc1va | June 16 , 2010 11:05 PM | Report abuse BP knew the risks .\n\n"
        "Posted by : bregenz | June 16 , 2010 11:17 PM | Report abuse\n\n"
        "The comments to this entry are closed ."
    )
    text = post + comments
    assert chrome_spans(text) == [(len(post), len(text))]
    assert without_chrome(text) == post.strip()
    # Without the post's signature, the comments start at the first comment's signature.
    unsigned = post + comments[comments.index("He is not") :]
    start = unsigned.index("Posted by")
    assert chrome_spans(unsigned) == [(start, len(unsigned))]
    # A post signed but not commented on keeps its text.
    signed = post + "By Ezra Klein | May 14, 2010; 7:15 AM ET Regarding the spill, more soon."
    assert chrome_spans(signed) == []


@pytest.mark.parametrize(
    "text",
    [
        "Blogger Troy Livesay, in Port-au-Prince, wrote: the ground shook for a minute.",
        "At 9:30 on Tuesday, the minister wrote: we will act. At 10:00 he wrote: done.",
        "At 3 pm on 4 May 2010, officials said the well was capped. He wrote: it held.",
    ],
)
def test_reporting_about_what_someone_wrote_is_not_a_comment(text: str) -> None:
    assert chrome_spans(text) == []


# One paragraph for each phrase of the chrome list: the page-level shortcut (substring literals
# before the phrase search) must find every one of them.
EVERY_PHRASE = [
    "All rights reserved.", "Copyright 2016 WAVE.", "\u00a9 2016 KTLA", "(\u00a9 WFAA)",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Please enable JavaScript.", "This site requires JavaScript.", "JavaScript is disabled.",
    "Your browser does not support the video tag.", "Flash player required.",
    "Get Adobe Flash.", "Turn off your ad-block.", "Having trouble viewing the video?",
    "Scroll down for video", "Log in with Facebook", "Free e-mail alerts",
    "E-mail news alerts", "Sign in to your account or enter your password",
    "Already have an account?", "Email newsletters", "Sign up for our daily digest",
    "Newsletters delivered to your inbox", "Verification message sent.",
    "Check for a confirmation email.", "Thank you for registering!",
    "Registration information", "Terms of service and privacy policy",
    "Email notifications", "Notifications have been saved.", "Saving your notification",
    "Get email notifications on Joel", "You are the owner of this article.", "Premium clicks",
    "Get digital access", "Enjoy the convenience of home delivery.",
    "You are outside the deliverable area.", "Re-enter your zip", "Share this: Twitter",
    "Like this: Like Loading...", "Like Loading...", "Copy link", "Hide transcript",
    "Click here to return to the story.", "Report an error", "Follow @wsbtv on Twitter",
    "Follow us online", "Join the conversation", "Add a location to your tweets",
    "Tweet with a location", "A friend wanted you to see this item.",
    "Characters with black color will be printed.", "Whenever Joe posts new content",
    "Slideshow requires JavaScript", "Facebook | Twitter", "Twitter | Facebook",
    "Follow KARE:", "Play Facebook", "Set up your account", "Log in to comment",
    "Trending stories", "Pending comments", "Free apps | Newsletters", "Watch this story",
    "Download our app", "Download the WSBTV news app", "Never miss another story.",
    "For more Chicago news, visit our site.", "Stay with WSB for more updates.",
    "Contact Joe Smith at jsmith@example.com", "@wsbtv",
    "Views expressed in the comments do not represent those of Reuters.",
    "We welcome comments that advance the story through relevant opinion.",
    "Your comments may be published on any BBC media worldwide.",
    "The BBC may edit your comments and not all emails will be published.",
    "This copy may not be in its final form and may be updated.",
    "You may not alter or remove any trademark, copyright or other notice.",
    "washingtonpost.com is not responsible for any content posted by third parties.",
    "The editorial staff was not involved in the moderation.",
    "Moderators retain editorial control over Discussions.",
    "PLEASE NOTE: We are unable to offer transcripts for our program interviews.",
    "Get constant updates from our in-the-field reporters.",
    "The comments to this entry are closed.",
    "This article about BP stopping the flow of oil misspelled the last name of the mayor.",
    "This summary of investigations prompted by the oil spill omitted one bill.",
    "An earlier version of this story misstated the date of the blowout.",
    "This has been corrected.", "This article has been amended.",
]  # fmt: skip


@pytest.mark.parametrize("paragraph", EVERY_PHRASE)
def test_every_phrase_is_found_on_a_page(paragraph: str) -> None:
    page = "Police said the man was arrested on Monday.\n" + paragraph + "\nHe was charged."
    start = page.index(paragraph)
    assert chrome_spans(page) == [(start, start + len(paragraph))]
    assert without_chrome(page) == "Police said the man was arrested on Monday.\nHe was charged."
