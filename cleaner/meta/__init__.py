"""Metadata: headline, byline, date (and, on the final body, language), each with the source it came from,
plus the lines of the page that the values were read from (they leave the body)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Page
from .byline import html_byline, text_byline
from .date import html_date, text_date
from .headline import headline_lines, html_headline, text_headline
from .language import detect_language

__all__ = ["Metadata", "detect_language", "extract"]


@dataclass(slots=True)
class Metadata:
    headline: str | None = None
    byline: list[str] = field(default_factory=list)
    date: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    roles: dict[str, list[int]] = field(default_factory=dict)


def extract(page: Page) -> Metadata:
    found = Metadata()
    head = html_headline(page) if page.mode == "html" else None
    head = head or text_headline(page)
    if head:
        found.headline, found.sources["headline"] = head
        page.headline = head[0]
        found.roles["headline"] = headline_lines(page, head[0])

    lines = text_byline(page)
    markup = html_byline(page) if page.mode == "html" else None
    if markup:
        found.byline, found.sources["byline"] = markup
    elif lines:
        found.byline, found.sources["byline"] = lines[0], lines[1]
    if lines:
        found.roles["byline"] = lines[2]

    if page.mode == "html":
        dated = html_date(page)
        if dated:
            found.date, found.sources["date"] = dated
    else:
        stamped = text_date(page)
        if stamped:
            found.date, found.sources["date"] = stamped[0], stamped[1]
    return found
