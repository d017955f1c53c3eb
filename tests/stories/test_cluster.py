"""The online clusterer on hand-built features: joins, new stories, threads, dates, ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np

from dateline.embed import load_embedder
from dateline.stories._cluster import Clusterer, ClusterParams, Group, Vocabulary, _Index
from dateline.stories._features import ArticleFeatures, terms_of

EMBED = load_embedder("hashing")


def clusterer(params: ClusterParams | None = None) -> Clusterer:
    # As if 200 unrelated articles had been seen: the words of these tests are then as rare
    # as an event's names and places are in a real archive.
    return Clusterer(EMBED.dim, params, Vocabulary(docs=200))


def feat(
    aid: str,
    text: str,
    day: date | None,
    entities: dict[str, int] | None = None,
    duplicate_of: str | None = None,
) -> ArticleFeatures:
    return ArticleFeatures(
        id=aid,
        title=text[:40],
        published=day,
        event_date=day,
        vector=EMBED.embed([text])[0],
        terms=dict(terms_of(text)),
        entities=entities or {},
        duplicate_of=duplicate_of,
    )


QUAKE = "A magnitude 7.1 earthquake struck off the coast of Sumatra, collapsing buildings in Padang"
QUAKE2 = (
    "Rescuers in Padang search collapsed buildings after the Sumatra earthquake of magnitude 7.1"
)
QUAKE_LATER = "Padang rebuilds a year after the Sumatra earthquake that collapsed buildings"
VOTE = "Parliament in Athens approved the austerity budget after a late night vote by deputies"
PLACES = {"Sumatra": 1, "Padang": 2}


def test_same_event_joins_and_unrelated_opens_a_new_story() -> None:
    c = clusterer()
    first = c.add(feat("a1", QUAKE, date(2009, 9, 30), PLACES))
    second = c.add(feat("a2", QUAKE2, date(2009, 10, 1), PLACES))
    third = c.add(feat("a3", VOTE, date(2009, 10, 1), {"Athens": 1}))
    assert first.how == "founded" and first.similarity == 1.0
    assert second.how == "joined" and second.story_id == first.story_id
    assert 0.65 <= second.similarity <= 1.0
    assert third.how == "founded" and third.story_id != first.story_id
    assert third.thread_id != first.thread_id
    story = c.stories[first.story_id]
    assert (story.first, story.last, story.size) == (date(2009, 9, 30), date(2009, 10, 1), 2)


def test_a_year_later_is_a_new_story_in_the_same_thread() -> None:
    c = clusterer()
    first = c.add(feat("a1", QUAKE, date(2009, 9, 30), PLACES))
    later = c.add(feat("a2", QUAKE_LATER, date(2010, 9, 30), PLACES))
    assert later.story_id != first.story_id
    assert later.thread_id == first.thread_id


def test_without_dates_the_content_decides() -> None:
    c = clusterer()
    first = c.add(feat("a1", QUAKE, None, PLACES))
    second = c.add(feat("a2", QUAKE2, None, PLACES))
    assert second.story_id == first.story_id


def test_near_duplicate_goes_with_its_original_without_moving_the_centroid() -> None:
    c = clusterer()
    first = c.add(feat("a1", QUAKE, date(2009, 9, 30), PLACES))
    before = c.stories[first.story_id].vector_sum.copy()
    copy = c.add(feat("a2", VOTE, date(2009, 10, 2), duplicate_of="a1"))
    assert (copy.story_id, copy.how) == (first.story_id, "duplicate")
    assert np.array_equal(c.stories[first.story_id].vector_sum, before)
    assert c.stories[first.story_id].size == 2


def test_ids_are_derived_from_the_founding_article_and_are_reproducible() -> None:
    runs = []
    for _ in range(2):
        c = clusterer()
        runs.append([c.add(feat(f"a{i}", t, date(2009, 9, 30 - i))).story_id
                     for i, t in enumerate((QUAKE, VOTE))])  # fmt: skip
    assert runs[0] == runs[1]
    assert all(s.startswith("s") and len(s) == 11 for s in runs[0])


def test_a_story_out_of_the_window_is_not_a_candidate() -> None:
    c = clusterer(ClusterParams(window_days=10))
    first = c.add(feat("a1", QUAKE, date(2009, 9, 30), PLACES))
    again = c.add(feat("a2", QUAKE, date(2009, 10, 20), PLACES))
    assert again.story_id != first.story_id
    assert again.thread_id == first.thread_id


def test_terms_drop_stopwords_possessives_and_plurals() -> None:
    counts = terms_of(
        "The troops\u2019 deployment: Trump's troops said 2,000 soldiers were deployed"
    )
    assert counts["troop"] == 2
    assert "the" not in counts and "said" not in counts
    assert counts["trump"] == 1 and counts["soldier"] == 1


def test_released_stories_leave_the_candidate_matrix() -> None:
    index = _Index(4)
    for i in range(2000):
        vector = np.array([1.0, float(i), 0.0, 0.0], np.float32)
        index.put(Group(id=f"s{i}", seq=i, vector_sum=vector, first=date(2009, 1, 1)))
    for i in range(1500):
        index.drop(f"s{i}")
    # compacted at the 1,025th drop (975 rows left), then 475 more were dropped
    assert (len(index.rows), len(index.ids), index.dropped) == (500, 975, 475)
    row = index.rows["s1700"]
    assert index.ids[row] == "s1700"
    expected = np.array([1.0, 1700.0, 0.0, 0.0]) / np.linalg.norm([1.0, 1700.0])
    assert np.allclose(index.matrix[row], expected)
    assert index.first[row] == date(2009, 1, 1).toordinal()


SHOOTING = (
    "Four teens were shot on the basketball court behind Word Tabernacle Church on Edwards"
    " Street in Rocky Mount, police said"
)
CHARGED = (
    "Rocky Mount police charged a man with attempted murder in the shooting of four teens on"
    " the Edwards Street basketball court"
)
COURT = {"Rocky Mount": 1, "Edwards Street": 1, "Word Tabernacle Church": 1}


def test_a_follow_up_naming_the_day_of_the_event_joins_its_story() -> None:
    # Two months later the gap alone keeps the follow-up out; "the Jan. 27 shooting" brings
    # it in.
    outcomes = {}
    for mentioned in (frozenset(), frozenset({date(2014, 1, 27)})):
        c = clusterer()
        first = c.add(feat("a1", SHOOTING, date(2014, 1, 27), COURT))
        follow = replace(
            feat("a2", CHARGED, date(2014, 3, 28), {"Rocky Mount": 1, "Edwards Street": 1}),
            mentioned=mentioned,
        )
        outcomes[bool(mentioned)] = c.add(follow).story_id == first.story_id
    assert outcomes == {False: False, True: True}


def test_a_story_released_from_memory_is_found_again_by_a_named_day() -> None:
    stored: dict[str, Group] = {}
    by_day: dict[date, list[str]] = {}
    c = Clusterer(
        EMBED.dim,
        None,
        Vocabulary(docs=200),
        load_story=stored.get,
        find_stories=lambda days: sorted({s for d in days for s in by_day.get(d, [])}),
    )
    first = c.add(feat("a1", SHOOTING, date(2014, 1, 27), COURT))
    story = c.stories[first.story_id]
    stored[story.id] = story
    by_day[date(2014, 1, 27)] = [story.id]
    c.forget_story(story.id)  # as update_stories does once the story is out of the window
    trial = replace(
        feat("a2", CHARGED, date(2015, 6, 2), {"Rocky Mount": 1, "Edwards Street": 1}),
        mentioned=frozenset({date(2014, 1, 27)}),
    )
    assert c.add(trial).story_id == first.story_id
    assert c.stories[first.story_id].days == {date(2014, 1, 27), date(2015, 6, 2)}
