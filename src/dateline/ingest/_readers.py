"""Readers: turn input files into :class:`RawDocument` values, and bad input into problems.

=====  ===============================  =================================================
name   extensions                       reads
=====  ===============================  =================================================
text   ``.txt`` ``.text``                one article per file, passed through as decoded
jsonl  ``.jsonl`` ``.ndjson``            one JSON object per line, streamed line by line
       ``.jsonlines``
json   ``.json``                        one object, an array of objects (streamed), or
                                        concatenated objects / JSON Lines
csv    ``.csv`` ``.tsv``                a header row naming the fields, then one row each
html   ``.html`` ``.htm``               main text and metadata, extracted by trafilatura
=====  ===============================  =================================================

Format detection, when ``fmt`` is not given (deterministic; the first rule that applies wins):

1. Content starting with the gzip magic bytes is decompressed, whatever the name; a trailing
   ``.gz`` is dropped from the name before looking at the extension.
2. A known extension picks the reader. A ``.json`` file is read as JSON Lines when its first
   line is a complete JSON object and its next non-blank line starts with ``{``.
3. Otherwise the content decides (the first 8 KB, after a UTF-8 byte order mark and
   whitespace): ``{`` → jsonl by the rule above, else json; ``[`` → json; ``<`` with an
   ``<html``, ``<head``, ``<body``, ``<article``, ``<p`` or ``<!doctype html`` tag in the first
   4 KB → html; a first line that splits on ``,``, tab, ``;`` or ``|`` into a header naming a
   text field → csv.
4. Anything else is ``E007``: plain prose without a known extension is read only when
   ``fmt="text"`` is given. Standard input, having no name, falls back to text.

Record fields are matched case-insensitively against aliases (see ``_FIELDS``); the first alias
with a non-empty value wins.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import PurePath
from typing import BinaryIO

from dateline.errors import InputError, UsageError, message
from dateline.ingest._sources import (
    HEAD_BYTES,
    STDIN,
    UTF8_BOM,
    InputFile,
    JsonFramer,
    JsonValue,
    LineFeed,
    RowTooLargeError,
    Source,
    binary_kind,
    decode,
    decode_fallback,
    discover,
    open_source,
    os_detail,
    skip_line,
)
from dateline.models import IngestProblem, Provenance, RawDocument, Severity

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "InputFile",
    "discover",
    "read_documents",
]

FORMATS: tuple[str, ...] = ("text", "jsonl", "json", "csv", "html")
DEFAULT_MAX_BYTES: int = 64 * 1024 * 1024  # per single-document file and per record

_EXTENSIONS: dict[str, str] = {
    ext: fmt
    for fmt, exts in [("text", ".txt .text"), ("jsonl", ".jsonl .ndjson .jsonlines"),
                      ("json", ".json"), ("csv", ".csv .tsv"), ("html", ".html .htm")]
    for ext in exts.split()
}  # fmt: skip

_Item = RawDocument | IngestProblem


def read_documents(
    files: Iterable[InputFile],
    *,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[RawDocument | IngestProblem]:
    """Read ``files`` in order, yielding each document and each problem as it is found.

    Bad input never raises: a file or record that cannot be read becomes one numbered
    :class:`IngestProblem` (a :attr:`Severity.WARNING` one when the record was still read) and
    the batch goes on. Memory stays bounded by ``max_bytes`` whatever the input size.

    :param files: from :func:`discover`.
    :param fmt: force a reader (one of :data:`FORMATS`) instead of detecting it.
    :param max_bytes: cap for a single-document file (``E006`` beyond) and for one record of a
        JSON Lines, JSON array or CSV file (``E009`` beyond).
    :param stdin: stream read for the path ``-`` (default: the process's standard input).
    :param on_bytes: called with increments of on-disk bytes consumed (compressed bytes for
        gzip); over a file they add up to exactly its :attr:`InputFile.size`. Standard input has
        no size and reports nothing.
    :raises UsageError: ``E201`` for an unknown ``fmt``, ``E202`` for ``max_bytes <= 0``.
    """
    if fmt is not None and fmt not in FORMATS:
        raise UsageError("E201", name=fmt, choices=", ".join(FORMATS))
    if max_bytes <= 0:
        raise UsageError("E202", name="max_bytes", value=max_bytes)
    return (item for file in files for item in _read_file(file, fmt, max_bytes, stdin, on_bytes))


def _read_file(
    file: InputFile,
    fmt: str | None,
    max_bytes: int,
    stdin: BinaryIO | None,
    on_bytes: Callable[[int], None] | None,
) -> Iterator[_Item]:
    source: Source | None = None
    produced = False
    try:
        source = open_source(file, stdin=stdin, on_bytes=on_bytes)
        for item in _parse(source, fmt, max_bytes):
            produced = True
            yield item
    except InputError as exc:
        yield IngestProblem(exc.path, exc.code, exc.detail, exc.record)
    # gzip.BadGzipFile is an OSError: test it first. EOFError is a truncated gzip stream.
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield _problem(file.path, "E014", detail=str(exc) or type(exc).__name__)
    except OSError as exc:
        yield _problem(file.path, "E010", detail=os_detail(exc))
    else:
        if not produced:  # e.g. JSON Lines holding only blank lines, or ``[]``
            yield _problem(file.path, "E003")
    finally:
        if source is not None:
            source.close()


def _problem(
    path: str,
    code: str,
    record: int | None = None,
    severity: Severity = Severity.ERROR,
    **fields: object,
) -> IngestProblem:
    return IngestProblem(path, code, message(code, **fields), record, severity)


def _parse(source: Source, fmt: str | None, max_bytes: int) -> Iterator[_Item]:
    head = source.peek(HEAD_BYTES)
    kind = binary_kind(head)
    if kind is not None:
        detail = f"{kind}, gzip-compressed" if source.compressed else kind
        raise InputError("E002", path=source.path, detail=detail)
    if len(head) < HEAD_BYTES and not head.removeprefix(UTF8_BOM).strip():
        raise InputError("E003", path=source.path)
    reader = _READERS[fmt or _detect(source)]
    return reader(source, max_bytes)


# --- detection -------------------------------------------------------------------------------

_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p)[\s>/]", re.IGNORECASE)
_DELIMITERS = (",", "\t", ";", "|")  # ties go to the earlier one
_SNIFF_LINE = 1 << 20  # longest first line a JSON Lines sniff will read ahead


def _extension(path: str) -> str:
    if path == STDIN:
        return ""
    name = PurePath(path).name.lower()
    return PurePath(name.removesuffix(".gz")).suffix


def _detect(source: Source) -> str:
    ext = _extension(source.path)
    by_name = _EXTENSIONS.get(ext)
    if by_name == "json":
        return "jsonl" if _looks_like_jsonl(source) else "json"
    if by_name is not None:
        return by_name
    head = source.peek(HEAD_BYTES).removeprefix(UTF8_BOM).lstrip()
    first = head[:1]
    if first == b"{":
        return "jsonl" if _looks_like_jsonl(source) else "json"
    if first == b"[":
        return "json"
    if first == b"<":
        if _HTML_TAG.search(head, 0, 4096):
            return "html"
    else:
        line = decode(head.split(b"\n", 1)[0])[0]
        delimiter = _best_delimiter(line)
        if delimiter is not None and _TEXT_KEYS & _header_names(line, delimiter):
            return "csv"
    if source.path == STDIN:
        # A pipe has no name to go by; prose piped in (``curl … | dateline ingest -``) is the
        # common case, and binary input was already refused by the binary test.
        return "text"
    what = f"{ext} file" if ext else "no extension"
    raise InputError("E007", path=source.path, detail=f"{what}; content is not JSON, CSV or HTML")


def _looks_like_jsonl(source: Source) -> bool:
    """First non-blank line a complete JSON object, and the next non-blank one starting ``{``."""
    line, pos = _next_line(source, 0)
    try:
        first = json.loads(decode(line)[0])
    except (ValueError, RecursionError):
        return False  # incomplete (pretty-printed, or longer than the sniff), or not JSON
    if not isinstance(first, dict):
        return False
    line, _ = _next_line(source, pos)
    return line.lstrip().startswith(b"{")


def _next_line(source: Source, pos: int) -> tuple[bytes, int]:
    """The first non-blank line at or after byte ``pos`` (empty at the end), and where it ends."""
    while True:
        line, complete = source.peek_line(pos, _SNIFF_LINE)
        if not complete:
            return b"", pos  # too long to sniff: only a complete line counts
        pos += len(line)
        if not line or line.strip():
            return line.removeprefix(UTF8_BOM), pos


def _best_delimiter(line: str) -> str | None:
    count, delimiter = max((line.count(d), -i) for i, d in enumerate(_DELIMITERS))
    return _DELIMITERS[-delimiter] if count else None


def _header_names(line: str, delimiter: str) -> set[str]:
    return {name.strip().strip("\"'").strip().lower() for name in line.split(delimiter)}


# --- fields ------------------------------------------------------------------------------------

_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("external_id", ("id", "doc_id", "article_id", "uuid")),
    ("title", ("title", "headline")),
    ("text", ("text", "body", "content", "article", "maintext", "story")),
    ("published", ("date", "time", "published", "date_publish", "publish_date", "published_at",
                   "pubdate", "dct", "datetime", "timestamp", "date_published")),
    ("url", ("url", "uri", "link")),
    ("publisher", ("source", "publisher", "source_domain", "outlet", "site", "sitename")),
    ("byline", ("byline", "author", "authors")),
)  # fmt: skip
_TEXT_KEYS = frozenset(_FIELDS[2][1])
_TEXT_FIELDS = ", ".join(_FIELDS[2][1])
_SURROGATE = re.compile("[\ud800-\udfff]")
_STRING_FIELDS = ("text", "title", "published", "url", "publisher", "external_id", "byline")

# For each field of _FIELDS, the record's keys that match it, best alias first.
_Plan = tuple[tuple[str, ...], ...]
_PLANS: dict[tuple[str, ...], _Plan] = {}  # by key tuple: records in one file share their keys


def _plan_for(keys: tuple[str, ...]) -> _Plan:
    plan = _PLANS.get(keys)
    if plan is None:
        lower: dict[str, str] = {}
        for key in keys:
            lower.setdefault(key.strip().lower(), key)
        plan = tuple(tuple(lower[a] for a in aliases if a in lower) for _, aliases in _FIELDS)
        if len(_PLANS) >= 1024:
            _PLANS.clear()  # inputs with ever-changing keys must not grow memory without bound
        _PLANS[keys] = plan
    return plan


def _document(
    record: Mapping[str, object], plan: _Plan, provenance: Provenance
) -> RawDocument | None:
    """The record as a document, or ``None`` when it has no text."""
    ids, titles, texts, dates, urls, publishers, bylines = plan
    text = None
    for key in texts:
        text = _text(record.get(key))
        if text is not None:
            break
    else:
        return None
    return RawDocument(
        text=text,
        provenance=provenance,
        title=_meta(record, titles),
        published=_meta(record, dates),
        url=_meta(record, urls),
        publisher=_meta(record, publishers),
        external_id=_meta(record, ids),
        byline=_meta(record, bylines),
    )


def _text(value: object) -> str | None:
    if isinstance(value, str):
        # kept as is (normalization owns whitespace); isspace() avoids copying a long body
        return value if value and not value.isspace() else None
    if isinstance(value, list):  # a body stored as a list of paragraphs
        return "\n\n".join(p for p in value if isinstance(p, str) and p.strip()) or None
    return None


def _meta(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = _scalar(record.get(key))
        if value is not None:
            return value
    return None


def _scalar(value: object) -> str | None:
    """A metadata value as a string: numbers (epoch dates) as written, lists joined with
    ``", "`` (authors), an object by its ``name``/``main``/``value`` (NewsAPI sources, NYT
    headlines). Never recursive, so hostile nesting cannot exhaust the stack."""
    if isinstance(value, list):
        return ", ".join(s for s in map(_atom, value) if s) or None
    return _atom(value)


def _atom(value: object) -> str | None:
    if isinstance(value, dict):
        value = next((value[k] for k in ("name", "main", "value") if value.get(k)), None)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _fix_surrogates(doc: RawDocument) -> tuple[RawDocument, str | None]:
    """Repair lone surrogates in a decoded record.

    Bytes that were not UTF-8 come out of :class:`JsonFramer` as ``surrogateescape`` code points:
    those strings are decoded again with the fallback encodings (the encoding is returned, for
    ``W001``). Lone ``\\ud800``-style JSON escapes cannot be stored as UTF-8 at all and become
    U+FFFD.
    """
    fixed: dict[str, str] = {}
    encoding = None
    for name in _STRING_FIELDS:
        value = getattr(doc, name)
        if value is None or value.isascii():
            continue
        try:
            value.encode("utf-8")
            continue
        except UnicodeEncodeError:
            pass
        try:
            fixed[name], encoding = decode_fallback(value.encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError:
            fixed[name] = _SURROGATE.sub("\ufffd", value)
    if not fixed:
        return doc, None
    provenance = doc.provenance
    if encoding is not None:
        provenance = replace(provenance, encoding=encoding)
    return replace(doc, provenance=provenance, **fixed), encoding


_JSON_TYPES = {list: "array", str: "string", bool: "boolean", type(None): "null"}


def _from_json(obj: object, provenance: Provenance) -> _Item:
    """The document for a decoded JSON value, or its ``E011``/``E008`` problem."""
    path, record = provenance.path, provenance.record
    if not isinstance(obj, dict):
        return _problem(path, "E011", record, detail=_JSON_TYPES.get(type(obj), "number"))
    plan = _plan_for(tuple(obj))
    doc = _document(obj, plan, provenance)
    if doc is None:
        return _no_text(obj, plan, path, record)
    return doc


def _no_text(
    record: Mapping[str, object], plan: _Plan, path: str, line: int | None
) -> IngestProblem:
    """``W003`` when a text field is there but empty (corpora keep records for failed scrapes:
    18 in Timeline17, 60 in the MEANTIME conversion), ``E008`` when there is no text field."""
    if any(key in record for key in plan[2]):
        return _problem(path, "W003", line, Severity.WARNING)
    return _problem(path, "E008", line, fields=_TEXT_FIELDS)


# --- readers -----------------------------------------------------------------------------------


def _read_whole(source: Source, max_bytes: int) -> bytes:
    """A single-document file's bytes; ``E006`` without reading it when it is too large."""
    if not source.compressed and source.size is not None and source.size > max_bytes:
        raise InputError("E006", path=source.path, size=source.size, limit=max_bytes)
    data = source.read_capped(max_bytes)
    if data is None:  # compressed, stdin, or grown since discovery: measure without keeping
        size = max_bytes + 1 + source.drain()
        raise InputError("E006", path=source.path, size=size, limit=max_bytes)
    return data


def _read_text(source: Source, max_bytes: int) -> Iterator[_Item]:
    text, encoding = decode(_read_whole(source, max_bytes))
    if not text.strip():
        raise InputError("E003", path=source.path)
    if encoding != "utf-8":
        yield _problem(source.path, "W001", severity=Severity.WARNING, encoding=encoding)
    yield RawDocument(text=text, provenance=Provenance(source.path, None, "text", encoding))


_MIN_WORDS = 5
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_NOT_DECLARED = frozenset({"utf-8", "ascii", "iso8859-1", "utf-16", "utf-32"})


def _decode_html(data: bytes) -> tuple[str, str, bool]:
    """Text, encoding, and whether the encoding was a guess (worth a ``W001``).

    UTF-8 first; then a charset the page declares; then the cp1252/Latin-1 fallback (as
    browsers read pages declared ISO-8859-1 or ASCII).
    """
    try:
        return data.decode("utf-8-sig"), "utf-8", False
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data, 0, 4096)
    if declared is not None:
        try:
            name = declared.group(1).decode("ascii")
            encoding = codecs.lookup(name).name  # canonical: windows-1251 → cp1251
            if encoding not in _NOT_DECLARED:
                return data.decode(encoding), encoding, False
        except (LookupError, UnicodeDecodeError):
            pass
    return (*decode_fallback(data.removeprefix(UTF8_BOM)), True)


def _read_html(source: Source, max_bytes: int) -> Iterator[_Item]:
    # imported here: trafilatura (and lxml) take a third of a second to load, which runs that
    # never see HTML should not pay
    import trafilatura  # noqa: PLC0415

    html, encoding, guessed = _decode_html(_read_whole(source, max_bytes))
    try:
        # never given a URL to fetch: bare_extraction only parses the string it is handed
        found = trafilatura.bare_extraction(
            html, url=None, with_metadata=True, include_comments=False
        )
    except Exception:  # a parser failure on hostile markup is bad input, not a bug of ours
        found = None
    text = getattr(found, "text", None)
    # With no article, trafilatura falls back to whatever text is left (a "Home" link, a menu):
    # a handful of words is not an article.
    if not isinstance(text, str) or len(text.split(None, _MIN_WORDS)) < _MIN_WORDS:
        raise InputError("E005", path=source.path)
    if guessed:
        yield _problem(source.path, "W001", severity=Severity.WARNING, encoding=encoding)
    yield RawDocument(
        text=text,
        provenance=Provenance(source.path, None, "html", encoding),
        title=_scalar(getattr(found, "title", None)),
        published=_scalar(getattr(found, "date", None)),
        url=_scalar(getattr(found, "url", None)),
        publisher=_scalar(getattr(found, "sitename", None)),
        byline=_scalar(getattr(found, "author", None)),
    )


def _json_error(exc: ValueError, line: int | None = None) -> str:
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)
    if line is None:
        return f"{exc.msg} at column {exc.colno}"
    return f"{exc.msg} at line {line + exc.lineno - 1}, column {exc.colno}"


