"""What the clusterer reads from an article: page chrome left out, days it refers back to."""

from __future__ import annotations

from datetime import date

import numpy as np

from dateline.models import Annotations, Article, Entity, Provenance, Sentence
from dateline.stories._features import article_features

CHROME = "Copyright 2016 WMC Action News 5. All rights reserved."
LEAD = "A man was charged Tuesday in the March 3 shooting on Edwards Street in Rocky Mount."
TEXT = f"Please enable Javascript to watch this video\n{LEAD}\n{CHROME}"


def _article() -> Article:
    return Article(
        id="a" * 16,
        title=None,
        text=TEXT,
        raw_text=TEXT,
        provenance=Provenance("a.txt", None, "text"),
        published=date(2016, 4, 20),
    )


def _annotations() -> Annotations:
    lead = TEXT.index(LEAD)
    chrome = TEXT.index(CHROME)
    return Annotations(
        entities=(
            Entity("Edwards Street", "FAC", lead + 52, lead + 66, "Edwards Street"),
            Entity("Rocky Mount", "GPE", lead + 70, lead + 81, "Rocky Mount"),
            Entity("WMC Action News 5", "ORG", chrome + 15, chrome + 32, "WMC Action News 5"),
        ),
        sentences=(
            Sentence(0, lead - 1, None, None, None),
            Sentence(lead, lead + len(LEAD), "2016-04-19", "day", "own"),
            Sentence(chrome, chrome + len(CHROME), "2016-03-03", "day", "own"),
        ),
    )


def test_chrome_paragraphs_give_no_words_names_title_or_dates() -> None:
    features = article_features(_article(), _annotations(), np.zeros(4, np.float32))
    assert set(features.entities) == {"Edwards Street", "Rocky Mount"}
    assert not {"copyright", "wmc", "javascript", "video"} & set(features.terms)
    assert {"charged", "shooting", "edward"} <= set(features.terms)
    assert features.title.startswith("A man was charged Tuesday")
    assert features.event_date == date(2016, 4, 19)
    # The copyright line's date is not a day the story refers back to.
    assert features.mentioned == frozenset()


def test_earlier_days_named_by_the_article_are_kept() -> None:
    annotations = _annotations()
    lead = TEXT.index(LEAD)
    annotations = Annotations(
        entities=annotations.entities,
        sentences=(
            *annotations.sentences[:2],
            Sentence(lead + 10, lead + 40, "2016-03-03", "day", "own"),
            Sentence(lead + 41, lead + 50, "2013-01-01", "day", "own"),  # beyond the look-back
            Sentence(lead + 51, lead + 60, "2016-03", "month", "own"),
        ),
    )
    features = article_features(_article(), annotations, np.zeros(4, np.float32))
    assert features.mentioned == frozenset({date(2016, 3, 3)})
