"""Every date a page states about itself, as clues: where it was found (the family), whether it says
published or modified, and for visible dates how far from the headline it stands.

Dates in captions, teasers, comments, asides and the site's footer are not clues: they date something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .. import reasons
from ..page import Page
from ..segment.candidates import place_of
from . import ld
from .dates import WEEKDAYS, find_dates, is_date_only

MIN_YEAR = 1990  # the web's own pages; an older date is a date the article talks about
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
    "og:published_time",
    "release_date",
    "datecreated",
    "citation_publication_date",
    "citation_date",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
)
LD_KEYS = (
    ("datePublished", "published", "json-ld"),
    ("dateCreated", "published", "json-ld-created"),
    ("dateModified", "modified", "json-ld-modified"),
)
_ISO_FULL = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?$")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|[-_.]|$)")
PUBLISHED_WORDS = re.compile(
    r"\b(?:published|posted|first published|created|date created|released|veröffentlicht|erstellt|erschienen|"
    r"publié|créé|publicado|pubblicato|gepubliceerd)\b",
    re.I,
)
MODIFIED_WORDS = re.compile(
    r"\b(?:updated?|latest update|last updated|modified|last modified|revised|reviewed|aktualisiert|geändert|"
    r"zuletzt|stand|mis à jour|modifié|actualizado|actualización|aggiornato|bijgewerkt)\b",
    re.I,
)
_DATE_LABEL = re.compile(rf"^(?:date|datum|fecha|data|le|am|on|du|del|vom|{WEEKDAYS})$|\b(?:date|datum)\b", re.I)
MAX_STAMP_CHARS = 120
_DATE_WORD = re.compile(r"\b(?:date|datum|fecha)\b", re.I)
_LABEL_END = re.compile(r"[\s:|,.\-–—·•]+$")
MAX_LABEL_WORDS = 5
# A copyright line dates the site's rights, not the article ("Copyright 12.01.2023 Example Verlag GmbH").
COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|all rights reserved|alle rechte|tous droits|derechos reservados", re.I)
NOT_DATING = frozenset({reasons.PHOTO_CAPTION, reasons.PHOTO_CREDIT, reasons.TEASER_LIST, reasons.FOOTER})
MAX_LINE_WORDS = 25  # a dated line longer than this is a sentence that mentions a date
NEAR_BEFORE, NEAR_AFTER = 4, 25  # blocks around the headline that make up an article's header
UNDER_HEADLINE = 4  # blocks right under the headline: an aside there is the article's own header box


@dataclass(frozen=True, slots=True)
class Clue:
    value: date
    family: str  # "json-ld", "meta", "time", "url", "line" (a visible dated line)
    kind: str  # "published", "modified" or "plain"
    near: bool = False  # visible, in the article's header (just around the headline)
    source: str = ""  # the exact place, for --explain ("meta:article:published_time", "text:publié le")


def parse_value(value: str | None, day_first: bool | None = None) -> date | None:
    """The calendar date of a markup value (ISO 8601 or written out); None if it holds none."""
    if not value:
        return None
    value = value.strip()
    if _ISO_FULL.match(value):
        try:
            # The date as written, in the page's own time zone: converting to UTC would move evening posts.
            return datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T")).date()
        except ValueError:
            pass
    found = find_dates(value[:200], day_first)
    return found[0][0] if found else None


def day_first(page: Page) -> bool | None:
    """How the page writes 03/04/2025: month first in US English, day first in most other locales."""
    lang = (page.declared.lang or "").lower()
    if not lang:
        return None
    if lang.startswith("en"):
        return False if lang in ("en-us", "en_us") else None
    return True


def _plausible(value: date | None) -> bool:
    return value is not None and value.year >= MIN_YEAR


def _markup_clues(page: Page, order: bool | None) -> list[Clue]:
    clues: list[Clue] = []
    for key, kind, source in LD_KEYS:
        for obj in ld.page_articles(page):
            value = parse_value(ld.text_of(obj.get(key)), order)
            if _plausible(value):
                clues.append(Clue(value, "json-ld", kind, source=source))
                break
    meta = page.declared.meta
    for keys, kind in ((PUBLISHED_META, "published"), (MODIFIED_META, "modified")):
        for key in keys:
            value = next((v for v in (parse_value(x, order) for x in meta.get(key, [])) if _plausible(v)), None)
            if value:
                clues.append(Clue(value, "meta", kind, source=f"meta:{key}"))
    return clues


def of_article(place: str, in_content: bool, at: int, header: range) -> bool:
    """A date or an author mark in this place is the article's: in the page, in the article's own footer ("Posted
    on ..."), or in an aside of the article's content that stands in its header, just under the headline (the
    "meta" box of a post: its date and author). Comments, captions, teasers, embeds, the site's sidebars and
    footer are about other things."""
    if place == "page":
        return True
    return in_content and (place == "footer" or (place == "aside" and at in header))


def _time_clues(page: Page, order: bool | None, near: range, header: range) -> list[Clue]:
    clues = []
    for mark in page.declared.times:
        if not of_article(mark["place"], mark["in_content"], mark["at"], header):
            continue
        value = parse_value(mark["datetime"], order) or parse_value(mark["text"], order)
        if _plausible(value):
            source = "time-itemprop" if mark["itemprop"] else "time"
            clues.append(Clue(value, "time", mark["kind"], mark["at"] in near, source))
    return clues


def url_clue(url: str | None) -> Clue | None:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        value = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return Clue(value, "url", "published", source="url") if _plausible(value) else None


def _kind_at(text: str, start: int) -> str:
    """Published or modified, by the nearest label before the date ("Published May 1 · Updated May 3")."""
    before = text[:start]
    published = [m.end() for m in PUBLISHED_WORDS.finditer(before)]
    modified = [m.end() for m in MODIFIED_WORDS.finditer(before)]
    if not published and not modified:
        return "plain"
    return "published" if max(published, default=-1) > max(modified, default=-1) else "modified"


def line_source(text: str, start: int) -> str:
    """ "text:" and the label the date stands after, as written ("text:publié le", with at most one word after
    the label), or "text:date-line". More words between label and date are not the label's: "Posted by Jane Doe
    on" gives "text:posted"."""
    before = text[:start]
    labels = [m for p in (PUBLISHED_WORDS, MODIFIED_WORDS, _DATE_WORD) for m in p.finditer(before)]
    if not labels:
        return "text:date-line"
    last = max(labels, key=lambda m: (m.start(), len(m.group())))
    tail = " ".join(_LABEL_END.sub("", before[last.start() :]).lower().split())
    label = " ".join(last.group().lower().split())
    return "text:" + (tail if len(tail[len(label) :].split()) <= 1 else label)


