"""The stories commands end to end on the seeds and the sample corpus (real SQLite)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import SAMPLE
from .test_cli import run

pytestmark = pytest.mark.slow  # ingest annotates and embeds


def test_seeds_stories_threads_and_related(seeds_db: Path) -> None:
    db = str(seeds_db)
    code, out, _ = run("stories", "--db", db, "--json")
    assert code == 0
    stories = json.loads(out)
    assert len(stories) == 2
    assert {s["first"] for s in stories} == {"2018-10-25", "2025-05-16"}
    assert len({s["thread_id"] for s in stories}) == 1
    assert set(stories[0]) == {
        "id", "thread_id", "title", "first", "last", "size", "entities", "merged_into",
    }  # fmt: skip

    code, out, _ = run("threads", "--db", db, "--json")
    (thread,) = json.loads(out)
    assert (thread["stories"], thread["size"]) == (2, 2)
    assert (thread["first"], thread["last"]) == ("2018-10-25", "2025-05-16")

    code, out, _ = run("thread", thread["id"][:5], "--db", db, "--json")
    assert [s["first"] for s in json.loads(out)["stories"]] == ["2018-10-25", "2025-05-16"]

    new = next(s for s in stories if s["first"] == "2025-05-16")
    old = next(s for s in stories if s["first"] == "2018-10-25")
    code, out, _ = run("story", new["id"], "--db", db, "--json")
    (member,) = json.loads(out)["articles"]
    assert member["how"] == "founded" and member["published"] == "2025-05-16"

    code, out, _ = run("related", member["article_id"][:8], "--db", db, "--json")
    assert code == 0
    related = json.loads(out)
    assert related["story"]["id"] == new["id"]
    assert [s["id"] for s in related["earlier"]] == [old["id"]]

    for args, shown in (
        (("stories",), old["id"]),
        (("threads",), thread["id"]),
        (("story", old["id"]), old["id"]),
        (("related", member["article_id"]), old["id"]),
    ):
        code, out, _ = run(*args, "--db", db)
        assert code == 0
        assert shown in out


def test_unknown_ids_are_clear_errors(seeds_db: Path) -> None:
    code, _, err = run("story", "snope", "--db", str(seeds_db))
    assert code == 2 and "E105" in err
    code, _, err = run("thread", "tnope", "--db", str(seeds_db))
    assert code == 2 and "E106" in err
    code, _, err = run("related", "ffffffff", "--db", str(seeds_db))
    assert code == 2 and "E103" in err


def test_merge_split_update_and_rebuild_commands(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((SAMPLE / "1MEANTIME").glob("*.json"))[:8]:
        shutil.copy(path, folder / path.name)
    db = str(tmp_path / "s.db")
    code, out, err = run("ingest", str(folder), "--db", db, "--no-stories")
    assert code == 0, err
    code, out, _ = run("stories", "--db", db, "--json")
    assert json.loads(out) == []
    code, out, _ = run("stories", "update", "--db", db)
    assert code == 0 and "8 article(s) assigned" in out.replace("\n", " ")
    code, out, _ = run("stories", "--db", db, "--json", "--limit", "3")
    a, b, c = (s["id"] for s in json.loads(out))
    code, out, _ = run("stories", "merge", a, b, "--db", db, "--json")
    assert code == 0 and json.loads(out)["id"] == a
    code, out, _ = run("stories", "merge", a, c, "--db", db, "--json")
    merged = json.loads(out)
    code, out, _ = run("story", a, "--db", db, "--json")
    ids = [m["article_id"] for m in json.loads(out)["articles"]]
    assert len(ids) == merged["size"] >= 3
    code, out, _ = run("stories", "split", a, "--articles", f"{ids[0]},{ids[1][:8]}", "--db", db,
                       "--json")  # fmt: skip
    assert code == 0
    created = json.loads(out)
    assert created["size"] == 2 and created["thread_id"] == merged["thread_id"]
    code, out, err = run("stories", "split", a, "--articles", ids[0], "--db", db)
    assert code == 2 and "E208" in err
    code, out, _ = run("stories", "rebuild", "--db", db)
    assert code == 0 and "rebuilt: 8 articles" in out
    code, out, err = run("stories", "update", "--db", db, "--embedder", "hashing")
    assert code == 2 and "E107" in err
    code, out, err = run("stories", "update", "--db", db, "--embedder", "nope")
    assert code == 2 and "E205" in err


def test_eval_clusters_needs_a_known_layout(tmp_path: Path) -> None:
    code, _, err = run("eval", "clusters", "--data", str(tmp_path / "missing"))
    assert code == 2 and "E204" in err
    code, _, err = run("eval", "clusters", "--data", str(tmp_path))
    assert code == 2 and "E212" in err
