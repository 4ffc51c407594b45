"""WARC in: a real WARC file written with warcio, cleaned by a real `cleaner clean` process."""

import gzip
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers import SITE, read_records, run_cleaner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.io.warc import read_warc

BRIDGE = "http://harbour.example/news/harbour-bridge.html"
FESTIVAL = "http://harbour.example/news/festival.html"


def _response(writer, url, body, content_type, status="200 OK", extra_headers=()):
    http = StatusAndHeaders(status, [("Content-Type", content_type), *extra_headers], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


def write_warc(path: Path) -> None:
    """A crawl as Heritrix or wget writes it: requests, responses of every kind, a metadata record."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        request = StatusAndHeaders("GET /news/harbour-bridge.html HTTP/1.1", [("Host", "harbour.example")])
        writer.write_record(writer.create_warc_record(BRIDGE, "request", http_headers=request))
        writer.write_record(_response(writer, BRIDGE, (SITE / "news/harbour-bridge.html").read_bytes(), "text/html"))
        writer.write_record(
            _response(writer, "http://harbour.example/img/bridge.jpg", b"\xff\xd8\xff\xe0 not a page", "image/jpeg")
        )
        writer.write_record(_response(writer, "http://harbour.example/old", b"", "text/html", "301 Moved Permanently"))
        # The festival page is ISO-8859-1; the HTTP header says so, and its body travels gzip-encoded.
        festival = gzip.compress((SITE / "news/festival.html").read_bytes())
        encoded = [("Content-Encoding", "gzip")]
        latin1 = "text/html; charset=ISO-8859-1"
        writer.write_record(_response(writer, FESTIVAL, festival, latin1, extra_headers=encoded))
        writer.write_record(
            writer.create_warc_record(
                FESTIVAL, "metadata", payload=io.BytesIO(b"outlinks: 3"), warc_content_type="text/plain"
            )
        )
        writer.write_record(_response(writer, "http://harbour.example/empty.html", b"  ", "text/html"))


def warc_dates(path: Path) -> dict[str, str]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        return {
            r.rec_headers.get_header("WARC-Record-ID"): r.rec_headers.get_header("WARC-Date")
            for r in ArchiveIterator(f)
        }


def test_warc_html_responses_become_records_and_the_rest_is_counted(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    out = tmp_path / "out.jsonl"
    proc = run_cleaner(str(warc), "-o", str(out))
    records = read_records(out)

    assert [r["url"] for r in records] == [BRIDGE, FESTIVAL, "http://harbour.example/empty.html"]
    bridge, festival, empty = records
    dates = warc_dates(warc)
    for record in records:
        assert record["id"].startswith("<urn:uuid:")
        assert record["warc_date"] == dates[record["id"]]
    assert bridge["headline"] == "Harbour bridge reopens after two years of repairs"
    assert "cracks in two of its steel girders" in bridge["body"]
    assert "cookies" not in bridge["body"]
    # Decoded with the HTTP charset after undoing the gzip content encoding.
    assert festival["language"] == "de"
    assert "Mehr als zwölftausend Menschen" in festival["body"]
    assert empty["error"] == "empty HTTP payload"
    assert proc.returncode == 1  # one error record
    assert (
        "skipped 4 WARC record(s) that are not HTML pages: 1 WARC request record, 1 non-HTML response, "
        "1 HTTP status 3xx response, 1 WARC metadata record" in proc.stderr
    )


def test_uncompressed_warc_on_stdin(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-"],
        input=gzip.decompress(warc.read_bytes()),
        capture_output=True,
    )
    urls = [json.loads(line)["url"] for line in proc.stdout.decode("utf-8").splitlines()]
    assert urls == [BRIDGE, FESTIVAL, "http://harbour.example/empty.html"]


def test_damaged_warc_gives_an_error_record_after_the_good_ones(tmp_path):
    warc = tmp_path / "crawl.warc"
    write_warc(tmp_path / "whole.warc.gz")
    data = gzip.decompress((tmp_path / "whole.warc.gz").read_bytes())
    warc.write_bytes(data + b"this is not a WARC record\r\n\r\n")
    out = tmp_path / "out.jsonl"
    proc = run_cleaner(str(warc), "-o", str(out))
    records = read_records(out)
    assert [r["url"] for r in records[:3]] == [BRIDGE, FESTIVAL, "http://harbour.example/empty.html"]
    assert records[3]["error"].startswith("not a valid WARC record")
    assert proc.returncode == 1


def _three_records() -> list[bytes]:
    """Three HTML responses, each as its own uncompressed WARC record."""
    records = []
    for name in ("a", "b", "c"):
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=False)
        body = f"<html><body><article><h1>Story {name}</h1><p>{'The council met. ' * 20}</p></article></body></html>"
        writer.write_record(_response(writer, f"http://harbour.example/{name}", body.encode(), "text/html"))
        records.append(buffer.getvalue())
    return records


def _with_length(record: bytes, change) -> bytes:
    import re

    return re.sub(rb"Content-Length: (\d+)\r\n", lambda m: change(int(m.group(1))), record, count=1)


@pytest.mark.parametrize(
    "damage, error",
    [
        (lambda r: _with_length(r, lambda n: b"Content-Length: 10000000000\r\n"), "runs past the end of the record"),
        (lambda r: _with_length(r, lambda n: b"Content-Length: %d\r\n" % (n + 50)), "runs past the end of the record"),
        (lambda r: _with_length(r, lambda n: b"Content-Length: %d\r\n" % (n - 50)), "ends before the record does"),
        (lambda r: _with_length(r, lambda n: b""), "no Content-Length"),
        (lambda r: _with_length(r, lambda n: b"Content-Length: lots\r\n"), "is not a number"),
        (lambda r: r.replace(b"\r\n", b"\r\nX-Long: " + b"x" * 2_000_000 + b"\r\n", 1), "a header line longer than"),
        (lambda r: r.replace(b"\r\n", b"\r\n" + b"X-Many: x\r\n" * 200_000, 1), "headers longer than"),
        (lambda r: r.replace(b"WARC/1.0", b"WRAC/1.0", 1), "expected a version line"),
    ],
)
@pytest.mark.parametrize("compressed", [False, True])
def test_a_damaged_record_is_an_error_record_and_reading_goes_on(damage, error, compressed):
    a, b, c = _three_records()
    records = [a, damage(b), c]
    data = b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records)
    stream = gzip.GzipFile(fileobj=io.BytesIO(data)) if compressed else io.BytesIO(data)
    items = list(read_warc(stream, "crawl.warc", Counter()))
    assert [i.url for i in items] == ["http://harbour.example/a", None, "http://harbour.example/c"]
    assert items[1].id == "crawl.warc#2" and items[1].error.startswith("not a valid WARC record: ")
    assert error in items[1].error
    assert items[0].error is None and items[2].error is None and b"Story c" in items[2].content


def test_a_record_claiming_ten_gigabytes_swallows_no_other_record(tmp_path):
    a, b, c = _three_records()
    warc = tmp_path / "crawl.warc.gz"
    damaged = _with_length(b, lambda n: b"Content-Length: 10000000000\r\n")
    warc.write_bytes(b"".join(gzip.compress(r) for r in (a, damaged, c)))
    from typer.testing import CliRunner

    from cleaner.cli import app

    done = CliRunner().invoke(app, ["clean", str(warc)])
    assert "done: 2 record(s), 1 error record(s) (1 unreadable)" in done.stderr  # by kind (main)
    assert len(done.stdout.splitlines()) == 3


def test_an_empty_warc_is_an_error_record(tmp_path):
    warc = tmp_path / "empty.warc.gz"
    warc.write_bytes(gzip.compress(b""))
    proc = run_cleaner(str(warc))
    assert [json.loads(line)["error"] for line in proc.stdout.splitlines()] == ["empty file"]


def test_a_response_without_a_target_uri_is_an_error_record_not_a_crash():
    a, b, c = _three_records()
    broken = b"\r\n".join(line for line in b.split(b"\r\n") if not line.startswith(b"WARC-Target-URI"))
    items = list(read_warc(io.BytesIO(a + broken + c), "crawl.warc", Counter()))
    assert [i.url for i in items] == ["http://harbour.example/a", None, "http://harbour.example/c"]
    assert items[1].error.startswith("not a valid WARC record: AttributeError")


def test_a_bomb_in_a_warc_header_line_is_read_no_further_than_its_size_allows(tmp_path, monkeypatch):
    from cleaner.bench.hostile import warc_long_header
    from cleaner.io import readers

    monkeypatch.setattr(readers, "MAX_INFLATED", 1 << 20)  # the real floor is 1 GB; the ratio is the same
    warc = tmp_path / "long.warc.gz"
    warc_long_header(str(warc), 5_000_000)
    errors = [item.error for item in readers.read_inputs([str(warc)])]
    assert errors[0] == "not a valid WARC record: a header line longer than 65,536 bytes"
    assert errors[1].startswith("cannot read further: stopped reading: it inflates to more than 100 times")
    assert len(errors) == 2