def stamp(text: str, order: bool | None = None) -> tuple[str, date, str] | None:
    """(kind, date, source) when the line is a date stamp: a date alone, or a date after a published/updated label
    ("Latest update : 2016-02-02", "Veröffentlicht am 3. März 2020", "Posted on May 1, 2025")."""
    text = text.strip()
    if len(text) > MAX_STAMP_CHARS:
        return None
    dates = find_dates(text, order)
    if not dates or not _plausible(dates[0][0]):
        return None
    value, (start, _) = dates[0]
    label = text[:start].strip(" \t:|,.-–—·•")
    if label and not (PUBLISHED_WORDS.search(label) or MODIFIED_WORDS.search(label) or _DATE_LABEL.search(label)):
        return None
    if len(label.split()) > MAX_LABEL_WORDS or not is_date_only(text[start:]):
        return None
    return _kind_at(text, start), value, line_source(text, start)


def _headline_path(page: Page, at: int | None) -> list[str]:
    """The containers the headline stands in: a layout that holds the article's header (a "two-col-sidebar"
    panel, a "post-footer" wrapper) says nothing about where a date inside it stands."""
    if at is None or page.mode != "html":
        return []
    return page.blocks[at].path.split()


def line_place(tokens: list[str], headline_path: list[str]) -> str:
    """The place of a line, read only from the containers it does not share with the headline."""
    shared = 0
    for mine, theirs in zip(tokens, headline_path, strict=False):  # paths of different depths
        if mine != theirs:
            break
        shared += 1
    return place_of(tokens[shared:])


def line_clues(page: Page, order: bool | None, near: range, headline_at: int | None = None) -> list[Clue]:
    """Dates on short visible lines ("Latest update : 2016-02-02", "By Jane Doe | March 3, 2025")."""
    clues = []
    headline_path = _headline_path(page, headline_at)
    header = under_headline(headline_at)
    for i, block in enumerate(page.blocks):
        text = block.text
        if len(text.split()) > MAX_LINE_WORDS or block.reason in NOT_DATING:
            continue
        dates = find_dates(text, order)
        if dates and COPYRIGHT.search(text):
            continue
        if dates and page.mode == "html":
            place = line_place(block.path.split(), headline_path)
            if not of_article(place, block.in_content, i, header):
                continue
        for value, (start, _) in dates:
            if _plausible(value):
                clues.append(Clue(value, "line", _kind_at(text, start), i in near, line_source(text, start)))
    return clues


def headline_at(page: Page, prefix: bool = False) -> int | None:
    """The block where the headline is first shown, if it is; with `prefix` and no block that is the headline,
    the first block that starts with it (a text's "Title | Site" line). A dump that starts with the page's
    `<title>` ("Title | Site") shows the headline again above the article: that line is where the byline is."""
    key = " ".join((page.headline or "").lower().split())
    if not key:
        return None
    first_prefix = None
    for i, block in enumerate(page.blocks):
        line = " ".join(block.text.lower().split())
        if line == key:
            return i
        if prefix and first_prefix is None and line.startswith(key):
            first_prefix = i
    return first_prefix


def header_range(at: int | None) -> range:
    """Block indices around the headline's first appearance; the page's top when the headline is not shown."""
    if at is None:
        return range(0, NEAR_AFTER)
    return range(max(0, at - NEAR_BEFORE), at + NEAR_AFTER)


def under_headline(at: int | None) -> range:
    """The few blocks right under the shown headline, where an article's header box stands; none when the
    headline is not shown."""
    return range(0) if at is None else range(at + 1, at + 1 + UNDER_HEADLINE)


def collect(page: Page) -> list[Clue]:
    order = day_first(page)
    at = headline_at(page)
    near = header_range(at)
    clues = _markup_clues(page, order) if page.mode == "html" else []
    clues += _time_clues(page, order, near, under_headline(at)) if page.mode == "html" else []
    found = url_clue(page.url)
    if found:
        clues.append(found)
    return clues + line_clues(page, order, near, at)
