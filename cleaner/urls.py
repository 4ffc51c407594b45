"""URLs as pages and scrapers supply them: parsed without ever raising.

A page's canonical link, its og:url, a JSONL `url` field or a WARC target can be anything a typo or a broken
template makes of it ("http://[oops"), and `urllib.parse` raises ValueError on some of them.
A URL that cannot be parsed says nothing about the page, so every reader of a page-supplied URL goes through
`split_url`, which answers None for it instead of failing the page.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit


def split_url(url: object) -> SplitResult | None:
    """The URL's parts, or None when it is not a string or cannot be parsed."""
    if not isinstance(url, str) or not url:
        return None
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def url_path(url: object) -> str:
    """The URL's path ("" when it has none or cannot be parsed)."""
    parts = split_url(url)
    return parts.path if parts else ""


def url_hostname(url: object) -> str:
    """The URL's host name, lower case ("" when it has none or cannot be parsed)."""
    parts = split_url(url)
    return (parts.hostname or "").lower() if parts else ""
