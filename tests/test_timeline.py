"""Timelines from stored, annotated articles: dates from time expressions, citations, exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dateline import timeline as timeline_module
from dateline.errors import UsageError
from dateline.export import timeline_csv, timeline_markdown, timeline_record, timelinejs
from dateline.ingest import ingest
from dateline.ledger import figure_ledger
from dateline.models import Timeline
from dateline.store import Store
from dateline.timeline import articles_for, build_timeline

from .conftest import SEEDS
from .test_cli import run

pytestmark = pytest.mark.slow  # annotates the seeds with spaCy


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("tl") / "seeds.db"
    with Store.open(db) as store:
        ingest([SEEDS], store, workers=1)
    return db


def test_seed_timeline_has_both_deployments_each_citing_its_article(seeds: Path) -> None:
    with Store.open(seeds) as store:
        ids = articles_for(store, everything=True)
        timeline = build_timeline(store, ids, dates=10, per_date=2)
        days = [e.date for e in timeline.entries]
        assert {"2018-10-25", "2025-05-16"} <= set(days)
        assert days == sorted(days)
        by_day = {e.date: e for e in timeline.entries}
        old, new = sorted(ids, key=lambda i: store.get(i).published or date.min)
        assert {s.article_id for s in by_day["2018-10-25"].sentences} == {old}
        assert {s.article_id for s in by_day["2025-05-16"].sentences} == {new}
        assert any("20,000 National Guard troops" in s.text for s in by_day["2025-05-16"].sentences)
        for entry in timeline.entries:
            for s in entry.sentences:
                text = store.get(s.article_id).text
                assert " ".join(text[s.start : s.end].split()) == s.text
                assert all(s.start <= q.start < s.end for q in s.quotes)
        assert not any(
            s.text.startswith("WASHINGTON") for e in timeline.entries for s in e.sentences
        )
        only = build_timeline(store, ids, dates=1)
        assert len(only.entries) == 1 and len(only.entries[0].sentences) == 1
        window = build_timeline(store, ids, since=date(2025, 1, 1))
        assert [e.date for e in window.entries] == ["2025-05-16"]
        with pytest.raises(UsageError, match="E202"):
            build_timeline(store, ids, dates=0)
        with pytest.raises(UsageError, match="E214"):
            articles_for(store)
        assert articles_for(store, entity="Jim Mattis") == [old]
        assert articles_for(store, query="20,000 national guard") == [new]


def test_exports(seeds: Path) -> None:
    with Store.open(seeds) as store:
        timeline = build_timeline(store, articles_for(store, everything=True), title="Troops")
    record = timeline_record(timeline)
    assert record["title"] == "Troops" and record["articles"] == 2
    first = record["entries"][0]["sentences"][0]
    assert set(first) >= {"article_id", "start", "end", "text", "published", "quotes", "figures"}
    markdown = timeline_markdown(timeline)
    cited = sum(len(e.sentences) for e in timeline.entries)
    assert markdown.count("[^") == 2 * cited  # every sentence has a footnote and its definition
    rows = list(csv.reader(io.StringIO(timeline_csv(timeline))))
    assert rows[0][:3] == ["date", "text", "article_id"] and len(rows) == cited + 1
    js = timelinejs(timeline)
    assert js["title"]["text"]["headline"] == "Troops"
    assert {"start_date", "text"} <= set(js["events"][0])
    assert {"year", "month", "day"} == set(js["events"][0]["start_date"])
    assert js["events"][0]["text"]["headline"] and js["events"][0]["text"]["text"]


def test_cli_timeline_formats(seeds_db: Path) -> None:
    code, out, _ = run("timeline", "--all", "--db", str(seeds_db), "--format", "json")
    assert code == 0 and json.loads(out)["entries"]
    code, out, _ = run("stories", "--db", str(seeds_db), "--json")
    story = json.loads(out)[0]
    for fmt in ("table", "markdown", "csv", "timelinejs"):
        code, out, _ = run(
            "timeline", "--story", story["id"], "--db", str(seeds_db), "--format", fmt
        )
        assert code == 0 and out.strip()
    code, _, err = run("timeline", "--db", str(seeds_db))
    assert code == 2 and "E214" in err
    code, _, err = run("timeline", "--all", "--db", str(seeds_db), "--format", "pdf")
    assert code == 2 and "E201" in err


def test_figure_ledger_of_the_seeds(seeds: Path) -> None:
    with Store.open(seeds) as store:
        groups = figure_ledger(store, articles_for(store, everything=True))
    guard = next(g for g in groups if "National Guard" in g.subject)
    values = [(r.when[:4], r.figure.text) for r in guard.rows]
    assert ("2018", "about 2,000") in values and ("2018", "up to 4,000") in values
    assert ("2025", "20,000") in values
    assert [r.when for r in guard.rows] == sorted(r.when for r in guard.rows)
    assert "change" in guard.rows[-2].flags or "change" in guard.rows[-1].flags
    duty = next(g for g in groups if g.subject == "active duty troops")
    assert [r.figure.text for r in duty.rows] == ["at least 800"]
    claims = next(g for g in groups if g.subject == "asylum claims")
    assert claims.rows[0].when == "2017" and claims.rows[0].speaker == "U.N. Refugee Agency"


def test_cli_figure_ledger(seeds_db: Path) -> None:
    code, out, _ = run("threads", "--db", str(seeds_db), "--json")
    thread = json.loads(out)[0]["id"]
    code, out, _ = run("figures", "--thread", thread, "--db", str(seeds_db), "--json")
    assert code == 0
    ledger = json.loads(out)
    assert any("National Guard" in g["subject"] for g in ledger)
    assert all({"when", "figure", "flags", "speaker"} <= set(r) for g in ledger for r in g["rows"])
    code, out, _ = run("figures", "--thread", thread, "--db", str(seeds_db))
    assert code == 0 and "National Guard" in out


def test_whats_new_in_a_follow_up(tmp_path: Path) -> None:
    from dateline.novelty import whats_new  # noqa: PLC0415 - keeps the module list above short

    first = next(p for p in sorted(SEEDS.iterdir()) if p.suffix == ".txt")
    text = first.read_text(encoding="utf-8")
    follow = tmp_path / "follow.txt"
    addition = "The Pentagon said on Friday that 1,200 more troops would follow next week."
    follow.write_text(text.rstrip() + "\n\n" + addition + "\n", encoding="utf-8")
    with Store.open(tmp_path / "n.db") as store:
        ingest([first], store, workers=1)
        ingest([follow], store, workers=1)
        from dateline.stories import update_stories  # noqa: PLC0415

        update_stories(store)
        old, new = (a.id for a in store.articles())
        report = whats_new(store, new)
        assert report.earlier == (old,)
        texts = [store.get(new).text[s.start : s.end] for s in report.sentences]
        assert texts == [addition]
        assert [f.text for f in report.figures] == ["1,200"]
        assert [(q.speaker, q.text) for q in report.quotes] == [
            ("Pentagon", "1,200 more troops would follow next week")
        ]
        assert whats_new(store, old).earlier == ()
    code, out, _ = run("new", new[:8], "--db", str(tmp_path / "n.db"), "--json")
    assert code == 0 and json.loads(out)["sentences"][0]["text"] == addition


@contextmanager
def _ingested(tmp_path: Path, articles: dict[str, tuple[str, str]]) -> Iterator[Store]:
    """A store holding ``articles`` (record id -> (publication date, text)), ingested and
    annotated."""
    source = tmp_path / "records.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": k, "date": d, "text": t}) + "\n" for k, (d, t) in articles.items()
        ),
        encoding="utf-8",
    )
    with Store.open(tmp_path / "records.db") as store:
        ingest([source], store, workers=1)
        yield store


def _timelines(
    tmp_path: Path, articles: dict[str, tuple[str, str]], *requests: dict[str, Any]
) -> list[Timeline]:
    """One timeline over all ``articles`` per request (keyword arguments of build_timeline)."""
    with _ingested(tmp_path, articles) as store:
        ids = [a.id for a in store.articles()]
        return [build_timeline(store, ids, **request) for request in requests]


def test_a_chronology_in_the_collection_lends_its_days_support(tmp_path: Path) -> None:
    from dateline.timeline import _chronology  # noqa: PLC0415 - the rule, tested on its own

    factbox = (
        "Timeline of the Gulf of Mexico oil spill\n\n"
        "Here are the main events since the rig exploded.\n\n"
        "April 20, 2010 - Explosion and fire on the Deepwater Horizon rig kill 11 workers.\n\n"
        "April 22 - The rig sinks and a five-mile oil slick forms on the surface.\n\n"
        "May 2 - BP starts drilling the first of two relief wells to stop the leak.\n\n"
        "July 15 - A new cap stops the flow of oil into the Gulf for the first time.\n\n"
        "September 19 - The well is declared dead after the relief well intercepts it.\n\n"
        "January 11 - A presidential commission blames cost-cutting."
    )
    live = "Live: the verdict in the trial of Dr Conrad Murray\n\n" + "\n\n".join(
        f"8th November 2011 - 17:{m:02d} The jury is still out, our reporter says."
        for m in range(10, 50, 6)
    )
    story = "BP said on Tuesday that the relief well had reached a depth of 10,000 feet."
    articles = {
        "factbox": ("2011-01-11", factbox),
        "live": ("2011-11-08", live),
        "story": ("2010-06-02", story),
    }
    with _ingested(tmp_path, articles) as store:
        articles = list(store.articles())
        factbox_article = next(a for a in articles if "main events" in a.text)
        live_article = next(a for a in articles if "jury is still out" in a.text)
        story_article = next(a for a in articles if "relief well had" in a.text)
        # "April 22" in a list that started in 2010 is 2010-04-22, not a day in 2011.
        listed = _chronology(factbox_article, store.annotations(factbox_article.id))
        assert sorted(listed.values()) == [
            "2010-04-20", "2010-04-22", "2010-05-02", "2010-07-15", "2010-09-19", "2011-01-11",
        ]  # fmt: skip
        assert factbox_article.text[min(listed) :].startswith("April 20, 2010 - Explosion")
        assert _chronology(live_article, store.annotations(live_article.id)) == {}
        assert _chronology(story_article, store.annotations(story_article.id)) == {}
        ids = [factbox_article.id, live_article.id, story_article.id]
        # Without the chronology, every day here has the support of one article.
        timeline = build_timeline(store, ids, dates=3, until=date(2011, 1, 11))
        assert [e.date for e in timeline.entries] == ["2010-04-20", "2010-04-22", "2010-05-02"]
        assert all(e.support > 3 for e in timeline.entries)


def test_a_chronology_that_runs_its_entries_on_after_the_date(tmp_path: Path) -> None:
    from dateline.timeline import _chronology  # noqa: PLC0415 - the rule, tested on its own

    # BBC's trial timeline, as Timeline17 holds it: no dash after the dates.
    trial = (
        "Dr Conrad Murray: Trial timeline\n\n"
        "28 June 2009 Los Angeles police interview Dr Murray for three hours.\n\n"
        "His spokeswoman insists he is not a suspect.\n\n"
        "22 July 2009 The doctor's clinic in Houston is raided by drug agents.\n\n"
        "8 February 2010 Dr Murray is charged with involuntary manslaughter.\n\n"
        "14 June 2010 Judge Michael Pastor refuses a request to bar Dr Murray from practising.\n\n"
        "8 December 2010 California medical board allows Dr Murray to keep his licence.\n\n"
        "4 January 2011 Preliminary hearings begin."
    )
    # Dates that open sentences of a report are no entries: a weekday, or text that goes on in
    # lower case.
    report = "\n\n".join(
        [
            "Monday Police said the doctor had left the house.",
            "28 June 2009 was the day police first interviewed him.",
            "22 July 2009 saw his clinic in Houston raided.",
            "8 February 2010, prosecutors said, was the day he was charged.",
            "Tuesday Jurors heard from the paramedics.",
            "4 January 2011 marked the start of preliminary hearings.",
        ]
    )
    articles = {"trial": ("2011-11-30", trial), "report": ("2011-11-30", report)}
    with _ingested(tmp_path, articles) as store:
        stored = list(store.articles())
        trial_article = next(a for a in stored if "Preliminary hearings" in a.text)
        report_article = next(a for a in stored if "Jurors heard" in a.text)
        listed = _chronology(trial_article, store.annotations(trial_article.id))
        assert sorted(listed.values()) == [
            "2009-06-28", "2009-07-22", "2010-02-08", "2010-06-14", "2010-12-08", "2011-01-04",
        ]  # fmt: skip
        assert _chronology(report_article, store.annotations(report_article.id)) == {}


def test_reported_days_plans_and_captions(tmp_path: Path) -> None:
    report = (
        "BP began pumping heavy drilling mud into the leaking well on Wednesday, officials "
        "said.\n\n"
        "The company hopes the procedure, known as top kill, will stop the flow of oil into "
        "the Gulf of Mexico.\n\n"
        "In this aerial photo taken Thursday, oil is seen on the surface of the Gulf of Mexico "
        "near the site of the rig."
    )
    plan = (
        "BP will try to plug the well with heavy drilling mud on Wednesday, the company said.\n\n"
        "Engineers from the company will meet federal officials again on June 16 to review "
        "the results."
    )
    articles = {
        "report": ("2010-05-27", report),
        "plan": ("2010-05-20", plan),
    }
    (timeline,) = _timelines(
        tmp_path, articles, {"dates": 5, "per_date": 3, "until": date(2010, 6, 30)}
    )
    by_day = {e.date: [s.text for s in e.sentences] for e in timeline.entries}
    # The report's lead dates its news to Wednesday, so its undated sentence is Wednesday's too.
    assert any(t.startswith("The company hopes the procedure") for t in by_day["2010-05-26"])
    assert not any(t.startswith("The company hopes") for t in by_day.get("2010-05-27", []))
    # Written before the day, a sentence is a plan: not what happened that day.
    assert not any(t.startswith("BP will try") for e in timeline.entries for t in by_day[e.date])
    assert "2010-06-16" not in by_day
    assert not any("aerial photo" in t for e in timeline.entries for t in by_day[e.date])


def test_an_overnight_report_tells_the_day_before(tmp_path: Path) -> None:
    night = (
        "An explosion tore through the Deepwater Horizon drilling rig off Louisiana on "
        "Tuesday night, the Coast Guard said.\n\n"
        "Eleven workers were missing after the blast, and rescuers searched the Gulf through "
        "the night."
    )
    morning = (
        "Fire boats poured water on the burning drilling rig as the search for the eleven "
        "missing workers went on.\n\n"
        "Oil company officials said they did not yet know what caused the explosion on the rig."
    )
    articles = {
        "night": ("2010-04-20", night),
        "morning": ("2010-04-21", morning),
    }
    requests = {"dates": 1, "per_date": 4}, {"dates": 2, "per_date": 4}
    timeline, both = _timelines(tmp_path, articles, *requests)
    (entry,) = timeline.entries
    assert entry.date == "2010-04-20"
    texts = [s.text for s in entry.sentences]
    # The next morning's undated report is a candidate for the night it describes.
    assert any(t.startswith("An explosion tore through") for t in texts)
    assert any(t.startswith("Fire boats poured water") for t in texts)
    assert {s.published for s in entry.sentences} == {date(2010, 4, 20), date(2010, 4, 21)}
    # With the morning's own day in the timeline too, each sentence is cited once, under the
    # day it was filed under.
    night_entry, morning_entry = both.entries
    assert (night_entry.date, morning_entry.date) == ("2010-04-20", "2010-04-21")
    cited = [(s.article_id, s.start) for e in both.entries for s in e.sentences]
    assert len(cited) == len(set(cited)) == 4
    assert {s.published for s in morning_entry.sentences} == {date(2010, 4, 21)}


def test_equal_support_goes_to_the_day_with_more_coverage(tmp_path: Path) -> None:
    review = (
        "On April 2, inspectors found a crack in the dam's northern spillway during a routine "
        "visit.\n\n"
        "On April 5, engineers began draining the reservoir to take pressure off the cracked "
        "wall."
    )
    report = (
        "Engineers were draining the reservoir behind the cracked dam, and families living "
        "downstream were told to be ready to leave."
    )
    articles = {
        "review": ("2010-05-10", review),
        "report": ("2010-04-06", report),
    }
    (timeline,) = _timelines(tmp_path, articles, {"dates": 1})
    # April 2 and April 5 have one mention each; April 5 was also reported the next morning.
    assert [e.date for e in timeline.entries] == ["2010-04-05"]


def test_a_sentence_repeated_by_two_pages_is_cited_once(tmp_path: Path) -> None:
    standfirst = (
        "As the death toll from the flu in Mexico rises to more than 100 people, governments "
        "around the world are on high alert."
    )
    first = (
        standfirst + "\n\nMexico City closed its schools and museums on Monday to slow the virus."
    )
    second = standfirst + "\n\nSpain confirmed the first case in Europe on Tuesday, officials said."
    articles = {
        "first": ("2009-04-27", first),
        "second": ("2009-04-28", second),
    }
    (timeline,) = _timelines(tmp_path, articles, {"dates": 2, "per_date": 2})
    texts = [s.text for e in timeline.entries for s in e.sentences]
    assert [e.date for e in timeline.entries] == ["2009-04-27", "2009-04-28"]
    assert texts.count(standfirst) == 1


def test_of_two_reports_of_the_night_the_concise_one_stands(tmp_path: Path) -> None:
    short = "Fire destroyed the oil rig off Louisiana on Tuesday night, the Coast Guard said."
    long = (
        "Fire destroyed the oil rig off Louisiana on Tuesday night, the Coast Guard said, and "
        "eleven workers were missing as rescuers searched the Gulf of Mexico for them."
    )
    articles = {
        "short": ("2010-04-20", short),
        "long": ("2010-04-20", long),
        "sank": (
            "2010-04-23",
            "The rig sank into the sea and a slick of crude spread across the water, officials "
            "said.",
        ),
        "coast": (
            "2010-04-23",
            "Crude spread across the water after the rig sank, and officials feared for the coast.",
        ),
    }
    (timeline,) = _timelines(tmp_path, articles, {"dates": 2})
    # The long report shares more of the night's words; the short one says it in one line.
    assert [s.text for s in timeline.entries[0].sentences] == [short]


def test_a_near_copy_of_a_sentence_cited_the_day_after_is_not_cited(tmp_path: Path) -> None:
    quote = (
        "\u201cIt is expected, though can not be assured, that no oil will be released to the "
        "ocean for the duration of the test,\u201d the company said."
    )
    first = quote + "\n\nThe valve was shut."
    # The same words but for "It also said:", which the ranking does not count.
    second = "It also said: " + quote + "\n\nThe pressure in the well rose through the night."
    articles = {"first": ("2010-07-12", first), "second": ("2010-07-13", second)}
    (timeline,) = _timelines(tmp_path, articles, {"dates": 2, "per_date": 1})
    assert [e.date for e in timeline.entries] == ["2010-07-12", "2010-07-13"]
    texts = [s.text for e in timeline.entries for s in e.sentences]
    # The later day cites the quote; the day before takes the overnight report instead.
    assert texts == [
        "The pressure in the well rose through the night.",
        "It also said: " + quote,
    ]


def test_a_footer_that_ends_many_pages_is_not_cited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagline = (
        "News, features, and opinions on environmental policy, the science of climate change, "
        "and tools to live a green life."
    )
    events = [
        "Fire broke out on the drilling rig and eleven workers were reported missing.",
        "The burning rig sank and a slick of crude oil spread across the water.",
        "Engineers tried and failed to close the valves of the blowout preventer.",
        "Crude oil washed ashore on the Louisiana coast as the slick grew.",
        "The company lowered a containment dome over the leak on the seabed.",
    ]
    articles = {
        f"page{i}": (f"2010-04-{20 + i}", f"{event}\n\n{tagline}") for i, event in enumerate(events)
    }
    with _ingested(tmp_path, articles) as store:
        ids = [a.id for a in store.articles()]
        cited = build_timeline(store, ids, dates=5, per_date=2)
        assert tagline not in [s.text for e in cited.entries for s in e.sentences]
        # On fewer pages than a footer stands on, the same paragraph is the pages' own text.
        monkeypatch.setattr(timeline_module, "_FOOTER_PAGES", len(events) + 1)
        cited = build_timeline(store, ids, dates=5, per_date=2)
        assert tagline in [s.text for e in cited.entries for s in e.sentences]


def test_an_agency_tag_without_its_place_is_not_cited(tmp_path: Path) -> None:
    text = (
        "(Reuters) - The World Health Organization raised its pandemic alert level on Monday "
        "as the new flu spread."
    )
    (timeline,) = _timelines(tmp_path, {"wire": ("2009-04-28", text)}, {"dates": 1})
    (sentence,) = timeline.entries[0].sentences
    assert sentence.text == text[len("(Reuters) - ") :]


def test_a_fact_two_reports_carry_stands_over_one_articles_own_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleanup = (
        "Cleanup crews worked along the Louisiana coast on Wednesday as oil washed into the "
        "marshes. Crews laid booms in the marshes along the coast to stop the oil from "
        "spreading. Oil washed into the marshes of the Louisiana coast and crews worked to clean "
        "it up. Cleanup crews along the coast said the oil in the marshes would take months to "
        "clean. Fishermen watched the crews lay booms in the marshes along the coast. The oil "
        "reached the marshes of Barataria Bay, and crews laid more booms there. Pelicans covered "
        "in oil were taken from the marshes by cleanup crews on the coast. The crews said the "
        "oil was thicker in the marshes than on the beaches of the coast."
    )
    fund = (
        "BP agreed at the White House to put 20 billion dollars into a fund for victims of the "
        "spill."
    )
    articles = {
        "cleanup": ("2010-06-16", cleanup),
        "fund": ("2010-06-16", fund),
        "agreed": (
            "2010-06-16",
            "The fund of 20 billion dollars for the victims of the spill was agreed by BP at the "
            "White House.",
        ),
    }
    with _ingested(tmp_path, articles) as store:
        ids = [a.id for a in store.articles()]
        (entry,) = build_timeline(store, ids, dates=1).entries
        # One long article's vocabulary fills the day's centroid; the fund is what two reports
        # tell.
        assert [s.text for s in entry.sentences] == [fund]
        monkeypatch.setattr(timeline_module, "_CORROBORATION", 0.0)
        (entry,) = build_timeline(store, ids, dates=1).entries
        assert entry.sentences[0].text.startswith("Oil washed into the marshes")


def test_corroboration_is_the_mean_best_cosine_over_the_other_articles() -> None:
    from types import SimpleNamespace  # noqa: PLC0415

    from dateline.timeline import _corroboration, _cos, _encode  # noqa: PLC0415

    vectors = [
        {"fund": 0.8, "victim": 0.6},
        {"crew": 0.6, "oil": 0.8},
        {"fund": 0.6, "victim": 0.8},
        {"fund": 1.0},
        {"oil": 1.0},
        {"booms": 1.0},
    ]
    owners = ["a", "a", "b", "c", "c", "b"]
    candidates: Any = [SimpleNamespace(article=SimpleNamespace(id=o)) for o in owners]
    vocabulary: dict[str, int] = {}
    encoded = [_encode(v, vocabulary) for v in vectors]
    rows = [0, 1, 3, 5]
    got = _corroboration(candidates, encoded, rows)
    expected = [
        sum(
            max(_cos(vectors[r], vectors[j]) for j in range(6) if owners[j] == other)
            for other in {"a", "b", "c"} - {owners[r]}
        )
        / 2
        for r in rows
    ]
    assert got == pytest.approx(expected, abs=1e-6)
    assert got[0] == pytest.approx((0.96 + 0.8) / 2)
