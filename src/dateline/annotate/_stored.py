"""Re-annotate articles already in the store (after an upgrade, or ingested with --no-annotate)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import partial

from dateline._parallel import ordered_map
from dateline.annotate._pipeline import ANNOTATOR_VERSION, Annotator
from dateline.errors import UsageError
from dateline.models import Annotations
from dateline.store import Store

__all__ = ["annotate_store"]

_CHUNK = 64
_COMMIT_EVERY = 512

_Job = tuple[str, str, date | None]

_ANNOTATOR: Annotator | None = None


def _init(annotators: tuple[str, ...] | None) -> None:
    global _ANNOTATOR  # noqa: PLW0603  (one pipeline per process, loaded once)
    _ANNOTATOR = Annotator(annotators)


def _run(jobs: list[_Job]) -> list[tuple[str, Annotations]]:
    assert _ANNOTATOR is not None, "worker not initialized"
    pairs = ((text, published) for _, text, published in jobs)
    return [
        (aid, ann) for (aid, _, _), ann in zip(jobs, _ANNOTATOR.annotate_many(pairs), strict=True)
    ]


def annotate_store(
    store: Store,
    *,
    redo: bool = False,
    workers: int = 1,
    annotators: Sequence[str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Annotate stored articles that lack annotations from this version; returns how many.

    :param redo: annotate every article again, not only the missing or outdated ones.
    :param workers: processes, each with its own copy of the model.
    :param annotators: spaCy factory names instead of the default annotators.
    :param on_progress: called with (done, total) after each chunk.
    """
    if workers <= 0:
        raise UsageError("E202", name="workers", value=workers)
    ids = store.needs_annotation(version=ANNOTATOR_VERSION, redo=redo)
    total = len(ids)
    if on_progress is not None:
        on_progress(0, total)
    if not ids:
        return 0

    def chunks() -> Iterator[list[_Job]]:
        for i in range(0, total, _CHUNK):
            articles = [store.get(aid) for aid in ids[i : i + _CHUNK]]
            yield [(a.id, a.text, a.published) for a in articles]

    done = 0
    pending: list[tuple[str, Annotations]] = []
    init = partial(_init, tuple(annotators) if annotators is not None else None)
    for results in ordered_map(_run, chunks(), workers=workers, initializer=init):
        pending.extend(results)
        done += len(results)
        if len(pending) >= _COMMIT_EVERY:
            store.save_annotations(pending, version=ANNOTATOR_VERSION)
            pending.clear()
        if on_progress is not None:
            on_progress(done, total)
    store.save_annotations(pending, version=ANNOTATOR_VERSION)
    store.rebuild_entities()
    return done
