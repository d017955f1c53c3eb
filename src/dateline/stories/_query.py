"""Reading stories and threads back as :class:`~dateline.models.Story` / ``Thread`` records."""

from __future__ import annotations

from datetime import date

from dateline.errors import NotFoundError
from dateline.models import Story, StoryMember, Thread
from dateline.store import Store
from dateline.store._stories import GroupRow
from dateline.stories._state import group_from_row

__all__ = [
    "get_story",
    "get_thread",
    "list_stories",
    "list_threads",
    "related_stories",
    "story_members",
    "story_of",
    "thread_stories",
]

_KEY_ENTITIES = 5


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _entities(row: GroupRow) -> tuple[tuple[str, int], ...]:
    counts = group_from_row(row).entities
    return tuple(counts.most_common(_KEY_ENTITIES))


def _to_story(row: GroupRow) -> Story:
    return Story(
        id=row.id,
        thread_id=row.thread_id or "",
        title=row.title,
        first=_day(row.first_date),
        last=_day(row.last_date),
        size=row.size,
        entities=_entities(row),
        merged_into=row.merged_into,
    )


def _to_thread(row: GroupRow) -> Thread:
    return Thread(
        id=row.id,
        title=row.title,
        first=_day(row.first_date),
        last=_day(row.last_date),
        size=row.size,
        stories=row.stories,
        entities=_entities(row),
    )


def _resolve(ids: list[str], wanted: str, code: str) -> str:
    if wanted in ids:
        return wanted
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFoundError(code, id=wanted)
    raise NotFoundError("E104", id=wanted, count=len(ids))


def _story_row(store: Store, story_id: str) -> GroupRow:
    row = store.story_row(story_id)
    if row is None:
        row = store.story_row(_resolve(store.story_ids_like(story_id), story_id, "E105"))
    assert row is not None
    return row


def list_stories(
    store: Store,
    *,
    limit: int | None = None,
    thread: str | None = None,
    min_size: int = 1,
    since: date | None = None,
) -> list[Story]:
    """Stories, largest first (then most recent); merged-away stories are left out.

    :param thread: only the stories of this thread (id or unique prefix).
    :param since: only stories whose last date is on or after this day.
    """
    if thread is not None:
        rows = store.stories_of_thread(get_thread(store, thread).id)
    else:
        rows = store.story_rows(
            active_since=since.isoformat() if since else None, include_undated=since is None
        )
    rows = [r for r in rows if r.size >= min_size]
    rows.sort(key=lambda r: (-r.size, r.last_date is None, _neg(r.last_date), r.seq))
    return [_to_story(r) for r in rows[:limit]]


def _neg(value: str | None) -> str:
    """Sort key for most recent first on ISO dates."""
    return "".join(chr(0x10FFFF - ord(c)) for c in value) if value else ""


def get_story(store: Store, story_id: str) -> Story:
    """The story with this id (or unique prefix); error E105 if there is none."""
    return _to_story(_story_row(store, story_id))


def story_members(store: Store, story_id: str) -> list[StoryMember]:
    """A story's articles in date order (undated last)."""
    row = _story_row(store, story_id)
    members = []
    for member in store.members(row.id):
        article = store.get(member.article_id)
        members.append(
            StoryMember(
                article_id=article.id,
                title=article.title,
                published=article.published,
                similarity=member.similarity,
                how=member.how,
                duplicate_of=article.duplicate_of,
            )
        )
    members.sort(key=lambda m: (m.published is None, m.published or date.min, m.article_id))
    return members


def story_of(store: Store, article_id: str) -> Story:
    """The story an article (id or unique prefix) belongs to; E105 if it has none yet."""
    article = store.get(article_id)
    member = store.member(article.id)
    if member is None:
        raise NotFoundError("E105", id=f"of article {article.id}")
    return get_story(store, member.story_id)


def list_threads(store: Store, *, limit: int | None = None, min_stories: int = 1) -> list[Thread]:
    """Threads, those linking the most stories first (then the most articles)."""
    rows = [r for r in store.thread_rows() if r.stories >= min_stories]
    rows.sort(key=lambda r: (-r.stories, -r.size, r.seq))
    return [_to_thread(r) for r in rows[:limit]]


def get_thread(store: Store, thread_id: str) -> Thread:
    rows = store.thread_rows([thread_id])
    if not rows:
        rows = store.thread_rows([_resolve(store.thread_ids_like(thread_id), thread_id, "E106")])
    return _to_thread(rows[0])


def thread_stories(store: Store, thread_id: str) -> list[Story]:
    """A thread's stories in date order."""
    return [_to_story(r) for r in store.stories_of_thread(get_thread(store, thread_id).id)]


def related_stories(store: Store, article_id: str, *, limit: int | None = 10) -> list[Story]:
    """Earlier coverage of an article's story: its thread's stories that began before it,
    most recent first."""
    own = story_of(store, article_id)
    earlier = [
        s
        for s in thread_stories(store, own.thread_id)
        if s.id != own.id and (own.first is None or s.first is None or s.first <= own.first)
    ]
    earlier.sort(key=lambda s: (s.first is None, _neg(s.first.isoformat() if s.first else None)))
    return earlier[:limit]
