"""What readers hand on: one Item per page to clean, or per input that could not be read."""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from typing import Any

from ..record import TOO_LARGE, UNREADABLE

MAX_PAGE_BYTES = 50_000_000
# A JSON line holds one page, escaped (up to six bytes per character): past this it is not one page, and
# reading it whole could exhaust memory (a dump with no newline at all).
MAX_LINE_BYTES = 2 * MAX_PAGE_BYTES


@dataclass(slots=True)
class Item:
    """One page to clean (or one input that could not be read: `error`)."""

    id: str
    content: str | bytes | None = None
    url: str | None = None
    mode: str | None = None  # set when the input says what the content is (a JSONL "html" or "text" field)
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    error_kind: str = UNREADABLE  # of an item with `error` (record.py's kinds)
    charset: str | None = None  # declared outside the document (HTTP header in a WARC record)
    hint: str | None = None  # what the file's name says the content is (.html: "html"), taken in auto mode


class InflationLimit(OSError):
    """A compressed input inflated past what its size allows: a decompression bomb, read no further."""


# What reading a (possibly compressed) input can raise: it costs that input, never the run.
READ_ERRORS = (OSError, EOFError, zlib.error, gzip.BadGzipFile)


def describe(exc: BaseException) -> str:
    """A read error in words."""
    if isinstance(exc, EOFError):
        return "truncated file (compressed stream ended early)"
    return str(exc) or type(exc).__name__


def read_failed(where: str, what: str, exc: BaseException) -> Item:
    """The error Item for an input that could not be read (further): a decompression bomb is too large, anything
    else unreadable."""
    kind = TOO_LARGE if isinstance(exc, InflationLimit) else UNREADABLE
    return Item(id=where, error=f"{what}: {describe(exc)}", error_kind=kind)
