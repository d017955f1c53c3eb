"""The PolNeAR quote evaluation: brat reading, grouping, span matching, and an eval gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.evaluate._brat import Attribution, BratDocument, BratSpan, parse_ann, read_polnear
from dateline.evaluate.quotes import evaluate_quotes, group_attributions, score_documents
from dateline.models import Quote

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "polnear"

TEXT = "“A,” he said. “B.” Ann Lee added that taxes will rise. Others disagree, Bob argued."


def span(text: str, needle: str, label: str = "X") -> BratSpan:
    start = TEXT.index(needle)
    return BratSpan(label, ((start, start + len(needle)),))


def quote(content: str, source: str, cue: str, *, direct: bool = False) -> Quote:
    s, c = span(TEXT, content).fragments[0], span(TEXT, cue).fragments[0]
    src = span(TEXT, source).fragments[0]
    return Quote(TEXT[s[0] : s[1]], s[0], s[1], source, cue, direct, False, *src, *c)


def gold() -> BratDocument:
    a = TEXT.index("A,")
    b = TEXT.index("B.")
    return BratDocument(
        name="doc",
        text=TEXT,
        attributions=(
            Attribution(
                "E1",
                span(TEXT, "he"),
                span(TEXT, "said"),
                BratSpan("Content", ((a - 1, a + 3), (b - 1, b + 3))),  # marks included
            ),
            Attribution(
                "E2", span(TEXT, "Ann Lee"), span(TEXT, "added"), span(TEXT, "that taxes will rise")
            ),
            Attribution("E3", None, span(TEXT, "disagree"), span(TEXT, "Others")),
            Attribution(
                "E4", span(TEXT, "Bob"), span(TEXT, "argued"), span(TEXT, "Others disagree")
            ),
        ),
        annotator="x",
    )


def test_parse_ann_discontinuous_and_no_source() -> None:
    ann = (
        "T1\tSource 0 2\the\n"
        "T2\tCue 3 7\tsaid\n"
        "T3\tContent 10 20;30 40\t...\n"
        "T4\tAttribution 3 7\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 50 55\tsays\n"
        "T6\tContent 56 60\tthis\n"
        "E2\tAttribution-no-source:T5 Content:T6 Cue:T5\n"
        "T7\tDiscard 70 80\tRead more\n"
        "#1\tAnnotatorNotes T3\tnote\n"
    )
    first, second = parse_ann(ann)
    assert first.source == BratSpan("Source", ((0, 2),))
    assert first.content is not None and first.content.fragments == ((10, 20), (30, 40))
    assert second.source is None and second.cue is not None


def test_group_attributions_merges_split_quotes_and_drops_sourceless() -> None:
    quotes = [
        quote("A,", "he", "said", direct=True),
        quote("B.", "he", "said", direct=True),
        Quote("taxes", 0, 5, None, None, True, False),
    ]
    (only,) = group_attributions(quotes)
    assert len(only.content) == 2 and only.direct


def test_perfect_prediction_scores_one() -> None:
    predictions = [
        quote("A,", "he", "said", direct=True),
        quote("B.", "he", "said", direct=True),
        quote("taxes will rise", "Ann Lee", "added"),
        quote("Others disagree", "Bob", "argued"),
    ]
    scores = score_documents([gold()], [predictions], "dev")
    assert scores.gold_attributions == 3  # the sourceless E3 is not scored
    for s in (scores.source_exact, scores.source_overlap, scores.content_exact):
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_overlap_counts_each_gold_once_and_exact_needs_equal_spans() -> None:
    predictions = [
        quote("A,", "he said", "said", direct=True),  # source too long: overlap only
        quote("taxes will", "Lee", "added"),  # both spans partial
        quote("taxes", "Ann", "added"),  # a second source on the same gold: not a match
    ]
    scores = score_documents([gold()], [predictions], "dev")
    assert scores.source_exact.matched == 0
    assert scores.source_overlap.matched == 2  # "he said"~"he", one of Lee/Ann~"Ann Lee"
    assert scores.source_overlap.predicted == 3 and scores.source_overlap.gold == 3
    assert scores.content_overlap.matched == 2
    assert scores.content_exact.matched == 0
    assert scores.to_dict()["source_overlap"]["matched"] == 2


def test_shared_source_is_one_prediction() -> None:
    predictions = [
        quote("taxes will rise", "Ann Lee", "added"),
        quote("Others disagree", "Ann Lee", "argued"),
    ]
    scores = score_documents([gold()], [predictions], "dev")
    assert scores.source_exact.predicted == 1 and scores.source_exact.matched == 1


def test_read_polnear_picks_the_first_annotator(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text("He said so.")
    for who, cue in (("bb", "T1\tCue 3 7\tsaid\n"), ("aa", "T1\tCue 0 2\tHe\n")):
        body = cue + "E1\tAttribution-no-source:T1 Cue:T1\n"
        (tmp_path / "dev" / "attributions" / f"a_{who}.ann").write_text(body)
    (doc,) = read_polnear(tmp_path, "dev")
    assert doc.annotator == "aa" and doc.annotators == 2
    first = doc.attributions[0].cue
    assert first is not None and first.text(doc.text) == "He"


def test_missing_split_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate_quotes(tmp_path, split="dev")


@pytest.mark.shared
@pytest.mark.slow
def test_eval_gate_first_20_dev_articles(tmp_path: Path) -> None:
    """Pinned floors a little below the measured scores on the first 20 dev articles."""
    if not POLNEAR.is_dir():
        pytest.skip(f"needs PolNeAR in {POLNEAR}")
    scores = evaluate_quotes(POLNEAR, split="dev", output=tmp_path, limit=20)
    assert scores.documents == 20
    # measured: source overlap F1 0.745, exact 0.723; content overlap 0.776, exact 0.522
    assert scores.source_overlap.f1 >= 0.72
    assert scores.source_exact.f1 >= 0.70
    assert scores.content_overlap.f1 >= 0.75
    assert scores.content_exact.f1 >= 0.50
    lines = (tmp_path / "quotes_predictions_dev.jsonl").read_text().splitlines()
    assert len(lines) == 20
    record = json.loads(lines[0])
    attribution = record["attributions"][0]
    assert set(attribution) == {"source", "cue", "content", "speaker", "direct", "anonymous"}
    assert set(attribution["source"]) == {"start", "end", "text"}
