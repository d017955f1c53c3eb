"""The public surface is exactly what ``__all__`` lists (httpx-style)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import dateline

PUBLIC_MODULES = [
    "dateline",
    "dateline.annotate",
    "dateline.annotate.entities",
    "dateline.annotate.figures",
    "dateline.annotate.quotes",
    "dateline.annotate.times",
    "dateline.evaluate",
    "dateline.evaluate.clusters",
    "dateline.evaluate.figures",
    "dateline.evaluate.quotes",
    "dateline.evaluate.timex",
    "dateline.evaluate.tls",
    "dateline.cli",
    "dateline.dedup",
    "dateline.embed",
    "dateline.errors",
    "dateline.export",
    "dateline.ingest",
    "dateline.ledger",
    "dateline.models",
    "dateline.normalize",
    "dateline.novelty",
    "dateline.store",
    "dateline.stories",
    "dateline.timeline",
]


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_module_declares_all_and_every_name_exists(name: str) -> None:
    module = importlib.import_module(name)
    assert isinstance(module.__all__, list | tuple)
    for symbol in module.__all__:
        assert hasattr(module, symbol), f"{name}.__all__ lists missing {symbol}"


def test_every_module_is_public_or_private() -> None:
    for info in pkgutil.walk_packages(dateline.__path__, "dateline."):
        leaf = info.name.rsplit(".", 1)[1]
        if leaf.startswith("_") or info.name == "dateline.store.migrations":
            continue
        assert info.name in PUBLIC_MODULES, f"{info.name}: add to PUBLIC_MODULES or make private"


def test_top_level_names_are_sorted_and_unique() -> None:
    assert len(set(dateline.__all__)) == len(dateline.__all__)
