# ruff: noqa: RUF001 - the seeds quote with typographic apostrophes
"""The whole default pipeline on the two seed articles: every check the annotate issue names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.annotate import Annotator
from dateline.models import Annotations, Article, Provenance, RawDocument
from dateline.normalize import normalize

from ..conftest import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def annotated() -> Iterator[dict[str, tuple[Article, Annotations]]]:
    annotator = Annotator()
    out = {}
    for name in ("000_d99e0ac5021ccd8d.txt", "003_082ef1cbb70f8043.txt"):
        path = SEEDS / name
        article = normalize(RawDocument(path.read_text("utf-8"), Provenance(str(path), None, "t")))
        out[name[:3]] = (article, annotator.annotate(article.text, article.published))
    yield out


def _offsets_hold(article: Article, ann: Annotations) -> None:
    for item in (*ann.entities, *ann.quotes, *ann.figures, *ann.times):
        assert article.text[item.start : item.end] == item.text


def test_offsets_index_the_normalized_text(
    annotated: dict[str, tuple[Article, Annotations]],
) -> None:
    for article, ann in annotated.values():
        _offsets_hold(article, ann)


def test_entities_are_canonical(annotated: dict[str, tuple[Article, Annotations]]) -> None:
    _, ann = annotated["000"]
    names = {(e.text, e.canonical) for e in ann.entities}
    assert ("Mattis", "Jim Mattis") in names
    assert ("Trump", "Donald Trump") in names
    assert ("DHS", "Department of Homeland Security") in names


def test_speakers_and_anonymity(annotated: dict[str, tuple[Article, Annotations]]) -> None:
    article, ann = annotated["000"]
    by_start = {q.text[:25]: q for q in ann.quotes}
    tweet = next(q for q in ann.quotes if q.text.startswith("Democrat inspired laws"))
    assert tweet.speaker == "Donald Trump"
    wrote = [q for q in ann.quotes if q.cue == "wrote" and q.direct]
    assert len(wrote) == 2 and {q.speaker for q in wrote} == {"Donald Trump"}
    # ``he said`` after ``Trump seemed to hint …``, where the NER model misses Trump.
    wait = next(q for q in ann.quotes if q.text.startswith("Wait’ll you see"))
    assert wait.speaker == "Donald Trump"
    candy = [q for q in ann.quotes if q.speaker == "Candy Guillermo" and q.direct]
    assert len(candy) == 2
    anonymous = [q for q in ann.quotes if q.anonymous]
    sources = {article.text[q.source_start : q.source_end] for q in anonymous if q.source_start}
    assert any("official" in s for s in sources), by_start
    assert any("U.S. official" in s for s in sources)

    article, ann = annotated["003"]
    mclaughlin = [q.text for q in ann.quotes if q.direct and q.speaker == "Tricia McLaughlin"]
    assert len(mclaughlin) == 3
    assert any(t.startswith("use every tool") for t in mclaughlin)  # the broken ”…" quote
    assert any(t.startswith("safety of American citizens") for t in mclaughlin)
    confirmed = next(q for q in ann.quotes if q.cue and q.cue.startswith("confirmed"))
    assert confirmed.anonymous
    reported = next(q for q in ann.quotes if q.cue and "reported" in q.cue)
    assert reported.speaker == "New York Times"


def test_figures_with_qualifiers(annotated: dict[str, tuple[Article, Annotations]]) -> None:
    _, ann = annotated["000"]
    figures = {f.text: f for f in ann.figures}
    assert figures["at least 800"].qualifier == "at least"
    assert "troops" in (figures["at least 800"].subject or "")
    assert figures["about 2,000"].qualifier == "about"
    assert figures["up to 4,000"].high == 4000
    claims = figures["331,700"]
    assert claims.subject == "asylum claims" and claims.date == "2017"
    _, ann = annotated["003"]
    figures = {f.text: f for f in ann.figures}
    assert figures["20,000"].value == 20000
    assert figures["as many as 10,000"].qualifier == "as many as"


def test_times_resolve_against_the_publication_date(
    annotated: dict[str, tuple[Article, Annotations]],
) -> None:
    _, ann = annotated["000"]
    values = {(t.text, t.value) for t in ann.times}
    assert {
        ("Thursday", "2018-10-25"),
        ("Nov. 6", "2018-11-06"),
        ("Oct. 19", "2018-10-19"),
        ("May 1997", "1997-05"),
        ("Wednesday", "2018-10-24"),
    } <= values
    assert all(s.date for s in ann.sentences), "every sentence gets a date"


def test_quotes_know_the_sentences_they_sit_in(
    annotated: dict[str, tuple[Article, Annotations]],
) -> None:
    article, ann = annotated["000"]
    [rally] = [s for s in ann.sentences if "rally in Wisconsin" in article.text[s.start : s.end]]
    assert rally.date == "2018-10-24" and rally.date_source == "own"


def test_seed_paths_exist() -> None:
    assert Path(SEEDS / "000_d99e0ac5021ccd8d.txt").exists()
