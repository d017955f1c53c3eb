"""Byte sources for the readers: finding input files, opening them safely, decoding, framing.

Nothing here knows about article fields. :func:`discover` turns the paths a user gave into
:class:`InputFile` values; :func:`open_source` opens one as a :class:`Source` (plain or gzip,
detected by magic bytes), which lets the readers peek at the first bytes before committing to a
format and then read the rest as one buffered stream, with every on-disk byte reported to a
progress callback. :class:`JsonFramer` splits a JSON document into its top-level values (or the
elements of a top-level array) without loading the whole file.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from dateline.errors import InputError, message
from dateline.models import IngestProblem

__all__ = [
    "CHUNK",
    "HEAD_BYTES",
    "STDIN",
    "UTF8_BOM",
    "InputFile",
    "JsonFramer",
    "JsonValue",
    "LineFeed",
    "RowTooLargeError",
    "Source",
    "binary_kind",
    "decode",
    "decode_fallback",
    "discover",
    "open_source",
    "os_detail",
    "skip_line",
]

STDIN = "-"
HEAD_BYTES = 8192  # how much of a file is sniffed for binary content and format
CHUNK = 1 << 16  # read size: large enough that per-read Python overhead is noise
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read.

    :param path: the path as given, or joined under a given directory; ``-`` for stdin.
    :param size: bytes on disk (compressed size for ``.gz``), ``None`` for stdin.
    """

    path: str
    size: int | None


def discover(
    paths: Sequence[str | os.PathLike[str]],
) -> tuple[list[InputFile], list[IngestProblem]]:
    """Expand ``paths`` into the files to read.

    Directories are walked recursively in name order (deterministic across runs and machines),
    skipping hidden entries (names starting with ``.``); a path named explicitly is kept even
    when hidden. ``-`` stands for standard input.

    :returns: the files in order, and an ``E001`` (missing) or ``E010`` (unreadable directory)
        problem for each path that could not be expanded.
    """
    files: list[InputFile] = []
    problems: list[IngestProblem] = []
    seen: set[tuple[int, int]] = set()  # directories already walked: symlink loops end here
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            files.append(InputFile(STDIN, None))
        else:
            _visit(path, files, problems, seen)
    return files, problems


def _visit(
    path: str, files: list[InputFile], problems: list[IngestProblem], seen: set[tuple[int, int]]
) -> None:
    try:
        st = Path(path).stat()  # follows symlinks: a linked file or directory is read
    except (FileNotFoundError, NotADirectoryError):
        problems.append(_problem(path, "E001"))  # missing, or a dangling symlink
        return
    except OSError as exc:
        problems.append(_problem(path, "E010", detail=os_detail(exc)))
        return
    if not stat.S_ISDIR(st.st_mode):
        files.append(InputFile(path, st.st_size))
        return
    if (st.st_dev, st.st_ino) in seen:
        return
    seen.add((st.st_dev, st.st_ino))
    try:
        with os.scandir(path) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as exc:
        problems.append(_problem(path, "E010", detail=os_detail(exc)))
        return
    for name in names:
        if not name.startswith("."):
            _visit(str(Path(path, name)), files, problems, seen)


def _problem(path: str, code: str, **fields: object) -> IngestProblem:
    return IngestProblem(path=path, code=code, message=message(code, **fields))


def os_detail(exc: OSError) -> str:
    """``permission denied`` rather than ``[Errno 13] Permission denied: 'x'``."""
    return (exc.strerror or type(exc).__name__).lower()


# --- binary content and decoding -----------------------------------------------------------

