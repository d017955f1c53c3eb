"""Figures: cited numbers with their qualifier, range, unit, counted noun, date and quote.

``FigureExtractor`` (factory ``dateline_figures``) writes ``doc._.dl_figures``, a list of
:class:`~dateline.models.Figure` in text order. It runs in two passes:

1. a regular-expression scan of ``doc.text`` (:mod:`._figure_scan`) finds digits, number words,
   scales, currencies, percentages, ranges and ages, reads their qualifier (``at least``,
   ``up to``, ``a little over``) and drops dates, times, years, phone numbers, addresses and
   names (``Boeing 737``);
2. the parse is consulted only at those spans: the noun a number modifies is its ``subject``
   (``800 active duty troops``) or ``unit`` (``1,000 miles``), a date governed by the same verb
   or noun is its ``date``, and the quote containing it is its ``quote``.

Time expressions from ``dateline_times`` (``doc._.dl_times``) take precedence over the scan's own
date heuristics when present; without them a ``in 2017`` year is still read from the parse.
:func:`casualties` derives killed and injured counts from the figures of a shooting report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.annotate import _base  # noqa: F401  (declares the doc._ extensions)
from dateline.annotate._figure_casualty import Casualties, casualties
from dateline.annotate._figure_lexicon import NUMBER_WORDS, PERSON_NOUNS, TIME_UNITS, UNIT_WORDS
from dateline.annotate._figure_scan import Candidate, scan
from dateline.models import Figure, Quote, TimeExpression, TimexType

__all__ = ["Casualties", "FigureExtractor", "casualties", "extract_figures", "make_figures"]

# Dependencies by which a number hangs on the noun it counts (``800 troops``, ``about 2,000``).
_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "appos", "det"})
# Modifiers kept in a subject: ``active duty troops``, ``National Guard members``.
_SUBJECT_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "punct", "advmod", "poss"})
# Singular person nouns after ``a``/``an`` count one person (``a woman was injured``).
_SINGULAR_PEOPLE = frozenset(
    w for w in PERSON_NOUNS if not w.endswith(("s", "men", "people", "children"))
) | {"person", "boss", "actress"}
_ONE_PERSON_RX = re.compile(
    r"\b(?:a|an|A|An) (?:(?:[a-z][\w'-]*|[0-9]+-year-old),? ){0,3}?(?P<noun>"
    + "|".join(sorted(_SINGULAR_PEOPLE, key=len, reverse=True))
    + r")\b"
)
_YEAR_TOKEN_RX = re.compile(r"(?:1[89]|20)[0-9]{2}")
_YEAR_PREPS = frozenset({"in", "during", "since", "for", "of", "by", "through", "throughout"})
_DATE_TYPES = frozenset({TimexType.DATE, TimexType.TIME})
_MAX_AGE = 120
_VAGUE_NUMBER_NOUNS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})
_Anchors = list[tuple[Token, str]]


def _numeric(token: Token) -> bool:
    """``like_num`` without the vocabulary's lexical attributes (absent in a bare ``Vocab``)."""
    return token.pos_ == "NUM" or token.text[:1].isdigit() or token.text.lower() in NUMBER_WORDS


