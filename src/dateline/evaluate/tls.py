"""Timeline summarization on Timeline17: alignment-based ROUGE (many-to-one) and date F1.

The protocol of news-tls (Ghalandari & Ifrim 2020), as ``../shared/eval/README.md`` states it:
for each topic folder and each of its reference timelines (``timelines/*.txt``), keep the
folder's articles published within the reference's first and last date, ask for as many dates as
the reference has and for its average number of sentences per date (rounded), and score the one
system timeline against that reference. Scores are averaged over timelines (precision, recall and
F1 each), as news-tls does.

**AR-N** is tilse's ``align_date_content_costs_many_to_one`` (Martschat & Markert 2017): for
precision, each system date is aligned to the reference date with the lowest cost
``(1 - 1/(|days apart|+1)) * (1 - approx. ROUGE-1 F1)``; for recall, each reference date to the
cheapest system date. Every aligned pair's ROUGE-N hits are weighted by ``1/(|days apart|+1)``;
precision is the weighted hits over the system's n-grams, recall over the reference's. ROUGE-N
counts are ROUGE-1.5.5's with stemming and stop words removed (:mod:`._rouge`), which is what
tilse's default ("original", the Perl script) computes. **Date F1** is exact day match.

References are read as tilse reads them (a date listed twice keeps its last entry), except that an
entry whose date does not parse is dropped (MJ_bbc has ``2011-04-0``). The trivial baseline of
the issue is scored alongside: the days with most articles, each with the first sentences of
that day's articles.
"""

from __future__ import annotations

import json
import re
import string
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import InputError, UsageError
from dateline.evaluate import _rouge
from dateline.evaluate._scoring import prf
from dateline.store import Store

__all__ = [
    "PRF",
    "TLSScores",
    "TimelineScores",
    "alignment_rouge",
    "date_scores",
    "evaluate_tls",
    "read_timeline",
    "tokenize",
    "write_timeline",
]

Dated = Mapping[date, Sequence[str]]
_SEPARATOR = "-" * 32
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class TimelineScores:
    """One system timeline scored against one reference timeline."""

    topic: str
    reference: str
    articles: int
    dates: int  # asked for = the reference's dates
    per_date: int  # asked for = the reference's average sentences per date, rounded
    ar1: PRF
    ar2: PRF
    date: PRF
    baseline_ar1: PRF
    baseline_ar2: PRF
    baseline_date: PRF


