# ruff: noqa: RUF001 - typographic quotes are what these tests are about
"""Acceptance on the two seed articles (copied from ../shared/seeds into tests/fixtures/seeds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.models import Article, Caption, DateRule, Provenance, RawDocument
from dateline.normalize import normalize

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"


def load(name: str) -> Article:
    path = SEEDS / name
    raw = RawDocument(
        text=path.read_text(encoding="utf-8"),
        provenance=Provenance(path=str(path), record=None, reader="text"),
    )
    return normalize(raw)


@pytest.fixture(scope="module")
def seed_2018() -> Article:
    return load("000_d99e0ac5021ccd8d.txt")


@pytest.fixture(scope="module")
def seed_2025() -> Article:
    return load("003_082ef1cbb70f8043.txt")


def test_2018_date_comes_from_the_caption(seed_2018: Article) -> None:
    assert seed_2018.published == date(2018, 10, 25)
    assert seed_2018.date_rule is DateRule.CAPTION
    assert seed_2018.published_at is None


def test_2018_dateline(seed_2018: Article) -> None:
    dateline = seed_2018.dateline
    assert dateline is not None
    assert (dateline.place, dateline.agency) == ("WASHINGTON", "AP")
    assert seed_2018.text[dateline.start : dateline.end] == "WASHINGTON (AP) —"
    assert seed_2018.text.startswith("WASHINGTON (AP) — The Trump administration")


def test_2018_is_detokenized(seed_2018: Article) -> None:
    text = seed_2018.text
    for leftover in (" , ", " ’ s", " .", " ( ", " ’ ll"):
        assert leftover not in text
    assert "It’s not unusual" in text
    assert "“pouring across the border,”" in text
    assert "Wait’ll you see" in text
    assert "U.N. Refugee Agency" in text
    assert "“National Emergency.”" in text


def test_2018_caption_once_with_credit_and_not_in_body(seed_2018: Article) -> None:
    assert len(seed_2018.captions) == 1
    caption = seed_2018.captions[0]
    assert caption.credit == "AP Photo/Rodrigo Abd"
    assert caption.text.startswith("Central American migrants traveling with a caravan")
    assert caption.text.endswith("before dawn.")
    assert "Pijijiapan" not in seed_2018.text
    assert "AP Photo" not in seed_2018.text
    assert isinstance(caption, Caption)


def test_2018_keeps_every_story_paragraph(seed_2018: Article) -> None:
    assert seed_2018.title is None
    assert seed_2018.text.endswith("“You just watch.”")
    # 24 lines: the caption twice, then 22 paragraphs of story
    assert len(seed_2018.text.split("\n\n")) == 22


def test_2025_date_comes_from_the_header(seed_2025: Article) -> None:
    assert seed_2025.published == date(2025, 5, 16)
    assert seed_2025.date_rule is DateRule.HEADER


def test_2025_dateline_and_start(seed_2025: Article) -> None:
    assert seed_2025.text.startswith(
        "WASHINGTON — (AP) — The Department of Homeland Security has asked for 20,000 National"
    )
    dateline = seed_2025.dateline
    assert dateline is not None
    assert (dateline.place, dateline.agency) == ("WASHINGTON", "AP")
    assert seed_2025.text[dateline.start : dateline.end] == "WASHINGTON — (AP) —"
    assert seed_2025.title is None


def test_2025_broken_quote_is_preserved(seed_2025: Article) -> None:
    assert '”use every tool and resource available"' in seed_2025.text
    assert seed_2025.text.endswith(
        "The request for 20,000 troops was first reported by The New York Times."
    )


def test_seeds_are_stable(seed_2018: Article, seed_2025: Article) -> None:
    assert load("000_d99e0ac5021ccd8d.txt") == seed_2018
    assert load("003_082ef1cbb70f8043.txt").id == seed_2025.id