def _read_jsonl(source: Source, max_bytes: int) -> Iterator[_Item]:
    # The hot path of a large ingest: binary lines, one decode, json.loads, a cached field plan.
    path = source.path
    stream = source.stream
    readline = stream.readline
    loads = json.loads
    limit = max_bytes + 2  # room for CRLF after a record of exactly max_bytes
    number = 0
    while line := readline(limit):  # bounded: a 10 GB line is never held whole
        number += 1
        if number == 1:
            line = line.removeprefix(UTF8_BOM)
        if len(line) > max_bytes:
            size = len(line.rstrip(b"\r\n"))
            if len(line) == limit and not line.endswith(b"\n"):
                size = len(line) + skip_line(stream)
            if size > max_bytes:
                yield _problem(path, "E009", number, size=size, limit=max_bytes)
                continue
        if line.isspace():
            continue
        try:
            text = line.decode()
            encoding = "utf-8"
        except UnicodeDecodeError:  # decoded alone: other lines keep their UTF-8
            text, encoding = decode_fallback(line)
        try:
            obj = loads(text)
        except ValueError as exc:
            yield _problem(path, "E004", number, detail=_json_error(exc))
            continue
        except RecursionError:
            yield _problem(path, "E004", number, detail="nested too deeply")
            continue
        doc = _from_json(obj, Provenance(path, number, "jsonl", encoding))
        if isinstance(doc, IngestProblem):
            yield doc
            continue
        if b"\\ud" in line or b"\\uD" in line:  # a surrogate escape: maybe a lone one
            doc = _fix_surrogates(doc)[0]
        if encoding != "utf-8":
            yield _problem(path, "W001", number, Severity.WARNING, encoding=encoding)
        yield doc


