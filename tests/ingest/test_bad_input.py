"""Bad input: each case is one numbered problem naming the file (and record), and the rest of
the batch still comes through."""

from __future__ import annotations

import gzip
import io
import json
import os
import socket
import threading
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest._readers import FORMATS, InputFile, discover, read_documents
from dateline.models import IngestProblem, RawDocument, Severity

from .helpers import Item, docs, problems, read

GOOD = b'{"id": "good", "text": "A good article."}\n'


def where(items: Iterable[Item]) -> list[tuple[str, str, int | None]]:
    """(code, file name, record) of each problem."""
    return [(p.code, Path(p.path).name, p.record) for p in problems(items)]


def with_good_file(tmp_path: Path) -> Path:
    """A good file read after the bad one, to show the batch goes on."""
    path = tmp_path / "zz_good.jsonl"
    path.write_bytes(GOOD)
    return path


def assert_good_survived(items: list[Item]) -> None:
    assert "A good article." in [d.text for d in docs(items)]


# --- binary ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "detail"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        ("bundle.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive"),
        ("story.txt", b"Looks like text\x00\x00 but is not", "NUL bytes"),
        ("story.jsonl", '{"text": "wide"}\n'.encode("utf-16"), "UTF-16"),
        ("story.txt.gz", gzip.compress(b"%PDF-1.4\nstuff"), "PDF document, gzip-compressed"),
        ("story.json.gz", gzip.compress(gzip.compress(b"{}")), "gzip data, gzip-compressed"),
    ],
)
def test_binary_file_is_e002(tmp_path: Path, name: str, content: bytes, detail: str) -> None:
    with_good_file(tmp_path)
    (tmp_path / name).write_bytes(content)
    items = read(tmp_path)
    assert where(items) == [("E002", name, None)]
    assert detail in problems(items)[0].message
    assert_good_survived(items)


# --- encodings -------------------------------------------------------------------------------


def test_invalid_utf8_text_falls_back_to_cp1252_with_a_warning(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    (tmp_path / "a.txt").write_bytes("Caf\u00e9 \u201cquoted\u201d \u20ac5\n".encode("cp1252"))
    items = read(tmp_path)
    (warning,) = problems(items)
    assert (warning.code, warning.severity, warning.record) == ("W001", Severity.WARNING, None)
    assert "cp1252" in warning.message
    doc = docs(items)[0]
    assert doc.text == "Caf\u00e9 \u201cquoted\u201d \u20ac5\n"
    assert doc.provenance.encoding == "cp1252"
    assert_good_survived(items)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"odd \x81 byte\n")
    items = read(tmp_path / "a.txt")
    assert where(items) == [("W001", "a.txt", None)]
    assert docs(items)[0].text == "odd \x81 byte\n"
    assert docs(items)[0].provenance.encoding == "latin-1"


def test_jsonl_decodes_each_line_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        '{"text": "na\u00efve"}\n'.encode()
        + '{"text": "caf\u00e9"}\n'.encode("cp1252")
        + '{"text": "\u00fcber"}\n'.encode()
    )
    items = read(path)
    assert where(items) == [("W001", "a.jsonl", 2)]
    assert [(d.text, d.provenance.encoding) for d in docs(items)] == [
        ("na\u00efve", "utf-8"),
        ("caf\u00e9", "cp1252"),
        ("\u00fcber", "utf-8"),
    ]


def test_csv_decodes_each_line_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"title,text\n" + "A,caf\u00e9\n".encode("cp1252") + "B,\u00fcber\n".encode())
    items = read(path)
    assert where(items) == [("W001", "a.csv", 2)]
    assert [(d.text, d.provenance.encoding) for d in docs(items)] == [
        ("caf\u00e9", "cp1252"),
        ("\u00fcber", "utf-8"),
    ]


def test_json_array_repairs_the_element_with_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'[{"text": "ok \xc3\xa9"}, {"text": "caf\xe9", "title": "plain"}]')
    items = read(path)
    assert where(items) == [("W001", "a.json", 2)]
    assert [(d.text, d.title, d.provenance.encoding) for d in docs(items)] == [
        ("ok \u00e9", None, "utf-8"),
        ("caf\u00e9", "plain", "cp1252"),
    ]


def test_lone_surrogate_escape_becomes_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "broken \\ud83d emoji", "title": "fine \\ud83d\\ude00"}\n')
    (doc,) = docs(read(path))
    assert doc.text == "broken \ufffd emoji"
    assert doc.title == "fine \U0001f600"
    doc.text.encode("utf-8")  # storable


