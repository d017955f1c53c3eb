"""Annotation tables of the SQLite store: writing, reading, corpus-wide listings, entities."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from dateline.models import (
    Annotations,
    Entity,
    EntityRecord,
    Figure,
    Hit,
    Quote,
    Sentence,
    TimeExpression,
    TimexType,
)

__all__ = ["AnnotationTables"]

_TABLES = ("sentences", "mentions", "times", "quotes", "figures")


def _date_clauses(
    since: date | None, until: date | None, clauses: list[str], params: list[object]
) -> None:
    if since is not None:
        clauses.append("a.published >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("a.published <= ?")
        params.append(until.isoformat())


def _where(clauses: list[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""


class AnnotationTables:
    """Mixin for :class:`~dateline.store.Store`: everything about ``Annotations``."""

    _db: sqlite3.Connection

    # -- writes (inside the caller's transaction) ---------------------------------------------

    def _write_annotations(self, article_id: str, ann: Annotations, version: int) -> None:
        for table in _TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        db = self._db
        db.executemany(
            "INSERT INTO sentences VALUES (?,?,?,?,?,?,?)",
            [
                (article_id, i, s.start, s.end, s.date, s.granularity, s.date_source)
                for i, s in enumerate(ann.sentences)
            ],
        )
        db.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
            [
                (article_id, i, e.start, e.end, e.text, e.label, e.canonical)
                for i, e in enumerate(ann.entities)
            ],
        )
        db.executemany(
            "INSERT INTO times VALUES (?,?,?,?,?,?,?,?)",
            [
                (article_id, i, t.start, t.end, t.text, t.value, t.type.value, t.granularity)
                for i, t in enumerate(ann.times)
            ],
        )
        db.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article_id,
                    i,
                    q.start,
                    q.end,
                    q.text,
                    q.speaker,
                    q.cue,
                    int(q.direct),
                    int(q.anonymous),
                    q.source_start,
                    q.source_end,
                    q.cue_start,
                    q.cue_end,
                )
                for i, q in enumerate(ann.quotes)
            ],
        )
        db.executemany(
            "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article_id,
                    i,
                    f.start,
                    f.end,
                    f.text,
                    f.value,
                    f.low,
                    f.high,
                    f.qualifier,
                    f.unit,
                    f.subject,
                    f.date,
                    f.quote,
                )
                for i, f in enumerate(ann.figures)
            ],
        )
        db.execute("UPDATE articles SET annotated = ? WHERE id = ?", (version, article_id))

    def save_annotations(self, items: Iterable[tuple[str, Annotations]], *, version: int) -> int:
        """Replace the annotations of these articles, in one transaction; returns how many.

        :param version: the annotator version that produced them (``ANNOTATOR_VERSION``).
        """
        count = 0
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for article_id, ann in items:
                self._write_annotations(article_id, ann, version)
                count += 1
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return count

    # -- reads ----------------------------------------------------------------------------

    def needs_annotation(self, *, version: int, redo: bool = False) -> list[str]:
        """Ids of articles not yet annotated by ``version`` (all of them with ``redo``)."""
        sql = "SELECT id FROM articles"
        if not redo:
            sql += " WHERE annotated IS NULL OR annotated < ?"
        rows = self._db.execute(sql + " ORDER BY seq", () if redo else (version,))
        return [r[0] for r in rows]

    def annotations(
        self,
        article_id: str,
        *,
        entities: bool = True,
        quotes: bool = True,
        figures: bool = True,
    ) -> Annotations:
        """Everything the annotators found in one article (empty if not annotated).

        :param entities: False leaves the entity mentions out (timelines do not read them, and
            they are the largest table).
        :param quotes: False leaves the quotes out.
        :param figures: False leaves the figures out (a timeline reads the quotes and figures
            only of the few articles it cites).
        """
        db = self._db
        key = (article_id,)
        order = " WHERE article_id = ? ORDER BY idx"
        sentences = [
            Sentence(*row)
            for row in db.execute(
                "SELECT char_start, char_end, date, granularity, date_source FROM sentences"
                + order,
                key,
            )
        ]
        mentions = (
            [
                Entity(text, label, start, end, canonical)
                for start, end, text, label, canonical in db.execute(
                    "SELECT char_start, char_end, text, label, canonical FROM mentions" + order, key
                )
            ]
            if entities
            else []
        )
        times = [
            TimeExpression(text, start, end, value, TimexType(kind), granularity)
            for start, end, text, value, kind, granularity in db.execute(
                "SELECT char_start, char_end, text, value, type, granularity FROM times" + order,
                key,
            )
        ]
        said = (
            [self._quote(row) for row in db.execute("SELECT * FROM quotes" + order, key)]
            if quotes
            else []
        )
        counted = (
            [self._figure(row) for row in db.execute("SELECT * FROM figures" + order, key)]
            if figures
            else []
        )
        return Annotations(
            entities=tuple(mentions),
            quotes=tuple(said),
            figures=tuple(counted),
            times=tuple(times),
            sentences=tuple(sentences),
        )

    @staticmethod
    def _quote(row: Sequence[Any]) -> Quote:
        (_aid, _idx, start, end, text, speaker, cue, direct, anonymous, ss, se, cs, ce) = row
        return Quote(text, start, end, speaker, cue, bool(direct), bool(anonymous), ss, se, cs, ce)

    @staticmethod
    def _figure(row: Sequence[Any]) -> Figure:
        (_aid, _idx, start, end, text, value, low, high, qualifier, unit, subject, when, q) = row
        return Figure(text, start, end, value, low, high, qualifier, unit, subject, when, q)

    def _names_for(self, entity: str) -> list[str]:
        """Per-article canonical names that mean ``entity`` (a name or one of its aliases)."""
        rows = self._db.execute(
            "SELECT DISTINCT a2.alias FROM entity_aliases a1"
            " JOIN entity_aliases a2 ON a2.entity_id = a1.entity_id WHERE a1.alias = ?"
            " UNION SELECT name FROM entities WHERE id IN"
            " (SELECT entity_id FROM entity_aliases WHERE alias = ?)",
            (entity, entity),
        ).fetchall()
        return sorted({r[0] for r in rows} | {entity})

    def _mentions_clause(
        self, alias: str, entity: str, clauses: list[str], params: list[object]
    ) -> None:
        """Restrict ``alias.article_id`` to articles that mention ``entity`` (any alias)."""
        names = self._names_for(entity)
        clauses.append(
            f"{alias}.article_id IN (SELECT article_id FROM mentions WHERE canonical IN"
            f" ({','.join('?' * len(names))}))"
        )
        params += names

    def articles_mentioning(self, entity: str) -> list[str]:
        """Ids of articles that mention ``entity`` under any of its names, by date."""
        names = self._names_for(entity)
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT article_id FROM mentions WHERE canonical"
            f" IN ({','.join('?' * len(names))})) ORDER BY published IS NULL, published, seq",
            names,
        )
        return [r[0] for r in rows]

    def articles_matching(self, text: str) -> list[str]:
        """Ids of articles whose title or text contains ``text`` (case-insensitive), by date."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._db.execute(
            "SELECT id FROM articles WHERE title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'"
            " ORDER BY published IS NULL, published, seq",
            (pattern, pattern),
        )
        return [r[0] for r in rows]

    def find_quotes(
        self,
        *,
        speaker: str | None = None,
        entity: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> Iterator[Hit[Quote]]:
        """Quotes across the corpus, by publication date.

        :param speaker: only quotes by this speaker (a name or any alias of it).
        :param entity: only quotes in articles that mention this entity.
        """
        clauses: list[str] = []
        params: list[object] = []
        if speaker is not None:
            names = self._names_for(speaker)
            clauses.append(f"q.speaker IN ({','.join('?' * len(names))})")
            params += names
        if entity is not None:
            self._mentions_clause("q", entity, clauses, params)
        _date_clauses(since, until, clauses, params)
        params.append(-1 if limit is None else limit)
        rows = self._db.execute(
            "SELECT q.*, a.published FROM quotes q JOIN articles a ON a.id = q.article_id"
            + _where(clauses)
            + " ORDER BY a.published IS NULL, a.published, a.seq, q.idx LIMIT ?",
            params,
        )
        for row in rows:
            yield Hit(row[0], _day(row[-1]), self._quote(row[:-1]))

    def find_figures(
        self,
        *,
        entity: str | None = None,
        subject: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> Iterator[Hit[Figure]]:
        """Figures across the corpus, by publication date.

        :param entity: only figures in articles that mention this entity.
        :param subject: only figures whose subject contains this text (case-insensitive).
        """
        clauses: list[str] = []
        params: list[object] = []
        if entity is not None:
            self._mentions_clause("f", entity, clauses, params)
        if subject is not None:
            clauses.append("f.subject LIKE ?")
            params.append(f"%{subject}%")
        _date_clauses(since, until, clauses, params)
        params.append(-1 if limit is None else limit)
        rows = self._db.execute(
            "SELECT f.*, a.published FROM figures f JOIN articles a ON a.id = f.article_id"
            + _where(clauses)
            + " ORDER BY a.published IS NULL, a.published, a.seq, f.idx LIMIT ?",
            params,
        )
        for row in rows:
            yield Hit(row[0], _day(row[-1]), self._figure(row[:-1]))

    def find_entities(
        self, *, label: str | None = None, name: str | None = None, limit: int | None = None
    ) -> list[EntityRecord]:
        """Corpus entities, most mentioned first.

        :param label: only this spaCy label (``PERSON``, ``ORG``, ``GPE``, ...).
        :param name: only entities with this name or alias (case-insensitive substring).
        """
        clauses: list[str] = []
        params: list[object] = []
        if label is not None:
            clauses.append("e.label = ?")
            params.append(label.upper())
        if name is not None:
            clauses.append(
                "e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ?) OR e.name LIKE ?"
            )
            params += [f"%{name}%", f"%{name}%"]
        params.append(-1 if limit is None else limit)
        rows = self._db.execute(
            "SELECT e.id, e.name, e.label, e.mentions, e.articles FROM entities e"
            + _where(clauses)
            + " ORDER BY e.mentions DESC, e.name LIMIT ?",
            params,
        ).fetchall()
        records = []
        for eid, ename, elabel, mentions, articles in rows:
            aliases = self._db.execute(
                "SELECT alias, mentions FROM entity_aliases WHERE entity_id = ?"
                " ORDER BY mentions DESC, alias",
                (eid,),
            ).fetchall()
            records.append(
                EntityRecord(ename, elabel, mentions, articles, tuple(map(tuple, aliases)))
            )
        return records

    # -- corpus entities ------------------------------------------------------------------

    def rebuild_entities(self) -> int:
        """Recompute the corpus entity table from the stored mentions; returns its size.

        Per-article canonical names are merged across the corpus: a short person name (``Trump``
        in an article that never gives the full name) joins the one multi-word person name it
        ends (``Donald Trump``) when that name has at least 80% of such candidates' mentions.
        """
        counts: Counter[tuple[str, str]] = Counter()
        articles: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        aliases: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for article_id, text, label, canonical in self._db.execute(
            "SELECT article_id, text, label, canonical FROM mentions"
        ):
            key = (canonical, label)
            counts[key] += 1
            articles[key].add(article_id)
            aliases[key][text] += 1
        merged = _merge_short_names(counts)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.execute("DELETE FROM entity_aliases")
            self._db.execute("DELETE FROM entities")
            final: defaultdict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
            for key in counts:
                final[merged.get(key, key)].append(key)
            for (name, label), members in final.items():
                mention_total = sum(counts[m] for m in members)
                article_ids: set[str] = set().union(*(articles[m] for m in members))
                cursor = self._db.execute(
                    "INSERT INTO entities (name, label, mentions, articles) VALUES (?,?,?,?)",
                    (name, label, mention_total, len(article_ids)),
                )
                alias_counts: Counter[str] = Counter()
                for member in members:
                    alias_counts.update(aliases[member])
                    # The per-article name is what quotes store as speaker: keep it findable.
                    alias_counts.setdefault(member[0], 0)
                self._db.executemany(
                    "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?,?,?)",
                    [(cursor.lastrowid, a, c) for a, c in alias_counts.items()],
                )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return len(final)


_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des"})
_ACRONYM_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_STOP
    ).upper()


def _dominant(
    candidates: list[tuple[str, str]], counts: Counter[tuple[str, str]]
) -> tuple[str, str] | None:
    """The candidate with at least 80% of the candidates' mentions, if there is one."""
    total = sum(counts[c] for c in candidates)
    if not candidates or total == 0:
        return None
    best = max(candidates, key=lambda c: (counts[c], c[0]))
    # Calibration: two Johnsons of similar weight are ambiguous; one that dominates is not.
    return best if counts[best] >= 0.8 * total else None


def _merge_short_names(counts: Counter[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Corpus-level links the per-article pass could not make: ``Trump`` in an article without
    the full name → ``Donald Trump``; ``US`` in an article that never spells it out →
    ``United States``."""
    full_by_last: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    by_initials: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, label in counts:
        words = name.split()
        if len(words) < 2:
            continue
        if label == "PERSON":
            full_by_last[words[-1]].append((name, label))
        elif label in _ACRONYM_LABELS:
            by_initials[_initials(name)].append((name, label))
    merged: dict[tuple[str, str], tuple[str, str]] = {}
    for name, label in counts:
        if " " in name:
            continue
        target = None
        if label == "PERSON":
            target = _dominant(full_by_last.get(name, []), counts)
        elif label in _ACRONYM_LABELS and name.replace(".", "").isupper() and len(name) <= 8:
            target = _dominant(by_initials.get(name.replace(".", ""), []), counts)
        if target is not None:
            merged[(name, label)] = target
    return merged


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
