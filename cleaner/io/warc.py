"""WARC input (Common Crawl, Heritrix, browsertrix, wget --warc-file): each response record that carries an
HTML page becomes an Item with the record's target URI as `url`, its WARC-Date as the `warc_date` field and the
HTTP charset as the declared charset. Every other record (requests, metadata, images, redirects) is counted in
`skipped` by kind, never cleaned."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..record import NO_CONTENT, TOO_LARGE
from .readers import MAX_PAGE_BYTES, READ_ERRORS, Item

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.I)


def read_warc(stream: BinaryIO, path: str, skipped: Counter[str]) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = iter(ArchiveIterator(stream))
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except ArchiveLoadFailed as exc:
            yield Item(id=f"{path}#{number + 1}", error=f"not a valid WARC record: {exc.msg}")
            return
        except READ_ERRORS as exc:
            yield Item(id=f"{path}#{number + 1}", error=f"cannot read further: {exc or type(exc).__name__}")
            return
        number += 1
        skip = skip_reason(record)
        if skip:
            skipped[skip] += 1
            continue
        yield _page_item(record, f"{path}#{number}")


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
