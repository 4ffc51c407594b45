"""Metadata: headline, byline, date (and, on the final body, language), each with the source it came from,
plus the lines of the page that the values were read from (they leave the body)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Page
from .byline import byline_blocks, html_byline, text_byline
from .date import html_date, text_date
from .headline import headline_lines, html_headline
from .language import detect_language
from .titleline import text_headline

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
    html = page.mode == "html"
    head = (html_headline(page) if html else None) or text_headline(page)
    if head:
        found.headline, found.sources["headline"] = head
        page.headline = head[0]
        found.roles["headline"] = headline_lines(page, head[0])

    byline = html_byline(page) if html else text_byline(page)
    if byline:
        found.byline, found.sources["byline"] = list(byline.names), byline.source
        found.roles["byline"] = byline_blocks(page, byline)

    dated = html_date(page) if html else text_date(page)
    if dated:
        found.date, found.sources["date"] = dated[0], dated[1]
    return found
