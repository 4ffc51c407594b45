"""Repairs of scraped text before classification: sentences glued by the scraper are split into their own
blocks ("documents.Two" / "he addedApart" / "newsletterReceive"), and a line glued to itself is kept once."""

from __future__ import annotations

import re

from .record import Block, Page

# "documents.Two", "capital.\"The", "bombings.(Reporting": a sentence end with no space before the next one.
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ0-9)%][a-zà-ÿ)%][.!?])(?=[\"“”(]?[A-ZÀ-Ý][a-zà-ÿ])")
# "he addedApart", "newsletterReceive": a lower-case word running into a capitalised one.
_GLUED_WORDS = re.compile(r"(?<![\w./@#-])([a-zà-ÿ]{3,})(?=([A-ZÀ-Ý][a-zà-ÿ]{2,})\b)")


def _split_points(text: str) -> list[int]:
    points = {m.end(1) for m in _GLUED_WORDS.finditer(text)}
    quotes, counted = 0, 0
    for match in _GLUED_SENTENCE.finditer(text):
        point = match.end()
        quotes += text.count('"', counted, point)
        counted = point
        # A quote right after the period closes the sentence if it is ” or an odd-numbered straight quote.
        mark = text[point]
        if mark == "”" or (mark == '"' and quotes % 2 == 1):
            point += 1
        points.add(point)
    return sorted(p for p in points if 0 < p < len(text))


def split_glued(text: str) -> list[str]:
    points = _split_points(text)
    if not points:
        return [text]
    parts = [text[a:b].strip() for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    return [p for p in parts if p]


def undouble(text: str) -> str | None:
    """The line's first half when the line is that half twice ("TitleTitle", "Title Title"), else None."""
    n = len(text)
    if n < 10:
        return None
    half = n // 2
    if n % 2 == 0 and text[:half] == text[half:]:
        return text[:half]
    if n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]:
        return text[:half]
    return None


def repair(page: Page) -> Page:
    if page.mode != "text":
        return page
    repaired: list[Block] = []
    for block in page.blocks:
        single = undouble(block.text)
        if single is not None:
            repaired.append(_copy(block, single))
            repaired.append(_copy(block, single, gap=0))
            repaired[-1].drop("doubled_line", 1.0)
            continue
        parts = split_glued(block.text)
        for n, part in enumerate(parts):
            repaired.append(_copy(block, part, gap=block.gap_before if n == 0 else 1))
    for index, block in enumerate(repaired):
        block.index = index
    page.blocks = repaired
    return page


def _copy(block: Block, text: str, gap: int | None = None) -> Block:
    return Block(
        text=text,
        tag=block.tag,
        gap_before=block.gap_before if gap is None else gap,
        indent=block.indent,
        list_item=block.list_item,
    )
