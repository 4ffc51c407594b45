"""The publication date: markup first (JSON-LD datePublished, article:published_time and kin, <time>), then
the URL, then a stamp line in the text. Modified dates only when nothing else is stated; never a caption's."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from ..record import Page
from ..rules.stamps import stamp_parts
from . import ld
from .dates import find_dates

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "original-publish-date",
    "og:published_time",
    "release_date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_]|$)")
_ISO_FULL = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?$")
PUBLISHED_LABELS = (
    "published",
    "first published",
    "posted",
    "date created",
    "created",
    "publié",
    "veröffentlicht",
    "publicado",
    "erstellt",
    "créé",
    "date de publication",
    "fecha de publicación",
)


def _today() -> date:
    return datetime.now(timezone.utc).date()


def parse_value(value: str) -> str | None:
    """An ISO 8601 date (or full timestamp when one is given) from a markup value; None if it holds no date."""
    value = value.strip()
    if _ISO_FULL.match(value):
        try:
            stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            stamp = None
        if stamp and stamp.date() <= _today():
            return stamp.date().isoformat()
    found = find_dates(value[:200])
    if found and found[0][0] <= _today():
        return found[0][0].isoformat()
    return None


def _ld_date(page: Page, key: str) -> str | None:
    for obj in ld.article_objects(page.meta.get("json_ld", [])):
        value = ld.text_of(obj.get(key))
        if value and (parsed := parse_value(value)):
            return parsed
    return None


def _meta_date(page: Page, keys) -> tuple[str, str] | None:
    meta = page.meta.get("meta", {})
    for key in keys:
        for value in meta.get(key, []):
            parsed = parse_value(value)
            if parsed:
                return parsed, f"meta:{key}"
    return None


def url_date(url: str | None) -> str | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        value = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return value.isoformat() if value <= _today() else None


def html_date(page: Page) -> tuple[str, str] | None:
    if found := _ld_date(page, "datePublished"):
        return found, "json-ld"
    if found := _meta_date(page, PUBLISHED_META):
        return found
    for time in page.meta.get("times", []):
        if time.get("itemprop") == "datePublished" and (parsed := parse_value(time["datetime"] or time["text"])):
            return parsed, "time-itemprop"
    if found := url_date(page.url):
        return found, "url"
    for time in page.meta.get("times", []):
        if time.get("in_content") and (parsed := parse_value(time["datetime"] or time["text"] or "")):
            return parsed, "time"
    stamped = text_date(page)
    if stamped:
        return stamped[0], stamped[1]
    if found := _ld_date(page, "dateModified"):
        return found, "json-ld-modified"
    return _meta_date(page, MODIFIED_META)


def text_date(page: Page) -> tuple[str, str, list[int]] | None:
    """From stamp lines: a "published" or "created" stamp first, then a bare date, then an "updated" stamp."""
    ranked: list[tuple[int, int, str, str]] = []
    for i, block in enumerate(page.blocks):
        if block.reason in ("photo_caption", "photo_credit", "teaser_list"):
            continue
        parts = stamp_parts(block.text)
        if not parts:
            continue
        label, rest = parts
        dates = find_dates(rest)
        if not dates or dates[0][0] > _today():
            continue
        rank = 0 if label in PUBLISHED_LABELS else 1 if label is None else 2
        ranked.append((rank, i, dates[0][0].isoformat(), label or "date-line"))
    if not ranked:
        return None
    rank, index, value, label = min(ranked)
    return value, f"text:{label}", [index]
