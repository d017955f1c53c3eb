"""The readers on good input: every format, gzip, stdin, discovery, detection, field aliases."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import UsageError
from dateline.ingest._readers import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    InputFile,
    discover,
    read_documents,
)
from dateline.ingest._sources import JsonFramer
from dateline.models import RawDocument, Severity

from .helpers import Item, docs, problems, read

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TIMELINE17 = SHARED / "eval" / "timeline17"
MEANTIME = SHARED / "eval" / "meantime_en" / "docs"
SEEDS = SHARED / "seeds"


def only_docs(items: list[Item]) -> list[RawDocument]:
    assert problems(items) == []
    return docs(items)


def key(doc: RawDocument) -> tuple[object, ...]:
    """Everything but the path, to compare the same content read from different files."""
    p = doc.provenance
    return (
        doc.text,
        doc.title,
        doc.published,
        doc.url,
        doc.publisher,
        doc.external_id,
        doc.byline,
        p.record,
        p.reader,
        p.encoding,
    )


ARTICLE_PARAGRAPHS = [
    "The sprawling caravan of migrants hoping to reach the United States set off again on"
    " Thursday, forming a column more than a mile long as it left the town before dawn.",
    "Many of the travellers carried children and backpacks, and some pushed strollers along"
    " the shoulder of the highway while police patrol cars followed slowly behind them.",
    "Officials in the next town said shelters had been prepared for several thousand people,"
    " with water, food and medical care waiting for those who arrived in the afternoon.",
    "The group has grown since it crossed the border last week, and organisers said more"
    " people were expected to join before the column reached the state capital.",
]


def article_html(*, meta_date: bool = True, time_tag: bool = True) -> str:
    """A small news page built by hand: navigation, an <article> with a headline, a date and
    several paragraphs, and a footer."""
    meta = '<meta property="article:published_time" content="2018-10-25T09:30:00Z">'
    time = '<time datetime="2018-10-25">Oct. 25, 2018</time>'
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Migrant caravan sets off again | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
{meta if meta_date else ""}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Migrant caravan sets off again</h1>
{time if time_tag else ""}
{paragraphs}
</article>
<footer>Copyright 2018 Example News. All rights reserved.</footer>
</body></html>
"""


SAMPLES: dict[str, bytes] = {
    "a.txt": b"Storm hits the coast\n\nThe storm made landfall on Monday.\n",
    "a.jsonl": b'{"id": 1, "title": "One", "text": "First story.", "date": "2020-01-02"}\n'
    b'{"id": 2, "title": "Two", "text": "Second story.", "date": "2020-01-03"}\n',
    "a.json": b'[{"id": "x1", "text": "First story."}, {"id": "x2", "text": "Second story."}]',
    "a.csv": b'id,title,text\n1,One,"First story, with a comma."\n2,Two,Second story.\n',
    "a.html": article_html().encode(),
}


# --- text ------------------------------------------------------------------------------------


def test_text_file_passes_through_unchanged(tmp_path: Path) -> None:
    body = "Title line\n\ndate 2020-01-02\nThe council voted on Monday , officials said .\n"
    (tmp_path / "story.txt").write_text(body, encoding="utf-8")
    (doc,) = only_docs(read(tmp_path / "story.txt"))
    assert doc.text == body
    assert doc.provenance.reader == "text"
    assert doc.provenance.record is None
    assert doc.provenance.path == str(tmp_path / "story.txt")
    assert doc.title is None and doc.published is None


def test_text_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "bom.text").write_bytes(b"\xef\xbb\xbfHello there.\n")
    (doc,) = only_docs(read(tmp_path / "bom.text"))
    assert doc.text == "Hello there.\n"
    assert doc.provenance.encoding == "utf-8"


# --- jsonl -----------------------------------------------------------------------------------


