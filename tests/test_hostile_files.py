"""Hostile input files (issue 25): each gives a record or an error record that says what was wrong, reading
stays bounded, and no one input stops the batch, in one process, with --jobs, --resume and Parquet output."""

import gzip
import io
import json
import os
import socket

import pytest
from helpers import read_records, run_cleaner

from cleaner.io import readers
from cleaner.io.jsonl import MAX_JSON_DEPTH, MAX_JSON_VALUES, json_shape_error, read_jsonl

TEXT = "The council approved the budget on Tuesday after a long debate about schools and roads."


def nested(depth: int) -> str:
    """A JSONL line whose whole object nests `depth` levels (the record itself is the first)."""
    inner = "[" * (depth - 1) + "]" * (depth - 1)
    return f'{{"id": "d{depth}", "x": {inner}, "text": {json.dumps(TEXT)}}}'


def test_json_nesting_and_size_are_measured_outside_strings():
    assert json_shape_error(nested(MAX_JSON_DEPTH).encode()) is None
    assert json_shape_error(nested(MAX_JSON_DEPTH + 1).encode()) == "JSON nested too deeply: more than 100 levels"
    brackets_in_a_string = json.dumps({"html": "[{" * 5000, "text": "a, b, " * MAX_JSON_VALUES}).encode()
    assert json_shape_error(brackets_in_a_string) is None
    many = ("[" + "0," * MAX_JSON_VALUES + "0]").encode()
    assert json_shape_error(many) == "JSON line too large: more than 1,000,000 values"


def test_a_deeply_nested_line_is_an_error_record_in_every_kind_of_run(tmp_path):
    dump = tmp_path / "deep.jsonl"
    depths = (MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 985, 3000)
    lines = [json.dumps({"id": "first", "text": TEXT})] + [nested(d) for d in depths]
    dump.write_text("\n".join(lines + [json.dumps({"id": "last", "text": TEXT})]) + "\n")
    expected = ["first", f"d{MAX_JSON_DEPTH}", *(f"{dump}:{n}" for n in (3, 4, 5)), "last"]

    out = tmp_path / "out.jsonl"
    done = run_cleaner(str(dump), "-o", str(out), "--jobs", "2")
    assert done.returncode == 1, done.stderr
    records = read_records(out)
    assert [r["id"] for r in records] == expected
    assert [r.get("error") for r in records[2:5]] == ["JSON nested too deeply: more than 100 levels"] * 3
    assert [r.get("error_kind") for r in records[2:5]] == ["too_large"] * 3  # past a cap on the line's shape
    assert "error" not in records[1] and json.dumps(records[1]["x"]) == "[" * 99 + "]" * 99

    # --resume reads back the records already written, the deepest allowed among them
    part = tmp_path / "out.jsonl.part"
    part.write_text("".join(line + "\n" for line in out.read_text().splitlines()[:2]))
    out.unlink()
    from typer.testing import CliRunner

    from cleaner.cli import app

    done = CliRunner().invoke(app, ["clean", str(dump), "-o", str(out), "--resume"])  # in this process: faster
    assert done.exit_code == 1, done.output
    assert [r["id"] for r in read_records(out)] == expected

    parquet = tmp_path / "out.parquet"
    done = CliRunner().invoke(app, ["clean", str(dump), "-o", str(parquet)])
    assert done.exit_code == 1, done.output
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.column("id").to_pylist() == expected
    assert table.column("x").to_pylist()[1] == "[" * 99 + "]" * 99  # too deep for Parquet's own types: JSON text


def test_a_fifo_socket_or_device_is_an_error_record_never_opened(tmp_path):
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    os.mkfifo(folder / "b.html")  # nothing ever writes to it: opening it to read would wait forever
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "c.txt"))
        globbed = str(tmp_path / "crawl" / "*.html")
        done = run_cleaner(str(folder), globbed, str(folder / "b.html"), "/dev/null", timeout=120)
    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["id"], r.get("error")) for r in records] == [
        (str(folder / "a.txt"), None),
        (str(folder / "b.html"), "not a regular file: a FIFO, whose reading may never end"),
        (str(folder / "c.txt"), "not a regular file: a socket, whose reading may never end"),
        (str(folder / "b.html"), "not a regular file: a FIFO, whose reading may never end"),
        (str(folder / "b.html"), "not a regular file: a FIFO, whose reading may never end"),
        ("/dev/null", "not a regular file: a character device, whose reading may never end"),
    ]
    assert [r.get("error_kind") for r in records[1:]] == ["unreadable"] * 5  # there, but not a file to read


def test_a_file_swapped_for_a_fifo_after_it_was_listed_is_refused_without_waiting(tmp_path):
    # expand() went by stat; _open() checks the file it actually opened, opened without blocking.
    fifo = tmp_path / "late.txt"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file: a FIFO"):
        readers._open(str(fifo))


def test_blank_lines_are_read_past_in_bulk_and_counted(tmp_path):
    dump = tmp_path / "blank.jsonl.gz"
    record = json.dumps({"id": "", "text": TEXT}).encode()
    dump.write_bytes(gzip.compress(b"\n" * 1000 + record + b"\n" + b" \n" * 2_000_000))
    items = list(readers.read_inputs([str(dump)]))
    assert [(i.id, i.error) for i in items] == [(f"{dump}:1001", None)]  # line numbers stay exact
    blank = tmp_path / "newlines.jsonl.gz"
    blank.write_bytes(gzip.compress(b"\n" * 20_000_000))
    assert [(i.id, i.error, i.error_kind) for i in readers.read_inputs([str(blank)])] == [
        (str(blank), "empty file", "no_content")
    ]

    class Counted(io.BufferedReader):
        lines = 0

        def readline(self, size=-1):
            Counted.lines += 1
            return super().readline(size)

    stream = Counted(io.BytesIO(b"\n \r\n" * 1_000_000 + record + b"\n"))
    assert [i.id for i in read_jsonl(stream, "s", "html", "text")] == ["s:2000001"]
    assert Counted.lines < 100  # a few calls per 64 KB, not one per line


def test_a_decompression_bomb_is_read_no_further_than_its_size_allows(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_INFLATED", 1 << 20)  # the real floor is 1 GB; the ratio is the same
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * 20_000_000 + json.dumps({"text": TEXT}).encode()))
    items = list(readers.read_inputs([str(bomb)]))
    assert len(items) == 1 and items[0].error.startswith(
        "cannot read further: stopped reading: it inflates to more than 100 times its compressed size"
    )
    assert items[0].error_kind == "too_large"
    fine = tmp_path / "fine.jsonl.gz"  # real pages compress a few times, far from the ratio
    fine.write_bytes(gzip.compress(b"".join(json.dumps({"text": f"{TEXT} {n}"}).encode() + b"\n" for n in range(5000))))
    assert [i.error for i in readers.read_inputs([str(fine)])] == [None] * 5000
