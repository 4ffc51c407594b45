"""Scrapy: a real crawl, in its own process, of the test site served over HTTP on localhost, through the
cleaner's add-on and pipeline, with the feed exported to JSON Lines."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import SITE, serve

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def site_url():
    with serve(SITE) as url:
        yield url


def crawl(site_url: str, feed: Path, *settings: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scrapy", "runspider", str(TESTS / "harbour_spider.py")]
    command += ["-a", f"start_url={site_url}", "-O", f"{feed}:jsonlines"]
    for setting in settings:
        command += ["-s", setting]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=feed.parent)


def test_crawl_cleans_articles_and_drops_pages_without_one(site_url, tmp_path):
    feed = tmp_path / "items.jsonl"
    proc = crawl(site_url, feed, "CLEANER_EXPLAIN=True", "CLEANER_DROP_SOURCE=True")
    assert proc.returncode == 0, proc.stderr
    items = {item["url"].removeprefix(site_url): item for item in map(json.loads, feed.read_text().splitlines())}

    assert sorted(items) == ["news/festival.html", "news/harbour-bridge.html", "news/library.html"]
    bridge = items["news/harbour-bridge.html"]
    assert bridge["headline"] == "Harbour bridge reopens after two years of repairs"
    assert bridge["byline"] == ["Maria Lindqvist"]
    assert bridge["date"] == "2024-03-14"
    assert bridge["language"] == "en"
    assert bridge["status"] == 200  # the spider's own fields stay
    assert "html" not in bridge  # CLEANER_DROP_SOURCE
    assert "cracks in two of its steel girders" in bridge["body"]
    for furniture in ("cookies", "Share on Facebook", "newsletter", "All rights reserved", "Sport"):
        assert furniture not in bridge["body"]
    assert bridge["removed"] and all(r["reason"] for r in bridge["removed"])  # CLEANER_EXPLAIN
    festival = items["news/festival.html"]
    assert (festival["headline"], festival["byline"], festival["language"]) == (
        "Laternenfest zieht Rekordpublikum an",
        ["Klaus Müller"],
        "de",
    )
    assert items["news/library.html"]["date"] == "2024-04-02"

    # The index (twice: start requests skip the duplicate filter) and the tag listing (pages 1 and 2) hold no
    # article: dropped, and the log says why.
    assert proc.stderr.count("Dropped: cleaner: no article text on this page") == 4
    assert "'item_dropped_count': 4" in proc.stderr


def test_switched_off_the_items_pass_through_untouched(site_url, tmp_path):
    feed = tmp_path / "items.jsonl"
    proc = crawl(site_url, feed, "CLEANER_ENABLED=False")
    assert proc.returncode == 0, proc.stderr
    items = [json.loads(line) for line in feed.read_text().splitlines()]
    assert len(items) == 7
    assert all("html" in item and "body" not in item for item in items)


def test_articles_only_drops_other_pages_with_their_type_as_the_reason():
    from scrapy.exceptions import DropItem
    from scrapy.settings import Settings

    from cleaner.integrations.scrapy import CleanerPipeline

    pipeline = CleanerPipeline(Settings({"CLEANER_ARTICLES_ONLY": True}))
    fixtures = TESTS.parent / "fixtures"
    kept = pipeline.process_item({"html": (fixtures / "en-html-table" / "input.html").read_text(encoding="utf-8")})
    assert kept["page_type"] == "article" and kept["body"]
    for name, kind in (("en-html-404", "error"), ("en-html-section-front", "listing")):
        with pytest.raises(DropItem, match=f"cleaner: not an article: {kind} page"):
            pipeline.process_item({"html": (fixtures / name / "input.html").read_text(encoding="utf-8")})
