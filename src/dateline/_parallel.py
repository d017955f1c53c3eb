"""Ordered, bounded fan-out of chunks to worker processes.

Used by ingest (normalize + annotate) and by re-annotation. Unlike ``Pool.imap``, which drains its
input into the task queue as fast as it can, at most ``2 * workers`` chunks are in flight, so
memory stays flat however long the input; results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

__all__ = ["ordered_map"]

_In = TypeVar("_In")
_Out = TypeVar("_Out")


def ordered_map(
    func: Callable[[_In], _Out],
    chunks: Iterable[_In],
    *,
    workers: int,
    initializer: Callable[[], object] | None = None,
) -> Iterator[_Out]:
    """``map(func, chunks)`` over ``workers`` processes (in this process when ``workers <= 1``).

    ``func`` and ``initializer`` must pickle (module-level functions, or ``functools.partial`` of
    them); ``initializer`` runs once per worker (or once here, serially) to load per-process state
    such as a spaCy model.
    """
    if workers <= 1:
        if initializer is not None:
            initializer()
        yield from map(func, chunks)
        return
    # spawn, not fork: the parent holds an open SQLite connection and may run threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer
    ) as pool:
        window: deque[Future[_Out]] = deque()
        for chunk in chunks:
            window.append(pool.submit(func, chunk))
            if len(window) >= 2 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
