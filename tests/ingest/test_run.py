"""The ingest job end to end: idempotence, batching, and surviving SIGKILL."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.errors import UsageError
from dateline.ingest import ingest
from dateline.models import IngestProblem
from dateline.store import Store

from ..conftest import EVAL, ROOT, SEEDS

_VOCAB = [
    "officials",
    "said",
    "the",
    "council",
    "police",
    "mayor",
    "river",
    "bridge",
    "election",
    "vote",
    "budget",
    "storm",
    "troops",
    "border",
    "report",
    "court",
    "judge",
    "company",
    "shares",
    "market",
    "fire",
    "hospital",
    "school",
    "minister",
    "talks",
    "agreement",
    "protest",
    "workers",
    "strike",
    "flood",
    "village",
    "road",
    "airport",
    "ship",
    "harbour",
    "week",
    "city",
]


def synthetic_corpus(path: Path, n: int, seed: int = 3) -> None:
    """``n`` distinct articles (no two near-duplicates), as gzipped JSON Lines."""
    rng = random.Random(seed)
    with gzip.open(path, "wt", encoding="utf-8") as sink:
        for i in range(n):
            words = [rng.choice(_VOCAB) for _ in range(120)]
            text = f"Report {i}: " + " ".join(words) + "."
            sink.write(json.dumps({"id": i, "date": "2020-03-01", "text": text}) + "\n")


def check_consistent(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        with_prov = conn.execute("SELECT COUNT(DISTINCT article_id) FROM provenance").fetchone()[0]
        bands = conn.execute("SELECT COUNT(*) FROM lsh_bands").fetchone()[0]
        assert with_prov == articles  # every article has its provenance, none dangling
        assert bands == 25 * articles  # the LSH index is complete for every stored article
        return int(articles)
    finally:
        conn.close()


def test_report_counts_and_idempotent_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl.gz"
    synthetic_corpus(corpus, 120)
    with Store.open(tmp_path / "db.sqlite") as store:
        first = ingest([corpus, SEEDS], store, batch_size=7, annotate=False)
        again = ingest([corpus, SEEDS], store, batch_size=7, annotate=False)
        assert store.count() == 122
    assert (first.read, first.stored, first.unchanged, first.failed) == (122, 122, 0, 0)
    assert (again.read, again.stored, again.unchanged, again.failed) == (122, 0, 122, 0)
    assert first.files == 3 and first.ok


def test_stdin_and_progress_events(tmp_path: Path) -> None:
    events: list[tuple[str, object]] = []

    class Recorder:
        def start(self, total_bytes: int | None, files: int) -> None:
            events.append(("start", (total_bytes, files)))

        def advance(self, nbytes: int) -> None:
            events.append(("advance", nbytes))

        def problem(self, problem: IngestProblem) -> None:
            events.append(("problem", problem.code))

    data = (SEEDS / "003_082ef1cbb70f8043.txt").read_bytes()
    with Store.open(tmp_path / "db.sqlite") as store:
        report = ingest(["-"], store, stdin=io.BytesIO(data), progress=Recorder(), annotate=False)
        assert report.stored == 1
        assert store.get(next(store.articles()).id).provenance.path == "-"
    assert events[0] == ("start", (None, 1))


def test_bad_options_raise_usage_errors(store: Store) -> None:
    with pytest.raises(UsageError, match="E201"):
        ingest([SEEDS], store, fmt="docx")
    with pytest.raises(UsageError, match="E202"):
        ingest([SEEDS], store, batch_size=0)


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_db_and_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl.gz"
    n = 6000
    synthetic_corpus(corpus, n)
    db = tmp_path / "killed.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [
        sys.executable,
        "-m",
        "dateline",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--no-annotate",
    ]
    proc = subprocess.Popen(
        [*command, "--batch-size", "50", "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            time.sleep(0.05)
            if db.exists():
                try:
                    conn = sqlite3.connect(db, timeout=1)
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                    conn.close()
                except sqlite3.OperationalError:
                    continue
                if stored >= 500:
                    break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = check_consistent(db)
    assert 500 <= partial < n, "the kill should land mid-ingest"
    assert partial % 50 == 0, "only whole committed batches survive"

    rerun = subprocess.run(
        [*command, "--json"], check=False, env=env, capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["unchanged"] == partial
    assert report["stored"] == n - partial
    assert check_consistent(db) == n


@pytest.mark.shared
@pytest.mark.slow
def test_all_timeline17_and_meantime_ingest_without_failures(tmp_path: Path) -> None:
    files = sorted((EVAL / "timeline17").glob("*/articles.jsonl"))
    with Store.open(tmp_path / "t17.db") as store:
        report = ingest([*files, EVAL / "meantime_en" / "docs"], store, annotate=False)
        assert report.failed == 0, [str(p) for p in report.problems][:5]
        # Records whose text field is empty in the corpus itself (18 in Timeline17, the 60
        # GM/stock-market docs of the MEANTIME JSON conversion) are skipped with a warning.
        assert report.skipped == 18 + 60
        assert report.read == 2304 - 18 + 60
        meantime = [a for a in store.articles() if a.provenance.path.endswith(".json")]
        assert len(meantime) == 60
        assert all(a.date_rule == "topline" and a.published for a in meantime)


@pytest.mark.slow
def test_worker_pool_gives_the_same_store_as_serial(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl.gz"
    synthetic_corpus(corpus, 700)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "A short note about the bridge vote."}\n{oops\n{"title": "x"}\n')
    reports = []
    listings = []
    for workers in (1, 2):
        with Store.open(tmp_path / f"w{workers}.db") as store:
            reports.append(
                ingest([corpus, bad, SEEDS], store, workers=workers, batch_size=64, annotate=False)
            )
            listings.append([(a.id, a.duplicate_of, a.published) for a in store.articles()])
    serial, parallel = reports
    assert listings[0] == listings[1]
    assert [str(p) for p in serial.problems] == [str(p) for p in parallel.problems]
    assert (serial.read, serial.stored, serial.failed) == (parallel.read, parallel.stored, 2)


@pytest.mark.slow
def test_ingest_annotates_and_reingest_fills_missing_annotations(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.sqlite") as store:
        ingest([SEEDS], store, annotate=False)
        assert len(store.needs_annotation(version=1)) == 2
        report = ingest([SEEDS], store)
        assert report.unchanged == 2
        assert store.needs_annotation(version=1) == []
        first = next(store.articles())
        ann = store.annotations(first.id)
        assert {e.canonical for e in ann.entities} >= {"Donald Trump", "Jim Mattis"}
        assert all(first.text[e.start : e.end] == e.text for e in ann.entities)
        assert ann.sentences and ann.sentences[0].start == 0
        [trump] = store.find_entities(name="Trump", label="PERSON")
        assert trump.name == "Donald Trump" and trump.articles == 2


@pytest.mark.slow
def test_reingest_does_not_annotate_what_is_stored_with_current_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dateline.annotate import ANNOTATOR_VERSION, Annotator  # noqa: PLC0415

    seen: list[str] = []
    original = Annotator.annotate_many

    def counting(self: Annotator, pairs):  # type: ignore[no-untyped-def]
        items = list(pairs)
        seen.extend(text[:30] for text, _ in items)
        return original(self, items)

    monkeypatch.setattr(Annotator, "annotate_many", counting)
    db = tmp_path / "db.sqlite"
    with Store.open(db) as store:
        ingest([SEEDS], store, workers=1)
        assert len(seen) == 2
        before = {a.id: store.annotations(a.id) for a in store.articles()}
        again = ingest([SEEDS], store, workers=1)
        assert again.unchanged == 2 and len(seen) == 2  # nothing annotated the second time
        assert {a.id: store.annotations(a.id) for a in store.articles()} == before
    with sqlite3.connect(db) as raw:  # as if stored by an older annotator version
        raw.execute("UPDATE articles SET annotated = ?", (ANNOTATOR_VERSION - 1,))
    with Store.open(db) as store:
        ingest([SEEDS], store, workers=1)
        assert len(seen) == 4
        assert store.needs_annotation(version=ANNOTATOR_VERSION) == []
