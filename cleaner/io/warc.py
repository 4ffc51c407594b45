"""WARC input (Common Crawl, Heritrix, browsertrix, wget --warc-file): each response record that carries an
HTML page becomes an Item with the record's target URI as `url`, its WARC-Date as the `warc_date` field and the
HTTP charset as the declared charset. Every other record (requests, metadata, images, redirects) is counted in
`skipped` by kind, never cleaned.

Records are framed here, in bounded reads, and only a record found whole is handed to warcio (which parses its
HTTP headers and undoes chunking and content encodings). A header line or header block past its cap, a missing
or unreadable Content-Length, or one that does not end where the record does (too long, it would swallow the
records after it; too short, it would cut the page) is an error record for that record, and reading goes on at
the next line that starts a record ("WARC/1.x").
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..record import NO_CONTENT, TOO_LARGE
from .item import MAX_PAGE_BYTES, READ_ERRORS, Item, read_failed

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
MAX_HEADER_LINE = 1 << 16  # bytes in one WARC header line (real ones are under a few KB: a long target URI)
MAX_HEADERS = 1 << 20  # bytes of one record's WARC headers, and of one response's HTTP headers
CHUNK = 1 << 20
_END = b"\r\n\r\n"  # what ends a record's block
# A record that starts inside what an earlier record claimed as its block: that claim was too long. (A version
# line and a header, so that a page that merely mentions "WARC/1.0" does not end its own record.)
_NEXT_RECORD = re.compile(rb"\r\n\r\n(WARC/1\.\d\r?\n[!-9;-~]{1,64}:)")


class _Broken(Exception):  # noqa: N818  (a reason, given as the error record's message)
    """This record cannot be read as written; the message says why."""


def read_warc(stream: BinaryIO, path: str, skipped: Counter[str]) -> Iterator[Item]:
    source = _Source(stream)
    number = 0
    while True:
        where = f"{path}#{number + 1}"
        try:
            found = _next_record(source)
        except _Broken as exc:
            number += 1
            yield Item(id=where, error=f"not a valid WARC record: {exc}")
            try:
                if not source.skip_to_next_record():
                    return
            except READ_ERRORS as exc:  # a decompression bomb in the part skipped: say so
                yield read_failed(f"{path}#{number + 1}", "cannot read further", exc)
                return
            continue
        except READ_ERRORS as exc:
            yield read_failed(where, "cannot read further", exc)
            return
        if found is None:
            if number == 0:
                yield Item(id=path, error="empty file", error_kind=NO_CONTENT)
            return
        number += 1
        kind, raw = found
        if kind != "response":
            skipped[f"WARC {kind} record"] += 1
        else:
            yield from _record_item(raw, where, skipped)


def _record_item(raw: bytes, where: str, skipped: Counter[str]) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    block = raw[raw.index(b"\n\r\n") + 3 if b"\n\r\n" in raw else raw.index(b"\n\n") + 2 :]
    if len(block) > MAX_HEADERS and block.find(b"\n\r\n", 0, MAX_HEADERS) < 0 and b"\n\n" not in block[:MAX_HEADERS]:
        yield Item(id=where, error=f"not a valid WARC record: HTTP headers longer than {MAX_HEADERS:,} bytes")
        return
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(raw))))
        skip = skip_reason(record)
    except ArchiveLoadFailed as exc:
        yield Item(id=where, error=f"not a valid WARC record: {exc.msg}")
        return
    except Exception as exc:  # warcio fails on some malformed records (a response without a target URI)
        yield Item(id=where, error=f"not a valid WARC record: {type(exc).__name__}: {exc}")
        return
    if skip:
        skipped[skip] += 1
        return
    yield _page_item(record, where)


def _next_record(source: _Source) -> tuple[str, bytes] | None:
    """The next record, framed: its WARC-Type and, for a response, the record's bytes (b"" for another kind);
    None at the end of the input. Raises _Broken for a record that cannot be framed."""
    source.skip_blank()
    version = source.readline(MAX_HEADER_LINE + 1)
    if not version:
        return None
    if not version.startswith(b"WARC/"):
        raise _Broken(f"expected a version line (WARC/1.x), found {version[:40]!r}")
    head = [version]
    size = len(version)
    while True:
        line = source.readline(MAX_HEADER_LINE + 1)
        size += len(line)
        if len(line) > MAX_HEADER_LINE:
            raise _Broken(f"a header line longer than {MAX_HEADER_LINE:,} bytes")
        if size > MAX_HEADERS:
            raise _Broken(f"headers longer than {MAX_HEADERS:,} bytes")
        if not line:
            raise _Broken("the file ends inside its headers")
        head.append(line)
        if not line.strip():
            break
    headers = _parse_headers(head[1:])
    length = headers.get("content-length", "")
    if not length.isdigit():
        raise _Broken(f"Content-Length {length[:20]!r} is not a number" if length else "no Content-Length")
    kind = headers.get("warc-type", "").lower() or "untyped"
    block = source.read_block(int(length), MAX_PAGE_BYTES + MAX_HEADERS if kind == "response" else 0)
    return kind, (b"".join(head) + block + _END if kind == "response" else b"")


def _parse_headers(lines: list[bytes]) -> dict[str, str]:
    headers: dict[str, str] = {}
    name = None
    for raw in lines:
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        if line[:1] in (" ", "\t") and name:  # a continuation line
            headers[name] += " " + line.strip()
        elif ":" in line:
            name, value = line.split(":", 1)
            name = name.strip().lower()
            headers[name] = value.strip()
    return headers


class _Source:
    """The input as WARC records are framed from it: bounded reads, and bytes put back when a record turns out to
    start inside what an earlier one claimed as its block."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.ahead = b""

    def read(self, size: int) -> bytes:
        if not self.ahead:
            return self.raw.read(size)
        data, self.ahead = self.ahead[:size], self.ahead[size:]
        return data + self.raw.read(size - len(data)) if len(data) < size else data

    def readline(self, limit: int) -> bytes:
        if not self.ahead:
            return self.raw.readline(limit)
        end = self.ahead.find(b"\n", 0, limit)
        if end >= 0 or len(self.ahead) >= limit:
            cut = end + 1 if end >= 0 else limit
            line, self.ahead = self.ahead[:cut], self.ahead[cut:]
            return line
        line, self.ahead = self.ahead, b""
        return line + self.raw.readline(limit - len(line))

    def unread(self, data: bytes) -> None:
        self.ahead = data + self.ahead

    def skip_blank(self) -> None:
        while piece := self.read(1 << 16):
            rest = piece.lstrip()
            if rest:
                self.unread(rest)
                return

    def skip_to_next_record(self) -> bool:
        """Read on to the next line that starts a record (maybe the next one); False at the end of the input."""
        self.skip_blank()
        self.unread(self.read(8))
        if self.ahead.startswith(b"WARC/1."):
            return True
        tail = b""
        while piece := self.read(CHUNK):
            window = tail + piece
            start = window.find(b"\nWARC/1.")
            if start >= 0:
                self.unread(window[start + 1 :])
                return True
            tail = window[-8:]
        return False

    def read_block(self, length: int, keep: int) -> bytes:
        """A record's block of `length` bytes (its first `keep` bytes kept, the rest read past in pieces), checked
        to end where the record does: followed by the blank lines and next record, or by the end of the input."""
        kept: list[bytes] = []
        have = read = 0
        tail = b""
        while read < length:
            piece = self.read(min(CHUNK, length - read))
            if not piece:
                raise _Broken(f"Content-Length {length:,}, but the file ends after {read:,} bytes of it")
            window = tail + piece
            found = _NEXT_RECORD.search(window)
            if found:  # another record starts inside the claimed block: the claim was too long
                self.unread(window[found.start(1) :])
                raise _Broken(f"Content-Length {length:,} runs past the end of the record, into the next one")
            if have < keep:
                kept.append(piece[: keep - have])
                have += len(kept[-1])
            read += len(piece)
            tail = window[-80:]
        after = self.read(80)
        self.unread(after)
        rest = after.lstrip()[:5]
        # A block ends with CRLF CRLF (or at the end of the input), or at least with blank lines and the next
        # record; anything else right after it is more of the block.
        if not after.startswith((_END, b"\n\n")) and rest != b"WARC/"[: len(rest)]:
            raise _Broken(f"Content-Length {length:,} ends before the record does")
        return b"".join(kept)


