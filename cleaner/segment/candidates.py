"""Metadata candidates an HTML page declares, gathered while the page is walked: meta tags, JSON-LD, <time>
elements, author marks (rel/itemprop/class) and title marks (itemprop=headline, "entry-title" and kin), each
with the part of the page it stands in, so the metadata stage can tell an article header from a teaser card,
a caption or a comment."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from ..fastre import finder

MAX_TEXT = 400  # a candidate longer than this is a container (a bio, a whole card), not a name or a title
MAX_MARKS = 200  # per kind; a listing page with thousands of cards gives nothing more useful

AUTHOR_CLASS = re.compile(
    r"^(?!comment)(?:[a-z0-9]+(?:-|_|__)){0,3}(?:author|authors|byline|bylines|by-author|autor|autorin|"
    r"autoren|writer|auteur|p-author)(?:(?:-|_|__)(?:name|link|byline|line|by|author|names))?"
    r"(?:__[a-z0-9]{4,6})?$",  # CSS modules add a hash: "Author_author__4ceOm"
    re.I,
)
# "_authorName_1r0t", "elementor-author-box__name", "author-card-name"
AUTHOR_NAME_CLASS = re.compile(
    r"^(?!.*comment).*(?:author|byline)(?:[-_]*(?:box|card|info|bio|details?))?[-_]*(?:name|link)", re.I
)
# A link to the author's page: WordPress's /author/jane-doe/, and the /authors/, /contributor/ ... of others.
AUTHOR_HREF = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|auteurs|writers?|contributors?|columnists?|journalists?|reporters?|"
    r"redakteur|mitarbeiter)/[^/?#]+/?(?:[?#].*)?$",
    re.I,
)
TITLE_CLASS = re.compile(
    r"^(?:(?:entry|post|article|story|news|blog|single|page|td-post|wp-block-post)(?:-|_|__)(?:title|headline|"
    r"heading)|headline|article__title|article__headline|p-name|title-post|artikel-titel|titel)$",
    re.I,
)
PUBLISHED_CLASS = re.compile(
    r"published|pubdate|post-date|entry-date|posted-on|datePublished|date-publish|dc:created|dateCreated|issued",
    re.I,
)
MODIFIED_CLASS = re.compile(r"updated|modified|dateModified", re.I)
DATED_CLASS = re.compile(r"published|updated|modified|dtstart|dtreviewed", re.I)
DATE_PROPERTY = re.compile(
    r"\b(?:dc:date|dc:created|dc:issued|dcterms:(?:date|created|issued|modified)|schema:date\w*|"
    r"article:published_time|datePublished|dateModified|dateCreated)\b",
    re.I,
)

# Where a mark stands, read from its ancestors' "tag.class#id" tokens, word by word ("node-promoted" is not a
# promo, "related-posts" is related): the first kind that matches, from the outermost ancestor in.
PLACE_TAGS = {"figure": "caption", "figcaption": "caption", "aside": "aside", "nav": "aside", "footer": "footer"}
PLACE_WORDS = {
    "comment": "comment comments disqus respond reply replies kommentare commentaires",
    "caption": "caption captions credit credits wp-caption",
    "teaser": "related teaser teasers recommended recommendations recommend popular trending mostread most-read "
    "carousel promo promos readnext read-next more-stories more-posts more-articles latest-posts latest-news "
    "you-may-like also-like",
    "aside": "sidebar widget widgets infobox factbox",
    # An embedded post (a tweet, an Instagram post) carries its own date and author.
    "embed": "twitter tweet twitter-tweet instagram instagram-media tiktok-embed oembed embed embedded",
    "footer": "footer",
}
# Page builders call every element a widget: their "widget" classes say nothing about where it stands.
PAGE_BUILDERS = frozenset({"elementor"})
_WORD_PLACE = {word: place for place, words in PLACE_WORDS.items() for word in words.split()}
_WORDS = re.compile(r"[^.#\s]+")
_PLACE_ORDER = ("comment", "caption", "embed", "teaser", "aside", "footer")
ARTICLE_LIKE = re.compile(r"^article\b|[.#-](?:article|post|entry|story|blog|news)\b", re.I)


@lru_cache(maxsize=65536)
def _places(token: str) -> frozenset[str]:
    """Places a "tag.class#id" token names: by its tag, or by a word (or two or three joined words) of a
    class or id."""
    tag = re.split(r"[.#]", token, maxsplit=1)[0]
    found = {PLACE_TAGS[tag]} if tag in PLACE_TAGS else set()
    for name in _WORDS.findall(token[len(tag) :]):
        pieces = re.split(r"[-_]", name.lower())
        if pieces[0] in PAGE_BUILDERS:  # "elementor-widget-container": the builder's name for any element
            pieces = [p for p in pieces if p not in ("widget", "widgets")]
        for size in (1, 2, 3):
            for i in range(len(pieces) - size + 1):
                place = _WORD_PLACE.get("-".join(pieces[i : i + size]))
                if place:
                    found.add(place)
    return frozenset(found)


def place_of(ancestors: list[str] | tuple[str, ...]) -> str:
    """The part of the page a mark stands in: comment, caption, embed, teaser, aside, footer, or "page". A footer
    inside an article (its "Posted by ... on ..." line) is part of the page; the site's footer is not."""
    return _place_of(tuple(ancestors))


