"""Story and thread clustering against gold groupings: B-cubed precision, recall and F1.

``evaluate_clusters(data, level=...)`` recognises four layouts:

* GVA violent corpus (``documents.jsonl`` with ``incident_id``): stories = incidents;
* ECB+ (``documents.jsonl`` with ``subtopic``): stories = subtopics, threads = topics; the
  ``title`` field is the document's first sentence and is kept as its first line;
* WikiRef220 (``documents.jsonl`` with ``label``): threads (and stories) = topic labels;
* Timeline17 (``<topic>_<source>/articles.jsonl``): threads = the topic, the folder name before
  ``_``, all folders pooled.

Documents go through the real pipeline: written to a JSONL file, ingested (normalized,
deduplicated, annotated) into a store, then :func:`~dateline.stories.update_stories`. Each
document counts once in B-cubed, so exact copies (one stored article) share a cluster. With
``batches > 1`` the same store is clustered a second time in that many date-ordered steps and
compared with the all-at-once result (Rand index and pair F1).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from dateline.errors import InputError, UsageError
from dateline.store import Store

__all__ = ["ClusterScores", "Stability", "bcubed", "evaluate_clusters", "pair_agreement"]

LEVELS = ("story", "thread")


@dataclass(frozen=True, slots=True)
class _Doc:
    key: str
    title: str | None
    text: str
    published: str | None
    story: str | None
    thread: str | None


@dataclass(frozen=True, slots=True)
class Stability:
    """Batched vs. all-at-once clustering of the same articles."""

    batches: int
    rand_index: float  # share of article pairs both runs treat alike (same or different)
    pair_f1: float  # F1 of the batched run's same-story pairs against the at-once run's
    at_once_f1: float
    batched_f1: float


@dataclass(frozen=True, slots=True)
class ClusterScores:
    dataset: str
    level: str
    documents: int
    gold_clusters: int
    predicted_clusters: int
    precision: float
    recall: float
    f1: float
    singletons_f1: float  # the every-document-alone baseline
    embedder: str
    seconds: float
    stability: Stability | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of ``predicted`` against ``gold`` (item -> cluster)."""
    if not gold:
        return 0.0, 0.0, 0.0
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
        by_predicted[predicted[item]].add(item)
    precision = recall = 0.0
    for item, cluster in gold.items():
        mine, theirs = by_predicted[predicted[item]], by_gold[cluster]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def pair_agreement(a: Mapping[str, str], b: Mapping[str, str]) -> tuple[float, float]:
    """Rand index and pair F1 of two clusterings of the same items."""
    items = sorted(a)
    n = len(items)
    if n < 2:
        return 1.0, 1.0
    same_a = _same_pairs(a)
    same_b = _same_pairs(b)
    both = len(same_a & same_b)
    total = n * (n - 1) // 2
    rand = (total - len(same_a ^ same_b)) / total
    if not same_a and not same_b:
        return rand, 1.0
    return rand, 2 * both / (len(same_a) + len(same_b))


