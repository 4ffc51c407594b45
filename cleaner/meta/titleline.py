"""The headline of scraped text: the title-like line above the article.

The article is the page's longest run of paragraphs (a teaser blurb or a cookie notice before it is a shorter
run); its title is the nearest title-like line above it, past the lines that stand between a headline and its
text (bylines, date stamps, captions, credits, reading times, share buttons).
"""

from __future__ import annotations

from ..record import Page
from .byline import by_line_names
from .dateclues import stamp
from .sitename import strip_site, text_site_names

# Blocks that the rules dropped and that may stand between a headline and its article.
BETWEEN = frozenset(
    "photo_caption photo_credit date_stamp advertising_label share_prompt doubled_line section_label "
    "agency_credit byline reading_time".split()
)
MAX_GAP = 3  # short lines (subheadings, captions) inside an article; more end its run of paragraphs
LOOK_BACK = 15  # lines above the article searched for its title
MIN_TITLE_WORDS = 2


def _paragraph_like(text: str) -> bool:
    n = len(text.split())
    return n >= 20 or (n >= 10 and text.rstrip("\"'”’)").endswith((".", "!", "?")))


def article_start(page: Page) -> int | None:
    """The first paragraph of the page's longest run of paragraphs (by words)."""
    best, best_words = None, 0
    run_start, run_words, gap = None, 0, 0
    for i, block in enumerate(page.blocks):
        if not (block.keep and _paragraph_like(block.text)):
            gap += 1
            continue
        if run_start is None or gap > MAX_GAP:
            run_start, run_words = i, 0
        run_words += len(block.text.split())
        gap = 0
        if run_words > best_words:
            best, best_words = run_start, run_words
    return best


def _between(text: str) -> bool:
    """A line that stands between a headline and its article: a byline or a date stamp."""
    return bool(by_line_names(text, []) or stamp(text))


def text_headline(page: Page) -> tuple[str, str] | None:
    from ..rules.teasers import title_like

    blocks = page.blocks
    start = article_start(page)
    if start is None:
        return None
    for i in range(start - 1, max(-1, start - LOOK_BACK), -1):
        block = blocks[i]
        if _between(block.text):
            continue
        if block.keep and title_like(block.text) and len(block.text.split()) >= MIN_TITLE_WORDS:
            return strip_site(block.text, text_site_names(page)), "title-line"
        if not block.keep and block.reason not in BETWEEN:
            break
    return None
