"""A user's corrections: merge two stories, split articles out of one.

Both recompute the affected stories from their members' stored features and embeddings and
record the decision. Later updates respect them because nothing assigned ever moves and the
merged or split stories' profiles are what new articles are compared with; a rebuild replays
them (:func:`replay_decisions`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from dateline.embed import Embedder
from dateline.errors import UsageError
from dateline.models import Story
from dateline.store import Store
from dateline.store._stories import MemberRow
from dateline.stories._cluster import _STORY_CAP, Group, new_id
from dateline.stories._query import get_story
from dateline.stories._run import load_features
from dateline.stories._state import group_from_row, row_from_group

__all__ = ["merge_stories", "replay_decisions", "split_story"]


def _model(store: Store) -> str:
    model = store.get_meta("story_model")
    if model is None:
        raise UsageError("E209")
    return model


def _rebuilt(store: Store, base: Group, article_ids: Sequence[str], model: str) -> Group:
    """``base``'s identity (id, seq, thread) with sums recomputed from ``article_ids``."""
    group = Group(
        id=base.id,
        seq=base.seq,
        vector_sum=np.zeros_like(base.vector_sum),
        thread_id=base.thread_id,
    )
    articles = {i: store.get(i) for i in article_ids}
    originals = [i for i in article_ids if articles[i].duplicate_of is None]
    features = load_features(store, originals, model)
    for item in features:
        group.add(item, cap=_STORY_CAP)
    for article in articles.values():
        if article.duplicate_of is not None:
            group.note_date(article.published)
    group.size = len(article_ids)
    best = (-2.0, "", "")
    centroid = group.centroid()
    for item in features:
        similarity = float(item.vector @ centroid)
        if item.title and similarity > best[0]:
            best = (similarity, item.id, item.title)
    group.title = best if best[1] else base.title
    return group


def _thread_minus(thread: Group, story: Group) -> None:
    thread.vector_sum = thread.vector_sum - story.vector_sum
    thread.count -= story.count
    thread.size -= story.size
    thread.terms.subtract(story.terms)
    thread.terms = Counter({k: v for k, v in thread.terms.items() if v > 0})
    thread.entities.subtract(story.entities)
    thread.entities = Counter({k: v for k, v in thread.entities.items() if v > 0})
    thread.stories.pop(story.id, None)


def _thread_plus(thread: Group, story: Group) -> None:
    thread.vector_sum = thread.vector_sum + story.vector_sum
    thread.count += story.count
    thread.size += story.size
    thread.terms.update(story.terms)
    thread.entities.update(story.entities)
    thread.stories[story.id] = story.size
    thread.note_date(story.first)
    thread.note_date(story.last)


def _retitle_thread(thread: Group, titles: dict[str, str]) -> None:
    if not thread.stories:
        return
    largest = max(thread.stories, key=lambda k: (thread.stories[k], k))
    thread.title = (float(thread.stories[largest]), largest, titles.get(largest, thread.title[2]))


def _thread(store: Store, thread_id: str) -> Group:
    return group_from_row(store.thread_rows([thread_id])[0])


def merge_stories(store: Store, keep: str, other: str) -> Story:
    """Move every article of story ``other`` into story ``keep`` and record the decision.

    Both may be given as unique id prefixes. ``other`` stays readable with ``merged_into``
    set; new articles like it join ``keep`` from now on.
    """
    return _merge(store, keep, other, record=True)


