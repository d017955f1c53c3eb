"""Page chrome: the paragraphs of a scraped page that belong to the site, not to the story.

Texts extracted from web pages keep the site's furniture around the story: login and newsletter
prompts, video-player notices, share bars, copyright lines. Stored text keeps them (offsets and
article ids stay as ingested); the stages that compare or summarise articles skip them, because
a copyright line names the station and a share bar is the same on every page of a site, so two
unrelated reports from one outlet would look alike. In the GVA violent corpus, 27% of the
same-incident article pairs that dateline split had such a paragraph among their first three.
"""

from __future__ import annotations

import re

__all__ = ["chrome_spans", "is_chrome", "without_chrome"]

# Phrases that, in a short paragraph, only site furniture uses. Each is a whole phrase, not a
# single word ("Facebook" or "subscribe" alone occur in reporting).
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
    """,
    re.IGNORECASE | re.VERBOSE,
)
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
_TOKEN = re.compile(r"[\w+@.'-]+")
_MAX_WORDS = 60
_MAX_NAV_WORDS = 8


def is_chrome(paragraph: str) -> bool:
    """Whether one paragraph is site furniture rather than story text."""
    words = _TOKEN.findall(paragraph)
    if not words:
        return False
    if len(words) <= _MAX_NAV_WORDS and all(w.lower() in _NAV for w in words):
        return True
    if len(words) <= _MAX_PLAYLIST_WORDS and _PLAYLIST.match(paragraph):
        return True
    return len(words) <= _MAX_WORDS and _PHRASES.search(paragraph) is not None


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the chrome paragraphs (lines) of ``text``, in order."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and is_chrome(line):
            spans.append((start, end))
        start = end + 1
    return spans


def without_chrome(text: str) -> str:
    """``text`` with its chrome paragraphs removed (the others joined as they were)."""
    return "\n".join(
        line for line in text.split("\n") if not (line.strip() and is_chrome(line))
    ).strip()
