# ruff: noqa: RUF001 - curly quotes and apostrophes are part of the names being cleaned
"""Named entities with one canonical name per article.

News refers to people and organisations by full name once and by a short form after that
(``Defense Secretary Jim Mattis`` … ``Mattis``; ``the Department of Homeland Security`` … ``DHS``).
This component keeps spaCy's mentions and gives each the canonical name it has in the article:
the longest full name that a short person name ends with, or the organisation an acronym spells.
Titles (``President``, ``Defense Secretary``), possessives and leading articles are trimmed so
``President Donald Trump's`` and ``Trump`` share one canonical name, ``Donald Trump``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.annotate import _base  # noqa: F401  (declares the doc._ extensions)
from dateline.models import Entity

__all__ = ["ENTITY_LABELS", "EntityLinker", "canonical_form"]

# The labels a timeline cares about; numbers, dates and the like are other annotators' business.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)

# Honorifics and office titles that spaCy's small model sometimes includes in a PERSON span.
_TITLES = (
    "President|Vice President|Sen\\.|Senator|Rep\\.|Representative|Gov\\.|Governor|Gen\\."
    "|General|Adm\\.|Admiral|Lt\\.|Col\\.|Sgt\\.|Capt\\.|Dr\\.|Mr\\.|Mrs\\.|Ms\\.|Miss|Prof\\."
    "|Professor|Judge|Justice|Mayor|Secretary|Defense Secretary|Secretary of State|Prime Minister"
    "|Minister|Chancellor|King|Queen|Prince|Princess|Pope|Rev\\.|Sir|Dame|Lord|Lady|Chief|CEO"
    "|Chairman|Chairwoman|spokesman|spokeswoman|Attorney General|Speaker|Leader|Commissioner"
)
_TITLE_RX = re.compile(rf"^(?:(?:{_TITLES})\s+)+", re.IGNORECASE)
_POSSESSIVE_RX = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLE_RX = re.compile(r"^(?:the|The|THE|a|an)\s+")
_QUOTES = "“”\"‘’'«»"
_SPACE_RX = re.compile(r"\s+")
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des"})
_LINKABLE = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def canonical_form(text: str, label: str) -> str:
    """A mention's own clean form: no title (for people), possessive or leading article."""
    form = _SPACE_RX.sub(" ", text).strip().strip(_QUOTES)
    form = _POSSESSIVE_RX.sub("", form)
    form = _ARTICLE_RX.sub("", form).strip(_QUOTES)
    if label == "PERSON":
        stripped = _TITLE_RX.sub("", form)
        form = stripped or form
    form = form.strip(" ,;:")
    if form.endswith(".") and "." not in form[:-1]:
        form = form[:-1]  # a sentence's full stop, not an abbreviation like ``U.N.``
    if form.isupper() and len(form) > 6 and form.replace(" ", "").isalpha():
        form = form.title()  # a dateline's ``WASHINGTON``, not an acronym
    return form or text


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_STOP)


def _resolve(forms: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Canonical (name, label) for each (form, label) seen in one document."""
    canonical: dict[tuple[str, str], tuple[str, str]] = {}
    people = sorted(
        {f for f, label in forms if label == "PERSON" and " " in f},
        key=lambda f: (-len(f.split()), f),
    )
    orgs = [f for f, label in forms if label in {"ORG", "GPE", "LOC", "FAC"} and " " in f]
    for form, label in forms:
        if (form, label) in canonical:
            continue
        target = (form, label)
        words = form.split()
        if label in _LINKABLE and len(words) <= 2:
            # ``Mattis`` → ``Jim Mattis``: the longest full name ending with the short one.
            # The small model often labels a lone surname NORP or ORG; a full-name match wins.
            for full in people:
                full_words = full.split()
                if len(full_words) > len(words) and full_words[-len(words) :] == words:
                    target = (full, "PERSON")
                    break
        if target == (form, label) and label in _LINKABLE and form.isupper() and len(form) <= 6:
            # ``DHS`` → ``Department of Homeland Security`` when the initials spell it.
            for full in orgs:
                if _acronym(full).upper() == form.replace(".", ""):
                    target = (full, label)
                    break
        canonical[(form, label)] = target
    return canonical


# Capitalized words that are also surnames but far more often something else.
_NOT_SURNAMES = frozenset(
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday Will Bill Mark Rose Long Young"
    " King Street Church House White Black Green Brown Little Hill Wood Day New North South"
    " East West Grant Bush Price Cook Hunt Lee Park".split()
)


def _missed_people(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Later mentions of a person the small NER model did not tag (it misses ``Trump`` in
    ``Trump seemed to hint …`` after tagging him elsewhere): the surname of a full name found in
    the article, capitalized, outside any other entity."""
    surnames: dict[str, str] = {}
    for e in entities:
        words = e.canonical.split()
        if e.label == "PERSON" and len(words) >= 2 and words[-1] not in _NOT_SURNAMES:
            surnames.setdefault(words[-1], e.canonical)
    if not surnames:
        return []
    covered = bytearray(len(doc.text))
    for span in doc.ents:
        covered[span.start_char : span.end_char] = b"\x01" * (span.end_char - span.start_char)
    found = []
    for token in doc:
        name = surnames.get(token.text)
        if name is not None and not covered[token.idx]:
            found.append(Entity(token.text, "PERSON", token.idx, token.idx + len(token), name))
    return found


class EntityLinker:
    """spaCy component writing ``doc._.dl_entities`` from ``doc.ents``."""

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
        forms = [(canonical_form(e.text, e.label_), e.label_) for e in spans]
        names = _resolve(forms)
        entities = []
        for span, form in zip(spans, forms, strict=True):
            name, label = names[form]
            entities.append(
                Entity(span.text, label, span.start_char, span.end_char, canonical=name)
            )
        entities.extend(_missed_people(doc, entities))
        entities.sort(key=lambda e: e.start)
        doc._.dl_entities = entities
        return doc


@Language.factory(
    "dateline_entities",
    requires=["doc.ents"],
    assigns=["doc._.dl_entities"],
)
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """Factory for :class:`EntityLinker` (``nlp.add_pipe("dateline_entities")``)."""
    return EntityLinker()
