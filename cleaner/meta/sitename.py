"""The site's name, and titles without it: "Brief History of Coffee - Charleston Coffee Roasters" -> "Brief
History of Coffee". The name is learnt from what the page declares (og:site_name, application-name,
twitter:site, the JSON-LD publisher or WebSite) and from the URL host."""

from __future__ import annotations

import re

from .. import reasons
from ..lines import compact
from ..page import Page
from ..urls import url_hostname
from . import ld

# Title separators: " - ", " | ", " – ", " — ", " · ", " :: ", " » ", "|" without spaces; a plain ":" is not
# one (it introduces a subtitle: "Zimbabwe coup: Robert Mugabe ...").
SEPARATOR = re.compile(r"\s+(?:[-|–—·•»/\\]|::|\|\|)\s+|\s*\|\s*|\s+::\s*")
_SEPARATOR_CHAR = re.compile(r"[-|–—·•»/\\:]")
SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site", "publisher")
SITE_EXTRA = 4  # "nytimes" + ".com"
MAX_SITE = 40  # a longer og:site_name is a page title put in the wrong tag
_HOST_NOISE = frozenset("www m amp blog blogs news de com org net co uk fr es it at ch io".split())


def site_names(page: Page) -> list[str]:
    """What the page calls its site, most explicit first (compacted, without duplicates); once per page."""
    return page.once(_site_names)


def _site_names(page: Page) -> list[str]:
    names: list[str] = []
    meta = page.declared.meta
    for key in SITE_KEYS:
        names.extend(meta.get(key, []))
    for obj in ld.iter_objects(page.declared.json_ld):  # every object: WebSite and Organization too
        kinds = ld.types(obj)
        if kinds & {"website", "organization", "newsmediaorganization"}:
            names.append(ld.text_of(obj.get("name")) or "")
        if kinds & ld.ARTICLE_TYPES:
            names.append(ld.text_of(obj.get("publisher")) or "")
    url = page.url or page.declared.canonical or (meta.get("og:url") or [None])[0]
    if url:
        host = url_hostname(url)
        labels = [label for label in host.split(".") if label and label not in _HOST_NOISE]
        names.extend(labels)
        if host:
            names.append(host.removeprefix("www."))
    found: list[str] = []
    for name in names:
        key = compact(name.lstrip("@"))
        if 2 <= len(key) <= MAX_SITE and key not in found:
            found.append(key)
    return found


_COPYRIGHT_NAME = re.compile(
    r"^\W{0,3}(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?(?:by\s+)?"
    r"(?P<name>[^\W\d][^|.,;:–—•·]{1,60}?)(?:\s*[|.,;:–—•·]|\s+all rights|\s+alle rechte|\s+tous droits|$)",
    re.I,
)


def text_site_names(page: Page) -> list[str]:
    """In scraped text the site names itself in its copyright line ("© 2024 Charleston Coffee Roasters.")."""
    found: list[str] = []
    for block in page.blocks:
        match = _COPYRIGHT_NAME.match(block.text)
        if match:
            key = compact(match.group("name"))
            if 2 <= len(key) <= MAX_SITE and key not in found:
                found.append(key)
    return found


_CREDITS = frozenset((reasons.PHOTO_CREDIT, reasons.PHOTO_CAPTION, reasons.FIGURE_CAPTION))


def text_site_name(page: Page) -> str | None:
    """The site's name as a scraped text's copyright line writes it ("© 2024 Charleston Coffee Roasters."), the
    last such line of the page (the footer's), never a photo's credit ("© Emmanuel Dunand, AFP | ...")."""
    for block in reversed(page.blocks):
        if block.reason in _CREDITS or "|" in block.text:
            continue
        match = _COPYRIGHT_NAME.match(block.text)
        if match and 2 <= len(compact(match.group("name"))) <= MAX_SITE:
            return match.group("name").strip()
    return None


def is_site(part: str, sites: list[str], loose: bool = False) -> bool:
    """The text names the site: equal to a site name, a piece of one ("NYTimes" of "nytimescom"), or a site
    name with a few characters more ("NYTimes.com" for "nytimes"). `loose` (for a part of a title split at
    its separators) also takes a site name with a description after it ("MyOOS Community Forum")."""
    key = compact(part)
    if not key:
        return True
    for site in sites:
        if key == site or (len(key) >= 3 and key in site):
            return True
        near = len(key) - len(site) <= SITE_EXTRA or (loose and key.startswith(site))
        if len(site) >= 4 and site in key and near:
            return True
    return False


def split_title(title: str) -> list[str]:
    return [p.strip() for p in SEPARATOR.split(title)]


def strip_site(title: str, sites: list[str]) -> str:
    """The title without site-name parts at either end (never the whole title)."""
    title = " ".join(title.split())
    if not _SEPARATOR_CHAR.search(title):
        return title  # SEPARATOR needs one of these characters: a title without them is one part
    parts = split_title(title)
    if len(parts) < 2:
        return title
    seps = SEPARATOR.findall(title)
    start, end = 0, len(parts)
    while end - start > 1 and is_site(parts[end - 1], sites, loose=True):
        end -= 1
    while end - start > 1 and is_site(parts[start], sites, loose=True):
        start += 1
    if (start, end) == (0, len(parts)):
        return title
    out = parts[start]
    for sep, part in zip(seps[start : end - 1], parts[start + 1 : end], strict=True):
        out += sep + part
    return out.strip()