# Formats that often have no NUL byte in their first 8 KB (PDF, compressed data) need their magic
# number; most other binary formats are caught by the NUL test. UTF-16/32 text is full of NULs:
# say what it is and how to fix it.
_MAGIC: tuple[tuple[bytes | tuple[bytes, ...], str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    ((b"GIF87a", b"GIF89a"), "GIF image"),
    ((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"), "ZIP archive"),
    (GZIP_MAGIC, "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"(\xb5/\xfd", "zstd data"),
    (b"7z\xbc\xaf'\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Word/Excel)"),
    (b"\x7fELF", "ELF executable"),
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "UTF-32 text; convert it to UTF-8"),
    ((b"\xff\xfe", b"\xfe\xff"), "UTF-16 text; convert it to UTF-8"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")


def binary_kind(head: bytes) -> str | None:
    """What binary content ``head`` (a file's first bytes) holds; ``None`` when it looks like
    text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if _BZIP2.match(head):
        return "bzip2 data"
    return "NUL bytes" if b"\x00" in head else None


def decode(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (a leading BOM dropped), else cp1252, else Latin-1.

    :returns: the text and the encoding used (``utf-8`` unless a fallback was needed). Never
        fails: Latin-1 maps every byte.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return decode_fallback(data.removeprefix(UTF8_BOM))


def decode_fallback(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8: cp1252 (what mislabelled "Latin-1" news text usually is),
    else Latin-1 when cp1252 leaves a byte undefined."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# --- opening ---------------------------------------------------------------------------------


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes | None: ...


class _Chain(io.RawIOBase):
    """``prefix`` (bytes already peeked at), then the rest of ``inner``.

    Reads from ``inner`` are reported to ``on_bytes``, never more than ``budget`` in all, so a
    progress bar over the sizes from :func:`discover` ends exactly at 100%.
    """

    def __init__(
        self,
        inner: _Readable,
        prefix: bytes = b"",
        on_bytes: Callable[[int], None] | None = None,
        budget: int | None = None,
    ) -> None:
        super().__init__()
        self._inner = inner
        self._prefix = prefix
        self._pos = 0
        self._on_bytes = on_bytes
        self._left = budget or 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._pos < len(self._prefix):
            n = min(len(buffer), len(self._prefix) - self._pos)
            buffer[:n] = self._prefix[self._pos : self._pos + n]
            self._pos += n
            if self._pos == len(self._prefix):
                self._prefix, self._pos = b"", 0  # free the replayed bytes
            return n
        data = self._inner.read(len(buffer)) or b""
        n = len(data)
        buffer[:n] = data
        if self._on_bytes is not None and self._left > 0 and n:
            step = min(n, self._left)
            self._left -= step
            self._on_bytes(step)
        return n

    def finish(self) -> None:
        """Report what is left of the budget (the file was not read to the end, or shrank)."""
        if self._on_bytes is not None and self._left > 0:
            self._on_bytes(self._left)
        self._left = 0


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only; elsewhere a FIFO is rare
_OPEN_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def open_source(
    file: InputFile, *, stdin: BinaryIO | None, on_bytes: Callable[[int], None] | None
) -> Source:
    """Open ``file`` for reading.

    Only regular files are opened for real: the file is opened non-blocking first, so a FIFO
    cannot hang the batch, and anything that is not a regular file is refused. When opening
    fails, the file's whole size is still reported to ``on_bytes``.

    :raises InputError: ``E001`` when missing, ``E010`` when it cannot be read.
    :raises OSError: a read error (or a gzip error) while looking at the first bytes.
    """
    if file.path == STDIN:
        if stdin is None:
            if sys.stdin is None:  # e.g. started detached, without standard streams
                raise InputError("E010", path=STDIN, detail="no standard input")
            stdin = sys.stdin.buffer
        # stdin has no size to measure progress against, so it reports none
        return Source(file.path, None, _Chain(stdin), None)
    counted: _Chain | None = None
    try:
        try:
            fd = os.open(file.path, _OPEN_FLAGS)
        except (FileNotFoundError, NotADirectoryError):
            raise InputError("E001", path=file.path) from None
        except OSError as exc:
            raise InputError("E010", path=file.path, detail=os_detail(exc)) from None
        handle = io.FileIO(fd, "rb", closefd=True)
        counted = _Chain(handle, b"", on_bytes, file.size)
        try:
            mode = os.fstat(fd).st_mode
            if not stat.S_ISREG(mode):
                raise InputError("E010", path=file.path, detail=_file_kind(mode))
            if _NONBLOCK:
                os.set_blocking(fd, True)
            return Source(file.path, file.size, counted, handle)
        except BaseException:
            handle.close()
            raise
    except BaseException:
        (counted or _Chain(io.BytesIO(), b"", on_bytes, file.size)).finish()
        raise


def _file_kind(mode: int) -> str:
    kinds = {stat.S_IFDIR: "a directory", stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket"}
    return f"is {kinds.get(stat.S_IFMT(mode), 'a device')}, not a regular file"


class Source:
    """An opened input: peek at its (decompressed) first bytes, then read it as one stream.

    :attr:`compressed` is set when the content starts with the gzip magic bytes, whatever the
    name says. Peeked bytes are replayed by :attr:`stream`; once the stream is taken, peeking is
    over. Gzip errors (``EOFError``, ``zlib.error``, ``gzip.BadGzipFile``) surface from reads and
    are the caller's to report.
    """

    def __init__(self, path: str, size: int | None, counted: _Chain, handle: io.FileIO | None):
        self.path = path
        self.size = size
        self._counted = counted
        self._handle = handle
        magic = _read_upto(counted, len(GZIP_MAGIC))
        self.compressed = magic == GZIP_MAGIC
        inner: _Readable = _Chain(counted, magic)
        if self.compressed:
            inner = gzip.GzipFile(fileobj=io.BufferedReader(_Chain(counted, magic), CHUNK))
        self._inner = inner
        self._head = bytearray()
        self._eof = False
        self._stream: io.BufferedReader | None = None

    def close(self) -> None:
        """Close the file (never the caller's stdin) and complete its progress."""
        if isinstance(self._inner, gzip.GzipFile):
            self._inner.close()
        if self._handle is not None:
            self._handle.close()
        self._counted.finish()

    def _more(self) -> bool:
        if self._eof:
            return False
        # doubling keeps peeking at a long first line linear in its length
        data = self._inner.read(max(CHUNK, len(self._head))) or b""
        if not data:
            self._eof = True
            return False
        self._head += data
        return True

    def peek(self, n: int) -> bytes:
        """Up to the first ``n`` bytes of the content (fewer only at end of input)."""
        assert self._stream is None, "peek after the stream was taken"
        while len(self._head) < n and self._more():
            pass
        return bytes(self._head[:n])

    def peek_line(self, start: int, cap: int) -> tuple[bytes, bool]:
        """The line starting at byte ``start``, newline included, reading ahead at most ``cap``.

        :returns: the line and whether it is complete (``False`` when cut at ``cap``).
        """
        assert self._stream is None, "peek after the stream was taken"
        while True:
            end = self._head.find(b"\n", start, start + cap)
            if end >= 0:
                return bytes(self._head[start : end + 1]), True
            if len(self._head) >= start + cap:
                return bytes(self._head[start : start + cap]), False
            if not self._more():
                return bytes(self._head[start:]), True

    @property
    def stream(self) -> io.BufferedReader:
        """The whole content from its first byte, peeked bytes included."""
        if self._stream is None:
            self._stream = io.BufferedReader(_Chain(self._inner, bytes(self._head)), CHUNK)
            self._head = bytearray()
        return self._stream

    def read_capped(self, limit: int) -> bytes | None:
        """The whole content if it is at most ``limit`` bytes, else ``None`` (having read only
        ``limit + 1`` bytes into memory)."""
        data = self.stream.read(limit + 1)
        return data if len(data) <= limit else None

    def drain(self) -> int:
        """Read the rest of the content without keeping it; returns how many bytes it had."""
        total = 0
        while chunk := self.stream.read(CHUNK):
            total += len(chunk)
        return total


def _read_upto(raw: io.RawIOBase, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = raw.read(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def skip_line(stream: io.BufferedReader) -> int:
    """Consume the rest of the current line in bounded pieces; returns its length without the
    line break."""
    total = 0
    while chunk := stream.readline(CHUNK):
        total += len(chunk)
        if chunk.endswith(b"\n"):
            return total - (2 if chunk.endswith(b"\r\n") else 1)
    return total


class RowTooLargeError(Exception):
    """Raised by :class:`LineFeed` when a row grows past the cap; ``size`` says how large."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class LineFeed:
    """Physical lines for :func:`csv.reader`, each decoded on its own (a bad line does not
    change how the others decode), with the current row's size capped at ``max_bytes``.

    A class, not a generator: raising :class:`RowTooLargeError` from ``__next__`` leaves it usable,
    and ``csv.reader`` starts afresh on the next row.
    """

    def __init__(self, stream: io.BufferedReader, max_bytes: int) -> None:
        self._stream = stream
        self._max = max_bytes
        self._limit = max_bytes + 2
        self.number = 0  # physical lines read
        self.row_bytes = 0  # bytes of the row being read
        self.encoding = "utf-8"  # the fallback used by a line of the row being read, if any

    def __iter__(self) -> LineFeed:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline(self._limit)
        if not raw:
            raise StopIteration
        self.number += 1
        if len(raw) == self._limit and not raw.endswith(b"\n"):
            raise RowTooLargeError(self.row_bytes + len(raw) + skip_line(self._stream))
        self.row_bytes += len(raw)
        if self.row_bytes > self._max:
            size = self.row_bytes - len(raw) + len(raw.rstrip(b"\r\n"))
            if size > self._max:
                raise RowTooLargeError(size)
        try:
            text = raw.decode()
        except UnicodeDecodeError:
            text, self.encoding = decode_fallback(raw)
        return text.removeprefix("\ufeff") if self.number == 1 else text


# --- JSON framing ----------------------------------------------------------------------------

_WS = re.compile(r"[ \t\r\n]*")
_STRUCTURE = re.compile(r'[\[\]{}"]')
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)  # stops at '"' or a final '\'
_SCALAR = re.compile(r'[^ \t\r\n,\[\]{}"]*')


@dataclass(frozen=True, slots=True)
class JsonValue:
    """One framed value.

    :param record: 1-based element index inside a top-level array, else the 1-based line the
        value starts on.
    :param text: the value's JSON text, ``None`` when it was too large or malformed.
    :param size: its size (characters kept, or bytes skipped when too large).
    :param error: why the file could not be framed past this point (the framer stops).
    """

    record: int
    text: str | None
    size: int
    error: str | None = None


class JsonFramer:
    """Split a JSON stream into values, holding at most about ``limit`` characters at a time.

    A top-level array yields its elements (:attr:`array` is then set); otherwise each top-level
    value is yielded (one for a plain JSON document, several for concatenated JSON or JSON
    Lines). A value longer than ``limit`` is skipped (``text`` is ``None``) and framing goes on.
    Bytes are decoded as UTF-8 with ``surrogateescape`` so invalid bytes survive to be repaired
    per record (see ``_readers``); validity of each value is left to :func:`json.loads`, the
    framer only matches brackets and strings.
    """

    def __init__(self, stream: io.BufferedReader, limit: int, *, chunk: int = CHUNK) -> None:
        self._stream = stream
        self._limit = limit
        self._chunk = chunk  # smaller only in tests, to put values across chunk boundaries
        self._decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        self._buf = ""
        self._pos = 0
        self._line = 1
        self._eof = False
        self._started = False
        self.array = False

    def _fill(self) -> int:
        """Append more input, dropping what is before the current position.

        :returns: how far positions shifted left, or ``-1`` at end of input.
        """
        if self._eof:
            return -1
        # grow geometrically so a long value is read in O(n), not O(n**2)
        data = self._stream.read(max(self._chunk, len(self._buf) - self._pos))
        text = self._decoder.decode(data, final=not data)
        if not data:
            self._eof = True
            if not text:
                return -1
        if not self._started:
            self._started = True
            text = text.removeprefix("\ufeff")  # a UTF-8 byte order mark
        shift = self._pos
        self._buf = self._buf[shift:] + text
        self._pos = 0
        return shift

    def _advance(self, to: int) -> None:
        self._line += self._buf.count("\n", self._pos, to)
        self._pos = to

    def _next_char(self) -> str | None:
        """Skip whitespace; the next character, or ``None`` at end of input."""
        while True:
            end = _WS.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            self._advance(end)
            if end < len(self._buf):
                return self._buf[end]
            if self._fill() < 0:
                return None

    def values(self) -> Iterator[JsonValue]:
        """Yield the values in order; a value with ``error`` set is the last one."""
        first = self._next_char()
        if first is None:
            return
        if first != "[":
            while self._next_char() is not None:
                value = self._value(self._line)
                yield value
                if value.error:
                    return
            return
        self.array = True
        self._advance(self._pos + 1)
        index = 0
        char = self._next_char()
        if char == "]":
            self._advance(self._pos + 1)
        else:
            while True:
                index += 1
                if char is None:
                    yield JsonValue(index, None, 0, "unexpected end of file inside the array")
                    return
                value = self._value(index)
                yield value
                if value.error:
                    return
                char = self._next_char()
                if char == ",":
                    self._advance(self._pos + 1)
                    char = self._next_char()
                    continue
                if char == "]":
                    self._advance(self._pos + 1)
                    break
                found = "end of file" if char is None else repr(char)
                yield JsonValue(index, None, 0, f"expected ',' or ']' after element, got {found}")
                return
        if self._next_char() is not None:
            yield JsonValue(index + 1, None, 0, f"extra data after the array at line {self._line}")

    def _value(self, record: int) -> JsonValue:
        """Frame the value starting at the current position and move past it."""
        start = self._pos
        first = self._buf[start]
        mode = "string" if first == '"' else "nested" if first in "[{" else "scalar"
        i = start + 1 if mode != "scalar" else start
        depth = 1 if mode == "nested" else 0
        skipped = -1  # bytes dropped so far when the value is too large; -1 while it fits
        while True:
            buf = self._buf
            if mode == "string":
                j = _STRING_BODY.match(buf, i).end()  # type: ignore[union-attr]
                if j < len(buf) and buf[j] == '"':
                    i = j + 1
                    if depth == 0:
                        break
                    mode = "nested"
                    continue
                i = j  # out of input, maybe in the middle of an escape
            elif mode == "nested":
                m = _STRUCTURE.search(buf, i)
                if m is not None:
                    i = m.end()
                    char = m.group()
                    if char == '"':
                        mode = "string"
                    elif char in "[{":
                        depth += 1
                    else:
                        depth -= 1
                        if depth == 0:
                            break
                    continue
                i = len(buf)
            else:
                i = _SCALAR.match(buf, i).end()  # type: ignore[union-attr]
                if i < len(buf) or self._eof:
                    break
            # need more input; once the value is over the limit, stop keeping it
            if skipped >= 0 or i - start > self._limit:
                skipped = max(skipped, 0) + len(buf[start:i].encode("utf-8", "surrogateescape"))
                self._advance(i)
                start = i
            shift = self._fill()
            if shift < 0:
                if mode == "scalar":
                    break
                return JsonValue(record, None, 0, "unexpected end of file inside a value")
            start -= shift
            i -= shift
        text = self._buf[start:i]
        self._advance(i)
        if skipped >= 0 or len(text) > self._limit:
            skipped = max(skipped, 0)
            return JsonValue(record, None, skipped + len(text.encode("utf-8", "surrogateescape")))
        if mode == "scalar" and not text:
            found = self._buf[i : i + 1] or "end of file"
            return JsonValue(record, None, 0, f"expected a value, got {found!r}")
        return JsonValue(record, text, len(text))
