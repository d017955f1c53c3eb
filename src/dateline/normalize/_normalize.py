# ruff: noqa: RUF001 - typographic quotes and dashes are this module's subject
"""The normalize stage: :class:`RawDocument` in, :class:`Article` out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from dateline.errors import InputError, message
from dateline.models import (
    Article,
    Caption,
    Dateline,
    DateRule,
    IngestProblem,
    RawDocument,
    Severity,
)
from dateline.normalize._dates import make_date, nearest_year, parse_date
from dateline.normalize._detok import detokenize
from dateline.normalize._headers import (
    find_dateline,
    find_stamp,
    split_date_header,
    split_wire_header,
)
from dateline.normalize._structure import (
    find_byline,
    split_captions,
    split_run_in,
    split_title,
    split_topline,
)

__all__ = ["NORMALIZER_VERSION", "article_id", "normalize"]

NORMALIZER_VERSION: int = 1

DatePair = tuple[date, datetime | None]

# Most trusted first; see DateRule.
_TRUST = (
    DateRule.METADATA,
    DateRule.HEADER,
    DateRule.DATELINE,
    DateRule.CAPTION,
    DateRule.TOPLINE,
)
_TRAILING_PUNCT = " .,;:!?"
# A title longer than this is a paragraph of the story.
_MAX_TITLE_CHARS = 200


def article_id(title: str | None, text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-256 over title and body.

    :param title: the normalized title, or ``None``.
    :param text: the normalized body.
    """
    return hashlib.sha256(((title or "") + "\n\n" + text).encode()).hexdigest()[:16]


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, each kept once: pages repeat a caption or a pull quote verbatim."""
    seen: set[str] = set()
    out: list[str] = []
    for line in text.split("\n"):
        paragraph = line.strip()
        if paragraph and paragraph not in seen:
            seen.add(paragraph)
            out.append(paragraph)
    return out


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = detokenize(value)
    return cleaned or None


def _keys(text: str) -> tuple[str, str]:
    """Comparison keys for titles: letters and digits, with and without a possessive ``s``.

    MEANTIME's shortened titles drop punctuation and sometimes the ``s`` of a possessive
    (``Indonesia transport minister.`` for ``Indonesia's transport minister tells ...``),
    sometimes only the apostrophe (``Apples iTunes replaces.``).
    """
    lowered = text.lower()
    without_s = lowered.replace("'s", "").replace("’s", "")
    return (
        "".join(c for c in without_s if c.isalnum()),
        "".join(c for c in lowered if c.isalnum()),
    )


def _extends(full: str, short: str) -> bool:
    """Whether title ``full`` starts with (a shortened) title ``short``."""
    return any(f.startswith(s) for f in _keys(full) for s in _keys(short))


def _key(text: str) -> str:
    return _keys(text)[0]


def _strip_known_title(title: str, story: list[str]) -> list[str]:
    """Remove ``title`` when the body repeats it as its first paragraph or runs it in."""
    if not story:
        return story
    first = story[0]
    if _key(first) == _key(title):
        return story[1:] if len(story) > 1 else story
    bare = title.rstrip(_TRAILING_PUNCT)
    if len(bare) > 10 and first.startswith(bare + " "):
        return [first[len(bare) + 1 :], *story[1:]]
    return story


def _dateline_date(
    month: int, day: int, year: int | None, candidates: dict[DateRule, DatePair]
) -> date | None:
    if year is not None:
        return make_date(year, month, day)
    for rule in _TRUST:
        if rule in candidates:
            return nearest_year(month, day, candidates[rule][0])
    return None


@dataclass(slots=True)
class _Draft:
    """The article while the steps of :func:`normalize` take the page apart."""

    story: list[str]  # paragraphs of the story, first to last
    text: str  # the whole detokenized text, for word statistics
    candidates: dict[DateRule, DatePair] = field(default_factory=dict)
    furniture: list[str] = field(default_factory=list)  # page text before a wire header
    captions: list[Caption] = field(default_factory=list)
    title: str | None = None  # a title found in the text
    byline: str | None = None  # a byline found in the text
    headed: bool = False  # a wire header or site stamp showed where the story starts


def normalize(raw: RawDocument, *, warn: Callable[[IngestProblem], None] | None = None) -> Article:
    """Turn a raw document into a normalized :class:`Article`.

    Detokenizes the text, drops repeated paragraphs, strips wire and ``date`` headers, moves
    photo captions and bylines out of the body, splits off a title, finds the dateline, and
    picks the publication date from the most trusted evidence (metadata, header, dateline,
    same-day caption, date line under the title).

    :param raw: the document as a reader produced it.
    :param warn: called with a ``W002`` warning when ``raw.published`` cannot be parsed.
    :raises InputError: ``E012`` when no text is left after normalization.
    """
    provenance = raw.provenance
    text = detokenize(raw.text)
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise InputError("E012", path=provenance.path, record=provenance.record)
    draft = _Draft(story=list(paragraphs), text=text)
    _metadata_date(raw, draft, warn)
    _strip_headers(draft)
    _strip_captions(draft)
    title = _take_title(draft, _clean(raw.title))
    _strip_byline(draft)
    byline = _clean(raw.byline) or draft.byline
    dateline = _find_dateline(draft)

    body = "\n\n".join(draft.furniture + draft.story)
    captions = tuple(draft.captions)
    if not body:
        # Everything looked like a caption, title or byline: keep the text rather than fail.
        title, byline, captions, dateline = _clean(raw.title), _clean(raw.byline), (), None
        body = "\n\n".join(paragraphs)

    rule = next((r for r in _TRUST if r in draft.candidates), None)
    published, published_at = draft.candidates[rule] if rule is not None else (None, None)
    return Article(
        id=article_id(title, body),
        title=title,
        text=body,
        raw_text=raw.text,
        provenance=provenance,
        published=published,
        published_at=published_at,
        date_rule=rule,
        dateline=dateline,
        byline=byline,
        captions=captions,
        publisher=raw.publisher,
        url=raw.url,
        external_id=raw.external_id,
    )


def _metadata_date(
    raw: RawDocument, draft: _Draft, warn: Callable[[IngestProblem], None] | None
) -> None:
    if raw.published is None or not raw.published.strip():
        return
    parsed = parse_date(raw.published)
    if parsed is not None:
        draft.candidates[DateRule.METADATA] = parsed
    elif warn is not None:
        warn(
            IngestProblem(
                path=raw.provenance.path,
                code="W002",
                message=message("W002", value=raw.published),
                record=raw.provenance.record,
                severity=Severity.WARNING,
            )
        )


def _strip_headers(draft: _Draft) -> None:
    """Strip a ``date`` header, a Reuters wire header or a site's date stamp."""
    story = draft.story
    rest, header_date = split_date_header(story[0])
    if header_date is not None:
        draft.candidates[DateRule.HEADER] = header_date
        story = [rest, *story[1:]] if rest else story[1:]

    wire = split_wire_header(story)
    if wire is not None:
        draft.headed = True
        if wire.date is not None:
            draft.candidates.setdefault(DateRule.HEADER, wire.date)
        for paragraph in story[: wire.index]:
            if paragraph in wire.captions:
                draft.captions.append(Caption(text=paragraph))
            elif not paragraph.startswith("Credit:"):
                draft.furniture.append(paragraph)
        credits = [*wire.credits, *([wire.credit] if wire.credit else [])]
        if credits and draft.captions and draft.captions[-1].credit is None:
            draft.captions[-1] = Caption(text=draft.captions[-1].text, credit=_join(credits))
        draft.title, draft.byline = wire.title, wire.byline
        draft.story = ([wire.lead] if wire.lead else []) + story[wire.index + 1 :]
        return

    stamp = find_stamp(story[0]) if story else None
    if stamp is not None:
        draft.headed = True
        draft.candidates.setdefault(DateRule.HEADER, stamp.date)
        story = ([stamp.after] if stamp.after else []) + story[1:]
        before = stamp.before.rstrip(" |")
        if stamp.before.endswith("|"):
            draft.byline = before  # a BBC blog's ``Author | 07:37 UK time, ...``
        elif before:
            # Guardian: ``Title Standfirst Tuesday 12 May 2009 16.36 BST Body ...``
            run_in = split_run_in(before, draft.text, unterminated=True)
            if run_in is not None:
                draft.title = run_in[0]
                story = [run_in[1], *story]
            elif len(before) <= _MAX_TITLE_CHARS:
                draft.title = before
            else:
                story = [before, *story]
    draft.story = story


def _strip_captions(draft: _Draft) -> None:
    draft.furniture, furniture_captions, _ = split_captions(draft.furniture)
    draft.story, story_captions, caption_day = split_captions(draft.story)
    draft.captions.extend(Caption(text=t, credit=c) for t, c in furniture_captions)
    draft.captions.extend(Caption(text=t, credit=c) for t, c in story_captions)
    if caption_day is not None:
        draft.candidates[DateRule.CAPTION] = (caption_day, None)


def _take_title(draft: _Draft, given: str | None) -> str | None:
    """The title: the record's, else one found in the text; strip it from the story."""
    if draft.story and not draft.headed:
        topline = split_topline(draft.story[0])
        if topline is not None:
            found, lead, day = topline
            draft.candidates[DateRule.TOPLINE] = day
            draft.story = [lead, *draft.story[1:]]
            # MEANTIME's record titles are shortened; the text's is the complete one.
            if given is None or _extends(found, given.rstrip(_TRAILING_PUNCT)):
                return found
            return given
    if given is not None:
        if draft.title is None:
            draft.story = _strip_known_title(given, draft.story)
        return given
    if draft.title is not None or draft.headed:
        return draft.title
    split = split_title(draft.story, draft.text)
    if split is None:
        return None
    title, draft.story = split
    return title


def _strip_byline(draft: _Draft) -> None:
    at = find_byline(draft.story)
    if at is not None:
        draft.byline = draft.byline or draft.story[at]
        draft.story = draft.story[:at] + draft.story[at + 1 :]


def _find_dateline(draft: _Draft) -> Dateline | None:
    found = find_dateline(draft.story[0]) if draft.story else None
    if found is None:
        return None
    if found.month is not None and found.day is not None:
        day = _dateline_date(found.month, found.day, found.year, draft.candidates)
        if day is not None:
            draft.candidates[DateRule.DATELINE] = (day, None)
    offset = sum(len(p) + 2 for p in draft.furniture)
    return Dateline(place=found.place, agency=found.agency, start=offset, end=offset + found.end)


def _join(parts: list[str]) -> str:
    """Join credit fragments split by the tokenizer after ``U.`` (``.../U.`` + ``S. Navy``)."""
    out = parts[0]
    for part in parts[1:]:
        out += part if out.endswith(".") and out[-2:-1].isupper() else " " + part
    return out