def _read_json(source: Source, max_bytes: int) -> Iterator[_Item]:
    framer = JsonFramer(source.stream, max_bytes)
    values = framer.values()
    first = next(values, None)
    if first is None:
        return
    second = next(values, None) if first.error is None else None
    if second is None and not framer.array:
        yield from _json_value(source, first, max_bytes, single=True)
        return
    for value in (first, second):
        if value is not None:
            yield from _json_value(source, value, max_bytes, in_array=framer.array)
    for value in values:
        yield from _json_value(source, value, max_bytes, in_array=framer.array)


def _json_value(
    source: Source,
    value: JsonValue,
    max_bytes: int,
    *,
    single: bool = False,
    in_array: bool = False,
) -> Iterator[_Item]:
    """One framed value: a single document (no record number), an array element (numbered by
    index) or one of several top-level values (numbered by the line it starts on)."""
    path = source.path
    record = None if single else value.record
    if value.error is not None:
        yield _problem(path, "E004", record, detail=value.error)
        return
    if value.text is None:
        if record is None:
            plain = not source.compressed and source.size is not None
            size = source.size if plain else value.size
            raise InputError("E006", path=path, size=size, limit=max_bytes)
        yield _problem(path, "E009", record, size=value.size, limit=max_bytes)
        return
    try:
        obj = json.loads(value.text)
    except ValueError as exc:
        # a top-level value's lines count from the line it starts on; an element's are its own
        line = None if in_array else value.record
        yield _problem(path, "E004", record, detail=_json_error(exc, line))
        return
    except RecursionError:
        yield _problem(path, "E004", record, detail="nested too deeply")
        return
    item = _from_json(obj, Provenance(path, record, "json"))
    if isinstance(item, IngestProblem):
        yield item
        return
    doc, encoding = _fix_surrogates(item)
    if encoding is not None:
        yield _problem(path, "W001", record, Severity.WARNING, encoding=encoding)
    yield doc