def test_jsonl_records_carry_line_numbers_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "132", "time": "2009-05-12", "text": "Swine flu spreads."}),
        "",
        "   ",
        json.dumps(
            {"doc_id": 7, "dct": "2013-01-01", "title": "T", "uri": "http://x/7", "text": "S."}
        ),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    first, second = only_docs(read(path))
    assert (first.provenance.record, first.external_id, first.published) == (1, "132", "2009-05-12")
    assert first.text == "Swine flu spreads."
    assert (second.provenance.record, second.external_id) == (4, "7")
    assert (second.published, second.title, second.url) == ("2013-01-01", "T", "http://x/7")
    assert second.provenance.reader == "jsonl"


@pytest.mark.parametrize("ext", [".jsonl", ".ndjson", ".jsonlines"])
def test_jsonl_extensions(tmp_path: Path, ext: str) -> None:
    (tmp_path / f"x{ext}").write_text('{"text": "a"}\n', encoding="utf-8")
    (doc,) = only_docs(read(tmp_path / f"x{ext}"))
    assert doc.provenance.reader == "jsonl"


@pytest.mark.parametrize(
    ("field", "aliases"),
    [
        ("external_id", ["id", "doc_id", "article_id", "uuid"]),
        ("title", ["title", "headline"]),
        ("text", ["text", "body", "content", "article", "maintext", "story"]),
        (
            "published",
            [
                "date",
                "time",
                "published",
                "date_publish",
                "publish_date",
                "published_at",
                "pubdate",
                "dct",
                "datetime",
                "timestamp",
                "date_published",
            ],
        ),
        ("url", ["url", "uri", "link"]),
        ("publisher", ["source", "publisher", "source_domain", "outlet", "site", "sitename"]),
        ("byline", ["byline", "author", "authors"]),
    ],
)
def test_field_aliases_case_insensitive(tmp_path: Path, field: str, aliases: list[str]) -> None:
    records = []
    for i, alias in enumerate(aliases):
        record = {"text": "Body."} if field != "text" else {}
        record[alias.upper() if i % 2 else alias] = f"value {alias}"
        records.append(json.dumps(record))
    path = tmp_path / "aliases.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    found = only_docs(read(path))
    assert [getattr(d, field) for d in found] == [f"value {a}" for a in aliases]


def test_field_values_are_converted(tmp_path: Path) -> None:
    record = {
        "text": "Body.",
        "timestamp": 1541030400,
        "authors": ["Jane Doe", "", "John Roe"],
        "source": {"id": None, "name": "BBC News"},
        "title": None,
        "id": 42,
        "url": "  ",
    }
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = only_docs(read(path))
    assert doc.published == "1541030400"
    assert doc.byline == "Jane Doe, John Roe"
    assert doc.publisher == "BBC News"
    assert doc.external_id == "42"
    assert doc.title is None and doc.url is None


def test_first_non_empty_alias_wins(tmp_path: Path) -> None:
    record = {"text": "", "maintext": "The main text.", "date_publish": None, "date": "2020-05-01"}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = only_docs(read(path))
    assert (doc.text, doc.published) == ("The main text.", "2020-05-01")


def test_paragraph_list_body_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"body": ["First.", "Second."]}) + "\n", encoding="utf-8")
    (doc,) = only_docs(read(path))
    assert doc.text == "First.\n\nSecond."


# --- json ------------------------------------------------------------------------------------


def test_json_single_object_news_please(tmp_path: Path) -> None:
    record = {
        "authors": ["Ann Smith"],
        "date_publish": None,
        "description": "",
        "filename": "100911_x.xml",
        "source_domain": "wikinews.org",
        "text": "Northrop Grumman and Airbus parent EADS defeat Boeing.",
        "title": "EADS defeats Boeing",
        "url": None,
    }
    path = tmp_path / "100911_x.json"
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    (doc,) = only_docs(read(path))
    assert doc.provenance.record is None
    assert doc.provenance.reader == "json"
    assert (doc.title, doc.publisher, doc.byline, doc.published) == (
        "EADS defeats Boeing",
        "wikinews.org",
        "Ann Smith",
        None,
    )


