"""Metadata candidates an HTML page declares, gathered while the page is walked: meta tags, JSON-LD, <time>
elements, author marks (rel/itemprop/class) and title marks (itemprop=headline, "entry-title" and kin), each
with the part of the page it stands in, so the metadata stage can tell an article header from a teaser card,
a caption or a comment."""

from __future__ import annotations

import json
import re
from typing import Any

MAX_TEXT = 400  # a candidate longer than this is a container (a bio, a whole card), not a name or a title
MAX_MARKS = 200  # per kind; a listing page with thousands of cards gives nothing more useful

AUTHOR_CLASS = re.compile(
    r"^(?!comment)(?:[a-z0-9]+(?:-|_|__)){0,3}(?:author|authors|byline|bylines|by-author|autor|autorin|"
    r"autoren|writer|auteur|p-author)(?:(?:-|_|__)(?:name|link|byline|line|by|author|names))?$",
    re.I,
)
AUTHOR_NAME_CLASS = re.compile(r"^(?!.*comment).*(?:author|byline)[-_]*(?:name|link)", re.I)  # "_authorName_1r0t"
TITLE_CLASS = re.compile(
    r"^(?:(?:entry|post|article|story|news|blog|single|page|td-post|wp-block-post)(?:-|_|__)(?:title|headline|"
    r"heading)|headline|article__title|article__headline|p-name|title-post|artikel-titel|titel)$",
    re.I,
)
PUBLISHED_CLASS = re.compile(r"published|pubdate|post-date|entry-date|posted-on|datePublished|date-publish", re.I)
MODIFIED_CLASS = re.compile(r"updated|modified|dateModified", re.I)

# Where a mark stands, read from its ancestors' "tag.class#id" tokens: the first kind that matches wins.
PLACES = (
    ("comment", re.compile(r"comment|disqus|respond|reply", re.I)),
    ("caption", re.compile(r"^(?:figure|figcaption)\b|caption|credit", re.I)),
    (
        "teaser",
        re.compile(
            r"related|teaser|recommend|more-(?:from|stories|posts|articles)|read-?next|popular|trending|"
            r"most-?read|carousel|promo|latest-(?:posts|news)|other-(?:posts|articles)|you-may|also-like",
            re.I,
        ),
    ),
    ("aside", re.compile(r"^(?:aside|nav)\b|sidebar|widget", re.I)),
    ("footer", re.compile(r"^footer\b|footer", re.I)),
)


def place_of(ancestors: list[str]) -> str:
    """The part of the page a mark stands in: comment, caption, teaser, aside, footer, or "page"."""
    for place, pattern in PLACES:
        if any(pattern.search(token) for token in ancestors):
            return place
    return "page"


def _text(node) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())[: MAX_TEXT + 1]


class Candidates:
    """Collects marks as the walker enters elements; `at` is the index of the next block to be made."""

    def __init__(self) -> None:
        self.times: list[dict[str, Any]] = []
        self.authors: list[dict[str, Any]] = []
        self.titles: list[dict[str, Any]] = []

    def enter(self, node, tag: str, attrs: dict, ancestors: list[str], at: int, in_content: bool) -> None:
        itemprop = attrs.get("itemprop") or ""
        classes = (attrs.get("class") or "").split()
        if tag == "time" or (itemprop in ("datePublished", "dateModified", "dateCreated") and tag != "meta"):
            if len(self.times) < MAX_MARKS:
                self.times.append(self._time(node, tag, attrs, itemprop, classes, ancestors, at, in_content))
            return
        source = None
        if tag == "a" and "author" in (attrs.get("rel") or "").split():
            source = "rel-author"
        elif itemprop == "author" or itemprop == "creator":
            source = "itemprop-author"
        elif any(AUTHOR_CLASS.match(c) or AUTHOR_NAME_CLASS.match(c) for c in classes):
            source = "class-author"
        if source and len(self.authors) < MAX_MARKS:
            self.authors.append(
                {
                    "source": source,
                    "text": _text(node),
                    "at": at,
                    "place": place_of(ancestors),
                    "tag": tag,
                    "in_content": in_content,
                }
            )
        if (itemprop in ("headline", "name") and tag in ("h1", "h2", "h3")) or itemprop == "headline":
            kind = "itemprop-headline"
        elif any(TITLE_CLASS.match(c) for c in classes):
            kind = "class-title"
        else:
            return
        if len(self.titles) < MAX_MARKS:
            self.titles.append(
                {"source": kind, "text": _text(node), "at": at, "place": place_of(ancestors), "tag": tag}
            )

    @staticmethod
    def _time(node, tag, attrs, itemprop, classes, ancestors, at, in_content) -> dict[str, Any]:
        joined = " ".join(classes)
        if itemprop == "datePublished" or PUBLISHED_CLASS.search(joined):
            kind = "published"
        elif itemprop == "dateModified" or MODIFIED_CLASS.search(joined):
            kind = "modified"
        elif itemprop == "dateCreated":
            kind = "published"
        else:
            kind = "plain"
        return {
            "datetime": attrs.get("datetime") or attrs.get("content"),
            "text": _text(node),
            "at": at,
            "kind": kind,
            "itemprop": itemprop or None,
            "place": place_of(ancestors),
            "in_content": in_content,
        }


def meta_tags(tree) -> dict[str, list[str]]:
    """<meta> values by lower-cased name/property/itemprop, in page order."""
    found: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        value = attrs.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), []).append(value.strip())
    return found


def json_ld(tree) -> list:
    """Every JSON-LD payload that parses; a broken one is skipped, never fatal."""
    objects = []
    for node in tree.css('script[type="application/ld+json"]'):
        raw = (node.text(deep=True) or "").strip()
        # Some CMSs wrap the payload in an HTML comment or CDATA, or leave a trailing semicolon.
        raw = re.sub(r"^(?:<!--|/\*<!\[CDATA\[\*/|//<!\[CDATA\[)|(?:-->|/\*\]\]>\*/|//\]\]>|;)$", "", raw).strip()
        try:
            objects.append(json.loads(raw, strict=False))
        except (ValueError, RecursionError):
            continue
    return objects
