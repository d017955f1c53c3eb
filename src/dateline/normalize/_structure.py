# ruff: noqa: RUF001, RUF002 - typographic quotes and dashes are this module's subject
"""Recognise the parts of a page around its story: photo captions, bylines and the title.

Every function here works on detokenized paragraphs (one string per line of the source) and is
tuned on real copy: Timeline17 (Reuters, BBC, Guardian, Fox News, Washington Post pages in PTB
tokens), MEANTIME (Wikinews) and AP stories. Where a heuristic can be wrong it is tuned for
precision: leaving a caption or a run-in title in the body costs less than cutting a sentence of
the story out of it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateline.normalize._dates import MONTH, make_date, month_number, parse_date, weekday_matches
from dateline.normalize._headers import find_dateline

__all__ = [
    "caption_date",
    "find_byline",
    "is_byline",
    "split_captions",
    "split_run_in",
    "split_title",
    "split_topline",
]

DatePair = tuple[date, datetime | None]


def _words(text: str) -> list[str]:
    """Split a word list written as prose: easier to read and extend than a list literal."""
    return text.split()


# --- captions ----------------------------------------------------------------------------------

_AGENCIES = r"(?:AP Photo|AP|AFP|Reuters|REUTERS|EPA|Getty Images|Bloomberg|Xinhua|UPI)"
# ``(AP Photo/Rodrigo Abd)``, ``(REUTERS/Jason Reed)``, ``(AFP/Getty Images)``,
# ``(Robert F. Sisson/NG/Getty Images)``, ``(Photo: ...)``. A bare ``(56km/h)`` or
# ``(30/31 May 2009)`` is not a credit: an agency name must stand between the slashes.
_PAREN_CREDIT_RX = re.compile(
    rf" ?\((?P<credit>(?:[^()/]{{1,60}}/){{0,3}}{_AGENCIES}(?:/[^()]{{1,60}})?"
    r"|Photo: (?P<photo>[^()]{1,80}))\)\.?$"
)
# ``... Mexican Gulf Photograph: guardian.``, ``Photo: Jane Doe/Agency``.
_TRAILING_CREDIT_RX = re.compile(r"(?:^| )(?:Photo|Photograph|Picture): (?P<credit>\w[^:]{0,60})$")
_CREDIT_SENTENCE_RX = re.compile(r"\. [a-z]|[!?]")
_FILE_RX = re.compile(r"FILE(?: -| —| –| --|:) ")
_IN_THIS_RX = re.compile(r"In this (?:[\w.,]+ ){0,6}?(?:photo|image|picture)\b")
_FILE_PHOTO_RX = re.compile(r"\bfile (?:photo|image|picture)\b", re.IGNORECASE)
# AP style for a same-day picture: ``..., Thursday, Oct. 25, 2018.``
_CAPTION_DATE_RX = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    rf"(?P<month>{MONTH}) (?P<day>\d{{1,2}}), (?P<year>\d{{4}})\b"
)
# Credits sit in a paragraph's last characters; searching only there keeps this cheap.
_CREDIT_WINDOW = 160


def _credit_of(paragraph: str) -> tuple[str, str] | None:
    """Split a trailing photo credit off ``paragraph``: (caption text, credit)."""
    start = max(0, len(paragraph) - _CREDIT_WINDOW)
    if paragraph.endswith((")", ").")):
        match = _PAREN_CREDIT_RX.search(paragraph, start)
        if match is not None:
            credit = match["photo"] or match["credit"]
            return paragraph[: match.start()].rstrip(), credit.strip()
    if "Photo" in paragraph or "Picture" in paragraph:
        match = _TRAILING_CREDIT_RX.search(paragraph, start)
        if match is not None and match.start() > 0:
            credit = match["credit"].rstrip(".").strip()
            if not _CREDIT_SENTENCE_RX.search(credit) and len(credit.split()) <= 8:
                return paragraph[: match.start()].rstrip(), credit
    return None


def caption_date(text: str) -> date | None:
    """The same-day date of a (non-file) caption: ``..., Thursday, Oct. 25, 2018.``."""
    if _FILE_PHOTO_RX.search(text):
        return None
    for match in _CAPTION_DATE_RX.finditer(text):
        day = make_date(int(match["year"]), month_number(match["month"]), int(match["day"]))
        if day is not None and weekday_matches(match["weekday"], day):
            return day
    return None


def split_captions(
    paragraphs: list[str],
) -> tuple[list[str], list[tuple[str, str | None]], date | None]:
    """Separate photo captions from the body.

    :returns: the remaining paragraphs, the captions as (text, credit), and the first same-day
        caption date (never from a ``FILE`` photo).
    """
    body: list[str] = []
    captions: list[tuple[str, str | None]] = []
    day: date | None = None
    for paragraph in paragraphs:
        split = _credit_of(paragraph)
        is_file = bool(_FILE_RX.match(paragraph)) if paragraph[:4] == "FILE" else False
        in_this = paragraph.startswith("In this ") and bool(_IN_THIS_RX.match(paragraph))
        if split is None and not is_file and not in_this:
            body.append(paragraph)
            continue
        text, credit = split if split is not None else (paragraph, None)
        captions.append((text, credit))
        if day is None and not is_file:
            day = caption_date(text)
    return body, captions, day


# --- bylines -----------------------------------------------------------------------------------

_BYLINE_LOWER = frozenset({"and", "&", "of", "the", "for", "de", "van", "von", "der", "la", "le"})
# Calibration: ``By Maggie Fox, Health and Science Editor`` (41 characters) is a long one.
_MAX_BYLINE = 100


def is_byline(paragraph: str) -> bool:
    """Whether ``paragraph`` is a byline: ``By JOHN SMITH, Associated Press``."""
    if not paragraph.startswith("By ") or len(paragraph) > _MAX_BYLINE:
        return False
    if paragraph.endswith(("?", "!", ":")):
        return False
    words = paragraph[3:].replace(",", " ").split()
    if not words or not words[0][0].isupper() or len(words) > 14:
        return False
    return all(w[0].isupper() or w in _BYLINE_LOWER for w in words)


def find_byline(paragraphs: list[str]) -> int | None:
    """Index of a byline paragraph at the top or the bottom, or ``None``."""
    if paragraphs and is_byline(paragraphs[0]):
        return 0
    if len(paragraphs) > 1 and is_byline(paragraphs[-1]):
        return len(paragraphs) - 1
    return None


# --- titles ------------------------------------------------------------------------------------

_FUNCTION_WORDS = frozenset(
    _words(
        """
        a an the this that these those his her its their our my your some any no every each all both
        either neither another such what which whose of in on at to for with by from about as into
        like through after over between out against during without before under around among off up
        down near across behind beyond upon within toward towards via than since until despite per
        and or but nor so yet if because while when where although though whether unless is are was
        were be been being am has have had having do does did will would shall should can could may
        might must not he she it they we i you him them us me who whom said says say told tell tells
        mr mrs ms dr st
        """
    )
)
_ABBREVIATIONS = frozenset(
    _words(
        """
        Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Capt Sgt Adm St Mt Jr Sr Inc Corp Co Ltd Bros No
        Nos vs Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Ft La Ala Ariz Ark Calif Colo Conn Del Fla
        Ga Ill Ind Kan Ky Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis
        Wyo Rev Hon etc al
        """
    )
)
# Prenominal modifiers: ``over second Alaska spill``, ``the northern Gulf``, ``at two State
# Department events``.
_MODIFIERS = frozenset(
    _words(
        """
        first second third fourth fifth last next new old former latest late early top big biggest
        small largest major key main chief senior junior local national federal state public private
        offshore northern southern eastern western central north south east west downtown one two
        three four five six seven eight nine ten dozen dozens hundreds thousands several few many
        fatal additional annual international potential initial final total critical political
        financial environmental medical
        """
    )
)
_ADJECTIVE_ENDINGS = ("ed", "en", "ing", "ic", "ous", "ive", "ful", "less", "able", "ible")
_DETERMINERS = frozenset(_words("a an the this that these those his her its their our"))
# Capitalized, these open a sentence; ``Mr``/``Dr`` open a name.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "st"})
# Words after which the next word is a verb's object, not a new sentence.
_VERBAL = frozenset(
    _words(
        """
        to is are was were be been being am has have had do does did will would shall should can
        could may might must not he she it they we i you who which that
        """
    )
)
# A title may end in a noun phrase opened by one of these (``pulled from the rubble``).
_NOUN_PHRASE_OPENERS = frozenset(
    _words(
        """
        a an the this that these those his her its their our of from in on at for with by into
        after over about against during without before under around among near across behind
        """
    )
)
_CALENDAR = frozenset(
    _words(
        """
        january february march april may june july august september october november december jan
        feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
        saturday sunday
        """
    )
)
_SENTENCE_OPENERS = _FUNCTION_WORDS - _HONORIFICS
_WORD_RX = re.compile(r"[a-z][a-z'’-]*[a-z]|[£$€]?\d[\d,.]*(?:bn|m|k|%)?")
_CLOSERS = "”’\"')]"
_TOPLINE_RX = re.compile(rf"(?P<date>{MONTH} \d{{1,2}}, \d{{4}}) (?=[A-Z0-9“‘\"'(])")
# Calibration: MEANTIME titles run to 16 words and 110 characters; the date follows at most
# 150 characters in; ``the first ~300 chars`` leaves room for long headlines elsewhere.
_TOPLINE_WINDOW = 300
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_MIN_TITLE_WORDS = 3
_MIN_LEAD_WORDS = 4


def _ends_sentence(token: str) -> bool:
    """Whether ``token`` ends a sentence (``said.``, ``it?”``), not an abbreviation (``U.S.``)."""
    core = token.rstrip(_CLOSERS)
    if not core or core[-1] not in ".!?":
        return False
    if core[-1] != ".":
        return True
    word = core[:-1].lstrip("(“‘\"'")
    if not word or word in _ABBREVIATIONS or word.endswith("."):
        return False
    # Initials and initialisms: ``A.``, ``U.S.``, ``U.N.`` (after the final dot is cut: ``U.S``).
    return not (word[0].isupper() and (len(word) == 1 or "." in word))


def has_sentence_end(text: str) -> bool:
    """Whether ``text`` holds a sentence end before its last word."""
    return any(_ends_sentence(token) for token in text.split(" ")[:-1])


def split_topline(paragraph: str) -> tuple[str, str, DatePair] | None:
    """MEANTIME/Wikinews: ``Title words March 01, 2008 Body ...`` → (title, body, date)."""
    match = _TOPLINE_RX.search(paragraph, 0, _TOPLINE_WINDOW)
    if match is None:
        return None
    title = paragraph[: match.start()].rstrip()
    words = title.split(" ")
    if not title or len(title) > _MAX_TITLE_CHARS or len(words) < 2:
        return None
    if title[-1] in ",;:" or words[-1] in _FUNCTION_WORDS:
        return None
    if any(_ends_sentence(token) for token in words):
        return None
    parsed = parse_date(match["date"])
    if parsed is None:
        return None
    return title, paragraph[match.end() :], parsed


def _capitalized(token: str) -> bool:
    if token[:1] in "“‘\"'":
        token = token[1:]
    return token[:1].isupper()


def split_title(paragraphs: list[str], context: str) -> tuple[str, list[str]] | None:
    """Find a title at the top of a body without one: (title, remaining paragraphs).

    Either a short first paragraph without a final period (a plain-text file's title line), or a
    title run into the first sentence without a newline (Timeline17 BBC pages): ``People in
    Mexico have been wearing masks as a precaution A third of the world's population ...``.

    :param context: the whole article text, to tell sentence-initial common words from names.
    """
    if not paragraphs or find_dateline(paragraphs[0]) is not None:
        return None
    first = paragraphs[0]
    if (
        len(paragraphs) > 1
        and len(first) <= _MAX_TITLE_CHARS
        and any(c.isalpha() for c in first)
        and first.rstrip(_CLOSERS)[-1:] not in ".,;:"
        and not is_byline(first)
    ):
        return first, paragraphs[1:]
    split = split_run_in(first, context)
    if split is None:
        return None
    title, rest = split
    return title, [rest, *paragraphs[1:]]


def split_run_in(
    paragraph: str, context: str, *, unterminated: bool = False
) -> tuple[str, str] | None:
    """Split ``Title words Capitalized first sentence ...`` at the first plausible boundary.

    A boundary follows a lowercase content word or a number and precedes a capitalized word; the
    title keeps 3–30 words and the rest must run at least four words to a sentence end (or to the
    end of ``paragraph`` if ``unterminated``: a Guardian standfirst has no final period).

    Calibration on Timeline17's first lines: most false boundaries precede a *name* inside a
    sentence (``BP attempts to plug Gulf of Mexico oil leak``, ``faces new fines over second
    Alaska spill``, ``he caused Michael Jackson's death``), most true ones a sentence-initial
    common word (``... a precaution A third of the world``). So a boundary before a word that the
    article also uses in lowercase (or a capitalized function word, ``The``, ``It``) is taken; one
    before a name only when the title ends in a plain noun phrase (``pulled from the rubble
    Haitian Wismond ...``). Never after a verb's auxiliary, pronoun or ``to``, nor before a month
    or weekday (``until late July``).
    """
    tokens = paragraph.split(" ", _MAX_TITLE_WORDS + 1)
    limit = min(len(tokens) - 1, _MAX_TITLE_WORDS)
    for i in range(limit):
        token = tokens[i]
        if _ends_sentence(token):
            return None
        if i + 1 < _MIN_TITLE_WORDS or not _capitalized(tokens[i + 1]):
            continue
        word = token.rstrip("”’\"'")
        if not _WORD_RX.fullmatch(word) or word in _FUNCTION_WORDS or word in _MODIFIERS:
            continue
        before = tokens[i - 1].lower()
        if before in _VERBAL or before.endswith(("n't", "n’t")):
            continue
        following = tokens[i + 1].lstrip("“‘\"'").rstrip(",.;:!?”’\"'")
        lowered = following.lower()
        if lowered in _CALENDAR:
            continue
        # An acronym (``US``, ``BP``) is a name even when its lowercase is a word (``us``).
        acronym = len(following) > 1 and following.isupper()
        common = following == "FILE" or (lowered in _SENTENCE_OPENERS and not acronym)
        if word[-1].isdigit() and not common:
            # ``asked for 20,000 National Guard troops``: a count before a name is prose; a title
            # ending in an amount is followed by a sentence opening ``A``/``The``/``It``.
            continue
        if not common and not acronym:
            common = _lowercase_in(lowered, context)
        if not common and (
            before not in _NOUN_PHRASE_OPENERS or (before in _DETERMINERS and _modifier_like(word))
        ):
            continue
        rest = " ".join(tokens[i + 1 :])
        if _lead_words(rest, unterminated=unterminated) < _MIN_LEAD_WORDS:
            continue
        return " ".join(tokens[: i + 1]), rest
    return None


def _modifier_like(word: str) -> bool:
    """Whether ``word`` after a determiner reads as an adjective before a name (``the damaged
    Gulf``, ``its leaking Gulf``, ``the president's Oil Spill Commission``, ``the blown-out Macondo
    well``); after a preposition it is more often a noun (``from testifying``)."""
    return "-" in word or word.endswith(_ADJECTIVE_ENDINGS) or word.endswith(("'s", "’s"))


def _lowercase_in(word: str, context: str) -> bool:
    """Whether ``word`` occurs in lowercase in ``context``: a common word, not a name."""
    if not word.isalpha():
        return False
    return any(f" {word}{end}" in context for end in " ,.")


def _lead_words(text: str, *, unterminated: bool = False) -> int:
    """Words up to and including the first sentence end; 0 when no sentence ends (unless
    ``unterminated``: then all of them)."""
    tokens = text.split(" ")
    for count, token in enumerate(tokens, 1):
        if _ends_sentence(token):
            return count
    return len(tokens) if unterminated else 0