def test_json_array_elements_are_numbered_from_one(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    records = [{"id": i, "text": f"Story {i}."} for i in range(1, 6)]
    path.write_text(json.dumps(records, indent=1), encoding="utf-8")
    found = only_docs(read(path))
    assert [d.provenance.record for d in found] == [1, 2, 3, 4, 5]
    assert [d.text for d in found] == [f"Story {i}." for i in range(1, 6)]


def test_json_lines_saved_as_json_are_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    found = only_docs(read(path))
    assert [(d.text, d.provenance.record, d.provenance.reader) for d in found] == [
        ("a", 1, "jsonl"),
        ("b", 3, "jsonl"),
    ]


def test_concatenated_pretty_json_objects_are_numbered_by_start_line(tmp_path: Path) -> None:
    path = tmp_path / "pretty.json"
    path.write_text('{\n  "text": "a"\n}\n{\n  "text": "b"\n}\n', encoding="utf-8")
    found = only_docs(read(path))
    assert [(d.text, d.provenance.record) for d in found] == [("a", 1), ("b", 4)]


def test_json_array_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    # ~6 MB of array read with a 64 KB record cap: memory must stay near the cap, not the file
    path = tmp_path / "big.json"
    body = "word " * 1000
    with path.open("w", encoding="utf-8") as sink:
        sink.write("[\n")
        for i in range(1200):
            sink.write(("," if i else "") + json.dumps({"id": i, "text": body}) + "\n")
        sink.write("]\n")
    assert path.stat().st_size > 5_000_000
    files, _ = discover([path])
    tracemalloc.start()
    try:
        count = sum(
            1 for item in read_documents(files, max_bytes=65536) if isinstance(item, RawDocument)
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 1200
    assert peak < 1_500_000


_TEXTS = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_RECORDS = st.lists(
    st.fixed_dictionaries(
        {"text": _TEXTS},
        optional={"n": st.integers(), "tags": st.lists(_TEXTS, max_size=3), "x": st.none()},
    ),
    max_size=6,
)


@given(
    records=_RECORDS,
    chunk=st.integers(1, 9),
    indent=st.sampled_from([None, 0, 2]),
    as_array=st.booleans(),
)
def test_json_framer_splits_values_across_any_chunk_boundaries(
    records: list[dict[str, object]], chunk: int, indent: int | None, as_array: bool
) -> None:
    dumps = [json.dumps(r, indent=indent, ensure_ascii=False) for r in records]
    array = json.dumps(records, indent=indent, ensure_ascii=False)
    data = array if as_array else "\n".join(dumps)
    framer = JsonFramer(io.BufferedReader(io.BytesIO(data.encode())), 10**6, chunk=chunk)
    values = list(framer.values())
    assert all(v.error is None for v in values)
    assert [json.loads(v.text or "") for v in values] == records
    if as_array:
        assert [v.record for v in values] == list(range(1, len(records) + 1))
    else:
        starts = [1 + sum(d.count("\n") + 1 for d in dumps[:i]) for i in range(len(dumps))]
        assert [v.record for v in values] == starts


@given(records=_RECORDS, chunk=st.integers(1, 9), limit=st.integers(1, 80))
def test_json_framer_skips_values_over_the_limit(
    records: list[dict[str, object]], chunk: int, limit: int
) -> None:
    data = json.dumps(records, ensure_ascii=False).encode()
    framer = JsonFramer(io.BufferedReader(io.BytesIO(data)), limit, chunk=chunk)
    values = list(framer.values())
    assert len(values) == len(records)
    for value, record in zip(values, records, strict=True):
        text = json.dumps(record, ensure_ascii=False)
        if len(text) > limit:
            assert (value.text, value.size) == (None, len(text.encode()))
        else:
            assert value.text is not None
            assert json.loads(value.text) == record


# --- csv -------------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    d = delimiter
    content = f'ID{d}Headline{d}Body{d}Date\n1{d}One{d}"Multi\nline{d} body"{d}2020-01-02\n'
    content += f"2{d}Two{d}Plain body{d}\n"
    path = tmp_path / "a.csv"
    path.write_text(content, encoding="utf-8")
    first, second = only_docs(read(path))
    assert (first.external_id, first.title, first.text, first.published) == (
        "1",
        "One",
        f"Multi\nline{d} body",
        "2020-01-02",
    )
    assert first.provenance.record == 2
    assert second.provenance.record == 4  # the quoted field spans lines 2-3
    assert second.published is None
    assert second.provenance.reader == "csv"


def test_tsv_uses_tabs(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("title\ttext\nA, B\tBody; with | marks\n", encoding="utf-8")
    (doc,) = only_docs(read(path))
    assert (doc.title, doc.text) == ("A, B", "Body; with | marks")


def test_csv_blank_lines_and_short_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("\ntext,title,url\n\nbody one\n,,\nbody two,T\n", encoding="utf-8")
    found = only_docs(read(path))
    assert [(d.text, d.title, d.provenance.record) for d in found] == [
        ("body one", None, 4),
        ("body two", "T", 6),
    ]


# --- html ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta_date", "time_tag"),
    [(True, True), (True, False), (False, True)],
    ids=["both", "meta-only", "time-only"],
)
def test_html_article_text_title_and_date(tmp_path: Path, meta_date: bool, time_tag: bool) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html(meta_date=meta_date, time_tag=time_tag), encoding="utf-8")
    (doc,) = only_docs(read(path))
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text
    assert "Copyright" not in doc.text
    assert "Sport" not in doc.text
    assert doc.title == "Migrant caravan sets off again"
    assert doc.published == "2018-10-25"
    assert doc.publisher == "Example News"
    assert doc.byline == "Jane Doe"
    assert doc.provenance.reader == "html"


def test_html_declared_charset_is_used_without_warning(tmp_path: Path) -> None:
    page = article_html().replace('charset="utf-8"', 'charset="windows-1251"')
    page = page.replace("Migrant caravan", "Караван мигрантов")
    path = tmp_path / "ru.htm"
    path.write_bytes(page.encode("cp1251"))
    (doc,) = only_docs(read(path))
    assert doc.title == "Караван мигрантов sets off again"
    assert doc.provenance.encoding == "cp1251"


# --- gzip, stdin, detection ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_gzip_of_each_format_reads_like_the_plain_file(tmp_path: Path, name: str) -> None:
    plain = tmp_path / name
    plain.write_bytes(SAMPLES[name])
    packed = tmp_path / f"{name}.gz"
    packed.write_bytes(gzip.compress(SAMPLES[name]))
    expected = [key(d) for d in only_docs(read(plain))]
    assert expected
    got = only_docs(read(packed))
    assert [key(d) for d in got] == expected
    assert {d.provenance.path for d in got} == {str(packed)}


def test_gzip_is_detected_by_magic_bytes_not_name(tmp_path: Path) -> None:
    path = tmp_path / "really-compressed.jsonl"
    path.write_bytes(gzip.compress(SAMPLES["a.jsonl"]))
    assert len(only_docs(read(path))) == 2
    plain_named_gz = tmp_path / "not-compressed.jsonl.gz"
    plain_named_gz.write_bytes(SAMPLES["a.jsonl"])
    assert len(only_docs(read(plain_named_gz))) == 2


def test_gzip_without_inner_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "dump.gz"
    path.write_bytes(gzip.compress(SAMPLES["a.csv"]))
    found = only_docs(read(path))
    assert [d.provenance.reader for d in found] == ["csv", "csv"]


@pytest.mark.parametrize(
    ("name", "reader"),
    [("a.jsonl", "jsonl"), ("a.json", "json"), ("a.csv", "csv"), ("a.html", "html")],
)
def test_stdin_format_is_sniffed(name: str, reader: str) -> None:
    items = list(read_documents([InputFile("-", None)], stdin=io.BytesIO(SAMPLES[name])))
    found = only_docs(items)
    assert found
    assert {(d.provenance.path, d.provenance.reader) for d in found} == {("-", reader)}


def test_stdin_gzip_and_forced_text() -> None:
    stdin = io.BytesIO(gzip.compress(b"Plain prose from a pipe.\n"))
    (doc,) = only_docs(list(read_documents([InputFile("-", None)], fmt="text", stdin=stdin)))
    assert doc.text == "Plain prose from a pipe.\n"
    assert doc.provenance.path == "-"


@pytest.mark.parametrize(
    ("content", "reader"),
    [
        (b'  {"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{"text": "a"}', "json"),
        (b'{\n"text": "a"\n}\n', "json"),
        (b'[{"text": "a"}]', "json"),
        (b"\xef\xbb\xbf" + SAMPLES["a.html"], "html"),
        (b'"Title";"Body"\n"T";"Some text"\n', "csv"),
    ],
)
def test_content_sniffing_without_extension(tmp_path: Path, content: bytes, reader: str) -> None:
    path = tmp_path / "noext"
    path.write_bytes(content)
    found = only_docs(read(path))
    assert found
    assert {d.provenance.reader for d in found} == {reader}


def test_fmt_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# A note\n\nSome prose.\n", encoding="utf-8")
    assert [p.code for p in problems(read(path))] == ["E007"]
    (doc,) = only_docs(read(path, fmt="text"))
    assert doc.text.startswith("# A note")
    json_as_text = tmp_path / "x.json"
    json_as_text.write_text('{"text": "a"}', encoding="utf-8")
    (doc,) = only_docs(read(json_as_text, fmt="text"))
    assert doc.text == '{"text": "a"}'


def test_unknown_fmt_and_bad_max_bytes_raise_usage_errors() -> None:
    with pytest.raises(UsageError) as err:
        read_documents([], fmt="xml")
    assert err.value.code == "E201"
    assert "text, jsonl, json, csv, html" in str(err.value)
    with pytest.raises(UsageError) as err:
        read_documents([], max_bytes=0)
    assert err.value.code == "E202"
    assert FORMATS == ("text", "jsonl", "json", "csv", "html")
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024


# --- discovery and progress ------------------------------------------------------------------


def test_discover_recurses_in_name_order_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for rel in [
        "b.txt",
        "a/2.txt",
        "a/1.jsonl",
        "a/sub/z.csv",
        ".hidden.txt",
        ".git/x.txt",
        "c/.d/y.txt",
        "c/.e.txt",
        "z.md",
    ]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x\n", encoding="utf-8")
    (root / "a" / "loop").symlink_to(root)  # a cycle must not recurse forever
    files, found_problems = discover([root, "-", tmp_path / "missing.txt", root / ".hidden.txt"])
    assert [f.path for f in files] == [
        str(root / "a/1.jsonl"),
        str(root / "a/2.txt"),
        str(root / "a/sub/z.csv"),
        str(root / "b.txt"),
        str(root / "z.md"),
        "-",
        str(root / ".hidden.txt"),  # named explicitly
    ]
    assert files[0].size == 2
    assert files[5].size is None
    assert [(p.code, p.path) for p in found_problems] == [("E001", str(tmp_path / "missing.txt"))]


def test_on_bytes_adds_up_to_the_file_sizes(tmp_path: Path) -> None:
    for name, data in SAMPLES.items():
        (tmp_path / name).write_bytes(data)
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress(data))
    (tmp_path / "big.jsonl").write_bytes(SAMPLES["a.jsonl"] * 5000)  # many buffer refills
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 100_000)  # stops after the sniff
    (tmp_path / "huge.txt").write_bytes(b"y" * 50_000)  # refused unread (E006)
    (tmp_path / "gone.txt").write_bytes(b"z" * 1234)
    files, _ = discover([tmp_path])
    (tmp_path / "gone.txt").unlink()  # vanishes between discovery and reading
    steps: list[int] = []
    items = list(read_documents(files, max_bytes=20_000, on_bytes=steps.append))
    assert {p.code for p in problems(items)} == {"E001", "E002", "E006"}
    assert all(step > 0 for step in steps)
    assert sum(steps) == sum(f.size or 0 for f in files)


