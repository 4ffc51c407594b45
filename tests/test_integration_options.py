"""The integrations take every Cleaner option from config.py, and a redirect or an empty response is not an
article (issue 23, item 12)."""

import pytest

from cleaner import config

scrapy_settings = pytest.importorskip("scrapy.settings")
from scrapy.exceptions import DropItem  # noqa: E402

from cleaner.integrations.scrapy import CleanerPipeline  # noqa: E402

REDIRECT = (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>301 Moved Permanently</title></head>'
    '<body><h1>Moved Permanently</h1><p>The document has moved <a href="https://example.com/news/1">here</a>.</p>'
    "<hr><address>Apache/2.4.41 (Ubuntu) Server at example.com Port 80</address></body></html>"
)
NGINX = (
    "<html><head><title>301 Moved Permanently</title></head><body><center><h1>301 Moved Permanently</h1></center>"
    "<hr><center>nginx</center></body></html>"
)
SETTINGS = {
    "mode": "text",
    "disable": "share_prompt,footer",
    "site": "example.com",
    "time_limit": "5",
    "explain": "1",
    "body_format": "markdown",
    "links": "1",
    "images": "1",
    "comments": "1",
    "articles_only": "1",
}


def _pipeline(**settings) -> CleanerPipeline:
    return CleanerPipeline(scrapy_settings.Settings({f"CLEANER_{k.upper()}": v for k, v in settings.items()}))


def test_every_option_reaches_the_scrapy_pipeline():
    assert set(SETTINGS) == set(config.names()) - {"templates"}  # a store is tested with the templates
    pipeline = _pipeline(**SETTINGS)
    assert pipeline.config == config.Config(
        mode="text",
        disable=("share_prompt", "footer"),
        site="example.com",
        time_limit=5.0,
        explain=True,
        body_format="markdown",
        links=True,
        images=True,
        comments=True,
        articles_only=True,
    )
    assert pipeline.cleaner.time_limit == 5.0


@pytest.mark.parametrize("page", [REDIRECT, NGINX], ids=["apache", "nginx"])
def test_a_redirect_response_is_dropped_as_such(page):
    with pytest.raises(DropItem, match="a redirect response, not an article"):
        _pipeline().process_item({"url": "http://example.com/news/1", "html": page})


def test_an_empty_response_is_dropped_as_such():
    with pytest.raises(DropItem, match="the 'html' field is empty: an empty response is not an article"):
        _pipeline().process_item({"url": "http://example.com/news/1", "html": "  "})


def test_the_datatrove_step_takes_every_option_and_counts_redirects():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanArticles

    step = CleanArticles(mode="auto", disable=("footer",), site="example.com", time_limit=5, explain=False)
    assert step.config == config.Config(disable=("footer",), site="example.com", time_limit=5, explain=False)
    assert list(step.run([Document(text=REDIRECT, id="r")])) == []
    assert step.stats["dropped_cleaner_redirect"].total == 1
