"""Store tables of issue 4: embeddings, per-article clustering features, stories and threads.

The store keeps rows; what a story's ``state`` blob means is the stories stage's business, so
the dependency points one way (stories → store).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["GroupRow", "MemberRow", "StoryTables"]


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A stored story or thread (``thread_id``, ``title_id``, ``merged_into`` are stories only)."""

    id: str
    seq: int
    title: str
    first_date: str | None
    last_date: str | None
    size: int
    state: bytes
    thread_id: str | None = None
    title_id: str | None = None
    merged_into: str | None = None
    stories: int = 0


@dataclass(frozen=True, slots=True)
class MemberRow:
    article_id: str
    story_id: str
    seq: int
    similarity: float
    how: str


_STORY_COLUMNS = (
    "id, seq, title, first_date, last_date, size, state, thread_id, title_id, merged_into"
)
_THREAD_COLUMNS = "id, seq, title, first_date, last_date, size, state, stories"


def _common(r: GroupRow) -> tuple[object, ...]:
    return (r.id, r.seq, r.title, r.first_date, r.last_date, r.size, r.state)


def _story(row: Sequence[Any]) -> GroupRow:
    id_, seq, title, first, last, size, state, thread_id, title_id, merged_into = row
    return GroupRow(id_, seq, title, first, last, size, state, thread_id, title_id, merged_into)


def _thread(row: Sequence[Any]) -> GroupRow:
    id_, seq, title, first, last, size, state, stories = row
    return GroupRow(id_, seq, title, first, last, size, state, stories=stories)


