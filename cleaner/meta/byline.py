"""Authors as a list of person names, from markup (JSON-LD Person, meta author, rel/itemprop author) or from
"By ..." lines and "(Reporting by X; Editing by Y)" credits in the text."""

from __future__ import annotations

import re

from ..record import Page
from . import ld
from .names import person_names

BY_LINE = re.compile(
    r"^(?:(?:written|posted|reported|story|words|text) by|by|par|von|por|autor(?:in)?:|author:|auteur\s?:|"
    r"texto:|text:)\s+\S",
    re.I,
)
REPORTING_BY = re.compile(r"^\(?\s*(?:additional )?reporting by\s+(?P<names>[^;)]+)", re.I)
BY_LINE_WORDS = 12  # a "By ..." line longer than this is a sentence, not a byline


def _ld_authors(page: Page) -> list[str]:
    for obj in ld.article_objects(page.meta.get("json_ld", [])):
        authors = obj.get("author") or obj.get("creator")
        if not authors:
            continue
        names: list[str] = []
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict) and ld.types(author) & {"organization", "newsmediaorganization"}:
                continue
            text = ld.text_of(author)
            if text:
                names.extend(n for n in person_names(text) if n not in names)
        if names:
            return names
    return []


def html_byline(page: Page) -> tuple[list[str], str] | None:
    names = _ld_authors(page)
    if names:
        return names, "json-ld"
    meta = page.meta.get("meta", {})
    for key in (
        "author",
        "article:author",
        "byl",
        "dc.creator",
        "dcterms.creator",
        "sailthru.author",
        "parsely-author",
    ):
        for value in meta.get(key, []):
            names = person_names(value)
            if names:
                return names, f"meta:{key}"
    for author in page.meta.get("authors", []):
        names = person_names(author["text"] or "")
        if names:
            return names, author["source"]
    return None


def text_byline(page: Page) -> tuple[list[str], str, list[int]] | None:
    """Names, source, and the indices of the lines they came from."""
    for i, block in enumerate(page.blocks):
        text = block.text.strip()
        if BY_LINE.match(text) and len(text.split()) <= BY_LINE_WORDS:
            names = person_names(text)
            if names:
                return names, "by-line", [i]
    for i, block in enumerate(page.blocks):
        match = REPORTING_BY.match(block.text.strip())
        if match:
            names = person_names(match.group("names"))
            if names:
                return names, "reporting-credit", [i]
    return None
