"""Writing records: JSON Lines or plain text, to stdout or a file (`.gz` compresses). A file is written under
a temporary name and renamed when complete, so an interrupted run never leaves a half-written output file."""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
from typing import Any, TextIO


def to_json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def to_text(record: dict[str, Any]) -> str:
    """A record for people: headline, a line of metadata, the body, and a rule between records."""
    if record.get("error"):
        return f"# {record.get('id')}\n\n[error] {record['error']}\n\n" + "=" * 72 + "\n"
    lines = []
    if record.get("headline"):
        lines.append(f"# {record['headline']}\n")
    details = [", ".join(record.get("byline") or []), record.get("date") or "", record.get("language") or ""]
    if any(details):
        lines.append(" | ".join(d for d in details if d) + "\n")
    lines.append((record.get("body") or "") + "\n\n" + "=" * 72 + "\n")
    return "\n".join(lines)


class Output:
    """A record sink; `commit()` makes a file output visible, `abort()` discards it."""

    def __init__(self, path: str | None, fmt: str = "jsonl") -> None:
        self.path = path
        self.format = fmt
        self._tmp: str | None = None
        if path is None or path == "-":
            # Bytes to stdout, so records are UTF-8 whatever the terminal's locale says.
            buffer = getattr(sys.stdout, "buffer", None)
            self._stream: TextIO | _TextOver = _TextOver(buffer) if buffer is not None else sys.stdout
            return
        directory = os.path.dirname(os.path.abspath(path))
        fd, self._tmp = tempfile.mkstemp(prefix=".cleaner-", suffix=".part", dir=directory)
        raw = os.fdopen(fd, "wb")
        if path.endswith(".gz"):
            binary = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
            self._raw = raw
            self._stream = _TextOver(binary)
        else:
            self._raw = None
            self._stream = _TextOver(raw)

    def write(self, record: dict[str, Any]) -> None:
        self._stream.write(to_json_line(record) if self.format == "jsonl" else to_text(record))
        if self._tmp is None:
            self._stream.flush()

    def commit(self) -> None:
        if self._tmp is None:
            if self.path is None or self.path == "-":
                self._stream.flush()
            return
        self._stream.close()
        if self._raw is not None:
            self._raw.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        if self._tmp is None:
            return
        try:
            self._stream.close()
            if self._raw is not None:
                self._raw.close()
        finally:
            os.unlink(self._tmp)
            self._tmp = None


class _TextOver:
    """UTF-8 text over a binary file object (closing it closes the file object)."""

    def __init__(self, binary) -> None:
        self._binary = binary

    def write(self, text: str) -> None:
        self._binary.write(text.encode("utf-8"))

    def flush(self) -> None:
        self._binary.flush()

    def close(self) -> None:
        self._binary.close()


def open_output(path: str | None, fmt: str = "jsonl") -> Output:
    return Output(path, fmt)
