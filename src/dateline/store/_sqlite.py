"""The SQLite store: one file, WAL mode, versioned migrations, idempotent writes.

Every write happens inside one explicit transaction per batch, so an ingest killed at any point
(even SIGKILL) leaves the database as it was after the last committed batch; re-running the
ingest skips what is already stored (ids are derived from content) and completes the rest.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from dateline.dedup import DUPLICATE_THRESHOLD, SCHEME, MinHasher, Signature
from dateline.errors import NotFoundError, StoreError
from dateline.models import Annotations, Article, Caption, Dateline, DateRule, Provenance
from dateline.store._annotations import AnnotationTables
from dateline.store._stories import StoryTables

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "AddOutcome", "Added", "Store", "resolve_db_path"]

DEFAULT_DB = "dateline.db"
_ENV_DB = "DATELINE_DB"
_MAX_CHECKS = 8
# One statement for all bands; SQLite answers each OR term from the (band, bucket) primary key.
_CANDIDATES_SQL = "SELECT article_id FROM lsh_bands WHERE " + " OR ".join(
    ["(band = ? AND bucket = ?)"] * MinHasher.bands
)


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("dateline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text("utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(v for v, _, _ in _migrations())


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> str:
    """The database path: ``path`` if given, else ``$DATELINE_DB``, else ``./dateline.db``."""
    if path is not None:
        return os.fspath(path)
    return os.environ.get(_ENV_DB) or DEFAULT_DB


class AddOutcome(StrEnum):
    STORED = "stored"  # a new article
    DUPLICATE = "duplicate"  # a new article, marked as a near-duplicate of an earlier one
    UNCHANGED = "unchanged"  # already stored; only its provenance was recorded


@dataclass(frozen=True, slots=True)
class Added:
    outcome: AddOutcome
    article_id: str
    duplicate_of: str | None = None
    similarity: float | None = None


_COLUMNS = (
    "id, title, text, raw_text, published, published_at, date_rule, dateline_place,"
    " dateline_agency, dateline_start, dateline_end, byline, captions, publisher, url,"
    " external_id, duplicate_of, similarity"
)


def _split_sql(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement:
                yield statement
    if buffer.strip():
        yield buffer.strip()


class Store(AnnotationTables, StoryTables):
    """Articles and their annotations in an SQLite file.

    Open with :meth:`Store.open` (migrates the schema), use as a context manager to close it.
    ``":memory:"`` gives a throwaway database.
    """

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path
        self._hasher = MinHasher()

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Self:
        """Open (creating and migrating as needed) the database at ``path``.

        :param path: file path; defaults to ``$DATELINE_DB`` or ``./dateline.db``.
        """
        resolved = resolve_db_path(path)
        try:
            if resolved != ":memory:":
                Path(resolved).parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(resolved, isolation_level=None, timeout=30.0)
            connection.execute("PRAGMA busy_timeout = 30000")
            if resolved != ":memory:":
                connection.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable across application crashes in WAL mode; only an OS crash or
            # power loss may drop the last transactions, never corrupt the file.
            connection.execute("PRAGMA synchronous = NORMAL")
            # 64 MiB of page cache (the default is 2 MiB): the LSH and id indexes are written
            # at random positions, and once they outgrow the cache every insert re-reads pages;
            # at 100k articles this halves ingest time. A fixed cap, so memory stays flat.
            connection.execute("PRAGMA cache_size = -65536")
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreError("E101", path=resolved, detail=str(exc)) from exc
        store = cls(connection, resolved)
        try:
            store._migrate()
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise StoreError("E101", path=resolved, detail=str(exc)) from exc
        except StoreError:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError("E102", path=self.path, found=current, known=SCHEMA_VERSION)
        for version, _name, script in _migrations():
            if version <= current:
                continue
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(script):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version:d}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        if self._meta("dedup_scheme") != SCHEME:
            self._rebuild_dedup_index()

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _rebuild_dedup_index(self) -> None:
        """Recompute signatures and band keys when the dedup scheme changed (or on creation)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("DELETE FROM lsh_bands")
            rows = self._db.execute("SELECT id, title, text FROM articles").fetchall()
            for article_id, title, text in rows:
                signature = self._hasher.article_signature(title, text)
                self._db.execute(
                    "UPDATE articles SET signature = ? WHERE id = ?",
                    (self._hasher.to_bytes(signature), article_id),
                )
                self._insert_bands(article_id, self._hasher.band_keys(signature))
            self._db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('dedup_scheme', ?)", (SCHEME,)
            )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    # -- writes ---------------------------------------------------------------------------

    def add_batch(
        self,
        articles: Sequence[Article],
        *,
        normalizer: int,
        signatures: Sequence[Signature] | None = None,
        annotations: Sequence[Annotations | None] | None = None,
        annotator: int | None = None,
    ) -> list[Added]:
        """Store ``articles`` in one transaction; return what happened to each.

        An article whose id is already stored is left as it is (only its provenance is added).
        A new one is checked against the LSH index and, when its estimated similarity to a stored
        article reaches :data:`dateline.dedup.DUPLICATE_THRESHOLD`, linked to that article's
        original via ``duplicate_of`` (it is stored, not dropped).

        :param normalizer: version of the normalizer that produced the articles.
        :param signatures: the articles' :meth:`MinHasher.signature` values when already
            computed (by ingest workers); computed here otherwise.
        :param annotations: the articles' annotations, if annotated; written for new articles
            and for stored ones that lack them or have an older ``annotator`` version's.
        :param annotator: the annotator version that produced ``annotations``.
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        results: list[Added] = []
        self._db.execute("BEGIN IMMEDIATE")
        try:
            seq = int(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
            for i, article in enumerate(articles):
                exists = self._db.execute(
                    "SELECT duplicate_of, annotated FROM articles WHERE id = ?", (article.id,)
                ).fetchone()
                ann = annotations[i] if annotations is not None else None
                if exists is not None:
                    results.append(Added(AddOutcome.UNCHANGED, article.id, exists[0]))
                    stale = exists[1] is None or (annotator is not None and exists[1] < annotator)
                    if ann is not None and annotator is not None and stale:
                        self._write_annotations(article.id, ann, annotator)
                else:
                    seq += 1
                    signature = (
                        signatures[i]
                        if signatures is not None
                        else self._hasher.article_signature(article.title, article.text)
                    )
                    results.append(
                        self._insert(article, signature, seq=seq, now=now, normalizer=normalizer)
                    )
                    if ann is not None and annotator is not None:
                        self._write_annotations(article.id, ann, annotator)
                self._add_provenance(article.id, article.provenance, now)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return results

    def _insert(
        self, article: Article, signature: Signature, *, seq: int, now: str, normalizer: int
    ) -> Added:
        keys = self._hasher.band_keys(signature)
        original, similarity = self._find_original(article.id, signature, keys)
        dl = article.dateline
        self._db.execute(
            f"INSERT INTO articles ({_COLUMNS}, signature, normalizer, seq, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.title,
                article.text,
                article.raw_text,
                article.published.isoformat() if article.published else None,
                article.published_at.isoformat() if article.published_at else None,
                article.date_rule.value if article.date_rule else None,
                dl.place if dl else None,
                dl.agency if dl else None,
                dl.start if dl else None,
                dl.end if dl else None,
                article.byline,
                json.dumps([{"text": c.text, "credit": c.credit} for c in article.captions]),
                article.publisher,
                article.url,
                article.external_id,
                original,
                similarity,
                self._hasher.to_bytes(signature),
                normalizer,
                seq,
                now,
            ),
        )
        self._insert_bands(article.id, keys)
        if original is None:
            return Added(AddOutcome.STORED, article.id)
        return Added(AddOutcome.DUPLICATE, article.id, original, similarity)

    def _insert_bands(self, article_id: str, keys: list[int]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO lsh_bands (band, bucket, article_id) VALUES (?, ?, ?)",
            [(band, key, article_id) for band, key in enumerate(keys)],
        )

    def _find_original(
        self, article_id: str, signature: Signature, keys: list[int]
    ) -> tuple[str | None, float | None]:
        shared: Counter[str] = Counter(
            cid
            for (cid,) in self._db.execute(
                _CANDIDATES_SQL, [v for pair in enumerate(keys) for v in pair]
            )
        )
        shared.pop(article_id, None)
        best: tuple[float, str, str | None] | None = None
        # The number of shared bands ranks candidates by likely similarity; checking only the
        # best few bounds the cost when a story has been republished dozens of times.
        for cid, _bands in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_CHECKS]:
            row = self._db.execute(
                "SELECT signature, duplicate_of FROM articles WHERE id = ?", (cid,)
            ).fetchone()
            score = MinHasher.similarity(signature, MinHasher.from_bytes(row[0]))
            if score >= DUPLICATE_THRESHOLD and (best is None or score > best[0]):
                best = (score, cid, row[1])
        if best is None:
            return None, None
        score, cid, root = best
        # Link to the original of the family, not to another copy, so chains never form.
        return (root or cid), round(score, 4)

    def _add_provenance(self, article_id: str, prov: Provenance, now: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO provenance"
            " (article_id, path, record, reader, encoding, ingested_at) VALUES (?,?,?,?,?,?)",
            (
                article_id,
                prov.path,
                -1 if prov.record is None else prov.record,
                prov.reader,
                prov.encoding,
                now,
            ),
        )

    # -- reads ----------------------------------------------------------------------------

    def count(self, *, include_duplicates: bool = True) -> int:
        """Number of stored articles."""
        where = "" if include_duplicates else " WHERE duplicate_of IS NULL"
        return int(self._db.execute(f"SELECT COUNT(*) FROM articles{where}").fetchone()[0])

    def get(self, article_id: str) -> Article:
        """The article with this id, or the only one whose id starts with it.

        :raises NotFoundError: no such article, or the prefix matches several.
        """
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, seq FROM articles WHERE id = ?", (article_id,)
        ).fetchall()
        if not rows and article_id:
            pattern = article_id.replace("%", "").replace("_", "") + "%"
            rows = self._db.execute(
                f"SELECT {_COLUMNS}, seq FROM articles WHERE id LIKE ? LIMIT 2", (pattern,)
            ).fetchall()
            if len(rows) > 1:
                count = self._db.execute(
                    "SELECT COUNT(*) FROM articles WHERE id LIKE ?", (pattern,)
                ).fetchone()[0]
                raise NotFoundError("E104", id=article_id, count=count)
        if not rows:
            raise NotFoundError("E103", id=article_id)
        return self._article(rows[0])

    def articles(
        self,
        *,
        include_duplicates: bool = True,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[Article]:
        """Stored articles by publication date (undated last), then ingest order.

        :param include_duplicates: also yield near-duplicates.
        :param since: only articles published on or after this day.
        :param until: only articles published on or before this day.
        """
        clauses: list[str] = []
        params: list[object] = []
        if not include_duplicates:
            clauses.append("duplicate_of IS NULL")
        if since is not None:
            clauses.append("published >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("published <= ?")
            params.append(until.isoformat())
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        params += [-1 if limit is None else limit, offset]
        cursor = self._db.execute(
            f"SELECT {_COLUMNS}, seq FROM articles{where}"
            " ORDER BY published IS NULL, published, seq LIMIT ? OFFSET ?",
            params,
        )
        for row in cursor:
            yield self._article(row)

    def provenance(self, article_id: str) -> list[Provenance]:
        """Every file and record the article was read from, first ingested first."""
        rows = self._db.execute(
            "SELECT path, record, reader, encoding FROM provenance WHERE article_id = ?"
            " ORDER BY ingested_at, path, record",
            (article_id,),
        ).fetchall()
        return [Provenance(p, None if r == -1 else r, reader, enc) for p, r, reader, enc in rows]

    def duplicates_of(self, article_id: str) -> list[str]:
        """Ids of the near-duplicates linked to this original."""
        return [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY seq", (article_id,)
            )
        ]

    def _article(self, row: sqlite3.Row | tuple[Any, ...]) -> Article:
        (
            aid,
            title,
            text,
            raw_text,
            published,
            published_at,
            date_rule,
            place,
            agency,
            dl_start,
            dl_end,
            byline,
            captions,
            publisher,
            url,
            external_id,
            duplicate_of,
            similarity,
            _seq,
        ) = row
        first = self._db.execute(
            "SELECT path, record, reader, encoding FROM provenance WHERE article_id = ?"
            " ORDER BY ingested_at, path, record LIMIT 1",
            (aid,),
        ).fetchone()
        prov = (
            Provenance(first[0], None if first[1] == -1 else first[1], first[2], first[3])
            if first
            else Provenance("", None, "")
        )
        return Article(
            id=aid,
            title=title,
            text=text,
            raw_text=raw_text,
            provenance=prov,
            published=date.fromisoformat(published) if published else None,
            published_at=datetime.fromisoformat(published_at) if published_at else None,
            date_rule=DateRule(date_rule) if date_rule else None,
            dateline=Dateline(place, agency, dl_start, dl_end) if place is not None else None,
            byline=byline,
            captions=tuple(Caption(c["text"], c.get("credit")) for c in json.loads(captions)),
            publisher=publisher,
            url=url,
            external_id=external_id,
            duplicate_of=duplicate_of,
            similarity=similarity,
        )
