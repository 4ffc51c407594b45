"""WARC in: a real WARC file written with warcio, cleaned by a real `cleaner clean` process."""

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

from helpers import SITE, read_records, run_cleaner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

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
