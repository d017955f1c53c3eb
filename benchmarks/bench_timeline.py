"""Timeline speed: build a timeline (and a figure ledger) over N articles of an annotated store.

Usage::

    .venv/bin/python benchmarks/bench_timeline.py --db STORE [--articles 500] [--dates 20]

Takes the articles of the store's largest thread (its first N, in date order), so the input
looks like a long-running story; the store must have been built by ``dateline ingest`` (with
annotation and stories), e.g. ``dateline ingest ../shared/eval/timeline17/*/articles.jsonl``.
Reports seconds for ``build_timeline`` and ``figure_ledger`` (best of ``--repeat``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    from dateline.ledger import figure_ledger
    from dateline.store import Store
    from dateline.stories import list_threads
    from dateline.timeline import articles_for, build_timeline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--dates", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with Store.open(args.db) as store:
        thread = list_threads(store, limit=1)[0]
        ids = articles_for(store, thread=thread.id)[: args.articles]
        timings, ledger = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            timeline = build_timeline(store, ids, dates=args.dates, per_date=2)
            timings.append(time.perf_counter() - start)
            start = time.perf_counter()
            figure_ledger(store, ids)
            ledger.append(time.perf_counter() - start)
    print(json.dumps({
        "benchmark": "timeline",
        "articles": len(ids),
        "dates": len(timeline.entries),
        "timeline_seconds": round(min(timings), 2),
        "ledger_seconds": round(min(ledger), 2),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