def _candidate_tokens(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


def _counted_noun(number: Token) -> Token | None:
    """The noun a number counts: its head (``800 troops``), the ``of`` object of a plural scale
    or a pronoun-like number (``dozens of people``, ``one of the victims``), else None."""
    token = number
    # Climb through number heads: ``1.2`` → ``million`` → ``people``; ``least`` → ``800``.
    for _ in range(3):
        head = token.head
        if head is token or token.dep_ not in _NUMBER_DEPS:
            break
        if head.pos_ == "NUM" or _numeric(head):
            token = head
            continue
        if head.pos_ in {"NOUN", "PROPN"} and head.i > token.i:
            return head
        break
    for child in token.rights:
        if child.dep_ == "prep" and child.text.lower() == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return pobj
    if token.pos_ in {"NOUN", "PROPN"} and token.text.lower() not in _VAGUE_NUMBER_NOUNS:
        return token
    return None


def _subject_text(doc: Doc, noun: Token, after: int) -> str:
    """``noun`` with its left modifiers after token ``after``: ``active duty troops``."""
    start = noun.i
    for token in reversed(doc[after + 1 : noun.i]):
        hyphen = (token.pos_ == "PUNCT") and token.text == "-"
        if not hyphen and (
            token.head.i > noun.i or token.dep_ not in _SUBJECT_DEPS or (token.pos_ == "PUNCT")
        ):
            break
        if token.dep_ == "poss" or token.pos_ == "DET":
            break
        start = token.i
    return doc[start : noun.i + 1].text


def _name_before(doc: Doc, comma: Token) -> Token | None:
    """The name or person noun before ``, 51,``: ``Barra`` in ``John Barra, 51,``."""
    if comma.i == 0:
        return None
    token = doc[comma.i - 1]
    if token.pos_ == "PROPN" or token.text.lower() in PERSON_NOUNS:
        return token
    return None


def _age_by_commas(doc: Doc, cand: Candidate, number: Token) -> bool:
    """``Barra, 51,`` or ``the man, 25.``: a bare integer set off by commas after a name."""
    if cand.kind != "count" or cand.qualifier or cand.value is None or cand.low != cand.high:
        return False
    if not (1 <= cand.value < _MAX_AGE and float(cand.value).is_integer()):
        return False
    if number.i == 0 or number.i + 1 >= len(doc) or doc[number.i - 1].text != ",":
        return False
    if doc[number.i + 1].text not in {",", ".", ";", ")"}:
        return False
    name = _name_before(doc, doc[number.i - 1])
    if name is None:
        return False
    cand.kind, cand.unit = "age", "years"
    first = name
    while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head == name:
        first = doc[first.i - 1]
    cand.subject = doc[first.i : name.i + 1].text
    return True


def _governor(token: Token) -> Token:
    """The nearest verb above ``token`` (or the sentence root)."""
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} or current.head is current:
            return current
        current = current.head
    return current


def _attached(time_token: Token, anchor: Token, governor: Token) -> bool:
    """Does the time hang on the figure's noun or on the verb that governs it?"""
    current = time_token
    for _ in range(8):
        if current in {anchor, governor}:
            return True
        if current.head is current or (current.pos_ in {"VERB", "AUX"} and current != time_token):
            return False
        current = current.head
    return False


def _fallback_years(sent: Span) -> list[tuple[Token, str]]:
    """Years after a preposition (``in 2017``) when no times annotator ran."""
    return [
        (t, t.text)
        for t in sent
        if _YEAR_TOKEN_RX.fullmatch(t.text) and t.head.text.lower() in _YEAR_PREPS
    ]


def _time_anchors(
    doc: Doc, sent: Span, times: Sequence[TimeExpression] | None
) -> list[tuple[Token, str]]:
    if times is None:
        return _fallback_years(sent)
    out: list[tuple[Token, str]] = []
    for time in times:
        if time.start < sent.start_char or time.end > sent.end_char or time.type not in _DATE_TYPES:
            continue
        if time.value.endswith("_REF"):
            continue
        span = _candidate_tokens(doc, time.start, time.end)
        if span is not None:
            out.append((span.root, time.value))
    return out


def _figure_date(
    doc: Doc, anchor: Token, times: Sequence[TimeExpression] | None, cache: dict[int, _Anchors]
) -> str | None:
    """The date governed by the figure's verb or noun (``had 331,700 claims in 2017``)."""
    sent = anchor.sent
    anchors = cache.get(sent.start)
    if anchors is None:
        anchors = cache[sent.start] = _time_anchors(doc, sent, times)
    if not anchors:
        return None
    governor = _governor(anchor)
    best: tuple[int, str] | None = None
    for token, value in anchors:
        if _attached(token, anchor, governor):
            distance = abs(token.i - anchor.i)
            if best is None or distance < best[0]:
                best = (distance, value)
    return best[1] if best else None


def _quote_index(quotes: Sequence[Quote] | None, start: int, end: int) -> int | None:
    if not quotes:
        return None
    for index, quote in enumerate(quotes):
        if quote.start <= start and end <= quote.end:
            return index
    return None


def _in_times(times: Sequence[TimeExpression] | None, start: int, end: int) -> bool:
    return bool(times) and any(t.start < end and start < t.end for t in times or ())


