"""Inputs to Items: files, folders (recursively), globs and `-` (stdin); .txt, .html/.htm, .jsonl, .json, .warc,
each also .gz, and in a folder every other file too (read as a page, or rejected as "not a page: PDF document").

Every input yields Items in input order; an input that cannot be read yields an Item with `error` set, so a
caller can count inputs in = records out + rejects. Only files passed over on purpose (hidden files, data and
code: io/filekinds.py) make no Item, and the caller is given their names to say so.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..record import NO_CONTENT, NOT_A_PAGE, NOT_FOUND, TOO_LARGE, UNREADABLE
from ..segment.detect import mode_of_name
from .filekinds import binary_kind, skipped_on_purpose
from .item import MAX_PAGE_BYTES, READ_ERRORS, InflationLimit, Item, read_failed
from .jsonl import read_json, read_jsonl
from .warc import read_warc

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
WARC_SUFFIXES = (".warc",)
SUFFIXES = PAGE_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + WARC_SUFFIXES
# A compressed input may always inflate to MAX_INFLATED bytes, and past that to MAX_INFLATION times the
# compressed bytes read (README, "Hostile input"): what reading one file may cost is bounded by its size.
MAX_INFLATED = 1 << 30
MAX_INFLATION = 100


# What expand() says of an input that names no file (NOT_FOUND); its other errors are files it will not read.
_NO_FILES = "folder holds no files (hidden files, data and code aside)"
_NO_MATCH = "no file matches this pattern"
_NO_SUCH = "no such file or folder"


def _kind(path: str) -> str:
    name = path.lower().removesuffix(".gz")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSON_SUFFIXES):
        return "json"
    return "page"


def expand(inputs: Iterable[str], passed_over: list[str] | None = None) -> Iterator[tuple[str, str | None]]:
    """(path, error) for each input file: folders walked in sorted order, globs expanded, '-' kept. A FIFO, a
    socket or a device, found in a folder, by a glob or named, is an error: reading it could wait forever. The
    files and folders of a folder passed over on purpose (hidden, data and code) are added to `passed_over`."""
    passed_over = passed_over if passed_over is not None else []
    for spec in inputs:
        if spec == "-":
            yield spec, None
        elif os.path.isdir(spec):
            found = False
            for root, dirs, files in os.walk(spec):
                hidden = sorted(d for d in dirs if d.startswith("."))
                passed_over.extend(os.path.join(root, d) + os.sep for d in hidden)
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    path = os.path.join(root, name)
                    if skipped_on_purpose(name):
                        passed_over.append(path)
                        continue
                    found = True
                    yield path, _not_regular(path)
            if not found:
                yield spec, _NO_FILES
        elif any(ch in spec for ch in "*?[") and not os.path.exists(spec):
            matches = sorted(p for p in glob.glob(spec, recursive=True) if not os.path.isdir(p))
            if not matches:
                yield spec, _NO_MATCH
            for match in matches:
                yield match, _not_regular(match)
        elif os.path.exists(spec):
            yield spec, _not_regular(spec)
        else:
            yield spec, _NO_SUCH


def input_named(path: str, inputs: Iterable[str]) -> str | None:
    """The input that `path` (an output) is, or would be read as: a file named or matched by a glob, or a file
    with an input's suffix inside a folder given as input. Writing there would replace what is being read."""
    if path in (None, "-") or not os.path.exists(path):
        return None
    real = os.path.realpath(path)
    for spec in inputs:
        if spec == "-":
            continue
        if os.path.isdir(spec):
            folder = os.path.join(os.path.realpath(spec), "")
            if real.startswith(folder) and not skipped_on_purpose(real):
                return spec
            continue
        candidates = glob.glob(spec, recursive=True) if not os.path.exists(spec) else [spec]
        if any(os.path.exists(c) and os.path.samefile(c, path) for c in candidates):
            return spec
    return None


_FILE_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"))


def _not_regular(path: str, mode: int | None = None) -> str | None:
    """Why `path` is not a file to read (a FIFO, a socket, a device), or None. Stat only: never opened."""
    if mode is None:
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            return f"cannot open: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "a block device" if stat.S_ISBLK(mode) else "")
    return f"not a regular file: {kind or 'a special file'}, whose reading may never end"


