"""Regenerate the tilse comparison fixtures of test_tls.py (not a test module).

The expected numbers come from the real thing: tilse 0.2.1's ``TimelineRougeEvaluator`` with
its default ``rouge_computation="original"`` (the ROUGE-1.5.5 Perl script, ``-m -s``), as
news-tls uses it. Two steps, because tilse does not install beside dateline:

1. ``.venv/bin/python tests/evaluate/tilse_fixtures.py cases`` writes the inputs:
   timelines built from the two seed articles' sentences (the seeds may be copied into
   fixtures; the Timeline17 texts may not, so for those only scores are stored).
2. In a separate environment with tilse and Perl's XML::Parser::

       apt-get install libxml-parser-perl
       python -m venv /tmp/tilse-venv
       /tmp/tilse-venv/bin/pip install --no-deps tilse==0.2.1
       /tmp/tilse-venv/bin/pip install nltk scipy numpy
       chmod +x /tmp/tilse-venv/lib/python3*/site-packages/pyrouge/tools/ROUGE-1.5.5/*.pl
       /tmp/tilse-venv/bin/python tests/evaluate/tilse_fixtures.py score [../shared/eval/timeline17]

   adds tilse's scores to the cases and, given the Timeline17 folder, scores the stdlib-only
   baseline of :func:`raw_baseline` against each reference.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "fixtures" / "tilse_cases.json"
TIMELINE17 = HERE / "fixtures" / "tilse_timeline17_baseline.json"
SEEDS = HERE.parent / "fixtures" / "seeds"


def read_reference(path: Path) -> dict[date, list[str]]:
    """tilse's reader (a repeated date keeps its last entry) minus unparsable dates."""
    out: dict[date, list[str]] = {}
    day: date | None = None
    summary: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line == "-" * 32:
            if day is not None:
                out[day] = summary
            day, summary = None, []
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{1,2}", line):
            try:
                day = date.fromisoformat(line)
            except ValueError:
                day = None  # "2011-04-0": the entry is dropped
        elif line:
            summary.append(line)
    return out


def raw_baseline(folder: Path, reference: dict[date, list[str]]) -> dict[date, list[str]]:
    """A baseline from the raw files alone (no dateline code, so the fixture cannot drift with
    the pipeline): the days with most articles in the reference's range, each with the first
    PTB sentence (up to the first " . ") of as many of its articles as the reference averages."""
    first, last = min(reference), max(reference)
    per_date = round(sum(len(s) for s in reference.values()) / len(reference))
    by_day: dict[date, list[str]] = defaultdict(list)
    with (folder / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            day = date.fromisoformat(record["time"][:10])
            if first <= day <= last:
                text = " ".join(record["text"].split())
                head, dot, _ = text.partition(" . ")
                by_day[day].append(head + (" ." if dot else ""))
    counts = Counter({d: len(v) for d, v in by_day.items()})
    days = sorted(counts, key=lambda d: (-counts[d], d))[: len(reference)]
    return {d: by_day[d][:per_date] for d in days}


def _cases() -> None:
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from dateline.evaluate.tls import tokenize  # noqa: PLC0415

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    sentences = [tokenize(s) for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split()))]
    sentences = [s for s in sentences if len(s.split()) >= 5]
    sentences += [
        "The ^ caret and < angle bracket stay as tilse writes them .",
        "Café owners in Zürich said “no” to the well-known plan -- again .",
    ]
    rng = random.Random(7)
    start = date(2018, 10, 1)
    cases = []
    for _ in range(30):
        days = rng.sample(range(45), rng.randint(2, 9))
        reference = {
            (start + timedelta(days=d)).isoformat(): rng.sample(sentences, rng.randint(1, 4))
            for d in days
        }
        shared = [d for d in days if rng.random() < 0.5]
        own = rng.sample(range(45), rng.randint(1, 6))
        predicted = {
            (start + timedelta(days=d)).isoformat(): rng.sample(sentences, rng.randint(1, 3))
            for d in shared + own
        }
        cases.append({"predicted": predicted, "reference": reference})
    CASES.write_text(json.dumps({"cases": cases}, indent=1) + "\n", encoding="utf-8")


def _score(timeline17: Path | None) -> None:
    from tilse.data.timelines import GroundTruth, Timeline  # noqa: PLC0415
    from tilse.evaluation import dates as tilse_dates  # noqa: PLC0415
    from tilse.evaluation import rouge  # noqa: PLC0415

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])

    def score(predicted: dict[date, list[str]], reference: dict[date, list[str]]) -> dict:
        pred, truth = Timeline(predicted), GroundTruth([Timeline(reference)])
        found = evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
        dates = tilse_dates.evaluate_dates(pred, truth)
        return {
            "ar1": [found["rouge_1"][k] for k in ("precision", "recall", "f_score")],
            "ar2": [found["rouge_2"][k] for k in ("precision", "recall", "f_score")],
            "date": [dates[k] for k in ("precision", "recall", "f_score")],
        }

    def dated(timeline: dict[str, list[str]]) -> dict[date, list[str]]:
        return {date.fromisoformat(k): v for k, v in timeline.items()}

    data = json.loads(CASES.read_text(encoding="utf-8"))
    for case in data["cases"]:
        case["tilse"] = score(dated(case["predicted"]), dated(case["reference"]))
    CASES.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    if timeline17 is not None:
        scores = {}
        for folder in sorted(p.parent for p in timeline17.glob("*/articles.jsonl")):
            for path in sorted((folder / "timelines").glob("*.txt")):
                reference = read_reference(path)
                scores[f"{folder.name}/{path.name}"] = score(
                    raw_baseline(folder, reference), reference
                )
        TIMELINE17.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["cases"]:
        _cases()
    elif sys.argv[1:2] == ["score"]:
        _score(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    else:
        sys.exit(__doc__)
