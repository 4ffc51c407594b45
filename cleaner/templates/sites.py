"""Which site a page belongs to: its template is learned from, and applied to, the pages of that site only."""

from __future__ import annotations

from ..urls import url_hostname


def url_host(url: str | None) -> str | None:
    """The URL's host, lower case, without "www." ("https://www.BBC.co.uk/news" -> "bbc.co.uk")."""
    return url_hostname(url).removeprefix("www.") or None  # a malformed URL names no site


def site_for(given: str | None = None, url: str | None = None, default: str | None = None) -> str | None:
    """The page's site: the one its input names (a JSONL `site` field, a Scrapy item's `site`), else its URL's
    host, else the run's default (`--site`); None when there is none (the page is cleaned without a template)."""
    if isinstance(given, str) and given.strip():
        return given.strip().lower()
    return url_host(url) or (default.strip().lower() if default and default.strip() else None)