def test_on_bytes_reports_each_file_before_the_next_starts(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(SAMPLES["a.jsonl"] * 100)
    (tmp_path / "b.jsonl").write_bytes(SAMPLES["a.jsonl"])
    files, _ = discover([tmp_path])
    done = 0
    seen_at_b: list[int] = []

    def count(n: int) -> None:
        nonlocal done
        done += n

    for item in read_documents(files, on_bytes=count):
        if isinstance(item, RawDocument) and item.provenance.path.endswith("b.jsonl"):
            seen_at_b.append(done)
    assert seen_at_b[0] >= (files[0].size or 0)


def test_documents_and_problems_keep_input_order(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("one\n", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.jsonl").write_text('{"text": "three"}\nnot json\n{"text": "four"}\n')
    items = read(tmp_path)
    assert [getattr(i, "text", None) or getattr(i, "code", None) for i in items] == [
        "one\n",
        "E003",
        "three",
        "E004",
        "four",
    ]


# --- the shared datasets ---------------------------------------------------------------------


def _empty_texts(path: Path) -> set[int]:
    """Line numbers of JSON Lines records whose text is empty (checked independently)."""
    with path.open(encoding="utf-8") as lines:
        return {n for n, line in enumerate(lines, 1) if not json.loads(line)["text"].strip()}


@pytest.mark.shared
@pytest.mark.skipif(not TIMELINE17.is_dir(), reason=f"Timeline17 is not in {TIMELINE17}")
def test_all_timeline17_articles() -> None:
    paths = sorted(TIMELINE17.glob("*/articles.jsonl"))
    files, missing = discover(paths)
    assert missing == []
    items = list(read_documents(files))
    found = docs(items)
    # the corpus has 2,304 records; 18 of them carry an empty "text": a W003 warning each
    assert len(found) + len(problems(items)) == 2304
    expected = {(str(p), n) for p in paths for n in _empty_texts(p)}
    assert {(p.path, p.record) for p in problems(items)} == expected
    assert {(p.code, p.severity) for p in problems(items)} == {("W003", Severity.WARNING)}
    assert len(found) == 2304 - len(expected)
    assert all(d.published and len(d.published) == 10 for d in found)
    assert all(d.external_id and d.provenance.reader == "jsonl" for d in found)


@pytest.mark.shared
@pytest.mark.skipif(not MEANTIME.is_dir(), reason=f"MEANTIME is not in {MEANTIME}")
def test_all_meantime_documents() -> None:
    files, missing = discover([MEANTIME])
    assert missing == []
    assert len(files) == 120
    items = list(read_documents(files))
    empty = set()
    for file in files:
        record = json.loads(Path(file.path).read_text(encoding="utf-8"))
        if not record["text"].strip():
            empty.add(file.path)
    # the only problems are the documents whose "text" is empty in the corpus itself
    assert {(p.path, p.code) for p in problems(items)} == {(path, "W003") for path in empty}
    found = docs(items)
    assert len(found) == 120 - len(empty)
    assert all(d.title and d.provenance.reader == "json" and d.published is None for d in found)


@pytest.mark.shared
@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed articles are not in {SEEDS}")
def test_seed_articles() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths
    found = only_docs(read(*paths))
    assert len(found) == len(paths)
    for path, doc in zip(paths, found, strict=True):
        assert doc.text == path.read_text(encoding="utf-8")
        assert doc.provenance.reader == "text"
