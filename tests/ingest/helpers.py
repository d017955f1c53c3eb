"""Helpers shared by the reader tests: read paths the way ``ingest`` does, and sort the results."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dateline.ingest._readers import discover, read_documents
from dateline.models import IngestProblem, RawDocument

Item = RawDocument | IngestProblem


def read(*paths: Path | str, **options: object) -> list[Item]:
    """Discover ``paths`` and read them; discovery problems first."""
    files, problems = discover([str(p) for p in paths])
    return [*problems, *read_documents(files, **options)]  # type: ignore[arg-type]


def docs(items: Iterable[Item]) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def problems(items: Iterable[Item]) -> list[IngestProblem]:
    return [i for i in items if isinstance(i, IngestProblem)]
