"""The record's fields that a page declares about itself besides its headline, byline and date: the site's name,
the description, the lead image, tags and categories, the canonical URL, and the last modification. Each reader
gives a value and where it came from (for `sources`), or None; `READERS` lists them by record field.

Adding a field: its `Article` field in record.py, a reader here (or in a module of its own), and its line in
`READERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from html import unescape
from typing import TYPE_CHECKING, Any

from ..page import Page
from ..urls import page_base, resolve
from . import ld
from .dateclues import (
    MODIFIED_META,
    NOT_DATING,
    day_first,
    header_range,
    headline_at,
    of_article,
    parse_value,
    stamp,
)
from .sitename import MAX_SITE, text_site_name

if TYPE_CHECKING:
    from . import Metadata

Found = tuple[Any, str] | None
MAX_DESCRIPTION = 1000
MAX_TERMS = 50  # tags or categories: a longer list is a keyword dump
MAX_TERM = 80
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")
DESCRIPTION_META = ("description", "og:description", "twitter:description", "dc.description")
IMAGE_META = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image")
TAG_META = ("article:tag", "news_keywords", "keywords")
SECTION_META = ("article:section", "section", "category")
_SPACES = re.compile(r"\s+")
_TERM_SPLIT = re.compile(r"\s*,\s*")


def _clean(text: Any, limit: int) -> str | None:
    """A declared text with its spaces collapsed and its character references read (JSON-LD often carries
    "Food &amp; Drink"); None when empty or longer than `limit`."""
    if not isinstance(text, str):
        return None
    text = _SPACES.sub(" ", unescape(text)).strip()
    return text if 0 < len(text) <= limit else None


def _first_meta(page: Page, keys: tuple[str, ...], limit: int) -> Found:
    for key in keys:
        for value in page.declared.meta.get(key, ()):
            text = _clean(value, limit)
            if text:
                return text, f"meta:{key}"
    return None


def site_name(page: Page, found: Metadata) -> Found:
    """og:site_name and kin, the JSON-LD publisher or WebSite; in text, the name in its copyright line."""
    if page.mode == "text":
        name = text_site_name(page)
        return (name, "copyright-line") if name else None
    declared = _first_meta(page, SITE_META, MAX_SITE)
    if declared:
        return declared
    for obj in ld.iter_objects(page.declared.json_ld):
        kinds = ld.types(obj)
        value = None
        if kinds & ld.ARTICLE_TYPES:
            value = ld.text_of(ld.resolve(page, obj.get("publisher")))
        elif kinds & {"website", "newsmediaorganization"}:
            value = ld.text_of(obj.get("name"))
        if value and _clean(value, MAX_SITE):
            return _clean(value, MAX_SITE), "json-ld"
    return None


def description(page: Page, found: Metadata) -> Found:
    """The page's meta description (or og:, twitter:, the JSON-LD article's)."""
    declared = _first_meta(page, DESCRIPTION_META, MAX_DESCRIPTION)
    if declared:
        return declared
    for obj in ld.page_articles(page):
        text = _clean(ld.text_of(obj.get("description")), MAX_DESCRIPTION)
        if text:
            return text, "json-ld"
    return None


def lead_image(page: Page, found: Metadata) -> Found:
    """The image the page shows for itself (og:image and kin, the JSON-LD article's image), absolute."""
    base = page_base(page)
    for key in IMAGE_META:
        for value in page.declared.meta.get(key, ()):
            url = resolve(base, value)
            if url:
                return url, f"meta:{key}"
    for obj in ld.page_articles(page):
        for key in ("image", "thumbnailUrl"):
            url = resolve(base, _ld_url(obj.get(key)) or "")
            if url:
                return url, "json-ld"
    return None


def _ld_url(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((u for u in map(_ld_url, value) if u), None)
    if isinstance(value, dict):
        return _ld_url(value.get("url") or value.get("contentUrl") or value.get("@id"))
    return None


def _terms(values: list[Any]) -> list[str]:
    """Terms from comma-separated strings and from lists (an item each), in order, once each (case aside)."""
    found: dict[str, str] = {}
    for value in values:
        if isinstance(value, str):
            value = _TERM_SPLIT.split(unescape(value))
        for item in value if isinstance(value, list) else ():
            term = _clean(ld.text_of(item) if isinstance(item, dict) else item, MAX_TERM)
            if term and term.casefold() not in found:
                found[term.casefold()] = term
    return list(found.values())[:MAX_TERMS]


def _declared_terms(page: Page, ld_key: str, meta_keys: tuple[str, ...]) -> Found:
    """The terms of the JSON-LD article's `ld_key`, else of the first of `meta_keys` the page has."""
    for obj in ld.page_articles(page):
        terms = _terms([obj.get(ld_key)]) if obj.get(ld_key) else []
        if terms:
            return terms, "json-ld"
    for key in meta_keys:
        terms = _terms(page.declared.meta.get(key, []))
        if terms:
            return terms, f"meta:{key}"
    return None


def tags(page: Page, found: Metadata) -> Found:
    """The JSON-LD article's keywords, else article:tag (each its own meta tag), news_keywords or keywords."""
    return _declared_terms(page, "keywords", TAG_META)


def categories(page: Page, found: Metadata) -> Found:
    """The JSON-LD article's articleSection, else article:section; else the JSON-LD breadcrumb between the home
    page and the page itself."""
    declared = _declared_terms(page, "articleSection", SECTION_META)
    if declared:
        return declared
    crumbs = _breadcrumb(page)
    return (crumbs, "json-ld:breadcrumb") if crumbs else None


def _breadcrumb(page: Page) -> list[str]:
    for obj in ld.iter_objects(page.declared.json_ld):
        if "breadcrumblist" not in ld.types(obj) or not isinstance(obj.get("itemListElement"), list):
            continue
        items = [i for i in obj["itemListElement"] if isinstance(i, dict)]
        items.sort(key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0)
        names = [ld.text_of(i.get("name")) or ld.text_of(i.get("item")) for i in items]
        return _terms([n for n in names[1:-1] if n])
    return []


def canonical_url(page: Page, found: Metadata) -> Found:
    """<link rel="canonical">, else og:url, absolute."""
    base = page_base(page)
    if page.declared.canonical:
        url = resolve(base, page.declared.canonical)
        if url:
            return url, "link:canonical"
    for value in page.declared.meta.get("og:url", ()):
        url = resolve(base, value)
        if url:
            return url, "meta:og:url"
    return None


def modified(page: Page, found: Metadata) -> Found:
    """The last update the page states, kept apart from the publication date and never before it: declared
    (JSON-LD dateModified, article:modified_time and kin), else a <time> or a line labelled as an update in the
    article's header ("Updated: 3 March 2025")."""
    published = date.fromisoformat(found.date[:10]) if found.date else None
    order = day_first(page)
    candidates: list[tuple[date, str]] = []
    for obj in ld.page_articles(page):
        value = parse_value(ld.text_of(obj.get("dateModified")), order)
        if value:
            candidates.append((value, "json-ld-modified"))
            break
    for key in MODIFIED_META:
        value = next(filter(None, (parse_value(v, order) for v in page.declared.meta.get(key, ()))), None)
        if value:
            candidates.append((value, f"meta:{key}"))
    if not candidates:
        candidates = _shown_updates(page, order)
    candidates = [(v, s) for v, s in candidates if v.year >= 1990 and (published is None or v >= published)]
    if not candidates:
        return None
    value, source = max(candidates, key=lambda c: c[0])
    return value.isoformat(), source


def _shown_updates(page: Page, order: bool | None) -> list[tuple[date, str]]:
    at = headline_at(page)
    near = header_range(at)
    found = []
    for mark in page.declared.times:
        if mark["kind"] == "modified" and of_article(mark["place"], mark["in_content"], mark["at"], range(0)):
            value = parse_value(mark["datetime"], order) or parse_value(mark["text"], order)
            if value and mark["at"] in near:
                found.append((value, "time"))
    for i in near:
        if i >= len(page.blocks) or page.blocks[i].reason in NOT_DATING:
            continue
        stamped = stamp(page.blocks[i].text, order)
        if stamped and stamped[0] == "modified":
            found.append((stamped[1], stamped[2]))
    return found


READERS: dict[str, Callable[[Page, Metadata], Found]] = {
    "site_name": site_name,
    "description": description,
    "image": lead_image,
    "tags": tags,
    "categories": categories,
    "canonical_url": canonical_url,
    "modified": modified,
}


def read_declared(page: Page, found: Metadata) -> None:
    """Each reader's value into `found.fields`, its source into `found.sources`."""
    for name, reader in READERS.items():
        got = reader(page, found)
        if got is not None:
            found.fields[name], found.sources[name] = got