def _one_person_candidates(text: str, taken: list[tuple[int, int]]) -> list[Candidate]:
    out = []
    for match in _ONE_PERSON_RX.finditer(text):
        start, end = match.span()
        if any(s < end and start < e and "-year-old" not in text[s:e] for s, e in taken):
            continue
        out.append(
            Candidate(
                start=start,
                end=end,
                core_start=start,
                core_end=start + len(match.group().split(" ", 1)[0]),
                value=1.0,
                low=1.0,
                high=1.0,
                qualifier=None,
                unit=None,
                kind="person",
                spelled=True,
                subject=match.group("noun"),
            )
        )
    return out


def extract_figures(doc: Doc) -> list[Figure]:
    """The figures of ``doc`` (see the module docstring); reads ``doc._.dl_times`` and
    ``doc._.dl_quotes`` when an earlier component set them."""
    times: list[TimeExpression] | None = doc._.dl_times
    quotes: list[Quote] | None = doc._.dl_quotes
    text = doc.text
    candidates = scan(text)
    candidates += _one_person_candidates(text, [(c.core_start, c.core_end) for c in candidates])
    candidates.sort(key=lambda c: (c.start, c.end))
    # ``doc.has_annotation`` walks every token; the first token tells as much here.
    parsed = len(doc) > 0 and bool(doc[0].dep_)
    tagged = len(doc) > 0 and bool(doc[0].pos_)
    date_cache: dict[int, _Anchors] = {}
    figures: list[Figure] = []
    for cand in candidates:
        if cand.kind != "age" and _in_times(times, cand.core_start, cand.core_end):
            continue
        span = _candidate_tokens(doc, cand.core_start, cand.core_end)
        anchor: Token | None = None
        if span is not None:
            number = span[-1]
            if cand.spelled and tagged and number.text.lower() == "one" and number.pos_ != "NUM":
                continue  # ``the one who``: a pronoun
            anchor = number
            if parsed and not _analyse(doc, cand, number):
                continue
            if parsed and cand.kind not in {"person"}:
                noun = _counted_noun(number) if cand.subject is None else None
                anchor = noun or number
        date = None
        if anchor is not None and parsed:
            date = _figure_date(doc, anchor, times, date_cache)
        figures.append(
            Figure(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                value=cand.value,
                low=cand.low,
                high=cand.high,
                qualifier=cand.qualifier,
                unit=cand.unit,
                subject=cand.subject,
                date=date,
                quote=_quote_index(quotes, cand.start, cand.end),
            )
        )
    return figures


def _analyse(doc: Doc, cand: Candidate, number: Token) -> bool:
    """Fill ``cand.subject``/``unit`` from the parse; False when the number is a duration."""
    if cand.kind == "person":
        return True
    if cand.kind == "age":
        old = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        last = old[-1] if old is not None and len(old) else number
        head = last.head if last.dep_ in {"amod", "compound", "nmod"} else None
        if head is not None and head.pos_ in {"NOUN", "PROPN"} and head.i > last.i:
            cand.subject = _subject_text(doc, head, last.i)
        return True
    if _age_by_commas(doc, cand, number):
        return True
    noun = _counted_noun(number)
    if noun is None or noun.i == number.i:
        return True
    lower = noun.text.lower()
    if lower in TIME_UNITS and cand.unit is None:
        return False
    if lower in UNIT_WORDS:
        cand.unit = cand.unit or lower
        return True
    if lower in {"percent", "%", "cent", "pct"}:
        # ``5 percent of voters``: the share counts the ``of`` object
        of = next((c for c in noun.rights if c.text.lower() == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is not None and of is not None:
            cand.subject = _subject_text(doc, pobj, of.i)
        return True
    cand.subject = _subject_text(doc, noun, number.i if noun.i > number.i else noun.i - 1)
    return True


class FigureExtractor:
    """spaCy component writing ``doc._.dl_figures`` (see :func:`extract_figures`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dl_figures = extract_figures(doc)
        return doc


@Language.factory(
    "dateline_figures",
    requires=["token.pos", "token.dep", "doc.sents"],
    assigns=["doc._.dl_figures"],
)
def make_figures(nlp: Language, name: str) -> FigureExtractor:
    """Factory for :class:`FigureExtractor` (``nlp.add_pipe("dateline_figures")``)."""
    return FigureExtractor()
