"""Stories in a real SQLite store: incremental updates, batches, merge/split, rebuild."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import NotFoundError, UsageError
from dateline.ingest import ingest
from dateline.store import Store
from dateline.stories import (
    get_story,
    get_thread,
    list_stories,
    list_threads,
    merge_stories,
    rebuild_stories,
    related_stories,
    split_story,
    story_members,
    story_of,
    thread_stories,
    update_stories,
)

from ..conftest import SAMPLE, SEEDS

pytestmark = pytest.mark.slow  # ingest annotates with spaCy
EMBEDDER = "minilm"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 MEANTIME articles (Airbus/Boeing and Apple), annotated, no stories yet."""
    folder = tmp_path_factory.mktemp("sample")
    for group in ("1MEANTIME", "2MEANTIME"):
        for path in sorted((SAMPLE / group).glob("*.json"))[:15]:
            shutil.copy(path, folder / path.name)
    db = tmp_path_factory.mktemp("db") / "sample.db"
    with Store.open(db) as store:
        ingest([folder], store, workers=1)
    return db


@pytest.fixture
def sample(sample_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "sample.db"
    shutil.copy(sample_db, copy)
    return copy


def _assignment(store: Store) -> dict[str, str]:
    return {article: story for article, story, _ in store.assignments()}


def test_update_assigns_everything_once(sample: Path) -> None:
    with Store.open(sample) as store:
        report = update_stories(store, embedder=EMBEDDER)
        assert report.assigned == store.count() == 30
        assert report.embedded == 30
        assert report.new_stories + report.joined + report.duplicates == 30
        assert report.model.startswith("all-MiniLM-L6-v2")
        again = update_stories(store, embedder=EMBEDDER)
        assert (again.assigned, again.embedded) == (0, 0)
        stories = list_stories(store, limit=None)
        assert sum(s.size for s in stories) == 30
        assert [s.size for s in stories] == sorted((s.size for s in stories), reverse=True)
        threads = list_threads(store, limit=None)
        assert sum(t.size for t in threads) == 30
        assert sum(t.stories for t in threads) == len(stories)
        biggest = stories[0]
        members = story_members(store, biggest.id)
        assert len(members) == biggest.size
        assert get_story(store, biggest.id[:6]).id == biggest.id
        assert biggest.title in {m.title for m in members}
        # A story spans its members' event dates: the day a lead sentence dates the news to
        # ("Friday" in a Saturday report), else the publication day.
        events = store.features([m.article_id for m in members])
        assert biggest.first == min(date.fromisoformat(d) for d, _, _ in events.values() if d)
        assert biggest.first <= min(m.published for m in members if m.published)
        assert story_of(store, members[0].article_id).id == biggest.id
        assert biggest.id in {s.id for s in thread_stories(store, biggest.thread_id)}
        assert get_thread(store, biggest.thread_id).id == biggest.thread_id


def test_date_ordered_batches_give_the_same_stories_as_all_at_once(sample: Path) -> None:
    with Store.open(sample) as store:
        update_stories(store, embedder=EMBEDDER)
        at_once = _assignment(store)
        with store.transaction():
            store.clear_stories()
        days = sorted({a.published for a in store.articles() if a.published})
        for end in days[len(days) // 4 :: len(days) // 4]:
            update_stories(store, embedder=EMBEDDER, until=end)
        update_stories(store, embedder=EMBEDDER)
        assert _assignment(store) == at_once


def test_new_articles_join_existing_stories_and_ids_keep_their_meaning(
    sample: Path, tmp_path: Path
) -> None:
    with Store.open(sample) as store:
        update_stories(store, embedder=EMBEDDER)
        before = _assignment(store)
        article = store.get(next(iter(before)))
        follow_up = tmp_path / "follow_up.txt"
        follow_up.write_text(
            f"{article.title}\n\n{article.text}\n\nUpdate: officials confirmed the report.",
            encoding="utf-8",
        )
        ingest([follow_up], store, workers=1)
        report = update_stories(store, embedder=EMBEDDER)
        assert report.assigned == 1
        after = _assignment(store)
        assert {k: after[k] for k in before} == before
        (new_id,) = set(after) - set(before)
        assert after[new_id] == before[article.id]


def test_merge_split_are_kept_by_later_updates_and_replayed_by_rebuild(sample: Path) -> None:
    with Store.open(sample) as store:
        update_stories(store, embedder=EMBEDDER)
        stories = list_stories(store, limit=None)
        keep, other = stories[0], stories[1]
        moved = {m.article_id for m in story_members(store, other.id)}
        merged = merge_stories(store, keep.id, other.id[:7])
        assert merged.id == keep.id and merged.size == keep.size + other.size
        merged = merge_stories(store, keep.id, stories[2].id)
        assert get_story(store, other.id).merged_into == keep.id
        assert other.id not in {s.id for s in list_stories(store, limit=None)}
        assert {m.article_id for m in story_members(store, keep.id)} >= moved
        assert {m.how for m in story_members(store, keep.id) if m.article_id in moved} == {"merged"}
        assert sum(t.size for t in list_threads(store, limit=None)) == 30

        members = [m.article_id for m in story_members(store, keep.id)]
        split_off = members[:2]
        created = split_story(store, keep.id, split_off)
        assert created.thread_id == get_story(store, keep.id).thread_id
        assert {m.article_id for m in story_members(store, created.id)} == set(split_off)
        assert get_story(store, keep.id).size == merged.size - 2
        assert [d[0] for d in store.decisions()] == ["merge", "merge", "split"]

        rebuild_stories(store, embedder=EMBEDDER)
        together = _assignment(store)
        rest = [a for a in members if a not in split_off]
        assert len({together[a] for a in rest}) == 1
        assert len({together[a] for a in split_off}) == 1
        assert together[split_off[0]] != together[rest[0]]
        assert len(store.decisions()) == 3  # replaying does not record them again


def test_a_later_ingest_follows_a_merge(sample: Path, tmp_path: Path) -> None:
    with Store.open(sample) as store:
        update_stories(store, embedder=EMBEDDER)
        keep, other = list_stories(store, limit=2)
        moved = [m.article_id for m in story_members(store, other.id)]
        merge_stories(store, keep.id, other.id)
        source = store.get(moved[0])
        later = tmp_path / "later.txt"
        later.write_text(f"{source.title}\n\n{source.text}\n\nMore to follow.", encoding="utf-8")
        ingest([later], store, workers=1)
        update_stories(store, embedder=EMBEDDER)
        newest = store.assignments()[-1]  # in assignment order
        assert newest[0] not in moved
        assert newest[1] == keep.id
        assert get_story(store, other.id).size == other.size  # the retired story takes nothing


def test_bad_edits_are_refused_with_numbered_errors(sample: Path) -> None:
    with Store.open(sample) as store:
        with pytest.raises(UsageError, match="E209"):
            merge_stories(store, "s", "s")
        update_stories(store, embedder=EMBEDDER)
        first, second = list_stories(store, limit=2)
        with pytest.raises(UsageError, match="E210"):
            merge_stories(store, first.id, first.id)
        with pytest.raises(NotFoundError, match="E105"):
            get_story(store, "snothere")
        outsider = story_members(store, second.id)[0].article_id
        with pytest.raises(UsageError, match="E208"):
            split_story(store, first.id, [outsider])
        everything = [m.article_id for m in story_members(store, first.id)]
        with pytest.raises(UsageError, match="E211"):
            split_story(store, first.id, everything)


def test_another_embedder_needs_a_rebuild(sample: Path) -> None:
    with Store.open(sample) as store:
        update_stories(store, embedder=EMBEDDER)
        with pytest.raises(UsageError, match="E107"):
            update_stories(store, embedder="hashing")


def test_seeds_are_different_stories_of_one_thread(tmp_path: Path) -> None:
    with Store.open(tmp_path / "seeds.db") as store:
        ingest([SEEDS], store, workers=1)
        update_stories(store)
        arts = sorted(store.articles(), key=lambda a: a.published or date.min)
        old, new = (story_of(store, a.id) for a in arts)
        assert old.id != new.id
        assert old.thread_id == new.thread_id
        assert (old.first, new.first) == (date(2018, 10, 25), date(2025, 5, 16))
        assert [s.id for s in related_stories(store, arts[1].id)] == [old.id]
        assert related_stories(store, arts[0].id) == []
        assert "National Guard" in {name for name, _ in get_thread(store, old.thread_id).entities}


def test_stories_are_found_by_their_members_event_dates(sample: Path) -> None:
    from dateline.stories._state import group_from_row  # noqa: PLC0415 - internal state

    with Store.open(sample) as store:
        update_stories(store, embedder=EMBEDDER)
        story_id = max(list_stories(store), key=lambda s: s.size).id
        members = [m.article_id for m in story_members(store, story_id)]
        days = {d for d, _, _ in store.features(members).values() if d is not None}
        assert days
        row = store.story_row(story_id)
        assert row is not None
        assert {d.isoformat() for d in group_from_row(row).days} == days
        for day in days:
            assert story_id in store.stories_on_days([date.fromisoformat(day)])
        assert store.stories_on_days([date(1900, 1, 1)]) == []
        assert store.stories_on_days([]) == []