def _read_csv(source: Source, max_bytes: int) -> Iterator[_Item]:
    path = source.path
    if _extension(path) == ".tsv":
        delimiter = "\t"
    else:
        head = source.peek(HEAD_BYTES).removeprefix(UTF8_BOM).lstrip(b"\r\n")
        delimiter = _best_delimiter(decode(head.split(b"\n", 1)[0])[0]) or ","
    # process-wide, but only ever raised to the cap the caller asked for
    csv.field_size_limit(max(max_bytes, csv.field_size_limit()))
    lines = LineFeed(source.stream, max_bytes)
    rows = csv.reader(lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    plan: _Plan = ()
    while True:
        start = lines.number + 1
        lines.row_bytes = 0
        lines.encoding = "utf-8"
        try:
            row = next(rows)
        except StopIteration:
            return
        except RowTooLargeError as exc:
            yield _problem(path, "E009", start, size=exc.size, limit=max_bytes)
        except csv.Error as exc:
            yield _problem(path, "E013", start, detail=str(exc))
        else:
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            if header is None:
                header = [name.strip() for name in row]
                plan = _plan_for(tuple(header))
                if not plan[2]:
                    yield _problem(path, "E008", start, fields=_TEXT_FIELDS)
                    return
                continue
            if len(row) > len(header):
                detail = f"{len(row)} fields where the header has {len(header)}"
                yield _problem(path, "E013", start, detail=detail)
                continue
            provenance = Provenance(path, start, "csv", lines.encoding)
            fields = dict(zip(header, row, strict=False))
            doc = _document(fields, plan, provenance)
            if doc is None:
                yield _no_text(fields, plan, path, start)
                continue
            if lines.encoding != "utf-8":
                yield _problem(path, "W001", start, Severity.WARNING, encoding=lines.encoding)
            yield doc
            continue
        if header is None:
            return  # no header to read the rows by


_READERS: dict[str, Callable[[Source, int], Iterator[_Item]]] = {
    "text": _read_text,
    "jsonl": _read_jsonl,
    "json": _read_json,
    "csv": _read_csv,
    "html": _read_html,
}
