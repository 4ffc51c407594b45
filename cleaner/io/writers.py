"""Writing records: JSON Lines, plain text or Parquet, to stdout or a file.

A file output is written to `OUTPUT.part` (uncompressed JSON Lines, or text), one whole record at a time and
flushed, and becomes OUTPUT (renamed, gzip-compressed for `.gz`, converted for `.parquet`) only when the run
completes. An interrupted run therefore leaves no half record in OUTPUT, and its `.part` can be resumed: the
complete lines are kept, a trailing partial line is cut off, and the ids already written are skipped.
"""

from __future__ import annotations

import fcntl
import gzip
import json
import math
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any, BinaryIO

PART_SUFFIX = ".part"


# Line breaks that JSON leaves raw inside strings but str.splitlines() and some JSONL readers split on.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_LINE_BREAKS_PATTERN = re.compile("[\u2028\u2029\x85]")


def to_json_line(record: dict[str, Any]) -> str:
    try:
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or infinity, which strict JSON has no word for: written as null (README)
        record = _finite(record)
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
    # Only strings can hold them, so escaping them keeps the JSON the same value and the record one line to all.
    line = _LINE_BREAKS_PATTERN.sub(lambda m: _LINE_BREAKS[m.group(0)], line) + "\n"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate passed through from the input (an id or a field of a JSONL line: "\\ud800" in its
        # JSON) has no UTF-8 form: this record is written with ASCII escapes, so it stays valid UTF-8 and reads
        # back (and resumes) with the very id it came with.
        line = json.dumps(record, ensure_ascii=True, allow_nan=False) + "\n"
    return line


def _finite(value: Any) -> Any:
    """`value` with every float that is NaN or infinite replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


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
    lines.append((record.get("body") or "") + "\n")
    for removed in record.get("removed") or ():  # with --explain: what left the body, and why
        lines.append(f"- [{removed['reason']}] {removed['text']}")
    if record.get("removed"):
        lines.append("")
    lines.append("=" * 72 + "\n")
    return "\n".join(lines)


class OutputError(ValueError):
    """The output cannot be opened as asked (a leftover `.part` without --resume, --resume to stdout, ...)."""


class WriteFailed(RuntimeError):
    """Writing a file output failed (a full disk, a quota): the run stops, its records so far kept for --resume."""


class Output:
    """A record sink. `commit()` turns a file output's `.part` into the output; `close()` keeps the `.part`."""

    def __init__(self, path: str | None, fmt: str = "jsonl", resume: bool = False) -> None:
        self.path = None if path in (None, "-") else path
        self.format = "parquet" if self.path and self.path.endswith(".parquet") else fmt
        self.done: Counter[str] = Counter()  # ids already in the `.part` when resuming
        self._lock: int | None = None
        if self.path is None:
            if resume:
                raise OutputError("--resume needs an output file (-o)")
            # Bytes to stdout, so records are UTF-8 whatever the terminal's locale says.
            self._stream: BinaryIO = getattr(sys.stdout, "buffer", None) or _TextAsBinary(sys.stdout)
            return
        if self.format == "parquet":
            _require_pyarrow()  # now, not after the run: the conversion happens at the end
        self.part = self.path + PART_SUFFIX
        for path in (self.path, self.part):
            if os.path.islink(path):  # writing through it would truncate or replace whatever it points at
                raise OutputError(f"{path} is a symbolic link: name the real file, or remove the link")
        self._new_part = not os.path.exists(self.part)
        if not self._new_part and not resume:
            raise OutputError(
                f"{self.part} is left from an interrupted run: add --resume to continue it, or delete it to start over"
            )
        if resume and self.format == "text":
            raise OutputError("--resume needs JSON Lines or Parquet output (the text format holds no ids)")
        fd = _open_part(self.part, self.path)
        # The lock lives on a second descriptor of the `.part`, so it holds until the output is complete, through
        # the conversion that follows closing the stream.
        self._lock = os.dup(fd)
        try:
            if resume and not self._new_part:
                self.done = resume_part(fd)
            # Unbuffered: each record is one write straight to the file, so a full disk fails that write and
            # nothing is left in a buffer to fail again at close.
            self._stream = os.fdopen(fd, "ab", buffering=0)  # closed by commit or close
        except BaseException:
            os.close(fd)
            self._unlock()
            raise

    def write(self, record: dict[str, Any]) -> None:
        line = to_text(record) if self.format == "text" else to_json_line(record)
        # One write and a flush per record: a reader of the pipe gets it now, and a kill leaves at most one
        # partial line at the end of the `.part`, which --resume cuts off.
        # (A lone surrogate in a text-format record is written as its escape: no UTF-8 form exists.)
        data = line.encode("utf-8", errors="backslashreplace")
        if self.path is None:
            self._stream.write(data)
            self._stream.flush()
            return
        try:
            view = memoryview(data)
            while view:  # a raw write may take part of the line; a kill mid-line leaves what --resume cuts off
                view = view[self._stream.write(view) :]
        except OSError as exc:  # a full disk, a quota, a file-size limit
            raise WriteFailed(f"cannot write {self.part}: {exc.strerror or exc}") from None

    def commit(self) -> None:
        """Make the output complete: the `.part` becomes OUTPUT in its final format."""
        if self.path is None:
            self._stream.flush()
            return
        try:
            self._stream.close()
            if self.format == "parquet":
                from .parquet import jsonl_to_parquet

                _replace_via_temp(self.path, lambda tmp: jsonl_to_parquet(self.part, tmp))
            elif self.path.endswith(".gz"):
                _replace_via_temp(self.path, lambda tmp: _gzip(self.part, tmp))
            else:
                os.replace(self.part, self.path)
                return
            os.unlink(self.part)
        except OSError as exc:  # the conversion ran out of disk: the `.part` is whole, --resume completes it
            raise WriteFailed(f"cannot write {self.path}: {exc.strerror or exc}") from None
        finally:
            self._unlock()

    def close(self) -> None:
        """Stop without completing: what was written stays in the `.part` for --resume."""
        if self.path is not None:
            try:
                self._stream.close()
            finally:
                self._unlock()
        else:
            self._stream.flush()

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # the last descriptor of the `.part`'s open file: its lock goes with it
            self._lock = None

    def discard(self) -> None:
        """Stop before any work: remove the `.part` if this run created it and wrote nothing."""
        if self.path is not None and self._new_part and os.path.getsize(self.part) == 0:
            os.unlink(self.part)  # while still locked: no other run can have started writing it
        self.close()


def _open_part(part: str, output: str) -> int:
    """The `.part` opened for reading and appending, never through a symbolic link, and locked (flock) for this
    run: a second run on the same output, with --resume or not, is refused while this one goes on."""
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(part, flags, 0o666)
    except OSError as exc:  # a missing folder, no permission, a link put there since: say so before any work
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise OutputError(
            f"another run is writing {part}: let it finish (or stop it) before starting one on the same output"
        ) from None
    return fd


def resume_part(fd: int) -> Counter[str]:
    """Cut a trailing partial line off the `.part` open at `fd` and count the ids of its complete records."""
    done: Counter[str] = Counter()
    keep = 0
    with os.fdopen(os.dup(fd), "rb") as f:
        f.seek(0)
        for line in f:
            if not line.endswith(b"\n"):
                break
            try:
                done[str(json.loads(line)["id"])] += 1
            except (ValueError, KeyError, TypeError, RecursionError):
                break  # a damaged line: keep what comes before it and redo the rest
            keep += len(line)
    os.ftruncate(fd, keep)
    return done


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise OutputError("Parquet output needs pyarrow: pip install 'cleaner-news[parquet]'") from None


def _replace_via_temp(path: str, write: Callable[[str], None]) -> None:
    """Write `path` under a temporary name beside it, then rename it into place."""
    tmp = f"{path}.tmp-{os.getpid()}"  # opened by the writer like any file, so it gets the usual permissions
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _gzip(source: str, target: str) -> None:
    with open(source, "rb") as src, open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        shutil.copyfileobj(src, gz, 1 << 20)


class _TextAsBinary:
    """A text stream without a binary buffer (a test harness's stdout) seen as a binary one."""

    def __init__(self, text) -> None:
        self._text = text

    def write(self, data: bytes) -> None:
        self._text.write(data.decode("utf-8"))

    def flush(self) -> None:
        self._text.flush()


# What an output's name says it is: the formats written, and formats people ask for that are not.
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jl": "jsonl",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".parquet": "parquet",
}
_NOT_WRITTEN = {
    ".csv": "CSV",
    ".tsv": "TSV",
    ".json": "JSON (one document)",
    ".xml": "XML",
    ".html": "HTML",
    ".htm": "HTML",
    ".xlsx": "Excel",
    ".xls": "Excel",
}


def output_format(path: str | None, fmt: str | None) -> str:
    """The format to write: `fmt` as asked, else what the output's name says, else JSON Lines. Raises
    OutputError for a name of a format never written (`-o out.csv`) or one that contradicts `fmt`
    (`--format text -o x.parquet`)."""
    if path in (None, "-"):
        return fmt or "jsonl"
    name = path.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    if suffix in _NOT_WRITTEN:
        raise OutputError(
            f"-o {path}: cleaner writes JSON Lines (.jsonl), Parquet (.parquet) or plain text (.txt), "
            f"not {_NOT_WRITTEN[suffix]}"
        )
    named = _SUFFIX_FORMATS.get(suffix)
    if named == "parquet" and path.lower().endswith(".gz"):
        raise OutputError(f"-o {path}: Parquet compresses itself; name it .parquet")
    if fmt and named and named != fmt and not (named == "parquet" and fmt == "jsonl"):
        raise OutputError(f"--format {fmt} contradicts -o {path} ({named}): drop one of them")
    return fmt or named or "jsonl"


def open_output(path: str | None, fmt: str = "jsonl", resume: bool = False) -> Output:
    return Output(path, fmt, resume)