def skip_reason(record: ArcWarcRecord) -> str | None:
    """Why a record is not a page to clean, as a short kind for the count on stderr; None for an HTML page."""
    if record.rec_type != "response":
        return f"WARC {record.rec_type} record"
    http = record.http_headers
    if http is None:
        return "response without HTTP headers"
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP status {status[:1] or '?'}xx response"
    if not _is_html(record):
        return "non-HTML response"
    return None


def _is_html(record: ArcWarcRecord) -> bool:
    declared = record.http_headers.get_header("Content-Type") or record.rec_headers.get_header(
        "WARC-Identified-Payload-Type"
    )
    if declared:
        return declared.split(";")[0].strip().lower() in HTML_TYPES
    return False


def _page_item(record: ArcWarcRecord, where: str) -> Item:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or where
    url = headers.get_header("WARC-Target-URI")
    extra = {"warc_date": headers.get_header("WARC-Date")}
    content_type = record.http_headers.get_header("Content-Type") or ""
    match = _CHARSET.search(content_type)
    try:
        # content_stream() undoes chunked transfer and gzip/deflate/br content encoding.
        data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    except Exception as exc:  # a broken encoding in one record must not end the archive
        return Item(id=record_id, url=url, extra=extra, error=f"cannot decode the HTTP payload: {exc}")
    if len(data) > MAX_PAGE_BYTES:
        return Item(
            id=record_id,
            url=url,
            extra=extra,
            error=f"payload larger than {MAX_PAGE_BYTES:,} bytes",
            error_kind=TOO_LARGE,
        )
    if not data.strip():
        return Item(id=record_id, url=url, extra=extra, error="empty HTTP payload", error_kind=NO_CONTENT)
    return Item(
        id=record_id, content=data, url=url, mode="html", extra=extra, charset=match.group(1) if match else None
    )
