"""Stories benchmarks: embedding throughput, and embed + assign over a 100k-article archive.

Usage::

    .venv/bin/python benchmarks/bench_stories.py                # both, defaults
    .venv/bin/python benchmarks/bench_stories.py embed --texts 1000
    .venv/bin/python benchmarks/bench_stories.py scale --articles 120000 [--embedder minilm]

``embed`` times the default embedder (all-MiniLM-L6-v2, ONNX int8, 128 wordpieces, all CPUs) on
real Timeline17 articles (title + lead, as ``update_stories`` embeds them).

``scale`` generates N articles by repeating the Timeline17 ones with edits (``bench_ingest``'s
edits: words replaced, paragraphs dropped) and moves each repetition ``--shift-days`` (150)
later, so the archive spans decades like a real one; ingests them without NLP (annotating 100k
articles would take hours here, so the clusterer sees no names, only words and vectors), then runs
``update_stories`` and records throughput as the store grows, the time per article of a final
batch of 1,000 new articles assigned against the full store (the "<10 ms per article at 100k
stored stories" target), and the process's peak RSS. The default embedder for ``scale`` is the
model-free ``hashing`` one, because MiniLM at ~45 texts/s would need ~40 minutes for the vectors
alone; the clustering work per article is the same whatever produced the vector.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import TIMELINE17, _articles_files, _edit

_SHIFT_DAYS = 150


def _base(data: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for f in _articles_files(data) for line in f.open(encoding="utf-8")]


def embed(data: Path, texts: int) -> dict[str, Any]:
    from dateline.embed import embedding_text, load_embedder
    from dateline.models import Provenance, RawDocument
    from dateline.normalize import normalize

    base = [r for r in _base(data) if r["text"].strip()][:texts]
    prov = Provenance("bench", None, "jsonl")
    items = [
        embedding_text(normalize(RawDocument(text=r["text"], provenance=prov, published=r["time"])))
        for r in base
    ]
    start = time.perf_counter()
    model = load_embedder("minilm")
    loaded = time.perf_counter() - start
    model.embed(items[:16])  # warm-up
    start = time.perf_counter()
    model.embed(items)
    elapsed = time.perf_counter() - start
    return {
        "benchmark": "embed",
        "model": model.name,
        "texts": len(items),
        "load_seconds": round(loaded, 2),
        "texts_per_second": round(len(items) / elapsed, 1),
        "peak_rss_mb": _rss_mb(),
    }


def _generate(
    base: list[dict[str, Any]],
    out: Path,
    start: int,
    n: int,
    rng: random.Random,
    *,
    shift: timedelta = timedelta(days=_SHIFT_DAYS),
) -> None:
    with gzip.open(out, "wt", encoding="utf-8") as sink:
        for i in range(start, start + n):
            src = base[i % len(base)]
            day = date.fromisoformat(src["time"]) + shift * (i // len(base))
            record = {"id": f"g{i}", "time": day.isoformat(), "text": _edit(src["text"], rng, i)}
            sink.write(json.dumps(record) + "\n")


def scale(data: Path, n: int, embedder: str, shift_days: int = _SHIFT_DAYS) -> dict[str, Any]:
    from dateline.ingest import ingest
    from dateline.store import Store
    from dateline.stories import update_stories

    base = _base(data)
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "archive.jsonl.gz"
        shift = timedelta(days=shift_days)
        _generate(base, source, 0, n, rng, shift=shift)
        db = Path(tmp) / "bench.db"
        with Store.open(db) as store:
            start = time.perf_counter()
            report = ingest([source], store, annotate=False)
            ingest_seconds = time.perf_counter() - start

            marks: list[tuple[float, str, int]] = []

            def progress(stage: str, done: int, total: int) -> None:
                if done % 10_000 == 0 or done == total:
                    marks.append((time.perf_counter(), stage, done))

            start = time.perf_counter()
            stories = update_stories(store, embedder=embedder, progress=progress)
            cluster_seconds = time.perf_counter() - start
            stored_stories = len(store.story_rows())
            stored_threads = len(store.thread_rows())

            extra = Path(tmp) / "more.jsonl.gz"
            _generate(base, extra, n, 1000, rng, shift=shift)
            ingest([extra], store, annotate=False)
            start = time.perf_counter()
            final = update_stories(store, embedder=embedder)
            final_seconds = time.perf_counter() - start
    assign = [(t, d) for t, s, d in marks if s == "assign"]
    windows = [
        {"assigned": d1, "articles_per_second": round((d1 - d0) / (t1 - t0), 1)}
        for (t0, d0), (t1, d1) in itertools.pairwise(assign)
        if d1 > d0
    ]
    return {
        "benchmark": "scale",
        "embedder": embedder,
        "shift_days": shift_days,
        "articles": report.stored,
        "near_duplicates": report.duplicates,
        "ingest_seconds": round(ingest_seconds, 1),
        "embed_and_assign_seconds": round(cluster_seconds, 1),
        "embed_and_assign_articles_per_second": round(stories.assigned / cluster_seconds, 1),
        "stories": stored_stories,
        "threads": stored_threads,
        "assign_throughput_as_the_store_grows": windows,
        "final_batch": {
            "articles": final.assigned,
            "ms_per_article_embed_and_assign": round(1000 * final_seconds / final.assigned, 2),
            "stories_before": stored_stories,
        },
        "peak_rss_mb": _rss_mb(),
    }


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", choices=["embed", "scale", "all"], default="all")
    parser.add_argument("--data", type=Path, default=TIMELINE17)
    parser.add_argument("--texts", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=120_000)
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument(
        "--shift-days",
        type=int,
        default=_SHIFT_DAYS,
        help="days between repetitions; under the 180-day story window, edited copies can join"
        " the previous repetition's stories, over it every repetition opens new stories",
    )
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"skipped: no Timeline17 data at {args.data} (pass --data)")
    if args.what in ("embed", "all"):
        print(json.dumps(embed(args.data, args.texts), indent=2), flush=True)
    if args.what in ("scale", "all"):
        print(
            json.dumps(scale(args.data, args.articles, args.embedder, args.shift_days), indent=2),
            flush=True,
        )


if __name__ == "__main__":
    main()
