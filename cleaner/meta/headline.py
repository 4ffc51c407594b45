"""The article's headline: from markup candidates (JSON-LD, Open Graph, <h1>, <title>) chosen by agreement,
with the site name stripped; in text, the title line that stands just before the article."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..record import Page
from ..rules.teasers import title_like
from . import ld

SEPARATOR = re.compile(r"\s+[-|–—·•»:]{1,2}\s+|\s*\|\s*")
_NORM = re.compile(r"[\W_]+")
# Blocks that may stand between a headline and its article in scraped text.
BETWEEN = frozenset(
    "photo_caption photo_credit date_stamp advertising_label share_prompt doubled_line section_label "
    "agency_credit byline reading_time".split()
)


def norm(text: str) -> str:
    return _NORM.sub(" ", text.lower()).strip()


def site_names(page: Page) -> list[str]:
    names = []
    meta = page.meta.get("meta", {})
    for key in ("og:site_name", "application-name", "twitter:site"):
        names.extend(meta.get(key, []))
    for obj in ld.article_objects(page.meta.get("json_ld", [])):
        publisher = ld.text_of(obj.get("publisher"))
        if publisher:
            names.append(publisher)
    url = page.url or page.meta.get("canonical")
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if host:
            names.append(host)
            names.append(host.split(".")[0])
    return [n.lstrip("@") for n in names if n]


def _is_site(part: str, sites: list[str]) -> bool:
    compact = norm(part).replace(" ", "")
    if not compact:
        return True
    for site in sites:
        site_compact = norm(site).replace(" ", "")
        if site_compact and (compact == site_compact or compact in site_compact or site_compact in compact):
            return True
    return False


def strip_site(title: str, sites: list[str]) -> str:
    """ "Brief History of Coffee - Charleston Coffee Roasters" -> "Brief History of Coffee"."""
    parts = SEPARATOR.split(title)
    if len(parts) < 2:
        return title.strip()
    seps = SEPARATOR.findall(title)
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out.strip()


def _best_of(candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The candidate most others agree with (equal, or one contains the other); ties go to the earlier source."""
    if not candidates:
        return None
    best, best_votes = None, -1
    for text, source in candidates:
        key = norm(text)
        if not key:
            continue
        votes = sum(1 for other, _ in candidates if (k := norm(other)) and (k == key or key in k))
        if votes > best_votes:
            best, best_votes = (text, source), votes
    return best


def html_headline(page: Page) -> tuple[str, str] | None:
    sites = site_names(page)
    meta = page.meta.get("meta", {})
    candidates: list[tuple[str, str]] = []
    for obj in ld.article_objects(page.meta.get("json_ld", []))[:1]:
        text = ld.text_of(obj.get("headline")) or ld.text_of(obj.get("name"))
        if text:
            candidates.append((strip_site(text, sites), "json-ld"))
    h1 = [b.text for b in page.blocks if b.heading == 1 and 2 <= len(b.text) <= 300]
    h1.sort(key=lambda t: 0 if any(b.in_content for b in page.blocks if b.text == t) else 1)
    if h1:
        candidates.append((h1[0], "h1"))
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            candidates.append((strip_site(meta[key][0], sites), key))
    if page.title:
        candidates.append((strip_site(page.title, sites), "title"))
    return _best_of(candidates)


def _paragraph_like(text: str) -> bool:
    n = len(text.split())
    return n >= 20 or (n >= 10 and text.rstrip("\"'”’)").endswith((".", "!", "?")))


def text_headline(page: Page) -> tuple[str, str] | None:
    """The title-like line just before the first paragraph, past captions, dates and bylines."""
    blocks = page.blocks
    start = next((i for i, b in enumerate(blocks) if b.keep and _paragraph_like(b.text)), None)
    if start is None:
        return None
    for i in range(start - 1, max(-1, start - 12), -1):
        block = blocks[i]
        if block.keep and title_like(block.text):
            return block.text, "title-line"
        if not block.keep and block.reason not in BETWEEN:
            break
    return None


def headline_lines(page: Page, headline: str) -> list[int]:
    """Blocks that repeat the headline, alone or with a site name or section label around it."""
    key = norm(headline)
    if not key:
        return []
    sites = site_names(page)
    found = []
    for i, block in enumerate(page.blocks):
        text = norm(block.text)
        if text == key:
            found.append(i)
        elif key in text and len(text) <= len(key) + 60:
            rest = norm(block.text.replace(headline, " ")) if headline in block.text else ""
            if headline in block.text and (len(rest.split()) <= 6 or _is_site(rest, sites)):
                found.append(i)
    return found
