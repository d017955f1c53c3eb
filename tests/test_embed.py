"""Embedders: the registry, the hashing backend, MiniLM (ONNX) and stored vectors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from dateline.embed import (
    DEFAULT_EMBEDDER,
    available_embedders,
    embed_store,
    embedding_text,
    load_embedder,
)
from dateline.embed import _checked as checked
from dateline.errors import UsageError
from dateline.ingest import ingest
from dateline.store import Store

from .conftest import SEEDS

QUAKE = "A strong earthquake struck Sumatra, collapsing buildings in Padang."
QUAKE2 = "Buildings collapsed in Padang after a powerful Sumatra earthquake."
BUDGET = "Greek lawmakers approved the austerity budget after an overnight debate."


def test_registry_and_unknown_names() -> None:
    assert {"minilm", "hashing"} <= set(available_embedders())
    assert DEFAULT_EMBEDDER == "minilm"
    with pytest.raises(UsageError, match="E205"):
        load_embedder("word2vec")


def test_hashing_is_deterministic_normalized_and_zero_for_empty_text() -> None:
    model = load_embedder("hashing")
    vectors = model.embed([QUAKE, QUAKE, ""])
    assert vectors.shape == (3, model.dim) and vectors.dtype == np.float32
    assert np.array_equal(vectors[0], vectors[1])
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-6)
    assert not vectors[2].any()


def test_model_files_are_checked_by_hash(tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    with pytest.raises(UsageError, match="E206"):
        checked(fake, "0" * 64)
    with pytest.raises(UsageError, match="E206"):
        checked(tmp_path / "missing.onnx", "0" * 64)


@pytest.mark.slow
def test_minilm_vectors_rank_paraphrases_above_unrelated_text() -> None:
    model = load_embedder("minilm")
    assert model.name.startswith("all-MiniLM-L6-v2") and model.dim == 384
    a, b, c = model.embed([QUAKE, QUAKE2, BUDGET])
    assert np.linalg.norm(a) == pytest.approx(1.0, abs=1e-5)
    assert float(a @ b) > 0.7 > float(a @ c)
    assert load_embedder("minilm") is model  # loaded once per process


@pytest.mark.slow
def test_minilm_never_wakes_onnxruntime_telemetry(tmp_path: Path) -> None:
    code = (
        "from dateline.embed import load_embedder;"
        "load_embedder('minilm').embed(['A test sentence.'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["HOME"] = str(tmp_path)
    env["XDG_CACHE_HOME"] = str(tmp_path / ".cache")
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)
    assert not list(tmp_path.rglob("*onnxruntime*")), "onnxruntime wrote telemetry"


@pytest.mark.slow
def test_embed_store_embeds_originals_once_as_float16(store: Store) -> None:
    ingest([SEEDS], store, workers=1, annotate=False)
    model = load_embedder("hashing")
    assert embed_store(store, model) == 2
    assert embed_store(store, model) == 0
    assert store.embedding_models() == {model.name: 2}
    ids = [a.id for a in store.articles()]
    stored = store.embeddings(ids, model.name)
    fresh = model.embed([embedding_text(store.get(i)) for i in ids])
    for row, article_id in enumerate(ids):
        assert np.allclose(stored[article_id], fresh[row], atol=1e-3)  # float16 storage
    assert store.embeddings(ids, "another-model") == {}
