"""The annotator contract: Doc extensions every dateline component reads or writes.

Each annotator is a spaCy component (``__call__(doc) -> Doc``) registered with
``@Language.factory("dateline_<name>", requires=[...], assigns=[...])``, so a pipeline is
assembled by name and a backend can be swapped for another factory with the same ``assigns``.
Results live in ``doc._`` extensions holding lists of the frozen records of
:mod:`dateline.models`, with character offsets into ``doc.text`` (which is ``Article.text``).

========================  ============================================  ======================
extension                 holds                                         written by
========================  ============================================  ======================
``doc._.dct``             publication date (``datetime.date`` or None)  the caller, before
``doc._.dl_entities``     ``list[Entity]``                              ``dateline_entities``
``doc._.dl_times``        ``list[TimeExpression]``                      ``dateline_times``
``doc._.dl_quotes``       ``list[Quote]``                               ``dateline_quotes``
``doc._.dl_figures``      ``list[Figure]``                              ``dateline_figures``
``doc._.dl_sentences``    ``list[Sentence]``                            ``dateline_times``
========================  ============================================  ======================

Unit tests build a ``Doc`` by hand (``Doc(vocab, words=..., spaces=..., sent_starts=...,
heads=..., deps=..., ents=...)``), set ``doc._.dct``, and call the component directly.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["EXTENSIONS", "register_extensions"]

EXTENSIONS = ("dct", "dl_entities", "dl_times", "dl_quotes", "dl_figures", "dl_sentences")


def register_extensions() -> None:
    """Declare the ``doc._`` extensions (idempotent; the defaults are ``None``)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
