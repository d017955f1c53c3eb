"""``dateline eval tls``: the tilse format, the metric against tilse's own numbers, and the gate."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dateline._stem import porter_stem
from dateline.errors import UsageError
from dateline.evaluate import _rouge
from dateline.evaluate.tls import (
    alignment_rouge,
    date_scores,
    evaluate_tls,
    read_timeline,
    tokenize,
    write_timeline,
)

from ..conftest import EVAL, SEEDS
from .tilse_fixtures import CASES, TIMELINE17, raw_baseline, read_reference

D = date.fromisoformat


def _dated(timeline: dict[str, list[str]]) -> dict[date, list[str]]:
    return {D(k): v for k, v in timeline.items()}


def test_read_timeline_like_tilse(tmp_path: Path) -> None:
    path = tmp_path / "ref.txt"
    path.write_text(
        "2010-04-20\nThe rig explodes .\nEleven die .\n" + "-" * 32 + "\n"
        "2011-04-0\nA date that does not parse .\n" + "-" * 32 + "\n"
        "2010-04-22\nFirst version .\n" + "-" * 32 + "\n"
        "2010-04-22\nThe rig sinks .\n" + "-" * 32 + "\n",
        encoding="utf-8",
    )
    assert read_timeline(path) == {
        D("2010-04-20"): ("The rig explodes .", "Eleven die ."),
        D("2010-04-22"): ("The rig sinks .",),  # as tilse: a repeated date keeps its last entry
    }


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    timeline = {D("2018-10-25"): ["Troops ordered to the border ."], D("2025-05-16"): ["A b ."]}
    write_timeline(tmp_path / "t.txt", timeline)
    text = (tmp_path / "t.txt").read_text(encoding="utf-8")
    assert text.startswith("2018-10-25\nTroops ordered to the border .\n" + "-" * 32 + "\n")
    assert read_timeline(tmp_path / "t.txt") == {d: tuple(s) for d, s in timeline.items()}


def test_tokenize_follows_the_treebank_style_of_the_references() -> None:
    assert tokenize("He didn't say \u201cit\u2019s over,\u201d the U.S. official (AP) said.") == (
        "He did n't say `` it 's over , '' the U.S. official ( AP ) said ."
    )
    assert tokenize("1,200 troops -- 3.5% -- left.") == "1,200 troops -- 3.5 % -- left ."


def test_rouge_tokens_are_rouge_155s() -> None:
    # lowercased, stop words (SMART list: "the", "reuters") and "-" dropped, non-alphanumerics
    # split, WordNet exceptions ("fled" -> "flee"), Porter stems for words over 3 letters
    assert _rouge.tokens(["Reuters: The rig's cash-strapped workers fled home , 11 children"]) == [
        "rig", "cash", "strap", "worker", "flee", "home", "11", "child",
    ]  # fmt: skip
    assert _rouge.tokens(["caret ^ bracket < hidden"]) == ["caret", "circ", "bracket"]  # &circ;
    counts = _rouge.counts(["a", "b", "a"], {"0": ["a", "a", "c"]}, 1)
    assert (counts.hits, counts.peer, counts.model) == (2, 3, 3)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"), ("ponies", "poni"), ("agreed", "agre"), ("hopping", "hop"),
        ("relational", "relat"), ("generalizations", "gener"), ("replacement", "replac"),
        ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("controlling", "control"), ("yelling", "yell"), ("rolling", "roll"),
        ("happy", "happi"), ("sky", "sky"), ("effective", "effect"),
    ],
)  # fmt: skip
def test_porter_stem_matches_rouges_perl_stemmer(word: str, stem: str) -> None:
    # Expected values from ROUGE-1.5.5.pl's own `stem` sub (all 40,392 Timeline17 words agreed).
    assert porter_stem(word) == stem


def test_alignment_rouge_on_identical_and_disjoint_timelines() -> None:
    timeline = {D("2010-04-20"): ["The rig explodes , killing 11 workers ."]}
    same = alignment_rouge(timeline, timeline)
    assert same[1].f1 == pytest.approx(1.0) and same[2].f1 == pytest.approx(1.0)
    later = alignment_rouge({D("2010-04-21"): timeline[D("2010-04-20")]}, timeline)
    assert later[1].f1 == pytest.approx(0.5)  # one day off: hits weighted 1/2
    other = alignment_rouge({D("2010-04-20"): ["Obama visits Louisiana ."]}, timeline)
    assert other[1].f1 == 0.0
    assert alignment_rouge({}, timeline)[1].f1 == 0.0
    assert date_scores({D("2010-04-20"): [], D("2010-04-21"): []}, timeline).f1 == pytest.approx(
        2 / 3
    )


def test_alignment_rouge_matches_tilse_on_generated_timelines() -> None:
    """30 timeline pairs from the seeds' sentences, scored by tilse 0.2.1 with the ROUGE-1.5.5
    Perl script (tilse_fixtures.py): every precision, recall and F1 must agree to 3 decimals;
    they agree exactly."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    assert len(cases) == 30
    for case in cases:
        predicted, reference = _dated(case["predicted"]), _dated(case["reference"])
        ours = alignment_rouge(predicted, reference)
        dates = date_scores(predicted, reference)
        for mine, theirs in (
            (ours[1], case["tilse"]["ar1"]),
            (ours[2], case["tilse"]["ar2"]),
            (dates, case["tilse"]["date"]),
        ):
            assert (mine.precision, mine.recall, mine.f1) == pytest.approx(theirs, abs=5e-4)
            assert (mine.precision, mine.recall, mine.f1) == pytest.approx(theirs, abs=1e-12)


