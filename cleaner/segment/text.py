"""Scraped text to blocks: one block per paragraph of the dump (segment/dump.py: a line, or the wrapped lines of
one paragraph), with its layout (blank lines before, indent, list marker), what its markup said (a heading, a
quote, its links) and the user's lines it came from."""

from __future__ import annotations

import re

from ..invisible import strip_invisible
from ..limits import MAX_BLOCKS, too_many_blocks
from ..lines import BULLET
from ..page import HEADING, ITEM, PARAGRAPH, QUOTE, Block, Image, Page
from ..reasons import LINK_REFERENCES
from .dump import read_dump

# Converters write tables and some layouts with runs of spaces; one space is what the reader sees.
_SPACING = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # besides the space itself
_SPACES = re.compile(f"[ {_SPACING}]+")
# A character that the substitution of spacing would change; the other change is two spaces in a row.
_UNEVEN = re.compile(f"[{_SPACING}]")


def _squeezed(text: str) -> str:
    """The text with its spacing squeezed to single spaces, stripped. Most paragraphs have no spacing to squeeze
    (and `_SPACES` would replace each single space by itself): then the paragraph is its stripped self."""
    if "  " in text or _UNEVEN.search(text) is not None:
        text = _SPACES.sub(" ", text)
    return text.strip()


def segment_text(text: str, url: str | None = None) -> Page:
    text = strip_invisible(text)
    page = Page(blocks=[], mode="text", url=url)
    blocks = page.blocks
    gap = 0
    for paragraph in read_dump(text):
        line = _squeezed(paragraph.text)
        gap += paragraph.gap_before
        for image in paragraph.images:
            page.declared.images.append(Image(image.src, image.alt, len(blocks)))
        if not line:
            continue
        if len(blocks) >= MAX_BLOCKS:
            raise too_many_blocks("lines")
        bullet = BULLET.match(line) is not None
        block = Block(
            text=line,
            index=len(blocks),
            kind=HEADING if paragraph.heading else QUOTE if paragraph.quote else ITEM if bullet else PARAGRAPH,
            heading=paragraph.heading,
            gap_before=gap if blocks else 0,
            indent=paragraph.indent,
            link_chars=paragraph.link_chars,
            links=tuple(paragraph.links),
            list_item=bullet,
            lines=(paragraph.first, paragraph.last),
        )
        if paragraph.references:
            block.drop(LINK_REFERENCES, 1.0)
            page.set_aside.append(block)
        else:
            blocks.append(block)
        gap = 0
    return page


def strip_bullet(text: str) -> str:
    """The line without a leading list marker ("1. Skip to content" -> "Skip to content")."""
    return BULLET.sub("", text, count=1)
