"""Annotate stage: entities, time expressions, attributed quotes and figures.

Each annotator is a spaCy component registered by name (see :mod:`dateline.annotate._base` for
the contract); :class:`Annotator` assembles them over the pinned ``en_core_web_sm`` model and turns
a text plus its publication date into :class:`dateline.models.Annotations`.
"""

from dateline.annotate._pipeline import (
    ANNOTATOR_VERSION,
    DEFAULT_ANNOTATORS,
    MODEL,
    Annotator,
    collect,
    load_nlp,
)
from dateline.annotate._stored import annotate_store

__all__ = [
    "ANNOTATOR_VERSION",
    "DEFAULT_ANNOTATORS",
    "MODEL",
    "Annotator",
    "annotate_store",
    "collect",
    "load_nlp",
]
