# ruff: noqa: RUF001 - typographic quotes are part of what the CLI must get right
"""The CLI end to end: real files, a real SQLite database, Typer's runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

from .conftest import SAMPLE, SEEDS

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _show(db: Path, prefix: str) -> dict[str, object]:
    code, out, _ = run("show", prefix, "--db", str(db), "--json")
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_ingest_seeds_then_again_changes_nothing(seeds_db: Path) -> None:
    code, out, _ = run("articles", "--db", str(seeds_db), "--json")
    assert code == 0
    listed = json.loads(out)
    assert [a["published"] for a in listed] == ["2018-10-25", "2025-05-16"]
    assert all(a["dateline"] == {"place": "WASHINGTON", "agency": "AP"} for a in listed)

    code, out, _ = run("ingest", str(SEEDS), "--db", str(seeds_db), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["read"], report["stored"], report["unchanged"]) == (2, 0, 2)
    code, out, _ = run("articles", "--db", str(seeds_db), "--json")
    assert json.loads(out) == listed


def test_show_json_has_the_documented_fields(seeds_db: Path) -> None:
    _, out, _ = run("articles", "--db", str(seeds_db), "--json")
    first = json.loads(out)[0]["id"]
    record = _show(seeds_db, first[:6])
    for key in ("id", "title", "published", "dateline", "byline", "text", "raw_text", "source"):
        assert key in record
    assert record["duplicate_of"] is None
    assert record["published"] == "2018-10-25"
    text = str(record["text"])
    assert " , " not in text and " ’ s" not in text
    dl = record["dateline"]
    assert isinstance(dl, dict)
    assert text[dl["start"] : dl["end"]].startswith("WASHINGTON")
    assert str(record["raw_text"]).count("( AP Photo/Rodrigo Abd )") == 2


def test_show_renders_for_a_terminal(seeds_db: Path) -> None:
    _, out, _ = run("articles", "--db", str(seeds_db), "--json")
    second = json.loads(out)[1]["id"]
    code, out, _ = run("show", second, "--db", str(seeds_db))
    assert code == 0
    assert "Department of Homeland Security" in out
    assert "2025-05-16" in out


def test_show_unknown_id_is_a_clear_error(seeds_db: Path) -> None:
    code, _, err = run("show", "nope", "--db", str(seeds_db))
    assert code == 2
    assert "E103" in err


def test_bad_files_fail_one_line_each_and_the_rest_is_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / "000_d99e0ac5021ccd8d.txt", inputs / "good.txt")
    (inputs / "empty.txt").write_text("")
    (inputs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (inputs / "feed.jsonl").write_text(
        '{"text": "Officials said on Monday that the bridge will reopen in May."}\n'
        "{broken\n"
        '{"title": "no text here"}\n'
    )
    db = tmp_path / "x.db"
    code, out, err = run("ingest", str(inputs), "--db", str(db), "--json", "--no-annotate")
    assert code == 1
    report = json.loads(out)
    assert report["stored"] == 2
    codes = sorted((p["code"], Path(p["path"]).name, p["record"]) for p in report["problems"])
    assert codes == [
        ("E002", "image.png", None),
        ("E003", "empty.txt", None),
        ("E004", "feed.jsonl", 2),
        ("E008", "feed.jsonl", 3),
    ]
    assert err.count("\n") >= 4  # one line per problem on stderr


def test_missing_path_and_bad_options(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    code, _, err = run("ingest", str(tmp_path / "nothing-here"), "--db", db, "--no-annotate")
    assert code == 1
    assert "E001" in err
    code, _, err = run("ingest", str(SEEDS), "--db", db, "--format", "pdf")
    assert code == 2
    assert "E201" in err
    code, _, _ = run("articles", "--db", db, "--since", "yesterday")
    assert code == 2


def test_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("DATELINE_DB", str(db))
    code, _, _ = run("ingest", str(SEEDS), "--quiet", "--no-annotate")
    assert code == 0
    assert db.exists()


@pytest.mark.slow
def test_sample_corpus_ingests_cleanly_with_dates_from_the_text(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out, err = run("ingest", str(SAMPLE), "--db", str(db), "--json", "--no-annotate")
    assert code == 0, err
    report = json.loads(out)
    assert report["read"] == 120 and report["failed"] == 0
    _, out, _ = run("articles", "--db", str(db), "--json")
    listed = json.loads(out)
    assert len(listed) == 120
    assert {a["date_rule"] for a in listed} == {"topline"}
    assert all(a["title"] for a in listed)


@pytest.mark.slow
def test_show_json_annotations_point_into_the_text(seeds_db: Path) -> None:
    _, out, _ = run("articles", "--db", str(seeds_db), "--json")
    for listed in json.loads(out):
        record = _show(seeds_db, listed["id"])
        text = str(record["text"])
        for kind in ("entities", "quotes", "figures", "times"):
            items = record[kind]
            assert isinstance(items, list)
            for item in items:
                assert text[item["start"] : item["end"]] == item["text"], (kind, item)
        assert record["entities"], "the seeds mention people and places"
        assert record["sentences"]


@pytest.mark.slow
def test_corpus_listings(seeds_db: Path) -> None:
    code, out, _ = run("entities", "--db", str(seeds_db), "--json", "--label", "PERSON")
    assert code == 0
    names = {e["name"]: e for e in json.loads(out)}
    assert names["Donald Trump"]["articles"] == 2
    code, out, _ = run("figures", "--db", str(seeds_db), "--json", "--subject", "troops")
    assert code == 0
    assert all("troops" in f["subject"] for f in json.loads(out))
    code, out, _ = run("quotes", "--db", str(seeds_db), "--json", "--since", "2025-01-01")
    assert code == 0
    assert all(q["published"] >= "2025-01-01" for q in json.loads(out))
    for command in ("entities", "figures", "quotes"):
        code, out, _ = run(command, "--db", str(seeds_db))
        assert code == 0, command


@pytest.mark.slow
def test_annotate_command_fills_what_ingest_skipped(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    assert run("ingest", str(SEEDS), "--db", db, "--no-annotate")[0] == 0
    code, out, _ = run("annotate", "--db", db)
    assert code == 0 and "annotated 2 article(s)" in out
    code, out, _ = run("annotate", "--db", db)
    assert "annotated 0 article(s)" in out


def test_eval_without_the_dataset_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("eval", "timex", "--data", str(tmp_path / "missing"))
    assert code == 2
    assert "E204" in err and "--data" in err