# --- empty -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", b""),
        ("a.txt", b"  \n\t\r\n "),
        ("a.txt", b" " * 20_000),  # whitespace beyond the 8 KB sniff
        ("a.jsonl", b"\n\n  \n"),
        ("a.json", b"[]"),
        ("a.json", b"\xef\xbb\xbf"),
        ("a.csv", b""),
        ("a.html", b"\n"),
        ("a.txt.gz", gzip.compress(b"")),
        ("noext", b""),
    ],
)
def test_empty_file_is_e003(tmp_path: Path, name: str, content: bytes) -> None:
    with_good_file(tmp_path)
    (tmp_path / name).write_bytes(content)
    items = read(tmp_path)
    assert where(items) == [("E003", name, None)]
    assert_good_survived(items)


# --- html ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "<html><body></body></html>",
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_html_without_article_is_e005(tmp_path: Path, page: str) -> None:
    with_good_file(tmp_path)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    items = read(tmp_path)
    assert where(items) == [("E005", "page.html", None)]
    assert_good_survived(items)


# --- too large -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("big.txt", b"word " * 400),
        ("big.html", b"<html><body><p>" + b"word " * 400 + b"</p></body></html>"),
        ("big.json", json.dumps({"text": "word " * 400}).encode()),
        ("big.txt.gz", gzip.compress(b"word " * 400)),
    ],
)
def test_single_document_over_max_bytes_is_e006(tmp_path: Path, name: str, content: bytes) -> None:
    with_good_file(tmp_path)
    (tmp_path / name).write_bytes(content)
    items = read(tmp_path, max_bytes=1000)
    assert where(items) == [("E006", name, None)]
    raw_size = len(gzip.decompress(content)) if name.endswith(".gz") else len(content)
    assert f"({raw_size} > 1000 bytes)" in problems(items)[0].message
    assert_good_survived(items)


