"""Annotation tables: round trip, re-annotation, corpus listings and the entity table."""

from __future__ import annotations

from datetime import date

from dateline.models import (
    Annotations,
    Article,
    Entity,
    Figure,
    Provenance,
    Quote,
    Sentence,
    TimeExpression,
    TimexType,
)
from dateline.store import Store

TEXT = "Defense Secretary Jim Mattis said Thursday that at least 800 troops would go. Mattis left."


def article(aid: str, published: date, text: str = TEXT) -> Article:
    return Article(
        id=aid,
        title=None,
        text=text,
        raw_text=text,
        provenance=Provenance("a.txt", None, "text"),
        published=published,
    )


def annotations(speaker: str = "Jim Mattis", short: str = "Jim Mattis") -> Annotations:
    return Annotations(
        entities=(
            Entity("Jim Mattis", "PERSON", 18, 28, "Jim Mattis"),
            Entity("Mattis", "PERSON", 78, 84, short),
        ),
        quotes=(
            Quote(
                "at least 800 troops would go",
                48,
                76,
                speaker,
                "said",
                False,
                False,
                18,
                28,
                29,
                33,
            ),
        ),
        figures=(
            Figure("at least 800", 48, 60, 800.0, 800.0, None, "at least", None, "troops", None, 0),
        ),
        times=(TimeExpression("Thursday", 34, 42, "2018-10-25", TimexType.DATE, "day"),),
        sentences=(Sentence(0, 77, "2018-10-25", "day", "own"), Sentence(78, 90, None, None, None)),
    )


def test_round_trip_and_offsets(store: Store) -> None:
    store.add_batch(
        [article("a" * 16, date(2018, 10, 25))],
        normalizer=1,
        annotations=[annotations()],
        annotator=1,
    )
    got = store.annotations("a" * 16)
    assert got == annotations()
    light = store.annotations("a" * 16, entities=False, quotes=False, figures=False)
    assert light == Annotations(times=got.times, sentences=got.sentences)
    assert all(TEXT[i.start : i.end] == i.text for i in (*got.entities, *got.quotes, *got.times))
    assert store.needs_annotation(version=1) == []
    assert store.needs_annotation(version=2) == ["a" * 16]


def test_save_annotations_replaces_previous_ones(store: Store) -> None:
    store.add_batch([article("b" * 16, date(2018, 10, 25))], normalizer=1)
    assert store.annotations("b" * 16) == Annotations()
    store.save_annotations([("b" * 16, annotations())], version=1)
    store.save_annotations(
        [("b" * 16, Annotations(entities=annotations().entities[:1]))], version=1
    )
    assert store.annotations("b" * 16) == Annotations(entities=annotations().entities[:1])


def test_listings_entities_and_alias_lookup(store: Store) -> None:
    other = "Mattis said the plan was final. It was not."
    store.add_batch(
        [article("c" * 16, date(2018, 10, 25)), article("d" * 16, date(2019, 1, 2), other)],
        normalizer=1,
        annotations=[
            annotations(),
            Annotations(
                entities=(Entity("Mattis", "PERSON", 0, 6, "Mattis"),),
                quotes=(Quote("the plan was final", 12, 30, "Mattis", "said", False, False),),
            ),
        ],
        annotator=1,
    )
    assert store.rebuild_entities() == 1
    [mattis] = store.find_entities()
    assert (mattis.name, mattis.mentions, mattis.articles) == ("Jim Mattis", 3, 2)
    assert dict(mattis.aliases)["Mattis"] == 2
    # The short name used alone in the second article is merged into the full one.
    quotes = list(store.find_quotes(speaker="Jim Mattis"))
    assert [q.article_id[0] for q in quotes] == ["c", "d"]
    assert [q.published for q in quotes] == [date(2018, 10, 25), date(2019, 1, 2)]
    assert [
        q.article_id[0] for q in store.find_quotes(speaker="Mattis", since=date(2019, 1, 1))
    ] == ["d"]
    [figure] = store.find_figures(subject="troop")
    assert figure.item.qualifier == "at least"
    assert list(store.find_figures(entity="Nobody")) == []
    assert [e.name for e in store.find_entities(name="matt", label="person")] == ["Jim Mattis"]