def _open(path: str) -> BinaryIO:
    """The file at `path` for reading (stdin for '-'); raises OSError with the reason when it is not a regular
    file. Opened without blocking, so a FIFO put in a file's place since it was listed is refused, not waited on."""
    if path == "-":
        return sys.stdin.buffer
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    why = _not_regular(path, os.fstat(fd).st_mode)
    if why:
        os.close(fd)
        raise OSError(why)
    os.set_blocking(fd, True)
    raw = os.fdopen(fd, "rb")
    if path.lower().endswith(".gz"):
        return _Inflating(raw)  # type: ignore[return-value]
    return raw


class _Inflating:
    """A .gz input, inflated as it is read, that stops with InflationLimit once it has given more than
    MAX_INFLATED bytes and more than MAX_INFLATION times the compressed bytes read so far. Real dumps of pages
    compress about 5 to 10 times; a bomb (a file of newlines, one repeated line) a thousand."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.gz = gzip.GzipFile(fileobj=raw)
        self.inflated = 0

    def _counted(self, data: bytes) -> bytes:
        self.inflated += len(data)
        if self.inflated > MAX_INFLATED and self.inflated > MAX_INFLATION * max(self.raw.tell(), 1):
            raise InflationLimit(
                f"stopped reading: it inflates to more than {MAX_INFLATION} times its compressed size "
                f"({self.inflated:,} bytes from {self.raw.tell():,}), a decompression bomb"
            )
        return data

    def read(self, size: int = -1) -> bytes:
        return self._counted(self.gz.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._counted(self.gz.readline(size))

    def peek(self, size: int = 0) -> bytes:
        return self.gz.peek(size)

    def close(self) -> None:
        try:
            self.gz.close()
        finally:
            self.raw.close()


def read_inputs(
    inputs: Iterable[str],
    html_field: str = "html",
    text_field: str = "text",
    stdin_format: str = "auto",
    skipped: Counter[str] | None = None,
    passed_over: list[str] | None = None,
) -> Iterator[Item]:
    """Items in input order. Records that are not pages (WARC requests, images, ...) are counted in `skipped`
    by kind instead of becoming Items, and the files of a folder passed over on purpose are named in
    `passed_over`, so the caller can say what it passed over."""
    for path, error in expand(inputs, passed_over):
        if error:
            kind = NOT_FOUND if error in (_NO_FILES, _NO_MATCH, _NO_SUCH) else UNREADABLE
            yield Item(id=path, error=error, error_kind=kind)
            continue
        kind = _kind(path) if path != "-" else stdin_format
        try:
            stream = _open(path)
        except OSError as exc:
            yield Item(id=path, error=f"cannot open: {exc.strerror or exc}")
            continue
        try:
            if kind == "auto":
                stream, kind = _sniff(stream)
            if kind == "jsonl":
                yield from read_jsonl(stream, path, html_field, text_field)
            elif kind == "json":
                yield from read_json(stream, path, html_field, text_field)
            elif kind == "warc":
                yield from read_warc(stream, path, skipped if skipped is not None else Counter())
            else:
                yield _read_page(stream, path)
        finally:
            if path != "-":
                stream.close()


def _read_page(stream: BinaryIO, path: str) -> Item:
    try:
        data = stream.read(MAX_PAGE_BYTES + 1)
    except READ_ERRORS as exc:
        return read_failed(path, "cannot read", exc)
    if len(data) > MAX_PAGE_BYTES:
        return Item(
            id=path, error=f"file larger than {MAX_PAGE_BYTES:,} bytes; not a single page", error_kind=TOO_LARGE
        )
    if not data.strip():
        return Item(id=path, error="empty file", error_kind=NO_CONTENT)
    kind = binary_kind(data)
    if kind is not None:
        return Item(id=path, error=f"not a page: {kind}", error_kind=NOT_A_PAGE)
    return Item(id=path, content=data, hint=mode_of_name(path))


def _sniff(stream: BinaryIO) -> tuple[BinaryIO, str]:
    """stdin without a stated format: JSON Lines if it starts with '{', WARC if with 'WARC/', else one page."""
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)  # type: ignore
    head = buffered.peek(64).lstrip()
    if head.startswith(b"{"):
        return buffered, "jsonl"
    return buffered, ("warc" if head.startswith(b"WARC/") else "page")
