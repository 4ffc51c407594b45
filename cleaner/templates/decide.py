"""Which of a page's kept blocks are its site's template: lines that recur on many of the site's pages, except
text that is the article's own.

Frequency alone is not enough: two stories of one site can share a quote or a paragraph of background, and on a
small sample of a site one story's updates can be a large share of its pages. So a recurring line is kept when
it reads as article text where article text stands: a long line (or, with a learned model, one the model is
sure is content) inside the article's stretch, from the page's headline (or first long paragraph) to its last
long paragraph. A line on at least half of the site's pages is template wherever it stands: no story is on half
of a site's pages. Furniture comes in runs: a box of short lines the site shows on a few of its stories (a
teaser list inside the article) is template as a whole, wherever it stands, where one short shared line alone
would be a shared quote. And a page's own title, which other pages list as a teaser, stays on the page it names.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..page import Block, Page
from ..reasons import HEADLINE
from .normalise import block_hashes
from .slug import names_page, slug_words
from .source import LearnedPage, SiteCounts, TemplateSource

MIN_SITE_PAGES = 5  # fewer pages say too little about a site to call any line its template
MIN_PAGES = 3  # a line on two pages is as likely a shared quote as a template
MIN_OUTSIDE = 2  # ... but not outside the article's stretch, where no story's text stands
DOMINANT_SHARE = 0.5  # a line on this share of the site's pages is template even inside the article
LONG_WORDS = 15  # a line this long inside the article's stretch reads as the article's own
CONTENT_SURE = 0.2  # a learned model's furniture probability under which a kept line is the article's own
CONTENT_LIKELY = 0.5  # ... and over which a long line is not protected
MIN_RUN = 3  # short recurring lines in a row that make a box: two stories can share a line or two, not a list


def threshold(pages: int) -> int:
    """How many of a site's `pages` a line must be on to be its template: it grows with the pages seen (the
    square root: 4 of 12, 10 of 100, 100 of 10,000), so a story's few updates never reach it on a large site."""
    return max(MIN_PAGES, math.ceil(math.sqrt(pages)))


def outside_threshold(pages: int) -> int:
    """The same for a line outside the article's stretch (above its headline, below its last long paragraph),
    where a story's own text does not stand: half the pages, but at least two (a section's own teaser box on two
    of its stories)."""
    return max(MIN_OUTSIDE, math.ceil(math.sqrt(pages) / 2))


@dataclass(slots=True)
class TemplateMatch:
    """A page's template lines as (block index, pages of the site it is on), of `pages` learned; and the kept
    blocks the context pass must leave, although the template removed their neighbours: the page's own title,
    and the article's opening lines between its headline and first paragraph once the page header above is gone."""

    site: str
    pages: int
    drops: list[tuple[int, int]]
    spare: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Stretch:
    """Where the article stands: from `start` (its headline, or its first long paragraph) to `end` (its last long
    paragraph); `lead` is its first long paragraph. Long paragraphs that recur on the site do not count."""

    start: int
    lead: int
    end: int

    def holds(self, i: int) -> bool:
        return self.start < i < self.end


def match(page: Page, source: TemplateSource, site: str, scored: bool = False) -> TemplateMatch | None:
    """The page's template lines by `source`'s counts for `site`. `scored`: a learned model ran and every kept
    block's `score` is its furniture probability."""
    hashes = block_hashes(page)
    kept = [h for h, block in zip(hashes, page.blocks, strict=True) if h is not None and block.keep]
    counts = source.counts(site, page.mode, kept)
    observe = getattr(source, "observe", None)
    if observe is not None:  # a source that learns as pages arrive (live.py): this page counts from now on
        observe(LearnedPage.of(page, site, hashes))
    if counts is None or counts.pages < MIN_SITE_PAGES:
        return None
    recurring = recurring_blocks(page.blocks, hashes, counts)
    stretch = article_stretch(page.blocks, recurring)
    if stretch is not None:
        recurring |= rare_outside(page.blocks, hashes, counts, stretch)
    boxes = recurring_runs(page.blocks, hashes, counts)
    recurring |= boxes
    high = max(threshold(counts.pages), math.ceil(DOMINANT_SHARE * counts.pages))
    slug = slug_words(page.url)
    drops, titles = [], set()
    for i, count in sorted(recurring.items()):
        if slug and names_page(page.blocks[i].text, slug):
            titles.add(i)
        elif count >= high or i in boxes or not _article_text(page.blocks[i], i, stretch, scored):
            drops.append((i, count))
    opening = set()
    if stretch is not None:
        dropped = {i for i, _ in drops}
        opening = {i for i in range(stretch.start + 1, stretch.lead) if i not in dropped}
    return TemplateMatch(site, counts.pages, drops, frozenset(titles | opening))


def recurring_blocks(blocks: Sequence[Block], hashes: Sequence[int | None], counts: SiteCounts) -> dict[int, int]:
    """Kept blocks on at least `threshold` of the site's pages, with the number of pages."""
    low = threshold(counts.pages)
    return {
        i: n
        for i, (block, h) in enumerate(zip(blocks, hashes, strict=True))
        if block.keep and h is not None and (n := counts.lines.get(h, 0)) >= low
    }


def rare_outside(
    blocks: Sequence[Block], hashes: Sequence[int | None], counts: SiteCounts, stretch: Stretch
) -> dict[int, int]:
    """Kept blocks outside the article's stretch on fewer than `threshold` but at least `outside_threshold` of the
    site's pages."""
    low, high = outside_threshold(counts.pages), threshold(counts.pages)
    return {
        i: n
        for i, (block, h) in enumerate(zip(blocks, hashes, strict=True))
        if block.keep
        and h is not None
        and (i < stretch.start or i > stretch.end)
        and low <= (n := counts.lines.get(h, 0)) < high
    }


def recurring_runs(blocks: Sequence[Block], hashes: Sequence[int | None], counts: SiteCounts) -> dict[int, int]:
    """Runs of at least MIN_RUN kept blocks in a row (removed blocks between them do not break a run), each short
    and on at least `outside_threshold` of the site's pages, with the number of pages. The headline is never part
    of one: other pages list it, and the lines under it (byline, date) recur."""
    low = outside_threshold(counts.pages)
    found: dict[int, int] = {}
    run: list[tuple[int, int]] = []
    for i, (block, h) in enumerate(zip(blocks, hashes, strict=True)):
        if not block.keep:
            continue
        n = counts.lines.get(h, 0) if h is not None else 0
        if n >= low and _words(block) < LONG_WORDS and block.role != HEADLINE:
            run.append((i, n))
            continue
        if len(run) >= MIN_RUN:
            found.update(run)
        run = []
    if len(run) >= MIN_RUN:
        found.update(run)
    return found


def article_stretch(blocks: Sequence[Block], recurring: dict[int, int]) -> Stretch | None:
    """None for a page with no long kept paragraph of its own."""
    long = [i for i, b in enumerate(blocks) if b.keep and i not in recurring and _words(b) >= LONG_WORDS]
    if not long:
        return None
    headline = next((i for i, b in enumerate(blocks[: long[0]]) if b.role == HEADLINE), long[0])
    return Stretch(headline, long[0], long[-1])


def _words(block: Block) -> int:
    return len(block.text.split())


def _article_text(block: Block, i: int, stretch: Stretch | None, scored: bool) -> bool:
    return stretch is not None and stretch.holds(i) and _reads_as_article(block, scored)


def _reads_as_article(block: Block, scored: bool) -> bool:
    if scored and block.score <= CONTENT_SURE:
        return True
    return _words(block) >= LONG_WORDS and (not scored or block.score < CONTENT_LIKELY)
