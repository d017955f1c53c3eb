"""Annotation speed: bare spaCy vs full dateline annotation, same texts, same processes.

Usage::

    .venv/bin/python benchmarks/bench_annotate.py [--articles 400] [--processes 1 2]

Both sides run en_core_web_sm 3.8.0 with ``nlp.pipe`` over the same normalized Timeline17
articles, fanned out by the same worker pool (``dateline._parallel.ordered_map``). "bare" is
the spaCy model alone; "dateline" adds the entity, time, quote and figure annotators and turns
each Doc into :class:`dateline.models.Annotations` (what ingest stores). The target is that
dateline keeps ≥ 70% of bare spaCy's words per second. Prints JSON; record it in RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = ROOT.parent / "shared" / "eval" / "timeline17"

_STATE: dict[str, Any] = {}


def _init(kind: str) -> None:
    import spacy

    from dateline.annotate import MODEL, Annotator

    if kind == "bare":
        _STATE["nlp"] = spacy.load(MODEL)
    else:
        _STATE["annotator"] = Annotator()


def _bare(texts: list[str]) -> int:
    nlp = _STATE["nlp"]
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))


def _full(texts: list[str]) -> int:
    annotator = _STATE["annotator"]
    for _ in annotator.annotate_many(((t, None) for t in texts), batch_size=32):
        pass
    return 0


def texts(data: Path, n: int) -> list[str]:
    from dateline.models import Provenance, RawDocument
    from dateline.normalize import normalize

    out: list[str] = []
    for path in sorted(data.glob("*/articles.jsonl")):
        for i, line in enumerate(path.open(encoding="utf-8"), 1):
            record = json.loads(line)
            if record["text"].strip():
                raw = RawDocument(record["text"], Provenance(str(path), i, "jsonl"))
                out.append(normalize(raw).text)
    # Spread the sample over all topics rather than taking the first folders.
    step = max(1, len(out) // n)
    return out[::step][:n]


def measure(kind: str, sample: list[str], processes: int) -> dict[str, Any]:
    from dateline._parallel import ordered_map

    chunks = [sample[i : i + 32] for i in range(0, len(sample), 32)]
    func = _bare if kind == "bare" else _full
    # Warm-up: model load and first-batch costs are not throughput.
    list(ordered_map(func, chunks[:1], workers=1, initializer=partial(_init, kind)))
    start = time.perf_counter()
    list(ordered_map(func, chunks, workers=processes, initializer=partial(_init, kind)))
    elapsed = time.perf_counter() - start
    return {"kind": kind, "processes": processes, "seconds": round(elapsed, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=TIMELINE17)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data} not found: the benchmark reads Timeline17 from ../shared/eval")
    import spacy

    from dateline.annotate import MODEL

    sample = texts(args.data, args.articles)
    tokenizer = spacy.load(MODEL).tokenizer
    words = sum(len(tokenizer(t)) for t in sample)
    results = []
    for processes in args.processes:
        bare = measure("bare", sample, processes)
        full = measure("dateline", sample, processes)
        # Process start-up and model loading are included for processes > 1 (as in a real
        # ingest); the single-process numbers are pure throughput.
        results.append(
            {
                "processes": processes,
                "articles": len(sample),
                "words": words,
                "bare_words_per_s": round(words / bare["seconds"]),
                "dateline_words_per_s": round(words / full["seconds"]),
                "dateline_share_of_bare": round(bare["seconds"] / full["seconds"], 3),
                "bare_s": bare["seconds"],
                "dateline_s": full["seconds"],
            }
        )
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