@lru_cache(maxsize=65536)
def _place_of(ancestors: tuple[str, ...]) -> str:
    found: dict[str, int] = {}
    for at, token in enumerate(ancestors):
        for place in _places(token):
            found.setdefault(place, at)
    for place in _PLACE_ORDER:
        if place not in found:
            continue
        if place == "footer" and any(ARTICLE_LIKE.search(t) for t in ancestors[: found[place]]):
            continue
        return place
    return "page"


def _text(node) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())[: MAX_TEXT + 1]


# The tags `Candidates.enter` may read a mark from whatever their class, itemprop or content attribute (a link only
# when `author_link`); any other element marks something only by an itemprop, a content attribute (RDFa), or a
# class that `class_marks` finds.
MARK_TAGS = frozenset(("a", "abbr", "time"))


def author_link(attrs: dict) -> bool:
    """Whether a link's rel or href names an author: all that `Candidates.enter` reads from an <a> besides the
    class, itemprop and content attribute that mark any element."""
    return "author" in (attrs.get("rel") or "").split() or AUTHOR_HREF.search(attrs.get("href") or "") is not None


@lru_cache(maxsize=4096)
def class_marks(class_attr: str) -> tuple[bool, bool]:
    """Whether a class attribute names an author and whether it names a title (pages repeat their classes)."""
    classes = class_attr.split()
    return (
        _may_name_author(class_attr) and any(_is_author_class(c) or _is_author_name_class(c) for c in classes),
        _may_name_title(class_attr) and any(map(_is_title_class, classes)),
    )


_is_author_class, _is_author_name_class, _is_title_class = (
    finder(p, "match") for p in (AUTHOR_CLASS, AUTHOR_NAME_CLASS, TITLE_CLASS)
)
# What every class the patterns above match holds, in the same case-insensitive sense: each name AUTHOR_CLASS or
# AUTHOR_NAME_CLASS allows holds "aut" (author, autor, auteur), "byline" or "writer"; each TITLE_CLASS allows holds
# "title", "titel", "head" (headline, heading) or "p-name". A class attribute without them is no mark, and costs
# one scan instead of three patterns a class (tests/test_segment_speedups.py tries every name the patterns list).
AUTHOR_HINT = re.compile(r"aut|byline|writer", re.I)
TITLE_HINT = re.compile(r"title|titel|head|p-name", re.I)
_may_name_author, _may_name_title = finder(AUTHOR_HINT), finder(TITLE_HINT)


class Candidates:
    """Collects marks as the walker enters elements; `at` is the index of the next block to be made."""

    def __init__(self) -> None:
        self.times: list[dict[str, Any]] = []
        self.authors: list[dict[str, Any]] = []
        self.titles: list[dict[str, Any]] = []

    def enter(self, node, tag: str, attrs: dict, ancestors: list[str], at: int, in_content: bool) -> None:
        itemprop = attrs.get("itemprop") or ""
        class_attr = attrs.get("class") or ""
        classes = class_attr.split()
        dated = tag == "time" or itemprop in ("datePublished", "dateModified", "dateCreated")
        # RDFa (<span property="dc:date" content="...">) and microformats (<abbr class="published" title="...">)
        dated = dated or bool(attrs.get("content") and DATE_PROPERTY.search(attrs.get("property") or ""))
        dated = dated or (tag == "abbr" and bool(attrs.get("title")) and bool(DATED_CLASS.search(" ".join(classes))))
        if dated:
            if len(self.times) < MAX_MARKS:
                self.times.append(self._time(node, tag, attrs, itemprop, classes, ancestors, at, in_content))
            return
        source = None
        if tag == "a" and "author" in (attrs.get("rel") or "").split():
            source = "rel-author"
        elif itemprop == "author" or itemprop == "creator":
            source = "itemprop-author"
        elif class_marks(class_attr)[0]:
            source = "class-author"
        elif tag == "a" and AUTHOR_HREF.search(attrs.get("href") or ""):
            source = "href-author"
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
        elif class_marks(class_attr)[1]:
            kind = "class-title"
        else:
            return
        if len(self.titles) < MAX_MARKS:
            self.titles.append(
                {"source": kind, "text": _text(node), "at": at, "place": place_of(ancestors), "tag": tag}
            )

    @staticmethod
    def _time(node, tag, attrs, itemprop, classes, ancestors, at, in_content) -> dict[str, Any]:
        joined = " ".join(classes) + " " + (attrs.get("property") or "")
        if itemprop == "datePublished" or PUBLISHED_CLASS.search(joined):
            kind = "published"
        elif itemprop == "dateModified" or MODIFIED_CLASS.search(joined):
            kind = "modified"
        elif itemprop == "dateCreated":
            kind = "published"
        else:
            kind = "plain"
        return {
            "datetime": attrs.get("datetime")
            or attrs.get("content")
            or (attrs.get("title") if tag == "abbr" else None),
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
