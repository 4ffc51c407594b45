"""The fixed train/validation split of the development data, by site: every page of a site falls on the same
side, so anything trained on `train` is measured on sites it never saw.

A page's site is its URL host (`domain`, `url` or, for news-portals, `site`); pages without one (dragnet) take
the host of their canonical or og:url link, else the host most of their absolute links point to; a page with
none of these (readability's test pages, served from "fakehost") is a site of its own. A site is in
`validation` when the first byte of SHA-1 of its name is below 64, a quarter of the sites.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from urllib.parse import urlsplit

VALIDATION_SHARE = 64  # of 256: a quarter of the sites
_SELF_URL = re.compile(
    r"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']?([^"' >]+)|"""
    r"""<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)""",
    re.I,
)
_HREF = re.compile(r"""href=["']?(https?://[^"' >/]+)""", re.I)


def host(url: str | None) -> str | None:
    if not url:
        return None
    name = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
    return name if name and name != "fakehost" else None


def site_of(row: dict, dataset: str = "") -> str:
    """The site a dataset row belongs to."""
    for key in ("site", "domain"):
        if row.get(key):
            return str(row[key]).lower().removeprefix("www.")
    found = host(row.get("url"))
    if found:
        return found
    html = row.get("html") or ""
    match = _SELF_URL.search(html)
    if match and (found := host(match.group(1) or match.group(2))):
        return found
    hosts = Counter(h for h in (host(u) for u in _HREF.findall(html[:500_000])) if h)
    if hosts:
        return hosts.most_common(1)[0][0]
    return f"{dataset}:{row.get('id')}"


def split_of(row: dict, dataset: str = "") -> str:
    """'train' or 'validation'."""
    digest = hashlib.sha1(site_of(row, dataset).encode("utf-8")).digest()
    return "validation" if digest[0] < VALIDATION_SHARE else "train"
