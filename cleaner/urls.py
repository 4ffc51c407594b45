"""URLs as pages and scrapers supply them, parsed without ever raising, and addresses as the record writes them.

A page's canonical link, its og:url, a JSONL `url` field or a WARC target can be anything a typo or a broken
template makes of it ("http://[oops"), and `urllib.parse` raises ValueError on some of them.
A URL that cannot be parsed says nothing about the page, so every reader of a page-supplied URL goes through
`split_url`, which answers None for it instead of failing the page.

A rendered body's links and images, the canonical URL and the lead image are written absolute (resolved against
the page's <base> and URL) and safe (no script or data URL; a malformed address is dropped, never raised).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit

from .page import Page

SAFE_SCHEMES = frozenset(("http", "https", "mailto", "ftp", "tel", ""))
# Browsers strip controls and spaces around an address, and tabs and line breaks inside it ("java\tscript:" runs as
# "javascript:"): both are gone before the scheme is read.
_AROUND = "".join(map(chr, range(0x21)))  # C0 controls and the space
_INSIDE = re.compile(r"[\t\n\r]+")
MAX_URL = 4000


def page_base(page: Page) -> str | None:
    """What relative addresses of the page resolve against: its <base href> (itself resolved against the page's
    URL), else its URL; None when neither is known."""
    return page.once(_page_base)


def _page_base(page: Page) -> str | None:
    base = page.declared.base
    if base:
        return resolve(page.url, base) or page.url
    return page.url


def resolve(base: str | None, href: str) -> str | None:
    """`href` made absolute against `base` (as written when there is no base); None when it is empty, malformed,
    too long, or has a scheme that could run script or carry data (javascript:, vbscript:, data:, file:)."""
    href = _INSIDE.sub("", (href or "").strip(_AROUND))
    if not href or len(href) > MAX_URL:
        return None
    try:
        url = urljoin(base, href) if base else href
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # "http://[::1" and other malformed hosts
        return None
    return url if scheme in SAFE_SCHEMES else None


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
