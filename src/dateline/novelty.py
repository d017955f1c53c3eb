"""What's new in an article: the sentences, quotes and figures its story had not reported before.

"Before" means the story's articles published earlier (or, on the same day, assigned earlier).
A sentence is new when no earlier sentence shares more than half of its content words (cosine
of word counts, stop words out); a quote is new when no earlier quote by the same speaker says
mostly the same; a figure is new when no earlier figure counts the same thing (the ledger's
grouping) with the same value.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from dateline._text import FUNCTION_WORDS
from dateline.ledger import figure_key
from dateline.models import Figure, Quote, Sentence
from dateline.store import Store

__all__ = ["WhatsNew", "whats_new"]

_WORD = re.compile(r"[^\W\d_]{2,}|\d[\d,.]*")
# A sentence sharing more than this (cosine of content-word counts) with an earlier one
# repeats it; wire rewrites of one fact typically score 0.6-0.9, new facts under 0.4.
_SEEN = 0.5


@dataclass(frozen=True, slots=True)
class WhatsNew:
    """The new material of ``article_id`` against the ``earlier`` articles of its story."""

    article_id: str
    story_id: str
    earlier: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]


def _bag(text: str) -> Counter[str]:
    return Counter(w for w in (m.lower() for m in _WORD.findall(text)) if w not in FUNCTION_WORDS)


def _cos(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def whats_new(store: Store, article_id: str) -> WhatsNew:
    """What ``article_id`` (id or unique prefix) adds to its story; E105 if it is in none."""
    from dateline.stories import story_members, story_of  # noqa: PLC0415

    article = store.get(article_id)
    story = story_of(store, article.id)
    members = story_members(store, story.id)
    mine = next(m for m in members if m.article_id == article.id)
    order = [m.article_id for m in members]
    earlier = tuple(
        m.article_id
        for m in members
        if m.article_id != article.id
        and (
            (m.published, order.index(m.article_id)) < (mine.published, order.index(article.id))
            if m.published is not None and mine.published is not None
            else order.index(m.article_id) < order.index(article.id)
        )
    )
    seen_sentences: list[Counter[str]] = []
    seen_quotes: list[tuple[str | None, Counter[str]]] = []
    seen_figures: set[tuple[str | None, float | None]] = set()
    for other in earlier:
        text = store.get(other).text
        annotations = store.annotations(other)
        seen_sentences += [_bag(text[s.start : s.end]) for s in annotations.sentences]
        seen_quotes += [(q.speaker, _bag(q.text)) for q in annotations.quotes]
        seen_figures |= {(figure_key(f.subject or ""), f.value) for f in annotations.figures}
    annotations = store.annotations(article.id)
    sentences = tuple(
        s
        for s in annotations.sentences
        if _bag(article.text[s.start : s.end])
        and all(_cos(_bag(article.text[s.start : s.end]), b) <= _SEEN for b in seen_sentences)
    )
    quotes = tuple(
        q
        for q in annotations.quotes
        if all(
            speaker != q.speaker or _cos(_bag(q.text), bag) <= _SEEN for speaker, bag in seen_quotes
        )
    )
    figures = tuple(
        f for f in annotations.figures if (figure_key(f.subject or ""), f.value) not in seen_figures
    )
    return WhatsNew(article.id, story.id, earlier, sentences, quotes, figures)
