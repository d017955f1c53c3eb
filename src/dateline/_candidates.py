"""Which sentences of a page may stand in a timeline, and where a sentence starts once a photo
credit run into it is left out."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import islice
from operator import itemgetter

__all__ = ["WORD", "after_credit", "candidate_words", "is_candidate", "photo_credits", "uncredited"]

WORD = re.compile(r"[^\W\d_]{2,}")
# Sentences shorter than this are headlines, datelines or fragments; longer ones are run-ons
# (often several sentences the splitter missed in PTB-tokenized text). Timeline17 dev AR-1
# for each choice here: docs/notes/timelines.md.
_MIN_WORDS, _MAX_WORDS = 8, 45
# A line that ends without sentence punctuation or with a colon is a caption, a heading or a
# list item ("Deepwater Horizon rig explodes, killing 11 people 28 April:"); "By <Name>" opens
# a byline.
_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")")
_BYLINE = re.compile(r"^\s*By [A-Z]")
# Photo captions and credits ("In this aerial photo taken ...", "... in this handout
# photograph.", slideshow captions "Apr. 21: Fire boat crews battle ...", a clip's title "Video:
# BP officials arrive at White House ...") describe a picture,
# and teasers cut off with an ellipsis ("... to ensure it follows all envir ...") are
# fragments of other pages: bpoil_foxnews cited five of them (AR-1 0.124 -> 0.136 without).
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)\s*$")
_CAPTION = re.compile(
    r"""\bin\ this\ (?:[\w-]+\ ){0,3}(?:photo|photograph|picture|image)\b
    | \b(?:file|handout|aerial|undated)\ (?:photo|photograph|picture|image)\b
    | \bphoto\ (?:taken|released|provided)\b | \(AP\ Photo | ^\s*PHOTO\b
    | ^\s*(?:video|audio|photos?|pictures|gallery|slideshow|graphic|interactive|map)\s*:
    | ^\s*(?:AP\s+|Reuters\s+)?
      (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*:""",
    re.VERBOSE | re.IGNORECASE,
)
# A sentence addressed to the reader promotes another page ("Follow the latest updates on the
# spread of the virus", "View how tourism, commerce and the coastline are all at risk.", "Click
# on the icons for more detailed images.") or asks for the reader's story ("Have you or your
# family been affected by the earthquake?", "We want your ideas on how to stop the leak"); it
# never tells what happened.
_PROMO = re.compile(
    r"""\W*(?:(?:watch|view|see|explore|follow|click|read|listen\ to|find\ out|tell\ us|send\ us
          |share\ your|sign\ up)
      \s+(?:the|our|all|how|what|this|these|more|here|on|to|us|them|his|her|their|your|updates
          |photos|video|live)\b
    | (?:click|tell\ us|send\ us|sign\ up)\b
    | have\ you\ (?:or\ [\w\ ]{1,30}\ )?been\ (?:affected|caught|involved)
    | (?:are|were)\ you\ (?:in|there|affected|taking\ part|caught|travelling|traveling)\b
    | we\ (?:want|would\ like|'d\ like)\ (?:your|to\ hear) | let\ us\ know)""",
    re.VERBOSE,
)
# A question put to the reader ("What precautions are you taking?", "... but what do you
# think?") opens a comment thread or a call for stories: 237 such lines in Timeline17, none of
# them news. A question quoted from someone ends with its quote mark and stays.
_TO_THE_READER = frozenset({"you", "your", "yours", "yourself"})
# Timeline17's Guardian pages run a photo credit into the sentence after the caption ("... on
# the beach Photograph: Gerald Herbert/AP BP has smashed City forecasts ..."; 257 sentences,
# about 20 of them cited): the sentence is cited from after the credit. A credit is
# "Name/Agency[/Agency]" (a two-word agency's second word included: "Getty Images", "Rex
# Features") or an agency alone ("Photograph: AP"). After a credit that is neither
# ("Photograph: Carolyn Cole Here's my take ...") where the sentence starts cannot be told, and
# it is no candidate.
_CREDIT = re.compile(r"\b(?:Photograph|Illustration):\s+")
_CREDIT_TOKENS = 6
_SLASHED = re.compile(r"[A-Za-z][\w.'-]*(?:/[A-Za-z][\w.'-]*)+[.,;]?")
_AGENCY_WORDS = frozenset(
    {"Images", "Features", "House", "Press", "Photos", "Pictures", "Broadcasting"}
)
_AGENCY = re.compile(
    r"""(?:Associated\ Press|Getty\ Images|Rex\ Features|Public\ Domain|BP\ LLC|AP|Reuters
    |REUTERS|EPA|AFP|PA|Nasa|NASA|Corbis|Greenpeace|BP)\b
    | (?:[A-Z][\w.'-]*\s){1,3}for\ the\ (?:Guardian|Observer)\b""",
    re.VERBOSE,
)
_NONSPACE = re.compile(r"\S+")


def photo_credits(text: str) -> list[tuple[int, int | None]]:
    """The photo credits of a page: where each one's marker starts, and where the text after the
    credit resumes (None when that cannot be told)."""
    # Few pages have one: the others skip the search (these are _CREDIT's markers).
    if "Photograph:" not in text and "Illustration:" not in text:
        return []
    credits: list[tuple[int, int | None]] = []
    for credit in _CREDIT.finditer(text):
        tokens = list(islice(_NONSPACE.finditer(text, credit.end()), _CREDIT_TOKENS + 1))
        slashed = [
            i for i, t in enumerate(tokens[:_CREDIT_TOKENS]) if _SLASHED.fullmatch(t.group())
        ]
        resume: int | None = None
        if slashed:
            last = slashed[-1]
            resume = tokens[last].end()
            if last + 1 < len(tokens) and tokens[last + 1].group() in _AGENCY_WORDS:
                resume = tokens[last + 1].end()
        elif (agency := _AGENCY.match(text, credit.end())) is not None:
            resume = agency.end()
        credits.append((credit.start(), resume))
    return credits


def after_credit(
    text: str, start: int, end: int, credits: Sequence[tuple[int, int | None]]
) -> int | None:
    """Where the sentence ``text[start:end]`` begins once the photo credits run into it are
    left out (``start`` without one), or None when a credit's end cannot be told.
    ``credits``: ``photo_credits(text)``."""
    if not credits:
        return start
    i = bisect_left(credits, start, key=itemgetter(0))
    while i < len(credits) and credits[i][0] < end:
        resume = credits[i][1]
        if resume is None:
            return None
        start = max(start, resume)
        i += 1
    while start < end and text[start].isspace():
        start += 1
    return start


def uncredited(sentence: str) -> str:
    """``sentence`` without the photo credits run into it."""
    start = after_credit(sentence, 0, len(sentence), photo_credits(sentence))
    return sentence[start or 0 :]


def is_candidate(text: str) -> bool:
    """Whether a sentence may stand in a timeline."""
    return candidate_words(text) is not None


def candidate_words(text: str) -> list[str] | None:
    """A candidate sentence's lowercased ``WORD`` tokens, or None if it is no candidate."""
    stripped = text.rstrip()
    if not stripped.endswith(_ENDS) or _BYLINE.match(stripped) or _TRUNCATED.search(stripped):
        return None
    lowered = stripped.lower()
    if _PROMO.match(lowered):
        return None
    words: list[str] = WORD.findall(lowered)
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return None
    if stripped.endswith("?") and not _TO_THE_READER.isdisjoint(words):
        return None
    # Every caption pattern has a colon or one of these words: most sentences skip the search.
    if (
        ":" in stripped or "photo" in lowered or "picture" in lowered or "image" in lowered
    ) and _CAPTION.search(stripped):
        return None
    return words