class StoryTables:
    """Mixed into :class:`~dateline.store.Store`."""

    _db: sqlite3.Connection

    def _meta(self, key: str) -> str | None:
        raise NotImplementedError

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        return self._meta(key)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside is stored, or nothing."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- embeddings -----------------------------------------------------------------------

    def needs_embedding(self, model: str) -> list[str]:
        """Original (non-duplicate) articles with no vector from ``model``, in date order."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN embeddings e"
            " ON e.article_id = a.id AND e.model = ?"
            " WHERE a.duplicate_of IS NULL AND e.article_id IS NULL"
            " ORDER BY a.published IS NULL, a.published, a.id",
            (model,),
        )
        return [r[0] for r in rows]

    def embedding_models(self) -> dict[str, int]:
        rows = self._db.execute("SELECT model, COUNT(*) FROM embeddings GROUP BY model")
        return {r[0]: r[1] for r in rows}

    def save_embeddings(self, model: str, ids: Sequence[str], vectors: NDArray[np.float32]) -> None:
        half = vectors.astype(np.float16)
        with self.transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)",
                [(i, model, half[n].tobytes()) for n, i in enumerate(ids)],
            )

    def embeddings(self, ids: Sequence[str], model: str) -> dict[str, NDArray[np.float32]]:
        found: dict[str, NDArray[np.float32]] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT article_id, vector FROM embeddings WHERE model = ? AND article_id IN ({marks})",  # noqa: E501
                (model, *chunk),
            )
            for article_id, blob in rows:
                found[article_id] = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        return found

    # --- clustering features and vocabulary -----------------------------------------------

    def unassigned(self) -> list[tuple[str, str | None, str | None]]:
        """(id, published, duplicate_of) of articles in no story, in date order."""
        rows = self._db.execute(
            "SELECT a.id, a.published, a.duplicate_of FROM articles a"
            " LEFT JOIN story_members m ON m.article_id = a.id WHERE m.article_id IS NULL"
            " ORDER BY a.published IS NULL, a.published, a.id"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def save_features(
        self, rows: Iterable[tuple[str, str | None, dict[str, int], dict[str, int]]]
    ) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO story_features (article_id, event_date, terms, entities)"
            " VALUES (?, ?, ?, ?)",
            [(i, d, json.dumps(t), json.dumps(e)) for i, d, t, e in rows],
        )

    def features(
        self, ids: Sequence[str]
    ) -> dict[str, tuple[str | None, dict[str, int], dict[str, int]]]:
        found: dict[str, tuple[str | None, dict[str, int], dict[str, int]]] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT article_id, event_date, terms, entities FROM story_features"
                f" WHERE article_id IN ({marks})",
                chunk,
            )
            for article_id, day, terms, entities in rows:
                found[article_id] = (day, json.loads(terms), json.loads(entities))
        return found

    def vocabulary(self) -> tuple[int, dict[str, int]]:
        docs = int(self._meta("vocabulary_docs") or 0)
        return docs, dict(self._db.execute("SELECT term, df FROM vocabulary").fetchall())

    def save_vocabulary(self, docs: int, df: Iterable[tuple[str, int]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO vocabulary (term, df) VALUES (?, ?)", df)
        self.set_meta("vocabulary_docs", str(docs))

    # --- stories and threads --------------------------------------------------------------

    def save_stories(self, rows: Iterable[GroupRow]) -> None:
        self._db.executemany(
            f"INSERT OR REPLACE INTO stories ({_STORY_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(*_common(r), r.thread_id, r.title_id, r.merged_into) for r in rows],
        )

    def save_threads(self, rows: Iterable[GroupRow]) -> None:
        self._db.executemany(
            f"INSERT OR REPLACE INTO threads ({_THREAD_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
            [
                (r.id, r.seq, r.title, r.first_date, r.last_date, r.size, r.state, r.stories)
                for r in rows
            ],
        )

    def save_members(self, rows: Iterable[MemberRow]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO story_members (article_id, story_id, seq, similarity, how)"
            " VALUES (?, ?, ?, ?, ?)",
            [(r.article_id, r.story_id, r.seq, r.similarity, r.how) for r in rows],
        )

    def next_member_seq(self) -> int:
        row = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM story_members").fetchone()
        return int(row[0]) + 1

    def story_rows(
        self,
        *,
        active_since: str | None = None,
        include_undated: bool = True,
        include_merged: bool = False,
    ) -> list[GroupRow]:
        """Stories, oldest first; ``active_since`` keeps those whose last date is on or after it."""
        clauses = [] if include_merged else ["merged_into IS NULL"]
        params: list[object] = []
        if active_since is not None:
            undated = " OR last_date IS NULL" if include_undated else ""
            clauses.append(f"(last_date >= ?{undated})")
            params.append(active_since)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories{where} ORDER BY seq",
            params,
        )
        return [_story(r) for r in rows]

    def story_row(self, story_id: str) -> GroupRow | None:
        row = self._db.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?",
            (story_id,),
        ).fetchone()
        return None if row is None else _story(row)

    def stories_on_days(self, days: Iterable[date]) -> list[str]:
        """Ids of the stories with a member whose event date is one of ``days`` (merged-away
        stories excluded), in id order."""
        wanted = sorted({d.isoformat() for d in days})
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self._db.execute(
            "SELECT DISTINCT m.story_id FROM story_features f"
            " JOIN story_members m ON m.article_id = f.article_id"
            " JOIN stories s ON s.id = m.story_id"
            f" WHERE f.event_date IN ({marks}) AND s.merged_into IS NULL ORDER BY m.story_id",
            wanted,
        )
        return [r[0] for r in rows]

    def story_ids_like(self, prefix: str) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
            (prefix, prefix + "\uffff"),
        )
        return [r[0] for r in rows]

    def thread_rows(self, ids: Sequence[str] | None = None) -> list[GroupRow]:
        if ids is None:
            rows = self._db.execute(
                f"SELECT {_THREAD_COLUMNS} FROM threads ORDER BY seq"
            ).fetchall()
        else:
            marks = ",".join("?" * len(ids))
            rows = self._db.execute(
                f"SELECT {_THREAD_COLUMNS} FROM threads WHERE id IN ({marks}) ORDER BY seq",
                list(ids),
            ).fetchall()
        return [_thread(r) for r in rows]

    def thread_ids_like(self, prefix: str) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM threads WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
            (prefix, prefix + "\uffff"),
        )
        return [r[0] for r in rows]

    def delete_thread(self, thread_id: str) -> None:
        self._db.execute("DELETE FROM threads WHERE id = ?", (thread_id,))

    def members(self, story_id: str) -> list[MemberRow]:
        rows = self._db.execute(
            "SELECT article_id, story_id, seq, similarity, how FROM story_members"
            " WHERE story_id = ? ORDER BY seq",
            (story_id,),
        )
        return [MemberRow(*r) for r in rows]

    def member(self, article_id: str) -> MemberRow | None:
        row = self._db.execute(
            "SELECT article_id, story_id, seq, similarity, how FROM story_members"
            " WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        return None if row is None else MemberRow(*row)

    def stories_of_thread(self, thread_id: str) -> list[GroupRow]:
        rows = self._db.execute(
            f"SELECT {_STORY_COLUMNS} FROM stories"
            " WHERE thread_id = ? AND merged_into IS NULL"
            " ORDER BY first_date IS NULL, first_date, seq",
            (thread_id,),
        )
        return [_story(r) for r in rows]

    def assignments(self) -> list[tuple[str, str, str]]:
        """(article id, story id, thread id) of every assigned article."""
        rows = self._db.execute(
            "SELECT m.article_id, m.story_id, s.thread_id FROM story_members m"
            " JOIN stories s ON s.id = m.story_id ORDER BY m.seq"
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def provenance_records(self, path: str | None = None) -> list[tuple[str, int]]:
        """(article id, record number) of every provenance row, or of those read from ``path``
        (as ingest recorded it)."""
        if path is None:
            rows = self._db.execute("SELECT article_id, record FROM provenance")
        else:
            rows = self._db.execute(
                "SELECT article_id, record FROM provenance WHERE path = ?", (path,)
            )
        return [(r[0], r[1]) for r in rows]

    def record_decision(
        self, action: str, story_id: str, other_id: str, articles: Sequence[str]
    ) -> None:
        self._db.execute(
            "INSERT INTO story_decisions (action, story_id, other_id, articles, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (action, story_id, other_id, json.dumps(list(articles)), datetime.now(UTC).isoformat()),
        )

    def decisions(self) -> list[tuple[str, str, str, list[str], str]]:
        rows = self._db.execute(
            "SELECT action, story_id, other_id, articles, at FROM story_decisions ORDER BY seq"
        )
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4]) for r in rows]

    def clear_stories(self) -> None:
        """Forget every story, thread, the vocabulary and the articles' clustering features
        (for a rebuild: they are recomputed, so a changed recipe takes effect); decisions stay."""
        for table in ("story_members", "stories", "threads", "vocabulary", "story_features"):
            self._db.execute(f"DELETE FROM {table}")
        self._db.execute("DELETE FROM meta WHERE key IN ('vocabulary_docs', 'story_model')")


def iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
