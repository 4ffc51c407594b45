"""The Python API after an HTTP client: fetch pages from a real local server, clean them with one Cleaner."""

import urllib.request

from helpers import SITE, serve

from cleaner import Cleaner


def test_clean_pages_fetched_over_http():
    cleaner = Cleaner()
    with serve(SITE) as base:
        articles = {}
        for name in ("news/harbour-bridge.html", "news/festival.html", "tags/city.html"):
            with urllib.request.urlopen(base + name) as response:
                charset = response.headers.get_content_charset()
                articles[name] = cleaner.clean(response.read(), url=response.url, charset=charset)

    bridge = articles["news/harbour-bridge.html"]
    assert bridge.url == base + "news/harbour-bridge.html"
    assert (bridge.headline, bridge.byline, bridge.date) == (
        "Harbour bridge reopens after two years of repairs",
        ["Maria Lindqvist"],
        "2024-03-14",
    )
    # The ISO-8859-1 page is sent as bare text/html: the cleaner finds the charset in its <meta>.
    assert "Mehr als zwölftausend Menschen" in articles["news/festival.html"].body
    record = articles["tags/city.html"].to_dict(explain=True)
    assert record["body"] == "" and all(r["reason"] for r in record["removed"])


def test_metadata_can_be_switched_off_for_the_body_alone():
    page = (SITE / "news" / "harbour-bridge.html").read_bytes()
    full = Cleaner(mode="html").clean(page)
    body_only = Cleaner(mode="html", disable=["metadata"]).clean(page)
    assert full.headline and full.language
    assert (body_only.headline, body_only.byline, body_only.date, body_only.language) == (None, [], None, None)
    assert full.body in body_only.body  # the headline line, no longer a field, stays in the body
    assert not {r["reason"] for r in body_only.removed} & {"headline", "byline", "date"}
