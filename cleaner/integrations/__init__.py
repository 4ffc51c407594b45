"""Adapters that run the same Cleaner inside other engines: Scrapy (scrapy.py) and datatrove (datatrove.py).
Each imports its engine, so each is an optional extra: `cleaner-news[scrapy]`, `cleaner-news[datatrove]`."""

from __future__ import annotations

from ..reasons import REDIRECT_NOTICE
from ..record import Article


def not_an_article(article: Article) -> str | None:
    """Why an integration drops a cleaned page (drop_empty), or None: it could not be cleaned, it is the body of a
    redirect response ("Moved Permanently"), or no article text is left."""
    if article.error is not None:
        return article.error
    if article.body:
        return None
    if any(removed.get("reason") == REDIRECT_NOTICE for removed in article.removed):
        return "a redirect response, not an article"
    return "no article text on this page"