def test_oversized_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as sink:
        for _ in range(400):
            sink.write(b"word " * 10_000)  # 20 MB of text
    files, _ = discover([path])
    tracemalloc.start()
    try:
        items = list(read_documents(files, max_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert where(items) == [("E006", "huge.txt", None)]
    assert f"({20_000_000} > 1000000 bytes)" in problems(items)[0].message
    assert peak < 500_000  # the 8 KB sniff, not the file


def test_oversized_stdin_is_e006_with_its_size() -> None:
    stdin = io.BytesIO(b"x" * 5000)
    items = list(read_documents([InputFile("-", None)], fmt="text", stdin=stdin, max_bytes=100))
    assert where(items) == [("E006", "-", None)]
    assert "(5000 > 100 bytes)" in problems(items)[0].message


def test_jsonl_line_over_max_bytes_is_e009_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    long_line = json.dumps({"text": "x" * 5000}).encode()
    path.write_bytes(GOOD + long_line + b"\n" + GOOD + long_line)  # last one without newline
    items = read(path, max_bytes=1000)
    assert where(items) == [("E009", "a.jsonl", 2), ("E009", "a.jsonl", 4)]
    assert f"({len(long_line)} > 1000 bytes)" in problems(items)[0].message
    assert [d.provenance.record for d in docs(items)] == [1, 3]


def test_giant_jsonl_line_never_sits_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    with path.open("wb") as sink:
        sink.write(b'{"text": "')
        for _ in range(200):
            sink.write(b"y" * 50_000)  # one 10 MB line
        sink.write(b'"}\n' + GOOD)
    files, _ = discover([path])
    tracemalloc.start()
    try:
        items = list(read_documents(files, max_bytes=10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert where(items) == [("E009", "a.jsonl", 1)]
    assert len(docs(items)) == 1
    assert peak < 1_000_000


def test_csv_row_over_max_bytes_is_e009(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    long_field = "z" * 3000
    path.write_text(
        f'title,text\nA,short\nB,{long_field}\nC,"multi\n{long_field}\nline"\nD,after\n',
        encoding="utf-8",
    )
    items = read(path, max_bytes=1000)
    assert [(c, r) for c, _, r in where(items)][:2] == [("E009", 3), ("E009", 4)]
    texts = [d.text for d in docs(items)]
    assert (texts[0], texts[-1]) == ("short", "after")


def test_json_array_element_over_max_bytes_is_e009(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    records = [{"text": "one"}, {"text": "x" * 5000}, {"text": "three"}]
    path.write_text(json.dumps(records), encoding="utf-8")
    items = read(path, max_bytes=1000)
    assert where(items) == [("E009", "a.json", 2)]
    assert [d.text for d in docs(items)] == ["one", "three"]


# --- unreadable and missing ------------------------------------------------------------------


def test_fifo_is_e010_and_does_not_block(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    os.mkfifo(tmp_path / "pipe.jsonl")
    items = read(tmp_path)
    assert where(items) == [("E010", "pipe.jsonl", None)]
    assert "FIFO" in problems(items)[0].message
    assert_good_survived(items)


def test_socket_is_e010(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    path = tmp_path / "s.jsonl"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        items = read(tmp_path)
    finally:
        server.close()
    assert where(items) == [("E010", "s.jsonl", None)]
    assert_good_survived(items)


def test_directory_given_as_a_file_is_e010(tmp_path: Path) -> None:
    (tmp_path / "d.txt").mkdir()
    items = list(read_documents([InputFile(str(tmp_path / "d.txt"), 4096)]))
    assert where(items) == [("E010", "d.txt", None)]
    assert "directory" in problems(items)[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file_is_e010(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    path = tmp_path / "secret.txt"
    path.write_text("hidden\n", encoding="utf-8")
    path.chmod(0)
    items = read(tmp_path)
    assert where(items) == [("E010", "secret.txt", None)]
    assert "permission denied" in problems(items)[0].message
    assert_good_survived(items)


def test_missing_file_is_e001(tmp_path: Path) -> None:
    good = with_good_file(tmp_path)
    items = read(tmp_path / "nope.jsonl", good)
    assert where(items) == [("E001", "nope.jsonl", None)]
    assert_good_survived(items)
    later = list(read_documents([InputFile(str(tmp_path / "gone.txt"), 10)]))
    assert where(later) == [("E001", "gone.txt", None)]


def test_unknown_format_is_e007(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    (tmp_path / "notes.md").write_text("# Notes\n\nJust prose.\n", encoding="utf-8")
    (tmp_path / "README").write_text("Just prose.\n", encoding="utf-8")
    items = read(tmp_path)
    assert where(items) == [("E007", "README", None), ("E007", "notes.md", None)]
    assert "--format" in problems(items)[0].message
    assert_good_survived(items)
    # standard input has no name to go by: prose piped in is read as text
    stdin_items = list(read_documents([InputFile("-", None)], stdin=io.BytesIO(b"prose\n")))
    assert [d.provenance.reader for d in docs(stdin_items)] == ["text"]


# --- malformed records -----------------------------------------------------------------------


def test_jsonl_bad_records_are_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        GOOD
        + b'{"text": "unterminated\n'
        + b"[1, 2]\n"
        + b'{"title": "no body", "text": "  "}\n'
        + b'{"title": "no text field"}\n'
        + b'"a string"\n'
        + b"[" * 100_000
        + b"\n"
        + GOOD
    )
    items = read(path)
    assert where(items) == [
        ("E004", "a.jsonl", 2),
        ("E011", "a.jsonl", 3),
        ("W003", "a.jsonl", 4),
        ("E008", "a.jsonl", 5),
        ("E011", "a.jsonl", 6),
        ("E004", "a.jsonl", 7),
    ]
    messages = [p.message for p in problems(items)]
    assert "got array" in messages[1]
    assert "text, body, content, article, maintext, story" in messages[3]
    assert [d.provenance.record for d in docs(items)] == [1, 8]


def test_hostile_nesting_in_metadata_is_ignored(tmp_path: Path) -> None:
    deep = "[" * 900 + "]" * 900
    path = tmp_path / "a.jsonl"
    path.write_text(f'{{"text": "x", "authors": {deep}, "source": {{"name": {{"name": 1}}}}}}\n')
    (doc,) = docs(read(path))
    assert (doc.text, doc.byline, doc.publisher) == ("x", None, None)


_JSONISH = st.text(alphabet='{}[]",:\\ \n\r\tatext0<p>\x00\xe9', max_size=60).map(str.encode)
_MIXED = st.one_of(st.binary(max_size=120), _JSONISH, st.text(max_size=60).map(str.encode))


@settings(deadline=None)
@given(data=_MIXED, fmt=st.sampled_from([None, *FORMATS]), gz=st.booleans())
def test_arbitrary_bytes_never_raise(data: bytes, fmt: str | None, gz: bool) -> None:
    stdin = io.BytesIO(gzip.compress(data) if gz else data)
    items = list(read_documents([InputFile("-", None)], fmt=fmt, stdin=stdin, max_bytes=50))
    assert items
    assert all(isinstance(i, RawDocument | IngestProblem) for i in items)
    for doc in docs(items):
        doc.text.encode("utf-8")  # storable: no lone surrogates leak out


def test_json_array_bad_element_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('[{"text": "one"}, {"text": "two",}, 42, {"text": "four"}]')
    items = read(path)
    assert where(items) == [("E004", "a.json", 2), ("E011", "a.json", 3)]
    assert [(d.text, d.provenance.record) for d in docs(items)] == [("one", 1), ("four", 4)]


@pytest.mark.parametrize(
    ("content", "record", "detail"),
    [
        (b'[{"text": "one"} {"text": "two"}]', 1, "expected ',' or ']'"),
        (b'[{"text": "one"}, {"text": "tw', 2, "unexpected end of file"),
        (b'[{"text": "one"}] {"text": "two"}', 2, "extra data after the array"),
    ],
)
def test_json_framing_error_ends_the_file(
    tmp_path: Path, content: bytes, record: int, detail: str
) -> None:
    with_good_file(tmp_path)
    (tmp_path / "a.json").write_bytes(content)
    items = read(tmp_path)
    assert where(items) == [("E004", "a.json", record)]
    assert detail in problems(items)[0].message
    assert [d.text for d in docs(items)] == ["one", "A good article."]


def test_json_single_value_errors_have_no_record(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"text": "x", }')
    (tmp_path / "b.json").write_text('"just a string"')
    (tmp_path / "c.json").write_text('{"title": "no text"}')
    items = read(tmp_path)
    assert where(items) == [
        ("E004", "a.json", None),
        ("E011", "b.json", None),
        ("E008", "c.json", None),
    ]
    assert "line 1" in problems(items)[0].message


def test_csv_malformed_rows_are_e013_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        'title,text\nA,one\nB,"bad"quote\nC,two,extra\nD,three\nE,"never closed\n',
        encoding="utf-8",
    )
    items = read(path)
    assert where(items) == [("E013", "a.csv", 3), ("E013", "a.csv", 4), ("E013", "a.csv", 6)]
    assert "3 fields where the header has 2" in problems(items)[1].message
    assert [(d.text, d.provenance.record) for d in docs(items)] == [("one", 2), ("three", 5)]


def test_csv_without_a_text_column_is_one_e008(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    (tmp_path / "a.csv").write_text("title,date\nA,2020-01-01\nB,2020-01-02\n")
    items = read(tmp_path)
    assert where(items) == [("E008", "a.csv", 1)]
    assert_good_survived(items)


# --- gzip ------------------------------------------------------------------------------------


def _lines(n: int) -> bytes:
    return b"".join(
        json.dumps({"id": i, "text": f"Story number {i}."}).encode() + b"\n" for i in range(n)
    )


def test_truncated_gzip_is_e014_after_the_records_read(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    packed = gzip.compress(_lines(20_000))
    (tmp_path / "a.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    items = read(tmp_path)
    assert where(items) == [("E014", "a.jsonl.gz", None)]
    assert items.index(problems(items)[0]) > 1000  # records before the damage came through
    assert_good_survived(items)


def test_gzip_with_bad_checksum_is_e014(tmp_path: Path) -> None:
    with_good_file(tmp_path)
    packed = bytearray(gzip.compress(_lines(10)))
    packed[-8] ^= 0xFF  # the CRC-32 in the trailer
    (tmp_path / "a.jsonl.gz").write_bytes(bytes(packed))
    items = read(tmp_path)
    assert where(items) == [("E014", "a.jsonl.gz", None)]
    assert "CRC" in problems(items)[0].message
    assert_good_survived(items)


@pytest.mark.parametrize(
    "content",
    [b"\x1f\x8b\x08\x00garbage-not-deflate" + bytes(range(256)), b"\x1f\x8b\xff\xff"],
)
def test_corrupt_gzip_stream_is_e014(tmp_path: Path, content: bytes) -> None:
    with_good_file(tmp_path)
    (tmp_path / "a.txt.gz").write_bytes(content)
    items = read(tmp_path)
    assert where(items) == [("E014", "a.txt.gz", None)]
    assert_good_survived(items)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count open files")
def test_stopping_early_closes_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(_lines(100)))
    files, _ = discover([tmp_path])
    before = len(list(Path("/proc/self/fd").iterdir()))
    items = read_documents(files)
    next(items)
    assert len(list(Path("/proc/self/fd").iterdir())) == before + 1
    items.close()  # type: ignore[attr-defined]
    assert len(list(Path("/proc/self/fd").iterdir())) == before


def test_stdin_pipe_is_streamed() -> None:
    reader_fd, writer_fd = os.pipe()

    def feed() -> None:
        with os.fdopen(writer_fd, "wb") as pipe_out:
            pipe_out.write(_lines(50))

    feeder = threading.Thread(target=feed)
    feeder.start()
    with os.fdopen(reader_fd, "rb") as pipe_in:
        found = docs(read_documents([InputFile("-", None)], stdin=pipe_in))
    feeder.join()
    assert [d.provenance.record for d in found] == list(range(1, 51))
