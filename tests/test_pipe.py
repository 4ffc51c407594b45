"""`scraper | cleaner clean - > out.jsonl`: each record comes out as soon as its page went in, before EOF."""

import json
import os
import selectors
import subprocess
import time

import pytest
from helpers import SEEDS, SITE, cleaner_command


def read_line(stream, timeout: float = 60.0) -> bytes:
    """One line from a pipe, failing if it takes longer than `timeout` (the writer is still holding stdin open)."""
    selector = selectors.DefaultSelector()
    selector.register(stream, selectors.EVENT_READ)
    line = b""
    deadline = time.monotonic() + timeout
    while not line.endswith(b"\n"):
        if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
            raise AssertionError(f"no complete record within {timeout}s (got {line!r})")
        chunk = os.read(stream.fileno(), 1)
        if not chunk:
            raise AssertionError(f"output ended early (got {line!r})")
        line += chunk
    return line


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_record_comes_back_while_stdin_is_still_open(jobs):
    pages = [
        {"id": "first", "url": "https://rfi.example/a", "text": SEEDS[0].read_text(encoding="utf-8")},
        {"id": "second", "html": (SITE / "news/harbour-bridge.html").read_text(encoding="utf-8"), "crawl": 7},
    ]
    proc = subprocess.Popen(
        cleaner_command("-", "--jobs", jobs), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        for page in pages:
            proc.stdin.write(json.dumps(page).encode("utf-8") + b"\n")
            proc.stdin.flush()
            record = json.loads(read_line(proc.stdout))
            assert record["id"] == page["id"]
            assert record["body"]
        assert record["crawl"] == 7  # the scraper's own fields pass through
        assert record["headline"] == "Harbour bridge reopens after two years of repairs"
        proc.stdin.close()
        assert proc.stdout.read() == b""
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()


def test_a_reader_that_leaves_early_stops_the_run_quietly():
    pages = SEEDS * 40  # more records than a pipe buffer holds, so the run is still writing when the reader leaves
    proc = subprocess.Popen(
        cleaner_command(*map(str, pages)), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    read_line(proc.stdout)
    proc.stdout.close()  # as `| head -1` does
    assert proc.wait(timeout=60) == 1
    assert b"Traceback" not in proc.stderr.read()
    proc.stderr.close()