@dataclass(frozen=True, slots=True)
class TLSScores:
    dataset: str
    timelines: int
    articles: int  # ingested: published within the range of one of their folder's references
    ar1: PRF
    ar2: PRF
    date: PRF
    baseline_ar1: PRF  # days with most articles, first sentences of their articles
    baseline_ar2: PRF
    baseline_date: PRF
    ingest_seconds: float
    timeline_seconds: float
    per_timeline: tuple[TimelineScores, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- tilse's text format ------------------------------------------------------------------------


def read_timeline(path: Path) -> dict[date, tuple[str, ...]]:
    """A timeline in tilse's format: a ``YYYY-MM-DD`` line, one sentence a line, then a line of
    32 dashes. As in tilse, a date given twice keeps its last entry; unlike tilse, an entry
    whose date does not parse is dropped rather than filed under no date."""
    out: dict[date, tuple[str, ...]] = {}
    day: date | None = None
    lines: list[str] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("E001", path=str(path), detail=exc) from exc
    for raw in text.splitlines():
        line = raw.strip()
        if line == _SEPARATOR:
            if day is not None:
                out[day] = tuple(lines)
            day, lines = None, []
        elif _DAY.fullmatch(line) and not lines:
            try:
                day = date.fromisoformat(line)
            except ValueError:
                day = None
        elif line:
            lines.append(line)
    if day is not None and lines:
        out[day] = tuple(lines)
    return out


def write_timeline(path: Path, timeline: Dated) -> None:
    """Write ``timeline`` in tilse's format (sentences as given: tokens separated by spaces)."""
    parts = []
    for day in sorted(timeline):
        parts.append(day.isoformat())
        parts.extend(" ".join(s.split()) for s in timeline[day])
        parts.append(_SEPARATOR)
    path.write_text("\n".join(parts) + ("\n" if parts else ""), encoding="utf-8")


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*|\w+(?:[-']\w+)*|``|''|--+|\.\.\.|\S")
_CLITIC = re.compile(r"(?i)(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$")


def tokenize(sentence: str) -> str:
    """Space-separated tokens, close to the Penn Treebank style of the Timeline17 references
    ("it 's", "did n't", "( AP )", quotes as `` and ''), so tilse's content cost compares like
    with like."""
    text = sentence.translate(_QUOTES)
    tokens: list[str] = []
    depth = 0
    for found in _TOKEN.findall(text):
        if found == '"':
            tokens.append("``" if depth == 0 else "''")
            depth = 1 - depth
        elif (clitic := _CLITIC.fullmatch(found)) is not None:
            tokens.extend(clitic.groups())
        else:
            tokens.append(found)
    return " ".join(tokens)


_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


# --- the metric ---------------------------------------------------------------------------------


def date_scores(predicted: Dated, reference: Dated) -> PRF:
    """Exact-day date precision, recall and F1 (tilse's ``evaluate_dates``)."""
    both = len(set(predicted) & set(reference))
    return PRF(*prf(both, len(predicted), len(reference)))


def alignment_rouge(predicted: Dated, reference: Dated) -> dict[int, PRF]:
    """AR-1 and AR-2 of ``predicted`` against one ``reference`` timeline, with tilse's
    many-to-one date-and-content alignment. Sentences are space-tokenized strings."""
    pred_days, ref_days = sorted(predicted), sorted(reference)
    pred_tokens = {d: _rouge.tokens(predicted[d]) for d in pred_days}
    ref_tokens = {d: _rouge.tokens(reference[d]) for d in ref_days}
    content = {
        (p, r): _approximate_rouge1(predicted[p], reference[r]) for p in pred_days for r in ref_days
    }

    def cost(p: date, r: date) -> float:
        return (1 - 1 / (abs(p.toordinal() - r.toordinal()) + 1)) * (1 - content[p, r])

    # Precision aligns every system date to a reference date, recall every reference date to a
    # system date; a side with no dates at all leaves the other unmatched (zero hits).
    by_system: list[tuple[date | None, date | None]] = [
        (p, ref_days[_argmin([cost(p, r) for r in ref_days])] if ref_days else None)
        for p in pred_days
    ]
    by_reference: list[tuple[date | None, date | None]] = [
        (pred_days[_argmin([cost(p, r) for p in pred_days])] if pred_days else None, r)
        for r in ref_days
    ]
    hits = {n: [0.0, 0.0] for n in (1, 2)}  # precision numerator, recall numerator
    totals = {n: [0, 0] for n in (1, 2)}  # precision denominator, recall denominator
    for side, pairs in enumerate((by_system, by_reference)):
        for system_day, reference_day in pairs:
            system = pred_tokens[system_day] if system_day is not None else []
            model = ref_tokens[reference_day] if reference_day is not None else []
            weight = 1.0
            if system_day is not None and reference_day is not None:
                weight = 1 / (abs(system_day.toordinal() - reference_day.toordinal()) + 1)
            for n in (1, 2):
                found = _rouge.counts(system, {"0": model}, n)
                hits[n][side] += weight * found.hits
                totals[n][side] += found.peer if side == 0 else found.model
    out = {}
    for n in (1, 2):
        precision = hits[n][0] / totals[n][0] if totals[n][0] else 0.0
        recall = hits[n][1] / totals[n][1] if totals[n][1] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[n] = PRF(precision, recall, f1)
    return out


def _argmin(values: Sequence[float]) -> int:
    """numpy's argmin: the first of equal minima."""
    best = 0
    for i, value in enumerate(values):
        if value < values[best]:
            best = i
    return best


def _approximate_rouge1(predicted: Sequence[str], reference: Sequence[str]) -> float:
    """tilse's content cost: unstemmed, case-sensitive ROUGE-1 F1 over space-separated tokens.

    The test is ``token in string.punctuation`` — a substring test, so "()" is punctuation and
    "``" is not; kept as tilse has it."""
    pred = Counter(t for s in predicted for t in s.split() if t not in string.punctuation)
    ref = Counter(t for s in reference for t in s.split() if t not in string.punctuation)
    match = sum(min(c, ref[t]) for t, c in pred.items())
    total_pred, total_ref = sum(pred.values()), sum(ref.values())
    precision = match / total_pred if total_pred else 0
    recall = match / total_ref if total_ref else 0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0


# --- the run ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Record:
    folder: str
    published: date | None


def _collections(data: Path) -> list[Path]:
    folders = sorted(
        p.parent for p in data.glob("*/articles.jsonl") if (p.parent / "timelines").is_dir()
    )
    if not folders:
        raise UsageError("E215", path=data)
    return folders


def evaluate_tls(
    data: Path,
    *,
    output: Path | None = None,
    db: Path | None = None,
    workers: int | None = None,
    topics: Sequence[str] | None = None,
) -> TLSScores:
    """Ingest and annotate every topic folder under ``data`` (``articles.jsonl`` +
    ``timelines/*.txt``), build one timeline per reference and score them.

    :param output: write each system timeline (``<topic>/<reference>.txt``) and the baseline's
        (``<topic>/<reference>.baseline.txt``) in tilse's format, plus ``scores.json``.
    :param db: keep the evaluation store here (re-used: stored articles are not annotated again).
    :param topics: only these folders (dev slices for CI gates).
    """
    from dateline.ingest import ingest  # noqa: PLC0415 - imports spaCy
    from dateline.timeline import build_timeline  # noqa: PLC0415

    folders = _collections(data)
    if topics:
        unknown = sorted(set(topics) - {f.name for f in folders})
        if unknown:
            raise UsageError("E216", names=", ".join(unknown), path=data)
        folders = [f for f in folders if f.name in set(topics)]
    started = time.perf_counter()
    references = {
        folder.name: [
            (path, reference)
            for path in sorted((folder / "timelines").glob("*.txt"))
            if (reference := read_timeline(path))
        ]
        for folder in folders
    }
    with tempfile.TemporaryDirectory(prefix="dateline-tls-") as tmp:
        source = Path(tmp) / "timeline17.jsonl"
        records: dict[int, _Record] = {}
        with source.open("w", encoding="utf-8") as handle:
            for folder in folders:
                # The protocol only ever reads the articles published within a reference's
                # range; the others (30% of the Timeline17 dev articles) are not annotated.
                spans = [(min(r), max(r)) for _, r in references[folder.name]]
                with (folder / "articles.jsonl").open(encoding="utf-8") as articles:
                    for number, line in enumerate(articles, 1):
                        if not line.strip():
                            continue
                        try:
                            r = json.loads(line)
                        except ValueError as exc:
                            raise InputError(
                                "E004", path=str(folder / "articles.jsonl"), record=number,
                                detail=exc,
                            ) from exc  # fmt: skip
                        published = _parse_day(r.get("time"))
                        if published is None or not any(a <= published <= b for a, b in spans):
                            continue
                        records[len(records) + 1] = _Record(folder.name, published)
                        written = {"id": f"{folder.name}/{r.get('id')}", "text": r.get("text"),
                                   "date": r.get("time")}  # fmt: skip
                        handle.write(json.dumps(written) + "\n")
        path = db if db is not None else Path(tmp) / "tls.db"
        with Store.open(path) as store:
            ingest([source], store, workers=workers)
            ingested = time.perf_counter()
            members: dict[str, list[tuple[str, date | None]]] = defaultdict(list)
            # Only this run's file: a re-used store also holds earlier runs' record numbers.
            for article_id, number in store.provenance_records(str(source)):
                if number in records:
                    found = records[number]
                    original = store.get(article_id)
                    members[found.folder].append(
                        (original.duplicate_of or original.id, found.published)
                    )
            results = []
            for folder in folders:
                for reference_path, reference in references[folder.name]:
                    scored = _score_one(
                        store, topic=folder.name, reference_path=reference_path,
                        reference=reference, members=members[folder.name], output=output,
                        build_timeline=build_timeline,
                    )  # fmt: skip
                    results.append(scored)
        finished = time.perf_counter()
    scores = TLSScores(
        dataset=data.name,
        timelines=len(results),
        articles=len(records),
        ar1=_mean([r.ar1 for r in results]),
        ar2=_mean([r.ar2 for r in results]),
        date=_mean([r.date for r in results]),
        baseline_ar1=_mean([r.baseline_ar1 for r in results]),
        baseline_ar2=_mean([r.baseline_ar2 for r in results]),
        baseline_date=_mean([r.baseline_date for r in results]),
        ingest_seconds=round(ingested - started, 1),
        timeline_seconds=round(finished - ingested, 1),
        per_timeline=tuple(results),
    )
    if output is not None:
        (output / "scores.json").write_text(json.dumps(scores.to_dict(), indent=2) + "\n")
    return scores


def _score_one(
    store: Store,
    *,
    topic: str,
    reference_path: Path,
    reference: dict[date, tuple[str, ...]],
    members: list[tuple[str, date | None]],
    output: Path | None,
    build_timeline: Any,
) -> TimelineScores:
    first, last = min(reference), max(reference)
    ids = list(dict.fromkeys(i for i, d in members if d is not None and first <= d <= last))
    n_dates = len(reference)
    per_date = round(sum(len(s) for s in reference.values()) / n_dates)
    timeline = build_timeline(store, ids, dates=n_dates, per_date=per_date, since=first, until=last)
    predicted = {
        date.fromisoformat(e.date): [tokenize(s.text) for s in e.sentences]
        for e in timeline.entries
    }
    baseline = _baseline(store, ids, n_dates, per_date)
    if output is not None:
        folder = output / topic
        folder.mkdir(parents=True, exist_ok=True)
        write_timeline(folder / reference_path.name, predicted)
        write_timeline(folder / f"{reference_path.stem}.baseline.txt", baseline)
    rouge, base_rouge = alignment_rouge(predicted, reference), alignment_rouge(baseline, reference)
    return TimelineScores(
        topic=topic,
        reference=reference_path.name,
        articles=len(ids),
        dates=n_dates,
        per_date=per_date,
        ar1=rouge[1],
        ar2=rouge[2],
        date=date_scores(predicted, reference),
        baseline_ar1=base_rouge[1],
        baseline_ar2=base_rouge[2],
        baseline_date=date_scores(baseline, reference),
    )


def _baseline(
    store: Store, ids: Sequence[str], n_dates: int, per_date: int
) -> dict[date, list[str]]:
    """The issue's trivial baseline: the days with most articles (ties: earlier), each with the
    first sentence of as many of that day's articles as the reference has sentences per date."""
    by_day: dict[date, list[str]] = defaultdict(list)
    for article_id in ids:
        article = store.get(article_id)
        if article.published is None:
            continue
        sentences = store.annotations(article_id).sentences
        if sentences:
            first = sentences[0]
            by_day[article.published].append(tokenize(article.text[first.start : first.end]))
    days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:n_dates]
    return {d: by_day[d][:per_date] for d in days}


def _mean(values: Sequence[PRF]) -> PRF:
    if not values:
        return PRF(0.0, 0.0, 0.0)
    n = len(values)
    return PRF(
        sum(v.precision for v in values) / n,
        sum(v.recall for v in values) / n,
        sum(v.f1 for v in values) / n,
    )


def _parse_day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
