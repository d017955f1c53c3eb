"""GVA figures evaluation: reading the split, the incident date, the harness and its gate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import dateline.annotate.figures  # noqa: F401 - registers dateline_figures
from dateline.errors import InputError
from dateline.evaluate.figures import (
    FigureScores,
    evaluate_figures,
    incident_date,
    read_split,
)
from dateline.models import TimeExpression, TimexType

GVA = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "gva_shooting_articles"

ARTICLES = [
    {
        "text": "Police said 3 people were hurt Saturday in a 100 block shooting.",
        "publish_date": "2018-03-05",
    },
    {"text": "About 20 officers responded. No one was hurt.", "publish_date": "2018-03-06"},
    {"text": "   ", "publish_date": "2018-03-07"},
]
LABELS = [
    {"n_killed": 0, "n_injured": 3, "shooting_date": "2018-03-03", "address": "x"},
    {"n_killed": 0, "n_injured": 0, "shooting_date": "2018-03-06", "address": "y"},
    {"n_killed": 1, "n_injured": 0, "shooting_date": "2018-03-01", "address": "z"},
]


def write_split(folder: Path, split: str = "val") -> Path:
    (folder / f"X_{split}.json").write_text(json.dumps(ARTICLES), encoding="utf-8")
    (folder / f"y_{split}.json").write_text(json.dumps(LABELS), encoding="utf-8")
    return folder


def blank_pipeline() -> Language:
    """Tokenizer, sentences and the figures component: no model, so no casualties."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dateline_figures")
    return nlp


def test_read_split_pairs_articles_with_labels(tmp_path: Path) -> None:
    articles = read_split(write_split(tmp_path), "val")
    assert [(a.index, a.killed, a.injured, a.shooting_date) for a in articles] == [
        (0, 0, 3, "2018-03-03"),
        (1, 0, 0, "2018-03-06"),
        (2, 1, 0, "2018-03-01"),
    ]
    assert articles[0].published == "2018-03-05"


def test_read_split_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        read_split(tmp_path, "val")
    assert missing.value.code == "E001"
    (tmp_path / "X_val.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "y_val.json").write_text("[]", encoding="utf-8")
    with pytest.raises(InputError) as bad:
        read_split(tmp_path, "val")
    assert bad.value.code == "E004"
    (tmp_path / "X_val.json").write_text("[{}]", encoding="utf-8")
    with pytest.raises(InputError) as uneven:
        read_split(tmp_path, "val")
    assert uneven.value.code == "E004"


def _doc_with_times(text: str, times: list[tuple[str, str, TimexType]]) -> spacy.tokens.Doc:
    doc = blank_pipeline()(text)
    doc._.dl_times = [
        TimeExpression(span, text.index(span), text.index(span) + len(span), value, kind, "day")
        for span, value, kind in times
    ]
    return doc


def test_incident_date_prefers_a_date_in_a_sentence_about_the_shooting() -> None:
    text = "The council met on Monday. A man was shot Saturday night. He is stable."
    doc = _doc_with_times(
        text,
        [
            ("Monday", "2018-03-05", TimexType.DATE),
            ("Saturday night", "2018-03-03TNI", TimexType.DATE),
        ],
    )
    assert incident_date(doc, date(2018, 3, 6)) == date(2018, 3, 3)


def test_incident_date_falls_back_to_the_first_past_date_then_publication() -> None:
    text = "The council met on Monday. It meets again on Friday."
    doc = _doc_with_times(
        text,
        [("Monday", "2018-03-05", TimexType.DATE), ("Friday", "2018-03-09", TimexType.DATE)],
    )
    assert incident_date(doc, date(2018, 3, 6)) == date(2018, 3, 5)
    future_only = _doc_with_times(
        "It meets again on Friday.", [("Friday", "2018-03-09", TimexType.DATE)]
    )
    assert incident_date(future_only, date(2018, 3, 6)) == date(2018, 3, 6)
    durations = _doc_with_times(
        "A man was shot for hours.", [("hours", "PTXH", TimexType.DURATION)]
    )
    assert incident_date(durations, date(2018, 3, 6)) == date(2018, 3, 6)


def test_harness_scores_baselines_and_writes_records(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    data = write_split(tmp_path / "data")
    out = tmp_path / "out"
    scores = evaluate_figures(data, output=out, nlp=blank_pipeline())
    assert isinstance(scores, FigureScores)
    # Without a parse nothing is derived: every count is 0, every date the publication date.
    assert scores.to_dict() == {
        "split": "val",
        "docs": 3,
        "killed_accuracy": pytest.approx(2 / 3),
        "killed_baseline": pytest.approx(2 / 3),
        "injured_accuracy": pytest.approx(2 / 3),
        "injured_baseline": pytest.approx(2 / 3),
        "date_accuracy": pytest.approx(1 / 3),
        "date_baseline": pytest.approx(1 / 3),
        "date_source": "publication date (no times annotator)",
        "figures": 2,
    }
    records = [
        json.loads(line) for line in (out / "figures_predictions.jsonl").read_text().splitlines()
    ]
    assert [r["id"] for r in records] == [0, 1, 2]
    first = records[0]
    assert first["gold"] == {"killed": 0, "injured": 3, "date": "2018-03-03"}
    assert [f["text"] for f in first["figures"]] == ["3"]
    assert set(first["figures"][0]) == {
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "subject",
        "date",
        "quote",  # the shared export.figure_record also says which quote it sits in
    }
    assert records[1]["figures"][0]["qualifier"] == "about"
    assert records[2] == {
        "id": 2,
        "killed": 0,
        "injured": 0,
        "date": "2018-03-07",
        "gold": {"killed": 1, "injured": 0, "date": "2018-03-01"},
        "evidence": [],
        "figures": [],
    }


def test_harness_limit_and_split(tmp_path: Path) -> None:
    write_split(tmp_path, "train")
    scores = evaluate_figures(tmp_path, split="train", nlp=blank_pipeline(), limit=1)
    assert (scores.split, scores.docs) == ("train", 1)


# --- the gate: real pipeline on a fixed slice of GVA val -------------------------------------

# Measured on the first 60 val articles (killed .950, injured .833, date .850 with
# dateline_times; always-0 baselines .850 / .567); floors sit a little below.
GATE_ARTICLES = 60


@pytest.mark.shared
@pytest.mark.slow
def test_gva_val_gate() -> None:
    if not GVA.is_dir():
        pytest.skip(f"needs the GVA shooting articles in {GVA}")
    scores = evaluate_figures(GVA, split="val", limit=GATE_ARTICLES)
    assert scores.docs == GATE_ARTICLES
    assert scores.killed_accuracy >= 0.91
    assert scores.injured_accuracy >= 0.78
    assert scores.killed_accuracy > scores.killed_baseline
    assert scores.injured_accuracy > scores.injured_baseline + 0.2
    if scores.date_source == "dateline_times":
        assert scores.date_accuracy >= 0.75
    else:
        assert scores.date_accuracy == scores.date_baseline
