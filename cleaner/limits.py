"""What one page may cost: caps on its size and shape, checked before the work they bound.

A cleaner runs unattended over millions of scraped pages, so one hostile or broken page must cost one error
record, never the batch's time or memory. The caps sit far above real pages (measured over the 4,039 HTML pages
of the development datasets: at most 5.3 million characters, 6,570 blocks, 40 levels of element nesting) and
far below what would hurt: every page within them is cleaned in bounded time and memory (README, "Hostile
input"), and a page beyond them gets an error record that says which cap it broke.
"""

from __future__ import annotations

MAX_CHARS = 20_000_000  # characters of decoded text: larger inputs are not pages
MAX_BYTES = 4 * MAX_CHARS  # undecoded bytes (UTF-32 needs four per character): refused before decoding
MAX_BLOCKS = 50_000  # lines (text) or block elements (HTML): a page with more is a dump of many pages
# Elements nested deeper than this are parsed as siblings, as browsers do (Blink stops at 512): the HTML
# parser's cost grows with the square of the depth, and every block carries its ancestors.
MAX_DEPTH = 128
# Elements (start tags) of an HTML page: the parser's tree costs about 400 bytes and 6 microseconds each, and a
# page of bare tags could otherwise make 6 million within the size cap.
MAX_ELEMENTS = 2_000_000  # the largest tree measured: 12.1 CPU s, 953 MB (README, "Hostile input")
MAX_TOKEN_CHARS = 80  # of an element's "tag.class#id" descriptor in a block's path: class soup is cut here


class PageTooLarge(ValueError):
    """The page breaks one of the caps above; the message names the cap in the user's terms."""


def check_size(content: str | bytes) -> None:
    """Refuse content whose size alone rules it out, before decoding copies it."""
    if isinstance(content, str) and len(content) > MAX_CHARS:
        raise too_large(len(content), "characters", MAX_CHARS)
    if isinstance(content, bytes) and len(content) > MAX_BYTES:
        raise too_large(len(content), "bytes", MAX_BYTES)


# The kind of error comes before the colon and the figures after it, so a batch's summary can count by kind.
def too_large(size: int, unit: str, limit: int) -> PageTooLarge:
    return PageTooLarge(f"page too large: {size:,} {unit} (the limit is {limit:,})")


def too_many_elements(limit: int = MAX_ELEMENTS, copies: int = 0) -> PageTooLarge:
    if copies:  # most of them copies of formatting elements left open (segment/treework.py)
        return PageTooLarge(
            f"too many HTML elements for one page: more than {limit:,}, with {copies:,} copies of formatting "
            "elements left open, which the parser repeats in every block"
        )
    return PageTooLarge(f"too many HTML elements for one page: more than {limit:,}")


def too_many_attributes(limit: int, most: int) -> PageTooLarge:
    return PageTooLarge(
        f"too many HTML attributes for one page: the parser would compare more than {limit:,} pairs of them "
        f"(one element has {most:,})"
    )


def too_many_blocks(unit: str) -> PageTooLarge:
    return PageTooLarge(f"too many {unit} for one page: more than {MAX_BLOCKS:,}, so not a single article page")
