"""The SQLite store, always against a real database file."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dateline.errors import NotFoundError, StoreError
from dateline.models import Article, Caption, Dateline, DateRule, Provenance
from dateline.store import SCHEMA_VERSION, AddOutcome, Store, resolve_db_path

BODY = (
    "WASHINGTON (AP) — The Trump administration is planning to dispatch at least 800 active"
    " duty troops to the southern border at the direction of a president who has sought to"
    " transform fears about immigration into electoral gains in the midterms.\n\n"
    "Defense Secretary Jim Mattis is expected to sign an order sending the troops to the"
    " border, bolstering National Guard forces already there, an official said Thursday."
)


def make(aid: str, text: str = BODY, *, path: str = "a.txt", record: int | None = None) -> Article:
    return Article(
        id=aid,
        title="Troops to the border",
        text=text,
        raw_text=text.replace(",", " ,"),
        provenance=Provenance(path, record, "text"),
        published=date(2018, 10, 25),
        published_at=datetime(2018, 10, 25, 14, 3, tzinfo=UTC),
        date_rule=DateRule.CAPTION,
        dateline=Dateline("WASHINGTON", "AP", 0, 17),
        byline="By Lolita C. Baldor",
        captions=(Caption("Migrants walk to Pijijiapan.", "AP Photo/Rodrigo Abd"),),
        publisher="AP",
        url="https://example.org/a",
        external_id="42",
    )


def test_round_trip_keeps_every_field(store: Store) -> None:
    article = make("a" * 16)
    [added] = store.add_batch([article], normalizer=1)
    assert added.outcome is AddOutcome.STORED
    got = store.get("a" * 16)
    assert got == article


def test_schema_is_migrated_and_in_wal_mode(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_reopening_keeps_data_and_does_not_remigrate(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.add_batch([make("b" * 16)], normalizer=1)
    with Store.open(db_path) as store:
        assert store.count() == 1


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="E102"):
        Store.open(db_path)


def test_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match="E101"):
        Store.open(bogus)


def test_same_article_twice_is_unchanged_and_provenance_not_duplicated(store: Store) -> None:
    article = make("c" * 16)
    store.add_batch([article], normalizer=1)
    [again] = store.add_batch([article], normalizer=1)
    assert again.outcome is AddOutcome.UNCHANGED
    assert store.count() == 1
    assert len(store.provenance("c" * 16)) == 1
    # The same article read from another file is one article with two provenance rows.
    store.add_batch([make("c" * 16, path="b.jsonl", record=3)], normalizer=1)
    assert [p.where() for p in store.provenance("c" * 16)] == ["a.txt", "b.jsonl:3"]


def test_near_duplicate_is_stored_and_linked_to_the_original(store: Store) -> None:
    original = make("d" * 16)
    edited = make("e" * 16, text=BODY.replace("at least 800", "at least 900") + " AP added this.")
    different = make("f" * 16, text="A completely different story about the stock market." * 3)
    results = store.add_batch([original, edited, different], normalizer=1)
    assert [r.outcome for r in results] == [
        AddOutcome.STORED,
        AddOutcome.DUPLICATE,
        AddOutcome.STORED,
    ]
    assert results[1].duplicate_of == "d" * 16
    stored = store.get("e" * 16)
    assert stored.duplicate_of == "d" * 16
    assert stored.similarity is not None and stored.similarity >= 0.7
    assert store.duplicates_of("d" * 16) == ["e" * 16]
    # A copy of the copy links to the family's original, never to another copy.
    third = make("g" * 16, text=BODY.replace("at least 800", "at least 901") + " AP added this.")
    [added] = store.add_batch([third], normalizer=1)
    assert added.duplicate_of == "d" * 16
    assert store.count(include_duplicates=False) == 2


def test_prefix_lookup_and_errors(store: Store) -> None:
    store.add_batch([make("abc1" + "0" * 12), make("abc2" + "0" * 12, text="x" * 50)], normalizer=1)
    assert store.get("abc1").id == "abc1" + "0" * 12
    with pytest.raises(NotFoundError, match="E104"):
        store.get("abc")
    with pytest.raises(NotFoundError, match="E103"):
        store.get("zzz")


def test_listing_orders_by_date_and_filters(store: Store) -> None:
    old = replace(make("1" * 16, text="Old news " * 20), published=date(2010, 1, 1))
    new = replace(make("2" * 16, text="New news " * 20), published=date(2025, 5, 16))
    undated = replace(
        make("3" * 16, text="Undated " * 20), published=None, published_at=None, date_rule=None
    )
    store.add_batch([new, undated, old], normalizer=1)
    assert [a.id[0] for a in store.articles()] == ["1", "2", "3"]
    assert [a.id[0] for a in store.articles(since=date(2011, 1, 1))] == ["2"]
    assert [a.id[0] for a in store.articles(until=date(2011, 1, 1))] == ["1"]
    assert [a.id[0] for a in store.articles(limit=1, offset=1)] == ["2"]


def test_failed_batch_rolls_back_entirely(store: Store) -> None:
    good = make("4" * 16)
    bad = make("5" * 16)
    # Fails while writing the second article, after the first row is already written.
    object.__setattr__(bad, "published", "not a date")
    with pytest.raises(AttributeError):
        store.add_batch([good, bad], normalizer=1)
    assert store.count() == 0


def test_db_path_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_DB", raising=False)
    assert resolve_db_path() == "dateline.db"
    monkeypatch.setenv("DATELINE_DB", "/tmp/x.db")
    assert resolve_db_path() == "/tmp/x.db"
    assert resolve_db_path("given.db") == "given.db"
