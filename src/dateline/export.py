"""Plain-data views of stored objects, for JSON output and the (later) web API."""

from __future__ import annotations

from typing import Any

from dateline.models import Article, Provenance

__all__ = ["article_record", "article_summary"]


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


def article_record(
    article: Article,
    *,
    provenance: list[Provenance] | None = None,
    duplicates: list[str] | None = None,
) -> dict[str, Any]:
    """Everything known about one article, JSON-ready.

    :param provenance: every place the article was read from (default: the first one only).
    :param duplicates: ids of its near-duplicates, if it is an original.
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
    }
