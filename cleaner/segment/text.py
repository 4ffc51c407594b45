"""Scraped text to blocks: one block per non-empty line, with its layout (blank lines before, indent, bullet)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..limits import MAX_BLOCKS, too_many_blocks
from ..page import ITEM, PARAGRAPH, Block, Page

_BULLET = re.compile(r"^(?:\d{1,3}[.)]|[*•·▪►‣◦–-])\s+")
# Converters write tables and some layouts with runs of spaces; one space is what the reader sees.
_SPACING = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # besides the space itself
_SPACES = re.compile(f"[ {_SPACING}]+")
_INVISIBLE_CHARS = "\u200b-\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# A character that one of the two substitutions would remove or change; the other change is two spaces in a row.
# A character class alone, so a scan is cheap (an alternation with "  " would try both at every character).
_UNEVEN = re.compile(f"[{_SPACING}{_INVISIBLE_CHARS}]")


def segment_text(text: str, url: str | None = None) -> Page:
    blocks: list[Block] = []
    gap = 0
    # Most pages have no invisible character and no spacing to squeeze: then each line is its stripped self, and
    # the two substitutions a line, which would change nothing, are skipped.
    plain = "  " not in text and _UNEVEN.search(text) is None
    for raw in _lines(text):
        visible = raw.strip() if plain else _INVISIBLE.sub("", raw.strip())
        if not visible.strip():
            gap += 1
            continue
        if len(blocks) >= MAX_BLOCKS:
            raise too_many_blocks("lines")
        indent = len(raw) - len(raw.lstrip())
        line = visible if plain else _SPACES.sub(" ", visible).strip()
        bullet = _BULLET.match(line) is not None
        blocks.append(
            Block(
                text=line,
                index=len(blocks),
                gap_before=gap if blocks else 0,
                indent=indent,
                kind=ITEM if bullet else PARAGRAPH,
                list_item=bullet,
            )
        )
        gap = 0
    return Page(blocks=blocks, mode="text", url=url)


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time: a split would hold millions of them at once on a page of short lines."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def strip_bullet(text: str) -> str:
    """The line without a leading list marker ("1. Skip to content" -> "Skip to content")."""
    return _BULLET.sub("", text, count=1)