def _same_pairs(clustering: Mapping[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for item, cluster in clustering.items():
        groups[cluster].append(item)
    pairs: set[tuple[str, str]] = set()
    for members in groups.values():
        members.sort()
        pairs.update((x, y) for i, x in enumerate(members) for y in members[i + 1 :])
    return pairs


# --- datasets ---------------------------------------------------------------------------------


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise InputError("E004", path=str(path), record=number, detail=exc) from exc


def _joined(*parts: str | None) -> str:
    return "\n\n".join(p for p in parts if p)


def _read(data: Path) -> tuple[str, list[_Doc]]:
    documents = data / "documents.jsonl"
    if documents.is_file():
        records = list(_jsonl(documents))
        first = records[0] if records else {}
        if "incident_id" in first:
            return "gva_violent_corpus", [
                _Doc(str(r["doc_id"]), r.get("title"), r.get("text") or "", r.get("dct"),
                     str(r["incident_id"]), None)
                for r in records
            ]  # fmt: skip
        if "subtopic" in first:
            return "ecbplus", [
                _Doc(str(r["doc_id"]), None, _joined(r.get("title"), r.get("text")), None,
                     str(r["subtopic"]), str(r["topic"]))
                for r in records
            ]  # fmt: skip
        if "label" in first:
            return "wikiref220", [
                _Doc(str(r["doc_id"]), None, r.get("text") or "", None, str(r["label"]),
                     str(r["label"]))
                for r in records
            ]  # fmt: skip
    folders = sorted(p.parent for p in data.glob("*/articles.jsonl"))
    if folders:
        docs = []
        for folder in folders:
            topic = folder.name.split("_", 1)[0]
            for r in _jsonl(folder / "articles.jsonl"):
                key = f"{folder.name}/{r.get('id')}"
                docs.append(_Doc(key, None, r.get("text") or "", r.get("time"), None, topic))
        return "timeline17", docs
    raise UsageError("E212", path=data)


# --- the run ----------------------------------------------------------------------------------


def _assignments(
    store: Store, keys: dict[int, str], source: Path
) -> dict[str, tuple[str, str, str]]:
    """document key -> (article id, story id, thread id), through the lines of this run's temp
    JSONL (a re-used store also holds earlier runs' record numbers)."""
    rows = store.provenance_records(str(source))
    where = {a: (s, t) for a, s, t in store.assignments()}
    out = {}
    for article_id, record in rows:
        if record in keys and article_id in where:
            out[keys[record]] = (article_id, *where[article_id])
    return out


def _level(found: Mapping[str, tuple[str, str, str]], level: str) -> dict[str, str]:
    index = 1 if level == "story" else 2
    return {k: v[index] for k, v in found.items()}


def evaluate_clusters(
    data: Path,
    *,
    level: str = "story",
    embedder: str | None = None,
    batches: int = 1,
    limit: int | None = None,
    output: Path | None = None,
    db: Path | None = None,
    workers: int | None = None,
) -> ClusterScores:
    """Cluster the dataset at ``data`` with dateline and score it at ``level``.

    :param batches: also cluster in this many date-ordered steps and report the agreement.
    :param limit: only the first ``limit`` documents (dev slices for CI gates).
    :param output: write the assignment as JSONL: ``document``, ``article_id``, ``story_id``,
        ``thread_id`` and the ``gold`` cluster at ``level`` (ids are null for documents with no
        text, which count as clusters of their own).
    :param db: keep the store here (re-used when it exists: ingest is skipped for stored
        articles, clustering is redone).
    """
    from dateline.embed import DEFAULT_EMBEDDER  # noqa: PLC0415 - keep import light
    from dateline.ingest import ingest  # noqa: PLC0415 - imports spaCy
    from dateline.stories import rebuild_stories, update_stories  # noqa: PLC0415

    if level not in LEVELS:
        raise UsageError("E201", name=level, choices=", ".join(LEVELS))
    if batches <= 0:
        raise UsageError("E202", name="batches", value=batches)
    dataset, docs = _read(data)
    docs = _unique_keys(docs[:limit] if limit else docs)
    gold = {d.key: (d.story if level == "story" else d.thread) for d in docs}
    if any(g is None for g in gold.values()):
        raise UsageError("E213", dataset=dataset, level=level)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dateline-eval-") as tmp:
        source = Path(tmp) / f"{dataset}.jsonl"
        keys: dict[int, str] = {}
        with source.open("w", encoding="utf-8") as handle:
            for line, doc in enumerate(docs, 1):
                keys[line] = doc.key
                record = {
                    "id": doc.key,
                    "title": doc.title,
                    "text": doc.text,
                    "date": doc.published,
                }
                handle.write(json.dumps({k: v for k, v in record.items() if v}) + "\n")
        path = db if db is not None else Path(tmp) / "eval.db"
        name = embedder or DEFAULT_EMBEDDER
        with Store.open(path) as store:
            ingest([source], store, workers=workers)
            rebuild_stories(store, embedder=name)
            found = _assignments(store, keys, source)
        predicted = _level(found, level)
        stability = None
        if batches > 1:
            copy = Path(tmp) / "batched.db"
            shutil.copy(path, copy)
            with Store.open(copy) as store:
                with store.transaction():
                    store.clear_stories()
                for until in _batch_ends(store, batches):
                    update_stories(store, embedder=name, until=until)
                update_stories(store, embedder=name)
                batched = _level(_assignments(store, keys, source), level)
            rand, pair_f1 = pair_agreement(predicted, batched)
            stability = Stability(
                batches=batches,
                rand_index=rand,
                pair_f1=pair_f1,
                at_once_f1=bcubed(_complete(predicted, gold), _gold(gold))[2],
                batched_f1=bcubed(_complete(batched, gold), _gold(gold))[2],
            )
    complete = _complete(predicted, gold)
    precision, recall, f1 = bcubed(complete, _gold(gold))
    singletons = bcubed({k: k for k in gold}, _gold(gold))[2]
    if output is not None:
        with output.open("w", encoding="utf-8") as handle:
            for doc in docs:
                article_id, story, thread = found.get(doc.key, (None, None, None))
                record = {"document": doc.key, "article_id": article_id, "story_id": story,
                          "thread_id": thread, "gold": gold[doc.key]}  # fmt: skip
                handle.write(json.dumps(record) + "\n")
    return ClusterScores(
        dataset=dataset,
        level=level,
        documents=len(gold),
        gold_clusters=len(set(gold.values())),
        predicted_clusters=len(set(complete.values())),
        precision=precision,
        recall=recall,
        f1=f1,
        singletons_f1=singletons,
        embedder=name,
        seconds=round(time.perf_counter() - started, 1),
        stability=stability,
    )


def _unique_keys(docs: list[_Doc]) -> list[_Doc]:
    """GVA lists some documents under two incidents: each listing is scored on its own."""
    seen: dict[str, int] = {}
    out = []
    for doc in docs:
        seen[doc.key] = seen.get(doc.key, 0) + 1
        out.append(doc if seen[doc.key] == 1 else replace(doc, key=f"{doc.key}#{seen[doc.key]}"))
    return out


def _gold(gold: Mapping[str, str | None]) -> dict[str, str]:
    return {k: str(v) for k, v in gold.items()}


def _complete(predicted: Mapping[str, str], gold: Mapping[str, str | None]) -> dict[str, str]:
    """Documents dateline did not store (empty text) count as clusters of their own."""
    return {k: predicted.get(k, f"unstored:{k}") for k in gold}


def _batch_ends(store: Store, batches: int) -> list[date]:
    days = sorted(date.fromisoformat(p[:10]) for _, p, _ in store.unassigned() if p is not None)
    if not days:
        return []
    ends: list[date] = []
    for i in range(1, batches):
        end = days[min(len(days) - 1, i * len(days) // batches)]
        if not ends or end > ends[-1]:
            ends.append(end)
    return ends
