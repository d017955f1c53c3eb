"""Plain-data views of stored objects, for JSON output and the (later) web API."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from dateline.models import (
    Annotations,
    Article,
    Entity,
    EntityRecord,
    Figure,
    Hit,
    Provenance,
    Quote,
    Sentence,
    Story,
    StoryMember,
    Thread,
    TimeExpression,
    Timeline,
    TimelineSentence,
)

if TYPE_CHECKING:
    from dateline.ledger import LedgerGroup

__all__ = [
    "annotations_record",
    "article_record",
    "article_summary",
    "entity_mention_record",
    "entity_record",
    "figure_record",
    "hit_record",
    "ledger_record",
    "member_record",
    "quote_record",
    "story_record",
    "thread_record",
    "timeline_csv",
    "timeline_markdown",
    "timeline_record",
    "timelinejs",
]


def _provenance(prov: Provenance) -> dict[str, Any]:
    return {
        "path": prov.path,
        "record": prov.record,
        "reader": prov.reader,
        "encoding": prov.encoding,
    }


def article_summary(article: Article) -> dict[str, Any]:
    """The listing fields of an article (no body text)."""
    dl = article.dateline
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "date_rule": article.date_rule.value if article.date_rule else None,
        "dateline": {"place": dl.place, "agency": dl.agency} if dl else None,
        "source": article.source,
        "path": article.provenance.path,
        "duplicate_of": article.duplicate_of,
    }


def entity_mention_record(entity: Entity) -> dict[str, Any]:
    return {
        "text": entity.text,
        "label": entity.label,
        "start": entity.start,
        "end": entity.end,
        "canonical": entity.canonical,
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    """A quote, JSON-ready (``start``/``end`` delimit the quoted content)."""
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker": quote.speaker,
        "cue": quote.cue,
        "direct": quote.direct,
        "anonymous": quote.anonymous,
        "source": (
            {"start": quote.source_start, "end": quote.source_end}
            if quote.source_start is not None
            else None
        ),
        "cue_span": (
            {"start": quote.cue_start, "end": quote.cue_end}
            if quote.cue_start is not None
            else None
        ),
    }


def figure_record(figure: Figure) -> dict[str, Any]:
    """A figure, JSON-ready."""
    return {
        "text": figure.text,
        "start": figure.start,
        "end": figure.end,
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
        "subject": figure.subject,
        "date": figure.date,
        "quote": figure.quote,
    }


def _time_record(time: TimeExpression) -> dict[str, Any]:
    return {
        "text": time.text,
        "start": time.start,
        "end": time.end,
        "value": time.value,
        "type": time.type.value,
        "granularity": time.granularity,
    }


def _sentence_record(sentence: Sentence) -> dict[str, Any]:
    return {
        "start": sentence.start,
        "end": sentence.end,
        "date": sentence.date,
        "granularity": sentence.granularity,
        "date_source": sentence.date_source,
    }


def annotations_record(ann: Annotations) -> dict[str, Any]:
    """All annotations of an article, JSON-ready (offsets into the article's ``text``)."""
    return {
        "entities": [entity_mention_record(e) for e in ann.entities],
        "quotes": [quote_record(q) for q in ann.quotes],
        "figures": [figure_record(f) for f in ann.figures],
        "times": [_time_record(t) for t in ann.times],
        "sentences": [_sentence_record(s) for s in ann.sentences],
    }


def hit_record(hit: Hit[Quote] | Hit[Figure]) -> dict[str, Any]:
    """A corpus-listing row: the article it is in, its date, and the item."""
    item = quote_record(hit.item) if isinstance(hit.item, Quote) else figure_record(hit.item)
    return {
        "article_id": hit.article_id,
        "published": hit.published.isoformat() if hit.published else None,
        **item,
    }


def entity_record(entity: EntityRecord) -> dict[str, Any]:
    """A corpus entity, JSON-ready."""
    return {
        "name": entity.name,
        "label": entity.label,
        "mentions": entity.mentions,
        "articles": entity.articles,
        "aliases": [{"alias": a, "mentions": n} for a, n in entity.aliases],
    }


def article_record(
    article: Article,
    *,
    provenance: list[Provenance] | None = None,
    duplicates: list[str] | None = None,
    annotations: Annotations | None = None,
) -> dict[str, Any]:
    """Everything known about one article, JSON-ready.

    :param provenance: every place the article was read from (default: the first one only).
    :param duplicates: ids of its near-duplicates, if it is an original.
    :param annotations: adds ``entities``, ``quotes``, ``figures``, ``times`` and ``sentences``.
    """
    dl = article.dateline
    provs = provenance if provenance is not None else [article.provenance]
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "date_rule": article.date_rule.value if article.date_rule else None,
        "dateline": (
            {"place": dl.place, "agency": dl.agency, "start": dl.start, "end": dl.end}
            if dl
            else None
        ),
        "byline": article.byline,
        "text": article.text,
        "raw_text": article.raw_text,
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "source": {
            "name": article.source,
            "url": article.url,
            "external_id": article.external_id,
            **_provenance(article.provenance),
        },
        "provenance": [_provenance(p) for p in provs],
        "duplicate_of": article.duplicate_of,
        "similarity": article.similarity,
        "duplicates": duplicates or [],
        **(annotations_record(annotations) if annotations is not None else {}),
    }


