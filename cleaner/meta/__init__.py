"""Metadata: headline, byline, date (and, on the final body, language), each with the source it came from,
plus the lines of the page that the values were read from (they leave the body); and the record's other fields
read from the page (declared.py: site name, description, lead image, tags, categories, canonical URL, last
modification; and the passes' page type, images and comments), by field name in `Metadata.fields`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..page import Page
from ..reasons import BYLINE, DATE, HEADLINE
from .byline import byline_blocks, html_byline, text_byline
from .date import html_date, text_date
from .declared import read_declared
from .headline import headline_lines, html_headline
from .language import detect_language
from .nameline import name_line
from .titleline import text_headline

__all__ = ["Metadata", "detect_language", "extract"]

# In HTML, a text line stands in for a headline the markup does not give only when the title model is sure of
# it (log-odds 0, a probability of 0.5): its plain-text bar takes other lines for titles (docs/DECISIONS.md).
HTML_FALLBACK = 0.0


@dataclass(slots=True)
class Metadata:
    headline: str | None = None
    byline: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None  # of the body, once the other passes have left it (pipeline.py)
    sources: dict[str, str] = field(default_factory=dict)
    roles: dict[str, list[int]] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)  # the record's other fields read from the page, by name

    def record_values(self) -> dict[str, Any]:
        """Every value found, by the record field's name (record.py)."""
        found = {"headline": self.headline, "byline": list(self.byline), "date": self.date, "language": self.language}
        found.update(self.fields)
        return found


def extract(page: Page) -> Metadata:
    found = Metadata()
    html = page.mode == "html"
    head = html_headline(page) if html else None
    head = head or text_headline(page, HTML_FALLBACK if html else None)
    if head:
        found.headline, found.sources[HEADLINE] = head
        page.headline = head[0]
        found.roles[HEADLINE] = headline_lines(page, head[0])

    byline = html_byline(page) if html else text_byline(page) or name_line(page)
    if byline:
        found.byline, found.sources[BYLINE] = list(byline.names), byline.source
        found.roles[BYLINE] = byline_blocks(page, byline)

    dated = html_date(page) if html else text_date(page)
    if dated:
        found.date, found.sources[DATE] = dated[0], dated[1]
    read_declared(page, found)
    return found
