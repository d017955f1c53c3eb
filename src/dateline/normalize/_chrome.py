"""Page chrome: the paragraphs of a scraped page that belong to the site, not to the story.

Texts extracted from web pages keep the site's furniture around the story: login and newsletter
prompts, video-player notices, share bars, copyright lines, readers' comments. Stored text keeps
them (offsets and article ids stay as ingested); the stages that compare or summarise articles skip
them, because a copyright line names the station and a share bar is the same on every page of a
site, so two unrelated reports from one outlet would look alike. In the GVA violent corpus, 27% of
the same-incident article pairs that dateline split had such a paragraph among their first three.
"""

from __future__ import annotations

import re

__all__ = ["chrome_spans", "is_chrome", "without_chrome"]

# Phrases that, in a short paragraph, only site furniture uses (the comment-policy and transcript
# notices at the end: "Views expressed in the comments do not represent those of Reuters." stands
# on 220 Timeline17 pages, and timelines cited it; correction notices at the top: "This article
# about BP stopping the flow of oil ... misspelled the last name of the mayor", cited for the day
# the well was capped). Each is a whole phrase, not a single word ("Facebook" or "subscribe"
# alone occur in reporting). Written in lower case and matched against the lowercased paragraph:
# four times faster than re.IGNORECASE, which made chrome detection most of a timeline's time.
_PHRASES = re.compile(
    r"""
    all\ rights\ reserved | \bcopyright\s*(?:\(c\)\s*|\u00a9\s*)?\d{4} | \u00a9\s*\d{4} | \(\u00a9
    | this\ material\ may\ not\ be\ (?:published|broadcast|rewritten|redistributed)
    | enable\ javascript | requires\ javascript | javascript\ (?:is\ )?(?:disabled|required)
    | browser\ (?:does\ not|doesn't|does\ n't)\ support | flash\ (?:update|player|disabled)
    | adobe\ flash | \bad[-\ ]?block | trouble\ viewing\ the\ video | scroll\ down\ for\ video
    | \b(?:sign|log)\ (?:in|up)\ (?:using|with|or|here|now)\b
    | free\ e-?mail | e-?mail\ news\ alerts
    | \b(?:sign|log)\ in\b.{0,40}\b(?:account|password)
    | already\ (?:a\ subscriber|have\ an\ account)
    | email\ newsletters? | sign\ up\ for\ (?:our|one\ of\ our) | newsletters?\ (?:sign|delivered)
    | verification\ (?:email|message) | confirmation\ email | thank\ you\ for\ registering
    | registration\ information | terms\ of\ (?:service|use)\ and\ privacy
    | email\ notifications | notifications?\ (?:has|have)\ been\ saved | saving\ your\ notification
    | get\ email\ notifications | you\ are\ the\ owner\ of\ this\ article
    | premium\ clicks | (?:get|for)\ digital\ access | convenience\ of\ home\ delivery
    | deliverable\ area | re-?enter\ (?:your\ )?zip
    | ^\s*share\ this: | like\ this:\ like | like\ loading | copy\ link | hide\ transcript
    | click\ here\ (?:to\ return|for\ reuse|to\ download) | report\ an\ error
    | follow\ [\w.@]+\ on\ (?:twitter|facebook) | follow\ us\ (?:online|on)
    | join\ the\ conversation | add\ a\ location\ to\ your\ tweets | tweet\ with\ a\ location
    | friend\ wanted\ you\ to\ see\ this | characters\ with\ black\ color
    | whenever\ .{1,40}\ posts\ new\ content | slideshow\ requires
    | facebook\ \|\ twitter | twitter\ \|\ facebook | ^\s*follow\ [\w.@]+\s*: | play\ facebook
    | set\ up\ your\ account | (?:sign|log)\ in\ to\ (?:update|view|continue|comment|read)
    | trending\ stories | pending\ comments | free\ apps\ \| | watch\ this\ story
    | download\ our\ app | download\ the\ [\w\ ]{0,30}news\ app | never\ miss\ another
    | for\ more\ .{0,30}\bnews,\ (?:listen|visit|go)
    | stay\ with\ \w+\ for\ more\ (?:details|updates|on\ this)
    | ^\s*contact\ .{0,60}@[\w-]+\.\w+ | ^\s*@\w+\s*$
    | views\ expressed\ in\ the\ comments
    | we\ welcome\ comments\ (?:on\ our\ articles|that\ advance)
    | your\ comments\ (?:may|will)\ be\ published | may\ edit\ your\ comments
    | this\ copy\ may\ not\ be\ in\ its\ final\ form | may\ not\ alter\ or\ remove\ any\ trademark
    | not\ responsible\ for\ (?:any\ )?content\ posted | not\ involved\ in\ the\ moderation
    | retain\ editorial\ control | unable\ to\ offer\ transcripts
    | get\ constant\ updates\ from\ our | comments\ to\ this\ entry\ are\ closed
    | ^\s*this\ (?:[\w.-]+\ ){0,3}?(?:article|story|column|post|report|item|summary|graphic)\b
      (?:(?!\b(?:that|which|who|found|said|says|showed|shows)\b)[^.;]){0,250}?
      \b(?:misspelled|misstated|misidentified|misquoted|misattributed|incorrectly|erroneously
      |omitted)\b
    | ^\s*(?:an?\ )?(?:earlier|previous)\ version\ of\ this\ (?:article|story|column|post|report)
    | ^\s*this\ (?:article|story|post)?\s*has\ been\ (?:corrected|amended)
    """,
    re.VERBOSE,
)
# Python's regular expressions try each of the phrases at every character (1.4 ms for a 4,000-
# character page, most of a 500-article timeline's time), while a substring test is a fast scan:
# every phrase above contains one of these literals or starts a line with one of the words
# below, so only a paragraph holding one of them (one in twenty in Timeline17) is searched. A
# phrase added above needs its literal here; tests/normalize/test_chrome.py checks each one.
_LITERALS = (
    "rights reserved", "copyright", "\u00a9", "material may not", "javascript", "browser",
    "flash update", "flash player", "flash disabled", "adobe flash", "adblock", "ad block",
    "ad-block", "trouble viewing", "scroll down for", "sign in", "sign up", "log in", "log up",
    "free email", "free e-mail", "news alerts", "newsletter", "already a subscriber",
    "already have an account", "verification", "confirmation email", "registering",
    "registration information", "terms of", "notification", "owner of this", "premium clicks",
    "digital access", "home delivery", "deliverable area", "enter zip", "enter your zip",
    "share this", "like this: like", "like loading", "copy link", "hide transcript", "click here",
    "report an error", "twitter", "facebook", "follow us", "join the conversation", "tweet",
    "wanted you to see", "black color", "posts new content", "slideshow", "set up your account",
    "trending stories", "pending comments", "free apps", "watch this story", "download",
    "never miss", "news, ", "stay with", "@", "views expressed", "welcome comments",
    "your comments", "final form", "trademark", "content posted", "moderation",
    "editorial control", "transcripts", "constant updates", "entry are closed", "misspelled",
    "misstated", "misidentified", "misquoted", "misattributed", "incorrectly", "erroneously",
    "omitted", "version of this", "been corrected", "been amended",
)  # fmt: skip
# Matched from a line's own start, so a match's offset is the start of the line it is on.
_LINE_OPENERS = re.compile(r"^[^\S\n]*(?:follow|contact|share|@)", re.MULTILINE)
# Words of navigation bars and share buttons; a short paragraph of nothing else is chrome.
_NAV = frozenset(
    """advertisement close email e-mail print share facebook twitter google google+ plus
    pinterest linkedin reddit whatsapp tumblr instagram youtube comments comment photos photo
    video videos more embed enlarge text size a sms messenger menu search home skip content
    next previous prev related stories read full story tweet link copy""".split()
)
# A video playlist entry: a running time, then the clip's title.
_PLAYLIST = re.compile(r"^\s*\d{1,2}:\d{2}\s+(?![ap]\.?\s?m\b)\S", re.IGNORECASE)
_MAX_PLAYLIST_WORDS = 16
# Readers' comments under a story each open with a header such as "At 21:31 21st Jun 2010,
# Ebi35 wrote:" or "At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote:" (BBC "Have your say"
# pages: 15 Timeline17 pages hold 429 of them, and timelines cited them as what happened). A
# page's comments follow its story, so from the first of two or more headers to the end of the
# page is comments; a single header marks only its own paragraph.
_COMMENT = re.compile(
    r"""(?:^|(?<=[.!?\s]))At\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?\s+)?(?:on\s+)?
    (?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})
    \s*,\s*[^\n,:]{1,40}?\s+wrote\s*:""",
    re.VERBOSE | re.IGNORECASE,
)
# BBC "Have your say" debate pages print readers' comments without headers, after a notice:
# from the notice's paragraph to the end of the page is comments (6 Timeline17 pages of 4-50
# thousand characters; an H1N1 timeline cited four of their comments for one day, "Why do you
# keep on about this swine flu?" among them).
_DEBATE = re.compile(
    r"^[ \t]*(?:this\ debate\ (?:is|has)\ now\ closed"
    r"|we\ will\ aim\ to\ publish\ as\ many\ of\ your\ (?:views|comments)"
    r"|a\ selection\ of\ your\ comments\ appears?\ below)",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
_DEBATE_LITERALS = ("debate", "as many of your", "comments appear")
# Blog pages (Timeline17's Washington Post blogs: 14 pages, 118 signed comments; a timeline cited
# three of them) sign each reader's comment below it: "Posted by: rallyart2012 | April 30, 2010
# 12:27 PM | Report abuse". The post itself ends with its own signature, "By Chris Cillizza |
# May 27, 2010; 2:08 PM ET", and the comments start there; without one, at the first comment's
# signature (the first comment's text cannot be told from the post's).
_POSTED = re.compile(
    r"Posted\ by\s*:\s*[^|\n]{1,60}\|\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*\d{4},?\s+"
    r"\d{1,2}:\d{2}\s*[AP]M\s*\|\s*Report\ abuse",
    re.VERBOSE,
)
_SIGNED = re.compile(
    r"\bBy\ [A-Z][^|\n]{1,80}?\s\|\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*\d{4}\s*;\s*"
    r"\d{1,2}:\d{2}\s*[AP]M\ ET\b",
    re.VERBOSE,
)
_TOKEN = re.compile(r"[\w+@.'-]+")
_MAX_WORDS = 60
_MAX_NAV_WORDS = 8


def is_chrome(paragraph: str) -> bool:
    """Whether one paragraph is site furniture rather than story text."""
    return _is_chrome(paragraph, phrases=_may_hold_phrases(paragraph.lower()))


def _is_chrome(paragraph: str, *, phrases: bool) -> bool:
    """``phrases``: whether the paragraph may hold a chrome phrase (``_may_hold_phrases``)."""
    # Tokenizing every line was most of the cost; each test below tokenizes only a line that
    # can pass it (a navigation bar starts with a navigation word, a playlist with a time).
    first = _TOKEN.search(paragraph)
    if first is None:
        return False
    if first.group().lower() in _NAV:
        words = _TOKEN.findall(paragraph)
        if len(words) <= _MAX_NAV_WORDS and all(w.lower() in _NAV for w in words):
            return True
    if _PLAYLIST.match(paragraph) and len(_TOKEN.findall(paragraph)) <= _MAX_PLAYLIST_WORDS:
        return True
    if not phrases:
        return False
    return (
        len(_TOKEN.findall(paragraph)) <= _MAX_WORDS
        and _PHRASES.search(paragraph.lower()) is not None
    )


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text``'s chrome: its chrome paragraphs (lines) and the readers'
    comments under the story, in order."""
    comments = _comment_spans(text)
    spans = list(comments)
    flagged = _phrase_lines(text)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        inside = any(a <= start and end <= b for a, b in comments)
        if not inside and line.strip() and _is_chrome(line, phrases=start in flagged):
            spans.append((start, end))
        start = end + 1
    return sorted(spans)


def without_chrome(text: str) -> str:
    """``text`` with its chrome removed (the paragraphs kept joined as they were)."""
    for a, b in reversed(_comment_spans(text)):
        text = text[:a] + text[b:]
    return "\n".join(
        line
        for line in text.split("\n")
        if not (line.strip() and _is_chrome(line, phrases=_may_hold_phrases(line.lower())))
    ).strip()


def _phrase_lines(text: str) -> set[int]:
    """Start offsets of the lines of ``text`` that may hold a chrome phrase. One scan of the
    page per literal, not one per literal and line: the per-line test was a fifth of a
    500-article timeline's time."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character that lowercases to two ("İ"): line by line
        flagged, start = set(), 0
        for line in text.split("\n"):
            if _may_hold_phrases(line.lower()):
                flagged.add(start)
            start += len(line) + 1
        return flagged
    flagged = {m.start() for m in _LINE_OPENERS.finditer(lowered)}
    for literal in _LITERALS:
        at = lowered.find(literal)
        while at != -1:
            flagged.add(lowered.rfind("\n", 0, at) + 1)
            at = lowered.find(literal, at + 1)
    return flagged


def _may_hold_phrases(lowered: str) -> bool:
    """Whether lowercased text may hold a chrome phrase (never False when it does)."""
    return any(literal in lowered for literal in _LITERALS) or bool(_LINE_OPENERS.search(lowered))


def _comment_spans(text: str) -> list[tuple[int, int]]:
    lowered = text.lower()
    spans = _headed_comments(text, lowered)
    signed = _signed_comments(text)
    if signed is not None:
        spans = _to_the_end(spans, signed, len(text))
    # A substring scan first, as for the headers: few pages hold a notice.
    debate = (
        _DEBATE.search(text) if any(literal in lowered for literal in _DEBATE_LITERALS) else None
    )
    if debate is None:
        return spans
    return _to_the_end(spans, text.rfind("\n", 0, debate.start()) + 1, len(text))


def _to_the_end(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """``spans`` cut at ``start``, then one span from ``start`` to the page's ``end``."""
    return [(a, min(b, start)) for a, b in spans if a < start] + [(start, end)]


def _signed_comments(text: str) -> int | None:
    """Where a blog page's signed comments start, or None."""
    if "Report abuse" not in text:  # every comment signature has it
        return None
    first = _POSTED.search(text)
    if first is None:
        return None
    posts = [m.start() for m in _SIGNED.finditer(text, 0, first.start())]
    return posts[-1] if posts else first.start()


def _headed_comments(text: str, lowered: str) -> list[tuple[int, int]]:
    """``lowered``: ``text.lower()``."""
    if "wrote" not in lowered:  # every header has it; a substring scan is far cheaper
        return []
    heads = [m.start() for m in _COMMENT.finditer(text)]
    if not heads:
        return []
    if len(heads) >= 2:
        return [(heads[0], len(text))]
    end = text.find("\n", heads[0])
    return [(heads[0], end if end >= 0 else len(text))]