def _iso(day: object) -> str | None:
    return None if day is None else str(day)


def story_record(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "thread_id": story.thread_id,
        "title": story.title,
        "first": _iso(story.first),
        "last": _iso(story.last),
        "size": story.size,
        "entities": [{"name": n, "mentions": c} for n, c in story.entities],
        "merged_into": story.merged_into,
    }


def member_record(member: StoryMember) -> dict[str, Any]:
    return {
        "article_id": member.article_id,
        "title": member.title,
        "published": _iso(member.published),
        "similarity": member.similarity,
        "how": member.how,
        "duplicate_of": member.duplicate_of,
    }


def thread_record(thread: Thread) -> dict[str, Any]:
    return {
        "id": thread.id,
        "title": thread.title,
        "first": _iso(thread.first),
        "last": _iso(thread.last),
        "size": thread.size,
        "stories": thread.stories,
        "entities": [{"name": n, "mentions": c} for n, c in thread.entities],
    }


def _cited_record(sentence: TimelineSentence) -> dict[str, Any]:
    return {
        "article_id": sentence.article_id,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "published": _iso(sentence.published),
        "title": sentence.title,
        "source": sentence.source,
        "quotes": [quote_record(q) for q in sentence.quotes],
        "figures": [figure_record(f) for f in sentence.figures],
    }


def timeline_record(timeline: Timeline) -> dict[str, Any]:
    """The timeline as plain data: ``title``, ``articles`` and ``entries`` (``date``,
    ``granularity``, ``support``, ``sentences`` with article id, offsets, source, publication
    date, quotes and figures)."""
    return {
        "title": timeline.title,
        "articles": timeline.articles,
        "entries": [
            {
                "date": e.date,
                "granularity": e.granularity,
                "support": e.support,
                "sentences": [_cited_record(s) for s in e.sentences],
            }
            for e in timeline.entries
        ],
    }


def _citation(sentence: TimelineSentence) -> str:
    where = ", ".join(x for x in (sentence.source, _iso(sentence.published), sentence.title) if x)
    return f"article {sentence.article_id} [{sentence.start}:{sentence.end}]" + (
        f" ({where})" if where else ""
    )


def timeline_markdown(timeline: Timeline) -> str:
    """Markdown: a heading per date, each sentence with a numbered footnote citing its article,
    offsets, source and publication date."""
    lines = [f"# {timeline.title or 'Timeline'}", ""]
    notes: list[str] = []
    for entry in timeline.entries:
        lines += [f"## {entry.date}", ""]
        for sentence in entry.sentences:
            notes.append(_citation(sentence))
            lines.append(f"- {sentence.text}[^{len(notes)}]")
        lines.append("")
    lines += [f"[^{n}]: {note}" for n, note in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def timeline_csv(timeline: Timeline) -> str:
    """One row per cited sentence: date, sentence, article id, offsets, source, published."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "text", "article_id", "start", "end", "source", "published", "title"])
    for entry in timeline.entries:
        for s in entry.sentences:
            writer.writerow(
                [entry.date, s.text, s.article_id, s.start, s.end, s.source or "",
                 _iso(s.published) or "", s.title or ""]
            )  # fmt: skip
    return out.getvalue()


def timelinejs(timeline: Timeline) -> dict[str, Any]:
    """TimelineJS3 JSON: ``title`` and ``events[]`` with ``start_date`` (year, month, day) and
    ``text`` (``headline``: the first sentence; ``text``: every sentence with its citation)."""
    events = []
    for entry in timeline.entries:
        if not entry.sentences:
            continue
        year, month, day = (int(p) for p in entry.date.split("-"))
        body = "".join(
            f"<p>{_html(s.text)} <small>({_html(_citation(s))})</small></p>"
            for s in entry.sentences
        )
        events.append(
            {
                "start_date": {"year": year, "month": month, "day": day},
                "text": {"headline": _html(_headline(entry.sentences[0].text)), "text": body},
                "group": entry.date[:4],
            }
        )
    title = timeline.title or "Timeline"
    return {"title": {"text": {"headline": _html(title), "text": ""}}, "events": events}


def _headline(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "\u2026"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ledger_record(group: LedgerGroup) -> dict[str, Any]:
    """A ledger group: ``subject`` and ``rows`` (``when``, the figure, article, source,
    publication date, speaker, ``flags``)."""
    return {
        "subject": group.subject,
        "rows": [
            {
                "when": r.when,
                "figure": figure_record(r.figure),
                "article_id": r.article_id,
                "source": r.source,
                "published": r.published,
                "speaker": r.speaker,
                "flags": list(r.flags),
            }
            for r in group.rows
        ],
    }
