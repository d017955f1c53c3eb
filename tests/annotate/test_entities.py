"""Entity canonicalization on hand-built Docs (no model needed)."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dateline.annotate.entities import EntityLinker, canonical_form


def doc_with(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(Vocab(), words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_canonical_form_strips_titles_possessives_articles_and_quotes() -> None:
    assert canonical_form("President Donald Trump's", "PERSON") == "Donald Trump"
    assert canonical_form("Defense Secretary Jim Mattis", "PERSON") == "Jim Mattis"
    assert canonical_form("the Department of Homeland Security", "ORG") == (
        "Department of Homeland Security"
    )
    assert canonical_form("a “National Emergency", "ORG") == "National Emergency"
    assert canonical_form("WASHINGTON", "GPE") == "Washington"
    assert canonical_form("NATO", "ORG") == "NATO"  # an acronym keeps its capitals


def test_short_person_names_resolve_to_the_full_name_even_when_mislabelled() -> None:
    words = "Jim Mattis said . Mattis left . Trump and Donald Trump met .".split()
    doc = doc_with(words, [(0, 2, "PERSON"), (4, 5, "NORP"), (7, 8, "ORG"), (9, 11, "PERSON")])
    out = EntityLinker()(doc)._.dl_entities
    assert [(e.text, e.label, e.canonical) for e in out] == [
        ("Jim Mattis", "PERSON", "Jim Mattis"),
        ("Mattis", "PERSON", "Jim Mattis"),
        ("Trump", "PERSON", "Donald Trump"),
        ("Donald Trump", "PERSON", "Donald Trump"),
    ]
    assert all(doc.text[e.start : e.end] == e.text for e in out)


def test_acronyms_resolve_to_the_organisation_they_spell() -> None:
    words = "the Department of Homeland Security said DHS and the U.N. agreed".split()
    doc = doc_with(words, [(0, 5, "ORG"), (6, 7, "ORG"), (9, 10, "ORG")])
    out = EntityLinker()(doc)._.dl_entities
    assert [e.canonical for e in out] == [
        "Department of Homeland Security",
        "Department of Homeland Security",
        "U.N.",
    ]


def test_labels_outside_the_entity_set_are_ignored() -> None:
    doc = doc_with("Trump won 2016 by 77 votes".split(), [(0, 1, "PERSON"), (2, 3, "DATE")])
    assert [e.text for e in EntityLinker()(doc)._.dl_entities] == ["Trump"]


def test_untagged_later_mentions_of_a_known_person_are_added() -> None:
    words = "Donald Trump spoke . Trump seemed to hint at it , Trump said in May .".split()
    doc = doc_with(words, [(0, 2, "PERSON"), (11, 12, "PERSON")])
    out = EntityLinker()(doc)._.dl_entities
    assert [(e.text, e.start, e.canonical) for e in out] == [
        ("Donald Trump", 0, "Donald Trump"),
        ("Trump", doc[4].idx, "Donald Trump"),  # missed by NER, found by name
        ("Trump", doc[11].idx, "Donald Trump"),
    ]
    assert "May" not in {e.text for e in out}