@pytest.mark.shared
def test_alignment_rouge_matches_tilse_on_timeline17() -> None:
    """The ten Timeline17 references against a baseline built from the raw files, scored by
    tilse (numbers only in the fixture: the texts stay in ../shared)."""
    expected = json.loads(TIMELINE17.read_text(encoding="utf-8"))
    data = EVAL / "timeline17"
    assert len(expected) == 10
    for key, theirs in expected.items():
        folder, name = key.split("/")
        reference = read_reference(data / folder / "timelines" / name)
        assert {d: tuple(s) for d, s in reference.items()} == read_timeline(
            data / folder / "timelines" / name
        )
        predicted = raw_baseline(data / folder, reference)
        ours = alignment_rouge(predicted, reference)
        for mine, value in ((ours[1], theirs["ar1"]), (ours[2], theirs["ar2"])):
            assert (mine.precision, mine.recall, mine.f1) == pytest.approx(value, abs=1e-12), key
        dates = date_scores(predicted, reference)
        assert (dates.precision, dates.recall, dates.f1) == pytest.approx(theirs["date"]), key


def test_evaluate_tls_rejects_a_folder_without_timelines(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="E215"):
        evaluate_tls(tmp_path)
    (tmp_path / "t" / "timelines").mkdir(parents=True)
    (tmp_path / "t" / "articles.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="E216"):
        evaluate_tls(tmp_path, topics=["nope"])


@pytest.mark.slow
def test_evaluate_tls_end_to_end_on_the_seeds(tmp_path: Path) -> None:
    """The seeds as a Timeline17-style topic, with the two dates a user expects as reference."""
    topic = tmp_path / "data" / "troops_ap"
    (topic / "timelines").mkdir(parents=True)
    with (topic / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for n, path in enumerate(sorted(SEEDS.glob("*.txt"))):
            text = path.read_text(encoding="utf-8")
            day = "2018-10-26" if n == 0 else "2025-05-16"
            handle.write(json.dumps({"id": path.stem, "time": day, "text": text}) + "\n")
        # Published before the reference's first date: the protocol never reads it, so it is
        # not ingested (nor annotated) at all.
        early = "Officials said on Monday that the border crossing would reopen next month."
        handle.write(json.dumps({"id": "early", "time": "2017-03-06", "text": early}) + "\n")
    (topic / "timelines" / "ref.txt").write_text(
        "2018-10-25\nDefense Secretary Jim Mattis is expected to sign an order sending about 800"
        " troops to the border .\n" + "-" * 32 + "\n2025-05-16\nThe Department of Homeland"
        " Security asks for 20,000 National Guard troops to help with immigration enforcement"
        " .\n" + "-" * 32 + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    scores = evaluate_tls(tmp_path / "data", output=out)
    assert scores.timelines == 1 and scores.articles == 2
    one = scores.per_timeline[0]
    assert (one.dates, one.per_date) == (2, 1)
    assert scores.date.f1 == 1.0  # 2018-10-25 (resolved "Thursday") and 2025-05-16
    assert scores.ar1.f1 > 0.05
    written = read_timeline(out / "troops_ap" / "ref.txt")
    assert sorted(written) == [D("2018-10-25"), D("2025-05-16")]
    assert "National Guard" in written[D("2025-05-16")][0]
    assert alignment_rouge(written, read_timeline(topic / "timelines" / "ref.txt"))[1] == one.ar1
    assert json.loads((out / "scores.json").read_text())["ar1"]["f1"] == scores.ar1.f1


@pytest.mark.slow
@pytest.mark.shared
def test_gate_timeline17_dev_slice(tmp_path: Path) -> None:
    """CI gate: two H1N1 topics (198 articles) end to end; floors a little under what this
    commit measures (docs/notes/timelines.md), far above the days-with-most-articles baseline."""
    scores = evaluate_tls(EVAL / "timeline17", topics=["H1N1_bbc", "H1N1_guardian"])
    assert scores.timelines == 2
    assert scores.ar1.f1 >= 0.175
    # 0.0577 measured; without corroboration 0.0527, so losing it fails the gate.
    assert scores.ar2.f1 >= 0.054
    assert scores.date.f1 >= 0.78


@pytest.mark.slow
def test_a_reused_store_maps_only_this_runs_records(tmp_path: Path) -> None:
    """With --db, a second run on other topics must not read the first run's record numbers."""
    data = tmp_path / "data"
    for name, path, day in zip(
        ("a_first", "b_second"),
        sorted(SEEDS.glob("*.txt")),
        ("2018-10-26", "2025-05-16"),
        strict=True,
    ):
        (data / name / "timelines").mkdir(parents=True)
        record = {"id": "1", "time": day, "text": path.read_text(encoding="utf-8")}
        (data / name / "articles.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        (data / name / "timelines" / "ref.txt").write_text(
            f"{day}\nSomething happened .\n" + "-" * 32 + "\n", encoding="utf-8"
        )
    db = tmp_path / "tls.db"
    only_b = evaluate_tls(data, db=db, topics=["b_second"])
    assert [t.articles for t in only_b.per_timeline] == [1]
    both = evaluate_tls(data, db=db)
    assert [(t.topic, t.articles) for t in both.per_timeline] == [("a_first", 1), ("b_second", 1)]
