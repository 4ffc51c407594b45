"""JSON Lines input: one Item per line, streamed, each line's shape checked before it is parsed."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..record import INVALID_JSON, NO_CONTENT, TOO_LARGE
from .item import MAX_LINE_BYTES, READ_ERRORS, Item, read_failed

# The shape of a JSON line, checked before it is parsed: a record nests a few levels (a scraper's own fields,
# JSON-LD) and holds a few thousand values. Deeper, every later step that walks it (JSON encoding, pickling to a
# worker, Parquet) would exhaust Python's stack; more values, and parsing alone could take gigabytes.
MAX_JSON_DEPTH = 100
MAX_JSON_VALUES = 1_000_000


def read_jsonl(stream: BinaryIO, path: str, html_field: str, text_field: str) -> Iterator[Item]:
    """One Item per line, streamed: each is yielded as soon as its line is read. A file without a single line
    that holds anything is one error record, as an empty page file is."""
    lineno = 0
    found = False
    while True:
        try:
            line = stream.readline(MAX_LINE_BYTES + 1)
            too_long = len(line) > MAX_LINE_BYTES
            if too_long:
                _skip_line(stream)
        except READ_ERRORS as exc:
            yield read_failed(f"{path}:{lineno + 1}", "cannot read further", exc)
            return
        if not line:
            if not found:
                yield Item(id=path, error="empty file", error_kind=NO_CONTENT)
            return
        lineno += 1
        if too_long:
            found = True
            yield Item(
                id=f"{path}:{lineno}",
                error=f"line longer than {MAX_LINE_BYTES:,} bytes; not a single page",
                error_kind=TOO_LARGE,
            )
        elif line.strip():
            found = True
            yield _jsonl_item(line, f"{path}:{lineno}", html_field, text_field)
        else:
            try:
                lineno += _skip_blank(stream)
            except READ_ERRORS as exc:
                yield read_failed(f"{path}:{lineno + 1}", "cannot read further", exc)
                return


def _skip_blank(stream: BinaryIO) -> int:
    """Read past whitespace in pieces of 64 KB instead of line by line (a dump of millions of empty lines would
    cost a Python call each); the number of line ends passed."""
    peek = getattr(stream, "peek", None)
    newlines = 0
    while peek is not None:
        ahead = peek(1 << 16)
        blank = len(ahead) - len(ahead.lstrip())
        if not blank:
            break
        newlines += stream.read(blank).count(b"\n")
    return newlines


def _skip_line(stream: BinaryIO) -> None:
    """Read past the rest of an over-long line in bounded pieces."""
    while (piece := stream.readline(1 << 20)) and not piece.endswith(b"\n"):
        pass


# A JSON string (to its closing quote, or to the end of an unfinished line), and what is not a bracket.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]+")


def json_shape_error(line: bytes) -> str | None:
    """Why a JSON line is too deep or too large to parse, or None. Counting is done outside strings, in C
    (regular expressions and bytes methods), in time linear in the line."""
    opens = line.count(b"[") + line.count(b"{")
    if opens <= MAX_JSON_DEPTH and opens + line.count(b",") < MAX_JSON_VALUES:
        return None  # nesting needs brackets, and values commas: too few of either anywhere in the line
    outside = _JSON_STRING.sub(b'""', line)
    if outside.count(b"[") + outside.count(b"{") + outside.count(b",") >= MAX_JSON_VALUES:
        return f"JSON line too large: more than {MAX_JSON_VALUES:,} values"
    brackets = _NOT_BRACKET.sub(b"", outside).replace(b"{", b"[").replace(b"}", b"]")
    # Each pass takes away the innermost pairs, one level of nesting: what is left after MAX_JSON_DEPTH passes
    # nests deeper. (Brackets that do not pair up are invalid JSON, which the parser reports.)
    for _ in range(MAX_JSON_DEPTH):
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            return None
        brackets = shorter
    return f"JSON nested too deeply: more than {MAX_JSON_DEPTH} levels" if b"[]" in brackets else None


def read_json(stream: BinaryIO, path: str, html_field: str, text_field: str) -> Iterator[Item]:
    """A .json file: one page (an object), or pages (an array of objects, each `path:N`)."""
    try:
        data = stream.read(MAX_LINE_BYTES + 1)
    except READ_ERRORS as exc:
        yield read_failed(path, "cannot read", exc)
        return
    if len(data) > MAX_LINE_BYTES:
        yield Item(id=path, error=f"JSON file larger than {MAX_LINE_BYTES:,} bytes", error_kind=TOO_LARGE)
        return
    if not data.strip():
        yield Item(id=path, error="empty file", error_kind=NO_CONTENT)
        return
    parsed = _parse(data, path)
    if isinstance(parsed, Item):
        yield parsed
    elif isinstance(parsed, list):
        for n, record in enumerate(parsed, 1):
            yield _record_item(record, f"{path}:{n}", html_field, text_field)
        if not parsed:
            yield Item(id=path, error="an empty JSON array: no pages", error_kind=NO_CONTENT)
    else:
        yield _record_item(parsed, path, html_field, text_field)


def _parse(data: bytes, where: str) -> Any:
    """The parsed JSON, or an error Item."""
    shape_error = json_shape_error(data)
    if shape_error:  # past a cap on its shape: too large to parse
        return Item(id=where, error=shape_error, error_kind=TOO_LARGE)
    try:
        return json.loads(data, parse_constant=_no_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        return Item(id=where, error=f"invalid JSON: {exc}", error_kind=INVALID_JSON)


def _jsonl_item(line: bytes, where: str, html_field: str, text_field: str) -> Item:
    record = _parse(line, where)
    return record if isinstance(record, Item) else _record_item(record, where, html_field, text_field)


def _record_item(record: Any, where: str, html_field: str, text_field: str) -> Item:
    """One page's Item from a JSON object with an html or text field."""
    if not isinstance(record, dict):
        return Item(
            id=where, error=f"a page in JSON must be an object, not {type(record).__name__}", error_kind=INVALID_JSON
        )
    raw_id = record.get("id")
    item_id = str(raw_id) if raw_id not in (None, "") else where
    url = record.get("url") if isinstance(record.get("url"), str) else None
    extra = {k: v for k, v in record.items() if k not in (html_field, text_field)}
    for name in ("error", "error_kind"):  # they mark a record that could not be cleaned: the input's own kept apart
        if name in extra:
            extra.setdefault(f"input_{name}", extra.pop(name))
    for name, mode in ((html_field, "html"), (text_field, "text")):
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return Item(id=item_id, content=value, url=url, mode=mode, extra=extra)
    present = [n for n in (html_field, text_field) if n in record]
    if present:
        reason = f"field {present[0]!r} is empty or not a string"
    else:
        reason = f"no {html_field!r} or {text_field!r} field (see --html-field / --text-field)"
    return Item(id=item_id, url=url, extra=extra, error=reason, error_kind=NO_CONTENT)


# NaN, Infinity and numbers too large for a float (1e999) have no strict JSON form: read as null, so that every
# record written is valid JSON whatever the input held (README, "Hostile input").
def _no_constant(name: str) -> None:
    return None


def _finite_float(text: str) -> float | None:
    number = float(text)
    return number if math.isfinite(number) else None
