"""Shared fixtures: real SQLite files in tmp_path, the seeds, and the ../shared datasets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SAMPLE = ROOT / "data" / "sample" / "meantime"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if EVAL.is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs the evaluation datasets in {EVAL} (absent here)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dateline.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def seeds_db(tmp_path: Path) -> Path:
    """The two seeds ingested with the CLI (annotated, embedded, in stories)."""
    from typer.testing import CliRunner  # noqa: PLC0415 - only the CLI tests need it

    from dateline.cli import app  # noqa: PLC0415

    db = tmp_path / "seeds.db"
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.stdout + result.stderr
    return db
