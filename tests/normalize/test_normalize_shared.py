"""normalize() over the real evaluation corpora in ../shared/eval (skipped where absent)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.models import Article, DateRule, Provenance, RawDocument
from dateline.normalize import normalize

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EVAL = SHARED / "eval"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not EVAL.is_dir(), reason=f"needs the evaluation datasets in {EVAL}"),
]


def timeline17() -> list[tuple[RawDocument, str]]:
    docs = []
    for path in sorted((EVAL / "timeline17").glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                record = json.loads(line)
                raw = RawDocument(
                    text=record["text"],
                    provenance=Provenance(path=str(path), record=number, reader="jsonl"),
                )
                docs.append((raw, record["time"]))
    return docs


def meantime() -> list[tuple[RawDocument, str]]:
    docs = []
    for path in sorted((EVAL / "meantime_en" / "docs").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        raw = RawDocument(
            text=record["text"],
            provenance=Provenance(path=str(path), record=None, reader="json"),
        )
        docs.append((raw, record["title"]))
    return docs


def test_timeline17_never_fails_on_text() -> None:
    docs = timeline17()
    assert len(docs) == 2304
    empty = 0
    for raw, _ in docs:
        if not raw.text.strip():
            # 18 haiti_bbc records have no text at all: E012 is the right answer for them.
            with pytest.raises(InputError, match="E012"):
                normalize(raw)
            empty += 1
            continue
        article = normalize(raw)
        assert article.text
        if article.dateline is not None:
            span = article.text[article.dateline.start : article.dateline.end]
            assert span.startswith(article.dateline.place.split("/")[0])
    assert empty == 18


def test_timeline17_text_dates_agree_with_the_metadata() -> None:
    """Without the ``time`` field, dates found in the text must be that day (calibration: 3 of
    624 are a day off or a blog index page)."""
    rules: Counter[DateRule | None] = Counter()
    wrong = 0
    for raw, day in timeline17():
        if not raw.text.strip():
            continue
        article = normalize(raw)
        rules[article.date_rule] += 1
        if article.published is not None and article.published.isoformat() != day:
            wrong += 1
    found = sum(n for rule, n in rules.items() if rule is not None)
    assert rules[DateRule.HEADER] >= 600
    assert wrong <= 0.01 * found


def test_timeline17_metadata_date_is_used() -> None:
    raw, day = timeline17()[0]
    article = normalize(
        RawDocument(text=raw.text, provenance=raw.provenance, published=day),
    )
    assert article.date_rule is DateRule.METADATA
    assert article.published is not None and article.published.isoformat() == day


def test_timeline17_reuters_pages_lose_their_wire_header() -> None:
    articles: list[Article] = [
        normalize(raw)
        for raw, _ in timeline17()
        if "reuters" in raw.provenance.path and " | " in raw.text[:400]
    ]
    assert len(articles) > 300
    with_header = [a for a in articles if a.date_rule is DateRule.HEADER]
    assert len(with_header) >= 0.95 * len(articles)
    assert all(a.published_at is not None for a in with_header)
    assert sum(a.dateline is not None for a in with_header) >= 0.95 * len(with_header)


@pytest.mark.parametrize("with_given_title", [False, True])
def test_meantime_dates_and_titles_come_from_the_text(with_given_title: bool) -> None:
    docs = meantime()
    assert len(docs) == 120
    with_text = 0
    for found, short_title in docs:
        raw = found
        if with_given_title:
            raw = RawDocument(text=found.text, provenance=found.provenance, title=short_title)
        if not raw.text:
            # Groups 3 and 4 of this conversion ship without text (title only).
            with pytest.raises(InputError, match="E012"):
                normalize(raw)
            continue
        with_text += 1
        article = normalize(raw)
        assert article.date_rule is DateRule.TOPLINE, raw.provenance.path
        assert article.title, raw.provenance.path
        assert article.title not in article.text[: len(article.title) + 1]
        assert not article.text.startswith(article.title)
    assert with_text == 60
