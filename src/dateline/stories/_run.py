"""Building stories in a store: embed, read features, cluster, persist in batches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from dateline.embed import (
    DEFAULT_EMBEDDER,
    Embedder,
    embed_store,
    embedding_text,
    load_embedder,
)
from dateline.errors import UsageError
from dateline.store import Store
from dateline.store._stories import MemberRow, iso
from dateline.stories._cluster import Assignment, Clusterer, ClusterParams, Group, Vocabulary
from dateline.stories._features import ArticleFeatures, article_features
from dateline.stories._state import group_from_row, row_from_group, vector_of_row

__all__ = ["StoriesReport", "load_features", "rebuild_stories", "update_stories"]

# Assignments per write transaction: a killed run loses at most this much work, and stories
# that fell out of the time window are released from memory at each commit.
_COMMIT_EVERY = 1000


@dataclass(frozen=True, slots=True)
class StoriesReport:
    """What one update did: articles embedded and assigned, stories and threads opened."""

    embedded: int
    assigned: int
    joined: int
    new_stories: int
    new_threads: int
    duplicates: int
    model: str


ProgressFn = Callable[[str, int, int], None]


def _resolve(embedder: Embedder | str | None) -> Embedder:
    if embedder is None or isinstance(embedder, str):
        return load_embedder(embedder or DEFAULT_EMBEDDER)
    return embedder


def update_stories(
    store: Store,
    *,
    embedder: Embedder | str | None = None,
    params: ClusterParams | None = None,
    progress: ProgressFn | None = None,
    until: date | None = None,
) -> StoriesReport:
    """Assign every article not yet in a story, in date order; existing assignments stay.

    :param embedder: an :class:`~dateline.embed.Embedder` or a registered name; a store keeps
        the model it was built with (error E107 when another is asked for).
    :param progress: called with ``(stage, done, total)`` for ``embed`` and ``assign``.
    :param until: assign only articles published on or before this day (undated ones wait),
        as if later ones had not arrived yet.
    """
    model = _resolve(embedder)
    built_with = store.get_meta("story_model")
    if built_with is not None and built_with != model.name:
        raise UsageError("E107", found=built_with, wanted=model.name)

    def embed_progress(done: int, total: int) -> None:
        if progress is not None:
            progress("embed", done, total)

    embedded = embed_store(store, model, progress=embed_progress)
    pending = store.unassigned()
    if until is not None:
        last = until.isoformat()
        pending = [p for p in pending if p[1] is not None and p[1][:10] <= last]
    if not pending:
        return StoriesReport(embedded, 0, 0, 0, 0, 0, model.name)
    p = params or ClusterParams()
    clusterer = _restore(store, p, _earliest(pending), dim=model.dim)
    seq = store.next_member_seq()
    counts = {"joined": 0, "founded": 0, "duplicate": 0}
    batch: list[tuple[Assignment, ArticleFeatures | None]] = []
    total = len(pending)

    def flush(current: date | None) -> None:
        nonlocal seq
        with store.transaction():
            _persist(store, clusterer)
            store.save_features(
                (f.id, iso(f.event_date), f.terms, f.entities) for _, f in batch if f is not None
            )
            rows = []
            for assignment, _ in batch:
                rows.append(
                    MemberRow(
                        assignment.article_id,
                        assignment.story_id,
                        seq,
                        round(assignment.similarity, 4),
                        assignment.how,
                    )
                )
                seq += 1
            store.save_members(rows)
            store.set_meta("story_model", model.name)
        batch.clear()
        if current is not None:
            _release(clusterer, current - timedelta(days=p.window_days))

    done = 0
    deferred: list[tuple[str, str]] = []

    def place_duplicate(article_id: str, original: str) -> bool:
        nonlocal done
        story_id = clusterer.story_of.get(original)
        if story_id is None:
            member = store.member(original)
            story_id = member.story_id if member else None
        if story_id is None:
            return False
        assignment = _duplicate(store, clusterer, article_id, story_id, model)
        counts[assignment.how] += 1
        batch.append((assignment, None))
        done += 1
        return True

    # Near-duplicates are placed where they fall in date order (so a copy extends its story's
    # span before later articles are compared with it, whether they arrive in the same batch
    # or a later one); a copy dated before its original waits for it.
    for chunk_start in range(0, len(pending), 256):
        chunk = pending[chunk_start : chunk_start + 256]
        features_of = {
            f.id: f
            for f in load_features(
                store, [i for i, _d, dup in chunk if dup is None], model.name, dim=model.dim
            )
        }
        for article_id, _day, original in chunk:
            if original is not None:
                if not place_duplicate(article_id, original):
                    deferred.append((article_id, original))
                continue
            features = features_of[article_id]
            assignment = clusterer.add(features)
            counts[assignment.how] += 1
            batch.append((assignment, features))
            done += 1
            if len(batch) >= _COMMIT_EVERY:
                flush(features.event_date or features.published)
            if progress is not None and done % 100 == 0:
                progress("assign", done, total)
    for article_id, original in deferred:
        if not place_duplicate(article_id, original):
            assignment = _duplicate(store, clusterer, article_id, None, model)
            counts[assignment.how] += 1
            batch.append((assignment, None))
            done += 1
    flush(None)
    if progress is not None:
        progress("assign", total, total)
    return StoriesReport(
        embedded=embedded,
        assigned=total,
        joined=counts["joined"],
        new_stories=counts["founded"],
        new_threads=clusterer.new_threads,
        duplicates=counts["duplicate"],
        model=model.name,
    )


def rebuild_stories(
    store: Store,
    *,
    embedder: Embedder | str | None = None,
    params: ClusterParams | None = None,
    progress: ProgressFn | None = None,
) -> StoriesReport:
    """Forget all stories and threads and cluster everything again, replaying user decisions.

    Use it after changing the embedder or the parameters. Merges and splits recorded with
    :func:`~dateline.stories.merge_stories` and :func:`~dateline.stories.split_story` are
    applied again, by article: articles a user put together end up together.
    """
    from dateline.stories._edit import replay_decisions  # noqa: PLC0415 - import cycle

    with store.transaction():
        store.clear_stories()
    report = update_stories(store, embedder=embedder, params=params, progress=progress)
    replay_decisions(store, _resolve(embedder))
    return report


def load_features(
    store: Store, ids: list[str], model: str, *, dim: int = 384
) -> list[ArticleFeatures]:
    """Clustering features of ``ids`` (stored ones reused, the rest computed and returned)."""
    vectors = store.embeddings(ids, model)
    stored = store.features(ids)
    out = []
    for article_id in ids:
        article = store.get(article_id)
        vector = vectors.get(article_id)
        if vector is None:  # a near-duplicate: never embedded (it goes with its original)
            vector = np.zeros(dim, np.float32)
        known = stored.get(article_id)
        if known is not None:
            day, terms, entities = known
            out.append(
                ArticleFeatures(
                    id=article.id,
                    title=article.title or "",
                    published=article.published,
                    event_date=date.fromisoformat(day) if day else None,
                    vector=vector,
                    terms=terms,
                    entities=entities,
                    duplicate_of=article.duplicate_of,
                )
            )
        else:
            out.append(article_features(article, store.annotations(article_id), vector))
    return out


def _earliest(pending: list[tuple[str, str | None, str | None]]) -> date | None:
    days = [date.fromisoformat(d[:10]) for _, d, _ in pending if d]
    return min(days) if days else None


def _restore(store: Store, p: ClusterParams, earliest: date | None, *, dim: int) -> Clusterer:
    docs, df = store.vocabulary()

    def load_thread(thread_id: str) -> Group | None:
        rows = store.thread_rows([thread_id])
        return group_from_row(rows[0]) if rows else None

    def taken(group_id: str) -> bool:
        if group_id.startswith("s"):
            return store.story_row(group_id) is not None
        return bool(store.thread_rows([group_id]))

    def load_story(story_id: str) -> Group | None:
        row = store.story_row(story_id)
        return None if row is None else group_from_row(row)

    clusterer = Clusterer(
        dim,
        p,
        Vocabulary(docs, df),
        taken=taken,
        load_story=load_story,
        load_thread=load_thread,
        find_stories=store.stories_on_days,
    )
    since = iso(earliest - timedelta(days=p.window_days)) if earliest else None
    for row in store.story_rows(active_since=since):
        clusterer.restore(story=group_from_row(row))
    for row in store.thread_rows():
        first = date.fromisoformat(row.first_date) if row.first_date else None
        last = date.fromisoformat(row.last_date) if row.last_date else None
        clusterer.restore_thread_vector(row.id, row.seq, vector_of_row(row), first, last)
    return clusterer


def _persist(store: Store, clusterer: Clusterer) -> None:
    stories = [g for g in clusterer.stories.values() if g.dirty]
    threads = [g for g in clusterer.threads.values() if g.dirty]
    store.save_threads(row_from_group(g, story=False) for g in threads)
    store.save_stories(row_from_group(g, story=True) for g in stories)
    vocabulary = clusterer.vocabulary
    store.save_vocabulary(vocabulary.docs, ((t, vocabulary.df[t]) for t in vocabulary.changed))
    vocabulary.changed.clear()
    for group in (*stories, *threads):
        group.dirty = False


def _release(clusterer: Clusterer, before: date) -> None:
    """Drop from memory the stories no article from now on can join (they are stored)."""
    for story in list(clusterer.stories.values()):
        if story.last is not None and story.last < before and not story.dirty:
            clusterer.forget_story(story.id)


def _duplicate(
    store: Store, clusterer: Clusterer, article_id: str, story_id: str | None, model: Embedder
) -> Assignment:
    if story_id is not None:
        story = clusterer.stories.get(story_id)
        if story is None:
            row = store.story_row(story_id)
            if row is not None:
                story = group_from_row(row)
                clusterer.restore(story=story)
        if story is not None:
            article = store.get(article_id)
            story.size += 1
            story.note_date(article.published)
            story.dirty = True
            thread = clusterer.thread(story.thread_id)
            if thread is not None:
                thread.size += 1
                thread.stories[story.id] = story.size
                thread.dirty = True
            clusterer.story_of[article_id] = story.id
            return Assignment(
                article_id, story.id, story.thread_id, article.similarity or 1.0, "duplicate"
            )
    # The original is in no story yet (it is dated after its copy and was not assigned in
    # this run): the copy is clustered on its own merits.
    article = store.get(article_id)
    vector = model.embed([embedding_text(article)])[0]
    features = article_features(article, store.annotations(article_id), vector)
    return clusterer.add(replace(features, duplicate_of=None))