def _merge(store: Store, keep: str, other: str, *, record: bool) -> Story:
    model = _model(store)
    kept, gone = get_story(store, keep), get_story(store, other)
    if kept.id == gone.id:
        raise UsageError("E210", id=kept.id)
    keep_row, gone_row = store.story_row(kept.id), store.story_row(gone.id)
    assert keep_row is not None and gone_row is not None
    keep_group, gone_group = group_from_row(keep_row), group_from_row(gone_row)
    kept_ids = [m.article_id for m in store.members(kept.id)]
    moved = [m.article_id for m in store.members(gone.id)]
    merged = _rebuilt(store, keep_group, kept_ids + moved, model)
    with store.transaction():
        old_thread = _thread(store, gone_group.thread_id)
        _thread_minus(old_thread, gone_group)
        target = (
            old_thread if old_thread.id == merged.thread_id else _thread(store, merged.thread_id)
        )
        _thread_minus(target, keep_group)
        _thread_plus(target, merged)
        _retitle_thread(target, {merged.id: merged.title[2]})
        if old_thread.id != target.id:
            if old_thread.stories:
                store.save_threads([row_from_group(old_thread, story=False)])
            else:
                store.delete_thread(old_thread.id)
        store.save_threads([row_from_group(target, story=False)])
        store.save_stories([row_from_group(merged, story=True)])
        store.save_stories([row_from_group(gone_group, story=True, merged_into=merged.id)])
        members = {m.article_id: m for m in store.members(gone.id)}
        store.save_members(
            MemberRow(i, merged.id, members[i].seq, members[i].similarity, "merged") for i in moved
        )
        if record:
            store.record_decision("merge", merged.id, gone.id, kept_ids + moved)
    return get_story(store, merged.id)


def split_story(store: Store, story_id: str, article_ids: Sequence[str]) -> Story:
    """Move ``article_ids`` (ids or unique prefixes) out of a story into a new one, and
    record the decision.

    The new story stays in the same thread; it is returned.
    """
    return _split(store, story_id, article_ids, record=True)


def _split(store: Store, story_id: str, article_ids: Sequence[str], *, record: bool) -> Story:
    model = _model(store)
    source = get_story(store, story_id)
    members = {m.article_id: m for m in store.members(source.id)}
    moved: list[str] = []
    for given in article_ids:
        article = store.get(given)
        if article.id not in members:
            raise UsageError("E208", article=article.id, story=source.id)
        if article.id not in moved:
            moved.append(article.id)
    if not moved or len(moved) == len(members):
        raise UsageError("E211", story=source.id, count=len(members))
    source_row = store.story_row(source.id)
    assert source_row is not None
    base = group_from_row(source_row)
    kept_ids = [i for i in members if i not in moved]
    remaining = _rebuilt(store, base, kept_ids, model)
    new_story_id = new_id(
        "s", "split:" + ",".join(sorted(moved)), lambda i: bool(store.story_row(i))
    )
    seq = max(int(store.get_meta("story_seq") or 0), base.seq) + 1
    created = _rebuilt(
        store,
        Group(
            id=new_story_id, seq=seq, vector_sum=base.vector_sum.copy(), thread_id=base.thread_id
        ),
        moved,
        model,
    )
    with store.transaction():
        thread = _thread(store, base.thread_id)
        _thread_minus(thread, base)
        _thread_plus(thread, remaining)
        thread.stories[created.id] = created.size
        _retitle_thread(thread, {remaining.id: remaining.title[2], created.id: created.title[2]})
        store.save_threads([row_from_group(thread, story=False)])
        store.save_stories(
            [row_from_group(remaining, story=True), row_from_group(created, story=True)]
        )
        store.save_members(
            MemberRow(i, created.id, members[i].seq, members[i].similarity, "split") for i in moved
        )
        store.set_meta("story_seq", str(seq))
        if record:
            store.record_decision("split", source.id, created.id, moved)
    return get_story(store, created.id)


def replay_decisions(store: Store, embedder: Embedder) -> int:
    """Apply recorded merges and splits again after a rebuild, by article; returns how many
    changed something."""
    del embedder  # the stores' recorded model is used; kept for a uniform signature
    applied = 0
    for action, _story, _other, articles, _at in store.decisions():
        story_of = {a: m.story_id for a in articles if (m := store.member(a)) is not None}
        if not story_of:
            continue
        first = next(iter(story_of.values()))
        if action == "merge" and len(set(story_of.values())) > 1:
            for story in sorted(set(story_of.values()) - {first}):
                _merge(store, first, story, record=False)
            applied += 1
        elif action == "split":
            together = [a for a, story in story_of.items() if story == first]
            if len(store.members(first)) > len(together):
                _split(store, first, together, record=False)
                applied += 1
    return applied
